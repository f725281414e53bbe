"""A fitted TF-IDF of word or character n-grams, applied without scikit-learn.

Training fits scikit-learn's ``TfidfVectorizer``; what tagging needs of it is its vocabulary,
its idf weights and how it cuts text, kept here so that loading a model imports no scikit-learn
(about a second per process). A test holds ``transform`` equal to the vectorizer's own.

Character n-grams (``char_wb``) never cross a space, so a passage's n-grams are the union of its
words' n-grams, and municipal text repeats its words: a word's feature ids are computed once and
kept. scikit-learn builds every n-gram of every passage in Python: two thirds of tagging time.
"""

import re
from typing import Any

import numpy as np

from casetagger.model.rows import SparseRows

MAX_CACHED_WORDS = 500_000  # a bound for a long-lived worker; Danish text needs far fewer
WORD_TOKEN = re.compile(r"(?u)\b\w+\b")  # the word vectorizer's token_pattern


class NgramTfidf:
    """Vocabulary, idf and the transform of a fitted ``word`` or ``char_wb`` TF-IDF vectorizer."""

    def __init__(self, analyzer: str, ngram_range: tuple[int, int], terms: np.ndarray, idf: np.ndarray,
                 sublinear_tf: bool = True, dtype: Any = np.float32):
        if analyzer not in ("word", "char_wb"):
            raise ValueError(f"analyzer {analyzer!r}: only 'word' and 'char_wb' are supported")
        self.analyzer = analyzer
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.terms = np.asarray(terms).astype(str)
        self.idf_ = np.asarray(idf)
        self.sublinear_tf = sublinear_tf
        self.dtype = dtype
        self.vocabulary_ = {term: i for i, term in enumerate(self.terms.tolist())}  # plain str: half the time
        self._ids: dict[str, list[int]] = {}

    @classmethod
    def from_vectorizer(cls, vectorizer: Any) -> "NgramTfidf":
        """From a fitted ``TfidfVectorizer`` with l2 norm and idf, as ``LinearTagger`` makes them."""
        assert vectorizer.norm == "l2" and vectorizer.use_idf and vectorizer.lowercase
        return cls(vectorizer.analyzer, vectorizer.ngram_range, vectorizer.get_feature_names_out(),
                   vectorizer.idf_, vectorizer.sublinear_tf, vectorizer.dtype)

    def get_feature_names_out(self) -> np.ndarray:
        return self.terms

    def word_ids(self, word: str) -> list[int]:
        """The known character n-grams of one word (no spaces in it), as ``char_wb`` cuts them."""
        ids = self._ids.get(word)
        if ids is None:
            padded = f" {word} "
            size, (shortest, longest) = len(padded), self.ngram_range
            grams = [padded[start:start + n] for n in range(shortest, min(longest, size - 1) + 1)
                     for start in range(size - n + 1)]
            if size <= longest:  # a word no longer than n counts once, as a whole
                grams.append(padded)
            ids = [i for i in map(self.vocabulary_.get, grams) if i is not None]
            if len(self._ids) >= MAX_CACHED_WORDS:
                self._ids.clear()
            self._ids[word] = ids
        return ids

    def _text_ids(self, text: str) -> list[int]:
        text = text.lower()  # the vectorizer's preprocessor
        if self.analyzer == "char_wb":
            ids: list[int] = []
            for word in text.split():
                ids.extend(self.word_ids(word))
            return ids
        tokens = WORD_TOKEN.findall(text)
        shortest, longest = self.ngram_range
        grams = [" ".join(tokens[start:start + n]) if n > 1 else tokens[start]
                 for n in range(shortest, longest + 1) for start in range(len(tokens) - n + 1)]
        return [i for i in map(self.vocabulary_.get, grams) if i is not None]

    def transform(self, texts: list[str]) -> SparseRows:
        """The same matrix as the fitted vectorizer's ``transform(texts)``."""
        indptr, indices, counts = [0], [], []
        for text in texts:
            unique, count = np.unique(np.asarray(self._text_ids(text), dtype=np.int64), return_counts=True)
            indices.append(unique)
            counts.append(count)
            indptr.append(indptr[-1] + len(unique))
        data = np.concatenate(counts).astype(np.float64) if counts else np.zeros(0)
        columns = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64)
        starts = np.asarray(indptr)
        if self.sublinear_tf:
            np.log(data, data)
            data += 1.0
        data *= self.idf_[columns]
        filled = np.flatnonzero(np.diff(starts))  # rows with no known n-gram stay empty
        norms = np.ones(len(texts))
        if len(filled):
            norms[filled] = np.sqrt(np.add.reduceat(data * data, starts[filled]))
        data *= np.repeat(1.0 / norms, np.diff(starts))  # as scipy's diagonal product did
        return SparseRows(data.astype(self.dtype), columns, starts, len(self.terms))
