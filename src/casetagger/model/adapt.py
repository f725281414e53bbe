"""How analysts' corrections count against the synthetic corpus when retraining.

Two levers, chosen by the learning curve (benchmarks/learning_curve.py, reports/learning-curve.md):

- **domain weight**: corrections as a group weigh a set share of the training data however few
  they are, so 25 corrections are not drowned by 4,000 corpus passages (capped, so one
  correction never outweighs a few dozen passages);
- **thresholds re-tuned on corrections**: a label's threshold moves towards the one that is best
  on the corrections' out-of-fold scores, in proportion to how many positives the corrections
  hold for it (a floor of positives before it moves at all, and a prior that damps small counts).
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from casetagger.model.thresholds import best_threshold


@dataclass
class CorrectionPolicy:
    weighting: str = "fixed"  # "fixed": every correction weighs `weight`; "domain": corrections weigh `share`
    weight: float = 1.0
    share: float = 0.3  # with "domain": the corrections' share of the total training weight
    max_weight: float = 20.0
    retune_thresholds: bool = False
    min_positives: int = 5  # a label's threshold moves only with at least this many positives (and negatives)
    prior: float = 20.0  # moved by positives / (positives + prior) of the way to the corrections' best

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "CorrectionPolicy":
        return cls(**(data or {}))


def correction_weights(corrected: np.ndarray, policy: CorrectionPolicy) -> np.ndarray | None:
    """Sample weights (None when every row weighs 1): corpus rows 1, corrections by the policy."""
    n_corr = int(corrected.sum())
    if not n_corr:
        return None
    if policy.weighting == "domain":
        n_corpus = len(corrected) - n_corr
        weight = policy.share / (1 - policy.share) * n_corpus / n_corr
        weight = float(np.clip(weight, 1.0, policy.max_weight))
    elif policy.weighting == "fixed":
        weight = policy.weight
    else:
        raise ValueError(f"correction weighting must be 'fixed' or 'domain', not {policy.weighting!r}")
    if weight == 1.0:
        return None
    return np.where(corrected, weight, 1.0)


def retune_thresholds(thresholds: np.ndarray, scores: np.ndarray, gold: np.ndarray,
                      policy: CorrectionPolicy) -> np.ndarray:
    """Thresholds moved towards the best ones on the corrections (``scores``: out-of-fold)."""
    out = np.array(thresholds, dtype=float)
    if not policy.retune_thresholds or not len(gold):
        return out
    for j in range(gold.shape[1]):
        positives = int(gold[:, j].sum())
        if positives < policy.min_positives or len(gold) - positives < policy.min_positives:
            continue
        target = best_threshold(scores[:, j], gold[:, j].astype(bool))
        out[j] += positives / (positives + policy.prior) * (target - out[j])
    return np.round(out, 3)
