"""Tables from ruled lines: each row read as one line of "header: value; ..." pairs.

A table is a stack of at least three horizontal rules that span about the same width (grid
tables and the budget style with rules only between rows alike). Columns come from vertical rules
where there are some, otherwise from the white bands the table's words leave free. Works on
``Rule``s and ``Word``s only, so any extractor that fills ``PageRecord.rules`` gets tables.
"""

from dataclasses import dataclass
from casetagger.ingest.records import Line, Rule, Word

MIN_RULE_WIDTH = 40.0  # pt: shorter rules are underlines or decoration
MAX_ROW_HEIGHT = 60.0  # pt: rules further apart than this are not one table's rows
MIN_COLUMN_GAP = 7.0  # pt: white band between two columns when there are no vertical rules
SAME = 1.5  # pt: rules this close are the same rule (a rectangle's edge drawn twice)


@dataclass
class Table:
    x0: float
    x1: float
    bands: list[tuple[float, float]]  # (top, bottom) of every row, top to bottom
    columns: list[float]  # x of the boundaries between columns
    cells: list[list[str]]  # rows of cell texts; the first row is the header

    @property
    def top(self) -> float:
        return self.bands[0][0]

    def holds(self, word: Word) -> bool:
        return _centre_within(word, self.x0, self.x1, self.bands[0][0], self.bands[-1][1])


def _centre_within(word: Word, x0: float, x1: float, top: float, bottom: float) -> bool:
    """Is the word's centre inside the box (a point of slack left and right)?"""
    mid_x, mid_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 - 1 <= mid_x <= x1 + 1 and top <= mid_y <= bottom


def _stacks(rules: list[Rule]) -> list[list[Rule]]:
    """Horizontal rules grouped into stacks of about the same span, close above each other."""
    horizontal = sorted((r for r in rules if r.horizontal and r.x1 - r.x0 >= MIN_RULE_WIDTH),
                        key=lambda r: (r.top, r.x0))
    stacks: list[list[Rule]] = []
    for rule in horizontal:
        for stack in stacks:
            last = stack[-1]
            overlap = min(rule.x1, last.x1) - max(rule.x0, last.x0)
            if overlap >= 0.8 * max(rule.x1 - rule.x0, last.x1 - last.x0) and rule.top - last.top <= MAX_ROW_HEIGHT:
                if rule.top - last.top > SAME:
                    stack.append(rule)
                break
        else:
            stacks.append([rule])
    return [s for s in stacks if len(s) >= 3]


def _columns(x0: float, x1: float, top: float, bottom: float, rules: list[Rule], words: list[Word]) -> list[float]:
    vertical = sorted({round(r.x0) for r in rules if r.vertical and x0 + SAME < r.x0 < x1 - SAME
                       and r.top <= top + SAME and r.bottom >= bottom - SAME})
    if vertical:
        return [float(x) for x in vertical]
    # no vertical rules: cut where no word of the table crosses a wide enough white band
    spans = sorted((w.x0, w.x1) for w in words)
    cuts, reach = [], None
    for a, b in spans:
        if reach is not None and a - reach >= MIN_COLUMN_GAP:
            cuts.append((reach + a) / 2)
        reach = b if reach is None else max(reach, b)
    return cuts


def find_tables(rules: list[Rule], words: list[Word]) -> list[Table]:
    tables = []
    for stack in _stacks(rules):
        x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
        edges = [r.top for r in stack]
        bands = list(zip(edges, edges[1:]))
        inside = [w for w in words if _centre_within(w, x0, x1, edges[0], edges[-1])]
        columns = _columns(x0, x1, edges[0], edges[-1], rules, inside)
        bounds = [x0] + columns + [x1]
        cells, kept = [], []
        for top, bottom in bands:
            in_band = sorted((w for w in inside if top <= (w.top + w.bottom) / 2 <= bottom), key=lambda w: (w.top, w.x0))
            if not in_band:
                continue  # a rule drawn twice, or an empty spacer row
            row = [" ".join(w.text for w in in_band if a <= (w.x0 + w.x1) / 2 < b) for a, b in zip(bounds, bounds[1:])]
            cells.append(row)
            kept.append((top, bottom))
        if len(cells) >= 2 and len(bounds) >= 3:  # a header and a row, two columns at least
            tables.append(Table(x0, x1, kept, columns, cells))
    return tables


def row_text(header: list[str], row: list[str]) -> str:
    """ "Udvalg: Teknik- og Miljøudvalget; Budget: 311,8" - each value next to its column's header."""
    pairs = [f"{h}: {v}" if h else v for h, v in zip(header, row) if v]
    return "; ".join(pairs)


def table_lines(table: Table, page: int) -> list[Line]:
    """One line per body row, flagged as a table row."""
    header = table.cells[0]
    lines = []
    for (top, bottom), row in zip(table.bands[1:], table.cells[1:]):
        text = row_text(header, row)
        if text:
            # size 0: a table row takes no part in the body's font statistics or in heading levels
            lines.append(Line(text, table.x0, top, table.x1, bottom, 0.0, False, page, table=True))
    return lines
