"""Lines in reading order into headings, paragraphs, tables, contents and case numbers.

Headings come from font size and weight relative to the body text, and from agenda numbering
("4. Godkendelse af ...", "Punkt 4"); agenda items and their sections (Resume, Sagsfremstilling
...) get roles, so passages sit under the right item whatever the fonts say. Paragraphs come from
vertical gaps and indentation; bullet lists stay with the paragraph that introduces them; a
paragraph cut by a page or column break is joined again. A contents page (its heading, its lines
with dot leaders or page numbers) becomes "toc" blocks that never reach the passages.
"""

import re
from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import attrgetter

from casetagger.ingest.hyphenation import join_lines
from casetagger.ingest.records import Block, Line
from casetagger.ingest.spool import LineSpool
from casetagger.ingest.styles import AGENDA_NUMBER, BULLET_START, Styles

ITEM_NUMBER = re.compile(r"^(?:punkt\s+)?(\d{1,3})\b", re.I)
SENTENCE_END = (".", "!", "?", ":")
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


def build_blocks(lines: Sequence[Line] | LineSpool) -> Iterator[Block]:
    """Blocks in reading order, each given out once the next has begun: only the last one can
    still grow. A spool brings the styles it summed up as its lines went in."""
    styles = lines.styles if isinstance(lines, LineSpool) else Styles.of(lines)
    contents = _Contents()
    blocks: list[Block] = []  # the one block still open, and any finished since the last line
    previous: Line | None = None
    in_list = inferred_list = False
    for line in _with_margins(lines, styles):
        yield from blocks[:-1]
        del blocks[:-1]
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
    yield from blocks


def _with_margins(lines: Sequence[Line] | LineSpool, styles: Styles) -> Iterator[Line]:
    """The lines, a page at a time, each page's margins learned before its first line."""
    for _, group in groupby(lines, key=attrgetter("page")):
        page = list(group)
        styles.learn_margins(page)
        yield from page
