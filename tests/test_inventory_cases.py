import pytest

from casetagger.inventory.cases import build_cases, case_names
from casetagger.inventory.export import safe_cell


@pytest.mark.parametrize("text, names", [
    ("Forløbet kaldes Kickstarter til dobbelt bundlinje og bygger på erfaringer.", ["Kickstarter til dobbelt bundlinje"]),
    ("Initiativet Røgfri Idrætstid er udviklet med Kræftens Bekæmpelse.", ["Røgfri Idrætstid"]),
    ("Projektet Unge med kant har siden 2022 hjulpet unge.", ["Unge med kant"]),
    ('Skolerne har startet projektet "Læselyst i Mørkhøj" sammen med Novo Nordisk Fonden.', ["Læselyst i Mørkhøj"]),
    ("I Bagsværd-projektet er 40 borgere kommet i job.", ["Bagsværd-projektet"]),
    ("Sammen med boligselskabet åbner vi Grøn Gård Bagsværd til foråret.", ["Grøn Gård Bagsværd"]),
    ("Gladsaxe Kommune og Region Hovedstaden har holdt møde i Teknik- og Miljøudvalget.", []),
    ("Status for kommunens klimaplan viser, at udledningen er faldet.", []),
])
def test_cases_names_in_text(text, names):
    assert case_names(text) == names


def _passage(i, text, labels, file="a.pdf", page=1, heading="Sagsfremstilling"):
    return {"id": f"p{i}", "text": text, "labels": labels, "scores": {l: 0.5 + i / 100 for l in labels},
            "evidence": {l: ["ord"] for l in labels}, "file": file, "pages": [page], "page": page, "heading": heading,
            "headings": [heading]}


def test_cases_merge_across_passages_and_documents():
    passages = [
        _passage(1, "Projektet Unge med kant hjælper unge mellem 15 og 24 år videre i uddannelse og job.", ["lige", "sdg8"], "a.pdf", 2),
        _passage(2, "Dagsordenen blev godkendt.", [], "a.pdf", 3),
        _passage(3, "Projektet Unge med kant er forlænget til 2028 og udvidet til Bagsværd, hvor flere unge samles.", ["lige", "boern"], "b.pdf", 7),
        _passage(4, "Der plantes 24 nye træer på torvet, og der anlægges bede med blomster til bierne.", ["groen"], "b.pdf", 9, heading="Grønt løft af torvet"),
    ]
    cases = build_cases(passages)
    assert [c.name for c in cases] == ["Grønt løft af torvet", "Unge med kant"]  # best score first
    unge = cases[1]
    assert unge.labels == {"lige", "sdg8", "boern"} and unge.scores["lige"] == 0.53
    assert unge.documents == {"a.pdf": {2}, "b.pdf": {7}} and unge.passages == ["p1", "p3"]
    assert cases[0].from_heading and passages[1]["case"] is None and passages[2]["case"] == "Unge med kant"


def test_cases_nameless_passage_joins_the_case_named_earlier_in_its_agenda_item():
    item = ["Dagsorden", "4. Røgfri haller"]
    passages = [dict(_passage(1, "Initiativet Røgfri Idrætstid gør alle kommunens idrætshaller røgfri i de timer, hvor børn og unge træner.",
                              ["sundhed"]), headings=item + ["Sagsfremstilling"]),
                dict(_passage(2, "Ordningen indføres trinvis fra foråret, og halinspektørerne følger op på overholdelsen af de nye regler.",
                              ["sundhed"]), headings=item + ["Sagsfremstilling"]),
                dict(_passage(3, "Godkendt. Udvalget ønsker en evaluering af ordningen i de mindre foreninger næste år.",
                              ["sundhed"]), headings=item + ["Beslutning"]),
                dict(_passage(4, "Kommunen planter 300 nye træer i parkerne og lader græsset gro vildt langs stierne.",
                              ["groen"]), headings=["Dagsorden", "5. Grønne områder", "Sagsfremstilling"])]
    cases = build_cases(passages)
    assert [p["case"] for p in passages] == ["Røgfri Idrætstid"] * 3 + ["5. Grønne områder"]
    assert {c.name for c in cases} == {"Røgfri Idrætstid", "5. Grønne områder"}


@pytest.mark.parametrize("value, safe", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+45 1234", "'+45 1234"),
                                         ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("Grøn by", "Grøn by"), (3, 3)])
def test_export_escapes_formula_cells(value, safe):
    assert safe_cell(value) == safe


def test_export_strips_control_characters():
    assert safe_cell("Budget\x01 2025\x1b") == "Budget 2025"
