"""The follow-up draft (build + write .docx) against the HTML report, on the same inventory.

    python benchmarks/draft.py [--repeat 5]

Runs `casetagger run` on examples/ once into a temporary folder, then in the same run times,
best of --repeat: the draft (cases and decisions read from the store, sentences chosen, Word
written) and the report (write_report from the same store's cases), which every run already pays.
"""

import argparse
import tempfile
import time
from pathlib import Path

from casetagger.inventory.case_store import reviewed_inventory
from casetagger.inventory.draft import build_draft
from casetagger.inventory.draft_docx import write_draft
from casetagger.inventory.report import PassageCounts, write_report
from casetagger.inventory.run import run_inventory
from casetagger.inventory.store import RunStore
from casetagger.model.registry import load_model

ROOT = Path(__file__).resolve().parents[1]


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run_inventory([ROOT / "examples"], out)
        tagger = load_model()
        store = RunStore(out)
        passages = store.tagged_passages(tagger.model_version)
        documents, inventory = store.documents(), reviewed_inventory(store.db)
        store.close()

        def report() -> None:
            write_report(out / "report.html", inventory.cases, PassageCounts.of(passages), documents, tagger.taxonomy, tagger.card,
                         inventory.findings)

        def draft() -> None:
            write_draft(build_draft(out), out / "opfoelgning.docx")

        baseline, measured = best(args.repeat, report), best(args.repeat, draft)
        size = (out / "opfoelgning.docx").stat().st_size
    print(f"{len(inventory.cases)} cases, {len(passages)} passages")
    print(f"report.html  {baseline * 1000:7.1f} ms (baseline)")
    print(f"draft .docx  {measured * 1000:7.1f} ms ({measured / baseline:.2f}x the report), {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
