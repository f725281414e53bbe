"""The ``casetagger`` command line: thin commands over the library's functions."""

import errno
import functools
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from casetagger.errors import CasetaggerError, Errors

if TYPE_CHECKING:
    from rich.progress import TaskID

    from casetagger.corpus import CorpusReport
    from casetagger.ingest.document import DocumentResult
    from casetagger.model.registry import Registry

Command = TypeVar("Command", bound=Callable[..., Any])

# markup off: file names and PDF error text are full of square brackets
err = Console(stderr=True, markup=False, highlight=False, soft_wrap=True)
STATE = {"debug": False}


class App(typer.Typer):
    """Typer app whose commands report user-facing errors in one line, no traceback (unless --debug)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Command], Command]:
        register = super().command(*args, **kwargs)

        def decorator(function: Command) -> Command:
            @functools.wraps(function)
            def wrapper(*a: Any, **kw: Any) -> Any:
                try:
                    return function(*a, **kw)
                except CasetaggerError as e:
                    if STATE["debug"]:
                        raise
                    fail(str(e))
                except OSError as e:  # a folder given as a file, a file as a folder, no permission ...
                    if STATE["debug"]:
                        raise
                    if e.errno == errno.ENOSPC:
                        fail(Errors.E402.format(path=e.filename or kw.get("out") or "the output"))
                    fail(f"{e.filename or ''}: {e.strerror or e}".lstrip(": "))
                except sqlite3.Error as e:  # the run's store: read-only, disk full
                    if STATE["debug"]:
                        raise
                    from casetagger.inventory.store import store_problem

                    folder = kw.get("out") or kw.get("folder")
                    fail(store_problem(Path(folder) / "casetagger.sqlite" if folder else Path("the store"), e))

            return cast(Command, register(wrapper))

        return decorator


app = App(help="Find and tag concrete initiatives in Danish municipal documents.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
corpus_app = App(help="Check and split the labelled training corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


@app.callback()
def main_options(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    STATE["debug"] = debug


def fail(message: str, code: int = 1) -> None:
    err.print(Text.assemble(("error: ", "red"), message), soft_wrap=True)
    raise typer.Exit(code)


ExtractorOption = Annotated[str, typer.Option(help="Text extractor: pdfium (fast) or pdfplumber (for comparison).")]


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
    mask_personal_data: Annotated[bool, typer.Option("--mask/--no-mask", help="Mask CPR numbers, phone numbers and e-mails in the text.")] = True,
    extractor: ExtractorOption = "pdfium",
) -> None:
    """Read PDFs into passages with provenance (file hash, page, box, heading path)."""
    from casetagger.ingest.batch import BatchLimits, SpoolPassages, find_pdfs, ingest_paths, skipped_summary
    from casetagger.ingest.document import IngestOptions, Status
    from casetagger.jsonl import write_jsonl

    from casetagger.inventory.privacy import mask

    pdfs, skipped = find_pdfs(paths)
    for path in skipped:
        err.print(f"skipped (not a PDF): {mask(str(path)) if mask_personal_data else path}", highlight=False)
    if not pdfs:
        fail(Errors.E019.format(paths=", ".join(map(str, paths))))
    limits = BatchLimits(jobs=jobs or BatchLimits().jobs, timeout=timeout, max_memory_mb=max_memory)
    options = IngestOptions(max_mb=max_mb, max_pages=max_pages, ocr=ocr, extractor=extractor)
    from casetagger.inventory.privacy import mask_document, mask_passage

    def unchanged(row: dict[str, Any]) -> dict[str, Any]:
        return row

    # passages are masked in the workers, where the timeout holds; summaries here (short strings)
    prepare, document_out = (mask_passage, mask_document) if mask_personal_data else (None, unchanged)
    results = []

    def passages() -> Iterator[dict[str, Any]]:  # written as each document arrives; only the summaries are kept
        for result in ingest_paths(pdfs, options, limits, finish=SpoolPassages(prepare)):
            yield from (dict(p) for p in result.drain())
            results.append(result)

    n = write_jsonl(out, passages())
    if documents:
        rows = [r.summary() for r in results] + [skipped_summary(p) for p in skipped]
        write_jsonl(documents, (document_out(row) for row in rows))
    _print_results(results, masked=mask_personal_data)
    err.print(f"{n} passages from {len(results)} document(s) written to {out} ({_failed_and_partial(results)})",
              highlight=False)
    if any(r.status is Status.FAILURE for r in results):
        raise typer.Exit(1)


def _failed_and_partial(results: Sequence["DocumentResult"]) -> str:
    """ "2 failed, 1 read in part": a document read in part is as easy to see as one that failed."""
    from casetagger.ingest.document import Status

    failed = sum(r.status is Status.FAILURE for r in results)
    partial = sum(r.status is Status.PARTIAL for r in results)
    return f"{failed} failed, {partial} read in part"


def _print_results(results: Sequence["DocumentResult"], masked: bool = True) -> None:
    """The console table; file names and messages masked as the output is (consoles end up in logs)."""
    from casetagger.inventory.privacy import mask

    show = mask if masked else str
    table = Table("status", "file", "pages", "passages", "errors / warnings", box=None)
    for r in results:
        notes = "; ".join(r.errors + r.warnings)
        colour = {"SUCCESS": "green", "PARTIAL": "yellow", "FAILURE": "red"}[r.status.value]
        table.add_row(Text(r.status.value, style=colour), show(Path(r.file).name), str(r.pages),
                      str(r.n_passages), show(notes))
    err.print(table)


TaxonomyOption = Annotated[Path | None, typer.Option("--taxonomy", help="Taxonomy file (default: the package's Gladsaxe taxonomy).")]


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


def _print_corpus_report(report: "CorpusReport") -> None:
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


ModelOption = Annotated[Path | None, typer.Option(
    "--model", help="Model directory (default: the registry's current version, see `casetagger models list`; "
                    "the shipped model until a version is used).")]


@app.command("tag")
def tag_cli(
    infile: Annotated[Path, typer.Option("--in", help="Passages (JSON Lines with 'id' and 'text'; ingest output works).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the tagged passages.")],
    model: ModelOption = None,
) -> None:
    """Add scores, labels above each label's threshold, and the evidence for each label."""
    from casetagger.jsonl import read_jsonl, write_jsonl
    from casetagger.model.registry import load_model

    tagger = load_model(model)
    n = write_jsonl(out, (dict(row) for row in tagger.tag(_require(read_jsonl(infile), infile, ("id", "text")))))
    err.print(f"{n} passages tagged with {tagger.card['name']} {tagger.version} -> {out}", highlight=False)


def _require(rows: Iterable[dict[str, Any]], path: Path, fields: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    from casetagger.errors import Errors

    for number, row in enumerate(rows, start=1):
        for field in fields:
            if field not in row:
                raise CasetaggerError(Errors.E203.format(path=path, line=number, field=field))
        if not isinstance(row["text"], str):
            raise CasetaggerError(Errors.E203.format(path=path, line=number, field="text (a string)"))
        yield row


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[Path, typer.Option("--gold", help="JSON Lines with 'text', 'labels' and optionally 'optional'.")],
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Per-label precision, recall and F1, and macro / micro F1 for goals, SDGs and all labels."""
    import json

    from casetagger.jsonl import read_jsonl
    from casetagger.model.registry import load_model
    from casetagger.model.train import evaluate_rows

    tagger = load_model(model)
    rows = list(_require(read_jsonl(gold), gold, ("text", "labels")))
    metrics = evaluate_rows(tagger, rows, tagger.taxonomy)
    if as_json:
        print(json.dumps(metrics, indent=2))
        return
    out = Console()
    table = Table("label", "P", "R", "F1", "support", box=None)
    for label, m in metrics["per_label"].items():
        table.add_row(label, f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}", str(m["support"]))
    out.print(table)
    for group in ("goals", "sdgs", "all"):
        if group in metrics:
            out.print(f"{group}: macro-F1 {metrics[group]['macro_f1']:.3f}, micro-F1 {metrics[group]['micro_f1']:.3f}")


@app.command("train")
def train_cli(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Model directory to write (training on the corpus alone).")] = None,
    corrections: Annotated[Path | None, typer.Option(help="Review folder or corrections JSONL: retrain into the registry.")] = None,
    corpus: Annotated[Path | None, typer.Option(help="Corpus file (default: corpus/passages.jsonl).")] = None,
    taxonomy: TaxonomyOption = None,
    config: Annotated[Path | None, typer.Option(help="Training config (default: the package's configs/linear.yaml).")] = None,
    registry: Annotated[Path | None, typer.Option(help="Model registry (default: $CASETAGGER_REGISTRY or ~/.local/share/casetagger/registry).")] = None,
    tolerance: Annotated[float, typer.Option(help="How far corpus test macro-F1 may fall for a promotion.")] = 0.02,
    force: Annotated[bool, typer.Option("--force", help="Promote even if the checks fail (says which it overrides).")] = False,
    reason: Annotated[str | None, typer.Option(help="Why you promote with --force (recorded in the model card).")] = None,
) -> None:
    """Train the tagger. With --out: on the corpus (never its test split). With --corrections: on the
    corpus plus analysts' corrections, into the registry, promoted only if it beats the current model."""
    from casetagger.corpus import load_corpus
    from casetagger.model.train import TrainConfig
    from casetagger.taxonomy import Taxonomy

    rows, tax, cfg = load_corpus(corpus), Taxonomy.load(taxonomy), TrainConfig.load(config)
    if corrections is not None:
        from casetagger.model.registry import Registry
        from casetagger.corrections import load_corrections
        from casetagger.model.retrain import retrain

        registry_ = Registry(registry, tax)
        started = time.perf_counter()
        with _stage_progress() as progress:
            outcome = retrain(rows, load_corrections(corrections), tax, cfg, registry_, tolerance, force, reason, progress)
        state = "promoted: now the current model" if outcome.promoted else "kept, NOT promoted"
        err.print(f"version {outcome.version} in {registry_.root}: {state} ({time.perf_counter() - started:.0f} s)",
                  highlight=False)
        for reason in outcome.reasons:
            err.print(f"  - {reason}", highlight=False)
        return
    if out is None:
        fail("say where the model goes (--out DIR) or give --corrections to retrain into the registry")
        return
    from casetagger.model.package import train_and_package

    tagger = train_and_package(rows, tax, cfg, out)
    test = tagger.card.get("test_metrics") or {}
    err.print(f"model {tagger.version} written to {out}; test macro-F1 {test['all']['macro_f1']:.3f} "
              f"(goals {test['goals']['macro_f1']:.3f}, SDGs {test['sdgs']['macro_f1']:.3f})", highlight=False)


@contextmanager
def _stage_progress() -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar per training stage (merge, cross-validation folds, fit, evaluate): yields ``progress(stage, done, total)``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("{task.description:<26}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=not err.is_terminal)
    tasks: dict[str, TaskID] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield progress


models_app = App(help="The model registry: list, show, use and roll back model versions.", no_args_is_help=True)
app.add_typer(models_app, name="models")
RegistryOption = Annotated[Path | None, typer.Option("--registry", help="Model registry directory.")]
ModelsTaxonomyOption = Annotated[Path | None, typer.Option(
    "--taxonomy", help="Whose models: a taxonomy file (default: the package's); each taxonomy has its own.")]


def _registry(registry: Path | None, taxonomy: Path | None) -> "Registry":
    from casetagger.model.registry import Registry
    from casetagger.taxonomy import Taxonomy

    return Registry(registry, Taxonomy.load(taxonomy))


@models_app.command("list")
def models_list_cli(registry: RegistryOption = None,
                    taxonomy: ModelsTaxonomyOption = None) -> None:
    """Every version with its test macro-F1, corrections and whether it is current."""
    reg = _registry(registry, taxonomy)
    current = reg.current()
    table = Table("", "version", "model", "date", "test macro-F1", "corrections", "promoted", box=None)
    for name in reg.names():
        card = reg.card(name)
        metrics = (card.get("test_metrics") or {}).get("all", {})
        used = card.get("corrections", {}).get("distinct_texts", 0)
        promotion = card.get("promotion", {"promoted": True})
        table.add_row("*" if name == current else "", name, card["version"], card["date"],
                      f"{metrics.get('macro_f1', 0):.3f}", str(used), "yes" if promotion["promoted"] else "no")
    Console().print(table)


@models_app.command("show")
def models_show_cli(version: Annotated[str, typer.Argument(help="A version (v0001 ...) or 'shipped'.")],
                    registry: RegistryOption = None,
                    taxonomy: ModelsTaxonomyOption = None) -> None:
    """The model card of one version."""
    print((_registry(registry, taxonomy).path(version) / "README.md").read_text(encoding="utf-8"))


@models_app.command("use")
def models_use_cli(version: Annotated[str, typer.Argument(help="A version (v0001 ...) or 'shipped'.")],
                   registry: RegistryOption = None,
                   taxonomy: ModelsTaxonomyOption = None,
                   force: Annotated[bool, typer.Option("--force", help="Use a version that was not promoted.")] = False) -> None:
    """Make a version the current model (used when --model is not given; a running review app re-tags)."""
    reg = _registry(registry, taxonomy)
    promotion: dict[str, Any] = dict(reg.card(version).get("promotion") or {"promoted": True})
    if not promotion["promoted"] and not force:
        err.print(f"warning: {version} was not promoted:", highlight=False)
        for reason in list(promotion.get("reasons") or []):
            err.print(f"  - {reason}", highlight=False)
        fail(f"{version} not used; add --force to use it anyway")
    reg.use(version)
    err.print(f"{version} is now the current model", highlight=False)


@models_app.command("rollback")
def models_rollback_cli(registry: RegistryOption = None,
                        taxonomy: ModelsTaxonomyOption = None) -> None:
    """Go back to the version that was current before."""
    err.print(f"{_registry(registry, taxonomy).rollback()} is now the current model", highlight=False)


@app.command("run")
def run_cli(
    paths: Annotated[list[str], typer.Argument(
        help="PDF files and folders (searched recursively); with --cluster also fsspec URLs (s3://, gcs://, file://).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the inventory and its state (resumable).")],
    model: ModelOption = None,
    jobs: Annotated[int, typer.Option(help="Worker processes (default: the number of cores).")] = 0,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per document.")] = 300.0,
    max_memory: Annotated[int, typer.Option(help="MB of memory allowed per document.")] = 2048,
    ocr: Annotated[bool, typer.Option("--ocr", help="OCR scanned pages (needs ocrmypdf and tesseract-ocr-dan).")] = False,
    extractor: ExtractorOption = "pdfium",
    cluster: Annotated[str | None, typer.Option(
        help="Parse and tag on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local workers.")] = None,
    store: Annotated[str, typer.Option(
        help="sqlite, or parquet: passages and tags as Parquet by municipality and year, for archives too large for SQLite.")] = "sqlite",
    outputs: Annotated[bool, typer.Option(
        help="Write the inventory and report at the end; --no-outputs only fills the store (then 'casetagger report').")] = True,
) -> None:
    """Build the case inventory: passages.jsonl, cases.csv, inventory.xlsx and report.html in OUT."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from casetagger.ingest.batch import BatchLimits
    from casetagger.ingest.document import IngestOptions, Status
    from casetagger.inventory.privacy import mask
    from casetagger.inventory.run import OUTPUTS, run_inventory

    totals = {"pages": 0, "passages": 0}
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.fields[counts]}"), console=err, disable=not err.is_terminal)
    task = progress.add_task("documents", total=None, counts="")

    def planned(todo: Sequence[object]) -> None:
        progress.update(task, total=len(todo))

    def parsed(document: "DocumentResult") -> None:
        totals["pages"] += document.pages
        totals["passages"] += document.n_passages
        progress.update(task, advance=1, counts=f"{totals['pages']} pages, {totals['passages']} passages")
        if document.status is Status.FAILURE:
            progress.console.print(Text.assemble(("failed: ", "red"), mask("; ".join(document.errors))))

    limits = BatchLimits(jobs=jobs or BatchLimits().jobs, timeout=timeout, max_memory_mb=max_memory)
    with progress:
        result = run_inventory(paths, out, model, IngestOptions(ocr=ocr, extractor=extractor), limits, on_document=parsed,
                               on_plan=planned, cluster=cluster, store_format=store,
                               outputs=outputs)
    for path in result.skipped_not_pdf:
        err.print(f"skipped (not a PDF): {mask(str(path))}", highlight=False)
    if result.skipped_done:
        err.print(f"{len(result.skipped_done)} document(s) already in {out}, not parsed again", highlight=False)
    failed = [d for d in result.parsed if d.status is Status.FAILURE]
    done = (f"{result.cases} cases from {result.passages} passages in {result.documents} document(s); " if outputs
            else "Store filled, no outputs written; ")
    err.print(f"{done}{len(result.parsed)} parsed now ({_failed_and_partial(result.parsed)}), {result.retagged} re-tagged. "
              + (f"Written to {out}: {', '.join(OUTPUTS)}" if outputs else f"Next: casetagger report {out}"), highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command("report")
def report_cli(
    out: Annotated[Path, typer.Argument(help="Folder of an earlier 'casetagger run' (SQLite or Parquet store).")],
    model: ModelOption = None,
    municipality: Annotated[str | None, typer.Option(help="Only this municipality's partition of a Parquet store.")] = None,
    year: Annotated[str | None, typer.Option(help="Only this year's partition of a Parquet store.")] = None,
) -> None:
    """Write the inventory and report again from OUT's store, without parsing any PDF."""
    from casetagger.inventory.run import OUTPUTS, report_inventory

    result = report_inventory(out, model, municipality, year)
    err.print(f"{result.cases} cases from {result.passages} passages in {result.documents} document(s). "
              f"Written to {result.out}: {', '.join(OUTPUTS)}", highlight=False)


@app.command("review")
def review_cli(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `casetagger run`.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Allow listening on an address other than localhost.")] = False,
) -> None:
    """Start the review web app for an inventory folder and print its address."""
    import uvicorn

    from casetagger.review.app import create_app
    from casetagger.review.store import ReviewStore

    if host not in ("127.0.0.1", "localhost", "::1") and not allow_remote:
        fail(f"{host}: listening beyond this machine exposes the review data; add --allow-remote if that is meant")
    if not (folder / "casetagger.sqlite").exists():
        fail(f"{folder}: no inventory here; run `casetagger run ... --out {folder}` first")
    store = ReviewStore(folder)
    password = store.ensure_admin()
    store.close()
    if password:
        err.print(Text.assemble("First start: admin account 'admin' created with password ", (password, "bold"),
                                " (shown once, stored hashed). Add reviewers under Brugere."))
    app_ = create_app(folder, secure_cookies=allow_remote)  # beyond localhost: serve it behind HTTPS
    err.print(f"Review app on http://{host}:{port}/  (Ctrl-C to stop)", highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command("export-corrections")
def export_corrections_cli(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `casetagger run`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the corrections (JSON Lines).")],
) -> None:
    """Every reviewed passage with every label as an explicit 1 or 0 (Prodigy-compatible)."""
    from casetagger.review.export import export_corrections

    _export(folder, out, export_corrections, "reviewed passage(s)")


@app.command("export-cases")
def export_cases_cli(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `casetagger run`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the case spans (JSON Lines).")],
) -> None:
    """Passages with the character offsets of the case names in them, with the analysts' edits."""
    from casetagger.review.export import export_case_spans

    _export(folder, out, export_case_spans, "passage(s) with case names")


def _export(folder: Path, out: Path, export: Callable[[Path, Path], int], what: str) -> None:
    """Run one of the review's exports on an inventory folder and say how many rows it wrote."""
    if not (folder / "casetagger.sqlite").exists():
        fail(f"{folder}: no inventory here")
    n = export(folder, out)
    err.print(f"{n} {what} written to {out}", highlight=False)


@app.command("draft")
def draft_cli(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `casetagger run`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the Word document (.docx).")],
    reviewed_only: Annotated[bool, typer.Option("--reviewed-only", help="Only cases and labels an analyst accepted in the review app.")] = False,
    template: Annotated[Path | None, typer.Option(help="The municipality's Word document or template (.docx, .dotx): its styles, header and logo.")] = None,
    taxonomy: TaxonomyOption = None,
    period: Annotated[str | None, typer.Option(help="The period on the title page (default: the dates in the documents' names).")] = None,
) -> None:
    """The follow-up draft in Word: per goal, its cases in sentences from their own passages, with sources."""
    from casetagger.inventory.draft import build_draft
    from casetagger.inventory.draft_docx import write_draft

    draft = build_draft(folder, reviewed_only, taxonomy, period)
    write_draft(draft, out, template)
    err.print(f"{len(draft.cases)} case(s), {len(draft.findings)} finding(s) without a name written to {out}"
              + (f"; {draft.left_out} not yet accepted left out" if draft.left_out else ""), highlight=False)


def main() -> None:
    app()
