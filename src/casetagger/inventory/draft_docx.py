"""The follow-up draft as a Word document (python-docx), in Danish.

A title page; one section per goal in the taxonomy's order with its SDGs named, and under it each
case told under that goal (name, sentences, SDGs, reference line); a closing section with the
findings without a name and the documents read only in part. A municipality's own template keeps
its styles, headers, footers and logo: its body is emptied and the draft written into it.
"""

import io
import zipfile
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from casetagger.errors import CasetaggerError, Errors
from casetagger.atomic import atomic_write
from casetagger.inventory.draft import Draft, DraftCase, danish_date
from casetagger.inventory.export import pages_text
from casetagger.inventory.privacy import mask

SUGGESTION = "forslag"  # marks what no analyst has judged yet
TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"
UNREVIEWED_CASE = "Forslag fra casetagger, endnu ikke gennemset af en analytiker."


def open_template(template: Path | None) -> Any:
    """A new document, or the template (.docx or .dotx) with its body emptied (section settings, so headers,
    footers and logo, stay)."""
    if template is None:
        return Document()
    try:
        document = Document(_as_document(template))
    except Exception as error:  # a text file, a zip that is no Word document ...: all one message
        raise CasetaggerError(Errors.E303.format(path=template, detail=type(error).__name__)) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _as_document(template: Path) -> io.BytesIO:
    """The template's bytes; a Word template (.dotx) differs from a .docx in one content type only."""
    data = template.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml")
        if TEMPLATE_TYPE not in types:
            return io.BytesIO(data)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in package.infolist():
                content = package.read(item)
                copy.writestr(item, content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE) if item.filename == "[Content_Types].xml"
                              else content)
    return out


def _paragraph(document: Any, text: str = "", style: str | None = None) -> Any:
    """A paragraph in ``style`` when the document (a template) has it, else in its normal style."""
    return document.add_paragraph(text, style if style and style in document.styles else None)


def _heading(document: Any, text: str, level: int) -> Any:
    return _paragraph(document, text, "Title" if level == 0 else f"Heading {level}")


def _reference(document: Any, label: str, text: str, last: bool = True) -> Any:
    """A line such as "Kilder: plan.pdf s. 2"; lines of one block sit close together."""
    paragraph = _paragraph(document)
    if not last:
        paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(f"{label}: ").bold = True
    run = paragraph.add_run(text)
    run.italic, run.font.size = True, Pt(9)
    return paragraph


def _danish(document: Any) -> None:
    """Spelling and hyphenation in Danish for the whole document."""
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "da-DK")
    rpr.append(lang)


def _names(draft: Draft, labels: Iterable[str], suggested: Collection[str] = frozenset()) -> str:
    return ", ".join(draft.taxonomy.name_da(l) + (f" ({SUGGESTION})" if l in suggested else "") for l in labels)


def _title_page(document: Any, draft: Draft, goals_with_cases: int) -> None:
    _heading(document, f"Opfølgning på {draft.strategy or 'strategien'}", 0)
    _paragraph(document, draft.municipality, "Subtitle")
    _paragraph(document, f"Periode: {draft.period}")
    _paragraph(document, f"Udkast dannet {danish_date(draft.created)} af casetagger, model {draft.model_version}.")
    _paragraph(document, f"{sum(bool(c.goal) for c in draft.cases)} sager under {goals_with_cases} af "
                         f"strategiens {len(draft.taxonomy.goals)} mål.")
    if draft.reviewed_only:
        _paragraph(document, "Udkastet rummer kun sager og mål, som en analytiker har godkendt i casetaggers "
                             "gennemsyn.")
    else:
        _paragraph(document, f"Sager og mål, som ingen analytiker har gennemset endnu, er markeret "
                             f"({SUGGESTION}).")
    _paragraph(document, "Alle sætninger er citeret fra kildedokumenterne; teksten skal læses og redigeres, "
                         "før den afleveres.")
    _paragraph(document).add_run().add_break(WD_BREAK.PAGE)


def _case(document: Any, draft: Draft, case: DraftCase, level: int = 2) -> None:
    _heading(document, case.name, level)
    if not case.accepted:
        _paragraph(document).add_run(UNREVIEWED_CASE).italic = True
    _paragraph(document, " ".join(case.sentences))
    # an unreviewed case is a suggestion as a whole; in an accepted one, only its unjudged labels
    suggested = case.suggested if case.accepted else set()
    if case.sdgs:
        _reference(document, "Verdensmål", _names(draft, case.sdgs, suggested), last=False)
    if len(case.goals) > 1 or case.goal in suggested:  # the section's heading names a single goal
        _reference(document, "Mål", _names(draft, case.goals, suggested), last=False)
    _reference(document, "Kilder", pages_text({s["document"]: s["pages"] for s in case.sources}))


def write_draft(draft: Draft, out: Path, template: Path | None = None) -> None:
    document = open_template(template)
    _danish(document)
    # a template's own author and title would be wrong here (and may name a person)
    properties = document.core_properties
    properties.title = f"Opfølgning på {draft.strategy or 'strategien'}, {draft.period}"
    properties.author = properties.last_modified_by = "casetagger"
    properties.subject, properties.comments = draft.municipality, ""
    _title_page(document, draft, sum(bool(draft.cases_of(g)[0]) for g in draft.taxonomy.goals))
    for goal in draft.taxonomy.goals:
        _heading(document, draft.taxonomy.name_da(goal), 1)
        sdgs = draft.taxonomy.goal_sdgs.get(goal, [])
        if sdgs:
            _reference(document, "Målet tager udgangspunkt i verdensmålene", _names(draft, sdgs))
        told, elsewhere = draft.cases_of(goal)
        if not told and not elsewhere:
            _paragraph(document, "Ingen sager fundet i perioden.")
        for case in told:
            _case(document, draft, case)
        if elsewhere:
            _heading(document, "Sager under et andet mål, som også bidrager her", 3)
            for case in elsewhere:
                mark = f" ({SUGGESTION})" if goal in case.suggested else ""
                _paragraph(document, f"{case.name}{mark}, se {draft.taxonomy.name_da(case.goal)}", "List Bullet")
    _closing(document, draft)
    atomic_write(out, lambda tmp: document.save(str(tmp)))


def _closing(document: Any, draft: Draft) -> None:
    _heading(document, "Fund uden navn og delvist læste dokumenter", 1)
    without_goal = [c for c in draft.cases if not c.goal]
    if without_goal:
        _heading(document, "Sager kun med verdensmål", 2)
        _paragraph(document, "Sager, der bidrager til verdensmål, men ikke til et af strategiens mål.")
        for case in without_goal:
            _case(document, draft, case, level=3)
    if draft.left_out:
        _paragraph(document, f"{draft.left_out} sager er udeladt, fordi ingen analytiker har godkendt dem endnu.")
    _heading(document, "Fund uden navn", 2)
    if not draft.findings:
        _paragraph(document, "Ingen: alle mærkede afsnit hører til en navngiven sag.")
    else:
        _paragraph(document, "Afsnit, der beskriver en indsats uden at nævne den ved navn. Giv dem et navn eller "
                             "knyt dem til en sag i casetaggers gennemsyn.")
    for finding in draft.findings:
        _paragraph(document, mask(finding.excerpt), "List Bullet")
        goals = [l for l in draft.taxonomy.ids if l in finding.labels]
        _reference(document, "Kilde", pages_text({mask(Path(finding.file).name): set(finding.pages)})
                   + (f" · {SUGGESTION}: {_names(draft, goals)}" if goals else ""))
    _heading(document, "Delvist læste dokumenter", 2)
    if not draft.partial:
        _paragraph(document, "Ingen: alle dokumenter er læst helt.")
    for summary in draft.partial:
        name = Path(summary["file"]).name
        if summary["status"] == "FAILURE":
            text = f"{name}: ikke læst ({'; '.join(summary['errors'])})"
        else:
            scanned = summary.get("scanned_pages") or []
            text = f"{name}: læst delvist" + (f", skannede sider uden tekst: s. {', '.join(map(str, scanned))}"
                                              if scanned else f" ({'; '.join(summary['errors'] + summary['warnings'])})")
        _paragraph(document, text, "List Bullet")
