"""Retraining on corrections: merge rules, promotion rules, the registry, interrupted training."""

import json

import pytest
from typer.testing import CliRunner

from casetagger.cli import app
from casetagger.corpus import load_corpus
from casetagger.errors import CasetaggerError
from casetagger.model import registry as registry_module
from casetagger.model.registry import Registry, load_model
from casetagger.model.retrain import merge_corrections, retrain
from casetagger.model.tagger import Tagger
from casetagger.taxonomy import Taxonomy

runner = CliRunner()


def correction(text, labels, when, taxonomy, pid="p"):
    return {"text": text, "accept": labels, "answer": "accept",
            "labels": {l: int(l in labels) for l in taxonomy.ids},
            "meta": {"passage_id": pid, "reviewer": "anna", "reviewed_at": when}}


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
    assert merged.stats == {"corrections": 3, "distinct_texts": 3, "held_out": 0, "overridden": 1, "added": 1,
                            "skipped_test": 1}
    new = [r for r in merged.rows if r["id"].startswith("corr-")]
    assert new[0]["labels"] == ["lige", "sdg17"] and new[0]["split"] == "train"


def test_retrain_holds_out_the_latest_fifth(taxonomy, small_corpus):
    texts = [f"Passage nummer {i} om en ny skolehave og undervisning i natur for elever i {i}. klasse." for i in range(10)]
    corrections = [correction(t, ["boern", "sdg4"], f"2026-02-{i + 1:02d}T09:00:00", taxonomy, f"p{i}")
                   for i, t in enumerate(texts)]
    merged = merge_corrections(small_corpus, corrections, taxonomy)
    assert [h["text"] for h in merged.held_out] == texts[8:]
    assert not any(r["text"] in texts[8:] for r in merged.rows)


def test_retrain_promotes_only_on_improvement(tmp_path, taxonomy, small_corpus, small_config, small_model,
                                             monkeypatch):
    """The current model knows a sixth of the corpus; analysts correct 60 passages it never saw, with
    their own consistent reading (partnership passages are also about jobs). The retrained model
    does better on the held-out corrections: promoted. Demanding a whole point more on the corpus
    test split refuses the next one; --force overrides and says so."""
    registry = Registry(tmp_path / "reg")
    registry.use(registry.add(Tagger.load(small_model)))  # the session's small model
    known = {r["id"] for r in small_corpus}
    pool = [r for r in load_corpus() if r["split"] == "train" and "sdg17" in r["labels"] and r["id"] not in known][:60]
    corrections = [correction(r["text"], sorted(set(r["labels"]) | {"sdg8"}), f"2026-03-01T{i // 60:02d}:{i % 60:02d}:00",
                              taxonomy, r["id"]) for i, r in enumerate(pool)]
    outcome = retrain(small_corpus, corrections, taxonomy, small_config, registry, tolerance=0.05)
    assert outcome.promoted, outcome.reasons
    assert registry.current() == outcome.version == "v0002"
    held = outcome.comparison["held_out_corrections"]
    assert held["n"] == 12 and held["new"]["micro_f1"] > held["current"]["micro_f1"]
    card = registry.card("v0002")
    assert card["parent"] == "v0001" and card["promotion"]["promoted"] and card["corrections"]["held_out"] == 12
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


def test_retrain_interrupted_leaves_current_model_working(tmp_path, taxonomy, small_corpus, small_config, small_model,
                                                          monkeypatch):
    from casetagger.model import retrain as retrain_module

    registry = Registry(tmp_path / "reg")
    # the interruption is in writing, not training: the session's small model stands in for a new one
    monkeypatch.setattr(retrain_module, "train_tagger", lambda *args, **kwargs: Tagger.load(small_model))
    corrections = [correction(r["text"], r["labels"], f"2026-04-01T00:00:{i:02d}", taxonomy, r["id"])
                   for i, r in enumerate(small_corpus[:10])]

    def crash(tagger, out):  # dies half-way through writing the new version
        staging = out.with_name(".v0001.partial")
        staging.mkdir(parents=True)
        (staging / "model.json").write_text("{")
        raise KeyboardInterrupt

    monkeypatch.setattr(registry_module, "write_model", crash)
    with pytest.raises(KeyboardInterrupt):
        retrain(small_corpus, corrections, taxonomy, small_config, registry, force=True)
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
    assert "v0001" in said and "NOT promoted" in said and "fewer than 5 corrections" in said
    listing = runner.invoke(app, ["models", "list"] + reg)
    assert "shipped" in listing.stdout and "v0001" in listing.stdout
    assert runner.invoke(app, ["models", "use", "v0001"] + reg).exit_code == 0
    assert "Promotion: not promoted" in runner.invoke(app, ["models", "show", "v0001"] + reg).stdout
    rollback = runner.invoke(app, ["models", "rollback"] + reg)
    assert rollback.exit_code == 0 and "shipped is now the current model" in " ".join(rollback.stderr.split())
    missing = runner.invoke(app, ["models", "use", "v0042"] + reg)
    assert missing.exit_code == 1 and "no model version v0042" in " ".join(missing.stderr.split())


def test_retrain_corrections_file_is_checked(tmp_path):
    from casetagger.errors import CasetaggerError
    from casetagger.model.retrain import load_corrections

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


def test_retrain_two_at_once_get_two_versions(tmp_path, taxonomy, small_corpus, small_config, small_model, monkeypatch):
    """Two retrains finishing at the same moment once both took v0001, and the second silently
    replaced the first. Each retrain here waits inside the write for the other to arrive: under the
    registry's lock the other waits instead (the barrier times out), and each gets its own number."""
    import threading

    from casetagger.model import retrain as retrain_module

    registry_path = tmp_path / "reg"
    monkeypatch.setattr(retrain_module, "train_tagger",  # two trainings would only make the test slow
                        lambda rows, taxonomy, config, extra=None: _with_card(Tagger.load(small_model), extra))
    both_writing = threading.Barrier(2, timeout=3)
    write = registry_module.write_model

    def slow_write(tagger, out):
        try:
            both_writing.wait()  # without the lock both get here with the same version number
        except threading.BrokenBarrierError:
            pass
        write(tagger, out)

    monkeypatch.setattr(registry_module, "write_model", slow_write)
    outcomes, failures = [], []

    def one_retrain(offset):
        corrections = [correction(r["text"], r["labels"], f"2026-06-0{offset}T00:00:{i:02d}", taxonomy, r["id"])
                       for i, r in enumerate(small_corpus[offset * 10:offset * 10 + 10])]
        try:
            outcomes.append(retrain(small_corpus, corrections, taxonomy, small_config, Registry(registry_path),
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


def _with_card(tagger, extra):
    tagger.card.update(extra or {})
    return tagger


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
