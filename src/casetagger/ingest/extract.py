"""Extraction: a PDF into PageRecords of words with box, font and size, by pdfium or pdfplumber.

``open_source(path, extractor)`` is the one interface: a source with ``page_count``, ``pages()``
(each page's record and its count of unmapped glyphs) and ``close()``. pdfium (``pdfium.py``) is
the default; pdfplumber, below, stays for comparison. Nothing here knows about layout.
"""

import logging
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.records import INVISIBLE, PageRecord, Rule, Word, clean_text

if TYPE_CHECKING:  # imported where it is used: pdfplumber is slow to import
    import pdfplumber.pdf

EXTRACTORS = ("pdfium", "pdfplumber")
DEFAULT_EXTRACTOR = "pdfium"

# Glyphs pdfminer cannot map come out as "(cid:N)". These codes are bullets in the Symbol and
# Wingdings fonts that office software embeds; anything else unmapped is dropped and counted.
CID_BULLETS = {108, 110, 113, 117, 127, 149, 167, 183, 190}
CID_PATTERN = re.compile(r"\(cid:(\d+)\)")
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
                           "\u00a0": " ", "\u2010": "-", "\u2011": "-"})
BULLET_GLYPHS = set("•●▪■◦○‣∙·►➢✓")


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never text; spreadsheets refuse them
# any character one of the clean-ups below would touch: most words have none and skip them
NEEDS_WORK = re.compile("[" + "".join(map(chr, LIGATURES)) + INVISIBLE.pattern[1:-1] + CONTROL.pattern[1:-1] + "(]")


def normalise_word(text: str) -> tuple[str, int]:
    """Map ligatures and known (cid:N) bullets back; return the text and how many glyphs were lost."""
    if not NEEDS_WORK.search(text):
        return text, 0
    text = CONTROL.sub("", clean_text(text.translate(LIGATURES)))
    if "(cid:" not in text:
        return text, 0
    lost = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal lost
        if int(match.group(1)) in CID_BULLETS:
            return "•"
        lost += 1
        return ""

    return CID_PATTERN.sub(replace, text), lost


def check_file(path: Path, max_mb: int) -> None:
    """Reject what is obviously not a readable PDF before pdfminer ever sees it."""
    if not path.is_file():
        raise CasetaggerError(Errors.E001.format(path=path))
    size = path.stat().st_size
    if size == 0:
        raise CasetaggerError(Errors.E002.format(path=path))
    if size > max_mb * 1024 * 1024:
        raise CasetaggerError(Errors.E004.format(path=path, size_mb=size / 2**20, limit_mb=max_mb))
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise CasetaggerError(Errors.E003.format(path=path))


PARSER_LOGGERS = ("pdfminer", "pdfplumber")


class _Collect(logging.Handler):
    def __init__(self, messages: dict[str, int]):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()[:200]
        self.messages[message] = self.messages.get(message, 0) + 1


@contextmanager
def parser_messages() -> Iterator[dict[str, int]]:
    """pdfminer's and pdfplumber's log lines, collected as {message: count} instead of reaching the
    console raw; the document's result names them (W007)."""
    messages: dict[str, int] = {}
    handler = _Collect(messages)
    loggers = [logging.getLogger(name) for name in PARSER_LOGGERS]
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(logging.WARNING)
    try:
        yield messages
    finally:
        for logger, (propagate, level) in zip(loggers, saved):
            logger.removeHandler(handler)
            logger.propagate, logger.level = propagate, level


def out_of_memory(error: BaseException | None) -> bool:
    """A memory error, even dressed up: zlib reports a decompression bomb that hit the memory cap as
    ``zlib.error('... allocate ...')``, and pdfplumber wraps it in its own exception."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, MemoryError) or isinstance(error, zlib.error) and "alloc" in str(error):
            return True
        inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else None
        error, seen = inner or error.__cause__ or error.__context__, seen + 1
    return False


def open_source(path: Path, extractor: str = DEFAULT_EXTRACTOR) -> Any:
    """The PDF opened by the named extractor (a ``PdfiumSource`` or a ``PlumberSource``)."""
    if extractor == "pdfium":
        from casetagger.ingest.pdfium import PdfiumSource

        return PdfiumSource(path)
    if extractor == "pdfplumber":
        return PlumberSource(path)
    raise CasetaggerError(Errors.E017.format(name=extractor, known=", ".join(EXTRACTORS)))


def make_word(text: str, x0: float, top: float, x1: float, bottom: float, fontname: str,
              size: float, upright: bool = True) -> tuple[Word | None, int]:
    """An extracted word as a record (None if nothing printable is left) and its lost glyphs."""
    text, lost = normalise_word(text)
    if not text.strip():
        return None, lost
    if text in BULLET_GLYPHS:
        text = "•"
    return Word(text, x0, top, x1, bottom, fontname, round(size, 1), upright), lost


class PlumberSource:
    """pdfplumber's words, for comparison with pdfium (``--extractor pdfplumber``)."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = open_pdf(path)
        try:
            self.page_count = len(self.pdf.pages)  # reads every page's dictionary: may fail
        except BaseException:
            try:
                self.pdf.close()
            finally:
                raise

    def pages(self) -> Iterator[tuple[PageRecord, int]]:
        return iter_pages(self.pdf, self.path)

    def close(self) -> None:
        self.pdf.close()


def open_pdf(path: Path) -> "pdfplumber.pdf.PDF":  # noqa: F821
    import pdfplumber  # imported here: pdfplumber and pdfminer cost start-up time pdfium does not
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(path)
    except Exception as e:  # pdfplumber wraps pdfminer's many error types in PdfminerException
        cause = e.args[0] if isinstance(e, PdfminerException) and e.args else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise CasetaggerError(Errors.E005.format(path=path)) from None
        detail = str(cause) or type(cause).__name__
        raise CasetaggerError(Errors.E006.format(path=path, detail=detail)) from None


def iter_pages(pdf: "pdfplumber.pdf.PDF", path: Path) -> Iterator[tuple[PageRecord, int]]:
    """Yield each page's record and the number of glyphs lost to unmapped cids."""
    for number, page in enumerate(pdf.pages, start=1):
        try:
            record, lost = _read_page(page, number)
        except Exception as e:  # one broken page must not lose the rest of the document
            if out_of_memory(e):  # a decompression bomb is the memory cap's business, not a bad page
                raise MemoryError(str(e)) from None
            record = PageRecord(number, float(page.width), float(page.height), [],
                                error=Errors.E011.format(path=path, page=number, detail=e))
            lost = 0
        finally:
            page.close()  # frees pdfminer's layout cache; without it memory grows with pages
        yield record, lost


def _read_page(page: Any, number: int) -> tuple[PageRecord, int]:
    width, height = float(page.width), float(page.height)
    words, lost = [], 0
    for w in page.extract_words(extra_attrs=["fontname", "size", "upright"]):
        word, n_lost = make_word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], w["fontname"], w["size"],
                                 bool(w["upright"]))
        lost += n_lost
        if word is not None:
            words.append(word)
    area = width * height or 1.0
    image_area = sum(max(0.0, (i["x1"] - i["x0"])) * max(0.0, (i["bottom"] - i["top"])) for i in page.images)
    rules = [Rule(e["x0"], e["top"], e["x1"], e["bottom"]) for e in page.edges]  # tables are found from these
    return PageRecord(number, width, height, words, min(1.0, image_area / area), rules=rules), lost
