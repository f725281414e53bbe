"""Select the model for transfer: by leave-one-genre-out macro-F1 (scripts/logo.py), not by the
test split. Every candidate is then trained as the shipped model would be (train + dev,
thresholds from out-of-fold scores) and reported on both test splits: the first corpus's and
corpus v2's. Writes reports/model-selection.md and .json.

    python scripts/select_model.py CORPUS TAXONOMY CANDIDATES LOGO_JSON TRAINING_DIR REPORTS_DIR
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

from casetagger.corpus import is_v2, load_corpus
from casetagger.model.metrics import evaluate_sets
from casetagger.model.train import TrainConfig, train_tagger

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "scripts"))
from logo import candidate_config  # noqa: E402

TEST_SPLITS = {"test v1": lambda r: not is_v2(r), "test v2": is_v2}
# Leave-one-genre-out differences smaller than this are noise (folds of 140-800 passages): within
# it the simplest candidate, the first in configs/candidates.yaml, is chosen.
TIE = 0.005


def keyword_evaluation(rows: list[dict], taxonomy, keywords: dict) -> dict:
    """The keyword-search baseline on ``rows``: a label when any of its keywords is in the text."""
    predicted = [{label for label in taxonomy.ids if any(k in r["text"].lower() for k in keywords[label])}
                 for r in rows]
    return evaluate_sets([set(r["labels"]) for r in rows], predicted, taxonomy)


def disk_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _train_and_test(result: dict, spec: dict, rows: list[dict], tests: dict, taxonomy, base: TrainConfig) -> None:
    """Train as the shipped model is trained; score both test splits; measure size and speed."""
    config = candidate_config(spec, base, taxonomy, base.cv_folds)
    train_rows = [r for r in rows if not spec.get("v1_only") or not is_v2(r)]
    started = time.perf_counter()
    tagger = train_tagger(train_rows, taxonomy, config)
    result["fit_seconds"] = round(time.perf_counter() - started, 1)
    result["tests"] = {}
    for test_name, test_rows in tests.items():
        texts = [r["text"] for r in test_rows]
        started = time.perf_counter()
        predicted = tagger.predict(texts)
        result["passages_per_s"] = round(len(texts) / (time.perf_counter() - started))
        result["tests"][test_name] = evaluate_sets([set(r["labels"]) for r in test_rows], predicted, taxonomy)
    with tempfile.TemporaryDirectory() as tmp:
        tagger.save(Path(tmp))
        result["size_mb"] = round(disk_size(Path(tmp)) / 2**20, 1)


def main(corpus: Path, taxonomy_path: Path, candidates_path: Path, logo_path: Path, training: Path,
         reports: Path) -> None:
    from casetagger.taxonomy import Taxonomy

    taxonomy = Taxonomy.load(taxonomy_path)
    labels = taxonomy.ids
    rows = load_corpus(corpus)
    tests = {name: [r for r in rows if r["split"] == "test" and keep(r)] for name, keep in TEST_SPLITS.items()}
    candidates = yaml.safe_load(candidates_path.read_text(encoding="utf-8"))["candidates"]
    logo = json.loads(logo_path.read_text(encoding="utf-8"))
    base = TrainConfig.load()  # the package's configs/linear.yaml
    results = []
    not_test = [r for r in rows if r["split"] != "test"]
    keywords = yaml.safe_load((HERE / "configs" / "keywords.yaml").read_text(encoding="utf-8"))
    results.append({"name": "keyword search (baseline)", "logo": keyword_evaluation(not_test, taxonomy, keywords),
                    "tests": {n: keyword_evaluation(t, taxonomy, keywords) for n, t in tests.items()}})
    for name in candidates:
        if name not in logo:
            print(f"{name}: no leave-one-genre-out result, skipped (run scripts/logo.py)")
            continue
        results.append({"name": name, "logo": logo[name]["logo"], "per_genre": logo[name]["per_genre"],
                        "seconds": logo[name].get("seconds")})
    shippable = [r for r in results if r["name"] in candidates and not candidates[r["name"]].get("v1_only")
                 and candidates[r["name"]].get("kind", "linear") == "linear"]
    best = max(r["logo"]["all"]["macro_f1"] for r in shippable)
    selected = next(r for r in shippable if r["logo"]["all"]["macro_f1"] >= best - TIE)
    # The test splits only describe the chosen model (and the one it replaces), never choose it
    for result in results:
        spec = candidates.get(result["name"], {})
        if result is selected or spec.get("v1_only"):
            _train_and_test(result, spec, rows, tests, taxonomy, base)
            tests_line = ", ".join(f"{n} {t['all']['macro_f1']:.3f}" for n, t in result["tests"].items())
            print(f"{result['name']}: {tests_line}", flush=True)
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "model-selection.json").write_text(json.dumps({"selected": selected["name"], "candidates": results},
                                                             indent=2, ensure_ascii=False) + "\n")
    (reports / "model-selection.md").write_text(markdown(results, selected, labels, rows, tests), encoding="utf-8")


def _f(value) -> str:
    return f"{value:.3f}" if value is not None else "–"


def markdown(results: list[dict], selected: dict, labels: list[str], rows: list[dict], tests: dict) -> str:
    not_test = sum(r["split"] != "test" for r in rows)
    genres = sorted({g for r in results for g in r.get("per_genre", {})})
    out = ["# Model selection", "",
           "Chosen for documents never seen, not for the test split. **Leave-one-genre-out**: each candidate is "
           f"trained {len(genres)} times, each time without one genre (thresholds tuned by cross-validation on the "
           f"rest), and scores the genre it never saw; the predictions of all folds ({not_test} train + dev passages) "
           "are pooled for the macro-F1 that selects. The test splits are never used for selection: the first "
           f"corpus's ({len(tests['test v1'])} passages) and corpus v2's ({len(tests['test v2'])}), reported below "
           "for the selected model and the first corpus's model, trained as the shipped one is (train + dev, "
           "thresholds from 5-fold out-of-fold scores). "
           "Generated by `pipeline/scripts/logo.py` and `pipeline/scripts/select_model.py`.", "",
           f"Selected: **{selected['name']}** (leave-one-genre-out macro-F1 {selected['logo']['all']['macro_f1']:.3f}): "
           f"the simplest candidate within {TIE} of the best, since smaller differences are noise here.",
           "", "| candidate | leave-one-genre-out macro-F1 | goals | SDGs | test v1 macro-F1 | test v2 macro-F1 | "
           "size MB | passages/s |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        t = r.get("tests", {})
        out.append(f"| {r['name']} | {r['logo']['all']['macro_f1']:.3f} | {r['logo']['goals']['macro_f1']:.3f} | "
                   f"{r['logo']['sdgs']['macro_f1']:.3f} | "
                   f"{_f(t['test v1']['all']['macro_f1']) if t else '–'} | {_f(t['test v2']['all']['macro_f1']) if t else '–'} | "
                   f"{r.get('size_mb') or '–'} | {r.get('passages_per_s', '–')} |")
    out += ["", "Leave-one-genre-out macro-F1 per held-out genre:", "",
            "| candidate | " + " | ".join(genres) + " |", "|---|" + "---|" * len(genres)]
    for r in results:
        if r.get("per_genre"):
            out.append(f"| {r['name']} | " + " | ".join(_f(r["per_genre"].get(g)) for g in genres) + " |")
    out += ["", "Per-label F1 of the selected model: leave-one-genre-out, test v1, test v2 (P / R / F1):", "",
            "| label | leave-one-genre-out | test v1 | test v2 |", "|---|---|---|---|"]
    for label in labels:
        cells = [selected["logo"]["per_label"][label]] + [selected["tests"][n]["per_label"][label] for n in ("test v1", "test v2")]
        out.append(f"| {label} | " + " | ".join(f"{c['p']:.2f} / {c['r']:.2f} / **{c['f1']:.2f}**" for c in cells) + " |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main(*(Path(a) for a in sys.argv[1:7]))
