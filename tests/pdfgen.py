"""Builds PDFs like real council documents, for tests, examples and benchmarks.

Every document comes with its ground truth: the paragraphs (heading path and text) an analyst
would cut by hand, so tests can assert exact passages. Text marks optional hyphenation points
with "|": a word may break there at a line end ("bære-" / "dygtig"), and otherwise the mark
disappears.
"""

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


@dataclass
class Paragraph:
    text: str
    items: list[str] = field(default_factory=list)  # a bullet list the paragraph introduces


@dataclass
class ColumnPage:
    """A page with a full-width heading, then two columns; paragraphs flow from left to right."""

    heading: Heading
    paragraphs: list[Paragraph]


@dataclass
class ScannedPage:
    """An image-only page, as a scanner would produce."""


HEADING_STYLE = {1: (BOLD, 16), 2: (BOLD, 13), 3: (BOLD, SIZE)}


def _clean(text: str) -> str:
    return text.replace("|", "").replace("⏎", "")


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


class _Writer:
    def __init__(self, path: Path, header: tuple[str, str], footer: str):
        self.canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setAuthor("casetagger tests")
        self.header, self.footer = header, footer
        self.page = 1
        self.y = TOP
        self.pages_drawn = 0
        self.line_end_hyphens: list[str] = []  # what each line-end hyphen looked like

    def running_lines(self) -> None:
        c = self.canvas
        c.setFont(BODY, 8)
        c.drawString(MARGIN, HEIGHT - 45, self.header[0])
        c.drawRightString(WIDTH - MARGIN, HEIGHT - 45, self.header[1].format(page=self.page))
        c.drawCentredString(WIDTH / 2, 35, self.footer.format(page=self.page))

    def new_page(self, running: bool = True) -> None:
        if self.pages_drawn or self.y != TOP:
            self.canvas.showPage()
            self.page += 1
        if running:
            self.running_lines()
        self.pages_drawn += 1
        self.y = TOP

    def heading(self, heading: Heading) -> None:
        font, size = HEADING_STYLE[heading.level]
        if self.y - 3 * LEADING < BOTTOM:
            self.new_page()
        self.y -= 6 if heading.level < 3 else 2
        for words, _ in _wrap(heading.text, WIDTH - 2 * MARGIN, font, size):
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN, self.y, " ".join(words))
            self.y -= size + 5
        self.y -= 2

    def text_lines(self, text: str, x: float, width: float, column_break=None) -> None:
        """Justified lines; ``column_break`` is called when the column is full."""
        for words, last in _wrap(text, width):
            if self.y < BOTTOM:
                (column_break or self.new_page)()
            if words[-1].endswith("-"):
                self.line_end_hyphens.append(words[-1])
            self._justified(words, x, width, last)
            self.y -= LEADING

    def _justified(self, words: list[str], x: float, width: float, last: bool) -> None:
        """One line; spaces are real characters, stretched with word spacing as word processors do."""
        text = self.canvas.beginText(x, self.y)
        text.setFont(BODY, SIZE)
        if not last and len(words) > 1:
            natural = stringWidth(" ".join(words), BODY, SIZE)
            text.setWordSpace((width - natural) / (len(words) - 1))
        text.textOut(" ".join(words))
        self.canvas.drawText(text)

    def paragraph(self, paragraph: Paragraph, x: float = MARGIN, width: float = WIDTH - 2 * MARGIN,
                  column_break=None) -> None:
        self.text_lines(paragraph.text, x, width, column_break)
        for item in paragraph.items:
            if self.y < BOTTOM:
                (column_break or self.new_page)()
            self.canvas.setFont(BODY, SIZE)
            self.canvas.drawString(x + 8, self.y, "•")
            self.text_lines(item, x + 20, width - 20, column_break)
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
            if self.y < BOTTOM:
                next_column()
            if words[-1].endswith("-"):
                self.line_end_hyphens.append(words[-1])
            self._justified(words, state["x"], width, last)
            self.y -= LEADING
        self.y -= 8

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
        paragraphs = [element] if isinstance(element, Paragraph) else getattr(element, "paragraphs", [])
        for p in paragraphs:
            text = " ".join(_clean(p.text).split())
            text = "\n".join([text] + ["• " + " ".join(_clean(i).split()) for i in p.items])
            result.append(([t for _, t in path], text))
    return result


def build_pdf(path: Path, elements: list, header=("Gladsaxe Kommune · Økonomiudvalget", "Dagsorden 12. marts 2025"),
              footer: str = "Side {page}") -> _Writer:
    writer = _Writer(path, header, footer)
    writer.new_page()
    for index, element in enumerate(elements):
        after_columns = index > 0 and isinstance(elements[index - 1], ColumnPage)
        if after_columns and not isinstance(element, ScannedPage):
            writer.new_page()  # full-width text never continues below a two-column page
        if isinstance(element, Heading):
            writer.heading(element)
        elif isinstance(element, Paragraph):
            writer.paragraph(element)
        elif isinstance(element, ColumnPage):
            writer.columns(element)
        elif isinstance(element, ScannedPage):
            writer.scanned()
            writer.new_page()
    writer.canvas.save()
    return writer
