"""Danish sentence ends by rule (ingest/sentences.py) and the long-paragraph cut that uses them."""

import pytest

from casetagger.ingest import passages as passages_module
from casetagger.ingest.passages import MAX_WORDS, Passage, split_long
from casetagger.ingest.sentences import sentence_spans
from pdfgen import Heading, Paragraph, build_pdf


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("text", [
    "Skolerne har bl.a. fået nye bøger.",
    "Vi samarbejder med f.eks. Søborg Skole og Gladsaxe Bibliotekerne.",
    "Budgettet er hævet, jf. Bilag 2 om anlæg.",
    "Det koster ca. 3,5 mio. kr. om året.",
    "Sag nr. 5 og pkt. 3 blev behandlet samlet.",
    "Reglen står i § 17, stk. 4 i loven.",
    "Mødet begynder kl. 19 på rådhuset.",
    "Der bruges evt. Midler fra puljen, dvs. Kassen.",
    "Vi søger inkl. Moms og ekskl. Gebyrer, vedr. Projektet iht. Aftalen pga. Forsinkelsen.",
    "Udgiften fordeles hhv. 40 og 60 pct. mellem de to forvaltninger.",
    "Se nærmere s. 14 og fig. 3 i rapporten.",
])
def test_sentences_abbreviations_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentences_amounts_and_units_end_a_sentence_before_a_capital():
    """spaCy's Danish tokenizer keeps "kr." and "pct." whole, so it never ended a sentence there."""
    text = "Anlægget koster 2,5 mio. kr. Beløbet finansieres af kassen. Andelen steg til 71 pct. Det er godt."
    assert sentences(text) == ["Anlægget koster 2,5 mio. kr.", "Beløbet finansieres af kassen.",
                               "Andelen steg til 71 pct.", "Det er godt."]
    assert sentences("Det koster 2 mio. kr. om året og 3 mio. kr. i 2026.") == [
        "Det koster 2 mio. kr. om året og 3 mio. kr. i 2026."]


@pytest.mark.parametrize("text", [
    "Planen træder i kraft den 1. januar 2025 for alle skoler.",
    "Resultatet for 3. kvartal viser et mindreforbrug.",
    "Alle elever i 7.-9. klasse og i 0. klasse deltager.",
    "Høringen løber 22.-24. august og igen 1. juni-31. juli.",
    "Byrådet rykkede fra en 61. til en 44. plads.",
])
def test_sentences_dates_and_ordinals_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentences_numbers_end_a_sentence_unless_they_number_an_item():
    text = "Beløbene fremgår af bilag 4. Forvaltningen har vurderet dem. Mødet sluttede kl. 18. Godkendt."
    assert sentences(text) == ["Beløbene fremgår af bilag 4.", "Forvaltningen har vurderet dem.",
                               "Mødet sluttede kl. 18.", "Godkendt."]
    assert sentences("Sagen blev godkendt. 2. Behandlet uden bemærkninger.") == [
        "Sagen blev godkendt.", "2. Behandlet uden bemærkninger."]
    assert sentences("Punkt 4. Budgetopfølgning for skolerne.") == ["Punkt 4. Budgetopfølgning for skolerne."]
    assert sentences("Indhold\n1. Indledning\n2. Klimaets udvikling") == ["Indhold\n1. Indledning\n2. Klimaets udvikling"]


@pytest.mark.parametrize("text", [
    "Udledningen faldt med 3.5 procent til 1.150 tons.",
    "Mødet holdes kl. 12.00 den 11.9.2025 i salen.",
    "Forbruget var 12.000 MWh i 2024.",
])
def test_sentences_decimals_and_dates_in_figures_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentences_initials_do_not_end_a_sentence_but_words_of_one_letter_do():
    assert sentences("H. C. Andersen skrev eventyr. H.C. Andersen-centret og A.P. Møller Fonden støtter.") == [
        "H. C. Andersen skrev eventyr.", "H.C. Andersen-centret og A.P. Møller Fonden støtter."]
    # "i" closes many a Danish sentence; "HR." and "KL." are names, not abbreviations
    assert sentences("Byen er rar at bo i. Sagen sendes til HR. Taksterne følger KL. Det er alt.") == [
        "Byen er rar at bo i.", "Sagen sendes til HR.", "Taksterne følger KL.", "Det er alt."]


def test_sentences_quotes_stay_with_their_sentence():
    text = 'Hun sagde: »Vi gør det.« Det gjorde de. "Nej," svarede han. – Det var svært, siger Anne.'
    assert sentences(text) == ["Hun sagde: »Vi gør det.«", "Det gjorde de.", '"Nej," svarede han.',
                               "– Det var svært, siger Anne."]


def test_sentences_ellipsis_colon_and_semicolon_do_not_end_a_sentence():
    text = "Han tøvede ... Og så sagde han: Punkt 1 godkendes; Punkt 2 udsættes. Slut."
    assert sentences(text) == ["Han tøvede ... Og så sagde han: Punkt 1 godkendes; Punkt 2 udsættes.", "Slut."]


def test_sentences_questions_items_and_line_breaks():
    text = "Hvem betaler? Kommunen! Orientering fra direktøren. a) Ny hjemmeside. b) Trivselsmåling\nNæste punkt."
    assert sentences(text) == ["Hvem betaler?", "Kommunen!", "Orientering fra direktøren.", "a) Ny hjemmeside.",
                               "b) Trivselsmåling\nNæste punkt."]
    assert sentences("Det koster 14,5 mio. kr.\nskitseprojektet følger.") == [
        "Det koster 14,5 mio. kr.", "skitseprojektet følger."]


def test_sentences_spans_cover_the_text_in_order():
    text = "  Først en sætning. »Så et citat.« (Og en parentes.) Til sidst ... intet mere.\n"
    spans = sentence_spans(text)
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    gaps = [text[b:a] for (_, b), (a, _) in zip(spans, spans[1:])] + [text[:spans[0][0]], text[spans[-1][1]:]]
    assert not "".join(gaps).strip()
    assert sentence_spans("") == [] and sentence_spans("   ") == [] and sentences("Slut. »") == ["Slut. »"]


# A paragraph where spaCy's sentencizer split every sentence right: a regression test that the rule
# cuts it into the same pieces as ingest did with spaCy.
SPACY_WAS_RIGHT = [
    "Forvaltningen har bl.a. gennemgået de kommunale ejendomme med det højeste varmeforbrug.",
    "På den baggrund foreslås det, at der fra den 1. januar 2026 gennemføres energirenovering af to skoler.",
    "Projekterne omfatter f.eks. efterisolering af tag og facader samt udskiftning af vinduer.",
    "Hvordan sikres driften undervejs?",
    "Skolerne bliver inddraget i planlægningen, jf. bilag 3, og eleverne følger arbejdet i 3. kvartal.",
    "Det forventede fald i energiforbruget er ca. 1.150 MWh om året.",
    "Den simple tilbagebetalingstid er beregnet til 11 år.",
    "»Vi glæder os til et bedre indeklima,« siger skolelederen.",
    "Udvalget anbefaler, at sagen sendes videre til Økonomiudvalget.",
]


def test_sentences_long_paragraph_pieces_as_with_spacy(monkeypatch):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    text = " ".join(SPACY_WAS_RIGHT * 5)
    assert len(text.split()) > MAX_WORDS
    ours = [p.text for p in split_long(Passage(text, []))]
    monkeypatch.setattr(passages_module, "sentence_spans",
                        lambda t: [(s.start_char, s.end_char) for s in nlp(t).sents])
    theirs = [p.text for p in split_long(Passage(text, []))]
    assert len(ours) > 1 and ours == theirs
    # the same sentences, but for an opening quote, which spaCy leaves at the end of the sentence before
    assert [s.strip(" »") for s in sentences(text)] == [s.text.strip(" »") for s in nlp(text).sents]


def test_sentences_long_paragraph_parsed_without_spacy(tmp_path, heavy_imports):
    """Ingest loaded spaCy (~1 s, 60 MB per worker) to cut a paragraph over MAX_WORDS words."""
    path = tmp_path / "spacy_loaded_for_long_paragraph.pdf"
    build_pdf(path, [Heading("Energirenovering af skolerne", 1), Paragraph(" ".join(SPACY_WAS_RIGHT * 5))])
    code = ("from pathlib import Path\nfrom casetagger.ingest import parse_document\n"
            f"result = parse_document(Path({str(path)!r}))\n"
            f"assert len(result.passages) > 1 and max(p['n_words'] for p in result.passages) <= {MAX_WORDS}")
    assert "spacy" not in heavy_imports(code)
