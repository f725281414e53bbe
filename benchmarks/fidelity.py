"""Share of intact sentences: the sentences written into each generated fixture, found whole in a passage.

    python benchmarks/fidelity.py [--markdown]

A sentence (or bullet item, or table row as "header: value; ...") counts as intact when its text,
whitespace normalised, is a substring of one passage's text. Also counts contents lines that came
out as passages and passages whose heading path holds a contents heading.
"""

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "texts")]

SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9])")


def normalise(text: str) -> str:
    return " ".join(text.replace("• ", " ").split())


def units(elements: list) -> list[str]:
    """The sentences, bullet items and table rows the fixture was written with."""
    from pdfgen import Table, TableBeside, expected_passages, table_row_text

    tables = [e if isinstance(e, Table) else e.table for e in elements if isinstance(e, (Table, TableBeside))]
    rows = {table_row_text(t.rows[0], row) for t in tables for row in t.rows[1:]}
    found = []
    for _, text in expected_passages(elements):
        if text in rows:  # a table row is one unit, "header: value; ..."
            found.append(normalise(text))
            continue
        for part in text.split("\n"):
            found += [normalise(s) for s in SENTENCE_END.split(part.lstrip("• ")) if s.strip()]
    return found


def measure(name: str, elements: list, header: tuple, footer: str, folder: Path) -> dict:
    from pdfgen import build_pdf

    from casetagger.ingest import parse_document

    path = folder / (re.sub(r"\W+", "_", name) + ".pdf")
    build_pdf(path, elements, header=header, footer=footer)
    result = parse_document(path)
    texts = [normalise(p["text"]) for p in result.passages]
    wanted = units(elements)
    intact = [u for u in wanted if any(u in t for t in texts)]
    return {
        "fixture": name,
        "pages": result.pages,
        "status": result.status.value,
        "passages": len(result.passages),
        "units": len(wanted),
        "intact": len(intact),
        "share": len(intact) / len(wanted) if wanted else 1.0,
        "contents_lines_as_passages": sum(bool(re.search(r"\.{4,}\s*\d+$|\s\d{1,3}$", p["text"].split("\n")[0]))
                                          and p["text"].startswith(("Punkt", "1.", "2.")) for p in result.passages),
        "under_contents_heading": sum("Indholdsfortegnelse" in p["headings"] for p in result.passages),
        "missing": [u for u in wanted if u not in intact],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    parser.add_argument("--missing", action="store_true", help="List the sentences not found intact.")
    args = parser.parse_args()
    from council import fixtures

    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(name, *spec, Path(tmp)) for name, spec in fixtures().items()]
    if args.markdown:
        print("| fixture | pages | status | passages | intact / sentences | share | contents lines as passages | passages under the contents heading |")
        print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if args.markdown:
            print(f"| {r['fixture']} | {r['pages']} | {r['status']} | {r['passages']} | {r['intact']} / {r['units']} "
                  f"| {r['share']:.1%} | {r['contents_lines_as_passages']} | {r['under_contents_heading']} |")
        else:
            print(f"{r['fixture']:40s} {r['intact']:4d}/{r['units']:<4d} {r['share']:.1%}  {r['status']}")
        if args.missing:
            for m in r["missing"]:
                print("    missing:", m)


if __name__ == "__main__":
    main()
