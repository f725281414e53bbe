"""What the body text of a document looks like, and which larger or bolder styles are headings.

The body's font size, weight and line pitch and the heading levels are the whole document's:
``Styles`` sums the lines up one at a time (``add``) as they stream past, and ``settle`` turns
the sums into styles once the last line is in. Margins are each page's own, learned when that
page's lines come back (``learn_margins``). So a document's lines need not stay in memory
between reading them and laying them out (``spool.py``).
"""

import re
from array import array
from collections import Counter
from collections.abc import Iterable
from statistics import median

from casetagger.ingest.records import Line

AGENDA_NUMBER = re.compile(r"^(\d{1,3}\.|punkt\s+\d{1,3}\b[.:]?)\s*\S", re.I)
BULLET_START = re.compile(r"^(•|[-–]\s|\d{1,2}\)|[a-zæøå]\)\s)")
MAX_HEADING_WORDS = 16


class Styles:
    """Body size, bold, pitch (pt) and heading levels; tables' rows count for none of them."""

    def __init__(self) -> None:
        self._chars: Counter[float] = Counter()  # characters set in each font size
        self._total = self._bold_chars = 0
        self._pitches: dict[float, array[float]] = {}  # baseline steps between same-size lines, by size
        self._short_sizes: set[float] = set()  # sizes of lines short enough to be headings
        self._previous: Line | None = None
        self.size, self.bold, self.pitch = 10.0, False, 12.0
        self.levels: dict[float, int] = {}
        self.bold_level = 1
        self.margins: dict[tuple[int, int], float] = {}  # (page, column) -> x0, of the page learned last

    @classmethod
    def of(cls, lines: Iterable[Line]) -> "Styles":
        styles = cls()
        for line in lines:
            styles.add(line)
        return styles.settle()

    def add(self, line: Line) -> None:
        if line.table:
            return
        n = len(line.text)
        self._chars[line.size] += n
        self._total += n
        self._bold_chars += n if line.bold else 0
        if len(line.text.split()) <= MAX_HEADING_WORDS:
            self._short_sizes.add(line.size)
        a = self._previous
        # which steps count needs the body size, known at the end: keep every candidate, by size
        if a is not None and not line.flow_break and a.column == line.column and a.size == line.size \
                and line.top - a.top > 0:
            self._pitches.setdefault(line.size, array("d")).append(line.top - a.top)
        self._previous = line

    def settle(self) -> "Styles":
        if self._chars:
            self.size = self._chars.most_common(1)[0][0]
            self.bold = self._bold_chars > 0.6 * self._total
            steps = [step for step in self._pitches.get(self.size, ()) if step < 2.5 * self.size]
            self.pitch = median(steps) if steps else 1.2 * self.size
        heading_sizes = sorted((size for size in self._short_sizes if size >= self.size * 1.12), reverse=True)
        self.levels = {size: rank + 1 for rank, size in enumerate(heading_sizes)}
        self.bold_level = len(heading_sizes) + 1
        return self

    def learn_margins(self, page: list[Line]) -> None:
        """Each column's left margin on this page: where most of its body-size lines start."""
        margins: Counter[tuple[int, int, int]] = Counter()
        for line in page:
            if not line.table and line.size == self.size:
                margins[line.page, line.column, round(line.x0)] += 1
        self.margins = {}
        for (number, column, x0), _ in sorted(margins.items(), key=lambda kv: -kv[1]):
            self.margins.setdefault((number, column), x0)

    def _larger(self, line: Line) -> bool:
        return line.size >= self.size * 1.12 and len(line.text.split()) <= MAX_HEADING_WORDS

    def heading_level(self, line: Line) -> float | None:
        text = line.text
        numbered = bool(AGENDA_NUMBER.match(text))
        if self._larger(line):
            level: float = self.levels[line.size]
        # a bold line set in from the margin is a list item in bold, not a heading
        elif (line.bold and not self.bold and len(text.split()) <= MAX_HEADING_WORDS
              and not BULLET_START.match(text) and not self.indented(line)):
            level = self.bold_level
        elif re.match(r"^punkt\s+\d{1,3}\b", text, re.I):
            level = self.bold_level
        else:
            return None
        # an agenda item sits above the unnumbered headings of its own style (Sagsfremstilling ...)
        return level - 0.5 if numbered else level

    def indented(self, line: Line) -> bool:
        margin = self.margins.get((line.page, line.column), line.x0)
        return line.x0 > margin + 0.6 * self.size
