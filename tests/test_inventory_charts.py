import xml.etree.ElementTree as ET

from casetagger.inventory.charts import bar_chart, heatmap

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or the report's inline SVG breaks


def test_inventory_charts_bars_scale_with_counts():
    root = _parse(bar_chart("Sager pr. mål", ["Klima", "Børn og unge", "Nul"], [4, 8, 0]))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[1] == 2 * widths[0] > 0 and widths[2] == 0
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Klima", "Børn og unge", "4", "8", "0", "sager"} <= set(texts)
    assert root.find(f"{SVG}title").text == "Sager pr. mål" and root.get("role") == "img"


def test_inventory_charts_escape_names():
    svg = bar_chart("A & B", ['<script>alert(1)</script> "x"'], [1])
    root = _parse(svg)
    assert "<script>" not in svg
    assert '<script>alert(1)</script> "x"' in [t.text for t in root.iter(f"{SVG}text")]


def test_inventory_charts_heatmap_shades_by_count():
    root = _parse(heatmap("Mål og verdensmål", ["Klima", "Grøn"], ["SDG 13", "SDG 11"], [[6, 0], [3, 2]]))
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
    assert fills[0] == "#2e7d5b" and fills[1] == "#ffffff"  # the largest count is darkest, none is white
    darkness = [sum(int(f[i:i + 2], 16) for i in (1, 3, 5)) for f in fills]
    assert darkness[0] < darkness[2] < darkness[3] < darkness[1]
    assert [t.text for t in root.iter(f"{SVG}text")].count("0") == 1


def test_inventory_charts_without_cases_draw_empty_charts():
    _parse(bar_chart("Sager", ["Klima"], [0]))
    _parse(heatmap("Sager", ["Klima"], ["SDG 13"], [[0]]))
    _parse(bar_chart("Sager", [], []))


def test_inventory_charts_report_imports_no_plotting_library(heavy_imports):
    """The report's charts were drawn with matplotlib: over a second of a run's serial tail."""
    code = """
from casetagger.inventory.cases import Case
from casetagger.inventory.report import charts
from casetagger.taxonomy import Taxonomy
taxonomy = Taxonomy.load()
case = Case("Sol på Taget", labels={taxonomy.goals[0], taxonomy.sdgs[0]})
assert all("<svg" in svg for svg in charts([case], taxonomy).values())
"""
    assert "matplotlib" not in heavy_imports(code)


def test_inventory_charts_labels_fit_their_measured_width():
    """Labels were sized at 0.56 em a letter and capitals ran past the chart's left edge; a long
    name in an earlier heatmap column ran past its right edge."""
    from pathlib import Path

    import matplotlib
    from fontTools.ttLib import TTFont

    from casetagger.inventory.charts import FONT, _text_width

    font = TTFont(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf")
    cmap, advance, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm

    def drawn(text):  # DejaVu Sans is the first font the SVG asks for, and among the widest
        return FONT * sum(advance[cmap[ord(c)]][0] for c in text) / units

    danish = "abcdefghijklmnopqrstuvwxyzæøåéü"
    labels = [danish, danish.upper(), "0123456789 %&-/().,", "BØRN OG UNGE", "Wow Mmm WWW MMM",
              "Fred, retfærdighed og stærke institutioner", "Anstændige jobs og økonomisk vækst"]
    for text in labels:
        assert _text_width(text) >= drawn(text), text

    columns = ["Rent vand", "Fred, retfærdighed og stærke institutioner", "Klima"]
    root = _parse(heatmap("Sager", ["Klima"], columns, [[1, 2, 3]]))
    width = float(root.get("width"))
    for label in root.iter(f"{SVG}text"):
        if label.get("transform"):  # a slanted column name reaches 0.71 of its length to the right
            assert float(label.get("x")) + 0.71 * drawn(label.text) <= width, label.text
