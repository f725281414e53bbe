"""Does correcting passages teach the model a kind of document it has not seen? The learning curve.

    python benchmarks/learning_curve.py [--genres dagsorden referat] [--seeds 3]

Council documents (agenda items and minutes) are held out of the training corpus. Analysts then
"correct" N = 0, 25, 50, 100, 200 of those passages (their corpus labels stand in for the
corrections; drawn from the train and dev splits) and the model is retrained on the rest of the
corpus plus those N. Macro-F1 is measured on the held-out genres' test-split passages, which no
model sees. Also timed: retraining on the full corpus plus 500 corrections, through the same
code path as `casetagger train --corrections`. Writes reports/learning-curve.md and .png.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from casetagger.corpus import load_corpus  # noqa: E402
from casetagger.model.registry import Registry  # noqa: E402
from casetagger.model.retrain import retrain  # noqa: E402
from casetagger.model.train import TrainConfig, evaluate_rows, train_tagger  # noqa: E402
from casetagger.taxonomy import Taxonomy  # noqa: E402

STEPS = (0, 25, 50, 100, 200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--genres", nargs="+", default=["dagsorden", "referat"])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--weight", type=float, help="weight of a correction (default: the training config's)")
    parser.add_argument("--no-report", action="store_true", help="print the figures only (for choosing the weight)")
    args = parser.parse_args()
    taxonomy, config = Taxonomy.load(), TrainConfig.load()
    if args.weight is not None:
        config.correction_weight = args.weight
    rows = load_corpus()
    held = [r for r in rows if r["genre"] in args.genres]
    base = [r for r in rows if r["genre"] not in args.genres]
    evaluation = [r for r in held if r["split"] == "test"]
    pool = [r for r in held if r["split"] != "test"]
    results = {n: [] for n in STEPS}
    seconds = {n: [] for n in STEPS}
    for seed in range(args.seeds):
        order = pool[:]
        random.Random(seed).shuffle(order)
        for n in STEPS:
            started = time.perf_counter()
            tagger = train_tagger(base + [dict(r, split="train", corrected=True) for r in order[:n]], taxonomy, config)
            seconds[n].append(time.perf_counter() - started)
            results[n].append(evaluate_rows(tagger, evaluation, taxonomy)["all"]["macro_f1"])
            print(f"seed {seed} N={n}: macro-F1 {results[n][-1]:.3f} ({seconds[n][-1]:.0f} s)", file=sys.stderr)
    if args.no_report:
        print({n: round(statistics.mean(v), 3) for n, v in results.items()})
        return
    full_seconds = time_full_retrain(rows, taxonomy, config)
    write_report(args.genres, len(base), len(pool), len(evaluation), results, seconds, full_seconds)


def time_full_retrain(rows: list[dict], taxonomy: Taxonomy, config: TrainConfig) -> float:
    """The whole `train --corrections` path on the full corpus plus 500 corrections."""
    sample = random.Random(7).sample([r for r in rows if r["split"] != "test"], 500)
    corrections = [{"text": r["text"] + " ", "labels": {l: int(l in r["labels"]) for l in taxonomy.ids},
                    "meta": {"passage_id": r["id"], "reviewed_at": f"2026-06-01T00:{i // 60 % 60:02d}:{i % 60:02d}"}}
                   for i, r in enumerate(sample)]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        retrain(rows, corrections, taxonomy, config, Registry(Path(tmp)))
        return time.perf_counter() - started


def write_report(genres, n_base, n_pool, n_eval, results, seconds, full_seconds) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    means = {n: statistics.mean(v) for n, v in results.items()}
    spread = {n: (min(v), max(v)) for n, v in results.items()}
    figure, axis = plt.subplots(figsize=(6, 3.6))
    axis.plot(list(means), list(means.values()), marker="o", color="#2e7d5b")
    axis.fill_between(list(means), [spread[n][0] for n in means], [spread[n][1] for n in means], color="#2e7d5b", alpha=.15)
    axis.set_xlabel("corrected passages of the held-out genres")
    axis.set_ylabel("macro-F1 on their test passages")
    axis.set_title(f"Learning curve, {' + '.join(genres)} held out")
    axis.grid(alpha=.3)
    figure.savefig(ROOT / "reports" / "learning-curve.png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    lines = ["# Learning curve: retraining on corrections", "",
             f"Held out of training: the genres {', '.join(genres)}. Base training set: the {n_base} passages of "
             f"the other genres (their test split left out of training, as always). Corrections drawn from the "
             f"{n_pool} train/dev passages of the held-out genres, in {len(next(iter(results.values())))} random "
             f"orders; evaluation on their {n_eval} test-split passages, which no model trains on.",
             "Generated by `benchmarks/learning_curve.py`; plot: `learning-curve.png`.", "",
             "| corrections N | macro-F1 (mean) | min – max over orders | training time (s, mean) |", "|---|---|---|---|"]
    for n in results:
        lines.append(f"| {n} | {means[n]:.3f} | {spread[n][0]:.3f} – {spread[n][1]:.3f} | {statistics.mean(seconds[n]):.0f} |")
    lines += ["", f"Retraining on the full corpus plus 500 corrections (merge, cross-validated thresholds, "
                  f"evaluation against the current model, writing the version): {full_seconds:.0f} s on this 2-core machine."]
    (ROOT / "reports" / "learning-curve.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
