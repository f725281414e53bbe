"""End-to-end `casetagger run` throughput on a generated folder, against pdfplumber alone.

    python benchmarks/run.py [--documents 15] [--pages 200] [--report-pages 0] [--repeat 1] [--best-of 1]

Builds a folder of --documents council agendas totalling about --pages pages, then in the same
run measures: pdfplumber's page.extract_text() over every file (the baseline), Debian's
pdftotext (if installed), and the whole run (parse, tag, cases, CSV, Excel, HTML) with 1 and
with 2 worker processes, each in a fresh process and output folder. Prints pages/s, ratios,
CPU seconds of the main process and of its workers, and peak memory of the main process and of
the largest worker. --repeat N runs all of it N times and prints medians, with each ratio's range.
--best-of K measures each command K times in a round, the two runs taking turns, and keeps each
one's fastest: on a shared virtual machine, a neighbour's load only ever adds time, and one
5-second run slowed by it moved a round's --jobs 2 speed-up anywhere between 1.2 and 2.0.
--report-pages N adds, in each round, `run` on one generated report of about N pages with 1 and 2
workers (the second can only help read the report's pages).
Each run also times its documents (from the first handed out to the last stored) apart from what
comes before and after them (start-up, outputs), and prints the speed-up 2 workers would reach if
they exactly halved the documents' part: the bound that part leaves for `--jobs 2`.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import Timing, compile_package, cpu_figures, pdftotext, summarise, timed as measure  # noqa: E402  one way to time, in both benchmarks

RAW = """
import sys, pdfplumber
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
# marks: the first document handed out (``on_plan``), the last one stored; the outputs follow
RUN = """
import sys
from pathlib import Path
from casetagger.ingest.batch import BatchLimits
from casetagger.inventory.run import run_inventory
marks = {}
result = run_inventory([Path(sys.argv[1])], Path(sys.argv[2]), limits=BatchLimits(jobs=int(sys.argv[3])),
                       on_plan=lambda todo: marks.setdefault("plan", time.perf_counter() - t0),
                       on_document=lambda document: marks.__setitem__("stored", time.perf_counter() - t0))
assert result.cases and not [d for d in result.parsed if d.status.value == "FAILURE"]
print("MARKS", marks["plan"], marks["stored"])
"""


def make_folder(folder: Path, documents: int, pages: int) -> int:
    from ingest import make_document

    return sum(make_document(folder / f"dagsorden_{i:02d}.pdf", pages // documents, f"Udvalg {i}")
               for i in range(documents))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=15)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--report-pages", type=int, default=0, help="also one report of this length")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; medians and ranges are printed")
    parser.add_argument("--best-of", type=int, default=1, help="each command's fastest of K tries in a round")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        pages = make_folder(folder, args.documents, args.pages)
        report = Path(tmp) / "report" / "report.pdf"
        if args.report_pages:
            from ingest import make_document

            report.parent.mkdir()
            report_pages = make_document(report, args.report_pages)
        rounds = []
        for i in range(args.repeat):
            figures = one_round(folder, pages, Path(tmp) / f"round{i}", args.best_of)
            if args.report_pages:
                figures.update(report_round(report, report_pages, Path(tmp) / f"report{i}", args.best_of))
            rounds.append(figures)
    print(json.dumps(summarise(rounds), indent=2))


def one_round(folder: Path, pages: int, out: Path, best_of: int = 1) -> dict:
    documents = len(list(folder.glob("*.pdf")))
    raw = min((measure(RAW, str(folder)) for _ in range(best_of)), key=lambda t: t.seconds)
    raw_s, raw_mb = raw.seconds, raw.mb
    poppler = min((pdftotext(sorted(folder.glob("*.pdf"))) for _ in range(best_of)), key=lambda t: t[0] if t else 0)
    one, two = one_and_two_workers(folder, out, best_of)
    one_s, two_s = one.seconds, two.seconds
    return {
        "pages": pages,
        "documents": documents,
        "pdfplumber_extract_text_pages_per_s": round(pages / raw_s, 1),
        "run_1_worker_pages_per_s": round(pages / one_s, 1),
        "run_2_workers_pages_per_s": round(pages / two_s, 1),
        "ratio_1_worker_vs_pdfplumber": round(raw_s / one_s, 2),
        "ratio_2_workers_vs_pdfplumber": round(raw_s / two_s, 2),
        "speedup_2_workers": round(one_s / two_s, 2),
        **({"pdftotext_pages_per_s": round(pages / poppler[0], 1),
            "ratio_1_worker_vs_pdftotext": round(poppler[0] / one_s, 2)} if poppler else {}),
        "peak_mb_pdfplumber": round(raw_mb),
        **phase_figures(one, two),
        **cpu_figures("run_1_worker", one, documents), **cpu_figures("run_2_workers", two, documents),
        "peak_mb_run_main_process": round(max(one.mb, two.mb)),
        "peak_mb_run_largest_worker": round(max(one.child_mb, two.child_mb)),
    }


def one_and_two_workers(target: Path, out: Path, best_of: int) -> tuple[Timing, Timing]:
    """`run` on ``target`` with 1 and with 2 workers, each its fastest of ``best_of``."""
    ones, twos = [], []
    for k in range(best_of):  # taking turns: a slow spell of the machine falls on both alike
        ones.append(measure(RUN, str(target), str(out / f"out1_{k}"), "1"))
        twos.append(measure(RUN, str(target), str(out / f"out2_{k}"), "2"))
    one, two = (min(tries, key=lambda t: t.seconds) for tries in (ones, twos))
    return one, two


def phase_figures(one: Timing, two: Timing, prefix: str = "") -> dict[str, float]:
    """Where `--jobs 2` gains and where it cannot: the documents (from the first handed out to the
    last stored) and what comes before and after them, which a second worker does not shorten.
    The bound is what 2 workers would reach with the documents' part exactly halved."""
    (plan1, stored1), (plan2, stored2) = one.marks, two.marks
    serial = plan1 + one.seconds - stored1
    documents = stored1 - plan1
    return {f"{prefix}run_before_and_after_documents_s": round(serial, 2),
            f"{prefix}run_documents_s_1_worker": round(documents, 2),
            f"{prefix}run_documents_s_2_workers": round(stored2 - plan2, 2),
            f"{prefix}documents_speedup_2_workers": round(documents / (stored2 - plan2), 2),
            f"{prefix}speedup_2_workers_bound": round((serial + documents) / (serial + documents / 2), 2)}


def report_round(report: Path, pages: int, out: Path, best_of: int = 1) -> dict:
    raw = min(measure(RAW, str(report.parent)).seconds for _ in range(best_of))
    one, two = one_and_two_workers(report, out, best_of)
    return {"report_pages": pages, "report_run_1_worker_ratio_vs_pdfplumber": round(raw / one.seconds, 2),
            "report_run_2_workers_ratio_vs_pdfplumber": round(raw / two.seconds, 2),
            "report_speedup_2_workers": round(one.seconds / two.seconds, 2), **phase_figures(one, two, "report_")}


if __name__ == "__main__":
    main()
