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
    assert [d["status"] for d in docs] == ["PARTIAL", "FAILURE", "SKIPPED"]
    assert docs[2]["file"].endswith("notes.txt") and docs[2]["reason"] == "not a PDF"
    assert "1 failed, 1 read in part" in result.stderr


def test_cli_ingest_no_pdfs_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert "no PDF files found" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["ingest"], ["corpus"], ["corpus", "check"], ["corpus", "split"],
                                     ["tag"], ["evaluate"], ["train"]])
def test_cli_help_on_every_command(command):
    result = runner.invoke(app, command + ["--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_cli_tag_ingest_output_as_is(tmp_path, council_pdf):
    passages = tmp_path / "passages.jsonl"
    assert runner.invoke(app, ["ingest", str(council_pdf), "--out", str(passages)]).exit_code == 0
    tagged = tmp_path / "tagged.jsonl"
    result = runner.invoke(app, ["tag", "--in", str(passages), "--out", str(tagged)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in tagged.read_text(encoding="utf-8").splitlines()]
    ingested = [json.loads(line) for line in passages.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [p["id"] for p in ingested]  # every passage, in order, fields kept
    assert all({k: r[k] for k in p} == p for r, p in zip(rows, ingested))
    smoke_free = next(r for r in rows if r["text"].startswith("Børne- og ungeområdet og Sundhedsafdelingen"))
    assert "sundhed" in smoke_free["labels"] and smoke_free["evidence"]["sundhed"]
    assert all(set(r["evidence"]) == set(r["labels"]) and r["page"] >= 1 for r in rows)
    assert all(len(r["scores"]) == 13 and r["model"].startswith("casetagger-da@") for r in rows)


def test_cli_tag_names_line_missing_text(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Kommunen bygger en skole."}\n{"id": "b"}\n', encoding="utf-8")
    result = runner.invoke(app, ["tag", "--in", str(bad), "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert "bad.jsonl: line 2: input needs 'text'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()  # no half-written output


def test_cli_evaluate_json_and_table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": "Kommunen energirenoverer tre skoler og sætter solceller på tagene for at nedbringe CO2-udledningen.",
         "labels": ["klima", "sdg13"], "optional": ["boern"]},
        {"text": "Dagsordenen blev godkendt uden bemærkninger.", "labels": []},
    ]), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 2 and metrics["per_label"]["klima"]["support"] == 1
    table = runner.invoke(app, ["evaluate", "--gold", str(gold)])
    assert "macro-F1" in table.stdout and "sdg13" in table.stdout


def test_cli_train_writes_a_loadable_model(tmp_path):
    from casetagger.corpus import load_corpus
    from casetagger.model.tagger import Tagger

    rows = load_corpus()
    small = [r for r in rows if r["split"] == "train"][::12] + [r for r in rows if r["split"] == "test"][::12]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in small), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("name: tiny\nversion: 0.0.1\nseed: 1\ncv_folds: 2\nmodel: {min_df: 1}\n")
    result = runner.invoke(app, ["train", "--corpus", str(corpus), "--config", str(config), "--out", str(tmp_path / "m")])
    assert result.exit_code == 0, result.stderr
    tagger = Tagger.load(tmp_path / "m")
    assert tagger.version == "0.0.1"
    assert tagger.card["test_passages"] == sum(r["split"] == "test" for r in small) > 0
    assert tagger.card["test_metrics"]["n"] == tagger.card["test_passages"]
    assert tagger.card["trained_on"] == sum(r["split"] != "test" for r in small)
    assert (tmp_path / "m" / "README.md").read_text().startswith("# Model card: tiny 0.0.1")


def test_cli_brackets_in_file_names_and_pdf_errors_print_as_text(tmp_path):
    """Rich markup once read '[udkast]' and pdfminer's '[/'Type' ...]' as tags and crashed."""
    bad = tmp_path / "in" / "Referat [udkast].pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages [/Kids] /Count >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF")
    result = runner.invoke(app, ["run", str(bad.parent), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "Referat [udkast].pdf" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "out" / "report.html").exists()


@pytest.mark.parametrize("args", [["tag", "--in", "{dir}", "--out", "{dir}/x.jsonl"],
                                  ["run", "{dir}", "--out", "{file}"]])
def test_cli_os_errors_are_one_line(tmp_path, args):
    (tmp_path / "f.txt").write_text("x")
    args = [a.format(dir=tmp_path, file=tmp_path / "f.txt") for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) <= 2


def test_cli_run_on_a_read_only_store_is_one_coded_error_and_stays_read_only(tmp_path, council_pdf, bad_files):
    """A store marked read-only was made writable behind its owner's back."""
    import stat

    out = tmp_path / "inventory"
    assert runner.invoke(app, ["run", str(council_pdf), "--out", str(out)]).exit_code == 0
    (out / "casetagger.sqlite").chmod(0o400)
    result = runner.invoke(app, ["run", str(bad_files["corrupt"]), "--out", str(out)])
    assert result.exit_code == 1 and "[E401]" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_IMODE((out / "casetagger.sqlite").stat().st_mode) == 0o400


def test_cli_help_and_ingest_import_no_heavy_modules(tmp_path, council_pdf, heavy_imports):
    """Start-up: `--help` and `ingest` (parent and workers) load no spaCy, plotting, Excel or web stack."""
    assert heavy_imports("import sys\nfrom casetagger.cli import main\nsys.argv = ['casetagger', '--help']\n"
                         "try:\n    main()\nexcept SystemExit:\n    pass") == set()
    from pdfgen import Heading, Paragraph, build_pdf

    long_paragraph = tmp_path / "spacy_loaded_for_long_paragraph.pdf"  # ingest used to cut it with spaCy
    build_pdf(long_paragraph, [Heading("Skolerne", 1), Paragraph("Forvaltningen har gennemgået skolerne, og "
                                                                 "renoveringen koster 2 mio. kr. om året. " * 40)])
    out, seen = tmp_path / "passages.jsonl", tmp_path / "worker_modules.txt"
    code = f"""
import sys
from casetagger.cli import main
from casetagger.ingest import batch

def probe(*args, _worker=batch._worker):  # what a worker imported, written when it stops
    try:
        _worker(*args)
    finally:
        with open({str(seen)!r}, "a") as f:
            f.write(" ".join(m.split(".")[0] for m in sys.modules) + "\\n")

batch._worker = probe
sys.argv = ["casetagger", "ingest", {str(council_pdf)!r}, {str(long_paragraph)!r}, "--out", {str(out)!r}, "--jobs", "1"]
try:
    main()
except SystemExit:
    pass
"""
    assert heavy_imports(code) == set()
    assert out.read_text(encoding="utf-8").count("\n") > 20
    assert set(seen.read_text().split()) & {"spacy", "thinc", "matplotlib", "openpyxl", "fastapi", "uvicorn"} == set()
