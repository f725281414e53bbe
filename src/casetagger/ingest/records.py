"""Plain records passed from the extractor to the layout code.

The layout code sees only these, so another extractor can replace pdfplumber without touching it.
"""

import re
from dataclasses import dataclass, field

BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")
# Never text: soft hyphens (the typesetter's break hints), zero-width spaces and joiners, the
# byte-order mark and bidi controls that office software sprinkles into right-to-left-safe text.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Character-level clean-up every extractor applies to a word's text.

    A soft hyphen at the end of a word stays: at a line end it says the word was broken there,
    and ``hyphenation.join_lines`` joins on it; ``Line.from_words`` drops it anywhere else.
    """
    soft_end = text.endswith("\u00ad")
    text = INVISIBLE.sub("", text)
    return text + "\u00ad" if soft_end and text else text


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    upright: bool = True  # False for text set vertically (rotated), which layout leaves out

    @property
    def bold(self) -> bool:
        name = self.fontname.lower()
        return any(marker in name for marker in BOLD_MARKERS)


@dataclass(slots=True)
class Rule:
    """A ruled line or a rectangle's edge on the page: what tables are drawn with."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= 1.0 and self.x1 - self.x0 > 1.0

    @property
    def vertical(self) -> bool:
        return self.x1 - self.x0 <= 1.0 and self.bottom - self.top > 1.0


@dataclass(slots=True)
class PageRecord:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    image_area: float = 0.0  # share of the page covered by images, 0..1
    error: str | None = None
    rules: list[Rule] = field(default_factory=list)  # ruled lines and rectangle edges

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
    table: bool = False  # one row of a table, read as "header: value; ..."

    @classmethod
    def from_words(cls, words: list[Word], page: int, column: int = 0) -> "Line":
        letters = [w for w in words if any(c.isalpha() for c in w.text)] or words
        texts = [w.text.rstrip("\u00ad") for w in words[:-1]] + [words[-1].text]
        return cls(" ".join(texts), min(w.x0 for w in words), min(w.top for w in words),
                   max(w.x1 for w in words), max(w.bottom for w in words), max(w.size for w in words),
                   all(w.bold for w in letters), page, column)


@dataclass(slots=True)
class Block:
    """A paragraph or heading in reading order, before it becomes a passage."""

    lines: list[Line]
    kind: str = "paragraph"  # or "heading", "table" (a table's rows), "toc" (a contents page's lines)
    level: float = 0
    role: str = ""  # for headings: "item" (an agenda item), "section" (Sagsfremstilling ...)
    text: str = ""
    items: list[str] = field(default_factory=list)  # bullet items attached to the paragraph
