"""Leave-one-genre-out: train without a genre, tune thresholds without it, score it.

The closest proxy we have for documents never seen: real council minutes differ from our corpus
as one genre differs from the others. Every candidate of configs/candidates.yaml is trained once
per genre on the other genres' train + dev passages (thresholds from out-of-fold scores), and
scores that genre's train + dev passages; the test splits are never touched. Predictions of all
folds are pooled for the macro-F1 that selection uses.

    python scripts/logo.py CORPUS TAXONOMY CANDIDATES OUT_JSON [--only "NAME|NAME"] [--folds 3] [--jobs 2]
"""

import argparse
import json
import os
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from casetagger.corpus import label_matrix, load_corpus
from casetagger.model.linear import LinearTagger
from casetagger.model.metrics import evaluate_sets
from casetagger.model.thresholds import tune_thresholds
from casetagger.model.train import TrainConfig, model_params, out_of_fold_scores
from casetagger.taxonomy import Taxonomy

HERE = Path(__file__).resolve().parent.parent


def candidate_config(spec: dict, base: TrainConfig, taxonomy: Taxonomy, folds: int) -> TrainConfig:
    """The shipped config with the candidate's model parameters on top."""
    model = {**base.model, **{k: tuple(v) if isinstance(v, list) else v for k, v in spec.get("model", {}).items()}}
    config = replace(base, cv_folds=folds, model=model)
    config.model = model_params(config, taxonomy)
    return config


def _fold(genre: str, spec: dict, rows: list[dict], labels: list[str], config: TrainConfig) -> tuple[list, list]:
    """Train without ``genre``; return its gold and predicted label sets."""
    train = [r for r in rows if r["genre"] != genre and (not spec.get("v1_only") or not r.get("writer"))]
    held = [r for r in rows if r["genre"] == genre]
    texts, y = [r["text"] for r in train], label_matrix(train, labels)
    thresholds = tune_thresholds(out_of_fold_scores(texts, y, labels, config), y)
    model = LinearTagger(labels, **config.model).fit(texts, y)
    scores = model.predict_proba([r["text"] for r in held])
    return [set(r["labels"]) for r in held], [{labels[j] for j in np.flatnonzero(row >= thresholds)} for row in scores]


def run_candidate(name: str, spec: dict, rows: list[dict], taxonomy: Taxonomy, base: TrainConfig, folds: int,
                  jobs: int = 1) -> dict:
    from joblib import Parallel, delayed

    config = candidate_config(spec, base, taxonomy, folds)
    genres = sorted({r["genre"] for r in rows})
    started = time.perf_counter()
    outcomes = Parallel(n_jobs=jobs)(delayed(_fold)(g, spec, rows, taxonomy.ids, config) for g in genres)
    gold, predicted, per_genre = [], [], {}
    for genre, (g, p) in zip(genres, outcomes):
        per_genre[genre] = evaluate_sets(g, p, taxonomy)["all"]["macro_f1"]
        print(f"  {name} without {genre}: macro-F1 {per_genre[genre]:.3f} on {len(g)}", flush=True)
        gold += g
        predicted += p
    pooled = evaluate_sets(gold, predicted, taxonomy)
    return {"name": name, "logo": pooled, "per_genre": per_genre, "seconds": round(time.perf_counter() - started),
            "spec": spec}


def run_spacy_candidate(name: str, spec: dict, rows: list[dict], taxonomy: Taxonomy, seed: int,
                        max_steps: int | None = None) -> dict:
    """spaCy's textcat trained from scratch per fold (its own config); thresholds on a dev slice."""
    import random
    import subprocess
    import sys
    import tempfile

    import spacy
    from spacy.tokens import DocBin

    from casetagger.model.text import clean

    labels = taxonomy.ids
    nlp = spacy.blank("da")

    def docbin(part: list[dict], path: Path) -> None:
        docs = DocBin()
        for r in part:
            doc = nlp.make_doc(clean(r["text"]))
            doc.cats = {label: float(label in r["labels"]) for label in labels}
            docs.add(doc)
        docs.to_disk(path)

    def scores(model, part: list[dict]) -> np.ndarray:
        return np.array([[d.cats[l] for l in labels] for d in model.pipe(clean(r["text"]) for r in part)])

    gold, predicted, per_genre = [], [], {}
    started = time.perf_counter()
    for genre in sorted({r["genre"] for r in rows}):
        train = [r for r in rows if r["genre"] != genre]
        random.Random(seed).shuffle(train)
        cut = len(train) * 85 // 100
        held = [r for r in rows if r["genre"] == genre]
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            docbin(train[:cut], tmp / "train.spacy")
            docbin(train[cut:], tmp / "dev.spacy")
            subprocess.run([sys.executable, "-m", "spacy", "train", str(HERE / spec["config"]), "--output", str(tmp / "out"),
                            "--paths.train", str(tmp / "train.spacy"), "--paths.dev", str(tmp / "dev.spacy")]
                           + (["--training.max_steps", str(max_steps), "--training.eval_frequency",
                               str(max(50, max_steps // 5))] if max_steps else []),
                           check=True, capture_output=True)
            model = spacy.load(tmp / "out" / "model-best")
            dev_y = label_matrix(train[cut:], labels)
            thresholds = tune_thresholds(scores(model, train[cut:]), dev_y)
            held_scores = scores(model, held)
        p = [{labels[j] for j in np.flatnonzero(row >= thresholds)} for row in held_scores]
        g = [set(r["labels"]) for r in held]
        per_genre[genre] = evaluate_sets(g, p, taxonomy)["all"]["macro_f1"]
        gold += g
        predicted += p
        print(f"  {name} without {genre}: macro-F1 {per_genre[genre]:.3f} on {len(held)}", flush=True)
    return {"name": name, "logo": evaluate_sets(gold, predicted, taxonomy), "per_genre": per_genre,
            "seconds": round(time.perf_counter() - started), "spec": spec}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("taxonomy", type=Path)
    parser.add_argument("candidates", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="genres trained in parallel")
    parser.add_argument("--spacy-steps", type=int, default=None, help="spaCy training steps per fold")
    args = parser.parse_args()
    taxonomy = Taxonomy.load(args.taxonomy)
    rows = [r for r in load_corpus(args.corpus) if r.get("split") != "test"]
    base = TrainConfig.load()  # the package's configs/linear.yaml
    candidates = yaml.safe_load(args.candidates.read_text(encoding="utf-8"))["candidates"]
    wanted = set(filter(None, args.only.split("|")))
    for name, spec in candidates.items():
        if wanted and name not in wanted:
            continue
        if spec.get("kind", "linear") == "spacy":
            result = run_spacy_candidate(name, spec, rows, taxonomy, base.seed, args.spacy_steps)
            result["spacy_steps"] = args.spacy_steps
        else:
            result = run_candidate(name, spec, rows, taxonomy, base, args.folds, args.jobs)
        print(f"{name}: leave-one-genre-out macro-F1 {result['logo']['all']['macro_f1']:.3f}", flush=True)
        # read again before writing: another run may have added its candidates meanwhile
        results = json.loads(args.out.read_text()) if args.out.exists() else {}
        results[name] = result
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
