"""Per-label decision thresholds that maximise F1 on held-out scores."""

import numpy as np

GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The threshold with the best F1; among equal ones, the middle of the best run."""
    f1s = []
    positives = gold.sum()
    for t in GRID:
        predicted = scores >= t
        tp = np.logical_and(predicted, gold).sum()
        denominator = predicted.sum() + positives
        f1s.append(2 * tp / denominator if denominator else 0.0)
    f1 = np.asarray(f1s)
    best = np.flatnonzero(f1 >= f1.max() - 1e-9)
    return float(GRID[best[len(best) // 2]])


def tune_thresholds(scores: np.ndarray, gold: np.ndarray) -> np.ndarray:
    return np.array([best_threshold(scores[:, j], gold[:, j].astype(bool)) for j in range(scores.shape[1])])
