"""`casetagger run --cluster`: a Dask LocalCluster (2 worker processes, loopback only) gives the
inventory a local run gives, and one document's trouble stays that document's."""

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from pdfgen import Heading, Paragraph, build_pdf
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.ingest.batch import BatchLimits
from casetagger.ingest.document import Status
from casetagger.inventory.run import run_inventory

distributed = pytest.importorskip("distributed")
cluster = pytest.importorskip("casetagger.inventory.cluster")
pytestmark = pytest.mark.slow  # each test starts or drives worker processes; CI runs them all

LIMIT_S = 300  # no test may wait on the cluster longer than this


@pytest.fixture(autouse=True)
def bounded():
    def stop(signum, frame):
        raise TimeoutError(f"test took longer than {LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(LIMIT_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def client():
    """One LocalCluster for the module, built as ``--cluster local:2`` builds it."""
    local = cluster.local_cluster(2, BatchLimits(max_memory_mb=1024))
    with distributed.Client(local) as c:
        yield c
    local.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory, bad_files) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for pdf in EXAMPLES.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    shutil.copy(bad_files["corrupt"], folder / "ødelagt.pdf")
    (folder / "noter.txt").write_text("ikke en pdf", encoding="utf-8")
    return folder


def _outputs(out: Path) -> dict:
    documents = sorted((dict(d, seconds=None) for d in map(json.loads, (out / "documents.jsonl").open())),
                       key=lambda d: d["file"])
    return {"cases": (out / "cases.csv").read_text(encoding="utf-8"),
            "passages": (out / "passages.jsonl").read_text(encoding="utf-8"), "documents": documents}


def test_cluster_inventory_equals_jobs_2(folder, tmp_path):
    local = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "local"), "--jobs", "2"])
    dask = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "dask"), "--cluster", "local:2",
                               "--max-memory", "1024"])
    assert local.exit_code == dask.exit_code == 1, dask.output  # the corrupt PDF fails in both
    assert "ødelagt.pdf" in dask.output and "skipped (not a PDF)" in dask.output
    expected, got = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert got == expected
    assert len(got["documents"]) == 5 and got["cases"].count("\n") > 10


def test_cluster_rerun_submits_no_stored_document(folder, tmp_path, client):
    first = run_inventory([folder], tmp_path, cluster=client)
    again = run_inventory([folder], tmp_path, cluster=client)
    assert len(first.parsed) == 4 and not first.skipped_done
    # only the corrupt PDF (a FAILURE) is tried again
    assert [Path(d.file).name for d in again.parsed] == ["ødelagt.pdf"]
    assert sorted(Path(p).name for p in again.skipped_done) == sorted(p.name for p in EXAMPLES.glob("*.pdf"))
    assert again.passages == first.passages and again.cases == first.cases


def _hang_on_hostile():
    """Installed in each worker: the document named hostile.pdf parses for a minute."""
    from casetagger.ingest import batch

    real = ORIGINAL.setdefault("parse_document", batch.parse_document)
    batch.parse_document = lambda path, options, hashed=None, **kw: (time.sleep(60) if path.name == "hostile.pdf"
                                                                      else real(path, options, hashed, **kw))


def _fail_task_on_hostile():
    """Installed in each worker: the task of hostile.pdf raises instead of parsing."""
    real = ORIGINAL.setdefault("ingest_paths", cluster.ingest_paths)

    def ingest_paths(paths, *args, **kwargs):
        if paths[0].name == "hostile.pdf":
            raise RuntimeError("the task broke")
        return real(paths, *args, **kwargs)

    cluster.ingest_paths = ingest_paths


ORIGINAL: dict = {}  # in each worker, what the hostile versions replaced


def _restore():
    from casetagger.ingest import batch

    batch.parse_document = ORIGINAL.get("parse_document", batch.parse_document)
    cluster.ingest_paths = ORIGINAL.get("ingest_paths", cluster.ingest_paths)


def _patched() -> bool:
    from casetagger.ingest import batch

    return (batch.parse_document.__module__, cluster.ingest_paths.__module__) != (
        "casetagger.ingest.document", "casetagger.ingest.batch")


@pytest.mark.parametrize("hostility, reason", [(_hang_on_hostile, "[E008] {path}: parsing took longer than 20.0 s"),
                                               (_fail_task_on_hostile, "[E024] {path}: the cluster could not finish")])
def test_cluster_hostile_document_is_that_documents_failure(client, council_pdf, tmp_path, hostility, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(council_pdf, folder / "dagsorden.pdf")
    hostile = folder / "hostile.pdf"
    build_pdf(hostile, [Heading("Bilag", 1), Paragraph("Et bilag, der får parseren til at hænge.")])
    client.run(hostility)
    try:
        started = time.monotonic()
        # the timeout leaves the good document time on a loaded machine; the hang never ends by itself
        result = run_inventory([folder], tmp_path / "out", cluster=client, limits=BatchLimits(timeout=20.0))
        assert time.monotonic() - started < 90  # the hang was stopped, not waited out
    finally:
        client.run(_restore)
    assert set(client.run(_patched).values()) == {False}  # the next test sees honest workers
    status = {Path(d.file).name: d for d in result.parsed}
    assert status["hostile.pdf"].status is Status.FAILURE
    assert status["hostile.pdf"].errors[0].startswith(reason.format(path=hostile))
    assert status["dagsorden.pdf"].status is Status.PARTIAL and status["dagsorden.pdf"].n_passages > 10


def _distinct_documents(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"referat_{i}.pdf"
        build_pdf(path, [Heading(f"Udvalgsmøde nr. {i}", 1)] + [
            Paragraph(f"Punkt {i}.{j}: Udvalget godkendte projektet Grøn Omstilling {i}-{j}, som nedbringer "
                      f"kommunens CO2-udledning og styrker den kollektive trafik i yderområderne. " * 6)
            for j in range(30)])
        paths.append(path)
    return paths


def test_cluster_killed_worker_run_completes_with_every_document_once(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    pdfs = _distinct_documents(folder, 8)
    before = set(client.run(os.getpid).values())
    killed = []

    def kill_a_busy_worker(document) -> None:
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    seen = []
    result = run_inventory([folder], tmp_path / "out", cluster=client,
                           on_document=lambda d: (seen.append(d.file), kill_a_busy_worker(d)))
    assert killed and killed[0] in before
    assert sorted(seen) == sorted(map(str, pdfs))  # every document once, none lost with the worker
    assert all(d.status is Status.SUCCESS for d in result.parsed)
    documents = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").open()]
    assert sorted(d["file"] for d in documents) == sorted(map(str, pdfs))
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in set(client.run(os.getpid).values())  # the nanny started a new worker


def test_cluster_reads_fsspec_urls_on_the_workers(client, folder, tmp_path):
    by_path = run_inventory([folder], tmp_path / "path", cluster=client)
    by_url = run_inventory([folder.as_uri()], tmp_path / "url", cluster=client)
    assert by_url.passages == by_path.passages and by_url.cases == by_path.cases
    files = sorted(d.file for d in by_url.parsed)
    assert files == sorted(f"file://{p}" for p in folder.glob("*.pdf"))
    passages = [json.loads(line) for line in (tmp_path / "url" / "passages.jsonl").open()]
    assert passages and all(p["file"].startswith("file://") for p in passages)
    assert [str(p) for p in by_url.skipped_not_pdf] == [f"file://{folder / 'noter.txt'}"]


def test_cluster_bad_address_and_url_without_cluster_are_coded_errors(folder, tmp_path):
    bad = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path), "--cluster", "scheduler-host"])
    assert bad.exit_code == 1 and "[E021] --cluster 'scheduler-host'" in bad.output
    none = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path), "--cluster", "local:0"])
    assert none.exit_code == 1 and "[E021] --cluster 'local:0'" in none.output
    url = runner.invoke(app, ["run", folder.as_uri(), "--out", str(tmp_path)])
    assert url.exit_code == 1 and "[E025]" in url.output and "--cluster" in url.output


def test_cluster_parquet_store_written_by_workers_gives_the_same_inventory(client, folder, tmp_path):
    sqlite = run_inventory([folder], tmp_path / "sqlite", limits=BatchLimits(jobs=2))
    parquet = run_inventory([folder], tmp_path / "parquet", cluster=client, store_format="parquet")
    assert (parquet.passages, parquet.cases) == (sqlite.passages, sqlite.cases)
    expected, got = _outputs(tmp_path / "sqlite"), _outputs(tmp_path / "parquet")
    assert got == expected
    files = sorted((tmp_path / "parquet" / "parquet").rglob("*.parquet"))
    assert len(files) == 3  # one per document with passages; the corrupt PDF has none
    again = run_inventory([folder], tmp_path / "parquet", cluster=client, store_format="parquet")
    assert len(again.skipped_done) == 3 and sorted((tmp_path / "parquet" / "parquet").rglob("*.parquet")) == files
    assert _outputs(tmp_path / "parquet") == expected
