"""pypdfium2 extraction: the same PageRecords of words as the pdfplumber path, several times faster.

Characters come from pdfium's text page; they are grouped into words the way pdfplumber's
``extract_words`` does (a run of one font and size, clustered into rows, split at spaces and gaps),
so the layout code downstream sees the same words and cuts the same passages. The grouping works
on pieces, not characters: the characters of one text object between two spaces share a font and
a baseline, so a piece's box needs pdfium's position of its first and last character only, and
the per-character questions (which text object, is the glyph mapped) run as C-level loops.
"""

import ctypes
import math
import os
import re
import threading
from bisect import bisect_left, bisect_right
from itertools import repeat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.extract import make_word, out_of_memory
from casetagger.ingest.records import BOLD_MARKERS, PageRecord, Rule
from casetagger.ingest.shared_pages import SharedPages

X_TOLERANCE = Y_TOLERANCE = 3.0  # pt, pdfplumber's defaults for extract_words
LINE_END_HYPHEN = ("\x02", "\ufffe")  # pdfium's codes for a hyphen it saw at the end of a line
# pdfminer places a glyph's box from its origin by the font's Descent; for the standard 14 fonts,
# which carry no descriptor, it takes the AFM value where pdfium takes the font's bounding box.
# Boxes built the pdfminer way keep word (and so passage) boxes equal between the extractors.
AFM_DESCENT = {"Helvetica": -0.207, "Times": -0.217, "Courier": -0.157}
BOLD_FLAG = 1 << 18  # ForceBold in the font descriptor's flags
BOLD_WEIGHT = 600


# pdfium is not thread-safe, not even for two documents: two threads parsing at once (a Dask
# worker with several threads) crashed the process. Every call goes through this lock; a batch's
# worker processes each have their own.
PDFIUM = threading.RLock()


def _unlocked_in_child() -> None:
    """A process forked while another thread held the lock would wait for it for ever."""
    global PDFIUM
    PDFIUM = threading.RLock()


os.register_at_fork(after_in_child=_unlocked_in_child)


class PdfiumSource:
    """A PDF opened with pdfium; ``pages()`` yields each page's record and its unmapped glyphs."""

    def __init__(self, path: Path):
        with PDFIUM:
            self._open(path)

    def _open(self, path: Path) -> None:
        self.path = path
        try:
            self.pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as e:
            if e.err_code == raw.FPDF_ERR_PASSWORD:
                raise CasetaggerError(Errors.E005.format(path=path)) from None
            raise CasetaggerError(Errors.E006.format(path=path, detail=str(e))) from None
        self.page_count = len(self.pdf)

    def pages(self, shared: Path | None = None) -> Iterator[tuple[PageRecord, int]]:
        """Every page in order; with ``shared`` (a folder of ``SharedPages``), the chunks a helper
        has read already are taken from there."""
        if shared is not None:
            return SharedPages(shared, self.page_count).own(self.read)
        return map(self.read, range(self.page_count))

    def read(self, index: int) -> tuple[PageRecord, int]:
        """The page at 0-based ``index``: its record and its unmapped glyphs."""
        number = index + 1
        page = None
        with PDFIUM:  # a page at a time: other threads' documents go on between pages
            try:
                page = self.pdf[index]
                return read_page(page, number)
            except Exception as e:  # one broken page must not lose the rest of the document
                if out_of_memory(e):  # the worker's cap, not the page: E009, and the worker retired
                    raise MemoryError(str(e)) from None
                width, height = page.get_size() if page is not None else (0.0, 0.0)
                return PageRecord(number, width, height, [],
                                  error=Errors.E011.format(path=self.path, page=number, detail=e)), 0
            finally:
                if page is not None:
                    page.close()

    def close(self) -> None:
        with PDFIUM:
            self.pdf.close()


class _Font:
    """What pdfplumber reads per character, read here once per text object."""

    __slots__ = ("name", "size", "descent", "upright", "pdfminer_box")

    def __init__(self, textpage: Any, index: int, rotation: int):
        obj = raw.FPDFText_GetTextObject(textpage, index)
        font = raw.FPDFTextObj_GetFont(obj) if obj else None
        name = _font_name(textpage, index)
        self.size = raw.FPDFText_GetFontSize(textpage, index)
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(textpage, index, matrix)
        angle = math.degrees(math.atan2(matrix.b, matrix.a))
        self.upright = abs((angle - rotation + 180) % 360 - 180) < 1 and matrix.b == 0 == matrix.c
        self.descent = AFM_DESCENT.get(name.split("-")[0].split(",")[0])  # of 1 pt, below the baseline
        if font:
            descent = ctypes.c_float()
            if self.descent is None and self.size and raw.FPDFFont_GetDescent(font, ctypes.c_float(self.size),
                                                                             ctypes.byref(descent)):
                self.descent = descent.value / self.size
            bold = raw.FPDFFont_GetWeight(font) >= BOLD_WEIGHT or raw.FPDFFont_GetFlags(font) & BOLD_FLAG
            if bold and not any(marker in name.lower() for marker in BOLD_MARKERS):
                name += ",Bold"  # the weight says bold where the name does not: layout reads names
        self.name = name
        self.pdfminer_box = self.upright and rotation == 0 and self.descent is not None


def _font_name(textpage: Any, index: int) -> str:
    flags = ctypes.c_int()
    size = raw.FPDFText_GetFontInfo(textpage, index, None, 0, flags)
    if size <= 0:
        return ""
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFText_GetFontInfo(textpage, index, buffer, size, flags)
    return buffer.value.decode("utf-8", "replace")


def _page_text(textpage: Any, count: int) -> str:
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    return bytes(buffer)[: 2 * count].decode("utf-16-le", "replace")


def _display_box(left: float, bottom: float, right: float, top: float, rotation: int,
                 width: float, height: float) -> tuple[float, float, float, float]:
    """A box in PDF space (y up) as x0, top, x1, bottom on the page as displayed (y down)."""
    if rotation == 90:
        return bottom, left, top, right
    if rotation == 180:
        return width - right, bottom, width - left, top
    if rotation == 270:
        return height - top, width - right, height - bottom, width - left
    return left, height - top, right, height - bottom


def read_page(page: "pdfium.PdfPage", number: int) -> tuple[PageRecord, int]:
    """One page's words (pdfplumber's grouping) and the count of glyphs without Unicode."""
    width, height = page.get_width(), page.get_height()  # unrotated
    rotation = page.get_rotation() % 360
    textpage = raw.FPDFText_LoadPage(page.raw)
    try:
        pieces = _read_pieces(textpage, rotation, width, height)
    finally:
        raw.FPDFText_ClosePage(textpage)
    words, lost = [], 0
    for text, x0, top, x1, bottom, font in _words(pieces):
        word, n_lost = make_word(text, x0, top, x1, bottom, font.name, font.size, font.upright)
        lost += n_lost
        if word is not None:
            words.append(word)
    rules = _rules(page, rotation, width, height)
    if rotation in (90, 270):
        width, height = height, width
    return PageRecord(number, width, height, words, _image_area(page, width * height), rules=rules), lost


def _fast(function: Any, restype: Any, *argtypes: Any) -> Any:
    """The same pdfium function with plain ctypes types: pypdfium2's pointer wrappers cost more
    per call than the call itself, and these run once or twice per character."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None  # a function the library exports
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_P, _I, _D = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
_text_object = _fast(raw.FPDFText_GetTextObject, _P, _P, _I)
_map_error = _fast(raw.FPDFText_HasUnicodeMapError, _I, _P, _I)
_loose_box = _fast(raw.FPDFText_GetLooseCharBox, _I, _P, _I, ctypes.POINTER(raw.FS_RECTF))
_origin = _fast(raw.FPDFText_GetCharOrigin, _I, _P, _I, _D, _D)
TOKEN = re.compile(r"\S+")

# (text, x0, top, x1, bottom, font, x0 of its last character, whitespace before it)
Piece = tuple[str, float, float, float, float, "_Font", float, bool]


def _read_pieces(textpage: Any, rotation: int, width: float, height: float) -> list[Piece]:
    """The page's pieces in content order.

    A piece is a run of characters of one text object (one show-text operator: one font, one
    baseline) between whitespace, so its box needs only its first and last character. Characters
    pdfium generated (spaces and line ends it inferred) have no text object and are left out:
    gaps are judged from the boxes, as pdfplumber does.
    """
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:  # no text: a scanned page, or a blank one
        return []
    text = _page_text(textpage, count)
    page = ctypes.cast(textpage, ctypes.c_void_p)
    # one C-level loop per question instead of a Python loop over the characters
    objects = list(map(_text_object, repeat(page, count), range(count)))
    unmapped = [i for i, bad in enumerate(map(_map_error, repeat(page, count), range(count))) if bad]
    rect, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    rect_p, x_p, y_p = ctypes.pointer(rect), ctypes.pointer(x), ctypes.pointer(y)
    fonts: dict[int, _Font] = {}
    pieces: list[Piece] = []
    space_before = False
    starts = [0] + [i for i in range(1, count) if objects[i] != objects[i - 1]] + [count]
    for start, end in zip(starts, starts[1:]):
        key = objects[start]
        if not key:  # generated by pdfium
            continue
        font = fonts.get(key)
        if font is None:
            font = fonts[key] = _Font(textpage, start, rotation)
        segment = text[start:end]
        for match in TOKEN.finditer(segment):
            first, last = start + match.start(), start + match.end() - 1
            space_before = space_before or match.start() > 0
            chars = match.group()
            bad = set(unmapped[bisect_left(unmapped, first):bisect_right(unmapped, last)])
            if bad:  # what pdfminer writes: make_word maps bullets, counts the rest as lost
                chars = "".join(c if c in LINE_END_HYPHEN or first + j not in bad else f"(cid:{ord(c)})"
                                for j, c in enumerate(chars))
            for hyphen in LINE_END_HYPHEN:
                chars = chars.replace(hyphen, "-")
            if font.pdfminer_box:
                # pdfminer's box: from the origin, one font size high above the font's descent
                _origin(page, first, x_p, y_p)
                x0, bottom = x.value, height - y.value - font.descent * font.size
                _loose_box(page, last, rect_p)
                box = (x0, bottom - font.size, rect.right, bottom)
                last_x0 = x0 if first == last else rect.left
            else:
                _loose_box(page, first, rect_p)
                a = _display_box(rect.left, rect.bottom, rect.right, rect.top, rotation, width, height)
                _loose_box(page, last, rect_p)
                b = _display_box(rect.left, rect.bottom, rect.right, rect.top, rotation, width, height)
                box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                last_x0 = b[0]
            pieces.append((chars, *box, font, last_x0, space_before))
            space_before = False
        space_before = bool(segment) and segment[-1].isspace()
    return pieces


def _words(pieces: list[Piece]) -> Iterator[tuple[Any, ...]]:
    """pdfplumber's extract_words over pieces: runs of one font and size, rows by top, sorted by x,
    split at whitespace, at a gap over X_TOLERANCE and where the text goes back."""
    run: list[Piece] = []
    for piece in pieces:
        font = piece[5]
        if run and (run[-1][5].name, run[-1][5].size, run[-1][5].upright) != (font.name, font.size, font.upright):
            yield from _run_words(run)
            run = []
        run.append(piece)
    if run:
        yield from _run_words(run)


def _run_words(run: list[Piece]) -> Iterator[tuple[Any, ...]]:
    for row in _rows(run):
        word: list[Piece] = []
        for piece in row:
            if word and (piece[7] or piece[1] < word[-1][6] or piece[1] > word[-1][3] + X_TOLERANCE
                         or abs(piece[2] - word[-1][2]) > Y_TOLERANCE):
                yield _merge(word)
                word = []
            word.append(piece)
        if word:
            yield _merge(word)


def _rows(run: list[Piece]) -> list[list[Piece]]:
    """Cluster by top as pdfplumber does: sorted distinct tops, a gap over the tolerance splits."""
    tops = sorted({p[2] for p in run})
    cluster, index, last = 0, {}, None
    for top in tops:
        if last is not None and top > last + Y_TOLERANCE:
            cluster += 1
        index[top] = cluster
        last = top
    rows: list[list[Piece]] = [[] for _ in range(cluster + 1)]
    for piece in run:
        rows[index[piece[2]]].append(piece)
    for row in rows:
        row.sort(key=lambda p: p[1])
    return rows


def _merge(word: list[Piece]) -> tuple[Any, ...]:
    if len(word) == 1:
        return word[0][:6]
    return ("".join(p[0] for p in word), min(p[1] for p in word), min(p[2] for p in word),
            max(p[3] for p in word), max(p[4] for p in word), word[0][5])


IMAGE, FORM = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM


def _image_area(page: "pdfium.PdfPage", area: float) -> float:
    """Share of the page covered by images (top level and in forms), as pdfplumber's page.images."""
    covered = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in page.get_objects(filter=(IMAGE,), max_depth=2):
        if raw.FPDFPageObj_GetBounds(obj.raw, left, bottom, right, top):
            covered += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
    return min(1.0, covered / (area or 1.0))


PATH, LINETO, BEZIERTO = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO


def _rules(page: "pdfium.PdfPage", rotation: int, width: float, height: float) -> list[Rule]:
    """Every straight segment of the page's paths, as pdfplumber's ``page.edges``: tables' rules."""
    rules = []
    x, y, matrix = ctypes.c_float(), ctypes.c_float(), raw.FS_MATRIX()
    for obj in page.get_objects(filter=(PATH,), max_depth=2):
        if not raw.FPDFPageObj_GetMatrix(obj.raw, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = previous = None
        for index in range(raw.FPDFPath_CountSegments(obj.raw)):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, index)
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == LINETO and previous is not None:
                rules.append(_rule(previous, point, rotation, width, height))
            elif kind != LINETO and kind != BEZIERTO:  # a move starts a new subpath
                start = point
            previous = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None and start != point:
                rules.append(_rule(point, start, rotation, width, height))
    return rules


def _rule(p: tuple[float, float], q: tuple[float, float], rotation: int, width: float, height: float) -> Rule:
    return Rule(*_display_box(min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]),
                              rotation, width, height))
