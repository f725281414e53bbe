"""Does correcting passages teach the model a kind of document it has not seen? Learning curves per strategy.

    python benchmarks/learning_curve.py CORPUS.jsonl [MORE.jsonl ...] --genre dagsorden [--seeds 3]
    python benchmarks/learning_curve.py corpus/passages.jsonl --municipalities "Aarhus Kommune" ...
    python benchmarks/learning_curve.py corpus/passages.jsonl --base v1 --genre referat dagsorden --no-char-ngrams

With `--base v1` (register shift) the model is trained on the first corpus only (rows without a
`writer`, its test split left out) and the held-out domain is the corpus v2 rows of the held-out
genres, every split: documents in another register than anything the model saw, as real minutes
are. Without it, every row outside the held-out genre is training data.

The corpus files are concatenated (a row whose id was already read is skipped). One genre (or a
group of municipalities) is held out of training entirely. In each of `--seeds` random orders the
held-out passages are shuffled; the first 200 are the pool that analysts "correct" (their corpus
labels stand in for the corrections) and the rest are the evaluation set of that order, which no
model sees. For N = 0, 25, 50, 100, 200 the model is retrained on the other passages plus the
first N of the pool, under each strategy of model/adapt.py and a stacking candidate:

- `1:1`: every correction weighs like a corpus passage (the old behaviour);
- `weights`: corrections weigh a share of the training data (domain weight);
- `thresholds`: 1:1, then per-label thresholds re-tuned on the corrections' out-of-fold scores;
- `mix`: domain weight and re-tuned thresholds;
- `stacking`: the base model (corpus only) stays; a second logistic regression per label, fitted
  on the corrections over the base model's logits and the passage's TF-IDF features, decides.

Writes reports/learning-curve.md and .png (mean and min-max over orders).
"""

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

from casetagger.corpus import label_matrix  # noqa: E402
from casetagger.model.adapt import CorrectionPolicy, retune_thresholds  # noqa: E402
from casetagger.model.metrics import evaluate_sets  # noqa: E402
from casetagger.model.tagger import Tagger  # noqa: E402
from casetagger.model.train import TrainConfig, evaluate_rows, fit_tagger  # noqa: E402
from casetagger.taxonomy import Taxonomy  # noqa: E402

STEPS = (0, 25, 50, 100, 200)
STRATEGIES = ("1:1", "weights", "thresholds", "mix", "stacking")


def read_corpora(paths: list[Path]) -> list[dict]:
    rows, seen = [], set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["id"] not in seen:
                    seen.add(row["id"])
                    rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus JSONL files, concatenated")
    held = parser.add_mutually_exclusive_group(required=True)
    held.add_argument("--genre", nargs="+", help="the genre(s) held out")
    held.add_argument("--municipalities", nargs="+", help="the municipalities held out (a group)")
    parser.add_argument("--base", choices=("all", "v1"), default="all",
                        help="v1: train on the first corpus only, hold out the v2 rows of the held-out set")
    parser.add_argument("--no-stacking", action="store_true", help="leave the stacking candidate out")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--cv-folds", type=int, help="folds for the thresholds (default: the config's)")
    parser.add_argument("--no-char-ngrams", action="store_true", help="word n-grams only (a faster simulation)")
    parser.add_argument("--share", type=float, help="the corrections' share with domain weights (default: 0.3)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "learning-curve")
    args = parser.parse_args()
    taxonomy, config = Taxonomy.load(), TrainConfig.load()
    if args.cv_folds:
        config.cv_folds = args.cv_folds
    if args.no_char_ngrams:
        config.model = dict(config.model, char_ngrams=None)
    share = {"share": args.share} if args.share else {}
    configs = {"1:1": replace(config, correction_weight=1.0, corrections={}),
               "weights": replace(config, corrections={"weighting": "domain", **share})}
    policy = CorrectionPolicy(retune_thresholds=True)

    rows = read_corpora(args.corpora)
    held, base = split_domain(rows, args.genre, args.municipalities, args.base)
    strategies = STRATEGIES[:-1] if args.no_stacking else STRATEGIES
    if len(held) < max(STEPS) + 50:
        sys.exit(f"only {len(held)} held-out passages: need {max(STEPS) + 50} (a pool of {max(STEPS)} and 50 to evaluate)")
    started = time.perf_counter()
    base_run = fit_tagger(base, taxonomy, config)
    results = {s: {n: [] for n in STEPS} for s in strategies}
    seconds = []
    for seed in range(args.seeds):
        order = held[:]
        random.Random(seed).shuffle(order)
        pool, evaluation = order[:max(STEPS)], order[max(STEPS):]
        base_f1 = macro_f1(base_run.tagger, evaluation, taxonomy)
        for s in strategies:
            results[s][0].append(base_f1)
        for n in STEPS[1:]:
            corrections = [dict(r, split="train", corrected=True) for r in pool[:n]]
            for name, cfg in configs.items():
                t0 = time.perf_counter()
                run = fit_tagger(base + corrections, taxonomy, cfg)
                seconds.append(time.perf_counter() - t0)
                results[name][n].append(macro_f1(run.tagger, evaluation, taxonomy))
                corrected = run.corrected
                retuned = retune_thresholds(run.tagger.thresholds, run.scores[corrected], run.y[corrected], policy)
                tuned = Tagger(run.tagger.model, dict(zip(taxonomy.ids, retuned.tolist())), run.tagger.card)
                results["thresholds" if name == "1:1" else "mix"][n].append(macro_f1(tuned, evaluation, taxonomy))
            if "stacking" in results:
                results["stacking"][n].append(stacking_f1(base_run.tagger, corrections, evaluation, taxonomy))
            print(f"order {seed} N={n}: " + ", ".join(f"{s} {results[s][n][-1]:.3f}" for s in strategies),
                  file=sys.stderr, flush=True)
    held_name = ("genre " + " + ".join(args.genre)) if args.genre else "municipalities " + ", ".join(args.municipalities)
    setup = {"held": held_name + (" of corpus v2, base corpus v1" if args.base == "v1" else ""), "base": args.base,
             "corpora": [str(p) for p in args.corpora], "n_base": len(base), "n_held": len(held),
             "n_eval": len(held) - max(STEPS), "seeds": args.seeds, "cv_folds": config.cv_folds,
             "model": config.model, "share": args.share or CorrectionPolicy().share,
             "fit_seconds": statistics.mean(seconds), "total_minutes": (time.perf_counter() - started) / 60}
    args.out.with_suffix(".json").write_text(json.dumps({"setup": setup, "results": results}, indent=1, default=str))
    write_report(args.out, setup, results)


def split_domain(rows: list[dict], genres: list[str] | None, municipalities: list[str] | None,
                 base: str = "all") -> tuple[list[dict], list[dict]]:
    """(held-out domain, base training rows). ``base="v1"``: corpus v1 trains, the v2 rows are held out."""
    def is_held(row):
        return row["genre"] in genres if genres else row["municipality"] in municipalities

    if base == "v1":  # v2 rows carry the writer that produced them, v1 rows do not
        return ([r for r in rows if "writer" in r and is_held(r)],
                [r for r in rows if "writer" not in r and r.get("split") != "test"])
    return [r for r in rows if is_held(r)], [r for r in rows if not is_held(r)]


def gains_over(results: dict, strategy: str, reference: str | None = None) -> list[float]:
    """Per order: the mean over N = 25..200 of ``strategy`` minus ``reference`` at the same N and
    order (paired), or minus the model without corrections (N = 0) when ``reference`` is None."""
    steps = STEPS[1:]
    return [statistics.mean(results[strategy][n][k] - (results[reference][n][k] if reference else results[strategy][0][k])
                            for n in steps)
            for k in range(len(results[strategy][0]))]


def macro_f1(tagger: Tagger, rows: list[dict], taxonomy: Taxonomy) -> float:
    return evaluate_rows(tagger, rows, taxonomy)["all"]["macro_f1"]


def stacking_f1(base: Tagger, corrections: list[dict], evaluation: list[dict], taxonomy: Taxonomy) -> float:
    """Second stage per label over the base logits and the passage features; base decides where it cannot fit."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    def features(rows):
        texts = [r["text"] for r in rows]
        scores = np.clip(base.scores(texts), 1e-4, 1 - 1e-4)
        return sparse.hstack([sparse.csr_matrix(np.log(scores / (1 - scores))), base.model.transform(texts).to_scipy()], format="csr")

    x_train, x_eval = features(corrections), features(evaluation)
    y = label_matrix(corrections, taxonomy.ids)
    predicted = base.predict([r["text"] for r in evaluation])
    for j, label in enumerate(taxonomy.ids):
        if min(y[:, j].sum(), len(y) - y[:, j].sum()) < 2:
            continue  # too few of one class to fit a second stage: the base model decides
        clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(x_train, y[:, j])
        decided = clf.predict(x_eval)
        for row, d in zip(predicted, decided):
            row.discard(label)
            if d:
                row.add(label)
    return evaluate_sets([set(r["labels"]) for r in evaluation], predicted, taxonomy)["all"]["macro_f1"]


def spread(values: list[float]) -> str:
    return f"{statistics.mean(values):+.3f} ({min(values):+.3f} … {max(values):+.3f})"


def write_report(out: Path, setup: dict, results: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6.5, 3.8))
    for s, curve in results.items():
        means = [statistics.mean(curve[n]) for n in STEPS]
        axis.plot(STEPS, means, marker="o", label=s)
        axis.fill_between(STEPS, [min(curve[n]) for n in STEPS], [max(curve[n]) for n in STEPS], alpha=.1)
    axis.set_xlabel("corrected passages of the held-out set")
    axis.set_ylabel("macro-F1 on the rest of it")
    axis.set_title(f"Learning curves, {setup['held']} held out")
    axis.legend(fontsize=8)
    axis.grid(alpha=.3)
    figure.savefig(out.with_suffix(".png"), dpi=120, bbox_inches="tight", metadata={"Software": None})
    lines = ["| strategy | " + " | ".join(f"N={n}" for n in STEPS)
             + " | gain at 100 | gain at 200 | gain over N=0, mean N=25..200 | over 1:1, mean N=25..200 |",
             "|---" * (len(STEPS) + 5) + "|"]
    for s, curve in results.items():
        cells = [f"{statistics.mean(curve[n]):.3f} ({min(curve[n]):.3f}–{max(curve[n]):.3f})" for n in STEPS]
        gains = [statistics.mean(curve[n]) - statistics.mean(curve[0]) for n in (100, 200)]
        paired = [spread(gains_over(results, s, reference)) for reference in (None, "1:1")]
        lines.append(f"| {s} | " + " | ".join(cells) + " | " + " | ".join(f"{g:+.3f}" for g in gains)
                     + " | " + " | ".join(paired) + " |")
    table = "\n".join(lines)
    print(json.dumps(setup, default=str), file=sys.stderr)
    print(table)
    out.with_suffix(".table.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
