import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent / "texts")]  # pdfgen and the texts

from casework import CASEWORK  # noqa: E402
from council import COUNCIL_AGENDA  # noqa: E402
from pdfgen import build_pdf  # noqa: E402


@pytest.fixture(scope="session")
def council_pdf(tmp_path_factory) -> Path:
    """A six-page council agenda: running lines, headings, hyphens, bullets, columns, a scan."""
    path = tmp_path_factory.mktemp("pdfs") / "council_agenda.pdf"
    build_pdf(path, COUNCIL_AGENDA)
    return path


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """Files a batch meets in the wild: corrupt, encrypted, empty, not a PDF."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    folder = tmp_path_factory.mktemp("bad")
    files = {
        "corrupt": folder / "corrupt.pdf",
        "encrypted": folder / "encrypted.pdf",
        "empty": folder / "empty.pdf",
        "not_pdf": folder / "notes.pdf",
    }
    files["corrupt"].write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage\x00\xff" * 3)
    canvas = Canvas(str(files["encrypted"]), encrypt=StandardEncryption("hemmelig", "ejer", canPrint=0))
    canvas.drawString(72, 720, "Fortroligt bilag til punkt 7")
    canvas.save()
    files["empty"].write_bytes(b"")
    files["not_pdf"].write_text("Referat fra mødet, skrevet i Word og gemt med forkert endelse.", encoding="utf-8")
    return files


@pytest.fixture(scope="session", autouse=True)
def isolated_registry(tmp_path_factory):
    """No test sees or changes a model registry outside the suite's own temporary folder."""
    previous = os.environ.get("CASETAGGER_REGISTRY")
    os.environ["CASETAGGER_REGISTRY"] = str(tmp_path_factory.mktemp("registry"))
    yield
    if previous is None:
        os.environ.pop("CASETAGGER_REGISTRY", None)
    else:
        os.environ["CASETAGGER_REGISTRY"] = previous


@pytest.fixture(scope="session")
def documents(tmp_path_factory, council_pdf, bad_files) -> Path:
    """The run and review tests' folder: an agenda (a page scanned), an action plan with personal data
    and hostile text, a corrupt PDF and a file that is not a PDF."""
    folder = tmp_path_factory.mktemp("documents")
    shutil.copy(council_pdf, folder / "dagsorden.pdf")
    build_pdf(folder / "handleplan.pdf", CASEWORK, header=("Gladsaxe Kommune", "Handleplan"), footer="Side {page}")
    shutil.copy(bad_files["corrupt"], folder / "ødelagt.pdf")
    (folder / "noter.txt").write_text("ikke en pdf", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def inventory(documents, tmp_path_factory):
    """One `casetagger run` of ``documents`` per session, as (folder, CLI result). Tests only read
    it; a test that writes (reviews, reruns) takes ``inventory_copy``."""
    from typer.testing import CliRunner

    from casetagger.cli import app

    out = tmp_path_factory.mktemp("inventory")
    result = CliRunner().invoke(app, ["run", str(documents), "--out", str(out), "--jobs", "2"])
    return out, result


@pytest.fixture
def inventory_copy(inventory, tmp_path) -> Path:
    """This test's own copy of the session's inventory (store, outputs and all)."""
    return Path(shutil.copytree(inventory[0], tmp_path / "inventory"))


@pytest.fixture(scope="session")
def taxonomy():
    from casetagger.taxonomy import Taxonomy

    return Taxonomy.load()


@pytest.fixture(scope="session")
def small_config():
    """Two folds and every term: a model in seconds."""
    from casetagger.model.train import TrainConfig

    return TrainConfig(cv_folds=2, model=dict(TrainConfig.load().model, min_df=1))


@pytest.fixture(scope="session")
def small_corpus():
    """A sixth of the training passages and a quarter of the test split."""
    from casetagger.corpus import load_corpus

    rows = load_corpus()
    return [r for r in rows if r["split"] != "test"][::6] + [r for r in rows if r["split"] == "test"][::4]


@pytest.fixture(scope="session")
def small_model(tmp_path_factory, small_corpus, taxonomy, small_config) -> Path:
    """A model trained once per session on ``small_corpus``, saved: each test loads its own Tagger
    (``Tagger.load(small_model)``), so none sees another's changes to it."""
    from casetagger.model.package import write_model
    from casetagger.model.train import train_tagger

    path = tmp_path_factory.mktemp("small_model") / "casetagger-da"
    write_model(train_tagger(small_corpus, taxonomy, small_config), path)
    return path


# The layout suite's PDFs, parsed by both extractors: pdfium (the default) must cut exactly the
# passages pdfplumber cuts. Every test in these modules checks every PDF it built, after it ran.
COMPARED_MODULES = ("test_ingest_layout", "test_ingest_council", "test_ingest_hyphenation", "test_ingest_pdfium")


COMPARED: set[Path] = set()


def assert_same_passages(path: Path) -> None:
    from casetagger.ingest import IngestOptions, parse_document

    ours = parse_document(path, IngestOptions(extractor="pdfium"))
    theirs = parse_document(path, IngestOptions(extractor="pdfplumber"))
    where = f"{path.name}: pdfium and pdfplumber differ in"
    assert (ours.status, ours.pages, ours.scanned_pages) == (theirs.status, theirs.pages, theirs.scanned_pages), where
    assert [(p["id"], p["text"], p["headings"], p["pages"]) for p in ours.passages] == \
        [(p["id"], p["text"], p["headings"], p["pages"]) for p in theirs.passages], f"{where} passages"
    for a, b in zip(ours.passages, theirs.passages):
        # pdfminer sums /W widths, pdfium the embedded font's advances: a few tenths apart on a line
        assert all(abs(x - y) <= 0.5 for x, y in zip(a["bbox"][:3], b["bbox"][:3])), f"{where} the box of {a['id']}"


@pytest.fixture(autouse=True)
def same_passages_from_both_extractors(request):
    yield
    if request.module.__name__ not in COMPARED_MODULES or request.node.get_closest_marker("extractors_differ"):
        return
    folders = [request.node.funcargs[name] for name in ("tmp_path",) if name in request.node.funcargs]
    pdfs = sorted(pdf for folder in folders for pdf in folder.rglob("*.pdf"))
    if "council_pdf" in request.node.funcargs or "result" in request.node.funcargs:
        pdfs.append(request.getfixturevalue("council_pdf"))
    for pdf in pdfs:
        if pdf not in COMPARED:
            COMPARED.add(pdf)
            assert_same_passages(pdf)


HEAVY_MODULES = ("spacy", "thinc", "matplotlib", "openpyxl", "fastapi", "uvicorn", "sklearn", "skops", "scipy")


@pytest.fixture
def heavy_imports():
    """Run ``code`` in a fresh interpreter; the heavy packages it imported (start-up cost)."""
    import subprocess

    def run(code: str) -> set[str]:
        probe = f"{code}\nimport sys\nprint('IMPORTED', *sorted({{m.split('.')[0] for m in sys.modules}}))"
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert done.returncode == 0, done.stderr
        imported = next(line for line in done.stdout.splitlines() if line.startswith("IMPORTED")).split()[1:]
        return set(imported) & set(HEAVY_MODULES)

    return run
