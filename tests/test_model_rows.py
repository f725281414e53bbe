"""``SparseRows`` against scipy.sparse, which it stands in for when tagging."""

import numpy as np
import pytest
from scipy import sparse

from casetagger.model.rows import SparseRows


def _random_rows(rng, rows, columns, density):
    dense = rng.random((rows, columns)).astype(np.float32)
    dense[rng.random((rows, columns)) > density] = 0.0
    return dense


@pytest.mark.parametrize("density", [0.0, 0.05, 0.5, 1.0])
def test_model_rows_equal_scipy(density):
    rng = np.random.default_rng(7)
    left, right = _random_rows(rng, 9, 40, density), _random_rows(rng, 9, 15, density)
    left[3] = 0.0  # a row with no entries in one block
    right[3] = 0.0  # ... and in all of them
    right[5] = 0.0
    rows = SparseRows.hstack([SparseRows.from_dense(left), SparseRows.from_dense(right)])
    expected = sparse.hstack([sparse.csr_matrix(left), sparse.csr_matrix(right)], format="csr")
    assert rows.shape == expected.shape
    assert (rows.to_scipy() != expected).nnz == 0
    weights = rng.normal(size=(13, 55)).astype(np.float32)
    product = rows.dot(weights.T.copy())
    assert product.dtype == np.float32 and product.shape == (9, 13)
    np.testing.assert_allclose(product, np.hstack([left, right]).astype(np.float64) @ weights.T.astype(np.float64),
                               rtol=1e-6, atol=1e-6)
    assert not product[3].any()
    one = rows[5]
    assert one.shape == (1, 55) and (one.to_scipy() != expected[5]).nnz == 0
    assert (rows[-1].to_scipy() != expected[8]).nnz == 0
    with pytest.raises(IndexError):
        rows[9]


def test_model_rows_refuse_blocks_of_other_lengths_and_weights_of_another_width():
    one, three = SparseRows.from_dense(np.ones((1, 2))), SparseRows.from_dense(np.ones((3, 2)))
    with pytest.raises(ValueError, match="rows"):
        SparseRows.hstack([one, three])
    with pytest.raises(ValueError, match="columns"):
        three.dot(np.ones((5, 4)))


def test_model_rows_empty():
    rows = SparseRows.from_dense(np.zeros((0, 4), dtype=np.float32))
    assert len(rows) == 0 and rows.dot(np.ones((4, 2), dtype=np.float32)).shape == (0, 2)
