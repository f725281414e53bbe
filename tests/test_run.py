"""End to end: a folder of PDFs into the inventory, resumable, masked, consistent."""

import csv
import html
import os
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from casework import CASEWORK
from council import COUNCIL_AGENDA
from openpyxl import load_workbook
from pdfgen import build_pdf
from typer.testing import CliRunner

from casetagger.ingest import IngestOptions
from casetagger.inventory.run import run_inventory
from casetagger.resources import DEFAULT_MODEL

runner = CliRunner()
CPR_LIKE = re.compile(r"\b\d{6}-?\d{4}\b")


def test_run_writes_every_output_and_names_the_failure(inventory):
    out, result = inventory
    assert result.exit_code == 1  # the corrupt file failed; the others are in the inventory
    assert "ødelagt.pdf" in result.stderr and "skipped (not a PDF)" in result.stderr
    for name in ("passages.jsonl", "cases.csv", "inventory.xlsx", "report.html", "documents.jsonl"):
        assert (out / name).stat().st_size > 0
    documents = {Path(d["file"]).name: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert documents["ødelagt.pdf"]["status"] == "FAILURE" and documents["dagsorden.pdf"]["status"] == "PARTIAL"
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "ødelagt.pdf" in report and "corrupt or unreadable" in report


def test_run_outputs_agree(inventory):
    out, _ = inventory
    passages = [json.loads(line) for line in (out / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert len(passages) == sum(d["n_passages"] for d in documents)
    with (out / "cases.csv").open(encoding="utf-8-sig") as f:
        cases = list(csv.DictReader(f))
    assert cases and {"Kickstarter til dobbelt bundlinje", "Røgfri Idrætstid", "Tryg Hverdag i Værebro Park"} <= {c["case"] for c in cases}
    named = {name for p in passages for name in p["case_names"]}
    assert named == {c["case"] for c in cases}
    book = load_workbook(out / "inventory.xlsx")
    assert book.sheetnames[0] == "Overblik" and book.sheetnames[-1] == "Alle afsnit"
    assert book["Alle afsnit"].max_row == len(passages) + 1
    assert book["Alle afsnit"].freeze_panes == "A2" and book["Alle afsnit"].auto_filter.ref
    overview = {row[0]: row[-1] for row in book["Overblik"].iter_rows(min_row=2, values_only=True)}
    for goal_name, total in overview.items():
        sheet = book[goal_name[:31]]
        listed = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert sheet.max_row - 1 == total
        assert listed == {c["case"] for c in cases if goal_name in c["goals"]}
    report = (out / "report.html").read_text(encoding="utf-8")
    for case in cases:
        assert html.escape(case["case"], quote=False) in report
    assert report.count("<svg") == 3  # goals, SDGs, heatmap, inline
    assert not re.search(r"(src|href)=[\"']?https?:|url\((?!#)|<link|<script", report)  # nothing loads from a network


def test_run_report_shows_evidence_that_is_in_its_excerpt(inventory):
    """An analyst must find every evidence word in the text printed above it."""
    out, _ = inventory
    report = (out / "report.html").read_text(encoding="utf-8")
    checked = 0
    for block in report.split('<div class="case">')[1:]:
        evidence = re.findall(r"<mark>([^<]+)</mark>", block)
        shown = re.sub(r'<div class="evidence">.*', "", block, flags=re.S)
        for word in evidence:
            assert re.search(rf"\b{re.escape(word)}\b", html.unescape(shown), re.I), word
            checked += 1
    assert checked, "the report shows evidence for some case"


def test_run_masks_personal_data_in_every_output(inventory):
    out, _ = inventory
    texts = [(out / n).read_text(encoding="utf-8") for n in ("passages.jsonl", "cases.csv", "report.html")]
    book = load_workbook(out / "inventory.xlsx")
    texts += [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    for text in texts:
        assert not CPR_LIKE.search(text) and "mette.holm@" not in text and "39 57 61 23" not in text
    assert "[CPR-nr.]" in texts[0] and "[telefon]" in texts[0] and "[e-mail]" in texts[0]
    db = sqlite3.connect(out / "casetagger.sqlite")
    stored = " ".join(r[0] for r in db.execute("SELECT record FROM passages"))
    assert not CPR_LIKE.search(stored)  # the review app reads the store: masked there too


def test_run_escapes_hostile_text(inventory):
    out, _ = inventory
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in report and "<img src=x" not in report
    cells = [c for row in load_workbook(out / "inventory.xlsx")["Alle afsnit"].iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)
    assert any(isinstance(c, str) and c.startswith("'=HYPERLINK") for c in cells)


def test_run_rerun_skips_done_and_new_model_retags(documents, inventory_copy, tmp_path):
    out, folder = inventory_copy, documents  # the session's first run, copied
    first = sum(1 for _ in (out / "passages.jsonl").open(encoding="utf-8"))
    again = run_inventory([folder], out)
    assert [Path(d.file).name for d in again.parsed] == ["ødelagt.pdf"]  # failures are tried again
    assert len(again.skipped_done) == 2 and again.retagged == 0 and again.passages == first
    model = tmp_path / "model-1.0.1"
    shutil.copytree(DEFAULT_MODEL, model)
    card = json.loads((model / "model.json").read_text())
    (model / "model.json").write_text(json.dumps(dict(card, version="1.0.1")))
    retagged = run_inventory([folder], out, model=model)
    assert retagged.retagged == first and len(retagged.parsed) == 1  # only the corrupt one re-parsed
    tags = [json.loads(line)["model"] for line in (out / "passages.jsonl").read_text().splitlines()]
    assert tags and all("@1.0.1#" in t for t in tags)


def test_run_resumes_after_kill(tmp_path):
    """kill -9 in the middle of a run: the rerun finishes, nothing lost, nothing counted twice."""
    folder = tmp_path / "docs"
    folder.mkdir()
    long_agenda = [e for e in COUNCIL_AGENDA if not type(e).__name__ == "ScannedPage"] * 3
    for i in range(4):
        build_pdf(folder / f"dagsorden_{i}.pdf", long_agenda, header=(f"Udvalg {i}", "Dagsorden"))
    out = tmp_path / "inv"
    command = [sys.executable, "-m", "casetagger", "run", str(folder), "--out", str(out), "--jobs", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path, deadline = out / "casetagger.sqlite", time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db_path.exists():
            try:
                stored = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 1:
                break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 1 <= stored < 4, "the run should have been killed part-way"
    result = run_inventory([folder], out)
    assert len(result.skipped_done) >= 1 and len(result.parsed) + len(result.skipped_done) == 4
    db = sqlite3.connect(db_path)
    per_doc = db.execute("SELECT COUNT(*) FROM passages GROUP BY doc_id").fetchall()
    assert len(per_doc) == 4 and len({n for (n,) in per_doc}) == 1  # identical documents, identical counts
    ids = [json.loads(line)["id"] for line in (out / "passages.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 4 * per_doc[0][0]


def test_run_masks_personal_data_in_file_names(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    build_pdf(folder / "Klage 010190-1234 tlf 12345678.pdf", CASEWORK[:3], header=("Gladsaxe Kommune", "Klage"))
    (folder / "Bilag 020290-4321.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    run_inventory([folder], out)
    for name in ("passages.jsonl", "cases.csv", "report.html", "documents.jsonl"):
        text = (out / name).read_text(encoding="utf-8")
        assert "010190" not in text and "020290" not in text and "12345678" not in text, name
    cells = [str(c) for sheet in load_workbook(out / "inventory.xlsx") for row in sheet.iter_rows(values_only=True)
             for c in row if c]
    assert not [c for c in cells if "010190" in c or "12345678" in c]


def test_run_later_success_replaces_earlier_timeout(tmp_path, council_pdf, monkeypatch):
    """A timeout is stored under the file's path (no hash yet); it must not linger once the file parses."""
    from casetagger.ingest import BatchLimits, batch

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(council_pdf, folder / "dagsorden.pdf")
    real = batch.parse_document
    monkeypatch.setattr(batch, "parse_document", lambda path, options, hashed=None, **kw: time.sleep(30))
    first = run_inventory([folder], tmp_path / "out", limits=BatchLimits(jobs=1, timeout=1.0))
    assert [d.status.value for d in first.parsed] == ["FAILURE"]
    monkeypatch.setattr(batch, "parse_document", real)
    second = run_inventory([folder], tmp_path / "out")
    documents = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert [d["status"] for d in documents] == ["PARTIAL"] and second.documents == 1
    # asking for OCR now reads the partly scanned document again
    third = run_inventory([folder], tmp_path / "out", options=IngestOptions(ocr=True))
    assert [Path(d.file).name for d in third.parsed] == ["dagsorden.pdf"]


def test_run_empty_folder_is_an_error(tmp_path):
    from casetagger.errors import CasetaggerError

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CasetaggerError, match=r"\[E019\] no PDF files found"):
        run_inventory([empty], tmp_path / "out")


def test_run_lists_skipped_files_with_reason_in_danish_without_full_path(tmp_path, council_pdf):
    folder = tmp_path / "skipped_non_pdf_in_folder"
    folder.mkdir()
    (folder / "agenda.pdf").write_bytes(council_pdf.read_bytes())
    (folder / "bilag.docx").write_bytes(b"PK\x03\x04 not a pdf")
    out = tmp_path / "out"
    run_inventory([folder], out)
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    skipped = [d for d in docs if d["status"] == "SKIPPED"]
    assert [Path(d["file"]).name for d in skipped] == ["bilag.docx"] and skipped[0]["reason"] == "not a PDF"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Filer, der ikke blev læst" in html and "bilag.docx" in html and "ikke en PDF-fil" in html
    assert str(folder / "bilag.docx") not in html and "<td>bilag.docx</td><td>ikke en PDF-fil</td>" in html


def test_run_hashes_each_document_once(tmp_path, council_pdf, monkeypatch):
    """The parent hashed every PDF to skip stored ones, then its worker read the file again to hash it."""
    from casetagger.ingest import document
    from casetagger.inventory import run

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(2):
        shutil.copy(council_pdf, folder / f"dagsorden_{i}.pdf")
    log = tmp_path / "hashed.log"
    real = document.file_sha256

    def counting(path):
        with log.open("a") as f:  # the workers are other processes: they count in the file
            f.write(f"{Path(path).name}\n")
        return real(path)

    monkeypatch.setattr(document, "file_sha256", counting)
    monkeypatch.setattr(run, "file_sha256", counting, raising=False)  # where the parent once called it
    result = run_inventory([folder], tmp_path / "out")
    assert len(result.parsed) == 2 and all(d.doc_id == real(Path(d.file)) for d in result.parsed)
    assert sorted(log.read_text().split()) == ["dagsorden_0.pdf", "dagsorden_1.pdf"]


def test_run_loads_evidence_word_lists_before_workers_fork():
    """Each worker once imported spaCy (~0.5 s) for the evidence stop words and lemmas at its first
    tagged passage; the parent loads them once, before the fork, and the workers share them."""
    from casetagger.inventory.worker_tagging import TagInWorker
    from casetagger.model import linear, text
    from casetagger.model.tagger import Tagger

    tagger = Tagger.load(DEFAULT_MODEL)
    linear._evidence_stopwords.cache_clear()
    text.danish_lemmas.cache_clear()
    TagInWorker(tagger)
    assert linear._evidence_stopwords.cache_info().currsize == 1
    assert not tagger.model.lemmas or text.danish_lemmas.cache_info().currsize == 1


def test_run_cases_analysed_in_workers_equal_cases_analysed_in_parent(inventory_copy, monkeypatch):
    """The workers analyse each document's cases and the parent only merges them; without the stored
    analyses (a store re-tagged by a new model), or with analyses made by other case rules, the
    parent analyses the documents itself, to the same inventory."""
    from casetagger.inventory import cases
    from casetagger.inventory.run import report_inventory

    out = inventory_copy
    with sqlite3.connect(out / "casetagger.sqlite") as db:
        analysed = {row[0] for row in db.execute("SELECT doc_id FROM case_analyses")}
        with_parts = {row[0] for row in db.execute("SELECT DISTINCT doc_id FROM case_parts")}
        parsed = {row[0] for row in db.execute("SELECT DISTINCT doc_id FROM passages")}
    assert analysed == with_parts == parsed and len(parsed) == 2
    before = {name: (out / name).read_bytes() for name in ("cases.jsonl", "cases.csv", "passages.jsonl")}

    def not_here(*args, **kwargs):
        raise AssertionError("the parent analysed a document the workers had analysed")

    monkeypatch.setattr(cases, "analyse_document", not_here)
    report_inventory(out)
    assert {name: (out / name).read_bytes() for name in before} == before
    monkeypatch.undo()
    with sqlite3.connect(out / "casetagger.sqlite") as db:  # as an older casetagger's rules left them
        db.execute("UPDATE case_analyses SET rules = 'older'")
        db.execute("DELETE FROM case_parts")
    report_inventory(out)
    assert {name: (out / name).read_bytes() for name in before} == before
    with sqlite3.connect(out / "casetagger.sqlite") as db:
        db.execute("DELETE FROM case_analyses")
    report_inventory(out)
    assert {name: (out / name).read_bytes() for name in before} == before


def test_run_worker_sends_encoded_passages_the_store_keeps_as_records(council_pdf, tmp_path, monkeypatch):
    """The parent, which every worker waits for, once masked and encoded each passage again and
    found its cases: the worker now sends the store's rows and case analysis, in memory or in a
    spool whose file the parent is handed, and they store what the records store."""
    from casetagger.ingest import document
    from casetagger.ingest.document import parse_document
    from casetagger.inventory.worker_tagging import TagInWorker
    from casetagger.inventory.store import RunStore
    from casetagger.model.tagger import Tagger

    monkeypatch.setattr(document, "WINDOW", 7)  # several windows, also in a short document
    tagger = Tagger.load(DEFAULT_MODEL)
    results = {"encoded": TagInWorker(tagger)(parse_document(council_pdf, IngestOptions())),
               "records": TagInWorker(tagger, encode=False)(parse_document(council_pdf, IngestOptions()))}
    for name, spool in (("windowed", False), ("spooled", True)):
        finish = TagInWorker(tagger, spool=spool)  # as a batch's worker uses it: windows, then the result
        results[name] = finish(parse_document(council_pdf, IngestOptions(), sink=finish.take))
    assert all(r.passages == [] for name, r in results.items() if name != "records")
    assert len({r.n_passages for r in results.values()}) == 1 and results["records"].n_passages > 10
    assert results["encoded"].encoded == results["windowed"].encoded
    spooled = results["spooled"]
    assert spooled.encoded.rows is None and spooled.spool.frames > 2
    stored = {}
    for name, result in results.items():
        store = RunStore(tmp_path / name)
        store.save_document(result, tagger.model_version)
        analyses = {doc: dict(a, passages=dict(a["passages"])) for doc, a in store.case_analyses(tagger.model_version).items()}
        stored[name] = (store.tagged_passages(tagger.model_version), analyses)
        store.close()
    assert all(found == stored["records"] for found in stored.values())
    passages, analyses = stored["spooled"]
    assert all(p["model"] == tagger.model_version for p in passages) and list(analyses.values())[0]["passages"]


def test_run_closes_each_documents_spool_once_stored(tmp_path, council_pdf, monkeypatch):
    """Each document's passages come from its worker as an open file; a batch kept every one open
    until it ended, and a folder of a thousand documents would run out of file handles."""
    folder = _copies(council_pdf, tmp_path / "docs", 4)
    from casetagger.inventory.store import RunStore

    run_inventory([folder / "dagsorden_0.pdf"], tmp_path / "warm")  # what stays open once loaded
    saved, spooled = RunStore.save_document, []

    def save(store, document, version=None):
        spooled.append(document.spool is not None)
        return saved(store, document, version)

    monkeypatch.setattr(RunStore, "save_document", save)
    open_before = len(os.listdir("/proc/self/fd"))
    result = run_inventory([folder], tmp_path / "out")
    assert len(result.parsed) == 4 and all(d.status.value != "FAILURE" and d.n_passages for d in result.parsed)
    assert spooled == [True] * 4 and all(d.spool is None for d in result.parsed)
    assert len(os.listdir("/proc/self/fd")) <= open_before


def test_run_tagging_two_documents_at_once_keeps_them_apart(council_pdf, tmp_path):
    """A Dask worker with several threads tags several documents at once with one TagInWorker:
    what it keeps of each document until its end is per thread, or rows mix between documents.
    (The documents are parsed first, one at a time: pdfium itself is not for threads.)"""
    import copy
    import time
    from concurrent.futures import ThreadPoolExecutor

    from casetagger.ingest.document import parse_document
    from casetagger.inventory.worker_tagging import TagInWorker
    from casetagger.model.tagger import Tagger

    other = tmp_path / "other.pdf"
    other.write_bytes(council_pdf.read_bytes() + b"%other")
    parsed = [parse_document(path, IngestOptions()) for path in (council_pdf, other)]
    finish = TagInWorker(Tagger.load(DEFAULT_MODEL))

    def tag(result):
        result = copy.deepcopy(result)
        windows, result.passages = [result.passages[i:i + 3] for i in range(0, len(result.passages), 3)], []
        for window in windows:  # as the parse hands them over, the other thread's in between
            finish.take(window)
            result.handed_off += len(window)
            time.sleep(0.001)
        return finish(result).encoded

    alone = [tag(result) for result in parsed]
    with ThreadPoolExecutor(2) as pool:
        for _ in range(3):
            assert list(pool.map(tag, parsed)) == alone


def test_run_outputs_hold_a_few_passages_at_a_time(inventory_copy, monkeypatch):
    """The outputs were written from a list of every stored passage, so the main process grew with
    the store (298 MB at 3,201 pages). They now read the store's rows again at each pass, to the
    same files, and a passage is let go as soon as it is written."""
    import weakref

    from casetagger.inventory import outputs
    from casetagger.inventory.run import report_inventory

    class Tracked(dict):  # a dict that can be watched for when it is let go
        pass

    alive, most = [0], [0]

    def tracked(passages):
        for p in real(passages):
            passage = Tracked(p)
            alive[0] += 1
            most[0] = max(most[0], alive[0])
            weakref.finalize(passage, lambda: alive.__setitem__(0, alive[0] - 1))
            yield passage

    out = inventory_copy
    names = ("cases.jsonl", "cases.csv", "passages.jsonl")  # the report lists the run's skipped files too
    before = {name: (out / name).read_bytes() for name in names}
    sheet = list(load_workbook(out / "inventory.xlsx")["Alle afsnit"].iter_rows(values_only=True))
    real = outputs.masked_files
    monkeypatch.setattr(outputs, "masked_files", tracked)
    result = report_inventory(out)
    assert result.passages > 20 and most[0] <= 3  # counted in this process: the workbook's child counts its own
    assert {name: (out / name).read_bytes() for name in names} == before
    assert list(load_workbook(out / "inventory.xlsx")["Alle afsnit"].iter_rows(values_only=True)) == sheet


def test_run_keeps_a_changed_files_two_documents_apart(tmp_path, council_pdf):
    """A file changed between two runs is a second document under the same name. Ordered by file
    and position alone, the two documents' passages came interleaved, in passages.jsonl and in what
    the cases are built from."""
    folder = tmp_path / "docs"
    folder.mkdir()
    pdf = folder / "dagsorden.pdf"
    shutil.copy(council_pdf, pdf)
    out = tmp_path / "out"
    run_inventory([folder], out)
    with pdf.open("ab") as f:
        f.write(b"%changed")
    run_inventory([folder], out)
    order = [json.loads(line)["doc_id"] for line in (out / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(set(order)) == 2
    assert sum(a != b for a, b in zip(order, order[1:])) == 1  # each document's passages together


def test_run_loads_the_writers_while_the_workers_parse_the_last_documents(tmp_path, council_pdf, monkeypatch):
    """openpyxl and jinja2 took 0.3 s after the last document, with every worker idle; they are
    imported once every document left is in a worker's hands."""
    from casetagger.ingest.batch import BatchLimits
    from casetagger.inventory import run

    folder = _copies(council_pdf, tmp_path / "docs", 3)
    stored: list[str] = []
    loaded: list[int] = []
    monkeypatch.setattr(run, "load_writers", lambda: loaded.append(len(stored)))
    run_inventory([folder], tmp_path / "out", limits=BatchLimits(jobs=2), on_document=lambda d: stored.append(d.file))
    # a result leaves the batch after the next document is handed out: with the first one back,
    # the third is in the freed worker and the second still in the other
    assert loaded == [0] and len(stored) == 3


def test_run_workbook_written_in_a_child_reports_its_failure(inventory_copy, monkeypatch):
    """The workbook is written by a forked child beside the other outputs: its error reaches the
    caller as it was raised, a child that dies without one is E033 naming the workbook (and leaves
    no temporary file), the main process's own error wins over the child's, and the other outputs
    are written either way."""
    import os

    from casetagger.errors import CasetaggerError
    from casetagger.inventory import outputs
    from casetagger.inventory.run import report_inventory

    out = inventory_copy
    (out / "cases.csv").unlink()

    def full_disk(path, *args, **kwargs):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(outputs, "write_workbook", full_disk)
    with pytest.raises(OSError, match="No space left") as raised:
        report_inventory(out)
    assert (out / "cases.csv").is_file() and "full_disk" in str(raised.value.__cause__)

    def dies(path, *args, **kwargs):
        path.with_name(f".{path.name}.half.tmp").write_text("half a workbook")
        sheets = path.with_name(f".{path.name}.sheets.tmp")  # the writer's folder of sheets
        sheets.mkdir()
        (sheets / "sheet1").write_text("rows")
        os._exit(9)

    monkeypatch.setattr(outputs, "write_workbook", dies)
    with pytest.raises(CasetaggerError, match=r"E033.*inventory\.xlsx.*exit code 9"):
        report_inventory(out)
    assert not list(out.glob(".inventory.xlsx.*.tmp"))
    monkeypatch.setattr(outputs, "write_report", full_disk)
    with pytest.raises(OSError, match="report.html"):
        report_inventory(out)
    assert not list(out.glob(".inventory.xlsx.*.tmp"))
    monkeypatch.undo()
    report_inventory(out)
    assert load_workbook(out / "inventory.xlsx")["Alle afsnit"].max_row > 20


def _copies(pdf: Path, folder: Path, n: int) -> Path:
    """``folder`` with ``n`` copies of ``pdf``, each its own document (its own hash)."""
    folder.mkdir()
    for i in range(n):
        shutil.copy(pdf, folder / f"dagsorden_{i}.pdf")
        with (folder / f"dagsorden_{i}.pdf").open("ab") as f:
            f.write(b"%" + bytes(str(i), "ascii"))
    return folder
