"""End-to-end `casetagger run` throughput on a generated folder, against pdfplumber alone.

    python benchmarks/run.py [--pages 300]

Builds a folder of council agendas (about 30 pages each) totalling --pages pages, then in the
same run measures: pdfplumber's page.extract_text() over every file (the baseline), and the
whole run (parse, tag, cases, CSV, Excel, HTML) with 1 and with 2 worker processes, each in a
fresh process and output folder. Prints pages/s, ratios and peak memory.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

RAW = """
import sys, pdfplumber
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
RUN = """
import sys
from pathlib import Path
from casetagger.ingest.batch import BatchLimits
from casetagger.inventory.run import run_inventory
result = run_inventory([Path(sys.argv[1])], Path(sys.argv[2]), limits=BatchLimits(jobs=int(sys.argv[3])))
assert result.cases and not [d for d in result.parsed if d.status.value == "FAILURE"]
"""


def measure(code: str, *args: str) -> tuple[float, float, float]:
    """Seconds, peak MB of the process itself and peak MB of its largest child (the workers)."""
    script = (f"import resource, time\nt0 = time.perf_counter()\n{code}\n"
              "print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
              " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    seconds, own, children = out.stdout.split()[-3:]
    return float(seconds), float(own), float(children)


def make_folder(folder: Path, pages: int) -> int:
    from council import COUNCIL_AGENDA
    from pdfgen import ScannedPage, build_pdf

    text_only = [e for e in COUNCIL_AGENDA if not isinstance(e, ScannedPage)]
    total, i = 0, 0
    while total < pages:
        writer = build_pdf(folder / f"dagsorden_{i:02d}.pdf", text_only * 5, header=(f"Udvalg {i}", "Dagsorden"))
        total, i = total + writer.page, i + 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        pages = make_folder(folder, args.pages)
        documents = len(list(folder.glob("*.pdf")))
        raw_s, raw_mb, _ = measure(RAW, str(folder))
        one_s, one_mb, one_child_mb = measure(RUN, str(folder), str(Path(tmp) / "out1"), "1")
        two_s, two_mb, two_child_mb = measure(RUN, str(folder), str(Path(tmp) / "out2"), "2")
    print(json.dumps({
        "pages": pages,
        "documents": documents,
        "pdfplumber_extract_text_pages_per_s": round(pages / raw_s, 1),
        "run_1_worker_pages_per_s": round(pages / one_s, 1),
        "run_2_workers_pages_per_s": round(pages / two_s, 1),
        "ratio_1_worker_vs_pdfplumber": round(raw_s / one_s, 2),
        "ratio_2_workers_vs_pdfplumber": round(raw_s / two_s, 2),
        "speedup_2_workers": round(one_s / two_s, 2),
        "peak_mb_pdfplumber": round(raw_mb),
        "peak_mb_run_main_process": round(max(one_mb, two_mb)),
        "peak_mb_run_largest_worker": round(max(one_child_mb, two_child_mb)),
    }, indent=2))


if __name__ == "__main__":
    main()
