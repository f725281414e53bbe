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
