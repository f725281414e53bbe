"""The shipped model: load it offline, score passages, apply per-label thresholds, give evidence.

A model directory holds ``model.json`` (the model card: labels, thresholds, hashes, metrics)
and ``model.npz``: numpy arrays only, loaded with pickling refused, so no code from the file ever
runs. Model directories written before (``model.skops``, skops's format, which imports all of
scikit-learn to load) are still read, trusting an explicit list of types and nothing else.
"""

import json
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import numpy as np

from casetagger.errors import CasetaggerError, Errors, describe
from casetagger.model.linear import LinearTagger
from casetagger.model.text import clean
from casetagger.schema import ModelCard, TaggedPassage
from casetagger.taxonomy import Taxonomy

CARD = "model.json"
WEIGHTS = "model.npz"
LEGACY_WEIGHTS = "model.skops"
ZIP_MAGIC = b"PK\x03\x04"  # an npz is a zip archive
# The skops file is a dict of numpy arrays and plain values (LinearTagger.to_arrays); loading
# refuses a file that holds any type beyond these.
TRUSTED_TYPES: list[str] = []


CARD_FIELDS = ("name", "version", "labels", "thresholds", "taxonomy", "taxonomy_hash", "taxonomy_labels")


def read_card(model_dir: Path) -> ModelCard:
    """The model card, checked: a hand-edited or truncated card is named, not a traceback."""
    path = Path(model_dir) / CARD
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CasetaggerError(Errors.E201.format(path=model_dir)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CasetaggerError(Errors.E211.format(path=path, detail=f"not JSON: {e}")) from None
    if not isinstance(card, dict):
        raise CasetaggerError(Errors.E211.format(path=path, detail="not a JSON object"))
    missing = [key for key in CARD_FIELDS if key not in card]
    if missing:
        raise CasetaggerError(Errors.E211.format(path=path, detail=f"missing {', '.join(missing)}"))
    thresholds = card["thresholds"]
    if not isinstance(thresholds, dict) or not all(isinstance(t, (int, float)) for t in thresholds.values()) \
            or set(thresholds) != set(card["labels"]):
        raise CasetaggerError(Errors.E211.format(path=path, detail="'thresholds' needs a number for every label"))
    return cast(ModelCard, card)


def _read_arrays(weights: Path) -> dict[str, Any]:
    """The arrays of a ``model.npz``. Nothing in it is unpickled: an object array is refused."""
    with weights.open("rb") as f:
        if f.read(4) != ZIP_MAGIC:  # np.load would try a pickle, or a bare .npy array, instead
            raise CasetaggerError(Errors.E205.format(path=weights, detail="not an npz archive"))
    try:
        with np.load(weights, allow_pickle=False) as stored:
            arrays: dict[str, Any] = {name: stored[name] for name in stored.files}
    except ValueError as e:
        if "allow_pickle" in str(e):  # an object array: only pickle could load it
            raise CasetaggerError(Errors.E204.format(path=weights, types="object arrays (pickled data)")) from None
        raise CasetaggerError(Errors.E205.format(path=weights, detail=e)) from None
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as e:  # truncated, or a damaged entry
        raise CasetaggerError(Errors.E205.format(path=weights, detail=e)) from None
    if "params" in arrays:
        try:
            arrays["params"] = json.loads(str(arrays["params"]))
        except json.JSONDecodeError:
            raise CasetaggerError(Errors.E205.format(path=weights, detail="its parameters are not JSON")) from None
    return arrays


def _read_skops(weights: Path) -> Any:
    import skops.io as sio  # only for model directories written before model.npz

    untrusted = set(sio.get_untrusted_types(file=weights)) - set(TRUSTED_TYPES)
    if untrusted:
        raise CasetaggerError(Errors.E204.format(path=weights, types=", ".join(sorted(untrusted))))
    return sio.load(weights, trusted=TRUSTED_TYPES)


class Tagger:
    def __init__(self, model: LinearTagger, thresholds: dict[str, float], card: ModelCard):
        self.model = model
        self.labels: list[str] = list(model.labels)
        self.thresholds = np.array([thresholds[label] for label in self.labels], dtype=np.float32)
        self.card = card

    @property
    def version(self) -> str:
        return str(self.card.get("version", "unknown"))

    @property
    def model_version(self) -> str:
        """Names the exact model: a retrained model with the same version number still differs."""
        return f"{self.card.get('name', 'model')}@{self.version}#{self.card.get('corpus_hash', '')[:8]}"

    @property
    def taxonomy(self) -> Taxonomy:
        """The label set the model was trained for, as recorded in its card."""
        return Taxonomy.from_card(self.card)

    @classmethod
    def load(cls, path: Path, taxonomy: Taxonomy | None = None) -> "Tagger":
        """The model in ``path`` (``model.registry.load_model`` finds the current one)."""
        path = Path(path)
        card_path = path / CARD
        weights = next((path / name for name in (WEIGHTS, LEGACY_WEIGHTS) if (path / name).is_file()), None)
        if not card_path.is_file() or weights is None:
            raise CasetaggerError(Errors.E201.format(path=path))
        card = read_card(path)
        if taxonomy is not None and taxonomy.hash != card["taxonomy_hash"]:
            raise CasetaggerError(Errors.E202.format(path=path, model_hash=card["taxonomy_hash"],
                                                     taxonomy_hash=taxonomy.hash))
        arrays = _read_arrays(weights) if weights.name == WEIGHTS else _read_skops(weights)
        if not isinstance(arrays, dict) or not {"params", "coef", "intercept", "word_terms", "word_idf"} <= set(arrays):
            raise CasetaggerError(Errors.E205.format(path=weights, detail="its arrays are missing"))
        try:
            model = LinearTagger.from_arrays(arrays)
        except (KeyError, TypeError, ValueError, AssertionError) as e:  # a parameter or array it does not know
            raise CasetaggerError(Errors.E205.format(path=weights, detail=describe(e))) from None
        if set(model.labels) != set(card["thresholds"]):
            raise CasetaggerError(Errors.E211.format(path=card_path, detail="its labels are not the model file's"))
        return cls(model, card["thresholds"], card)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        arrays = self.model.to_arrays()
        params = json.dumps(arrays.pop("params"), ensure_ascii=False)
        with (path / WEIGHTS).open("wb") as f:
            np.savez(f, params=np.array(params), **arrays)
        card = dict(self.card, thresholds={l: float(t) for l, t in zip(self.labels, self.thresholds)})
        (path / CARD).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def warm_up(self) -> None:
        """Load now what the first tagged passage would: the evidence stop words, the lemma table
        (spaCy's, about 0.5 s of imports) and the weights by feature (5.6 MB, shared after a fork)."""
        self.model.evidence(clean("warm up"), [0])
        self.model.predict_proba([clean("warm up")])

    def scores(self, texts: list[str]) -> np.ndarray:
        return self.model.predict_proba([clean(t) for t in texts])

    def predict(self, texts: list[str]) -> list[set[str]]:
        return [{self.labels[j] for j in np.flatnonzero(row >= self.thresholds)} for row in self.scores(texts)]

    def tag(self, rows: Iterable[Mapping[str, Any]], batch_size: int = 512,
            evidence: bool = True) -> Iterator[TaggedPassage]:
        """Each row (needs ``text``) comes back with ``scores``, ``labels`` and ``evidence``."""
        batch: list[Mapping[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                yield from self._tag_batch(batch, evidence)
                batch = []
        if batch:
            yield from self._tag_batch(batch, evidence)

    def _tag_batch(self, rows: list[Mapping[str, Any]], evidence: bool) -> Iterator[TaggedPassage]:
        texts = [clean(row["text"]) for row in rows]
        x = self.model.transform(texts)
        scores = self.model.predict_proba(texts, x)
        for i, (row, row_scores) in enumerate(zip(rows, scores)):
            above = [j for j in np.argsort(-row_scores) if row_scores[j] >= self.thresholds[j]]
            out = cast(TaggedPassage, dict(row))  # the row's own fields (a passage's) pass through
            out["scores"] = {label: round(float(s), 4) for label, s in zip(self.labels, row_scores)}
            out["labels"] = [self.labels[j] for j in above]
            if evidence:
                found = self.model.evidence(texts[i], above, x=x[i]) if above else {}
                out["evidence"] = {self.labels[j]: found.get(j, []) for j in above}
            out["model"] = self.model_version
            yield out
