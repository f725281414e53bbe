"""The ``casetagger`` command line: thin commands over the library's functions."""

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casetagger.errors import CasetaggerError

app = typer.Typer(help="Find and tag concrete initiatives in Danish municipal documents.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
corpus_app = typer.Typer(help="Check and split the labelled training corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
err = Console(stderr=True)
STATE = {"debug": False}


@app.callback()
def main_options(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    STATE["debug"] = debug


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="PDF files and folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the passages (JSON Lines).")],
    documents: Annotated[Path | None, typer.Option(help="Also write one status line per document here (JSON Lines).")] = None,
    jobs: Annotated[int, typer.Option(help="Worker processes.")] = 0,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per document.")] = 300.0,
    max_memory: Annotated[int, typer.Option(help="MB of memory allowed per document.")] = 2048,
    max_pages: Annotated[int, typer.Option(help="Refuse documents with more pages.")] = 2000,
    max_mb: Annotated[int, typer.Option(help="Refuse files larger than this many MB.")] = 200,
    ocr: Annotated[bool, typer.Option("--ocr", help="OCR scanned pages (needs ocrmypdf and tesseract-ocr-dan).")] = False,
) -> None:
    """Read PDFs into passages with provenance (file hash, page, box, heading path)."""
    from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_paths
    from casetagger.ingest.document import IngestOptions, Status
    from casetagger.jsonl import write_jsonl

    pdfs, skipped = find_pdfs(paths)
    for path in skipped:
        err.print(f"skipped (not a PDF): {path}", highlight=False)
    if not pdfs:
        fail("no PDF files found in " + ", ".join(map(str, paths)))
    limits = BatchLimits(jobs=jobs or BatchLimits().jobs, timeout=timeout, max_memory_mb=max_memory)
    results = list(ingest_paths(pdfs, IngestOptions(max_mb=max_mb, max_pages=max_pages, ocr=ocr), limits))
    n = write_jsonl(out, (p for r in results for p in r.passages))
    if documents:
        write_jsonl(documents, (r.summary() for r in results))
    _print_results(results)
    err.print(f"{n} passages from {len(results)} document(s) written to {out}", highlight=False)
    if any(r.status is Status.FAILURE for r in results):
        raise typer.Exit(1)


def _print_results(results) -> None:
    table = Table("status", "file", "pages", "passages", "errors / warnings", box=None)
    for r in results:
        notes = "; ".join(r.errors + r.warnings)
        colour = {"SUCCESS": "green", "PARTIAL": "yellow", "FAILURE": "red"}[r.status.value]
        table.add_row(f"[{colour}]{r.status.value}[/{colour}]", Path(r.file).name, str(r.pages),
                      str(len(r.passages)), notes)
    err.print(table)


TaxonomyOption = Annotated[Path | None, typer.Option("--taxonomy", help="Taxonomy file (default: corpus/taxonomy.yaml).")]


@corpus_app.command("check")
def corpus_check_cli(
    path: Annotated[Path | None, typer.Argument(help="Corpus file (default: corpus/passages.jsonl).")] = None,
    taxonomy: TaxonomyOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check schema, labels, duplicates, counts and minimums; fail with a report if any is off."""
    import json

    from casetagger.corpus import DEFAULT_CORPUS, check_corpus, load_corpus
    from casetagger.taxonomy import Taxonomy

    path = path or DEFAULT_CORPUS
    report = check_corpus(load_corpus(path), Taxonomy.load(taxonomy))
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_corpus_report(report)
    if not report.ok:
        fail(f"{path}: corpus check failed with {len(report.problems)} problem(s):\n  " + "\n  ".join(report.problems[:50]))


def _print_corpus_report(report) -> None:
    out = Console()
    out.print(f"{report.n} passages; no label: {report.no_label} ({report.no_label / max(1, report.n):.0%}); "
              f"2+ labels: {report.multi_label}; splits: {dict(report.splits)}")
    table = Table("label", "passages", box=None)
    for label, n in sorted(report.labels.items()):
        table.add_row(label, str(n))
    out.print(table)
    out.print("genres: " + ", ".join(f"{g} {n}" for g, n in sorted(report.genres.items())))
    out.print("most frequent pairs: " + ", ".join(f"{a}+{b} {n}" for (a, b), n in report.co_occurrence.most_common(12)))


@corpus_app.command("split")
def corpus_split_cli(
    path: Annotated[Path | None, typer.Argument(help="Corpus file (default: corpus/passages.jsonl).")] = None,
    taxonomy: TaxonomyOption = None,
    seed: Annotated[int, typer.Option(help="Random seed of the stratified split.")] = 13,
) -> None:
    """Give passages without a split one (train / dev / test, stratified); existing splits never change."""
    from casetagger.corpus import DEFAULT_CORPUS, split_corpus_file
    from casetagger.taxonomy import Taxonomy

    path = path or DEFAULT_CORPUS
    n = split_corpus_file(path, Taxonomy.load(taxonomy), seed=seed)
    err.print(f"{n} passage(s) assigned a split in {path}")


def main() -> None:
    try:
        app()
    except CasetaggerError as e:
        if STATE["debug"]:
            raise
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(1)
