"""Word and character n-gram TF-IDF with one logistic regression per label.

Character n-grams inside word boundaries let the model see the parts of Danish compounds
("skybrudssikring", "klimatilpasningsplan") that whole-word features miss.
"""

import re
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from casetagger.model.ngrams import NgramTfidf
from casetagger.model.rows import SparseRows
from casetagger.model.text import TOKEN, compound_parts, lemmatise, normalise, with_compound_parts


class LinearTagger:
    """Multi-label linear tagger; parameters only in ``__init__``, learned state ends in ``_``."""

    def __init__(self, labels: list[str], C: float = 8.0, word_ngrams: tuple[int, int] = (1, 2),
                 char_ngrams: tuple[int, int] | None = (3, 5), lemmas: bool = False, min_df: int = 2,
                 max_features: int = 60000, class_weight: str | None = "balanced", compounds: bool = False,
                 loss: str = "logistic", terms: dict[str, list[str]] | None = None, terms_weight: float = 1.0):
        self.labels = labels
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.lemmas = lemmas
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight
        self.compounds = compounds
        self.loss = loss  # "logistic", or "hinge": a linear SVM with Platt-scaled scores
        self.terms = terms  # label id -> domain terms (word starts), extra features per label
        self.terms_weight = terms_weight

    def _fit_vectorizer(self, analyzer: str, ngram_range: tuple[int, int], prepared: list[str]) -> NgramTfidf:
        # scikit-learn is imported to train only: tagging applies the fitted n-grams itself
        from sklearn.feature_extraction.text import TfidfVectorizer

        words = {"token_pattern": r"(?u)\b\w+\b"} if analyzer == "word" else {}
        vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngram_range, min_df=self.min_df,
                                     sublinear_tf=True, max_features=self.max_features, dtype=np.float32, **words)
        return NgramTfidf.from_vectorizer(vectorizer.fit(prepared))

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
        model.word_vectorizer_ = NgramTfidf("word", model.word_ngrams, arrays["word_terms"], arrays["word_idf"])
        model.char_vectorizer_ = None
        if "char_terms" in arrays:
            assert model.char_ngrams is not None
            model.char_vectorizer_ = NgramTfidf("char_wb", model.char_ngrams, arrays["char_terms"], arrays["char_idf"])
        model.coef_, model.intercept_ = arrays["coef"], arrays["intercept"]
        return model

    def _prepare(self, texts: list[str]) -> list[str]:
        if self.lemmas:
            return [lemmatise(t) for t in texts]
        return [with_compound_parts(t) if self.compounds else normalise(t) for t in texts]

    def _features(self, prepared: list[str]) -> SparseRows:
        blocks = [self.word_vectorizer_.transform(prepared)]
        if self.char_vectorizer_ is not None:
            blocks.append(self.char_vectorizer_.transform(prepared))
        if self.terms:
            blocks.append(self._term_features(prepared))
        return SparseRows.hstack(blocks)

    def _term_features(self, prepared: list[str]) -> SparseRows:
        """Per label, how many of its domain terms the passage uses (0, 1/3, 2/3 or 1)."""
        terms = self.terms or {}
        patterns = _term_patterns(tuple((label, tuple(terms.get(label, ()))) for label in self.labels))
        rows = [[min(len(set(p.findall(text))), 3) / 3 if p else 0.0 for p in patterns] for text in prepared]
        return SparseRows.from_dense(np.asarray(rows, dtype=np.float32).reshape(len(prepared), len(patterns))
                                     * np.float32(self.terms_weight))

    def fit(self, texts: list[str], y: np.ndarray, sample_weight: np.ndarray | None = None,
            on_label: Callable[[int], object] | None = None) -> "LinearTagger":
        """``on_label(j)`` is called after each label's classifier is fitted (for progress bars)."""
        prepared = self._prepare(texts)
        self.word_vectorizer_ = self._fit_vectorizer("word", self.word_ngrams, prepared)
        self.char_vectorizer_ = None
        if self.char_ngrams:
            self.char_vectorizer_ = self._fit_vectorizer("char_wb", self.char_ngrams, prepared)
        x = self._features(prepared).to_scipy()  # scikit-learn's solvers take scipy's matrix
        coefs, intercepts = [], []
        for j in range(len(self.labels)):
            coef, intercept = self._fit_label(x, y[:, j], sample_weight)
            coefs.append(coef)
            intercepts.append(intercept)
            if on_label is not None:
                on_label(j)
        self.coef_ = np.asarray(coefs, dtype=np.float32)
        self.intercept_ = np.asarray(intercepts, dtype=np.float32)
        return self

    def _fit_label(self, x: Any, y: np.ndarray,
                   sample_weight: np.ndarray | None) -> tuple[np.ndarray, float]:
        smallest_class = int(np.bincount(y.astype(int), minlength=2).min())
        # Platt scaling needs each class in every calibration fold; a label seen once or twice
        # (a tiny retraining set) is fitted by logistic regression instead
        if self.loss == "logistic" or smallest_class < 2:
            from sklearn.linear_model import LogisticRegression

            clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear",
                                     random_state=0).fit(x, y, sample_weight=sample_weight)
            return clf.coef_[0], float(clf.intercept_[0])
        if self.loss != "hinge":
            raise ValueError(f"loss must be 'logistic' or 'hinge', not {self.loss!r}")
        # A linear SVM's margins become probabilities by Platt scaling (a sigmoid fitted on
        # out-of-fold margins); the result is again one linear function, so it saves and
        # explains like the logistic model.
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=0, max_iter=5000)
        calibrated = CalibratedClassifierCV(svm, method="sigmoid", cv=min(3, smallest_class), ensemble=False)
        calibrated.fit(x, y, sample_weight=sample_weight)
        fitted = calibrated.calibrated_classifiers_[0]
        a, b = fitted.calibrators[0].a_, fitted.calibrators[0].b_  # p = 1 / (1 + exp(a * margin + b))
        return -a * fitted.estimator.coef_[0], float(-(a * fitted.estimator.intercept_[0] + b))

    def transform(self, texts: list[str]) -> SparseRows:
        return self._features(self._prepare(texts))

    def predict_proba(self, texts: list[str], x: SparseRows | None = None) -> np.ndarray:
        """Scores in 0..1, one column per label (pass ``x`` from ``transform`` to reuse it)."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        x = self.transform(texts) if x is None else x
        scores: np.ndarray = 1.0 / (1.0 + np.exp(-(x.dot(self._by_feature()) + self.intercept_)))
        return scores

    def _by_feature(self) -> np.ndarray:
        """``coef_`` transposed, each feature's weights for all labels side by side: a passage
        gathers the rows of its own features (kept per model, and made again after a new fit)."""
        kept = _BY_FEATURE.get(self)
        if kept is None or kept[0] is not self.coef_:
            kept = _BY_FEATURE[self] = (self.coef_, np.ascontiguousarray(self.coef_.T))
        return kept[1]

    def evidence(self, text: str, label_indices: list[int], top: int = 5,
                 x: SparseRows | None = None) -> dict[int, list[str]]:
        """The words of ``text`` that raise each label's score most (word and char n-gram weights).

        A word's contribution is the sum, over its own features (the word itself and the character
        n-grams inside it), of TF-IDF weight times the label's coefficient.
        """
        x = self.transform([text]) if x is None else x  # one row
        order = np.argsort(x.indices)
        present_features, present_weights = x.indices[order], x.data[order]
        cache = _TOKEN_FEATURES.setdefault(self, {})
        words = [w for w in dict.fromkeys(TOKEN.findall(text)) if is_content_word(w)]
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
        token = lemmatise(word) if self.lemmas else normalise(word)
        vocab = self.word_vectorizer_.vocabulary_
        features = [vocab[t] for t in (token, *(compound_parts(token) if self.compounds else ())) if t in vocab]
        if self.char_vectorizer_ is not None:
            offset = len(vocab)
            features += [offset + i for i in self.char_vectorizer_.word_ids(token)]
        return features


def is_content_word(word: str) -> bool:
    """Worth showing as evidence: not a number, not a stop word, not a word every document uses."""
    lower = word.lower()
    return len(lower) > 2 and not lower.isdigit() and lower not in _evidence_stopwords()


@lru_cache(maxsize=1)
def _evidence_stopwords() -> frozenset[str]:
    from importlib.resources import files

    listed = files("casetagger.model").joinpath("evidence_stopwords.txt").read_text(encoding="utf-8")
    words = {w for line in listed.splitlines() if not line.startswith("#") for w in line.split()}
    return frozenset(words | _spacy_danish_stop_words())


def _spacy_danish_stop_words() -> set[str]:
    """spaCy's Danish stop words, from their module alone: ``import spacy.lang.da`` would import
    all of spaCy (0.7 s CPU, ~100 MB) into every process that tags, for one set of words."""
    import importlib.util
    from pathlib import Path

    spacy_spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    assert spacy_spec is not None and spacy_spec.origin is not None
    spec = importlib.util.spec_from_file_location(
        "_casetagger_spacy_da_stop_words", Path(spacy_spec.origin).parent / "lang" / "da" / "stop_words.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stop_words: set[str] = module.STOP_WORDS
    return stop_words


# Per-model caches of work that depends only on the word, kept outside the model so they are
# never saved with it.
_TOKEN_FEATURES: "weakref.WeakKeyDictionary[LinearTagger, dict[str, np.ndarray]]" = weakref.WeakKeyDictionary()
_BY_FEATURE: "weakref.WeakKeyDictionary[LinearTagger, tuple[np.ndarray, np.ndarray]]" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=8)
def _term_patterns(terms: tuple[tuple[str, tuple[str, ...]], ...]) -> list[re.Pattern[str] | None]:
    return [re.compile(r"\b(?:" + "|".join(re.escape(normalise(t)) for t in sorted(words, key=len, reverse=True))
                       + r")\w*") if words else None for _, words in terms]
