"""Acceptance: a six-page council agenda comes back as the paragraphs an analyst would cut."""

import re

import pytest
from council import COUNCIL_AGENDA
from pdfgen import Heading, build_pdf, expected_passages

from casetagger.ingest import Status, parse_document


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def result(council_pdf):
    return parse_document(council_pdf)


def test_ingest_recovers_every_paragraph_exactly(result):
    got = [(p["headings"], normalise(p["text"])) for p in result.passages]
    expected = [(path, normalise(text)) for path, text in expected_passages(COUNCIL_AGENDA)]
    assert got == expected


def test_ingest_drops_running_headers_footers_and_page_numbers(result):
    for passage in result.passages:
        assert "Økonomiudvalget Dagsorden" not in passage["text"]
        assert "Gladsaxe Kommune •" not in passage["text"]
        assert not re.search(r"\bSide \d", passage["text"])


def test_ingest_finds_all_headings(result):
    found = {h for p in result.passages for h in p["headings"]}
    expected = {e.text for e in COUNCIL_AGENDA if isinstance(e, Heading)}
    expected |= {e.heading.text for e in COUNCIL_AGENDA if hasattr(e, "heading")}
    assert expected == found


def test_ingest_keeps_elided_compound_hyphens(result):
    text = " ".join(p["text"] for p in result.passages)
    for compound in ("uddannelses- eller erhvervsparate", "Børne- og ungeområdet", "Sundheds- og omsorgsudvalget",
                     "Kultur-, fritids- og idrætsudvalget", "Teknik- og miljøforvaltningen"):
        assert compound in text
    # and joins the typesetter's hyphens
    for word in ("bæredygtige", "rekrutteringsudfordringer", "spørgeskemaundersøgelse", "arbejdspladsen"):
        assert word in text


def test_ingest_generator_really_breaks_lines_at_hyphens(tmp_path):
    """Guards the test above: the fixture must put both kinds of hyphen at line ends."""
    writer = build_pdf(tmp_path / "x.pdf", COUNCIL_AGENDA)
    assert "uddannelses-" in writer.line_end_hyphens and "Børne-" in writer.line_end_hyphens
    assert len(writer.line_end_hyphens) >= 6


def test_ingest_paragraph_across_columns_and_pages(result):
    across_columns = next(p for p in result.passages if p["text"].startswith("Klimatilpasningen følger"))
    assert across_columns["text"].endswith("ingen kældre i området blev oversvømmet.")
    assert across_columns["pages"] == [3] and len(across_columns["bboxes"]) == 1
    across_pages = [p for p in result.passages if len(p["pages"]) > 1]
    assert [p["pages"] for p in across_pages] == [[1, 2]]
    assert across_pages[0]["text"].startswith("Udvalgene har tidligere drøftet")


def test_ingest_reports_scanned_page(result):
    assert result.pages == 6
    assert result.scanned_pages == [4]
    assert result.status is Status.PARTIAL
    assert any("scanned" in w for w in result.warnings)


def test_ingest_provenance_and_stable_ids(council_pdf, result):
    again = parse_document(council_pdf)
    assert [p["id"] for p in again.passages] == [p["id"] for p in result.passages]
    assert len({p["id"] for p in result.passages}) == len(result.passages)
    for p in result.passages:
        assert p["doc_id"] == result.doc_id and len(p["doc_id"]) == 64
        x0, top, x1, bottom = p["bbox"]
        assert 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 842
        assert p["page"] == p["pages"][0]
        assert p["heading"] == p["headings"][-1]


def test_ingest_bullets_stay_with_their_paragraph(result):
    intro = next(p for p in result.passages if "efterspørger:" in p["text"])
    assert intro["text"].count("\n• ") == 3
