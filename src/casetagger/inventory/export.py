"""The inventory's files: passages.jsonl, cases.csv and inventory.xlsx.

Cell text comes from PDFs, so text that a spreadsheet would read as a formula (= + - @ and
tab or carriage return first) is escaped with a leading apostrophe.
"""

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple

from casetagger.atomic import atomic_write
from casetagger.inventory.cases import Case, Finding
from casetagger.jsonl import write_jsonl
from casetagger.taxonomy import Taxonomy

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# control characters a workbook cannot hold (XML 1.0 forbids them); xlsxwriter is imported only to
# write one, not by the commands that merely read this module (draft, report)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)  # control characters make the workbook unwritable
    return "'" + value if value.startswith(FORMULA_START) else value


def pages_text(documents: dict[str, set[int]]) -> str:
    return "; ".join(f"{Path(f).name} s. {', '.join(map(str, sorted(p)))}" for f, p in sorted(documents.items()))


def case_row(case: Case, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "case": case.name,
        "goals": "; ".join(taxonomy.name_da(l) for l in taxonomy.goals if l in case.labels),
        "sdgs": "; ".join(taxonomy.name_da(l) for l in taxonomy.sdgs if l in case.labels),
        "labels": " ".join(l for l in taxonomy.ids if l in case.labels),
        "scores": "; ".join(f"{l}={case.scores[l]:.2f}" for l in taxonomy.ids if l in case.scores),
        "best_score": round(case.best, 3),
        "documents": "; ".join(sorted(Path(f).name for f in case.documents)),
        "pages": pages_text(case.documents),
        "passages": len(case.passages),
        "reviewed": "yes" if case.reviewed else "no",
        "support": " | ".join(f"{label}: {found[0].text}" for label, found in sorted(case.support.items()) if found),
        "excerpt": case.excerpt,
    }


def write_passages(path: Path, passages: Iterable[dict[str, Any]]) -> int:
    """passages.jsonl; returns how many were written."""
    return write_jsonl(path, passages)


def write_cases_csv(path: Path, cases: list[Case], taxonomy: Taxonomy) -> None:
    rows = [case_row(c, taxonomy) for c in cases]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(case_row(Case("x"), taxonomy)))
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    # utf-8 with BOM: Excel opens it with æøå intact
    atomic_write(path, lambda tmp: tmp.write_text(buffer.getvalue(), encoding="utf-8-sig"))


WORKBOOK_HEADERS = {"case": "Sag", "goals": "Mål", "sdgs": "Verdensmål", "labels": "Etiketter", "scores": "Scorer",
                    "best_score": "Bedste score", "documents": "Dokumenter", "pages": "Sider", "passages": "Afsnit",
                    "reviewed": "Gennemset", "support": "Belæg", "excerpt": "Uddrag"}
WRAP_OVER = 60  # a string cell longer than this wraps, and no column grows wider than this
CELL_CHARACTERS = 32_767  # Excel's limit: a workbook with a longer cell is reported damaged


def workbook_sheets(cases: list[Case], passages: Iterable[dict[str, Any]], taxonomy: Taxonomy,
                    findings: Sequence[Finding] = ()) -> list[tuple[str, Iterable[list[Any]]]]:
    """The workbook's sheets in order, each a title and its rows, header first. The last sheet's
    rows are made from ``passages`` as they are read, once."""
    overview: list[list[Any]] = [
        ["Sager pr. mål og verdensmål"] + [taxonomy.name_da(s) for s in taxonomy.sdgs] + ["Sager i alt"]]
    for goal in taxonomy.goals:
        with_goal = [c for c in cases if goal in c.labels]
        overview.append([taxonomy.name_da(goal)] + [sum(s in c.labels for c in with_goal) for s in taxonomy.sdgs]
                        + [len(with_goal)])
    sheets: list[tuple[str, list[list[Any]]]] = [("Overblik", overview)]
    for goal in taxonomy.goals:
        rows: list[list[Any]] = [list(WORKBOOK_HEADERS.values())]
        rows += [[safe_cell(v) for v in case_row(c, taxonomy).values()] for c in cases if goal in c.labels]
        sheets.append((taxonomy.name_da(goal), rows))
    rows = [["Id", "Fil", "Side", "Overskrift", "Etiketter", "Uddrag"]]
    rows += [[safe_cell(v) for v in (f.passage_id, Path(f.file).name, f.page, f.heading,
                                     " ".join(taxonomy.name_da(l) for l in f.labels), f.excerpt)] for f in findings]
    sheets.append(("Fund uden navn", rows))

    def passage_rows() -> Iterator[list[Any]]:
        yield ["Id", "Fil", "Side", "Overskrift", "Sag", "Etiketter", "Tekst"]
        names: dict[str, str] = {}  # thousands of passages, a few files
        for p in passages:
            name = names.get(p["file"]) or names.setdefault(p["file"], Path(p["file"]).name)
            yield [safe_cell(v) for v in (p["id"], name, p["page"], p.get("heading", ""), p.get("case") or "",
                                          " ".join(p["labels"]), p["text"])]

    return [*sheets, ("Alle afsnit", passage_rows())]


SHEET_ROWS = 1_048_576  # Excel's limit; the rows after it go on to a sheet of their own


def write_workbook(path: Path, cases: list[Case], passages: Iterable[dict[str, Any]], taxonomy: Taxonomy,
                   findings: Sequence[Finding] = ()) -> None:
    """``passages`` is read once, a row at a time: a list, an iterator, or a store's passages as they are read."""
    import xlsxwriter

    def write(tmp: Path) -> None:
        # constant memory: each row goes to its sheet's file when the next one starts, strings inline,
        # so the workbook does not grow with the store. The sheets' files go in a folder beside the
        # workbook, removed whatever happens (and by ``outputs.Child`` if this process is killed).
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp") as scratch:
            book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "tmpdir": scratch, "use_zip64": True,
                                                  "nan_inf_to_errors": True})
            formats = Formats(book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"}))
            used: set[str] = set()
            for number, (name, rows) in enumerate(workbook_sheets(cases, passages, taxonomy, findings)):
                for part, part_rows in enumerate(_sheet_parts(rows), start=1):
                    sheet = book.add_worksheet(_sheet_title(name if part == 1 else f"{name} ({part})", used))
                    sheet.freeze_panes(1, 1 if number == 0 else 0)
                    widths, count = _write_rows(sheet, part_rows, formats)
                    # the widths are known once the rows are written: a sheet's XML is put together at close
                    for column, width in enumerate(widths):
                        sheet.set_column(column, column, width)
                    sheet.autofilter(0, 0, count - 1, len(widths) - 1)
            book.close()

    atomic_write(path, write)


def _sheet_parts(rows: Iterable[list[Any]]) -> Iterator[Iterator[list[Any]]]:
    """``rows`` (header first) in parts that fit a sheet, each under the header; the first part even
    when there is nothing under it. Each part must be written out before the next is asked for."""
    rows = iter(rows)
    header = next(rows)
    yield chain([header], islice(rows, SHEET_ROWS - 1))
    for first in rows:  # what the previous part left
        yield chain([header, first], islice(rows, SHEET_ROWS - 2))


class Formats(NamedTuple):
    header: Any
    wrapped: Any


def _write_rows(sheet: Any, rows: Iterable[list[Any]], formats: Formats) -> tuple[list[int], int]:
    """Writes the rows, the first in bold, strings longer than ``WRAP_OVER`` wrapped; returns each
    column's width (its longest value plus 2, kept within 10 and ``WRAP_OVER``) and the row count.
    Cells are written by type: text from a PDF is never taken for a formula, a number or a link."""
    longest: list[int] = []
    count = 0
    for count, row in enumerate(rows, start=1):
        longest += [0] * (len(row) - len(longest))
        header = count == 1
        for column, value in enumerate(row):
            if value is None or value == "":  # no cell, as an empty value reads back
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(count - 1, column, value, formats.header if header else None)
                width = len(str(value))
            else:
                text = _utf16_cut(str(value), CELL_CHARACTERS)
                style = formats.header if header else formats.wrapped if len(text) > WRAP_OVER else None
                if text.startswith("<r>") and text.endswith("</r>"):
                    # XlsxWriter would put such a string into the sheet's XML as it stands (its own
                    # rich text); written in pieces, it is escaped as any other text
                    sheet.write_rich_string(count - 1, column, text[:1], text[1:2], text[2:], *[style] if style else [])
                else:
                    sheet.write_string(count - 1, column, text, style)
                width = len(text)
            longest[column] = max(longest[column], width)
    return [min(WRAP_OVER, max(10, n + 2)) for n in longest], count


def _sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel takes: none of []:*?/\\, no apostrophe at either end, at most 31 UTF-16
    units, and not one already ``used`` (in any case: Excel does not tell them apart)."""
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    name = name.strip("'").strip() or "Ark"
    title, suffix = _utf16_cut(name, 31), 1
    while title.casefold() in used:
        suffix += 1
        title = _utf16_cut(name, 31 - len(f" ({suffix})")) + f" ({suffix})"
    used.add(title.casefold())
    return title


def _utf16_cut(text: str, units: int) -> str:
    """``text`` cut to ``units`` UTF-16 code units, Excel's measure (a character beyond U+FFFF is two)."""
    if len(text) <= units // 2:  # cannot be over
        return text
    return text.encode("utf-16-le")[:2 * units].decode("utf-16-le", "ignore")  # "ignore": half a pair
