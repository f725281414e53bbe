"""One PDF into a DocumentResult: status SUCCESS / PARTIAL / FAILURE, its passages and errors."""

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Any

from casetagger import schema
from casetagger.errors import CasetaggerError, Errors, Warnings, describe
from casetagger.ingest import ocr
from casetagger.ingest.blocks import build_blocks
from casetagger.ingest.checks import page_problems
from casetagger.ingest.extract import DEFAULT_EXTRACTOR, check_file, open_source, out_of_memory, parser_messages
from casetagger.ingest.layout import reading_order
from casetagger.ingest.passages import build_passages
from casetagger.ingest.records import PageRecord
from casetagger.ingest.shared_pages import SharedPages
from casetagger.ingest.spool import LineSpool, WindowSpool


class Status(str, Enum):
    SUCCESS = "SUCCESS"
    PARTIAL = "PARTIAL"
    FAILURE = "FAILURE"


@dataclass
class IngestOptions:
    max_mb: int = 200
    max_pages: int = 2000
    ocr: bool = False
    extractor: str = DEFAULT_EXTRACTOR  # or "pdfplumber", for comparison


@dataclass
class DocumentResult:
    file: str
    doc_id: str = ""
    status: Status = Status.SUCCESS
    pages: int = 0
    scanned_pages: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    passages: list[schema.Passage] = field(default_factory=list)
    seconds: float = 0.0
    handed_off: int = 0  # passages written out or stored and dropped from memory
    encoded: Any = None  # the passages as a store keeps them, when the worker encoded them (inventory/store.py)
    spool: WindowSpool | None = None  # where a batch worker put them instead (its parent is handed the file)

    @property
    def n_passages(self) -> int:
        return len(self.passages) + self.handed_off

    def hand_off(self) -> list[schema.Passage]:
        """The passages, dropped from the result: a long batch keeps only the summaries."""
        passages, self.passages = self.passages, []
        self.handed_off += len(passages)
        return passages

    def release(self) -> None:
        """Drop what was stored: the passages, the worker's encoding of them and its spool, whose
        file is closed (a long batch must not hold a handle per document)."""
        self.hand_off()
        self.encoded = None
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    def drain(self) -> Iterator[schema.Passage]:
        """The passages, from the result or from the spool its batch worker handed over, each
        window dropped once read: a long document's passages are never all in memory."""
        yield from self.hand_off()
        for _, window in self.spool or ():
            yield from window
        self.release()

    def summary(self) -> dict[str, Any]:
        """Everything but the passages, for logs and reports."""
        # not asdict(self): it would deep-copy every passage only to drop them (most of storing a document)
        data = asdict(replace(self, passages=[], encoded=None, spool=None))
        data.pop("passages")
        data.pop("handed_off")
        data.pop("encoded")
        data.pop("spool")
        data["status"] = self.status.value
        data["n_passages"] = self.n_passages
        return data


def warm_up(options: IngestOptions) -> None:
    """Load once, before the batch's workers fork, what every document needs: they share it
    copy-on-write, and it does not count against each worker's memory cap."""
    from importlib import import_module

    from casetagger.ingest.hyphenation import lexicon

    lexicon()
    import_module("casetagger.ingest.pdfium" if options.extractor == "pdfium" else "pdfplumber")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


Hashed = tuple[str, tuple[int, int]]  # sha256, and the (size, mtime) the file had when hashed


def hash_file(path: Path) -> Hashed:
    """The file's sha256 with what identifies its version: a batch's parent hashes a file (to skip
    stored ones) and hands this to the worker, which then does not read the file a second time."""
    before = _version(path)
    return file_sha256(path), before


def _version(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _sha256(path: Path, hashed: Hashed | None) -> str:
    """``hashed``'s sha256 if the file has not changed since it was hashed; else read it again."""
    if hashed and hashed[1] == _version(path):
        return hashed[0]
    return file_sha256(path)


WINDOW = 256  # passages handed to a ``sink`` at a time


def parse_document(path: Path, options: IngestOptions | None = None, hashed: Hashed | None = None,
                   sink: Callable[[list[schema.Passage]], None] | None = None,
                   shared: Path | None = None) -> DocumentResult:
    """Parse one PDF in this process. Never raises for a bad file: the result says what failed.
    ``hashed``: the file's ``hash_file``, taken by a batch's parent, so it is not read twice.
    ``sink``: takes the passages in windows of WINDOW while the document is parsed, instead of the
    result (``handed_off`` counts them), so that a long document's records are never all held;
    a FAILURE result's sink may have had some before the failure. ``shared``: a folder where
    helpers read this document's pages too (``help_read_pages``; pdfium only)."""
    options = options or IngestOptions()
    started = time.perf_counter()
    result = DocumentResult(file=str(path))
    try:
        check_file(path, options.max_mb)
        result.doc_id = _sha256(path, hashed)
        _parse_into(result, path, options, sink, shared)
    except CasetaggerError as e:
        result.status, result.errors = Status.FAILURE, result.errors + [str(e)]
    except SinkError as e:  # the caller's masking or tagging, not the PDF nor the layout
        detail = describe(e.__cause__ or e)
        result.status, result.errors = Status.FAILURE, result.errors + [Errors.E032.format(path=path, detail=detail)]
    except OSError as e:  # unreadable: permissions on a shared drive, a file that vanished
        result.status, result.errors = Status.FAILURE, result.errors + [Errors.E015.format(path=path, detail=e.strerror or e)]
    except MemoryError:
        raise  # the batch reports it against its memory cap
    except Exception as e:  # a bug in layout must not pass for a corrupt PDF, nor kill the batch
        detail = describe(e)
        result.status, result.errors = Status.FAILURE, result.errors + [Errors.E016.format(path=path, detail=detail)]
    if result.status is Status.FAILURE:
        result.handed_off = 0  # a failure has no passages, even when a sink had some before it failed
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _parse_into(result: DocumentResult, path: Path, options: IngestOptions,
                sink: Callable[[list[schema.Passage]], None] | None, shared: Path | None = None) -> None:
    lines, stats = _read_lines(path, options, shared)
    if stats.scanned and options.ocr:
        available, detail = ocr.available()
        if available:
            lines.close()  # the OCR'd copy's lines take their place
            with ocr.ocr_copy(path) as ocred:
                lines, after = _read_lines(ocred, options)
            result.warnings.append(f"{path}: OCR read {len(stats.scanned) - len(after.scanned)} scanned page(s)")
            stats = after
        else:
            result.warnings.append(Warnings.W002.format(path=path, detail=detail))
    result.pages, result.scanned_pages = stats.pages, stats.scanned
    result.errors += stats.errors
    if stats.scanned:
        result.warnings.append(Warnings.W001.format(path=path, scanned=len(stats.scanned),
                                                    pages=", ".join(map(str, stats.scanned))))
    if stats.lost:
        result.warnings.append(Warnings.W003.format(path=path, count=stats.lost))
    for message, count in list(stats.messages.items())[:5]:
        result.warnings.append(Warnings.W007.format(path=path, message=message, count=count))
    flagged = {problem: [n for n, found in stats.problems if problem in found] for problem in PAGE_WARNINGS}
    for problem, pages in flagged.items():
        if pages:
            result.warnings.append(PAGE_WARNINGS[problem].format(path=path, pages=", ".join(map(str, pages))))
    # lines come back from the spool, blocks and passages stream: only the records are kept
    with lines:
        passages = build_passages(build_blocks(lines))
        records = (p.record(result.doc_id, str(path), i) for i, p in enumerate(passages))
        if sink is None:
            result.passages = list(records)
        else:
            while window := list(islice(records, WINDOW)):
                _hand(sink, window)
                result.handed_off += len(window)
    if not result.n_passages:
        if stats.scanned:
            raise CasetaggerError(Errors.E012.format(path=path, scanned=len(stats.scanned), pages=stats.pages))
        if flagged["unmapped"]:
            raise CasetaggerError(Errors.E018.format(path=path, pages=", ".join(map(str, flagged["unmapped"]))))
        if result.errors:
            result.status = Status.FAILURE
        return
    if result.errors or stats.scanned or any(flagged.values()):
        result.status = Status.PARTIAL


class SinkError(Exception):
    """What a ``sink`` raised unexpectedly, its cause the error itself: it was reported as a layout
    bug (E016), or an OSError of its own as an unreadable PDF (E015)."""


def _hand(sink: Callable[[list[schema.Passage]], None], window: list[schema.Passage]) -> None:
    try:
        sink(window)
    except (CasetaggerError, MemoryError):
        raise  # the sink's own coded errors (a full temporary folder) and the memory cap, as they are
    except Exception as e:
        raise SinkError(e) from e


@dataclass
class PageStats:
    pages: int = 0
    scanned: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lost: int = 0  # glyphs dropped as unmapped (cid:N)
    problems: list[tuple[int, set[str]]] = field(default_factory=list)  # (page, what page_problems found)
    messages: dict[str, int] = field(default_factory=dict)  # what the parser logged, and how often


PAGE_WARNINGS = {"unmapped": Warnings.W004, "vertical": Warnings.W005, "doubled": Warnings.W006}


def _read_lines(path: Path, options: IngestOptions, shared: Path | None = None) -> tuple[LineSpool, PageStats]:
    """The document's lines in reading order, spooled to disk; pages stream through and are not kept."""
    stats = PageStats()
    source: Any = None
    spool = LineSpool(path)

    def pages() -> Iterator[PageRecord]:
        for record, lost in source.pages() if shared is None else source.pages(shared):
            stats.pages += 1
            stats.lost += lost
            if record.scanned:
                stats.scanned.append(record.number)
            if record.error:
                stats.errors.append(record.error)
            if found := page_problems(record, lost):
                stats.problems.append((record.number, found))
            yield record

    try:
        with parser_messages() as messages:
            try:
                source = open_source(path, options.extractor)
                if source.page_count > options.max_pages:
                    raise CasetaggerError(Errors.E007.format(path=path, pages=source.page_count, limit=options.max_pages))
                for line in reading_order(pages()):
                    spool.add(line)
                return spool.settle(), stats
            except BaseException:
                spool.close()
                raise
            finally:
                stats.messages = messages
                if source is not None:
                    _close(source)
    except (CasetaggerError, MemoryError):
        raise
    except Exception as e:  # pdfminer raises many kinds of errors on broken files
        if out_of_memory(e):
            raise MemoryError(str(e)) from None
        raise CasetaggerError(Errors.E006.format(path=path, detail=describe(e))) from None


def help_read_pages(path: Path, options: IngestOptions, shared: Path) -> int:
    """Read pages of a document another worker is parsing with ``shared`` (``SharedPages.help``);
    returns how many. The owner reports whatever is wrong with the file, so a helper only gives up."""
    source: Any = None
    try:
        check_file(path, options.max_mb)
        source = open_source(path, options.extractor)
        if source.page_count > options.max_pages:
            return 0
        return SharedPages(shared, source.page_count).help(source.read)
    except Exception as e:  # noqa: BLE001  the owner reads what the helper could not
        if out_of_memory(e):  # the batch retires a worker whose heap hit its cap
            raise MemoryError(str(e)) from None
        return 0
    finally:
        if source is not None:
            _close(source)


def _close(source: Any) -> None:
    """Close a source; on a broken file closing can fail too, and must not hide why reading failed."""
    try:
        source.close()
    except Exception:
        pass
