"""Ingestion speed and memory against pdfplumber's bare extract_text() and pdftotext, in one run.

    python benchmarks/ingest.py [--pages 120] [--documents 15] [--memory-pages 100,1000,5000] [--memory-only]
                                [--repeat 1]

On a generated report of --pages pages: pages/s of pdfplumber's page.extract_text() (the
baseline), of Debian's pdftotext (if installed), and of casetagger ingest with the pdfium and the
pdfplumber extractor, each in a fresh process, with ratios against the baseline and peak RSS.
Then, at each of --memory-pages, one document of that length through ``casetagger ingest``'s
batch (to a JSON Lines file) and through ``casetagger run``: peak RSS of the main process and
of its worker, and the peak of a parse's Python heap (tracemalloc, in a process of its own:
tracing makes it several times slower), each with its slope in MB per 1,000 pages: flat memory
means no slope. The heap slope does not depend on what is loaded once (the hyphenation word
list, pdfium). ``run``'s main process also writes the inventory of all the document's passages
(workbook, report), which grows with them by design. Last, the speed-up of two workers over one
in a batch of the report alone (the second worker helps read its pages) and on a folder of
--documents documents, with the CPU seconds of the parent process and of its workers (figures
the machine's load changes little). --repeat N measures the report and the folder N times, each
ratio within its own round, and prints each figure's median and each ratio's range.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

RAW = """
import sys, pdfplumber
from pathlib import Path
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
OURS = """
import sys
from pathlib import Path
from casetagger.ingest import IngestOptions, parse_document
result = parse_document(Path(sys.argv[2]), IngestOptions(extractor=sys.argv[1], max_pages=10**6))
assert result.passages, result.errors
"""
HEAP = """
import sys, tracemalloc
from pathlib import Path
from casetagger.ingest import IngestOptions, parse_document
from casetagger.ingest.document import warm_up
options = IngestOptions(extractor=sys.argv[1], max_pages=10**6)
warm_up(options)  # loaded once whatever the pages: not part of the slope
tracemalloc.start()
result = parse_document(Path(sys.argv[2]), options, sink=lambda window: None)  # as a batch worker parses
assert result.n_passages, result.errors
print(tracemalloc.get_traced_memory()[1] / 2**20)
"""
INGEST = """
import sys
from pathlib import Path
from casetagger.ingest import BatchLimits, IngestOptions, ingest_paths
from casetagger.ingest.batch import SpoolPassages
from casetagger.jsonl import write_jsonl
options = IngestOptions(extractor=sys.argv[1], max_pages=10**6)
results = ingest_paths([Path(sys.argv[2])], options, BatchLimits(jobs=1), finish=SpoolPassages())
assert write_jsonl(Path(sys.argv[3]), (p for result in results for p in result.drain()))
"""
RUN_ONE = """
import sys
from pathlib import Path
from casetagger.ingest import BatchLimits, IngestOptions
from casetagger.inventory.run import run_inventory
result = run_inventory([Path(sys.argv[1])], Path(sys.argv[2]), options=IngestOptions(max_pages=10**6),
                       limits=BatchLimits(jobs=1))
assert result.passages
"""
BATCH = """
import sys
from pathlib import Path
from casetagger.ingest import BatchLimits, ingest_paths
target = Path(sys.argv[1])
paths = sorted(target.glob("*.pdf")) if target.is_dir() else [target]
results = list(ingest_paths(paths, limits=BatchLimits(jobs=int(sys.argv[2]))))
assert all(r.passages for r in results)
"""


class Timing(NamedTuple):
    seconds: float  # wall
    mb: float  # peak resident MB of the process
    child_mb: float  # of its largest child (the workers)
    cpu: float  # CPU seconds (user + system) of the process: load-independent, unlike the wall
    child_cpu: float  # of all its children together
    marks: tuple[float, ...] = ()  # seconds from its first line at which ``code`` printed "MARKS t1 t2 ..."


def compile_package() -> None:
    """Bytecode for casetagger's modules, as a regular install leaves them. An editable install has
    none, and where Python writes none at run time (PYTHONDONTWRITEBYTECODE, set on this machine
    and in many container images) every measured process would compile all of them again: 0.06-0.08 s
    of its start-up, before the first worker, in each `--jobs` alike."""
    import compileall

    import casetagger

    compileall.compile_dir(Path(casetagger.__file__).parent, quiet=1)


def timed(code: str, *args: str) -> Timing:
    """A fresh Python process running ``code``, measured from its first line (imports included);
    ``code`` may time its own phases against ``t0`` and print them on a line starting "MARKS"."""
    script = (f"import resource, time\nt0 = time.perf_counter()\n{code}\n"
              "own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "print(time.perf_counter() - t0, own.ru_maxrss / 1024, kids.ru_maxrss / 1024,"
              " own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime)")
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    marks = next((tuple(map(float, line.split()[1:])) for line in out.stdout.splitlines() if line.startswith("MARKS ")), ())
    return Timing(*map(float, out.stdout.split()[-5:]), marks=marks)


def cpu_figures(prefix: str, timing: Timing, documents: int) -> dict[str, float]:
    """CPU seconds of the parent and of the workers, in all and per document: whatever CPU the
    parent takes keeps two workers on two cores from running twice as fast as one."""
    return {f"{prefix}_parent_cpu_s": round(timing.cpu, 2), f"{prefix}_workers_cpu_s": round(timing.child_cpu, 2),
            f"{prefix}_parent_cpu_ms_per_document": round(1000 * timing.cpu / documents),
            f"{prefix}_workers_cpu_ms_per_document": round(1000 * timing.child_cpu / documents)}


def pdftotext(paths: list[Path]) -> tuple[float, float] | None:
    """Wall seconds and peak MB of Debian's pdftotext over the files, or None if not installed."""
    if not shutil.which("pdftotext"):
        return None
    code = ("import subprocess, sys\nfor p in sys.argv[1:]:\n"
            "    subprocess.run(['pdftotext', p, '/dev/null'], check=True)")
    timing = timed(code, *map(str, paths))
    return timing.seconds, timing.child_mb


def heap_peak_mb(path: Path, extractor: str = "pdfium") -> float:
    """Peak MB of the Python heap while ingest parses ``path``, above what it loads before."""
    out = subprocess.run([sys.executable, "-c", HEAP, extractor, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def slope_per_1000_pages(points: list[tuple[int, float]]) -> float | None:
    """Least-squares MB per 1,000 pages through (pages, MB) points."""
    from statistics import linear_regression

    if len({pages for pages, _ in points}) < 2:
        return None
    slope, _ = linear_regression([pages for pages, _ in points], [mb for _, mb in points])
    return round(1000 * slope, 2)


def memory_figures(tmp: Path, page_counts: list[int]) -> dict:
    """Peak RSS of ``ingest`` and ``run`` (main process and worker) and a parse's Python-heap peak
    at each page count, with their slopes."""
    figures: dict = {}
    series: dict[str, list[tuple[int, float]]] = {}
    for n in page_counts:
        long = tmp / f"long_{n}.pdf"
        made = make_document(long, n)
        ingest = timed(INGEST, "pdfium", str(long), str(tmp / "passages.jsonl"))
        run = timed(RUN_ONE, str(long), str(tmp / f"run_{n}"))
        points = {"ingest_main": ingest.mb, "ingest_worker": ingest.child_mb, "run_main": run.mb,
                  "run_worker": run.child_mb, "heap": heap_peak_mb(long)}
        for name, mb in points.items():
            series.setdefault(name, []).append((made, mb))
            figures[f"peak_mb_{name}_{made}_pages"] = round(mb, 1)
        figures[f"ingest_{made}_pages_per_s"] = round(made / ingest.seconds, 1)
        figures[f"run_{made}_pages_per_s"] = round(made / run.seconds, 1)
        long.unlink()
        shutil.rmtree(tmp / f"run_{n}")
    for name, points_of in series.items():
        figures[f"{name}_mb_per_1000_pages"] = slope_per_1000_pages(points_of)
    return figures


def make_document(path: Path, pages: int, name: str = "Økonomiudvalget") -> int:
    from council import COUNCIL_AGENDA
    from pdfgen import ScannedPage, build_pdf

    text_only = [e for e in COUNCIL_AGENDA if not isinstance(e, ScannedPage)]
    per_copy = build_pdf(path, text_only).page
    writer = build_pdf(path, text_only * max(1, -(-pages // per_copy)), header=(name, "Side {page}"))
    return writer.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--documents", type=int, default=15)
    parser.add_argument("--memory-pages", default="100,1000,5000")
    parser.add_argument("--memory-only", action="store_true", help="only the figures at --memory-pages")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the speed figures; medians are printed")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        memory = memory_figures(tmp, [int(n) for n in args.memory_pages.split(",")])
        if args.memory_only:
            print(json.dumps(memory, indent=2))
            return
        report = tmp / "report.pdf"
        pages = make_document(report, args.pages)
        folder = tmp / "folder"
        folder.mkdir()
        total = sum(make_document(folder / f"dagsorden_{i:02d}.pdf", 8 + 4 * (i % 4), f"Udvalg {i}")
                    for i in range(args.documents))
        rounds = [speed_figures(report, pages, folder, total) for _ in range(args.repeat)]
    print(json.dumps({**summarise(rounds), **memory}, indent=2))


def speed_figures(report: Path, pages: int, folder: Path, folder_pages: int) -> dict:
    """One round: the report and the folder, each tool in a fresh process, ratios within the round."""
    figures: dict = {}
    raw_s, raw_mb = timed(RAW, str(report))[:2]
    figures.update(pages=pages, pdfplumber_extract_text_pages_per_s=round(pages / raw_s, 1),
                   peak_mb_pdfplumber_extract_text=round(raw_mb))
    poppler = pdftotext([report])
    if poppler:
        figures.update(pdftotext_pages_per_s=round(pages / poppler[0], 1),
                       pdftotext_ratio_vs_pdfplumber=round(raw_s / poppler[0], 2))
    for extractor in ("pdfium", "pdfplumber"):
        seconds, mb = timed(OURS, extractor, str(report))[:2]
        figures[f"ingest_{extractor}_pages_per_s"] = round(pages / seconds, 1)
        figures[f"ingest_{extractor}_ratio_vs_pdfplumber_extract_text"] = round(raw_s / seconds, 2)
        if poppler:
            figures[f"ingest_{extractor}_ratio_vs_pdftotext"] = round(poppler[0] / seconds, 2)
        figures[f"peak_mb_ingest_{extractor}"] = round(mb)
    alone, helped = timed(BATCH, str(report), "1"), timed(BATCH, str(report), "2")
    figures["report_batch_speedup_2_workers_vs_1"] = round(alone.seconds / helped.seconds, 2)
    files = sorted(folder.glob("*.pdf"))
    raw_folder_s = timed(RAW, *map(str, files)).seconds
    one, two = timed(BATCH, str(folder), "1"), timed(BATCH, str(folder), "2")
    figures.update({
        "folder_documents": len(files), "folder_pages": folder_pages,
        "folder_ingest_1_worker_ratio_vs_pdfplumber_extract_text": round(raw_folder_s / one.seconds, 2),
        "folder_ingest_2_workers_ratio_vs_pdfplumber_extract_text": round(raw_folder_s / two.seconds, 2),
        "folder_speedup_2_workers_vs_1": round(one.seconds / two.seconds, 2),
        **cpu_figures("folder_1_worker", one, len(files)), **cpu_figures("folder_2_workers", two, len(files)),
        "peak_mb_batch_main_process": round(max(one.mb, two.mb)),
        "peak_mb_batch_largest_worker": round(max(one.child_mb, two.child_mb)),
    })
    return figures


def summarise(rounds: list[dict]) -> dict:
    """Each figure's median over the rounds; ratios and speed-ups also with their range, since on a
    shared machine one round's ratio can be off by a third."""
    from statistics import median

    out: dict = {"rounds": len(rounds)}
    for key in rounds[0]:
        values = [r[key] for r in rounds if key in r]
        middle = median(values)
        out[key] = int(middle) if all(isinstance(v, int) for v in values) and middle == int(middle) else round(middle, 2)
        if len(rounds) > 1 and ("ratio" in key or "speedup" in key):
            out[f"{key}_range"] = [min(values), max(values)]
    return out


if __name__ == "__main__":
    main()
