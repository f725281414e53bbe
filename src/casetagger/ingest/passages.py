"""Headings and paragraphs into paragraph-sized passages with their heading path and provenance.

An agenda item's heading closes the item before it (and its sections) whatever its font; a
section heading (Resume, Sagsfremstilling ...) always sits under the current item. Contents
lines never become passages; a case number line becomes the item's ``case_number``. Tables come
out as passages of their own (``kind: "table"``), a row per line.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from casetagger.ingest.blocks import ITEM_NUMBER
from casetagger.ingest.records import Block, Line
from casetagger.ingest.sentences import sentence_spans
from casetagger import schema

MIN_WORDS = 6  # a fragment shorter than this joins its neighbour in the same section
MAX_WORDS = 250  # a paragraph longer than this is split at sentence boundaries ...
TARGET_WORDS = 150  # ... into pieces of about this size


@dataclass
class Passage:
    text: str
    lines: list[Line]
    headings: list[str] = field(default_factory=list)
    kind: str = "text"  # or "table"
    item: str = ""  # the agenda item's number ("4"), if the passage is in one
    case_number: str = ""

    def record(self, doc_id: str, file: str, index: int) -> schema.Passage:
        pages = sorted({line.page for line in self.lines})
        boxes: list[schema.Box] = []
        for page in pages:
            on_page = [line for line in self.lines if line.page == page]
            boxes.append({"page": page, "bbox": [round(min(l.x0 for l in on_page), 1),
                                                  round(min(l.top for l in on_page), 1),
                                                  round(max(l.x1 for l in on_page), 1),
                                                  round(max(l.bottom for l in on_page), 1)]})
        return {
            "id": f"{doc_id[:12]}-{index:04d}",
            "doc_id": doc_id,
            "file": file,
            "page": pages[0],
            "pages": pages,
            "bbox": boxes[0]["bbox"],
            "bboxes": boxes,
            "heading": self.headings[-1] if self.headings else "",
            "headings": list(self.headings),
            "text": self.text,
            "n_words": len(self.text.split()),
            "kind": self.kind,
            "item": self.item,
            "case_number": self.case_number,
        }


def split_long(passage: Passage) -> list[Passage]:
    """Cut a very long paragraph at sentence ends into pieces of about TARGET_WORDS."""
    if len(passage.text.split()) <= MAX_WORDS:
        return [passage]
    pieces: list[tuple[int, int]] = []
    start, words = 0, 0
    for a, b in sentence_spans(passage.text):
        n = len(passage.text[a:b].split())
        if words and words + n > TARGET_WORDS:
            pieces.append((start, a))
            start, words = a, 0
        words += n
    pieces.append((start, len(passage.text)))
    pieces = [cut for piece in pieces for cut in _cut_at_words(passage.text, *piece)]
    # lines follow the text proportionally; good enough to point at the right place on the page
    total = len(passage.text) or 1
    offsets, pos = [], 0
    for line in passage.lines:
        offsets.append(pos / total)
        pos += len(line.text) + 1
    result = []
    for a, b in pieces:
        lines = [l for l, o in zip(passage.lines, offsets) if a / total - 1e-9 <= o < b / total] or passage.lines[-1:]
        result.append(_like(passage, passage.text[a:b].strip(), lines))
    return result


def _like(passage: Passage, text: str, lines: list[Line]) -> Passage:
    """A passage with another text and lines, in the same place (headings, kind, item)."""
    return Passage(text, lines, passage.headings, passage.kind, passage.item, passage.case_number)


def _cut_at_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A "sentence" of a table or a list without full stops can run for pages: cut it at words."""
    spans = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    if len(spans) <= MAX_WORDS:
        return [(start, end)]
    cuts = [start + spans[i][0] for i in range(TARGET_WORDS, len(spans), TARGET_WORDS)]
    return list(zip([start] + cuts, cuts + [end]))


def block_text(block: Block) -> str:
    parts = [block.text] if block.text else []
    parts += block.items
    return "\n".join(parts)


def _closes(open_heading: tuple[float, str, str], block: Block) -> bool:
    """Does heading ``block`` close the heading ``open_heading`` (level, role, text) on the path?"""
    level, role, _ = open_heading
    if block.role == "item":
        return role in ("item", "section") or level >= block.level
    if block.role == "section":
        return role == "section" or (role != "item" and level >= block.level)
    return level >= block.level


def build_passages(blocks: Iterable[Block]) -> Iterator[Passage]:
    """Passages in reading order, a section's once the next section has begun (until then a
    case number line may still reach them, and a short fragment its neighbour)."""
    path: list[tuple[float, str, str]] = []  # (level, role, text) of the open headings
    sections: list[list[Passage]] = [[]]
    item = case = ""
    for block in blocks:
        yield from _finish(sections[:-1])
        del sections[:-1]
        if block.kind == "heading":
            while path and _closes(path[-1], block):
                path.pop()
            path.append((block.level, block.role, block.text))
            if block.role == "item":
                number = ITEM_NUMBER.match(block.text)
                item, case = (number.group(1) if number else ""), ""
            elif not any(role == "item" for _, role, _ in path):
                item = case = ""
            sections.append([])
            continue
        if block.kind == "toc":
            continue
        if block.kind == "meta":
            case = block.text
            for passage in sections[-1]:
                passage.case_number = case
            continue
        if block.kind == "table":  # a table stands alone: no fragment merging across it
            sections.append([])
        sections[-1].append(Passage(block_text(block), list(block.lines), [text for _, _, text in path],
                                    "table" if block.kind == "table" else "text", item, case))
        if block.kind == "table":
            sections.append([])
    yield from _finish(sections)


def _finish(sections: list[list[Passage]]) -> Iterator[Passage]:
    for section in sections:
        for passage in _merge_fragments(section):
            yield from split_long(passage)


def _merge_fragments(section: list[Passage]) -> list[Passage]:
    """A fragment of a few words joins the next paragraph of its section (or the previous one)."""
    merged: list[Passage] = []
    carry: Passage | None = None
    for position, passage in enumerate(section):
        if carry is not None:
            passage = _like(passage, f"{carry.text}\n{passage.text}", carry.lines + passage.lines)
            carry = None
        if len(passage.text.split()) < MIN_WORDS and position < len(section) - 1:
            carry = passage
            continue
        merged.append(passage)
    if len(merged) > 1 and len(merged[-1].text.split()) < MIN_WORDS:
        last = merged.pop()
        merged[-1] = _like(last, f"{merged[-1].text}\n{last.text}", merged[-1].lines + last.lines)
    return merged
