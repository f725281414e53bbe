"""The inventory's files: passages.jsonl, cases.csv and inventory.xlsx.

Cell text comes from PDFs, so text that a spreadsheet would read as a formula (= + - @ and
tab or carriage return first) is escaped with a leading apostrophe.
"""

import csv
import io
import re
from contextlib import contextmanager
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from casetagger.atomic import atomic_write
from casetagger.ingest.spool import WindowSpool
from casetagger.inventory.cases import Case, Finding
from casetagger.jsonl import write_jsonl
from casetagger.taxonomy import Taxonomy

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# control characters a workbook cannot hold (those openpyxl refuses); openpyxl itself is imported only
# to write one, so the commands that merely read this module (draft, report) do not pay 0.25 s for it
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
SPOOL_WINDOW = 256  # rows pickled together while a sheet's widths are worked out


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
        sheets.append((_sheet_title(taxonomy.name_da(goal)), rows))
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


def column_widths(rows: Iterable[list[Any]], spool: WindowSpool | None = None) -> tuple[list[int], int]:
    """Each column's width: its longest value (header included) plus 2, kept within 10 and 60;
    and how many rows there are. With ``spool``, the rows are kept there, a window at a time."""
    longest: list[int] = []
    count = 0
    window: list[list[Any]] = []
    for row in rows:
        count += 1
        if spool is not None:
            window.append(row)
            if len(window) == SPOOL_WINDOW:
                spool.add("rows", window)
                window = []
        longest += [0] * (len(row) - len(longest))
        for index, value in enumerate(row):
            if value is not None and len(text := str(value)) > longest[index]:
                longest[index] = len(text)
    if spool is not None:
        spool.add("rows", window)
    return [min(WRAP_OVER, max(10, n + 2)) for n in longest], count


@contextmanager
def measured(rows: Iterable[list[Any]]) -> Iterator[tuple[list[int], int, Iterable[list[Any]]]]:
    """``rows``' column widths and count, and the rows again to write. A list is walked twice; rows
    made as they are read (a store's passages) are kept on disk from the widths' pass, a window at
    a time, rather than read from the store and masked a second time."""
    if isinstance(rows, list):
        yield *column_widths(rows), rows
        return
    spool = WindowSpool("the workbook's rows")
    try:
        widths, count = column_widths(rows, spool)
        yield widths, count, (row for _, window in spool for row in window)
    finally:
        spool.close()


def write_workbook(path: Path, cases: list[Case], passages: Iterable[dict[str, Any]], taxonomy: Taxonomy,
                   findings: Sequence[Finding] = ()) -> None:
    """``passages`` is read once: a list, an iterator, or a store's passages as they are read."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    # Write-only: each row goes straight to the sheet's XML, with no cell objects kept and no second
    # walk over the columns. So what a sheet's XML holds before its rows (widths, frozen panes) is
    # worked out in a first pass over the rows, and only the cells that need a style get a cell object.
    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def styled(sheet: Any, value: Any, **style: Any) -> Any:
        cell = WriteOnlyCell(sheet, value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    for number, (title, sheet_rows) in enumerate(workbook_sheets(cases, passages, taxonomy, findings)):
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "B2" if number == 0 else "A2"
        with measured(sheet_rows) as (widths, count, rows):
            for index, width in enumerate(widths, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = width
            extent = f"A1:{get_column_letter(len(widths))}{count}"
            sheet.auto_filter.ref = extent
            # a write-only sheet has no size of its own; the writer takes <dimension> from this method when
            # a sheet has it, as a normal sheet does: readers in read-only mode (max_row) rely on it
            sheet.calculate_dimension = lambda extent=extent: extent
            written = iter(rows)
            sheet.append([styled(sheet, v, font=bold) for v in next(written)])
            for row in written:
                sheet.append([styled(sheet, v, alignment=wrap) if isinstance(v, str) and len(v) > WRAP_OVER else v
                              for v in row])
    atomic_write(path, lambda tmp: book.save(tmp))


def _sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    return name[:31]
