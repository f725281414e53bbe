"""The report's charts, drawn as plain SVG: bars of cases per label and a goal x SDG heatmap.

Written by hand rather than with a plotting library: the charts are simple, their text stays
text (searchable, read out by a screen reader, sharp at any zoom), the file stays small, and a
run's main process no longer spends over a second importing and driving matplotlib after its
workers are done.
"""

from html import escape

FONT = 12  # px
# advance widths, in em, a little over DejaVu Sans's (the widest common sans-serif): the SVG is
# sized from them, so a label must never be estimated narrower than it is drawn
NARROW, WIDE, CAPITAL, LOWER = 0.36, 1.0, 0.8, 0.64
GREEN = (0x2E, 0x7D, 0x5B)
STYLE = (f'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="{FONT}" '
         'role="img" xmlns="http://www.w3.org/2000/svg"')


def _text_width(text: str) -> float:
    def em(c: str) -> float:
        if c in " .,:;'!|()[]ijlrtfI":
            return NARROW
        if c in "MWmwÆŒæœ%@":
            return WIDE
        return CAPITAL if c.isupper() or c.isdigit() else LOWER

    return FONT * sum(map(em, text))


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (f'<svg width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'aria-label="{escape(title)}" {STYLE}><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def bar_chart(title: str, names: list[str], counts: list[int], unit: str = "sager") -> str:
    """Horizontal bars, one per name, each with its count at its end and the unit under the axis."""
    row, bar_area = 22, 320
    left = max(map(_text_width, names), default=0) + 10
    peak = max(counts, default=0) or 1
    height = row * len(names) + 30
    body = []
    for i, (name, n) in enumerate(zip(names, counts)):
        y = i * row
        length = bar_area * n / peak
        body.append(f'<text x="{left - 6:.0f}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
                    f'<rect x="{left:.0f}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" fill="#2e7d5b">'
                    f"<title>{escape(name)}: {n} {escape(unit)}</title></rect>"
                    f'<text x="{left + length + 4:.1f}" y="{y + 15}">{n}</text>')
    axis_y = row * len(names) + 2
    body.append(f'<line x1="{left:.0f}" y1="0" x2="{left:.0f}" y2="{axis_y}" stroke="#555"/>'
                f'<text x="{left + bar_area / 2:.0f}" y="{axis_y + 20}" text-anchor="middle" fill="#555">'
                f"{escape(unit)}</text>")
    return _svg(left + bar_area + 40, height, title, body)


def _shade(n: int, peak: int) -> str:
    """White for nothing, the report's green for the largest count."""
    share = n / peak if peak else 0.0
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in GREEN)


def heatmap(title: str, rows: list[str], columns: list[str], matrix: list[list[int]], unit: str = "sager") -> str:
    """A grid of counts, row names on the left and column names slanted above their column."""
    cell_w, cell_h = 46, 26
    left = max(map(_text_width, rows), default=0) + 10
    # slanted at 45 degrees, a column name needs about 0.71 of its length upwards and to the right
    top = max(map(_text_width, columns), default=0) * 0.71 + 12
    # how far the slanted names reach beyond the last column's right edge
    right = max((j * cell_w + cell_w / 2 + _text_width(c) * 0.71 - cell_w * len(columns)
                 for j, c in enumerate(columns)), default=0)
    peak = max((max(r) for r in matrix if r), default=0)
    body = []
    for j, name in enumerate(columns):
        x, y = left + j * cell_w + cell_w / 2, top - 6
        body.append(f'<text x="{x:.0f}" y="{y:.0f}" transform="rotate(-45 {x:.0f} {y:.0f})">{escape(name)}</text>')
    for i, (name, counts) in enumerate(zip(rows, matrix)):
        y = top + i * cell_h
        body.append(f'<text x="{left - 6:.0f}" y="{y + 17:.0f}" text-anchor="end">{escape(name)}</text>')
        for j, n in enumerate(counts):
            x = left + j * cell_w
            ink = "#fff" if peak and n > peak / 2 else "#000"
            body.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{cell_w}" height="{cell_h}" fill="{_shade(n, peak)}" '
                        f'stroke="#ddd"><title>{escape(name)} og {escape(columns[j])}: {n} {escape(unit)}</title></rect>'
                        f'<text x="{x + cell_w / 2:.0f}" y="{y + 17:.0f}" text-anchor="middle" fill="{ink}">{n}</text>')
    width = left + cell_w * len(columns) + max(right, 0) + 10
    return _svg(width, top + cell_h * len(rows) + 10, title, body)
