"""Exports of the review: corrections for retraining (``casetagger/corrections.py`` reads them)
and case names with their character offsets, for training a span model."""

from pathlib import Path
from typing import Any

from casetagger.inventory.privacy import mask
from casetagger.corrections import corrections
from casetagger.jsonl import write_jsonl
from casetagger.review.store import ReviewStore


def export_corrections(folder: Path, out: Path) -> int:
    return write_jsonl(out, (dict(row) for row in corrections(folder)))


def case_spans(folder: Path) -> list[dict[str, Any]]:
    """One row per passage that names a case: the text and the character offsets of each name, for
    training a span model; cases an analyst marked "not a case" are rejected spans."""
    from casetagger.inventory.case_store import reviewed_inventory

    store = ReviewStore(folder)
    try:
        meta = store.run.get_meta("model") or {}
        passages = {p["id"]: p for p in store.run.tagged_passages(meta.get("model_version", ""))}
        inventory = reviewed_inventory(store.db)
    finally:
        store.close()
    rows: dict[str, dict[str, Any]] = {}
    for answer, cases in (("accept", inventory.cases), ("reject", inventory.rejected)):
        for case in cases:
            for m in case.mentions:
                passage = passages.get(m.passage_id)
                if passage is None:
                    continue
                row = rows.setdefault(m.passage_id, {
                    "text": passage["text"], "spans": [], "rejected_spans": [],
                    "meta": {"passage_id": m.passage_id, "file": mask(Path(passage["file"]).name),
                             "page": passage["page"]}})
                span = {"start": m.start, "end": m.end, "label": "CASE", "text": passage["text"][m.start:m.end],
                        "case": case.name, "case_key": case.key, "reviewed": case.reviewed}
                row["spans" if answer == "accept" else "rejected_spans"].append(span)
    return [dict(row, answer="accept") for row in rows.values()]


def export_case_spans(folder: Path, out: Path) -> int:
    return write_jsonl(out, case_spans(folder))
