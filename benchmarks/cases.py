"""Case precision / recall / label precision on the gold follow-up documents.

    python benchmarks/cases.py [--work DIR] [--only NAME ...]

Builds the gold documents (tests/texts/gold/*.py) as PDFs, runs the inventory on each (ingest,
tag, cases) and compares the cases with the initiatives an analyst listed (the .yaml beside each
text). A case matches an initiative when its name equals the initiative's name or an alias, or
one contains the other as whole words; each initiative matches once (a second case for it counts
as an error). Names in ``acceptable`` count neither way. Label precision: of the goal labels on
matched cases, the share the analyst gave the initiative.
"""

import argparse
import importlib
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "texts" / "gold"
sys.path[:0] = [str(ROOT / "tests"), str(GOLD)]

from casetagger.inventory.cases import build_inventory, case_key, tagger_scorer  # noqa: E402
from casetagger.inventory.run import run_inventory  # noqa: E402
from casetagger.inventory.store import RunStore  # noqa: E402
from casetagger.model.registry import load_model  # noqa: E402


def gold_documents() -> list[dict]:
    out = []
    for path in sorted(GOLD.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold["module"] = path.stem
        out.append(gold)
    return out


def build_pdf_for(gold: dict, folder: Path) -> Path:
    from pdfgen import build_pdf

    module = importlib.import_module(gold["module"])
    path = folder / gold["document"]
    if not path.exists():
        build_pdf(path, module.DOCUMENT, header=(gold["municipality"], "Opfølgning"), footer="Side {page}")
    return path


def _same(a: str, b: str) -> bool:
    a, b = case_key(a), case_key(b)
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def evaluate(cases, gold: dict) -> dict:
    initiatives = gold["initiatives"]
    acceptable = gold.get("acceptable", [])
    matched: dict[int, object] = {}
    wrong, ignored, label_hits, label_total = [], [], 0, 0
    goal_ids = {"klima", "groen", "erhverv", "lige", "boern", "sundhed"}
    for case in cases:
        hit = next((i for i, g in enumerate(initiatives) if i not in matched
                    and any(_same(case.name, n) for n in [g["name"]] + g.get("aliases", []))), None)
        if hit is None:
            (ignored if any(_same(case.name, a) for a in acceptable) else wrong).append(case.name)
            continue
        matched[hit] = case
        goals = case.labels & goal_ids
        label_hits += len(goals & set(initiatives[hit]["goals"]))
        label_total += len(goals)
    counted = len(cases) - len(ignored)
    return {"cases": len(cases), "counted": counted, "correct": len(matched), "gold": len(initiatives),
            "precision": len(matched) / counted if counted else 0.0,
            "recall": len(matched) / len(initiatives),
            "label_precision": label_hits / label_total if label_total else 0.0,
            "wrong": wrong, "missed": [g["name"] for i, g in enumerate(initiatives) if i not in matched]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "bench-cases")
    parser.add_argument("--only", nargs="*", default=None, help="gold module names to run")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    tagger = load_model()
    taxonomy = tagger.taxonomy
    goal_names = [taxonomy.name_da(label) for label in taxonomy.ids]
    rows = []
    for gold in gold_documents():
        if args.only and gold["module"] not in args.only:
            continue
        folder = args.work / gold["module"]
        (folder / "pdf").mkdir(parents=True, exist_ok=True)
        pdf = build_pdf_for(gold, folder / "pdf")
        run_inventory([pdf], folder / "run")
        store = RunStore(folder / "run")
        passages = store.tagged_passages(tagger.model_version)
        store.close()
        inventory = build_inventory(passages, tagger_scorer(tagger), dict(zip(tagger.labels, tagger.thresholds)),
                                    goal_names)
        result = evaluate(inventory.cases, gold)
        result.update(document=gold["document"], tuned_on=gold.get("tuned_on", True),
                      findings=len(inventory.findings))
        rows.append(result)
        if args.verbose:
            for case in inventory.cases:
                print(f"    {case.name!r:45} {sorted(case.labels)}")
    print(f"{'document':28} {'set':8} {'cases':>5} {'gold':>4} {'prec':>5} {'recall':>6} {'label p':>7} {'unnamed':>7}")
    for r in rows:
        print(f"{r['document']:28} {'tuned' if r['tuned_on'] else 'held out':8} {r['cases']:5} {r['gold']:4} "
              f"{r['precision']:5.2f} {r['recall']:6.2f} {r['label_precision']:7.2f} {r['findings']:7}")
        print(f"    not initiatives: {r['wrong']}\n    missed: {r['missed']}")


if __name__ == "__main__":
    main()
