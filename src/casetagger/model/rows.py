"""Sparse rows (compressed sparse row layout) in numpy alone: what tagging needs of a TF-IDF matrix.

A passage's features are a few hundred of some 100,000 columns. Tagging multiplies them by the
labels' weights and reads one row's features for its evidence; that is all. scipy.sparse can
do it, but importing it pulls in numpy.f2py, numpy.testing and more, about 80 ms in every
process that tags, and `run` pays it in its main process before the first worker starts.
Training hands scikit-learn the scipy matrix (``to_scipy``).
"""

from typing import Any

import numpy as np


class SparseRows:
    """``data`` and ``indices`` of each row ``r`` at ``indptr[r]:indptr[r + 1]``, columns sorted."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, width: int):
        self.data = data
        self.indices = indices
        self.indptr = indptr
        self.shape = (len(indptr) - 1, int(width))

    @classmethod
    def from_dense(cls, rows: np.ndarray) -> "SparseRows":
        where, columns = np.nonzero(rows)  # row-major: columns come sorted within each row
        indptr = np.concatenate(([0], np.cumsum(np.bincount(where, minlength=rows.shape[0]))))
        return cls(rows[where, columns], columns.astype(np.int64), indptr, rows.shape[1])

    @classmethod
    def hstack(cls, blocks: list["SparseRows"]) -> "SparseRows":
        """The blocks side by side: each row holds block 0's columns, then block 1's (shifted), ..."""
        lengths = [np.diff(b.indptr) for b in blocks]
        indptr = np.concatenate(([0], np.cumsum(sum(lengths))))
        data = np.empty(indptr[-1], dtype=np.result_type(*(b.data for b in blocks)))
        indices = np.empty(indptr[-1], dtype=np.int64)
        before = indptr[:-1].copy()  # where each row's next block starts in the result
        offset = 0
        for block, length in zip(blocks, lengths):
            row = np.repeat(np.arange(len(length)), length)
            at = before[row] + np.arange(len(block.indices)) - block.indptr[row]
            data[at], indices[at] = block.data, block.indices + offset
            before += length
            offset += block.shape[1]
        return cls(data, indices, indptr, offset)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, row: int) -> "SparseRows":
        start, end = self.indptr[row], self.indptr[row + 1]
        return SparseRows(self.data[start:end], self.indices[start:end], np.array([0, end - start]), self.shape[1])

    def astype(self, dtype: Any) -> "SparseRows":
        return SparseRows(self.data.astype(dtype), self.indices, self.indptr, self.shape[1])

    def dot_rows_of(self, weights: np.ndarray) -> np.ndarray:
        """``self @ weights.T`` for a dense ``weights`` of one row per output (labels x columns),
        summed in float64 (scipy summed float32 rows in float32, off by up to 2e-6 in a score)."""
        sums = np.zeros((len(self), weights.shape[0]))
        filled = np.flatnonzero(np.diff(self.indptr))  # reduceat needs each row to have an entry
        if len(filled):
            products = weights[:, self.indices].astype(np.float64) * self.data
            sums[filled] = np.add.reduceat(products, self.indptr[filled], axis=1).T
        return sums.astype(np.result_type(self.data, weights))

    def to_scipy(self) -> Any:
        from scipy import sparse  # for training only

        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)
