"""From words to lines in reading order: rows, running headers and footers, columns, tables.

Works on ``PageRecord``s only (words, and the ruled lines tables are drawn with).
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from statistics import median

from casetagger.ingest.records import Line, PageRecord, Word
from casetagger.ingest.tables import find_tables, table_lines

ROW_TOLERANCE = 3.0  # pt: words whose tops differ by less sit on one row
MARGIN_ROWS = 2  # rows at the top and bottom of a page that may be running headers/footers
MIN_GUTTER = 10.0  # pt: narrowest vertical white band that separates two columns
LEARNING_WINDOW = 16  # pages from which running headers and footers are learned
PAGE_NUMBER = re.compile(r"^[\s\-–—|]*(side|page|s\.)?\s*\d+(\s*(af|/|of)\s*\d+)?[\s\-–—|]*$", re.I)


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Words into rows (same baseline across the whole page width), top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(word.top - rows[-1][0].top) <= ROW_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _row_key(row: list[Word]) -> str:
    """Running headers differ only in their numbers: 'Side 3 af 12' and 'Side 4 af 12' match."""
    return re.sub(r"\d+", "#", " ".join(w.text for w in row).lower())


RunningKey = tuple[str, str]  # (zone, row text with digits normalised) or (SLOT + zone, top)
SLOT = "slot:"


def learn_running_lines(pages: list[tuple[PageRecord, list[list[Word]]]]) -> dict[RunningKey, float]:
    """Rows that repeat at the top or bottom of most of these pages, with the height they sit at.

    Two kinds: the same text (digits aside) at about the same height; and a row in a font smaller
    than the body's at exactly the same height (a "slot"), whatever its text: agenda systems put
    the item's title or "Åbent/Lukket referat" there, which varies from page to page.
    """
    occurrences = defaultdict(list)  # key -> [(page index, top)]
    sizes: Counter[float] = Counter()
    for index, (_, rows) in enumerate(pages):
        for zone, candidates in (("top", rows[:MARGIN_ROWS]), ("bottom", rows[-MARGIN_ROWS:])):
            for row in candidates:
                occurrences[zone, _row_key(row)].append((index, row[0].top))
                occurrences[SLOT + zone, str(round(row[0].top))].append((index, row[0].top))
        for row in rows:
            for w in row:
                sizes[w.size] += len(w.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    n_pages = len(pages)
    needed = 2 if n_pages <= 3 else max(3, round(0.5 * n_pages))
    # a slot's smaller font is evidence enough on fewer pages (the contents page has no item)
    needed_slot = max(2, round(0.3 * n_pages))
    learned = {}
    for key, hits in occurrences.items():
        tops = [top for _, top in hits]
        enough = needed_slot if key[0].startswith(SLOT) else needed
        # a real running line sits at the same height on every page
        if n_pages > 1 and len({i for i, _ in hits}) >= enough and max(tops) - min(tops) <= 20:
            learned[key] = body_size if key[0].startswith(SLOT) else median(tops)
    return learned


def _running_slot(row: list[Word], zone: str, learned: dict[RunningKey, float]) -> bool:
    """Does the row sit in a learned slot, in a font smaller than the body's?"""
    top = round(row[0].top)
    for t in (top - 1, top, top + 1):
        body_size = learned.get((SLOT + zone, str(t)))
        if body_size is not None and max(w.size for w in row) < body_size:
            return True
    return False


def remove_running_lines(page: PageRecord, rows: list[list[Word]], learned: dict[RunningKey, float]) -> list[list[Word]]:
    """The page's rows without its running headers, footers and lone page numbers."""
    doomed = set()
    for zone, candidates in (("top", rows[:MARGIN_ROWS]), ("bottom", rows[-MARGIN_ROWS:])):
        for row in candidates:
            top = learned.get((zone, _row_key(row)))
            if (top is not None and abs(row[0].top - top) <= 20) or _running_slot(row, zone, learned):
                doomed.add(id(row))
            in_margin = row[0].top < 0.1 * page.height or row[0].bottom > 0.9 * page.height
            if in_margin and PAGE_NUMBER.match(" ".join(w.text for w in row)):
                doomed.add(id(row))
    return [row for row in rows if id(row) not in doomed]


def find_gutter(rows: list[list[Word]], width: float) -> float | None:
    """The x of a vertical white band that most rows leave free, with text on both sides."""
    if len(rows) < 6:
        return None
    lo, hi = int(0.25 * width), int(0.75 * width)
    # how many words cross each x: a difference array keeps this linear in the words
    delta = [0] * (hi - lo + 2)
    for row in rows:
        for w in row:
            a, b = max(lo, int(w.x0)), min(hi, int(w.x1) + 1)
            if a < b:
                delta[a - lo] += 1
                delta[b - lo] -= 1
    crossed, running = [], 0
    for d in delta[: hi - lo]:
        running += d
        crossed.append(running)
    limit = 0.05 * len(rows)
    best, start = None, None
    for i, count in enumerate(crossed + [len(rows)]):
        if count <= limit and start is None:
            start = i
        elif count > limit and start is not None:
            if i - start >= MIN_GUTTER and (best is None or i - start > best[1] - best[0]):
                best = (start, i)
            start = None
    if best is None:
        return None
    gutter = lo + (best[0] + best[1]) / 2
    # columns need not share baselines, so count each side on its own; a right column may be
    # short (the text ends there), but it must be more than a stray word
    left_side = sum(1 for row in rows if row[0].x1 < gutter)
    right_side = sum(1 for row in rows if row[-1].x0 > gutter)
    if left_side < 3 or right_side < 3 or right_side < 0.1 * len(rows):
        return None
    return gutter


def page_lines(page: PageRecord, rows: list[list[Word]]) -> list[Line]:
    """Rows into lines in reading order: a two-column stretch is read left column, then right."""
    gutter = find_gutter(rows, page.width)
    if gutter is None:
        return [Line.from_words(row, page.number) for row in rows]
    lines: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        lines.extend(left)
        if right:
            right[0].flow_break = True  # the reader jumps to the top of the next column
        lines.extend(right)
        left.clear()
        right.clear()

    for row in rows:
        if any(w.x0 < gutter < w.x1 for w in row):
            flush()
            lines.append(Line.from_words(row, page.number))
            continue
        row_left = [w for w in row if w.x1 <= gutter]
        row_right = [w for w in row if w.x0 >= gutter]
        if row_left:
            left.append(Line.from_words(row_left, page.number, column=0))
        if row_right:
            right.append(Line.from_words(row_right, page.number, column=1))
    flush()
    return lines


def reading_order(pages: Iterable[PageRecord], window: int = LEARNING_WINDOW) -> Iterator[Line]:
    """A document's text lines in reading order, running headers and footers removed.

    Running lines are learned from the first ``window`` pages; after that pages stream through
    one at a time, so memory does not grow with the words of a long document.
    """
    buffered: list[tuple[PageRecord, list[list[Word]]]] = []
    learned: dict[RunningKey, float] | None = None
    for page in pages:
        rows = group_rows(upright_words(page))
        if learned is None:
            buffered.append((page, rows))
            if len(buffered) < window:
                continue
            learned = learn_running_lines(buffered)
            for old_page, old_rows in buffered:
                yield from _page_reading_order(old_page, old_rows, learned)
            buffered = []
            continue
        yield from _page_reading_order(page, rows, learned)
    if learned is None:
        learned = learn_running_lines(buffered)
        for page, rows in buffered:
            yield from _page_reading_order(page, rows, learned)


def upright_words(page: PageRecord) -> list[Word]:
    """The page's words less text set vertically: read across, it is letter salad."""
    return [w for w in page.words if w.upright]


def _page_reading_order(page: PageRecord, rows: list[list[Word]], learned: dict[RunningKey, float]) -> list[Line]:
    rows = remove_running_lines(page, rows, learned)
    tables = find_tables(page.rules, [w for row in rows for w in row])
    if tables:  # a table's words are read as rows of their own, never into the text beside it
        rows = [kept for row in rows if (kept := [w for w in row if not any(t.holds(w) for t in tables)])]
    lines = page_lines(page, rows)
    for table in tables:
        rows_as_lines = table_lines(table, page.number)
        at = next((i for i, line in enumerate(lines) if line.top > table.top), len(lines))
        lines[at:at] = rows_as_lines
    if lines:
        lines[0].flow_break = True
    return lines

