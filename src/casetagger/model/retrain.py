"""Retraining on analysts' corrections, evaluated against the current model before promotion.

Corrections are merged into the corpus (a reviewer's decision overrides the corpus label of the
same text; rejected labels stay explicit negatives) and the corpus test split is never touched.
Every correction is trained on, and every one is also judged once by cross-validation: the
out-of-fold scores the thresholds are tuned on come from a model that did not see it. The new
version is promoted only if those out-of-fold decisions beat the current model's on the same
corrections and it does not fall on the corpus test split by more than the tolerance; with fewer
than MIN_TO_JUDGE corrections it is too early to judge, and only the analyst can promote (with a
reason, recorded). Otherwise the version is kept, unpromoted, with the reasons.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from casetagger.model.metrics import evaluate_sets
from casetagger.model.registry import Registry
from casetagger.model.tagger import Tagger
from casetagger.model.train import Progress, TrainConfig, TrainingRun, evaluate_rows, fit_tagger
from casetagger.taxonomy import Taxonomy

MIN_TO_JUDGE = 20  # fewer corrections than this cannot show an improvement either way


def text_key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class MergedData:
    rows: list[dict[str, Any]]  # corpus with corrections applied (test split untouched); corrections marked "corrected"
    stats: dict[str, Any] = field(default_factory=dict)


def merge_corrections(corpus: list[dict[str, Any]], corrections: Sequence[Mapping[str, Any]], taxonomy: Taxonomy) -> MergedData:
    latest: dict[str, Mapping[str, Any]] = {}
    for c in sorted(corrections, key=lambda c: c["meta"].get("reviewed_at", "")):
        latest[text_key(c["text"])] = c  # the most recent decision on a text wins
    ordered = sorted(latest.values(), key=lambda c: c["meta"].get("reviewed_at", ""))

    def labels_of(c: Mapping[str, Any]) -> list[str]:
        return [l for l in taxonomy.ids if c.get("labels", {}).get(l, l in c.get("accept", [])) in (1, True)]

    rows, by_key = [], {}
    for row in corpus:
        row = dict(row)
        rows.append(row)
        by_key[text_key(row["text"])] = row
    stats = {"corrections": len(corrections), "distinct_texts": len(ordered), "overridden": 0, "added": 0,
             "skipped_test": 0}
    for c in ordered:
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
    return MergedData(rows, stats)


@dataclass
class RetrainOutcome:
    version: str
    promoted: bool
    reasons: list[str]
    comparison: dict[str, Any]


def retrain(corpus: list[dict[str, Any]], corrections: Sequence[Mapping[str, Any]], taxonomy: Taxonomy,
            config: TrainConfig,
            registry: Registry, tolerance: float = 0.02, force: bool = False, reason: str | None = None,
            progress: Progress | None = None) -> RetrainOutcome:
    """``reason``: the analyst's reason for --force, recorded in the card; ``progress(stage, done, total)``."""
    registry.clean_staging()
    report = progress or (lambda stage, done, total: None)
    report("merge", 0, 1)
    data = merge_corrections(corpus, corrections, taxonomy)
    report("merge", 1, 1)
    current_name = registry.current()
    current = Tagger.load(registry.current_path(), taxonomy=taxonomy)
    test = [r for r in data.rows if r.get("split") == "test"]
    corrections_hash = hashlib.sha256(json.dumps(sorted(text_key(c["text"]) + json.dumps(c.get("labels"), sort_keys=True)
                                                        for c in corrections)).encode()).hexdigest()[:16]
    run = fit_tagger(data.rows, taxonomy, config, {
        "parent": current_name, "corrections": data.stats, "corrections_hash": corrections_hash}, progress)
    tagger = run.tagger
    report("evaluate", 0, 2)
    new_test, old_test = evaluate_rows(tagger, test, taxonomy), evaluate_rows(current, test, taxonomy)
    report("evaluate", 1, 2)
    comparison = {"corpus_test": {"new": new_test["all"], "current": old_test["all"]},
                  "per_label_f1_change": {l: round(new_test["per_label"][l]["f1"] - old_test["per_label"][l]["f1"], 4)
                                          for l in taxonomy.ids}}
    judged = judge_corrections(run, current, taxonomy)
    report("evaluate", 2, 2)
    reasons, ok = [], True
    n = judged["n"]
    if n < MIN_TO_JUDGE:
        ok = False
        reasons.append(f"only {n} correction(s) to judge by: too few to show an improvement (at least {MIN_TO_JUDGE}); "
                       "promote with --force and a --reason if you want this version")
    else:
        comparison["corrections_cross_validated"] = judged
        new_f1, old_f1 = judged["new"]["micro_f1"], judged["current"]["micro_f1"]
        # micro-F1: a few dozen corrections leave many labels without support
        if new_f1 <= old_f1:
            ok = False
            reasons.append(f"corrections (cross-validated, {n}): micro-F1 {new_f1:.3f} does not improve on "
                           f"{old_f1:.3f} of {current_name}")
        else:
            reasons.append(f"corrections (cross-validated, {n}): micro-F1 {old_f1:.3f} -> {new_f1:.3f}")
    drop = old_test["all"]["macro_f1"] - new_test["all"]["macro_f1"]
    if drop > tolerance:
        ok = False
        reasons.append(f"corpus test split: macro-F1 falls by {drop:.3f}, more than the tolerance {tolerance}")
    else:
        reasons.append(f"corpus test split: macro-F1 {old_test['all']['macro_f1']:.3f} -> {new_test['all']['macro_f1']:.3f} "
                       f"(tolerance {tolerance})")
    promoted = ok or force
    if force and not ok:
        reasons.append("promoted with --force, overriding the checks above"
                       + (f"; the analyst's reason: {reason}" if reason else ""))
    tagger.card["test_metrics"], tagger.card["test_passages"] = new_test, len(test)
    tagger.card["comparison"] = comparison
    tagger.card["promotion"] = {"promoted": promoted, "forced": force and not ok, "reason": reason, "reasons": reasons}
    version = registry.add(tagger)
    if promoted:
        registry.use(version)
    return RetrainOutcome(version, promoted, reasons, comparison)


def judge_corrections(run: TrainingRun, current: Tagger, taxonomy: Taxonomy) -> dict[str, Any]:
    """The new model's out-of-fold decisions on the corrections against the current model's on the same texts.

    Every correction was held out of exactly one fold of the threshold cross-validation, so each
    is judged by a model that did not train on it, at no extra training cost.
    """
    corrected = run.corrected
    rows = [r for r, c in zip(run.rows, corrected) if c]
    if not rows:
        return {"n": 0}
    thresholds = run.tagger.thresholds
    new = [{taxonomy.ids[j] for j in np.flatnonzero(s >= thresholds)} for s in run.scores[corrected]]
    gold = [set(r["labels"]) for r in rows]
    return {"n": len(rows), "new": evaluate_sets(gold, new, taxonomy)["all"],
            "current": evaluate_rows(current, rows, taxonomy)["all"]}
