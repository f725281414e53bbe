from pathlib import Path

import pytest

from casetagger.inventory.cases import build_cases, build_inventory, case_names
from casetagger.inventory.names import NameFilter
from casetagger.taxonomy import Taxonomy
from casetagger.inventory.export import safe_cell, write_workbook


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


def _passage(i, text, labels, file="a.pdf", page=1, heading="Sagsfremstilling", evidence=None, headings=None):
    return {"id": f"p{i}", "text": text, "labels": labels, "scores": {l: 0.5 + i / 100 for l in labels},
            "evidence": evidence or {l: ["ord"] for l in labels}, "file": file, "pages": [page], "page": page,
            "heading": heading, "headings": headings or [heading]}


@pytest.mark.parametrize("text, names", [
    ("Samkørselsinitiativet Kør Sammen Avedøre har fået 380 brugere.", ["Kør Sammen Avedøre"]),
    ("Med indsatsen Utraditionelle jobs har konsulenterne skåret stillinger til.", ["Utraditionelle jobs"]),
    ("STIME er kommunens tværgående indsats for ledige med misbrug.", ["STIME"]),
    ("Klimaskolen har i efteråret haft besøg af 34 klasser.", ["Klimaskolen"]),
    ("Byhaven på Hvidovrevej åbnede i august på en tidligere parkeringsplads.", ["Byhaven på Hvidovrevej"]),
    ('Skolerne deltager i "Læselyst i Mørkhøj", og "Unge med kant" er forlænget.', ["Læselyst i Mørkhøj", "Unge med kant"]),
    ("Direktionen anbefaler, at Unge med kant og Egen Dør videreføres.", ["Unge med kant", "Egen Dør"]),
])
def test_cases_names_from_every_rule(text, names):
    assert case_names(text) == names


@pytest.mark.parametrize("text", [
    "Arbejdet bidrager til målet Mere klimavenlig by og til Lige muligheder for at lykkes i hele kommunen.",
    "Sagen er forelagt Klima- og Miljøudvalget og Teknik- og Miljøforvaltningen til orientering i oktober.",
    "Jobcentret og Sundhedscentret har sammen med Ejendomscenteret holdt møder med de lokale virksomheder.",
    "Projektleder Mette Kjærgaard og formand Jesper Lund fremhæver, at mange unge har søgt om støtte.",
    "Spørgsmål kan rettes til Sofie Bach Nielsen eller til Rasmus Ebbesen i staben for strategi.",
    "Institutionerne har fået Grønt Flag, og nybyggeriet opføres efter DGNB guld og med Svanemærket.",
])
def test_cases_goal_names_departments_people_and_certifications_never_become_cases(text):
    taxonomy = Taxonomy.load()
    goals = [taxonomy.name_da(label) for label in taxonomy.ids]
    assert case_names(text, NameFilter(goals)) == []
    passages = [_passage(1, text, ["klima"])]
    inventory = build_inventory(passages, goal_names=goals)
    assert inventory.cases == [] and [f.passage_id for f in inventory.findings] == ["p1"]


def test_cases_heading_never_becomes_a_case():
    text = ("Under Grønne Byrum i Søborg har Grønne Byrum i Søborg fået nye bede, og der er plantet træer "
            "langs stierne i hele bydelen til glæde for beboerne.")
    inventory = build_inventory([_passage(1, text, ["groen"], heading="Grønne Byrum i Søborg")])
    assert inventory.cases == [] and len(inventory.findings) == 1


def test_cases_passage_naming_two_initiatives_gives_two_cases_with_their_own_labels():
    text = ("Projektet Unge med kant hjælper unge uden job eller uddannelse videre med en fast mentor hver uge. "
            "De unge arbejder i små hold med træ og metal. "
            "Samtidig har Røgfri Fremtid indført røgfri skoletid og gratis rygestop for unge på alle skoler.")
    passage = _passage(1, text, ["lige", "sundhed"],
                       evidence={"lige": ["mentor", "uddannelse"], "sundhed": ["rygestop", "røgfri"]})
    inventory = build_inventory([passage])
    cases = {c.name: c for c in inventory.cases}
    assert set(cases) == {"Unge med kant", "Røgfri Fremtid"}
    assert cases["Unge med kant"].labels == {"lige"} and cases["Røgfri Fremtid"].labels == {"sundhed"}
    assert [s.text for s in cases["Røgfri Fremtid"].support["sundhed"]] == [text.split(". ")[-1]]
    assert "træ og metal" in " ".join(s.text for s in cases["Unge med kant"].support["lige"]) or \
        cases["Unge med kant"].support["lige"][0].text.startswith("Projektet Unge med kant")
    mention = cases["Unge med kant"].mentions[0]
    assert text[mention.start:mention.end] == "Unge med kant"
    assert passage["case_names"] == ["Unge med kant", "Røgfri Fremtid"]


def test_cases_scorer_decides_which_case_a_label_belongs_to():
    text = ("Initiativet Grøn Gård Bagsværd leder regnvand til regnbede i gården. "
            "Initiativet Familieankeret hjælper udsatte familier med råd og netværk.")
    passage = _passage(1, text, ["klima", "lige"])

    def scorer(texts):
        return [{"klima": 0.9 if "regnvand" in t else 0.1, "lige": 0.8 if "udsatte" in t else 0.2} for t in texts]

    cases = {c.name: c for c in build_inventory([passage], scorer, {"klima": 0.5, "lige": 0.5}).cases}
    assert cases["Grøn Gård Bagsværd"].labels == {"klima"} and cases["Familieankeret"].labels == {"lige"}


def test_cases_merge_across_passages_and_documents():
    passages = [
        _passage(1, "Projektet Unge med kant hjælper unge mellem 15 og 24 år videre i uddannelse og job.", ["lige", "sdg8"], "a.pdf", 2),
        _passage(2, "Dagsordenen blev godkendt.", [], "a.pdf", 3),
        _passage(3, "Projektet Unge med kant er forlænget til 2028 og udvidet til Bagsværd, hvor flere unge samles.", ["lige", "boern"], "b.pdf", 7),
    ]
    cases = build_cases(passages)
    assert [c.name for c in cases] == ["Unge med kant"]
    unge = cases[0]
    assert unge.labels == {"lige", "sdg8", "boern"} and unge.scores["lige"] == 0.53
    assert unge.documents == {"a.pdf": {2}, "b.pdf": {7}} and unge.passages == ["p1", "p3"]
    assert unge.sources == [{"document": "a.pdf", "pages": [2]}, {"document": "b.pdf", "pages": [7]}]
    assert passages[1]["case"] is None and passages[2]["case"] == "Unge med kant"


def test_cases_no_inheritance_without_a_continuing_reference():
    item = ["Dagsorden", "4. Røgfri haller"]
    passages = [_passage(1, "Initiativet Røgfri Idrætstid gør alle kommunens idrætshaller røgfri i de timer, hvor børn og unge træner.",
                         ["sundhed"], headings=item + ["Sagsfremstilling"]),
                _passage(2, "Ordningen indføres trinvis fra foråret, og halinspektørerne følger op på overholdelsen af de nye regler.",
                         ["sundhed"], headings=item + ["Sagsfremstilling"]),
                _passage(3, "Kommunen tilbyder samtidig gratis rygestop til alle forældre i hallerne, og tilbuddet annonceres bredt.",
                         ["sundhed"], headings=item + ["Sagsfremstilling"])]
    inventory = build_inventory(passages)
    assert [p["case"] for p in passages] == ["Røgfri Idrætstid", "Røgfri Idrætstid", None]
    assert [f.passage_id for f in inventory.findings] == ["p3"]


def test_cases_person_names_in_a_case_name_are_rejected_and_contact_data_masked():
    assert case_names("Projektet blev ledet af Mette Holm og Anders Bach Jensen, der har fået ros.") == []
    passages = [_passage(1, 'Projektet "Ring 12 34 56 78 for hjælp" giver ældre en fast telefonven hver uge hele året.', ["sundhed"])]
    assert [c.name for c in build_cases(passages)] == ["Ring [telefon] for hjælp"]


@pytest.mark.parametrize("value, safe", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+45 1234", "'+45 1234"),
                                         ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("Grøn by", "Grøn by"), (3, 3)])
def test_export_escapes_formula_cells(value, safe):
    assert safe_cell(value) == safe


def test_export_strips_control_characters():
    assert safe_cell("Budget\x01 2025\x1b") == "Budget 2025"


def test_export_strips_every_character_openpyxl_refuses():
    """Our own pattern, so that reading the export module does not import openpyxl."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = "x" + "".join(map(chr, range(0x2000)))  # "x": no formula escape
    assert safe_cell(text) == ILLEGAL_CHARACTERS_RE.sub("", text)


def test_export_workbook_keeps_bold_headers_panes_filters_widths_and_wrap(tmp_path, taxonomy):
    """What the analyst's workbook looks like, read back as any reader would: written a row at a
    time, each of these is set by hand and is easily lost."""
    from openpyxl import load_workbook

    from casetagger.inventory.cases import Case, Finding

    long_text = "Kommunen etablerer et nyt regnvandsbassin i Vestparken, som tager toppen af skybrud. " * 2
    case = Case("Regnvand i Vestparken", labels={"klima", "sdg13"}, scores={"klima": 0.91},
                documents={"/data/teknik_og_miljoe_referat.pdf": {3}}, passages=["p1"], excerpt=long_text, best=0.91)
    passages = [{"id": "p1", "file": "/data/teknik_og_miljoe_referat.pdf", "page": 3, "heading": "Klima",
                 "case": case.name, "labels": ["klima"], "text": long_text},
                {"id": "p2", "file": "/data/kort.pdf", "page": 1, "labels": [], "text": "=kort tekst"}]
    finding = Finding("p2", "/data/kort.pdf", 1, [1], "", ["klima"], {"klima": 0.7}, "kort tekst")
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [case], passages, taxonomy, [finding])

    book = load_workbook(path)
    assert book.sheetnames == ["Overblik"] + [taxonomy.name_da(g)[:31] for g in taxonomy.goals] + ["Fund uden navn",
                                                                                                  "Alle afsnit"]
    overview, goal, every = book["Overblik"], book[taxonomy.name_da("klima")], book["Alle afsnit"]
    assert overview.freeze_panes == "B2" and goal.freeze_panes == every.freeze_panes == "A2"
    assert every.auto_filter.ref == "A1:G3" and goal.auto_filter.ref == "A1:L2"
    assert all(cell.font.b for cell in every[1]) and not every["A2"].font.b
    assert [c.value for c in every[3]] == ["p2", "kort.pdf", 1, None, None, None, "'=kort tekst"]
    # widths as Excel shows them; the file holds each with the cell's padding added (30.71 for 30)
    width = {column: int(every.column_dimensions[column].width) for column in "ABG"}
    assert width == {"A": 10, "B": len("teknik_og_miljoe_referat.pdf") + 2, "G": 60}
    assert every["G2"].alignment.wrap_text and every["G2"].alignment.vertical == "top"
    assert not every["G3"].alignment.wrap_text and not every["G1"].alignment.wrap_text
    assert goal["L2"].value == long_text and goal["L2"].alignment.wrap_text
    # the <dimension> a normal workbook has: readers in read-only mode take the sheet's size from it
    assert load_workbook(path, read_only=True)["Alle afsnit"].max_row == 3
    # the passages are read once: given as an iterator, the last sheet is the same, not headers only
    again = tmp_path / "again.xlsx"
    write_workbook(again, [case], iter(passages), taxonomy, [finding])
    rows = [list(sheet.iter_rows(values_only=True)) for sheet in (load_workbook(again)["Alle afsnit"], every)]
    assert rows[0] == rows[1] and len(rows[0]) == 3
    assert load_workbook(again)["Alle afsnit"].column_dimensions["B"].width == every.column_dimensions["B"].width


def test_export_workbook_keeps_text_that_looks_like_a_link_or_a_number_as_text(tmp_path, taxonomy):
    """Cell text comes from PDFs: a web address stays text, not a link (a sheet holds at most
    65,530), and "2030" or "12,5" stay what the document says, not numbers."""
    from openpyxl import load_workbook

    passages = [{"id": "p1", "file": "/data/plan.pdf", "page": 2, "heading": "2030", "labels": [],
                 "text": "https://www.kommune.dk/klimaplan"},
                {"id": "p2", "file": "/data/plan.pdf", "page": 3, "labels": [], "text": "12,5"}]
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [], passages, taxonomy)
    every = load_workbook(path)["Alle afsnit"]
    assert [every["D2"].value, every["G2"].value, every["G3"].value] == ["2030", "https://www.kommune.dk/klimaplan", "12,5"]
    assert every["G2"].hyperlink is None and every["C2"].value == 2


def test_export_workbook_keeps_text_that_looks_like_rich_text_as_text(tmp_path, taxonomy):
    """XlsxWriter puts a string that begins "<r>" and ends "</r>" into the sheet's XML unescaped, as
    its own rich text: from a PDF, such a passage broke the workbook or became a formula."""
    from openpyxl import load_workbook

    texts = ["<r>a < b</r>", "<r>ikke formateret</r>", '<r><c r="H2"><f>1+1</f></c></r>']
    passages = [{"id": f"p{i}", "file": "a.pdf", "page": 1, "labels": [], "text": t} for i, t in enumerate(texts)]
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [], passages, taxonomy)
    every = load_workbook(path)["Alle afsnit"]
    assert [every.cell(row, 7).value for row in (2, 3, 4)] == texts
    assert every["H2"].value is None


def test_export_workbook_names_every_sheet_as_excel_allows(tmp_path):
    """Goal names come from the municipality's taxonomy: two alike in their first 31 characters or
    in all but case, one named as a fixed sheet, one in apostrophes each stopped the workbook."""
    from openpyxl import load_workbook

    from casetagger.inventory.cases import Case

    names = ["Mere klimavenlig by med vedvarende energi", "Mere klimavenlig by med vedvarende varme", "Klima",
             "KLIMA", "Overblik", "'Sundhed'", "Sundhed og trivsel for alle 🌍 borgere i kommunen"]
    labels = [{"id": f"g{i}", "name_da": n, "kind": "goal"} for i, n in enumerate(names)]
    taxonomy = Taxonomy.from_dict({"name": "test", "labels": labels + [{"id": "sdg13", "name_da": "Klima", "kind": "sdg"}]})
    case = Case("Regnvand i Vestparken", labels={"g0", "g1"}, scores={"g0": 0.9}, documents={"a.pdf": {1}},
                passages=["p1"], excerpt="Kommunen bygger et bassin.", best=0.9)
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [case], [], taxonomy)
    titles = load_workbook(path).sheetnames
    assert titles == ["Overblik", "Mere klimavenlig by med vedvare", "Mere klimavenlig by med ved (2)", "Klima",
                      "KLIMA (2)", "Overblik (2)", "Sundhed", titles[7], "Fund uden navn", "Alle afsnit"]
    assert len(titles[7].encode("utf-16-le")) <= 62 and titles[7].startswith("Sundhed og trivsel")
    assert load_workbook(path)[titles[2]]["A2"].value == "Regnvand i Vestparken"


def test_export_workbook_goes_on_to_a_second_sheet_past_excels_last_row(tmp_path, taxonomy, monkeypatch):
    """A sheet holds 1,048,576 rows; XlsxWriter drops those after it without a word. An archive's
    passages go on to "Alle afsnit (2)", under the same header."""
    from openpyxl import load_workbook

    from casetagger.inventory import export

    monkeypatch.setattr(export, "SHEET_ROWS", 3)
    passages = [{"id": f"p{i}", "file": "a.pdf", "page": i, "labels": [], "text": f"Afsnit {i}."} for i in range(5)]
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [], iter(passages), taxonomy)
    book = load_workbook(path)
    parts = [list(book[title].iter_rows(values_only=True)) for title in ("Alle afsnit", "Alle afsnit (2)", "Alle afsnit (3)")]
    assert [len(rows) for rows in parts] == [3, 3, 2] and all(rows[0][0] == "Id" for rows in parts)
    assert [row[0] for rows in parts for row in rows[1:]] == [f"p{i}" for i in range(5)]
    assert book["Alle afsnit (3)"].auto_filter.ref == "A1:G2" and book.sheetnames[-1] == "Alle afsnit (3)"


def test_export_workbook_cuts_a_passage_longer_than_a_cell_holds(tmp_path, taxonomy):
    """Excel holds at most 32,767 characters in a cell and reports a workbook with a longer one as
    damaged: such a passage (a page without paragraph breaks) is cut to fit, by either writer the
    workbook has had; passages.jsonl keeps all of it."""
    from openpyxl import load_workbook

    text = "Vandløbet restaureres over en strækning på fire kilometer. " * 700
    path = tmp_path / "inventory.xlsx"
    write_workbook(path, [], [{"id": "p1", "file": "a.pdf", "page": 1, "labels": [], "text": text}], taxonomy)
    assert load_workbook(path)["Alle afsnit"]["G2"].value == text[:32767]


def test_export_workbook_leaves_nothing_behind_when_it_fails(tmp_path, taxonomy, monkeypatch):
    """The sheets' rows go to temporary files while the workbook is written; an error half-way
    (a bad row, a full disk) leaves neither those nor a workbook."""
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def passages():
        yield {"id": "p1", "file": "a.pdf", "page": 1, "labels": [], "text": "Første afsnit."}
        raise OSError(28, "No space left on device")

    path = tmp_path / "out" / "inventory.xlsx"
    with pytest.raises(OSError, match="space"):
        write_workbook(path, [], passages(), taxonomy)
    assert not list(scratch.iterdir()) and not list(path.parent.iterdir())
    write_workbook(path, [], [{"id": "p1", "file": "a.pdf", "page": 1, "labels": [], "text": "Første afsnit."}], taxonomy)
    assert not list(scratch.iterdir()) and [p.name for p in path.parent.iterdir()] == ["inventory.xlsx"]


def test_cases_build_inventory_refuses_a_document_in_pieces():
    """Passages may stream past a document at a time; a document met twice would be analysed in
    pieces, its names checked against part of its text."""
    a = _passage(1, "Klimaskolen har i efteråret haft besøg af 34 klasser fra kommunens skoler.", ["klima"])
    b = _passage(2, "Byhaven på Hvidovrevej åbnede i august på en tidligere parkeringsplads.", ["groen"], file="b.pdf")
    c = _passage(3, "Klimaskolen fortsætter næste år med et nyt forløb for de ældste klasser.", ["klima"])
    assert build_inventory([a, c, b]).cases
    with pytest.raises(ValueError, match="a.pdf"):
        build_inventory([a, b, c])


class _Scanned:
    """Stands in for a module or a pattern and adds up how many characters its searches were given."""

    def __init__(self, wrapped):
        self.wrapped, self.characters, self.calls = wrapped, 0, 0

    def __getattr__(self, name):
        return getattr(self.wrapped, name)

    def search(self, *args, **kwargs):
        self.calls += 1
        self.characters += len(args[-1] if len(args) > 1 or not hasattr(self.wrapped, "pattern") else args[0])
        return self.wrapped.search(*args, **kwargs)


def test_cases_long_document_names_found_without_rescanning_it(monkeypatch):
    """A 4,574-passage document took 34 s to build cases from (2.8 s now): for every name the text
    before it and the whole document were searched again, so the work grew with the square."""
    from casetagger.inventory import names

    sentence = ("Klimaskolen holder åbent i Søborg, og Fritidspasset giver {n} unge et tilbud. "
                "Projektleder Mette Kjærgaard fortæller, at klimaskolen er godt besøgt. ")
    passages = [{"id": f"p{i}", "file": "lang.pdf", "page": i // 10 + 1, "pages": [i // 10 + 1],
                 "text": " ".join(sentence.format(n=i + k) for k in range(8)), "labels": ["klima"],
                 "scores": {"klima": 0.9}, "headings": [], "heading": "", "evidence": {}} for i in range(300)]
    document = sum(len(p["text"]) + 1 for p in passages)
    role, regex = _Scanned(names.ROLE_BEFORE), _Scanned(names.re)
    monkeypatch.setattr(names, "ROLE_BEFORE", role)
    monkeypatch.setattr(names, "re", regex)
    inventory = build_inventory(passages, None, {}, [])
    assert "Fritidspasset" in [c.name for c in inventory.cases]
    assert "Klimaskolen" not in [c.name for c in inventory.cases]  # "klimaskolen" in lower case: a common noun
    assert regex.characters < 2 * document  # each name looked up in the whole document: ~300 x the document
    assert role.calls and role.characters < 100 * role.calls  # a short look-back per name, not all text before it


TWO_DOCUMENTS = ["Projektet Unge med kant hjælper unge uden job eller uddannelse videre med en fast mentor "
                 "hver uge, og der er ansat to nye medarbejdere i ordningen.",
                 "Projektet har i år fået støtte fra puljen og fortsætter med en ny gruppe på tolv unge fra "
                 "august, hvor også forældrene inddrages.",
                 "Kommunen vil nedbringe udledningen fra egne bygninger og skifter oliefyr ud med varmepumper "
                 "i alle institutioner inden udgangen af næste år.",
                 'Skolerne har startet projektet "Læselyst i Mørkhøj" sammen med biblioteket, og Unge med kant '
                 "besøger klasserne for at fortælle om uddannelse."]


def two_documents() -> list[dict]:
    """Two documents of four tagged passages each: cases named, continued and shared, and a finding."""
    return [dict(_passage(i, text, ["lige"] if i % 2 else ["klima", "lige"], file=file, page=i),
                 id=f"{file}-{i}", doc_id=file.upper()) for file in ("a.pdf", "b.pdf") for i, text in enumerate(TWO_DOCUMENTS)]


def test_cases_documents_analysed_apart_give_the_same_inventory():
    """``casetagger run``'s workers analyse each document's cases beside the tagging and the parent
    only merges. The analyses, through JSON as the store keeps them, must give the inventory that
    the parent built from all passages at once before: ``cases_two_documents.json`` was written by
    that code (build_inventory of commit c32733e)."""
    import json

    from casetagger.inventory.cases import analyse_document

    expected = json.loads((Path(__file__).parent / "texts" / "cases_two_documents.json").read_text(encoding="utf-8"))
    passages = two_documents()
    analyses = {doc: json.loads(json.dumps(analyse_document([p for p in passages if p["doc_id"] == doc])))
                for doc in ("A.PDF", "B.PDF")}
    apart = build_inventory(passages, analyses=analyses)
    assert [c.to_dict() for c in apart.cases] == expected["cases"]
    assert [f.to_dict() for f in apart.findings] == expected["findings"]
    assert [p["case_names"] for p in passages] == expected["case_names"]
    assert passages[1]["case_names"] == ["Unge med kant"]  # it continues the case of the passage before
    together = two_documents()
    assert [c.to_dict() for c in build_inventory(together).cases] == expected["cases"]


def test_cases_document_words_answer_as_a_search_through_the_whole_text():
    """A worker kept a long report's text twice over to look up lower-case uses of a name; the
    document's words and its tokens with other characters now give the same answers."""
    import re

    from casetagger.inventory.names import DocumentWords

    texts = ["Klimaskolen holder åbent, og klimaskolen er gratis.", "Vi laver et co2-regnskab, før 'grønne' tiltag.",
             "CO2-regnskabet (2025) og e-boks-løsningen.", "Sagen om “Byhaven”: byhaven-projektet er slut."]
    words = DocumentWords(texts)
    joined = "\n" + "\n".join(texts)
    for word in ["klimaskolen", "co2-regnskab", "co2", "regnskab", "'grønne'", "grønne'", "e-boks", "boks-løsningen",
                 "“byhaven”", "byhaven", "byhaven-projektet", "(2025)", "2025", "slut.", "åbent,", "-regnskab"]:
        expected = bool(re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", joined))
        assert words.has_word(word) is expected, word


def test_names_broken_stoplist_is_a_coded_error_naming_the_file(tmp_path):
    from casetagger.errors import CasetaggerError

    stoplist = tmp_path / "case_stoplist.yaml"
    stoplist.write_text("udvalg:\n  names: [Økonomiudvalget\n", encoding="utf-8")
    with pytest.raises(CasetaggerError, match=r"^\[E034\] .*case_stoplist\.yaml: case-name stoplist is invalid"):
        NameFilter(stoplist=stoplist)
