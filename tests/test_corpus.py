import json
import random

import pytest
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.corpus import GENRES, Minimums, assign_splits, check_corpus, load_corpus, near_duplicates
from casetagger.errors import CasetaggerError
from casetagger.taxonomy import Taxonomy

runner = CliRunner()

# A second municipality with other goals and other SDGs: nothing may assume Gladsaxe's labels.
OTHER_TAXONOMY = """
name: havby-2030
labels:
  - {id: havn, kind: goal, name_da: En levende havn}
  - {id: skole, kind: goal, name_da: Stærke skoler}
  - {id: sdg6, kind: sdg, name_da: Rent vand og sanitet}
  - {id: sdg14, kind: sdg, name_da: Livet i havet}
goal_sdgs: {havn: [sdg6, sdg14]}
"""
WORDS = ("havnebad kajkant skolehave undervisning badevand fiskeri ålegræs elevråd læring hav strand bro "
         "mole kajak fjord sejlads elever lærere skolegård regnvand kloak rensning").split()


def _passage(i: int, labels: list[str], genre: str) -> dict:
    rng = random.Random(i)
    words = [rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(35)]
    return {"id": f"H-{i}", "text": " ".join(words), "labels": labels, "genre": genre, "municipality": "Havby Kommune"}


@pytest.fixture
def other_taxonomy(tmp_path) -> Taxonomy:
    path = tmp_path / "havby.yaml"
    path.write_text(OTHER_TAXONOMY, encoding="utf-8")
    return Taxonomy.load(path)


def test_taxonomy_default_has_thirteen_labels():
    taxonomy = Taxonomy.load()
    assert len(taxonomy.goals) == 6 and len(taxonomy.sdgs) == 7
    assert taxonomy.name_da("klima") == "Mere klimavenlig by"


@pytest.mark.parametrize("bad", ["labels: []", "labels: [{id: a, kind: goal}]", "labels: [{id: a, kind: x, name_da: A}]",
                                 "labels: [{id: a, kind: goal, name_da: A}, {id: a, kind: sdg, name_da: B}]", ": : :"])
def test_taxonomy_rejects_invalid_files(tmp_path, bad):
    path = tmp_path / "bad.yaml"
    path.write_text(bad)
    with pytest.raises(CasetaggerError, match="bad.yaml"):
        Taxonomy.load(path)


def test_corpus_check_works_with_another_taxonomy(other_taxonomy):
    label_sets = [["havn", "sdg14"], ["skole"], ["havn", "sdg6"], [], ["skole", "sdg14"], []]
    rows = [_passage(i, label_sets[i % 6], GENRES[i % len(GENRES)]) for i in range(132)]
    assign_splits(rows, other_taxonomy, seed=1)
    minimums = Minimums(passages=80, per_label=10, per_genre=12, test_share=0.15)
    report = check_corpus(rows, other_taxonomy, minimums)
    assert report.ok, report.problems
    assert report.labels["sdg14"] == 44 and report.splits["test"] >= 19
    rows[0]["labels"] = ["klima"]  # a Gladsaxe label is unknown here
    assert any("unknown labels ['klima']" in p for p in check_corpus(rows, other_taxonomy, minimums).problems)


def test_corpus_check_reports_duplicates_and_minimums(other_taxonomy):
    rows = [_passage(i, ["havn"], "nyhed") for i in range(5)]
    rows.append(dict(rows[0], id="copy"))
    near = dict(rows[1], id="near", text=rows[1]["text"] + " og lidt mere tekst til sidst")
    rows.append(near)
    problems = check_corpus(rows, other_taxonomy).problems
    assert "exact duplicate: H-0 and copy" in problems
    assert any(p.startswith("near duplicate: H-1 and near") for p in problems)
    assert any("fewer than 1500" in p for p in problems) and any("label sdg6: 0" in p for p in problems)


def test_corpus_near_duplicates_by_jaccard():
    a = "kommunen etablerer en ny cykelsti langs åen med belysning og bænke til gavn for pendlerne"
    b = a.replace("pendlerne", "cyklisterne")
    c = "budgettet for tillægsbevillinger blev godkendt uden bemærkninger på mødet i juni måned"
    assert [(i, j) for i, j, _ in near_duplicates([a, b, c], 0.5)] == [(0, 1)]


def test_corpus_splits_never_move(other_taxonomy):
    rows = [_passage(i, ["havn"] if i % 2 else [], "nyhed") for i in range(40)]
    assign_splits(rows, other_taxonomy)
    before = [r["split"] for r in rows]
    rows += [_passage(i, ["skole"], "nyhed") for i in range(40, 60)]
    assert assign_splits(rows, other_taxonomy) == 20
    assert [r["split"] for r in rows[:40]] == before


def test_corpus_shipped_corpus_passes_check():
    """The corpus that ships must meet every minimum: a broken corpus fails CI."""
    result = runner.invoke(app, ["corpus", "check"])
    assert result.exit_code == 0, result.stderr[-2000:]


def test_corpus_check_cli_with_other_taxonomy(tmp_path, other_taxonomy):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(_passage(i, ["havn"], "nyhed")) for i in range(3)))
    result = runner.invoke(app, ["corpus", "check", str(corpus), "--taxonomy", other_taxonomy.source, "--json"])
    assert result.exit_code == 1 and "corpus check failed" in result.stderr
    assert json.loads(result.stdout)["labels"] == {"havn": 3}
    assert len(load_corpus(corpus)) == 3


def _v2(i: int, labels: list[str], genre: str = "referat", traits: list[str] | None = None, text: str = "") -> dict:
    row = _passage(i, labels, genre)
    return dict(row, text=text or row["text"], writer="BYR", traits=traits or [])


def test_corpus_v2_traits_are_checked(other_taxonomy):
    rows = [_v2(1, [], traits=["neg:procedure"]), _v2(2, ["havn"], traits=["neg:money"]),
            _v2(3, ["havn"], traits=["thin:monorail"])]
    problems = check_corpus(rows, other_taxonomy, Minimums(passages=0, per_label=0, per_genre=0)).problems
    assert not any("V-1" in p or "H-1:" in p for p in problems)
    assert any("H-2: a hard negative (neg:...) with labels" in p for p in problems)
    assert any("H-3: unknown traits ['thin:monorail']" in p for p in problems)


def test_corpus_v2_minimums_count_minutes_partnerships_and_concepts():
    taxonomy = Taxonomy.load()
    rows = [_v2(i, ["lige", "sdg17"], traits=["thin:hjemloeshed"], text=f"Kommunen driver sammen med Kirkens Korshær "
                f"varmestuen nummer {i} for hjemløse borgere hele året rundt") for i in range(3)]
    rows.append(_v2(3, ["sdg17"], text="Kommunen indgår et partnerskab med foreningen om at drive cykelværkstedet"))
    report = check_corpus(rows, taxonomy, Minimums(passages=0, per_label=0, per_genre=0, test_share=0))
    assert report.implicit_partnerships == 3  # the fourth says "partnerskab"
    assert report.traits["thin:hjemloeshed"] == 3
    assert any("corpus v2 minutes: no-label share 0%" in p for p in report.problems)
    assert any("thin concept letbane has 0 positives" in p for p in report.problems)
    assert any("corpus v2: 4 passages, fewer than 2500" in p for p in report.problems)
