"""Every candidate on the same splits: fit on train, tune thresholds on dev, select on dev by
macro-F1, report on test. Writes reports/model-selection.md and .json.

    python scripts/select_model.py CORPUS TAXONOMY TRAINING_DIR REPORTS_DIR
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

from casetagger.corpus import label_matrix, load_corpus
from casetagger.model.linear import LinearTagger
from casetagger.model.metrics import evaluate_sets
from casetagger.model.tagger import Tagger
from casetagger.model.text import clean
from casetagger.model.thresholds import tune_thresholds
from casetagger.model.train import TrainConfig
from casetagger.taxonomy import Taxonomy

HERE = Path(__file__).resolve().parent.parent


class Keywords:
    def __init__(self, labels, keywords):
        self.labels, self.keywords = labels, keywords

    def scores(self, texts):
        lowered = [t.lower() for t in texts]
        return np.array([[float(any(k in t for k in self.keywords[l])) for l in self.labels] for t in lowered])


class SpacyModel:
    def __init__(self, path, labels):
        import spacy

        self.nlp, self.labels, self.path = spacy.load(path), labels, path

    def scores(self, texts):
        return np.array([[doc.cats[l] for l in self.labels] for doc in self.nlp.pipe(clean(t) for t in texts)])


class Linear:
    def __init__(self, model):
        self.model = model

    def scores(self, texts):
        return self.model.predict_proba([clean(t) for t in texts])


def disk_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def main(corpus: Path, taxonomy_path: Path, training: Path, reports: Path) -> None:
    taxonomy = Taxonomy.load(taxonomy_path)
    labels = taxonomy.ids
    rows = load_corpus(corpus)
    split = {s: [r for r in rows if r["split"] == s] for s in ("train", "dev", "test")}
    texts = {s: [r["text"] for r in v] for s, v in split.items()}
    gold = {s: label_matrix(v, labels) for s, v in split.items()}
    config = TrainConfig.load()  # the package's configs/linear.yaml
    linear_variants = {
        "linear: word n-grams": dict(config.model, char_ngrams=None),
        "linear: word + char n-grams (shipped)": dict(config.model),
        "linear: word + char n-grams, lemmas": dict(config.model, lemmas=True),
    }
    candidates = {}
    keywords = yaml.safe_load((HERE / "configs" / "keywords.yaml").read_text(encoding="utf-8"))
    candidates["keyword search (baseline)"] = (lambda: Keywords(labels, keywords), None)
    for name, params in linear_variants.items():
        candidates[name] = (lambda p=params: Linear(LinearTagger(labels, **p).fit(texts["train"], gold["train"])), "linear")
    for name, folder in (("spaCy textcat_multilabel: bag-of-words", "spacy_bow"),
                         ("spaCy textcat_multilabel: ensemble, tok2vec from scratch", "spacy_ensemble")):
        path = training / folder / "model-best"
        if path.exists():
            candidates[name] = (lambda p=path: SpacyModel(p, labels), path)
    results = []
    for name, (build, artefact) in candidates.items():
        started = time.perf_counter()
        model = build()
        fit_seconds = time.perf_counter() - started
        dev_scores = model.scores(texts["dev"])
        thresholds = np.full(len(labels), 0.5) if name.startswith("keyword") else tune_thresholds(dev_scores, gold["dev"])
        dev = evaluate_sets(_sets(gold["dev"], labels), _sets(dev_scores >= thresholds, labels), taxonomy)
        started = time.perf_counter()
        test_scores = model.scores(texts["test"])
        per_second = len(texts["test"]) / (time.perf_counter() - started)
        test = evaluate_sets(_sets(gold["test"], labels), _sets(test_scores >= thresholds, labels), taxonomy)
        size = None
        if artefact == "linear":
            with tempfile.TemporaryDirectory() as tmp:
                Tagger(model.model, dict(zip(labels, thresholds)), {}).save(Path(tmp))
                size = disk_size(Path(tmp))
        elif artefact is not None:  # a spaCy pipeline: trained by its own project command
            size = disk_size(artefact)
            timing = artefact.parent / "train_seconds.txt"
            fit_seconds = float(timing.read_text()) if timing.exists() else None
        results.append({"name": name, "dev_macro_f1": dev["all"]["macro_f1"], "test": test,
                        "fit_seconds": round(fit_seconds, 1) if fit_seconds is not None and artefact else None,
                        "size_mb": round(size / 2**20, 1) if size else None, "passages_per_s": round(per_second)})
        print(f"{name}: dev macro-F1 {dev['all']['macro_f1']:.3f}, test macro-F1 {test['all']['macro_f1']:.3f}")
    selected = max((r for r in results if not r["name"].startswith("keyword")), key=lambda r: r["dev_macro_f1"])
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "model-selection.json").write_text(json.dumps({"selected": selected["name"], "candidates": results},
                                                             indent=2, ensure_ascii=False) + "\n")
    (reports / "model-selection.md").write_text(_markdown(results, selected, labels, split), encoding="utf-8")


def _sets(matrix, labels):
    return [{labels[j] for j in np.flatnonzero(row)} for row in matrix]


def _markdown(results, selected, labels, split) -> str:
    short = {r["name"]: f"C{i}" for i, r in enumerate(results, start=1)}
    out = ["# Model selection", "",
           f"Same splits for every candidate: fit on train ({len(split['train'])} passages), per-label thresholds",
           f"tuned on dev ({len(split['dev'])}), selection by dev macro-F1, figures below on test "
           f"({len(split['test'])}) which no candidate saw. Passages/s: scoring the test split on this machine.",
           f"Selected: **{selected['name']}** (dev macro-F1 {selected['dev_macro_f1']:.3f}; on a tie the simpler, "
           "earlier candidate wins). Size: the saved model on disk; fit: seconds to train on this machine.", "",
           "| id | candidate | dev macro-F1 | test macro-F1 | test micro-F1 | goals macro-F1 | SDGs macro-F1 | fit s | size MB | passages/s |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        t = r["test"]
        out.append(f"| {short[r['name']]} | {r['name']} | {r['dev_macro_f1']:.3f} | {t['all']['macro_f1']:.3f} | "
                   f"{t['all']['micro_f1']:.3f} | {t['goals']['macro_f1']:.3f} | {t['sdgs']['macro_f1']:.3f} | "
                   f"{r['fit_seconds'] if r['fit_seconds'] is not None else '–'} | "
                   f"{r['size_mb'] if r['size_mb'] is not None else '–'} | {r['passages_per_s']} |")
    out += ["", "Per-label precision / recall / F1 on test:", "",
            "| label | " + " | ".join(short[r["name"]] for r in results) + " |",
            "|---|" + "---|" * len(results)]
    for label in labels:
        cells = [f"{r['test']['per_label'][label]['p']:.2f} / {r['test']['per_label'][label]['r']:.2f} / "
                 f"**{r['test']['per_label'][label]['f1']:.2f}**" for r in results]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main(*(Path(a) for a in sys.argv[1:5]))
