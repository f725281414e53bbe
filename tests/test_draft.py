"""The follow-up draft in Word: structure, sources, masking, sentences from passages, review, template."""

import json
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from pdfgen import Heading, Paragraph, build_pdf
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.inventory.cases import Case, sentences
from casetagger.inventory.draft import build_draft, default_period, latest_decisions, review_case
from casetagger.inventory.draft_docx import UNREVIEWED_CASE, write_draft
from casetagger.inventory.run import run_inventory
from casetagger.review.case_routes import save_edit
from casetagger.review.store import Decision, ReviewStore
from casetagger.taxonomy import Taxonomy

runner = CliRunner()
PERSONAL = re.compile(r"120384|39 57 61 23|39576123|@gladsaxe\.dk")

PLAN = [
    Heading("Handleplan for klima og udsatte borgere 2025", 1),
    Heading("Klimatilpasning i Bagsværd", 2),
    Paragraph("Projektet Regnbede i Bagsværd blev afsluttet i oktober 2025. Kommunen har sammen med "
              "forsyningsselskabet anlagt 14 regnbede langs Bagsværd Hovedgade, så regnvand fra vejen ledes uden om "
              "kloakken ved skybrud. Anlæggene kan tilbageholde 900 kubikmeter vand og er beplantet med "
              "hjemmehørende stauder, der giver levesteder for insekter og gør gaden grønnere. Spørgsmål til "
              "projektleder Mette Holm på tlf. 39 57 61 23 eller mette.holm@gladsaxe.dk."),
    Heading("Boligsocial indsats i Værebro Park", 2),
    Paragraph("Indsatsen Tryg Hverdag i Værebro Park giver udsatte familier en fast kontaktperson og hjælp til "
              "bolig, job og skolegang. Sammen med boligselskabet og frivillige fra Røde Kors har 64 familier fået "
              "støtte i 2025, og antallet af udsættelser er halveret i forhold til året før. Borgeren med CPR-nr. "
              "120384-1234 har gennem Tryg Hverdag fået tilbudt en ny bolig i afdelingen."),
    Heading("Erhvervsservice", 2),
    Paragraph("Kommunen har i år hjulpet 42 nye virksomheder i gang med rådgivning om regnskab, finansiering og "
              "eksport, og jobcentret har formidlet 120 ledige til faste stillinger i lokale virksomheder, som "
              "samtidig har fået hjælp til at rekruttere og fastholde medarbejdere."),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory, council_pdf) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    build_pdf(docs / "Handleplan 120384-1234.pdf", PLAN, header=("Gladsaxe Kommune", "Handleplan 2025"))
    shutil.copy(council_pdf, docs / "dagsorden_2025-03-12.pdf")  # a scanned page: read in part
    out = tmp_path_factory.mktemp("inventory")
    run_inventory([docs], out)
    return out


@pytest.fixture(scope="module")
def drafted(folder, tmp_path_factory) -> tuple[Path, Document]:
    path = tmp_path_factory.mktemp("draft") / "opfoelgning.docx"
    result = runner.invoke(app, ["draft", str(folder), "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path, Document(str(path))


def _cases(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines()]


def _passages(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "passages.jsonl").read_text(encoding="utf-8").splitlines()]


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _case_blocks(document, names) -> dict[str, list]:
    """Case name -> the paragraphs under its heading, up to the next heading."""
    blocks, current = {}, None
    for p in document.paragraphs:
        if p.style.name.startswith("Heading") or p.style.name == "Title":
            current = p.text if p.text in names else None
            if current is not None:
                blocks[current] = []
        elif current is not None:
            blocks[current].append(p)
    return blocks


def _told_text(paragraphs) -> list[str]:
    """The paragraphs of a case that quote its passages (not the note, not the reference lines)."""
    return [p.text for p in paragraphs if p.text and p.text != UNREVIEWED_CASE and not p.runs[0].bold]


def test_draft_structure_follows_the_taxonomy(folder, drafted):
    _, document = drafted
    taxonomy = Taxonomy.load()
    title = document.paragraphs[0]
    assert title.style.name == "Title" and title.text == f"Opfølgning på {taxonomy.strategy}"
    front = "\n".join(p.text for p in document.paragraphs[:8])
    assert taxonomy.municipality in front and "Periode: 12. marts 2025" in front
    assert "model casetagger" in front
    goals = [taxonomy.name_da(g) for g in taxonomy.goals]
    assert _headings(document, 1) == goals + ["Fund uden navn og delvist læste dokumenter"]
    texts = [p.text for p in document.paragraphs]
    for goal in taxonomy.goals:  # each goal section names its SDGs right under the heading
        line = texts[texts.index(taxonomy.name_da(goal)) + 1]
        assert line.startswith("Målet tager udgangspunkt i verdensmålene: ")
        assert all(taxonomy.name_da(s) in line for s in taxonomy.goal_sdgs[goal])
    assert "Fund uden navn" in _headings(document, 2) and "Delvist læste dokumenter" in _headings(document, 2)


def test_draft_every_case_with_sdgs_and_sources(folder, drafted):
    _, document = drafted
    taxonomy = Taxonomy.load()
    cases = {c["name"]: c for c in _cases(folder)}
    told = _case_blocks(document, cases)
    assert {"Regnbede i Bagsværd", "Tryg Hverdag"} <= set(told)
    assert set(told) == {n for n, c in cases.items() if set(c["labels"]) & set(taxonomy.ids)}
    for name, paragraphs in told.items():
        lines = {p.runs[0].text: p.text for p in paragraphs if p.runs and p.runs[0].bold}
        sources = lines["Kilder: "]
        for source in cases[name]["sources"]:
            assert f"{Path(source['document']).name} s. {', '.join(map(str, source['pages']))}" in sources
        sdgs = [l for l in taxonomy.sdgs if l in cases[name]["labels"]]
        assert all(taxonomy.name_da(s) in lines.get("Verdensmål: ", "") for s in sdgs)
        assert len(_told_text(paragraphs)) == 1  # one paragraph of its sentences


def test_draft_every_sentence_occurs_in_a_passage(folder, drafted):
    _, document = drafted
    corpus = [" ".join(p["text"].split()) for p in _passages(folder)]
    blocks = _case_blocks(document, {c["name"] for c in _cases(folder)})
    quoted = [t for ps in blocks.values() for t in _told_text(ps)]
    quoted += [p.text for p in document.paragraphs if p.style.name == "List Bullet" and " s. " not in p.text
               and ", se " not in p.text]  # the findings' excerpts, not the documents or pointers
    assert quoted
    pieces = 0
    for text in quoted:
        for part in text.split("…"):
            for a, b in sentences(part):
                sentence = " ".join(part[a:b].split())
                pieces += 1
                assert any(sentence in passage for passage in corpus), sentence
    assert pieces >= 2 * len(blocks) - 2  # two to four sentences per case, mostly


def test_draft_masks_personal_data_and_file_names(drafted):
    path, document = drafted
    with zipfile.ZipFile(path) as package:
        xml = "\n".join(package.read(n).decode("utf-8", "replace") for n in package.namelist() if n.endswith(".xml"))
    assert "Handleplan [CPR-nr.].pdf" in xml  # the file name itself, masked
    assert not PERSONAL.search(xml) and "[CPR-nr.]" in xml


def test_draft_marks_suggestions_and_lists_findings_and_partial_documents(folder, drafted):
    _, document = drafted
    blocks = _case_blocks(document, {c["name"] for c in _cases(folder)})
    assert blocks and all(UNREVIEWED_CASE in [p.text for p in ps] for ps in blocks.values())
    texts = [p.text for p in document.paragraphs]
    partial = texts[texts.index("Delvist læste dokumenter") + 1:]
    assert any(t.startswith("dagsorden_2025-03-12.pdf: læst delvist, skannede sider uden tekst") for t in partial)
    findings = texts[texts.index("Fund uden navn") + 1:texts.index("Delvist læste dokumenter")]
    assert any("42 nye virksomheder" in t for t in findings)
    assert any(t.startswith("Kilde: Handleplan [CPR-nr.].pdf s.") for t in findings)


def _decide(store: ReviewStore, passage: dict, labels: list[str], case_name: str | None, request: str) -> None:
    store.save(Decision(passage["id"], "anna", labels, passage["labels"], passage["scores"], None, case_name),
               0, request)


def test_draft_reviewed_only_keeps_accepted_cases_and_labels(folder, tmp_path):
    reviewed = tmp_path / "reviewed"
    shutil.copytree(folder, reviewed)
    cases = {c["name"]: c for c in _cases(folder)}
    passages = {p["id"]: p for p in _passages(folder)}
    regnbede, tryg = cases["Regnbede i Bagsværd"], cases["Tryg Hverdag"]
    store = ReviewStore(reviewed)
    try:  # Regnbede: its passage accepted with klima only (groen and the SDGs rejected); Tryg Hverdag renamed
        _decide(store, passages[regnbede["passages"][0]], ["klima"], "Regnbede i Bagsværd", "r1")
        save_edit(store, "anna", "rename", {"key": tryg["key"], "name": "Tryg Hverdag for familier"}, "r2")
    finally:
        store.close()
    draft = build_draft(reviewed, reviewed_only=True, period="2. halvår 2025")
    by_name = {c.name: c for c in draft.cases}
    assert set(by_name) <= {"Regnbede i Bagsværd", "Tryg Hverdag for familier"}
    assert by_name["Regnbede i Bagsværd"].goals == ["klima"] and by_name["Regnbede i Bagsværd"].sdgs == []
    assert draft.left_out == len(cases) - len(draft.cases)
    out = tmp_path / "draft.docx"
    write_draft(draft, out)
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert UNREVIEWED_CASE not in texts and "Regnbede i Bagsværd" in texts
    assert any(t.startswith(f"{draft.left_out} sager er udeladt") for t in texts)
    # without --reviewed-only the same folder shows everything, the rejected labels apart
    everything = {c.name: c for c in build_draft(reviewed).cases}
    assert len(everything) == len(cases) and everything["Tryg Hverdag for familier"].accepted
    assert everything["Regnbede i Bagsværd"].accepted and not everything["Regnbede i Bagsværd"].sdgs
    assert all(not c.accepted for name, c in everything.items()
               if name not in ("Regnbede i Bagsværd", "Tryg Hverdag for familier"))


def test_draft_review_case_states():
    case = Case("Kør Sammen", labels={"klima", "sdg13", "sdg11"}, passages=["p1", "p2"],
                parts={"p1": {"file": "a.pdf", "pages": [1], "labels": {"klima": 0.9, "sdg13": 0.8}},
                       "p2": {"file": "a.pdf", "pages": [2], "labels": {"sdg11": 0.7}}})
    decisions = [{"passage_id": "p1", "labels": ["sdg13"], "case_name": None, "not_a_case": False,
                  "updated_at": "2025-01-01"},
                 {"passage_id": "p1", "labels": ["sdg13", "klima", "groen"], "case_name": "kør sammen",
                  "not_a_case": False, "updated_at": "2025-01-02"}]
    review = review_case(case, latest_decisions(decisions), sole={"p1"})
    assert review.accepted and review.labels == {"klima": "accepted", "sdg13": "accepted", "sdg11": "suggested",
                                                 "groen": "accepted"}
    assert set(review.kept(reviewed_only=True)) == {"klima", "sdg13", "groen"}
    rejected = review_case(case, latest_decisions(decisions[:1]), sole=set())
    assert not rejected.accepted and rejected.labels["klima"] == "rejected" and rejected.labels["sdg11"] == "suggested"
    gone = [dict(d, passage_id=p, not_a_case=True, updated_at="2025-02-01") for d, p in zip(decisions, ("p1", "p2"))]
    assert review_case(case, latest_decisions(gone), sole=set()) is None


def test_draft_default_period():
    assert default_period(["dagsorden_2025-03-12.pdf", "referat_2025-11-04.pdf"], date(2026, 1, 5)) \
        == "12. marts – 4. november 2025"
    assert default_period(["a_2024-12-01.pdf", "b_2025-02-03.pdf"], date(2026, 1, 5)) \
        == "1. december 2024 – 3. februar 2025"
    assert default_period(["plan.pdf"], date(2026, 8, 1)) == "2. halvår 2026"


def test_draft_period_ignores_impossible_dates_in_file_names():
    names = ["referat_2025-02-31.pdf", "sag_2025-13-01.pdf", "dagsorden_2025-03-12.pdf"]
    assert default_period(names, date(2026, 1, 5)) == "12. marts 2025"


def test_draft_uses_the_municipalitys_template(folder, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (0, 90, 60)).save(logo)
    template = Document()
    template.styles["Heading 1"].font.name = "Georgia"
    template.styles["Heading 1"].font.size = Pt(20)
    header = template.sections[0].header.paragraphs[0]
    header.text = "Gladsaxe Kommune · Strategi og Analyse"
    header.add_run().add_picture(str(logo))
    template.add_paragraph("Skabelonens eksempeltekst, som skal væk.")
    template.core_properties.author = "Mette Holm"
    saved = tmp_path / "skabelon.docx"
    template.save(str(saved))
    path = tmp_path / "skabelon.dotx"  # as Word saves a template: one content type differs
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w") as dotx:
        for item in source.infolist():
            data = source.read(item)
            dotx.writestr(item, data.replace(b"document.main+xml", b"template.main+xml")
                          if item.filename == "[Content_Types].xml" else data)
    out = tmp_path / "draft.docx"
    result = runner.invoke(app, ["draft", str(folder), "--out", str(out), "--template", str(path)])
    assert result.exit_code == 0, result.output
    document = Document(str(out))
    assert document.styles["Heading 1"].font.name == "Georgia"
    section_header = document.sections[0].header
    assert section_header.paragraphs[0].text.startswith("Gladsaxe Kommune · Strategi og Analyse")
    assert any("image" in rel.reltype for rel in section_header.part.rels.values())  # the logo
    assert "Skabelonens eksempeltekst, som skal væk." not in [p.text for p in document.paragraphs]
    assert document.paragraphs[0].style.name == "Title" and document.core_properties.author == "casetagger"


def test_draft_bad_template_and_missing_inventory_are_coded_errors(folder, tmp_path):
    bad = tmp_path / "skabelon.docx"
    bad.write_text("ikke et Word-dokument", encoding="utf-8")
    result = runner.invoke(app, ["draft", str(folder), "--out", str(tmp_path / "d.docx"), "--template", str(bad)])
    assert result.exit_code == 1 and "[E303]" in result.output and "skabelon.docx" in result.output
    result = runner.invoke(app, ["draft", str(tmp_path / "ingen"), "--out", str(tmp_path / "d.docx")])
    assert result.exit_code == 1 and "[E301]" in result.output
    assert not (tmp_path / "d.docx").exists() and not (tmp_path / "ingen").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (Debian libreoffice-writer-nogui) not installed")
def test_draft_is_valid_word_that_libreoffice_converts(drafted, tmp_path):
    import pypdfium2

    path, _ = drafted
    profile = tmp_path / "profile"  # its own profile: no clash with another LibreOffice running
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = pypdfium2.PdfDocument(str(tmp_path / "opfoelgning.pdf"))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    assert len(pdf) >= 3 and "Opfølgning på" in text and "Mere klimavenlig by" in text and "Kilder:" in text
