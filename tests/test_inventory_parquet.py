"""`--store parquet`: partitions by municipality and year, and `casetagger report` from the store."""

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.ingest.document import DocumentResult
from casetagger.inventory.parquet import partition

pytest.importorskip("pyarrow")
runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _document(file: str, *texts: str, heading: str = "Referat") -> DocumentResult:
    return DocumentResult(file, doc_id="0" * 64, passages=[{"heading": heading, "text": t} for t in texts])


def test_parquet_partition_from_the_names_in_the_document_and_its_path():
    named = _document("/arkiv/x/referat_2019-05-02.pdf", "Aarhus Kommune og Gladsaxe Kommune", "Aarhus Kommune igen")
    assert partition(named) == ("Aarhus", "2019")
    in_year_folder = _document("/arkiv/Ballerup/2021/dagsorden.pdf", "Lyngby-Taarbæk Kommune deltager")
    assert partition(in_year_folder) == ("Lyngby-Taarbæk", "2021")
    from_heading = _document("/arkiv/referat.pdf", "ingen navne", heading="Budget 2024-27")
    assert partition(from_heading) == ("ukendt", "2024")
    # a year far up the path is not the document's: /tmp/2019/... is not an archive folder
    assert partition(_document("/data/2019/a/b/referat.pdf", "tekst"))[1] == "ukendt"


@pytest.fixture(scope="module")
def parquet_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for pdf in EXAMPLES.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--store", "parquet", "--jobs", "2",
                                 "--no-outputs"])
    assert result.exit_code == 0 and "Next: casetagger report" in result.output, result.output
    assert not (out / "cases.csv").exists() and len(list((out / "parquet").rglob("*.parquet"))) == 3
    report = runner.invoke(app, ["report", str(out)])
    assert report.exit_code == 0 and re.search(r"[1-9]\d* cases from [1-9]\d* passages in 3 document", report.output)
    return out


def test_parquet_report_rebuilds_the_outputs_and_one_partition_apart(parquet_run):
    out = parquet_run
    before = {name: (out / name).read_bytes() for name in ("cases.csv", "passages.jsonl")}
    stored = sqlite3.connect(out / "casetagger.sqlite").execute("SELECT count(*) FROM cases").fetchone()[0]
    again = runner.invoke(app, ["report", str(out)])
    assert again.exit_code == 0, again.output
    assert {name: (out / name).read_bytes() for name in before} == before
    part = runner.invoke(app, ["report", str(out), "--municipality", "Gladsaxe"])
    assert part.exit_code == 0, part.output
    target = out / "reports" / "Gladsaxe-alle"
    documents = [json.loads(line) for line in (target / "documents.jsonl").open()]
    assert [Path(d["file"]).name for d in documents] == ["boerne_undervisningsudvalget_referat_2025-11-04.pdf"]
    passages = [json.loads(line) for line in (target / "passages.jsonl").open()]
    assert passages and {p["doc_id"] for p in passages} == {documents[0]["doc_id"]}
    # the store's inventory, which the review app shows, still covers every document
    assert sqlite3.connect(out / "casetagger.sqlite").execute("SELECT count(*) FROM cases").fetchone()[0] == stored
    assert (out / "cases.csv").read_bytes() == before["cases.csv"]


def test_parquet_report_errors_are_coded(parquet_run, tmp_path):
    nothing = runner.invoke(app, ["report", str(tmp_path)])
    assert nothing.exit_code == 1 and "[E027]" in nothing.output
    bad_store = runner.invoke(app, ["run", str(EXAMPLES), "--out", str(tmp_path), "--store", "csv"])
    assert bad_store.exit_code == 1 and "[E026] unknown store 'csv'" in bad_store.output
    from casetagger.inventory.store import RunStore

    RunStore(tmp_path / "sqlite").close()
    no_partitions = runner.invoke(app, ["report", str(tmp_path / "sqlite"), "--year", "2025"])
    assert no_partitions.exit_code == 1 and "[E028]" in no_partitions.output
