"""Regression tests for the layouts of real council PDFs, each on a generated fixture named after it."""

import re

import pytest
from council import (CITY_COUNCIL_HEADER, CITY_COUNCIL_MINUTES, COMMITTEE_HEADER, COMMITTEE_MINUTES, WORD_ANNEX,
                     WORD_ANNEX_HEADER)
from pdfgen import Heading, Paragraph, build_pdf, build_unmapped_pdf, expected_passages

from casetagger.ingest import Status, parse_document
from casetagger.ingest.records import clean_text


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def agenda_system_minutes(tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "agenda_system_minutes_with_contents_page.pdf"
    build_pdf(path, CITY_COUNCIL_MINUTES, header=CITY_COUNCIL_HEADER, footer="")
    return parse_document(path)


@pytest.fixture(scope="module")
def export_system_minutes(tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "export_system_minutes_contents_without_leaders.pdf"
    build_pdf(path, COMMITTEE_MINUTES, header=COMMITTEE_HEADER, footer="")
    return parse_document(path)


@pytest.fixture(scope="module")
def word_annex(tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "word_annex_letterhead_tables_vertical_stamp.pdf"
    build_pdf(path, WORD_ANNEX, header=WORD_ANNEX_HEADER, footer="")
    return parse_document(path)


@pytest.mark.parametrize("minutes", ["agenda_system_minutes", "export_system_minutes"])
def test_layout_contents_heading_is_never_a_parent(request, minutes):
    result = request.getfixturevalue(minutes)
    assert not [p for p in result.passages if "Indholdsfortegnelse" in p["headings"]]
    for passage in result.passages:
        if passage["item"]:
            assert len(passage["headings"]) == 3  # title, item, section
            assert re.match(r"^(Punkt )?\d+[.:]", passage["headings"][1])


@pytest.mark.parametrize("minutes", ["agenda_system_minutes", "export_system_minutes"])
def test_layout_contents_lines_are_not_passages(request, minutes):
    result = request.getfixturevalue(minutes)
    for passage in result.passages:
        assert not re.search(r"\.{4,}", passage["text"])
        assert not re.search(r"^(Punkt )?\d+[.:] .* \d{1,3}$", passage["text"], re.M)


def test_layout_agenda_items_carry_item_number_and_case_number(agenda_system_minutes):
    by_item = {}
    for passage in agenda_system_minutes.passages:
        by_item.setdefault(passage["item"], set()).add(passage["case_number"])
    assert by_item == {"": {""}, "1": {"EMN-2025-00412"}, "2": {"EMN-2024-03188"}, "3": {"EMN-2025-01907"},
                       "4": {"EMN-2023-11506"}}
    assert not any("Sagsnr" in p["text"] for p in agenda_system_minutes.passages)


def test_layout_export_system_case_numbers(export_system_minutes):
    assert {p["case_number"] for p in export_system_minutes.passages} == {"17.01.00-P20-4-25", "17.02.00-A00-9-24"}


def test_layout_running_header_that_names_the_item_is_removed(agenda_system_minutes):
    """The header's second row names the item on each page: it varies, yet it is a running line."""
    for passage in agenda_system_minutes.passages:
        assert "Åbent referat" not in passage["text"]
        assert len(set(passage["headings"])) == len(passage["headings"])  # no item heading twice
    items = [h for p in agenda_system_minutes.passages for h in p["headings"][1:2]]
    assert items == sorted(items)


def test_layout_every_sentence_of_real_layouts_intact(agenda_system_minutes, export_system_minutes, word_annex):
    for result, elements in ((agenda_system_minutes, CITY_COUNCIL_MINUTES), (export_system_minutes, COMMITTEE_MINUTES),
                             (word_annex, WORD_ANNEX)):
        texts = [normalise(p["text"].replace("• ", "")) for p in result.passages]
        for _, expected in expected_passages(elements):
            for part in expected.split("\n"):
                assert any(normalise(part.lstrip("• ")) in t for t in texts), part


def test_layout_budget_table_rows_read_as_header_value(agenda_system_minutes):
    table = next(p for p in agenda_system_minutes.passages if p["kind"] == "table")
    assert table["text"].split("\n") == [
        "Udvalg: Børne- og Skoleudvalget; Budget: 1.214,5; Forventet: 1.216,1; Afvigelse: 1,6",
        "Udvalg: Social- og Sundhedsudvalget; Budget: 982,3; Forventet: 989,9; Afvigelse: 7,6",
        "Udvalg: Teknik- og Miljøudvalget; Budget: 311,8; Forventet: 309,0; Afvigelse: -2,8"]
    assert table["headings"][-1] == "Sagsfremstilling" and table["item"] == "3"


def test_layout_table_beside_paragraph_is_not_interleaved(word_annex):
    beside = next(p for p in word_annex.passages if p["text"].startswith("Antallet af deltagere"))
    assert not re.search(r"\b(2023|2024|2025)\b", beside["text"])
    tables = [p["text"] for p in word_annex.passages if p["kind"] == "table"]
    assert "År: 2023; Deltagere: 85\nÅr: 2024; Deltagere: 190\nÅr: 2025; Deltagere: 260" in tables
    assert any(t.startswith("Indsats: Besøgsvenner; Målgruppe: Borgere over 75 år, der bor alene;") for t in tables)


def test_layout_bold_picture_bullets_stay_in_the_text(word_annex):
    """Bullets drawn as pictures leave bold, set-in lines: they once became headings, lost from the text."""
    intro = next(p for p in word_annex.passages if p["text"].startswith("Forvaltningen foreslår tre nye skridt"))
    assert intro["text"].split("\n")[1:] == ["• Flere frivillige", "• Kontakt efter udskrivning",
                                             "• Fællesskab i boligområderne"]
    assert not any("Flere frivillige" in h for p in word_annex.passages for h in p["headings"])


def test_layout_word_hyphenated_across_column_break(export_system_minutes):
    text = " ".join(p["text"] for p in export_system_minutes.passages)
    assert "samles. Læringscentret skal også bruges af foreningerne" in text


def test_layout_invisible_characters_removed(word_annex):
    text = " ".join(p["text"] for p in word_annex.passages)
    assert "undersøgelse blandt 1.400" in text and "Den første evaluering" in text
    assert not re.search("[\u00ad\u200b\u202a-\u202e]", text)


@pytest.mark.parametrize("raw, clean", [("bin\u00adde", "binde"), ("Ældre\u200bSagen", "ÆldreSagen"),
                                        ("\u202aførste\u202c", "første"), ("\ufeffReferat", "Referat"),
                                        ("bære\u00ad", "bære\u00ad")])
def test_records_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_document_vertical_text_is_partial_with_pages_named(word_annex):
    assert word_annex.status is Status.PARTIAL
    assert any(w.startswith("[W005]") and w.endswith("page(s) 1") for w in word_annex.warnings)
    assert not any("udskrevet" in p["text"] for p in word_annex.passages)


def test_document_every_glyph_unmapped_is_failure_not_success(tmp_path):
    path = tmp_path / "every_glyph_unmapped.pdf"
    build_unmapped_pdf(path, [["Byraadet godkendte planen for de nye cykelstier.", "Arbejdet begynder snart."]] * 2)
    result = parse_document(path)
    assert result.status is Status.FAILURE and not result.passages
    assert "[E018]" in result.errors[0] and "page(s) 1, 2" in result.errors[0]


def test_document_repeated_letters_partial(tmp_path):
    path = tmp_path / "repeated_letters.pdf"
    doubled = " ".join("".join(c * 2 for c in word) for word in
                       "Udvalget besluttede at sende forslaget om nye cykelstier i offentlig høring".split())
    build_pdf(path, [Heading("Referat", 1), Paragraph("Mødet begyndte klokken fem og sluttede klokken syv."),
                     Heading("Sag 2", 2), Paragraph(doubled), Paragraph(doubled)])
    result = parse_document(path)
    assert result.status is Status.PARTIAL
    assert any(w.startswith("[W006]") and "page(s) 1" in w for w in result.warnings)
