"""Character n-gram TF-IDF of a fitted ``char_wb`` vectorizer, computed word by word.

scikit-learn builds every n-gram of every word of every passage in Python and looks each one
up: two thirds of tagging time. ``char_wb`` n-grams never cross a space, so a passage's n-grams
are the union of its words' n-grams, and municipal text repeats its words: the feature ids of a
word are computed once and kept. The result is the vectorizer's own ``transform`` (a test holds
them equal); fitting still uses scikit-learn.
"""

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

MAX_CACHED_WORDS = 500_000  # a bound for a long-lived worker; Danish text needs far fewer


class CharNgrams:
    """Feature ids per word, and whole passages' TF-IDF rows, for one fitted vectorizer."""

    def __init__(self, vectorizer: TfidfVectorizer):
        # what transform needs, not the vectorizer: caches keyed weakly by it must not hold it
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.shortest, self.longest = vectorizer.ngram_range
        self.sublinear_tf, self.norm, self.dtype = vectorizer.sublinear_tf, vectorizer.norm, vectorizer.dtype
        self.idf: np.ndarray | None = vectorizer.idf_ if vectorizer.use_idf else None
        self._ids: dict[str, list[int]] = {}

    def word_ids(self, word: str) -> list[int]:
        """The known n-grams of one word (no spaces in it), as scikit-learn's char_wb cuts them."""
        ids = self._ids.get(word)
        if ids is None:
            padded = f" {word} "
            size = len(padded)
            grams = [padded[start:start + n] for n in range(self.shortest, min(self.longest, size - 1) + 1)
                     for start in range(size - n + 1)]
            if size <= self.longest:  # a word no longer than n counts once, as a whole
                grams.append(padded)
            ids = [i for i in map(self.vocabulary.get, grams) if i is not None]
            if len(self._ids) >= MAX_CACHED_WORDS:
                self._ids.clear()
            self._ids[word] = ids
        return ids

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """The same matrix as ``vectorizer.transform(texts)``."""
        indptr, indices, counts = [0], [], []
        for text in texts:
            ids: list[int] = []
            for word in text.lower().split():  # the vectorizer's preprocessor lower-cases
                ids.extend(self.word_ids(word))
            unique, count = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
            indices.append(unique)
            counts.append(count)
            indptr.append(indptr[-1] + len(unique))
        data = np.concatenate(counts).astype(np.float64) if counts else np.zeros(0)
        x = sparse.csr_matrix((data, np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
                               np.asarray(indptr)), shape=(len(texts), len(self.vocabulary)))
        if self.sublinear_tf:
            np.log(x.data, x.data)
            x.data += 1.0
        if self.idf is not None:
            x.data *= self.idf[x.indices]
        if self.norm is not None:
            x = normalize(x, norm=self.norm, copy=False)
        return x.astype(self.dtype)
