"""Plain records passed from the extractor to the layout code.

The layout code sees only these, so another extractor can replace pdfplumber without touching it.
"""

from dataclasses import dataclass, field

BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float

    @property
    def bold(self) -> bool:
        name = self.fontname.lower()
        return any(marker in name for marker in BOLD_MARKERS)


@dataclass(slots=True)
class PageRecord:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    image_area: float = 0.0  # share of the page covered by images, 0..1
    error: str | None = None

    @property
    def scanned(self) -> bool:
        """No text layer, but an image over much of the page: a scan."""
        return not self.words and self.image_area >= 0.3


@dataclass(slots=True)
class Line:
    """A run of words on one baseline within one column.

    Keeps only what layout needs, not the words: a document's lines stay small in memory.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    page: int
    column: int = 0  # 0 full width or left, 1 right
    flow_break: bool = False  # first line after a page or column change

    @classmethod
    def from_words(cls, words: list[Word], page: int, column: int = 0) -> "Line":
        letters = [w for w in words if any(c.isalpha() for c in w.text)] or words
        return cls(" ".join(w.text for w in words), min(w.x0 for w in words), min(w.top for w in words),
                   max(w.x1 for w in words), max(w.bottom for w in words), max(w.size for w in words),
                   all(w.bold for w in letters), page, column)


@dataclass(slots=True)
class Block:
    """A paragraph or heading in reading order, before it becomes a passage."""

    lines: list[Line]
    kind: str = "paragraph"  # or "heading"
    level: int = 0
    text: str = ""
    items: list[str] = field(default_factory=list)  # bullet items attached to the paragraph
