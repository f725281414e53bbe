"""How corrections count: the domain weight and thresholds re-tuned on corrections with a floor."""

import random
from dataclasses import replace

import numpy as np
import pytest

from casetagger.model.adapt import CorrectionPolicy, correction_weights, retune_thresholds


def test_adapt_domain_weight_gives_corrections_their_share_capped():
    corrected = np.array([True] * 100 + [False] * 1400)
    weights = correction_weights(corrected, CorrectionPolicy(weighting="domain", share=0.3))
    assert weights[0] == pytest.approx(0.3 / 0.7 * 14) and weights[-1] == 1.0
    assert weights[corrected].sum() / weights.sum() == pytest.approx(0.3)
    few = correction_weights(np.array([True] * 5 + [False] * 4000), CorrectionPolicy(weighting="domain"))
    assert few[0] == 20.0  # capped: five corrections do not outweigh the corpus
    many = np.array([True] * 900 + [False] * 100)
    assert correction_weights(many, CorrectionPolicy(weighting="domain")) is None  # never below 1
    assert correction_weights(corrected, CorrectionPolicy()) is None  # fixed weight 1: unweighted
    assert correction_weights(np.zeros(10, dtype=bool), CorrectionPolicy(weighting="domain")) is None


def test_adapt_thresholds_need_a_floor_of_positives_and_move_in_proportion():
    rng = np.random.default_rng(0)
    gold = np.zeros((25, 2), dtype=int)
    gold[:3, 0] = 1  # 3 positives: below the floor, label 0 stays
    gold[:20, 1] = 1  # 20 positives
    scores = np.where(gold == 1, 0.3, 0.1) + rng.uniform(0, 0.02, gold.shape)  # best threshold near 0.2-0.3
    base = np.array([0.6, 0.6])
    policy = CorrectionPolicy(retune_thresholds=True)
    # 20 positives but only 5 negatives: exactly at the floor, moves half of the way (prior 20)
    moved = retune_thresholds(base, scores, gold, policy)
    assert moved[0] == 0.6
    assert 0.6 - moved[1] == pytest.approx(0.5 * (0.6 - 0.3), abs=0.06)
    assert (retune_thresholds(base, scores, gold, CorrectionPolicy()) == base).all()  # policy off


@pytest.mark.slow
def test_adapt_corrections_of_a_new_register_raise_its_macro_f1():
    """The register shift of real use: a model trained on corpus v1 only meets the minutes of corpus
    v2 (other writers, another register). In each of three orders, retraining on 200 of them as
    corrections under the shipped correction policy must raise macro-F1 on the other ~970, which
    no model saw (benchmarks/learning_curve.py --base v1 measures the whole curve)."""
    from casetagger.corpus import load_corpus
    from casetagger.model.train import TrainConfig, evaluate_rows, train_tagger
    from casetagger.taxonomy import Taxonomy

    taxonomy, rows = Taxonomy.load(), load_corpus()
    base = [r for r in rows if "writer" not in r and r["split"] != "test"]  # v2 rows carry their writer
    minutes = [r for r in rows if "writer" in r and r["genre"] in ("referat", "dagsorden")]
    shipped = TrainConfig.load()  # its `corrections:` policy; word n-grams only to keep four fits short
    config = replace(shipped, cv_folds=3, model=dict(shipped.model, char_ngrams=None))
    before_model = train_tagger(base, taxonomy, config)
    gains = []
    for seed in range(3):
        order = minutes[:]
        random.Random(seed).shuffle(order)
        corrections, evaluation = [dict(r, split="train", corrected=True) for r in order[:200]], order[200:]
        before = evaluate_rows(before_model, evaluation, taxonomy)["all"]["macro_f1"]
        after = evaluate_rows(train_tagger(base + corrections, taxonomy, config), evaluation, taxonomy)["all"]["macro_f1"]
        gains.append(round(after - before, 4))
    # measured +0.015, +0.023, +0.018 (2026-11-30): a gain in every order, each on ~970 unseen passages.
    # It is small; no strategy beat 1:1 by a clear margin (reports/learning-curve.md), so 1:1 is the policy.
    assert min(gains) >= 0.01, gains
