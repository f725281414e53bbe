"""The inventory's files: passages.jsonl, cases.csv and inventory.xlsx.

Cell text comes from PDFs, so text that a spreadsheet would read as a formula (= + - @ and
tab or carriage return first) is escaped with a leading apostrophe.
"""

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casetagger.atomic import atomic_write
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


def write_passages(path: Path, passages: list[dict[str, Any]]) -> None:
    write_jsonl(path, passages)


def write_cases_csv(path: Path, cases: list[Case], taxonomy: Taxonomy) -> None:
    rows = [case_row(c, taxonomy) for c in cases]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(case_row(Case("x"), taxonomy)))
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    # utf-8 with BOM: Excel opens it with æøå intact
    atomic_write(path, lambda tmp: tmp.write_text(buffer.getvalue(), encoding="utf-8-sig"))


def write_workbook(path: Path, cases: list[Case], passages: list[dict[str, Any]], taxonomy: Taxonomy,
                   findings: Sequence[Finding] = ()) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    overview = book.active
    overview.title = "Overblik"
    overview.append(["Sager pr. mål og verdensmål"] + [taxonomy.name_da(s) for s in taxonomy.sdgs] + ["Sager i alt"])
    for goal in taxonomy.goals:
        with_goal = [c for c in cases if goal in c.labels]
        overview.append([taxonomy.name_da(goal)] + [sum(s in c.labels for c in with_goal) for s in taxonomy.sdgs]
                        + [len(with_goal)])
    headers = {"case": "Sag", "goals": "Mål", "sdgs": "Verdensmål", "labels": "Etiketter", "scores": "Scorer",
               "best_score": "Bedste score", "documents": "Dokumenter", "pages": "Sider", "passages": "Afsnit",
               "reviewed": "Gennemset", "support": "Belæg", "excerpt": "Uddrag"}
    for goal in taxonomy.goals:
        sheet = book.create_sheet(_sheet_title(taxonomy.name_da(goal)))
        sheet.append(list(headers.values()))
        for case in (c for c in cases if goal in c.labels):
            sheet.append([safe_cell(v) for v in case_row(case, taxonomy).values()])
    sheet = book.create_sheet("Fund uden navn")
    sheet.append(["Id", "Fil", "Side", "Overskrift", "Etiketter", "Uddrag"])
    for f in findings:
        sheet.append([safe_cell(v) for v in (f.passage_id, Path(f.file).name, f.page, f.heading,
                                             " ".join(taxonomy.name_da(l) for l in f.labels), f.excerpt)])
    sheet = book.create_sheet("Alle afsnit")
    sheet.append(["Id", "Fil", "Side", "Overskrift", "Sag", "Etiketter", "Tekst"])
    for p in passages:
        sheet.append([safe_cell(v) for v in (p["id"], Path(p["file"]).name, p["page"], p.get("heading", ""),
                                             p.get("case") or "", " ".join(p["labels"]), p["text"])])
    for sheet in book.worksheets:
        sheet.freeze_panes = "B2" if sheet is overview else "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(sheet.columns, start=1):
            longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))
            for cell in column[1:]:
                if isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    atomic_write(path, lambda tmp: book.save(tmp))


def _sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    return name[:31]
