"""Ingestion speed and memory against pdfplumber's own extract_text(), measured in one run.

    python benchmarks/ingest.py [--pages 300]

Prints pages/s for raw pdfplumber and for casetagger ingest on the same generated document,
their ratio, peak memory (each in a fresh process), memory at a third of the pages (flatness),
and the speed-up of two worker processes over one on a folder of documents.
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
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
OURS = """
import sys
from pathlib import Path
from casetagger.ingest import parse_document
result = parse_document(Path(sys.argv[1]))
assert result.passages, result.errors
"""
BATCH = """
import sys
from pathlib import Path
from casetagger.ingest import BatchLimits, ingest_paths
paths = sorted(Path(sys.argv[1]).glob("*.pdf"))
results = list(ingest_paths(paths, limits=BatchLimits(jobs=int(sys.argv[2]))))
assert all(r.passages for r in results)
"""


def timed(code: str, *args: str) -> tuple[float, float]:
    """Wall seconds and peak resident MB of a fresh Python process running ``code``."""
    script = f"import resource, time\nt0 = time.perf_counter()\n{code}\n" \
             "print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    seconds, mb = out.stdout.split()[-2:]
    return float(seconds), float(mb)


def make_document(path: Path, pages: int) -> int:
    from council import COUNCIL_AGENDA
    from pdfgen import ScannedPage, build_pdf

    text_only = [e for e in COUNCIL_AGENDA if not isinstance(e, ScannedPage)]
    elements = []
    writer = None
    while writer is None or writer.page < pages:
        elements += text_only
        writer = build_pdf(path, elements)
    return writer.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big, small = tmp / "big.pdf", tmp / "small.pdf"
        n_big = make_document(big, args.pages)
        n_small = make_document(small, args.pages // 3)
        raw_s, raw_mb = timed(RAW, str(big))
        ours_s, ours_mb = timed(OURS, str(big))
        _, ours_small_mb = timed(OURS, str(small))
        folder = tmp / "folder"
        folder.mkdir()
        for i in range(4):
            (folder / f"doc{i}.pdf").write_bytes(small.read_bytes())
        one_s, _ = timed(BATCH, str(folder), "1")
        two_s, _ = timed(BATCH, str(folder), "2")
    figures = {
        "pages": n_big,
        "pdfplumber_extract_text_pages_per_s": round(n_big / raw_s, 1),
        "casetagger_ingest_pages_per_s": round(n_big / ours_s, 1),
        "throughput_ratio_vs_pdfplumber": round(raw_s / ours_s, 2),
        "peak_mb_pdfplumber": round(raw_mb),
        "peak_mb_ingest": round(ours_mb),
        f"peak_mb_ingest_{n_small}_pages": round(ours_small_mb),
        "folder_of_4_speedup_2_workers": round(one_s / two_s, 2),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
