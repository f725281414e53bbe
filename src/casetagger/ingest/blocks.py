"""Lines in reading order into headings and paragraphs.

Headings come from font size and weight relative to the body text, and from agenda numbering
("4. Godkendelse af ...", "Punkt 4"). Paragraphs come from vertical gaps and indentation; bullet
lists stay with the paragraph that introduces them; a paragraph cut by a page or column break is
joined again.
"""

import re
from collections import Counter

from casetagger.ingest.hyphenation import join_lines
from casetagger.ingest.layout import body_style
from casetagger.ingest.records import Block, Line

AGENDA_NUMBER = re.compile(r"^(\d{1,3}\.|punkt\s+\d{1,3}\b[.:]?)\s*\S", re.I)
BULLET_START = re.compile(r"^(•|[-–]\s|\d{1,2}\)|[a-zæøå]\)\s)")
SENTENCE_END = (".", "!", "?", ":")
MAX_HEADING_WORDS = 16


class Styles:
    """What the body text looks like, and which larger or bolder styles are heading levels."""

    def __init__(self, lines: list[Line]):
        self.size, self.bold, self.pitch = body_style(lines)
        heading_sizes = sorted({line.size for line in lines if self._larger(line)}, reverse=True)
        self.levels = {size: rank + 1 for rank, size in enumerate(heading_sizes)}
        self.bold_level = len(heading_sizes) + 1
        margins: Counter = Counter()
        for line in lines:
            if line.size == self.size:
                margins[line.page, line.column, round(line.x0)] += 1
        self.margins: dict[tuple[int, int], float] = {}
        for (page, column, x0), _ in sorted(margins.items(), key=lambda kv: -kv[1]):
            self.margins.setdefault((page, column), x0)

    def _larger(self, line: Line) -> bool:
        return line.size >= self.size * 1.12 and len(line.text.split()) <= MAX_HEADING_WORDS

    def heading_level(self, line: Line) -> float | None:
        text = line.text
        numbered = bool(AGENDA_NUMBER.match(text))
        if self._larger(line):
            level: float = self.levels[line.size]
        elif line.bold and not self.bold and len(text.split()) <= MAX_HEADING_WORDS and not BULLET_START.match(text):
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


def _continues(previous: Line, line: Line) -> bool:
    """Across a page or column break, does ``line`` carry on the paragraph ``previous`` ends?"""
    prev_text = previous.text.rstrip()
    if prev_text.endswith(("-", "\u00ad")) or line.text[:1].islower():
        return True
    return not prev_text.endswith(SENTENCE_END)


def build_blocks(lines: list[Line]) -> list[Block]:
    styles = Styles(lines)
    blocks: list[Block] = []
    previous: Line | None = None
    in_list = False
    for line in lines:
        level = styles.heading_level(line)
        last = blocks[-1] if blocks else None
        if level is not None:
            # a heading wrapped over two lines stays one heading
            if (last and last.kind == "heading" and last.level == level and previous is not None
                    and not line.flow_break and line.top - previous.bottom < styles.pitch):
                last.lines.append(line)
                last.text = join_lines(last.text, line.text)
            else:
                blocks.append(Block([line], "heading", level, line.text))
            previous, in_list = line, False
            continue
        bullet = bool(BULLET_START.match(line.text))
        same_paragraph = False
        if last is not None and last.kind == "paragraph" and previous is not None:
            if line.flow_break:
                same_paragraph = bullet or _continues(previous, line)
            else:
                gap = line.top - previous.top
                indented = styles.indented(line)
                # list items hang indented; a body paragraph starts indented or after a gap
                same_paragraph = (gap <= 1.45 * styles.pitch and line.size == previous.size
                                  and (bullet or (indented if in_list else not indented)))
            # a list belongs to the paragraph that introduces it, even after a small gap
            if bullet and not same_paragraph and not line.flow_break:
                same_paragraph = line.top - previous.bottom < 2.5 * styles.pitch
        if same_paragraph:
            last.lines.append(line)
            if bullet:
                last.items.append(line.text)
                in_list = True
            elif in_list:
                last.items[-1] = join_lines(last.items[-1], line.text)
            else:
                last.text = join_lines(last.text, line.text)
        else:
            block = Block([line], "paragraph")
            if bullet:
                block.items.append(line.text)
            else:
                block.text = line.text
            blocks.append(block)
            in_list = bullet
        previous = line
    return blocks
