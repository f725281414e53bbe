"""Retraining on corrections: merge rules, promotion rules, the registry, interrupted training."""

import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.corpus import load_corpus
from casetagger.errors import CasetaggerError
from casetagger.model import package as package_module
from casetagger.model.registry import Registry, load_model
from casetagger.model.retrain import merge_corrections, retrain
from casetagger.model.tagger import Tagger
from casetagger.model.train import train_tagger
from casetagger.taxonomy import Taxonomy

runner = CliRunner()


def correction(text, labels, when, taxonomy, pid="p"):
    return {"text": text, "accept": labels, "answer": "accept",
            "labels": {l: int(l in labels) for l in taxonomy.ids},
            "meta": {"passage_id": pid, "reviewer": "anna", "reviewed_at": when}}


@pytest.fixture(scope="module")
def word_config(small_config):
    """Word n-grams only: promotion runs several retrains, character n-grams would make it slow."""
    return replace(small_config, model=dict(small_config.model, char_ngrams=None))


def test_retrain_merge_overrides_keeps_negatives_and_never_touches_test(taxonomy, small_corpus):
    train_row = next(r for r in small_corpus if r["split"] == "train" and r["labels"])
    test_row = next(r for r in small_corpus if r["split"] == "test")
    corrections = [
        correction(train_row["text"].upper(), [], "2026-01-01T10:00:00", taxonomy),  # all labels rejected
        correction(test_row["text"], ["sdg17"], "2026-01-01T11:00:00", taxonomy),
        correction("Kommunen har åbnet et nyt værested for hjemløse i samarbejde med Kirkens Korshær.", ["lige", "sdg17"],
                   "2026-01-01T12:00:00", taxonomy),
    ]
    merged = merge_corrections(small_corpus, corrections, taxonomy)
    by_id = {r["id"]: r for r in merged.rows}
    assert by_id[train_row["id"]]["labels"] == []  # the reviewer's decision overrides, negatives kept
    assert by_id[test_row["id"]]["labels"] == test_row["labels"]  # the test split is never touched
    assert merged.stats == {"corrections": 3, "distinct_texts": 3, "overridden": 1, "added": 1, "skipped_test": 1}
    new = [r for r in merged.rows if r["id"].startswith("corr-")]
    assert new[0]["labels"] == ["lige", "sdg17"] and new[0]["split"] == "train"


def partnership_reading(pool, taxonomy, n):
    """Corrections with the analysts' own consistent reading: partnership passages are also about jobs."""
    return [correction(r["text"], sorted(set(r["labels"]) | ({"sdg8"} if "sdg17" in r["labels"] else set())),
                       f"2026-03-01T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}", taxonomy, r["id"])
            for i, r in enumerate(pool[:n])]


@pytest.mark.parametrize("n", [15, 40, 200])
def test_retrain_promotion_judges_every_correction_once(n, tmp_path, taxonomy, small_corpus, word_config):
    """15 corrections are too few to judge: kept, and only the analyst promotes, with the reason
    recorded. 40 and 200 are each judged by cross-validation over all of them (every one held out
    once), not by the latest fifth: a first review round can be promoted."""
    registry = Registry(tmp_path / "reg")
    registry.use(registry.add(train_tagger(small_corpus, taxonomy, word_config)))
    known = {r["id"] for r in small_corpus}
    pool = [r for r in load_corpus() if r["split"] != "test" and r["id"] not in known and r["labels"]]
    corrections = partnership_reading(pool, taxonomy, n)
    outcome = retrain(small_corpus, corrections, taxonomy, word_config, registry, tolerance=0.05)
    if n < 20:
        assert not outcome.promoted and registry.current() == "v0001"
        assert any(f"only {n} correction(s) to judge by: too few" in r for r in outcome.reasons)
        forced = retrain(small_corpus, corrections, taxonomy, word_config, registry, tolerance=0.05, force=True,
                         reason="first round, checked by hand")
        assert forced.promoted and registry.current() == forced.version
        promotion = registry.card(forced.version)["promotion"]
        assert promotion["forced"] and promotion["reason"] == "first round, checked by hand"
        return
    judged = outcome.comparison["corrections_cross_validated"]
    assert judged["n"] == n and judged["new"]["micro_f1"] > judged["current"]["micro_f1"]
    assert outcome.promoted and registry.current() == outcome.version, outcome.reasons


def test_retrain_promotes_only_on_improvement(tmp_path, taxonomy, small_corpus, small_config, small_model,
                                             monkeypatch):
    """The current model knows a sixth of the corpus; analysts correct 60 passages it never saw, with
    their own consistent reading (partnership passages are also about jobs). The retrained model
    does better on the corrections, each judged by a model that did not see it: promoted. Demanding a whole point more on the corpus
    test split refuses the next one; --force overrides and says so."""
    registry = Registry(tmp_path / "reg")
    registry.use(registry.add(Tagger.load(small_model)))  # the session's small model: the same rows and config
    known = {r["id"] for r in small_corpus}
    pool = [r for r in load_corpus() if r["split"] == "train" and "sdg17" in r["labels"] and r["id"] not in known]
    corrections = partnership_reading(pool, taxonomy, 60)
    outcome = retrain(small_corpus, corrections, taxonomy, small_config, registry, tolerance=0.05)
    assert outcome.promoted, outcome.reasons
    assert registry.current() == outcome.version == "v0002"
    judged = outcome.comparison["corrections_cross_validated"]
    assert judged["n"] == 60 and judged["new"]["micro_f1"] > judged["current"]["micro_f1"]
    card = registry.card("v0002")
    assert card["parent"] == "v0001" and card["promotion"]["promoted"] and card["corrections"]["distinct_texts"] == 60
    assert set(card["comparison"]["per_label_f1_change"]) == set(taxonomy.ids)
    monkeypatch.setenv("CASETAGGER_REGISTRY", str(registry.base))
    assert load_model(None, taxonomy).card["registry_version"] == "v0002"  # the default model is now v0002

    refused = retrain(small_corpus, corrections, taxonomy, small_config, registry, tolerance=-1.0)
    assert not refused.promoted and registry.current() == "v0002"
    assert any("more than the tolerance -1.0" in r for r in refused.reasons)
    forced = retrain(small_corpus, corrections, taxonomy, small_config, registry, tolerance=-1.0, force=True)
    assert forced.promoted and registry.current() == forced.version == "v0004"
    assert "promoted with --force, overriding the checks above" in forced.reasons
    assert registry.rollback() == "v0002" and registry.rollback() == "v0001" and registry.rollback() == "shipped"


def test_retrain_interrupted_leaves_current_model_working(tmp_path, taxonomy, small_corpus, word_config,
                                                          monkeypatch):
    registry = Registry(tmp_path / "reg")
    corrections = [correction(r["text"], r["labels"], f"2026-04-01T00:00:{i:02d}", taxonomy, r["id"])
                   for i, r in enumerate(small_corpus[:10])]

    def crash(tagger, out):  # dies half-way through writing the new version
        staging = out.with_name(".v0001.partial")
        staging.mkdir(parents=True)
        (staging / "model.json").write_text("{")
        raise KeyboardInterrupt

    monkeypatch.setattr(package_module, "write_model", crash)
    with pytest.raises(KeyboardInterrupt):
        retrain(small_corpus, corrections, taxonomy, word_config, registry, force=True)
    assert registry.versions() == [] and registry.current() == "shipped"
    assert Tagger.load(registry.current_path()).predict(["Kommunen planter træer i parken."])


def test_retrain_cli_and_models_commands(tmp_path, taxonomy, small_corpus):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in small_corpus), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("name: casetagger-da\nversion: 1.0.0\nseed: 13\ncv_folds: 2\nmodel: {min_df: 1}\n")
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text("\n".join(json.dumps(correction(r["text"], r["labels"], f"2026-05-01T00:00:{i:02d}", taxonomy,
                                                           r["id"]), ensure_ascii=False)
                                     for i, r in enumerate(small_corpus[:3])), encoding="utf-8")
    reg = ["--registry", str(tmp_path / "reg")]
    result = runner.invoke(app, ["train", "--corrections", str(corrections), "--corpus", str(corpus),
                                 "--config", str(config)] + reg)
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert re.search(r"NOT promoted \(\d+ s\)", said)  # the wall time in the closing line
    assert "v0001" in said and "NOT promoted" in said and "too few to show an improvement" in said
    listing = runner.invoke(app, ["models", "list"] + reg)
    assert "shipped" in listing.stdout and "v0001" in listing.stdout
    refused = runner.invoke(app, ["models", "use", "v0001"] + reg)
    assert refused.exit_code == 1 and "v0001 was not promoted" in refused.stderr and "--force" in refused.stderr
    assert Registry(tmp_path / "reg").current() == "shipped"
    assert runner.invoke(app, ["models", "use", "v0001", "--force"] + reg).exit_code == 0
    assert "Promotion: not promoted" in runner.invoke(app, ["models", "show", "v0001"] + reg).stdout
    rollback = runner.invoke(app, ["models", "rollback"] + reg)
    assert rollback.exit_code == 0 and "shipped is now the current model" in " ".join(rollback.stderr.split())
    missing = runner.invoke(app, ["models", "use", "v0042"] + reg)
    assert missing.exit_code == 1 and "no model version v0042" in " ".join(missing.stderr.split())


def test_retrain_corrections_file_is_checked(tmp_path):
    from casetagger.errors import CasetaggerError
    from casetagger.corrections import load_corrections

    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Kommunen planter træer.", "accept": ["groen"]}\n'
                    '{"text": "Et afvist eksempel.", "accept": [], "answer": "ignore"}\n', encoding="utf-8")
    rows = load_corrections(path)
    assert len(rows) == 1 and rows[0]["meta"] == {}
    path.write_text('{"accept": ["groen"]}\n', encoding="utf-8")
    with pytest.raises(CasetaggerError, match="line 1: a correction needs 'text'"):
        load_corrections(path)


@pytest.mark.parametrize("corrupt_registry_json, detail", [
    ('{"current": "v0001", "hist', "not JSON"),
    ('["v0001"]', "it needs 'current' and a list 'history'"),
    ('{"current": 3, "history": []}', "it needs 'current' and a list 'history'"),
])
def test_retrain_corrupt_registry_json_is_a_coded_error(tmp_path, monkeypatch, taxonomy, corrupt_registry_json,
                                                       detail):
    """A half-written or hand-edited registry.json once gave a JSONDecodeError traceback on every
    command that loads the current model."""
    from casetagger.errors import CasetaggerError

    root = tmp_path / "reg"
    (root / taxonomy.id).mkdir(parents=True)
    (root / taxonomy.id / "registry.json").write_text(corrupt_registry_json, encoding="utf-8")
    with pytest.raises(CasetaggerError, match=r"\[E210\]") as error:
        Registry(root).current()
    assert detail in str(error.value) and "registry.json" in str(error.value)
    for args in (["models", "list", "--registry", str(root)], ["models", "use", "shipped", "--registry", str(root)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "[E210]" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.setenv("CASETAGGER_REGISTRY", str(root))  # where `tag` without --model looks
    passages = tmp_path / "p.jsonl"
    passages.write_text('{"id": "a", "text": "Kommunen planter træer."}\n', encoding="utf-8")
    result = runner.invoke(app, ["tag", "--in", str(passages), "--out", str(tmp_path / "t.jsonl")])
    assert result.exit_code == 1 and "[E210]" in result.stderr


def test_retrain_two_at_once_get_two_versions(tmp_path, taxonomy, small_corpus, word_config, monkeypatch):
    """Two retrains finishing at the same moment once both took v0001, and the second silently
    replaced the first. Each retrain here waits inside the write for the other to arrive: under the
    registry's lock the other waits instead (the barrier times out), and each gets its own number."""
    import threading

    registry_path = tmp_path / "reg"
    both_writing = threading.Barrier(2, timeout=3)
    write = package_module.write_model

    def slow_write(tagger, out):
        try:
            both_writing.wait()  # without the lock both get here with the same version number
        except threading.BrokenBarrierError:
            pass
        write(tagger, out)

    monkeypatch.setattr(package_module, "write_model", slow_write)
    outcomes, failures = [], []

    def one_retrain(offset):
        corrections = [correction(r["text"], r["labels"], f"2026-06-0{offset}T00:00:{i:02d}", taxonomy, r["id"])
                       for i, r in enumerate(small_corpus[offset * 10:offset * 10 + 10])]
        try:
            outcomes.append(retrain(small_corpus, corrections, taxonomy, word_config, Registry(registry_path),
                                    force=True))
        except Exception as e:  # pragma: no cover - reported below
            failures.append(e)

    threads = [threading.Thread(target=one_retrain, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    registry = Registry(registry_path)
    assert sorted(o.version for o in outcomes) == registry.versions() == ["v0001", "v0002"]
    hashes = {registry.card(v)["corrections_hash"] for v in registry.versions()}
    assert len(hashes) == 2  # neither overwrote the other
    state = registry.state()  # both promotions kept, in the order they happened
    assert sorted(state["history"]) == ["v0001", "v0002"] and state["current"] == state["history"][-1]



def test_retrain_each_taxonomy_has_its_own_registry(tmp_path, taxonomy, small_model):
    """A second municipality's model once became the one current model for everyone."""
    other = Taxonomy.from_dict({"name": "Hvidovre 2024", "labels": [{"id": "havn", "kind": "goal", "name_da": "Havnen"}]})
    ours, theirs = Registry(tmp_path / "reg", taxonomy), Registry(tmp_path / "reg", other)
    ours.use(ours.add(Tagger.load(small_model)))
    assert ours.root == tmp_path / "reg" / "gladsaxe-2018-22" and theirs.root == tmp_path / "reg" / "hvidovre-2024"
    assert ours.current() == "v0001" and theirs.current() == "shipped" and theirs.versions() == []
    assert theirs.names() == []  # the shipped model is not theirs
    with pytest.raises(CasetaggerError, match=r"\[E212\].*'hvidovre-2024'"):
        theirs.current_path()


def test_retrain_flat_registry_of_0_1_moves_under_its_taxonomy(tmp_path, taxonomy, small_model):
    """A registry written before taxonomies had their own keeps its versions and its current one."""
    import shutil

    flat = tmp_path / "reg"
    for version in ("v0001", "v0002"):
        shutil.copytree(small_model, flat / version)
    (flat / "registry.json").write_text('{"current": "v0002", "history": ["v0001", "v0002"]}')
    registry = Registry(flat, taxonomy)
    assert registry.versions() == ["v0001", "v0002"] and registry.current() == "v0002"
    assert not (flat / "registry.json").exists() and not (flat / "v0001").exists()
