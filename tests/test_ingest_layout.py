"""Running headers and footers of other shapes, regression-style, each with its own fixture."""

import pytest
from pdfgen import Heading, Paragraph, build_pdf

from casetagger.ingest import parse_document
from casetagger.ingest.extract import normalise_word

BODY = [
    Heading("Handleplan for trivsel i dagtilbud 2025-2027", 1),
    *[Paragraph(f"Afsnit {n}. " + "Dagtilbuddene arbejder systematisk med børnenes trivsel, og personalet "
                "følger hvert barn tæt gennem hele dagen, så der hurtigt kan sættes ind, hvis et barn "
                "mistrives eller har brug for særlig støtte i fællesskabet. " * 3) for n in range(1, 21)],
]


@pytest.mark.parametrize("footer", ["Side {page} af 4", "- {page} -", "{page}"])
def test_layout_removes_page_number_footers(tmp_path, footer):
    path = tmp_path / "footer.pdf"
    build_pdf(path, BODY, header=("Rødovre Kommune", "Handleplan {page}/4"), footer=footer)
    result = parse_document(path)
    assert result.pages >= 3
    texts = [p["text"] for p in result.passages]
    assert all("Rødovre Kommune" not in t and "Handleplan 2/4" not in t for t in texts)
    for n in range(1, 21):
        assert sum(t.count(f"Afsnit {n}.") for t in texts) == 1
    assert not any(t.rstrip().endswith(("-", "af 4")) for t in texts)


def test_layout_keeps_body_line_that_only_looks_like_a_header(tmp_path):
    """A heading repeated once in the body is not a running header."""
    path = tmp_path / "repeat.pdf"
    build_pdf(path, BODY[:3] + [Heading("Handleplan for trivsel i dagtilbud 2025-2027", 1)] + BODY[3:])
    result = parse_document(path)
    assert sum(p["headings"][0] == "Handleplan for trivsel i dagtilbud 2025-2027" for p in result.passages) == 20


@pytest.mark.parametrize("raw, text", [("(cid:127)", "•"), ("e(cid:31)ekt", "eekt"), ("ﬁnansiering", "finansiering")])
def test_extract_maps_cids_and_ligatures(raw, text):
    assert normalise_word(raw)[0] == text


def test_layout_running_lines_learned_from_first_pages_apply_to_the_rest(tmp_path):
    """Long documents stream: running lines learned from a window still go on later pages."""
    from pathlib import Path

    from casetagger.ingest.extract import iter_pages, open_pdf
    from casetagger.ingest.layout import reading_order

    path = tmp_path / "long.pdf"
    build_pdf(path, BODY, header=("Rødovre Kommune", "Handleplan {page}/4"), footer="Side {page} af 4")
    pdf = open_pdf(path)
    lines = list(reading_order((record for record, _ in iter_pages(pdf, Path(path))), window=2))
    pdf.close()
    assert {line.page for line in lines} >= {1, 2, 3}
    assert not [line.text for line in lines if "Rødovre" in line.text or line.text.startswith("Side ")]


def test_passages_without_sentence_ends_are_cut_to_size(tmp_path):
    """A table-like run of lines with no full stop once became one passage of 26,000 words."""
    rows = [Paragraph(" ".join(f"Konto {n} drift {n * 7} anlæg {n * 3} kr" for n in range(k * 40, k * 40 + 40)))
            for k in range(12)]
    path = tmp_path / "tabel.pdf"
    build_pdf(path, [Heading("Bilag: kontoplan", 1)] + rows)
    result = parse_document(path)
    sizes = [p["n_words"] for p in result.passages]
    assert sum(sizes) == 12 * 40 * 7 and max(sizes) <= 250
