"""Retraining on analysts' corrections, evaluated against the current model before promotion.

Corrections are merged into the corpus (a reviewer's decision overrides the corpus label of the
same text; rejected labels stay explicit negatives), the corpus test split is never touched,
and the latest 20% of corrections by review time are held out. The new version is promoted only
if it does better on those held-out corrections and does not fall on the corpus test split by
more than the tolerance; otherwise it is kept, unpromoted, with the reasons.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors
from casetagger.jsonl import read_jsonl
from casetagger.model.registry import Registry
from casetagger.model.tagger import Tagger
from casetagger.model.train import TrainConfig, evaluate_rows, train_tagger
from casetagger.taxonomy import Taxonomy

HELD_OUT_SHARE = 0.2


def text_key(text: str) -> str:
    return " ".join(text.lower().split())


def load_corrections(source: Path) -> list[dict]:
    """From a review folder (its database) or from a corrections JSONL file."""
    source = Path(source)
    if source.is_dir():
        from casetagger.review.export import corrections

        rows = corrections(source)
    else:
        rows = list(read_jsonl(source))
    checked = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row.get("text"), str) or not ("labels" in row or "accept" in row):
            raise CasetaggerError(Errors.E102.format(path=source, line=number,
                                                     detail="a correction needs 'text' and 'labels' or 'accept'"))
        if row.get("answer", "accept") != "accept":
            continue  # Prodigy's reject / ignore: no decision about the labels to learn from
        checked.append(dict(row, meta=row.get("meta") or {}))
    if not checked:
        raise CasetaggerError(Errors.E208.format(path=source))
    return checked


@dataclass
class MergedData:
    rows: list[dict]  # corpus with corrections applied (test split untouched)
    held_out: list[dict]  # latest corrections, as gold rows, never trained on
    stats: dict = field(default_factory=dict)


def merge_corrections(corpus: list[dict], corrections: list[dict], taxonomy: Taxonomy) -> MergedData:
    latest: dict[str, dict] = {}
    for c in sorted(corrections, key=lambda c: c["meta"].get("reviewed_at", "")):
        latest[text_key(c["text"])] = c  # the most recent decision on a text wins
    ordered = sorted(latest.values(), key=lambda c: c["meta"].get("reviewed_at", ""))
    n_held = int(len(ordered) * HELD_OUT_SHARE) if len(ordered) >= 5 else 0
    train_corrections, held = ordered[: len(ordered) - n_held], ordered[len(ordered) - n_held:]
    held_keys = {text_key(c["text"]) for c in held}

    def labels_of(c: dict) -> list[str]:
        return [l for l in taxonomy.ids if c.get("labels", {}).get(l, l in c.get("accept", [])) in (1, True)]

    rows, by_key = [], {}
    for row in corpus:
        key = text_key(row["text"])
        if key in held_keys and row.get("split") != "test":
            continue  # held-out text must not be trained on under its old label either
        row = dict(row)
        rows.append(row)
        by_key[key] = row
    stats = {"corrections": len(corrections), "distinct_texts": len(ordered), "held_out": len(held),
             "overridden": 0, "added": 0, "skipped_test": 0}
    for c in train_corrections:
        existing = by_key.get(text_key(c["text"]))
        if existing is not None and existing.get("split") == "test":
            stats["skipped_test"] += 1  # the corpus test split is never touched
        elif existing is not None:
            existing["labels"] = labels_of(c)
            existing["corrected"] = True
            stats["overridden"] += 1
        else:
            rows.append({"id": f"corr-{c['meta'].get('passage_id', len(rows))}", "text": c["text"],
                         "labels": labels_of(c), "genre": "correction", "municipality": "", "split": "train",
                         "corrected": True})
            stats["added"] += 1
    held_out = [{"text": c["text"], "labels": labels_of(c)} for c in held]
    return MergedData(rows, held_out, stats)


@dataclass
class RetrainOutcome:
    version: str
    promoted: bool
    reasons: list[str]
    comparison: dict


def retrain(corpus: list[dict], corrections: list[dict], taxonomy: Taxonomy, config: TrainConfig,
            registry: Registry, tolerance: float = 0.02, force: bool = False) -> RetrainOutcome:
    registry.clean_staging()
    data = merge_corrections(corpus, corrections, taxonomy)
    current_name = registry.current()
    current = Tagger.load(registry.current_path(), taxonomy=taxonomy)
    test = [r for r in data.rows if r.get("split") == "test"]
    corrections_hash = hashlib.sha256(json.dumps(sorted(text_key(c["text"]) + json.dumps(c.get("labels"), sort_keys=True)
                                                        for c in corrections)).encode()).hexdigest()[:16]
    tagger = train_tagger(data.rows, taxonomy, config, {
        "parent": current_name, "corrections": data.stats, "corrections_hash": corrections_hash})
    new_test, old_test = evaluate_rows(tagger, test, taxonomy), evaluate_rows(current, test, taxonomy)
    comparison = {"corpus_test": {"new": new_test["all"], "current": old_test["all"]},
                  "per_label_f1_change": {l: round(new_test["per_label"][l]["f1"] - old_test["per_label"][l]["f1"], 4)
                                          for l in taxonomy.ids}}
    reasons, ok = [], True
    if data.held_out:
        new_held, old_held = evaluate_rows(tagger, data.held_out, taxonomy), evaluate_rows(current, data.held_out, taxonomy)
        comparison["held_out_corrections"] = {"n": len(data.held_out), "new": new_held["all"], "current": old_held["all"]}
        # micro-F1: a few dozen held-out passages leave many labels without support
        if new_held["all"]["micro_f1"] <= old_held["all"]["micro_f1"]:
            ok = False
            reasons.append(f"held-out corrections: micro-F1 {new_held['all']['micro_f1']:.3f} does not improve on "
                           f"{old_held['all']['micro_f1']:.3f} of {current_name}")
        else:
            reasons.append(f"held-out corrections: micro-F1 {old_held['all']['micro_f1']:.3f} -> {new_held['all']['micro_f1']:.3f}")
    else:
        ok = False
        reasons.append("fewer than 5 corrections: none can be held out to show an improvement")
    drop = old_test["all"]["macro_f1"] - new_test["all"]["macro_f1"]
    if drop > tolerance:
        ok = False
        reasons.append(f"corpus test split: macro-F1 falls by {drop:.3f}, more than the tolerance {tolerance}")
    else:
        reasons.append(f"corpus test split: macro-F1 {old_test['all']['macro_f1']:.3f} -> {new_test['all']['macro_f1']:.3f} "
                       f"(tolerance {tolerance})")
    promoted = ok or force
    if force and not ok:
        reasons.append("promoted with --force, overriding the checks above")
    tagger.card.update(test_metrics=new_test, test_passages=len(test), comparison=comparison,
                       promotion={"promoted": promoted, "forced": force and not ok, "reasons": reasons})
    version = registry.add(tagger)
    if promoted:
        registry.use(version)
    return RetrainOutcome(version, promoted, reasons, comparison)
