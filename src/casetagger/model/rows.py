"""Sparse rows (compressed sparse row layout) in numpy alone: what tagging needs of a TF-IDF matrix.

A passage's features are a few hundred of some 100,000 columns. Tagging multiplies them by the
labels' weights and reads one row's features for its evidence; that is all. scipy.sparse can
do it, but importing it pulls in numpy.f2py, numpy.testing and more, about 80 ms in every
process that tags, and `run` pays it in its main process before the first worker starts.
Training hands scikit-learn the scipy matrix (``to_scipy``).
"""

import operator
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
        if len({len(b) for b in blocks}) != 1:
            raise ValueError(f"blocks of {sorted({len(b) for b in blocks})} rows cannot stand side by side")
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
        row = range(len(self))[operator.index(row)]  # negative counts from the end; out of range raises
        start, end = self.indptr[row], self.indptr[row + 1]
        return SparseRows(self.data[start:end], self.indices[start:end], np.array([0, end - start]), self.shape[1])

    def dot(self, by_column: np.ndarray) -> np.ndarray:
        """``self @ by_column`` for a dense array of one row per column of ``self`` (features x labels).

        Row by row, each summed in float64 (scipy summed float32 in float32, off by up to 2e-6 in a
        score): a row gathers only its own features' rows of ``by_column``, so memory stays that of
        one passage, where one product over the whole batch took 78 MB for 512 passages."""
        if by_column.shape[0] != self.shape[1]:
            raise ValueError(f"{self.shape[1]} columns against weights for {by_column.shape[0]}")
        out = np.empty((len(self), by_column.shape[1]), dtype=np.result_type(self.data, by_column))
        data = self.data.astype(np.float64)
        bounds = self.indptr.tolist()  # plain ints slice faster than numpy's
        for row, (start, end) in enumerate(zip(bounds[:-1], bounds[1:])):
            out[row] = data[start:end] @ by_column[self.indices[start:end]]
        return out

    def to_scipy(self) -> Any:
        from scipy import sparse  # for training only

        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)
