"""Training the shipped model: thresholds from cross-validation, the test split never seen.

``train_tagger`` is what ``casetagger train``, ``pipeline/project.yml`` and the retraining loop
all call; the config file (``src/casetagger/data/configs/linear.yaml``) is the single source of truth.
"""

import hashlib
import inspect
import json
import platform
import time
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, cast

import numpy as np

from casetagger import __version__
from casetagger.corpus import label_matrix
from casetagger.errors import CasetaggerError, Errors
from casetagger.model.linear import LinearTagger
from casetagger.model.metrics import evaluate_sets
from casetagger.model.tagger import Tagger
from casetagger.model.thresholds import tune_thresholds
from casetagger.resources import DEFAULT_CONFIG, read_yaml
from casetagger.schema import ModelCard
from casetagger.taxonomy import Taxonomy


@dataclass
class TrainConfig:
    name: str = "casetagger-da"
    version: str = "1.0.0"
    seed: int = 13
    cv_folds: int = 5
    correction_weight: float = 1.0  # weight of an analyst's correction against a corpus passage
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
                                                      "correction_weight": (int, float), "model": dict}
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
                       weights: np.ndarray | None = None) -> np.ndarray:
    """Scores for every passage from a model that did not see it (stratified k-fold)."""
    from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

    scores = np.zeros(y.shape, dtype=np.float32)
    folds = MultilabelStratifiedKFold(n_splits=config.cv_folds, shuffle=True, random_state=config.seed)
    for train_idx, held_idx in folds.split(np.zeros(len(texts)), y):
        model = LinearTagger(labels, **config.model).fit([texts[i] for i in train_idx], y[train_idx],
                                                         None if weights is None else weights[train_idx])
        scores[held_idx] = model.predict_proba([texts[i] for i in held_idx])
    return scores


def train_tagger(rows: list[dict[str, Any]], taxonomy: Taxonomy, config: TrainConfig, extra_card: dict[str, Any] | None = None) -> Tagger:
    """Fit on every passage not in the test split; thresholds from out-of-fold scores."""
    started = time.perf_counter()
    training = [r for r in rows if r.get("split") != "test"]
    texts = [r["text"] for r in training]
    y = label_matrix(training, taxonomy.ids)
    weights = None
    if any(r.get("corrected") for r in training) and config.correction_weight != 1.0:
        weights = np.array([config.correction_weight if r.get("corrected") else 1.0 for r in training])
    thresholds = tune_thresholds(out_of_fold_scores(texts, y, taxonomy.ids, config, weights), y)
    model = LinearTagger(taxonomy.ids, **config.model).fit(texts, y, weights)
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
    return Tagger(model, dict(zip(taxonomy.ids, thresholds.tolist())), cast(ModelCard, card))


def evaluate_rows(tagger: Tagger, rows: list[dict[str, Any]], taxonomy: Taxonomy) -> dict[str, Any]:
    """Gold rows carry ``text``, ``labels`` and optionally ``optional`` (labels scored neither way)."""
    predicted = tagger.predict([r["text"] for r in rows])
    return evaluate_sets([set(r["labels"]) for r in rows], predicted, taxonomy,
                         [set(r.get("optional", [])) for r in rows])


def _library_versions() -> dict[str, Any]:
    import scipy
    import sklearn
    import skops

    return {"python": platform.python_version(), "casetagger": __version__, "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__, "skops": skops.__version__}
