"""Builds PDFs like real council documents, for tests, examples and benchmarks.

Every document comes with its ground truth: the paragraphs (heading path and text) an analyst
would cut by hand, so tests can assert exact passages. Text marks optional hyphenation points
with "|": a word may break there at a line end ("bære-" / "dygtig"), and otherwise the mark
disappears.
"""

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEADING = 10, 13
WIDTH, HEIGHT = A4
MARGIN = 60
TOP, BOTTOM = HEIGHT - 80, 70


@dataclass
class Heading:
    text: str
    level: int  # 1 title, 2 agenda item, 3 section
    style: tuple[str, float] | None = None  # (font, size) instead of the level's default


@dataclass
class Paragraph:
    text: str
    items: list[str] = field(default_factory=list)  # a bullet list the paragraph introduces
    bullet: str = "•"  # or "vector": a drawn dot, as office software exports picture bullets
    bold_items: bool = False
    font: str = BODY  # "DejaVu" for text with characters outside WinAnsi (soft hyphens, bidi marks)


@dataclass
class FrontPage:
    """The agenda system's front page: a large title and the meeting's data, no running lines."""

    title: str
    fields: list[tuple[str, str]]


@dataclass
class Contents:
    """A contents page: (title, page) entries, with dot leaders or with the number set apart."""

    entries: list[tuple[str, int]]
    title: str = "Indholdsfortegnelse"
    leaders: bool = True


@dataclass
class CaseNumber:
    """The line under an agenda item's title with its case number ("Sagsnr.: ...")."""

    text: str


@dataclass
class Table:
    """A table; the first row is the header. ``rules``: "grid" or "horizontal" (budget style)."""

    rows: list[list[str]]
    widths: list[float]
    rules: str = "grid"


@dataclass
class TableBeside:
    """A table on the left and a paragraph in a narrow column on its right, top-aligned."""

    table: Table
    paragraph: Paragraph


@dataclass
class Letterhead:
    """The sender's block at the top right of a letter or a Word annex."""

    lines: list[str]


@dataclass
class VerticalNote:
    """Text set vertically in the left margin (a print stamp, a document id)."""

    text: str


def table_row_text(header: list[str], row: list[str]) -> str:
    """The ground truth of a table row: "header: value" for every cell."""
    return "; ".join(f"{h}: {v}" for h, v in zip(header, row))


@dataclass
class ColumnPage:
    """A page with a full-width heading, then two columns; paragraphs flow from left to right."""

    heading: Heading
    paragraphs: list[Paragraph]


@dataclass
class ScannedPage:
    """An image-only page, as a scanner would produce."""


HEADING_STYLE = {1: (BOLD, 16), 2: (BOLD, 13), 3: (BOLD, SIZE)}


COLUMN_BREAK = ["⇥"]  # a line of _wrap's output that means: go on in the next column or page


INVISIBLE = "\u00ad\u200b\u200e\u202a\u202c"  # soft hyphen, zero-width space, bidi marks


def _clean(text: str) -> str:
    text = text.replace("|", "").replace("⏎", "").replace("¦", "").replace("⇥", "")
    return "".join(c for c in text if c not in INVISIBLE)


def _break_points(word: str) -> list[str]:
    """Parts a word may be hyphenated into: marked with "|", or any long plain word."""
    if "|" in word:
        return word.split("|")
    if len(word) >= 10 and word.isalpha():
        return [word[:4]] + list(word[4:-4]) + [word[-4:]]
    return [word]


def _wrap(text: str, width: float, font: str = BODY, size: float = SIZE) -> list[tuple[list[str], bool]]:
    """Greedy line breaking with hyphenation; returns (words, is_last_line) per line.

    A "⏎" token ends the line there, to put a chosen word at a line end.
    """
    words = text.split()
    lines: list[list[str]] = []
    current: list[str] = []

    def fits(candidate: list[str]) -> bool:
        return stringWidth(" ".join(candidate), font, size) <= width

    while words:
        word = words.pop(0)
        if word == "⏎":
            lines.append(current)
            current = []
            continue
        if word.startswith("⇥"):  # go on in the next column (or page)
            lines += [current, COLUMN_BREAK] if current else [COLUMN_BREAK]
            current = []
            if word[1:]:
                words.insert(0, word[1:])
            continue
        if "¦" in word or "⏎" in word[1:]:  # break the word here: "lokal¦forslag" adds a hyphen
            head, tail = re.split("[¦⏎]", word, maxsplit=1)
            lines.append(current + [_clean(head) + ("-" if "¦" in word else "")])
            current = []
            words.insert(0, tail)
            continue
        if fits(current + [_clean(word)]):
            current.append(_clean(word))
            continue
        parts = _break_points(word)
        for cut in range(len(parts) - 1, 0, -1):  # the longest head that still fits
            head = "".join(parts[:cut]) + "-"
            if current and fits(current + [head]):
                current.append(head)
                words.insert(0, "|".join(parts[cut:]) if "|" in word else "".join(parts[cut:]))
                break
        else:
            lines.append(current)
            current = [_clean(word)]
            continue
        lines.append(current)
        current = []
    if current:
        lines.append(current)
    return [(line, i == len(lines) - 1) for i, line in enumerate(lines)]


def _register_dejavu() -> None:
    import matplotlib  # ships DejaVu Sans: a font with every character the fixtures need
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf")))


class _Writer:
    def __init__(self, path: Path, header: tuple[str, str], footer: str):
        _register_dejavu()
        self.canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setAuthor("casetagger tests")
        self.header, self.footer = header, footer
        self.page = 1
        self.y = TOP
        self.pages_drawn = 0
        self.line_end_hyphens: list[str] = []  # what each line-end hyphen looked like
        self.item = ""  # the agenda item being written, for running headers that name it

    def running_lines(self) -> None:
        """The header's first two parts left and right; a third part is a second row, left."""
        c = self.canvas
        c.setFont(BODY, 8)
        values = {"page": self.page, "item": self.item}
        c.drawString(MARGIN, HEIGHT - 45, self.header[0].format(**values))
        c.drawRightString(WIDTH - MARGIN, HEIGHT - 45, self.header[1].format(**values))
        if len(self.header) > 2:
            c.drawString(MARGIN, HEIGHT - 56, self.header[2].format(**values))
        if self.footer:
            c.drawCentredString(WIDTH / 2, 35, self.footer.format(**values))

    def new_page(self, running: bool = True) -> None:
        if self.pages_drawn or self.y != TOP:
            self.canvas.showPage()
            self.page += 1
        if running:
            self.running_lines()
        self.pages_drawn += 1
        self.y = TOP

    def heading(self, heading: Heading) -> None:
        font, size = heading.style or HEADING_STYLE[heading.level]
        if heading.level == 2:
            self.item = heading.text
        if self.y - 3 * LEADING < BOTTOM:
            self.new_page()
        self.y -= 6 if heading.level < 3 else 2
        for words, _ in _wrap(heading.text, WIDTH - 2 * MARGIN, font, size):
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN, self.y, " ".join(words))
            self.y -= size + 5
        self.y -= 2

    def text_lines(self, text: str, x: float, width: float, column_break=None, font: str = BODY) -> None:
        """Justified lines; ``column_break`` is called when the column is full."""
        for words, last in _wrap(text, width, font):
            if self.y < BOTTOM or words is COLUMN_BREAK:
                (column_break or self.new_page)()
                if words is COLUMN_BREAK:
                    continue
            if words[-1].endswith("-"):
                self.line_end_hyphens.append(words[-1])
            self._justified(words, x, width, last, font)
            self.y -= LEADING

    def _justified(self, words: list[str], x: float, width: float, last: bool, font: str = BODY) -> None:
        """One line; spaces are real characters, stretched with word spacing as word processors do."""
        text = self.canvas.beginText(x, self.y)
        text.setFont(font, SIZE)
        if not last and len(words) > 1:
            natural = stringWidth(" ".join(words), BODY, SIZE)
            text.setWordSpace((width - natural) / (len(words) - 1))
        text.textOut(" ".join(words))
        self.canvas.drawText(text)

    def paragraph(self, paragraph: Paragraph, x: float = MARGIN, width: float = WIDTH - 2 * MARGIN,
                  column_break=None) -> None:
        self.text_lines(paragraph.text, x, width, column_break, paragraph.font)
        for item in paragraph.items:
            if self.y < BOTTOM:
                (column_break or self.new_page)()
            if paragraph.bullet == "vector":
                self.canvas.circle(x + 10, self.y + 3, 1.8, stroke=0, fill=1)
            else:
                self.canvas.setFont(BODY, SIZE)
                self.canvas.drawString(x + 8, self.y, paragraph.bullet)
            font = BOLD if paragraph.bold_items else BODY
            for words, last in _wrap(item, width - 20, font):
                if self.y < BOTTOM:
                    (column_break or self.new_page)()
                self._justified(words, x + 20, width - 20, last, font)
                self.y -= LEADING
        self.y -= 8

    def columns(self, page: ColumnPage) -> None:
        self.new_page()
        self.heading(page.heading)
        top = self.y
        gutter = 24
        col_width = (WIDTH - 2 * MARGIN - gutter) / 2
        state = {"x": MARGIN}

        def next_column() -> None:
            if state["x"] == MARGIN:
                state["x"] = MARGIN + col_width + gutter
                self.y = top
            else:
                self.new_page()
                state["x"] = MARGIN

        for paragraph in page.paragraphs:
            self.text_lines_col(paragraph, state, col_width, next_column)

    def text_lines_col(self, paragraph: Paragraph, state: dict, width: float, next_column) -> None:
        for words, last in _wrap(paragraph.text, width):
            if self.y < BOTTOM or words is COLUMN_BREAK:
                next_column()
                if words is COLUMN_BREAK:
                    continue
            if words[-1].endswith("-"):
                self.line_end_hyphens.append(words[-1])
            self._justified(words, state["x"], width, last)
            self.y -= LEADING
        self.y -= 8

    def front_page(self, front: FrontPage) -> None:
        c = self.canvas
        c.setFont(BOLD, 20)
        c.drawString(MARGIN, self.y - 40, front.title)
        y = self.y - 90
        for key, value in front.fields:
            c.setFont(BOLD, SIZE)
            c.drawString(MARGIN, y, key + ":")
            c.setFont(BODY, SIZE)
            c.drawString(MARGIN + 90, y, value)
            y -= LEADING + 2
        self.y = BOTTOM - 1

    def contents(self, contents: Contents) -> None:
        self.heading(Heading(contents.title, 1))
        c = self.canvas
        right = WIDTH - MARGIN
        for title, page in contents.entries:
            if self.y < BOTTOM:
                self.new_page()
            c.setFont(BODY, SIZE)
            c.drawString(MARGIN, self.y, title)
            c.drawRightString(right, self.y, str(page))
            if contents.leaders:  # dots from the title to the page number, a space on each side
                start = MARGIN + stringWidth(title + " ", BODY, SIZE)
                end = right - stringWidth(" " + str(page), BODY, SIZE)
                dots = "." * max(3, int((end - start) / stringWidth(".", BODY, SIZE)))
                c.drawString(start, self.y, dots)
            self.y -= LEADING + 3
        self.y = BOTTOM - 1  # the items begin on a new page

    def case_number(self, case: CaseNumber) -> None:
        self.canvas.setFont(BODY, SIZE)
        self.canvas.drawString(MARGIN, self.y, case.text)
        self.y -= LEADING + 4

    def table(self, table: Table, x: float = MARGIN) -> float:
        """Draw the table from self.y down; returns the y below it (self.y is left unchanged)."""
        c = self.canvas
        size, pad = 9, 3
        y = self.y + size
        total = sum(table.widths)
        tops = [y]
        for r, row in enumerate(table.rows):
            font = BOLD if r == 0 else BODY
            cells = [_wrap(cell, w - 2 * pad, font, size) for cell, w in zip(row, table.widths)]
            height = max(len(lines) for lines in cells) * (size + 2) + 2 * pad
            cx = x
            for col, (lines, w) in enumerate(zip(cells, table.widths)):
                ly = y - pad - size
                for words, _ in lines:
                    c.setFont(font, size)
                    text = " ".join(words)
                    if col > 0 and table.rules == "horizontal":  # budget tables set amounts flush right
                        c.drawRightString(cx + w - pad, ly, text)
                    else:
                        c.drawString(cx + pad, ly, text)
                    ly -= size + 2
                cx += w
            y -= height
            tops.append(y)
        c.setLineWidth(0.5)
        for i, ty in enumerate(tops):
            if table.rules == "grid" or i in (0, 1, len(tops) - 1) or table.rules == "horizontal":
                c.line(x, ty, x + total, ty)
        if table.rules == "grid":
            cx = x
            for w in [0] + table.widths:
                cx += w
                c.line(cx, tops[0], cx, tops[-1])
        return y - 14

    def table_block(self, table: Table) -> None:
        if self.y - 40 < BOTTOM:
            self.new_page()
        self.y = self.table(table)

    def table_beside(self, element: TableBeside) -> None:
        if self.y - 120 < BOTTOM:
            self.new_page()
        below_table = self.table(element.table)
        x = MARGIN + sum(element.table.widths) + 20
        self.text_lines(element.paragraph.text, x, WIDTH - MARGIN - x)
        self.y = min(self.y - 8, below_table)
        assert self.y > BOTTOM, "a table beside text must fit on its page"

    def letterhead(self, letterhead: Letterhead) -> None:
        c = self.canvas
        y = HEIGHT - 60
        for i, line in enumerate(letterhead.lines):
            c.setFont(BOLD if i == 0 else BODY, 12 if i == 0 else 8)
            c.drawRightString(WIDTH - MARGIN, y, line)
            y -= 14 if i == 0 else 10
        self.y = min(self.y, y - 30)

    def vertical_note(self, note: VerticalNote) -> None:
        c = self.canvas
        c.saveState()
        c.translate(30, 200)
        c.rotate(90)
        c.setFont(BODY, 7)
        c.drawString(0, 0, note.text)
        c.restoreState()

    def scanned(self) -> None:
        from PIL import Image, ImageDraw

        self.new_page(running=False)
        image = Image.new("L", (850, 1200), 235)
        draw = ImageDraw.Draw(image)
        for row in range(120, 1100, 28):  # grey bars where a scanner would show text lines
            draw.rectangle([90, row, 760 - (row * 7) % 180, row + 12], fill=90)
        buffer = BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        self.canvas.drawImage(ImageReader(buffer), 0, 0, WIDTH, HEIGHT)
        self.y = BOTTOM - 1  # nothing else goes on this page


def expected_passages(elements: list) -> list[tuple[list[str], str]]:
    """Ground truth: (heading path, text) of every paragraph, whitespace normalised."""
    path: list[tuple[int, str]] = []
    result = []
    for element in elements:
        for heading in [element] if isinstance(element, Heading) else [getattr(element, "heading", None)]:
            if heading is None:
                continue
            while path and path[-1][0] >= heading.level:
                path.pop()
            path.append((heading.level, heading.text))
        if isinstance(element, FrontPage):
            path = [(1, element.title)]
        tables = [element] if isinstance(element, Table) else [getattr(element, "table", None)]
        for table in tables:
            if table is not None:
                result += [([t for _, t in path], table_row_text(table.rows[0], row)) for row in table.rows[1:]]
        paragraphs = [element] if isinstance(element, Paragraph) else getattr(element, "paragraphs", [])
        if isinstance(element, TableBeside):
            paragraphs = [element.paragraph]
        for p in paragraphs:
            text = " ".join(_clean(p.text).split())
            text = "\n".join([text] + ["• " + " ".join(_clean(i).split()) for i in p.items])
            result.append(([t for _, t in path], text))
    return result


DRAW = {Heading: "heading", Paragraph: "paragraph", ColumnPage: "columns", FrontPage: "front_page",
        Contents: "contents", CaseNumber: "case_number", Table: "table_block", TableBeside: "table_beside",
        Letterhead: "letterhead", VerticalNote: "vertical_note"}  # element type -> _Writer method


def build_pdf(path: Path, elements: list, header=("Gladsaxe Kommune · Økonomiudvalget", "Dagsorden 12. marts 2025"),
              footer: str = "Side {page}") -> _Writer:
    """Render ``elements``; a ``FrontPage`` first gets a page of its own without running lines."""
    writer = _Writer(path, header, footer)
    writer.new_page(running=not (elements and isinstance(elements[0], FrontPage)))
    for index, element in enumerate(elements):
        after_columns = index > 0 and isinstance(elements[index - 1], ColumnPage)
        if after_columns and not isinstance(element, ScannedPage):
            writer.new_page()  # full-width text never continues below a two-column page
        if isinstance(element, ScannedPage):
            writer.scanned()
            writer.new_page()
        else:
            getattr(writer, DRAW[type(element)])(element)
    writer.canvas.save()
    return writer


def build_unmapped_pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF whose font maps its codes to glyph names without a Unicode value, as some export
    tools write them: a viewer draws letters, an extractor gets "(cid:N)" for every glyph.

    Codes outside the standard encoding's range are used, so no base encoding fills them in.
    """
    pool = list(range(1, 32)) + list(range(127, 161))
    chars = sorted({c for lines in pages for line in lines for c in line})
    code = dict(zip(chars, pool))
    differences = " ".join(f"{code[c]} /glyph{code[c]}" for c in chars)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 "
        f"/Widths [{' '.join(['556'] * 256)}] /Encoding << /Type /Encoding /Differences [{differences}] >> >>",
    ]
    kids = []
    for lines in pages:
        shown = " ".join("<" + "".join(f"{code[c]:02x}" for c in line) + "> '" for line in lines)
        stream = f"BT /F1 11 Tf 60 760 Td 14 TL {shown} ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = objects[1].format(kids=" ".join(kids), count=len(kids))
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
