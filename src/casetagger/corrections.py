"""Analysts' decisions, read as corrections for retraining (Prodigy-compatible, every label explicit).

Retraining (``model/retrain.py``), the export (``review/export.py``) and the follow-up draft read
the review's decisions here, from the run's store (``inventory/store.py``): none of them needs the
review app. Every taxonomy label is explicit in ``labels``: 1 when the reviewer says it applies,
0 when not, so a rejected suggestion is a negative example and not a missing one.
"""

import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from casetagger.errors import CasetaggerError, Errors
from casetagger.inventory.privacy import mask
from casetagger.inventory.store import RunStore
from casetagger.jsonl import read_jsonl
from casetagger.schema import Correction, DecisionRecord
from casetagger.taxonomy import Taxonomy


def decision_record(row: Mapping[str, Any]) -> DecisionRecord:
    """A row of the ``decisions`` table with its JSON columns read."""
    data = dict(row)
    for key in ("labels", "accepted", "rejected", "added", "scores_shown"):
        data[key] = json.loads(data[key])
    data["not_a_case"] = bool(data["not_a_case"])
    return cast(DecisionRecord, data)


def read_decisions(db: sqlite3.Connection) -> list[DecisionRecord]:
    """Every decision, oldest first; none before the review app first opened the store."""
    try:
        cursor = db.execute("SELECT * FROM decisions ORDER BY updated_at")
    except sqlite3.OperationalError:  # no such table: nobody has reviewed yet
        return []
    names = [c[0] for c in cursor.description]
    return [decision_record(dict(zip(names, row))) for row in cursor]


def corrections(folder: Path) -> list[Correction]:
    """Every reviewed passage of an inventory folder, once per reviewer."""
    store = RunStore(folder)
    try:
        meta = store.get_meta("model") or {}
        labels = Taxonomy.from_card(meta["card"]).ids if meta else []
        passages = {p["id"]: p for p in store.tagged_passages(meta.get("model_version", ""))}
        decisions = read_decisions(store.db)
    finally:
        store.close()
    rows: list[Correction] = []
    for d in decisions:
        passage = passages.get(d["passage_id"])
        if passage is None:
            continue
        rows.append({
            "text": passage["text"],
            "options": [{"id": label} for label in labels],
            "accept": d["labels"],
            "answer": "accept",
            "labels": {label: int(label in d["labels"]) for label in labels},
            "meta": {"passage_id": d["passage_id"], "doc_id": passage["doc_id"], "file": mask(Path(passage["file"]).name),
                     "page": passage["page"], "reviewer": d["reviewer"], "reviewed_at": d["updated_at"],
                     "model_version": d["model_version"], "suggested": sorted(set(d["accepted"]) | set(d["rejected"])),
                     "scores_shown": d["scores_shown"], "case_name": mask(d["case_name"]) if d["case_name"] else None,
                     "not_a_case": d["not_a_case"], "comment": mask(d["comment"])},
        })
    return rows


def load_corrections(source: Path) -> list[Correction]:
    """From a review folder (its database) or from a corrections JSONL file, checked."""
    source = Path(source)
    rows: list[Any] = corrections(source) if source.is_dir() else list(read_jsonl(source))
    checked: list[Correction] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row.get("text"), str) or not ("labels" in row or "accept" in row):
            raise CasetaggerError(Errors.E102.format(path=source, line=number,
                                                     detail="a correction needs 'text' and 'labels' or 'accept'"))
        if row.get("answer", "accept") != "accept":
            continue  # Prodigy's reject / ignore: no decision about the labels to learn from
        checked.append(cast(Correction, dict(row, meta=row.get("meta") or {})))
    if not checked:
        raise CasetaggerError(Errors.E208.format(path=source))
    return checked
