"""Word and character n-gram TF-IDF with one logistic regression per label.

Character n-grams inside word boundaries let the model see the parts of Danish compounds
("skybrudssikring", "klimatilpasningsplan") that whole-word features miss.
"""

import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from casetagger.model.text import TOKEN, lemmatise, normalise


class LinearTagger:
    """Multi-label linear tagger; parameters only in ``__init__``, learned state ends in ``_``."""

    def __init__(self, labels: list[str], C: float = 8.0, word_ngrams: tuple[int, int] = (1, 2),
                 char_ngrams: tuple[int, int] | None = (3, 5), lemmas: bool = False, min_df: int = 2,
                 max_features: int = 60000, class_weight: str | None = "balanced"):
        self.labels = labels
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.lemmas = lemmas
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight

    def _word_vectorizer(self, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
        return TfidfVectorizer(ngram_range=self.word_ngrams, min_df=self.min_df, sublinear_tf=True,
                               max_features=self.max_features, token_pattern=r"(?u)\b\w+\b",
                               dtype=np.float32, vocabulary=vocabulary)

    def _char_vectorizer(self, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
        return TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams, min_df=self.min_df,
                               sublinear_tf=True, max_features=self.max_features, dtype=np.float32,
                               vocabulary=vocabulary)

    def to_arrays(self) -> dict[str, Any]:
        """The learned state as plain arrays: compact on disk and safe to load (no objects)."""
        arrays = {"params": {k: list(v) if isinstance(v, tuple) else v for k, v in vars(self).items()
                             if not k.endswith("_")},
                  "coef": self.coef_, "intercept": self.intercept_}
        for name in ("word", "char"):
            vectorizer = getattr(self, f"{name}_vectorizer_")
            if vectorizer is not None:
                arrays[f"{name}_terms"] = vectorizer.get_feature_names_out().astype(str)
                arrays[f"{name}_idf"] = vectorizer.idf_.astype(np.float32)
        return arrays

    @classmethod
    def from_arrays(cls, arrays: dict[str, Any]) -> "LinearTagger":
        params = dict(arrays["params"])
        for key in ("word_ngrams", "char_ngrams"):
            if params.get(key) is not None:
                params[key] = tuple(params[key])
        model = cls(**params)
        model.word_vectorizer_ = model._restore(model._word_vectorizer, arrays["word_terms"], arrays["word_idf"])
        model.char_vectorizer_ = None
        if "char_terms" in arrays:
            model.char_vectorizer_ = model._restore(model._char_vectorizer, arrays["char_terms"], arrays["char_idf"])
        model.coef_, model.intercept_ = arrays["coef"], arrays["intercept"]
        return model

    @staticmethod
    def _restore(make: Callable[[dict[str, int]], TfidfVectorizer], terms: np.ndarray,
                 idf: np.ndarray) -> TfidfVectorizer:
        vectorizer = make({str(term): i for i, term in enumerate(terms)})
        vectorizer.idf_ = idf
        return vectorizer

    def _prepare(self, texts: list[str]) -> list[str]:
        return [lemmatise(t) if self.lemmas else normalise(t) for t in texts]

    def _features(self, prepared: list[str]) -> sparse.csr_matrix:
        blocks = [self.word_vectorizer_.transform(prepared)]
        if self.char_vectorizer_ is not None:
            blocks.append(self.char_vectorizer_.transform(prepared))
        return sparse.hstack(blocks, format="csr")

    def fit(self, texts: list[str], y: np.ndarray, sample_weight: np.ndarray | None = None) -> "LinearTagger":
        prepared = self._prepare(texts)
        self.word_vectorizer_ = self._word_vectorizer().fit(prepared)
        self.char_vectorizer_ = None
        if self.char_ngrams:
            self.char_vectorizer_ = self._char_vectorizer().fit(prepared)
        x = self._features(prepared)
        coefs, intercepts = [], []
        for j in range(len(self.labels)):
            clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear",
                                     random_state=0)
            clf.fit(x, y[:, j], sample_weight=sample_weight)
            coefs.append(clf.coef_[0])
            intercepts.append(clf.intercept_[0])
        self.coef_ = np.asarray(coefs, dtype=np.float32)
        self.intercept_ = np.asarray(intercepts, dtype=np.float32)
        return self

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return self._features(self._prepare(texts))

    def predict_proba(self, texts: list[str], x: sparse.csr_matrix | None = None) -> np.ndarray:
        """Scores in 0..1, one column per label (pass ``x`` from ``transform`` to reuse it)."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        x = self.transform(texts) if x is None else x
        scores: np.ndarray = 1.0 / (1.0 + np.exp(-(x @ self.coef_.T + self.intercept_)))
        return scores

    def evidence(self, text: str, label_indices: list[int], top: int = 5,
                 x: sparse.csr_matrix | None = None) -> dict[int, list[str]]:
        """The words of ``text`` that raise each label's score most (word and char n-gram weights).

        A word's contribution is the sum, over its own features (the word itself and the character
        n-grams inside it), of TF-IDF weight times the label's coefficient.
        """
        x = self.transform([text]) if x is None else x  # one row
        order = np.argsort(x.indices)
        present_features, present_weights = x.indices[order], x.data[order]
        cache = _TOKEN_FEATURES.setdefault(self, {})
        words = list(dict.fromkeys(TOKEN.findall(text)))
        per_word = []
        for word in words:
            if word not in cache:
                cache[word] = np.asarray(self._token_features(word), dtype=np.int64)
            per_word.append(cache[word])
        if not words or not len(present_features):
            return {j: [] for j in label_indices}
        features = np.concatenate(per_word)
        owners = np.repeat(np.arange(len(words)), [len(f) for f in per_word])
        position = np.minimum(np.searchsorted(present_features, features), len(present_features) - 1)
        hit = present_features[position] == features
        features, owners, weights = features[hit], owners[hit], present_weights[position[hit]]
        signed = self.coef_[np.ix_(label_indices, features)] * weights  # labels x hits
        result = {}
        for k, j in enumerate(label_indices):
            column = np.bincount(owners, weights=signed[k], minlength=len(words))
            # words far below the strongest one are noise, not evidence
            floor = max(0.0, 0.2 * float(column.max()))
            best = [i for i in np.argsort(-column)[:top] if column[i] > floor]
            result[j] = [words[i] for i in best]
        return result

    def _token_features(self, word: str) -> list[int]:
        token = self._prepare([word])[0]
        vocab = self.word_vectorizer_.vocabulary_
        features = [vocab[token]] if token in vocab else []
        if self.char_vectorizer_ is not None:
            offset, char_vocab = len(vocab), self.char_vectorizer_.vocabulary_
            analyse = _char_analyser(self.char_vectorizer_)
            features += [offset + char_vocab[g] for g in analyse(token) if g in char_vocab]
        return features


# Per-model caches of work that depends only on the word, kept outside the model so they are
# never saved with it.
_TOKEN_FEATURES: "weakref.WeakKeyDictionary[LinearTagger, dict[str, np.ndarray]]" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=8)
def _char_analyser(vectorizer: TfidfVectorizer) -> Callable[[str], list[str]]:
    analyser: Callable[[str], list[str]] = vectorizer.build_analyzer()
    return analyser
