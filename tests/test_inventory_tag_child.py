"""Half of each window tagged in a forked child of the document's worker (tag_child.py)."""

import multiprocessing as mp
import os
import time
from array import array
from pathlib import Path
from types import SimpleNamespace

import pytest
from board_minutes import BOARD_MINUTES
from casework import CASEWORK
from pdfgen import build_pdf
from strategy_followup import STRATEGY_FOLLOWUP

from casetagger.ingest import IngestOptions, batch, parse_document
from casetagger.ingest.batch import BatchLimits
from casetagger.ingest import document
from casetagger.ingest.shared_pages import HELPED
from casetagger.inventory import worker_tagging
from casetagger.inventory.run import run_inventory
from casetagger.inventory.worker_tagging import ANALYSE, TAG, TagInWorker, _Tagging
from casetagger.inventory.store import RunStore
from casetagger.inventory.tag_child import TagChild
from casetagger.model.tagger import Tagger
from casetagger.resources import DEFAULT_MODEL


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def casework_pdf(tmp_path_factory) -> Path:
    """Minutes, a follow-up and a plan with named initiatives in one document: the case analysis
    reads the words and headings both processes gathered."""
    path = tmp_path_factory.mktemp("casework") / "handleplan.pdf"
    build_pdf(path, BOARD_MINUTES + STRATEGY_FOLLOWUP + CASEWORK, header=("Gladsaxe Kommune", "Handleplan"),
              footer="Side {page}")
    return path


@pytest.fixture
def small_windows(monkeypatch) -> int:
    """Windows of a few passages: a short plan is handed over in many, as a long report is."""
    monkeypatch.setattr(document, "WINDOW", 8)
    return 8


def _frames(finish: TagInWorker, pdf: Path, folder: Path | None = None) -> list:
    if folder is not None:
        finish.share(folder)
    result = finish(parse_document(pdf, IngestOptions(), sink=finish.take))
    assert result.spool is not None
    frames = list(result.spool)
    result.release()
    return frames


@pytest.fixture
def helped_folder(tmp_path) -> Path:
    (tmp_path / HELPED).touch()
    return tmp_path


def _double(window):
    return [2 * x for x in window]


def test_tag_child_answers_each_window_in_turn():
    child = TagChild(_double).start()
    try:
        for window in ([1, 2], [3], []):
            assert child.send(window)
            assert child.receive() == _double(window)
    finally:
        child.close()
    assert not child.alive and not child.send([1])


def test_tag_child_that_dies_answers_none_and_is_reaped():
    child = TagChild(lambda window: os._exit(3)).start()
    pid = child._pid
    assert child.send([1])
    assert child.receive() is None and not child.alive
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left per document


def test_tag_child_not_forked_is_no_child(monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    child = TagChild(_double).start()
    assert not child.alive and not child.send([1]) and child.receive() is None


def _busy(window):
    time.sleep(60)


def _owner_with_a_child(pid_file: Path) -> None:
    child = TagChild(_busy).start()
    child.send([1])  # busy, not waiting on the pipe: only the owner's death signal ends it
    pid_file.write_text(str(child._pid))
    time.sleep(60)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has exited, whoever reaps it


def test_tag_child_dies_with_its_owner(tmp_path):
    """A worker killed at its timeout must not leave its tagging child behind."""
    pid_file = tmp_path / "child.pid"
    owner = mp.get_context("fork").Process(target=_owner_with_a_child, args=(pid_file,))
    owner.start()
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    child = int(pid_file.read_text())
    assert _running(child)
    owner.kill()
    owner.join()
    while _running(child):
        assert time.monotonic() < deadline, "the child outlived its owner"
        time.sleep(0.02)


def test_tag_in_worker_child_gives_the_frames_of_one_process(tagger, casework_pdf, helped_folder, small_windows,
                                                             monkeypatch):
    alone = _frames(TagInWorker(tagger, spool=True), casework_pdf)
    sent = []
    send = TagChild.send

    def recorded(self, request):
        sent.append((request[0], send(self, request)))
        return sent[-1][1]

    monkeypatch.setattr(TagChild, "send", recorded)
    helped = _frames(TagInWorker(tagger, spool=True), casework_pdf, helped_folder)
    assert sum(len(rows) for kind, rows in alone if kind == "rows") > 4 * small_windows
    assert any(rows for kind, rows in alone if kind == "parts")  # cases found in the words of both
    # the child tagged half of every window, then analysed half of the passages
    assert sent[-1] == (ANALYSE, True) and set(sent[:-1]) == {(TAG, True)}
    assert helped == alone


def test_tag_in_worker_child_that_dies_leaves_its_halves_to_the_owner(tagger, casework_pdf, helped_folder,
                                                                      small_windows, monkeypatch):
    alone = _frames(TagInWorker(tagger, spool=True), casework_pdf)
    owner = os.getpid()
    encoded = TagInWorker._encoded

    def dies_in_the_child(self, passages):
        if os.getpid() != owner:
            os._exit(9)  # as if killed, or out of memory
        return encoded(self, passages)

    monkeypatch.setattr(TagInWorker, "_encoded", dies_in_the_child)
    assert _frames(TagInWorker(tagger, spool=True), casework_pdf, helped_folder) == alone


def test_tag_in_worker_forks_no_child_without_a_helper(tagger, council_pdf, tmp_path, monkeypatch):
    monkeypatch.setattr(TagChild, "start", lambda self: pytest.fail("forked a child with no helper about"))
    _frames(TagInWorker(tagger, spool=True), council_pdf, tmp_path)
    _frames(TagInWorker(tagger, spool=True), council_pdf)


def test_run_last_document_tagged_with_a_child_stores_what_one_worker_stores(casework_pdf, tmp_path, small_windows,
                                                                              monkeypatch):
    """A batch of one document: the idle worker helps read its pages, then the owner's child tags."""
    marks = tmp_path / "marks"
    marks.mkdir()
    real_parse, real_help, real_start = batch.parse_document, batch.help_read_pages, TagChild.start

    def owner_after_helper(path, options, hashed=None, **kw):
        deadline = time.monotonic() + 20  # the helper first, so that it leaves word before the first window
        while not (marks / "helper").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return real_parse(path, options, hashed, **kw)

    def recording_helper(path, options, shared):
        pages = real_help(path, options, shared)
        (marks / "helper").touch()
        return pages

    def recording_start(self):
        (marks / "child").touch()
        return real_start(self)

    monkeypatch.setattr(batch, "parse_document", owner_after_helper)
    monkeypatch.setattr(batch, "help_read_pages", recording_helper)
    monkeypatch.setattr(TagChild, "start", recording_start)
    stores = {}
    for jobs in (2, 1):
        out = tmp_path / f"jobs{jobs}"
        run_inventory([casework_pdf], out, limits=BatchLimits(jobs=jobs))
        store = RunStore(out)
        stores[jobs] = [store.db.execute(query).fetchall() for query in (
            "SELECT id, seq, record FROM passages ORDER BY id",
            "SELECT passage_id, result FROM tags ORDER BY passage_id",
            "SELECT passage_id, part FROM case_parts ORDER BY passage_id")]
        store.close()
        if jobs == 2:
            assert (marks / "child").exists()
    assert stores[2] == stores[1] and all(stores[1])


def test_tag_in_worker_child_that_dies_analysing_leaves_the_rest_to_the_owner(tagger, casework_pdf, helped_folder,
                                                                                small_windows, monkeypatch):
    monkeypatch.setattr(worker_tagging, "WINDOW", 2)  # the child's analysis comes back in windows of two
    alone = _frames(TagInWorker(tagger, spool=True), casework_pdf)
    owner = os.getpid()
    parts = TagInWorker._parts

    def dies_after_a_window(self, passages, words, headings):
        for n, part in enumerate(parts(self, passages, words, headings)):
            if os.getpid() != owner and n == 3:
                os._exit(9)  # two parts sent, the third made, the fourth never
            yield part

    monkeypatch.setattr(TagInWorker, "_parts", dies_after_a_window)
    assert _frames(TagInWorker(tagger, spool=True), casework_pdf, helped_folder) == alone


def test_tag_in_worker_splits_the_case_analysis_after_the_unlabelled_passage_nearest_the_middle(tagger):
    """After a passage without labels no passage continues an earlier case: the two halves read as one."""
    worker = TagInWorker(tagger, spool=True)
    doc = _Tagging(count=10, unlabelled=array("q", [1, 3, 8]), child=SimpleNamespace(alive=True))
    assert worker._split(doc) == 4
    for unlabelled in ([], [9]):  # none, or only the last: nothing to split
        doc.unlabelled = array("q", unlabelled)
        assert worker._split(doc) is None
    doc.unlabelled, doc.child = array("q", [3]), SimpleNamespace(alive=False)
    assert worker._split(doc) is None
