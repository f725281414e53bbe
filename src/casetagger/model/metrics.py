"""Per-label precision, recall and F1 with macro and micro averages for goals, SDGs and all labels."""

from dataclasses import dataclass
from typing import Any

from casetagger.taxonomy import Taxonomy


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": self.tp + self.fn}


def evaluate_sets(gold: list[set[str]], predicted: list[set[str]], taxonomy: Taxonomy,
                  optional: list[set[str]] | None = None) -> dict[str, Any]:
    """Scores of ``predicted`` against ``gold``; labels in ``optional`` count neither way for that row."""
    counts = {label: Counts() for label in taxonomy.ids}
    optional = optional or [set() for _ in gold]
    for g, p, skip in zip(gold, predicted, optional, strict=True):
        for label, c in counts.items():
            if label in skip:
                continue
            c.tp += label in g and label in p
            c.fp += label not in g and label in p
            c.fn += label in g and label not in p
    per_label = {label: c.scores() for label, c in counts.items()}
    result = {"per_label": per_label, "n": len(gold)}
    for group, labels in (("goals", taxonomy.goals), ("sdgs", taxonomy.sdgs), ("all", taxonomy.ids)):
        if not labels:
            continue
        total = Counts(sum(counts[l].tp for l in labels), sum(counts[l].fp for l in labels),
                       sum(counts[l].fn for l in labels))
        result[group] = {"macro_f1": round(sum(per_label[l]["f1"] for l in labels) / len(labels), 4),
                         "micro_f1": total.scores()["f1"]}
    return result
