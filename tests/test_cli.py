import json

import pytest
from typer.testing import CliRunner

from casetagger.cli import app

runner = CliRunner()


def test_cli_ingest_writes_passages_and_names_bad_files(tmp_path, council_pdf, bad_files):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "agenda.pdf").write_bytes(council_pdf.read_bytes())
    (folder / "broken.pdf").write_bytes(bad_files["corrupt"].read_bytes())
    (folder / "notes.txt").write_text("ikke en pdf")
    out = tmp_path / "passages.jsonl"
    result = runner.invoke(app, ["ingest", str(folder), "--out", str(out), "--documents", str(tmp_path / "docs.jsonl")])
    assert result.exit_code == 1  # one document failed
    assert "broken.pdf" in result.stderr and "corrupt or unreadable" in result.stderr
    assert "skipped (not a PDF)" in result.stderr and "notes.txt" in result.stderr
    assert "Traceback" not in result.stderr
    passages = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(passages) > 20 and all(p["file"].endswith("agenda.pdf") for p in passages)
    docs = [json.loads(line) for line in (tmp_path / "docs.jsonl").read_text().splitlines()]
    assert [d["status"] for d in docs] == ["PARTIAL", "FAILURE"]


def test_cli_ingest_no_pdfs_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert "no PDF files found" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["ingest"], ["corpus"]])
def test_cli_help_on_every_command(command):
    result = runner.invoke(app, command + ["--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout
