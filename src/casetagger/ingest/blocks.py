"""Lines in reading order into headings, paragraphs, tables, contents and case numbers.

Headings come from font size and weight relative to the body text, and from agenda numbering
("4. Godkendelse af ...", "Punkt 4"); agenda items and their sections (Resume, Sagsfremstilling
...) get roles, so passages sit under the right item whatever the fonts say. Paragraphs come from
vertical gaps and indentation; bullet lists stay with the paragraph that introduces them; a
paragraph cut by a page or column break is joined again. A contents page (its heading, its lines
with dot leaders or page numbers) becomes "toc" blocks that never reach the passages.
"""

import re
from collections import Counter

from casetagger.ingest.hyphenation import join_lines
from casetagger.ingest.layout import body_style
from casetagger.ingest.records import Block, Line

AGENDA_NUMBER = re.compile(r"^(\d{1,3}\.|punkt\s+\d{1,3}\b[.:]?)\s*\S", re.I)
ITEM_NUMBER = re.compile(r"^(?:punkt\s+)?(\d{1,3})\b", re.I)
BULLET_START = re.compile(r"^(•|[-–]\s|\d{1,2}\)|[a-zæøå]\)\s)")
SENTENCE_END = (".", "!", "?", ":")
MAX_HEADING_WORDS = 16
CONTENTS_TITLE = re.compile(r"^(indholdsfortegnelse|indhold|dagsordensoversigt|oversigt over punkter)\s*:?$", re.I)
DOT_LEADER = re.compile(r"(\.{4,}|…{2,}|(\s\.){4,})\s*(\d{1,3}|[ivxlc]{1,6})?$", re.I)
PAGE_NUMBER_END = re.compile(r"\s(\d{1,3}|[ivxlc]{1,6})$", re.I)
SECTION_NAMES = {"resume", "resumé", "sagsfremstilling", "beslutningspunkter", "indstilling", "beslutning",
                 "bilag", "økonomi", "økonomiske konsekvenser", "sagsforløb", "baggrund", "beslutningstema",
                 "høring", "kompetence", "beslutningskompetence", "tidsplan", "kommunikation", "lovgrundlag",
                 "sagsbeskrivelse", "vurdering", "effekt", "personale", "bemærkninger"}
SECTION_START = re.compile(r"^(beslutning|indstilling)\s+(i|fra|på)\s", re.I)  # "Beslutning i Byrådet den ..."
CASE_NUMBER = re.compile(r"^(?:sagsnr|sags nr|sag nr|j\.\s?nr|journalnr|emnenr)\.?\s*:?\s*([\w./-]*\d[\w./-]*)", re.I)
CASE_ID = re.compile(r"\b(EMN-\d{4}-\d+|\d{2}\.\d{2}\.\d{2}-[A-Z]\d{2}-\d+-\d{2})\b")


def section_name(text: str) -> bool:
    plain = text.strip().rstrip(":").lower()
    return plain in SECTION_NAMES or bool(SECTION_START.match(plain))


def case_number(text: str) -> str | None:
    """The case number a short line under an item's title gives ("Sagsnr.: EMN-2025-00412")."""
    if len(text.split()) > 8:
        return None
    match = CASE_NUMBER.match(text.strip())
    if match:
        return match.group(1)
    found = CASE_ID.search(text)
    return found.group(1) if found else None


class Styles:
    """What the body text looks like, and which larger or bolder styles are heading levels."""

    def __init__(self, lines: list[Line]):
        lines = [line for line in lines if not line.table]
        self.size, self.bold, self.pitch = body_style(lines)
        heading_sizes = sorted({line.size for line in lines if self._larger(line)}, reverse=True)
        self.levels = {size: rank + 1 for rank, size in enumerate(heading_sizes)}
        self.bold_level = len(heading_sizes) + 1
        margins: Counter[tuple[int, int, int]] = Counter()
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


def _continues(previous: Line, line: Line) -> bool:
    """Across a page or column break, does ``line`` carry on the paragraph ``previous`` ends?"""
    prev_text = previous.text.rstrip()
    if prev_text.endswith(("-", "\u00ad")) or line.text[:1].islower():
        return True
    return not prev_text.endswith(SENTENCE_END)


class _Contents:
    """Whether we are inside a contents page: from its heading to the first line that is no entry."""

    def __init__(self) -> None:
        self.open = False

    def takes(self, line: Line) -> bool:
        text = line.text.strip()
        if CONTENTS_TITLE.match(text):
            self.open = True
            return True
        entry = bool(DOT_LEADER.search(text)) or (self.open and bool(PAGE_NUMBER_END.search(text)))
        self.open = self.open and entry
        return entry


def build_blocks(lines: list[Line]) -> list[Block]:
    styles = Styles(lines)
    contents = _Contents()
    blocks: list[Block] = []
    previous: Line | None = None
    in_list = inferred_list = False
    for line in lines:
        last = blocks[-1] if blocks else None
        if line.table:  # consecutive rows of one table make one block, a row per line
            if last is not None and last.kind == "table" and previous is not None and previous.table:
                last.lines.append(line)
                last.text += "\n" + line.text
            else:
                blocks.append(Block([line], "table", text=line.text))
            previous, in_list = line, False
            continue
        if contents.takes(line):
            blocks.append(Block([line], "toc", text=line.text))
            previous, in_list = line, False
            continue
        number = case_number(line.text)
        if number and last is not None and last.kind in ("heading", "meta"):
            blocks.append(Block([line], "meta", text=number))
            previous = line
            continue
        level = styles.heading_level(line)
        if level is not None:
            # a heading wrapped over two lines stays one heading
            if (last and last.kind == "heading" and last.level == level and previous is not None
                    and not line.flow_break and line.top - previous.bottom < styles.pitch):
                last.lines.append(line)
                last.text = join_lines(last.text, line.text)
            else:
                role = "item" if AGENDA_NUMBER.match(line.text) else "section" if section_name(line.text) else ""
                blocks.append(Block([line], "heading", level, role, line.text))
            previous, in_list = line, False
            continue
        bullet = bool(BULLET_START.match(line.text))
        line_text = line.text
        # picture bullets leave no glyph: a line set in after "...:" starts a list, and in such a
        # list a line set in that starts with a capital after an item's end starts the next item
        if not bullet and previous is not None and styles.indented(line) and last is not None and last.kind == "paragraph":
            ended = previous.text.rstrip()
            starts_list = ended.endswith(":") and not in_list
            next_item = inferred_list and line.text[:1].isupper() and not ended.endswith(("-", "\u00ad"))
            if starts_list or next_item:
                bullet, inferred_list = True, True
                line_text = "• " + line.text
        elif bullet:
            inferred_list = False
        same_paragraph = False
        if last is not None and last.kind == "paragraph" and previous is not None:
            if line.flow_break:
                same_paragraph = bullet or _continues(previous, line)
            else:
                gap = line.top - previous.top
                # list items hang indented; a body paragraph starts indented (against the line
                # before it, so a narrow column beside a table reads as one paragraph) or after a gap
                starts_indented = line.x0 > previous.x0 + 0.6 * styles.size
                same_paragraph = (gap <= 1.45 * styles.pitch and line.size == previous.size
                                  and (bullet or (styles.indented(line) if in_list else not starts_indented)))
            # a list belongs to the paragraph that introduces it, even after a small gap
            if bullet and not same_paragraph and not line.flow_break:
                same_paragraph = line.top - previous.bottom < 2.5 * styles.pitch
        if same_paragraph and last is not None:
            last.lines.append(line)
            if bullet:
                last.items.append(line_text)
                in_list = True
            elif in_list:
                last.items[-1] = join_lines(last.items[-1], line_text)
            else:
                last.text = join_lines(last.text, line_text)
        else:
            block = Block([line], "paragraph")
            if bullet:
                block.items.append(line_text)
            else:
                block.text = line_text
                inferred_list = False
            blocks.append(block)
            in_list = bullet
        previous = line
    return blocks
