"""Training the shipped model: thresholds from cross-validation, the test split never seen.

``train_tagger`` is what ``casetagger train``, ``pipeline/project.yml`` and the retraining loop
all call; the config file (``src/casetagger/data/configs/linear.yaml``) is the single source of truth.
"""

import functools
import hashlib
import inspect
import json
import platform
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import numpy as np

from casetagger import __version__
from casetagger.corpus import label_matrix
from casetagger.errors import CasetaggerError, Errors
from casetagger.model.adapt import CorrectionPolicy, correction_weights, retune_thresholds
from casetagger.model.linear import LinearTagger
from casetagger.model.metrics import evaluate_sets
from casetagger.model.tagger import Tagger
from casetagger.model.thresholds import tune_thresholds
from casetagger.resources import DEFAULT_CONFIG, read_yaml
from casetagger.schema import ModelCard
from casetagger.taxonomy import Taxonomy

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class TrainConfig:
    name: str = "casetagger-da"
    version: str = "1.0.0"
    seed: int = 13
    cv_folds: int = 5
    correction_weight: float = 1.0  # weight of an analyst's correction against a corpus passage
    corrections: dict[str, Any] = field(default_factory=dict)  # CorrectionPolicy (model/adapt.py) beyond the fixed weight
    model: dict[str, Any] = field(default_factory=dict)  # LinearTagger parameters

    @classmethod
    def load(cls, path: Path | None = None) -> "TrainConfig":
        path = Path(path or DEFAULT_CONFIG)
        return cls.from_dict(read_yaml(path, Errors.E209), path)

    @classmethod
    def from_dict(cls, data: object, path: Path | str = "<dict>") -> "TrainConfig":
        """Checked field by field: a typo or a wrong type is named before minutes of training."""
        def invalid(detail: str) -> CasetaggerError:
            return CasetaggerError(Errors.E209.format(path=path, detail=detail))

        if not isinstance(data, dict):
            raise invalid("it needs a mapping of settings")
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise invalid(f"unknown setting(s) {', '.join(sorted(map(str, unknown)))}")
        kinds: dict[str, type | tuple[type, ...]] = {"name": str, "version": str, "seed": int, "cv_folds": int,
                                                      "correction_weight": (int, float), "corrections": dict, "model": dict}
        for key, value in data.items():
            if not isinstance(value, kinds[key]) or isinstance(value, bool):
                raise invalid(f"'{key}' has the wrong type ({type(value).__name__})")
        if data.get("cv_folds", 2) < 2:
            raise invalid("'cv_folds' must be at least 2")
        model = dict(data.get("model", {}))
        allowed = set(inspect.signature(LinearTagger).parameters) - {"labels"}
        if set(model) - allowed:
            raise invalid(f"unknown model parameter(s) {', '.join(sorted(map(str, set(model) - allowed)))} "
                          f"(known: {', '.join(sorted(allowed))})")
        for key in ("word_ngrams", "char_ngrams"):
            if model.get(key) is not None:
                if not (isinstance(model[key], list) and len(model[key]) == 2 and all(isinstance(n, int) for n in model[key])):
                    raise invalid(f"model '{key}' must be two whole numbers, such as [1, 2]")
                model[key] = tuple(model[key])
        return cls(**{**data, "model": model})


def corpus_hash(rows: list[dict[str, Any]]) -> str:
    canonical = sorted(json.dumps([r["id"], r["text"], sorted(r["labels"]), r.get("split")], ensure_ascii=False)
                       for r in rows)
    return hashlib.sha256("\n".join(canonical).encode()).hexdigest()[:16]


def out_of_fold_scores(texts: list[str], y: np.ndarray, labels: list[str], config: TrainConfig,
                       weights: np.ndarray | None = None, progress: Progress | None = None) -> np.ndarray:
    """Scores for every passage from a model that did not see it (stratified k-fold)."""
    from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

    scores = np.zeros(y.shape, dtype=np.float32)
    folds = MultilabelStratifiedKFold(n_splits=config.cv_folds, shuffle=True, random_state=config.seed)
    for fold, (train_idx, held_idx) in enumerate(folds.split(np.zeros(len(texts)), y), start=1):
        stage = f"cross-validation fold {fold}/{config.cv_folds}"
        _report(progress, stage, 0, len(labels))
        model = LinearTagger(labels, **config.model).fit(
            [texts[i] for i in train_idx], y[train_idx], None if weights is None else weights[train_idx],
            on_label=functools.partial(_label_done, progress, stage, len(labels)))
        scores[held_idx] = model.predict_proba([texts[i] for i in held_idx])
    return scores


def _label_done(progress: Progress | None, stage: str, total: int, j: int) -> None:
    _report(progress, stage, j + 1, total)


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def model_params(config: TrainConfig, taxonomy: Taxonomy) -> dict[str, Any]:
    """The LinearTagger parameters; ``terms: true`` in the config takes the taxonomy's terms."""
    params = dict(config.model)
    if params.get("terms") is True:
        params["terms"] = taxonomy.terms
    return params


def train_tagger(rows: list[dict[str, Any]], taxonomy: Taxonomy, config: TrainConfig,
                 extra_card: dict[str, Any] | None = None) -> Tagger:
    """Fit on every passage not in the test split; thresholds from out-of-fold scores."""
    return fit_tagger(rows, taxonomy, config, extra_card).tagger


@dataclass
class TrainingRun:
    """A trained tagger with the out-of-fold scores its thresholds came from."""

    tagger: Tagger
    rows: list[dict[str, Any]]  # the training rows, in the order of ``scores`` and ``y``
    scores: np.ndarray  # out-of-fold scores
    y: np.ndarray

    @property
    def corrected(self) -> np.ndarray:
        return np.array([bool(r.get("corrected")) for r in self.rows])


def fit_tagger(rows: list[dict[str, Any]], taxonomy: Taxonomy, config: TrainConfig,
               extra_card: dict[str, Any] | None = None,
               progress: Progress | None = None) -> TrainingRun:
    """``train_tagger`` keeping the out-of-fold scores; ``progress(stage, done, total)`` follows it."""
    started = time.perf_counter()
    config = replace(config, model=model_params(config, taxonomy))
    training = [r for r in rows if r.get("split") != "test"]
    texts = [r["text"] for r in training]
    y = label_matrix(training, taxonomy.ids)
    policy = CorrectionPolicy.from_dict({"weight": config.correction_weight, **config.corrections})
    corrected = np.array([bool(r.get("corrected")) for r in training])
    weights = correction_weights(corrected, policy)
    oof = out_of_fold_scores(texts, y, taxonomy.ids, config, weights, progress)
    thresholds = tune_thresholds(oof, y)
    if corrected.any():
        thresholds = retune_thresholds(thresholds, oof[corrected], y[corrected], policy)
    _report(progress, "fit", 0, len(taxonomy.ids))
    model = LinearTagger(taxonomy.ids, **config.model).fit(
        texts, y, weights, on_label=functools.partial(_label_done, progress, "fit", len(taxonomy.ids)))
    card = {
        "name": config.name,
        "version": config.version,
        "date": date.today().isoformat(),
        "architecture": "TF-IDF word and character n-grams, one logistic regression per label",
        "config": asdict(config),
        "labels": taxonomy.ids,
        "taxonomy": taxonomy.name,
        "taxonomy_hash": taxonomy.hash,
        "taxonomy_labels": [{"id": l.id, "kind": l.kind, "name_da": l.name_da} for l in taxonomy.labels],
        "corpus_hash": corpus_hash(rows),
        "trained_on": len(training),
        "training_seconds": round(time.perf_counter() - started, 1),
        "libraries": _library_versions(),
        **(extra_card or {}),
    }
    return TrainingRun(Tagger(model, dict(zip(taxonomy.ids, thresholds.tolist())), cast(ModelCard, card)), training, oof, y)


def evaluate_rows(tagger: Tagger, rows: list[dict[str, Any]], taxonomy: Taxonomy) -> dict[str, Any]:
    """Gold rows carry ``text``, ``labels`` and optionally ``optional`` (labels scored neither way)."""
    predicted = tagger.predict([r["text"] for r in rows])
    return evaluate_sets([set(r["labels"]) for r in rows], predicted, taxonomy,
                         [set(r.get("optional", [])) for r in rows])


def _library_versions() -> dict[str, Any]:
    import scipy
    import sklearn

    return {"python": platform.python_version(), "casetagger": __version__, "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__}
