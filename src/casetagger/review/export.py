"""Reviewed passages as corrections for retraining, in a Prodigy-compatible shape.

Every taxonomy label is explicit: 1 when the reviewer says it applies, 0 when not, so a
rejected suggestion is a negative example and not a missing one.
"""

from pathlib import Path

from casetagger.inventory.privacy import mask
from casetagger.jsonl import write_jsonl
from casetagger.review.store import ReviewStore
from casetagger.taxonomy import Taxonomy


def corrections(folder: Path) -> list[dict]:
    store = ReviewStore(folder)
    try:
        meta = store.get_meta("model") or {}
        labels = Taxonomy.from_card(meta["card"]).ids if meta else []
        passages = {p["id"]: p for p in store.tagged_passages(meta.get("model_version", ""))}
        rows = []
        for d in store.decisions():
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
                         "scores_shown": d["scores_shown"], "case_name": mask(d["case_name"]),
                         "not_a_case": d["not_a_case"], "comment": mask(d["comment"])},
            })
        return rows
    finally:
        store.close()


def export_corrections(folder: Path, out: Path) -> int:
    return write_jsonl(out, corrections(folder))


def case_spans(folder: Path) -> list[dict]:
    """One row per passage that names a case: the text and the character offsets of each name, for
    training a span model; cases an analyst marked "not a case" are rejected spans."""
    from casetagger.inventory.case_store import reviewed_inventory

    store = ReviewStore(folder)
    try:
        meta = store.get_meta("model") or {}
        passages = {p["id"]: p for p in store.tagged_passages(meta.get("model_version", ""))}
        inventory = reviewed_inventory(store.db)
    finally:
        store.close()
    rows: dict[str, dict] = {}
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
