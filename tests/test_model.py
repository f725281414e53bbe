import datetime
import json
import shutil

import numpy as np
import pytest
import skops.io as sio

from casetagger.corpus import load_corpus
from casetagger.errors import CasetaggerError
from casetagger.model.metrics import evaluate_sets
from casetagger.model.registry import load_model
from casetagger.model.tagger import Tagger
from casetagger.model.train import TrainConfig, evaluate_rows, train_tagger
from casetagger.resources import DEFAULT_MODEL
from casetagger.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def small_rows():
    """Sixty real corpus passages: enough to overfit, quick to train."""
    rows = [r for r in load_corpus() if r["split"] == "train"]
    return [dict(r) for r in rows[::17][:60]]


def test_model_overfit_save_reload(tmp_path, taxonomy, small_rows, small_config):
    tagger = train_tagger(small_rows, taxonomy, small_config)
    texts = [r["text"] for r in small_rows]
    # overfit: with thresholds at 0.5 the training passages come back with their own labels
    tagger.thresholds[:] = 0.5
    predicted = tagger.predict(texts)
    assert evaluate_sets([set(r["labels"]) for r in small_rows], predicted, taxonomy)["all"]["micro_f1"] > 0.95
    tagger.save(tmp_path / "m")
    reloaded = Tagger.load(tmp_path / "m")
    assert np.allclose(reloaded.scores(texts), tagger.scores(texts))
    assert reloaded.predict(texts) == predicted
    assert reloaded.card["taxonomy_hash"] == taxonomy.hash


def test_model_training_is_deterministic(taxonomy, small_rows, small_config):
    a = train_tagger(small_rows, taxonomy, small_config)
    b = train_tagger(small_rows, taxonomy, small_config)
    assert np.array_equal(a.model.coef_, b.model.coef_) and np.array_equal(a.thresholds, b.thresholds)


def test_metrics_evaluate_against_hand_computed_figures():
    taxonomy = Taxonomy.from_dict({"labels": [{"id": "a", "kind": "goal", "name_da": "A"},
                                              {"id": "b", "kind": "goal", "name_da": "B"},
                                              {"id": "s", "kind": "sdg", "name_da": "S"}]})
    gold = [{"a", "s"}, {"a"}, {"b"}, set(), {"s"}]
    predicted = [{"a"}, {"a", "b"}, set(), {"s"}, {"s", "b"}]
    optional = [set(), set(), set(), set(), {"b"}]  # the last row's "b" counts neither way
    m = evaluate_sets(gold, predicted, taxonomy, optional)
    # a: tp 2, fp 0, fn 0 -> 1.0; b: tp 0, fp 1, fn 1 -> 0.0; s: tp 1, fp 1, fn 1 -> 0.5
    assert m["per_label"]["a"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 2}
    assert m["per_label"]["b"]["f1"] == 0.0 and m["per_label"]["s"]["f1"] == 0.5
    assert m["goals"]["macro_f1"] == 0.5 and m["sdgs"]["macro_f1"] == 0.5
    assert m["all"]["macro_f1"] == 0.5  # (1 + 0 + 0.5) / 3
    # micro over all: tp 3, fp 2, fn 2 -> P 0.6, R 0.6
    assert m["all"]["micro_f1"] == 0.6


@pytest.fixture(scope="module")
def shipped():
    return load_model()  # the registry of the suite is empty: the shipped model


@pytest.mark.parametrize("text", ["", "Skybrudssikring", "Kommunen planter træer og anlægger en ny park. " * 1250])
def test_model_tags_empty_one_word_and_ten_thousand_words(shipped, text):
    [row] = shipped.tag([{"id": "x", "text": text}])
    assert set(row["scores"]) == set(shipped.labels)
    assert all(0.0 <= s <= 1.0 for s in row["scores"].values())
    assert set(row["evidence"]) == set(row["labels"])
    if len(text.split()) > 1000:
        assert "groen" in row["labels"] and row["evidence"]["groen"]


def test_model_evidence_comes_from_the_passage(shipped):
    text = ("Kommunen etablerer regnvandsbassiner og skybrudsveje i Søborg, så kældrene ikke oversvømmes, "
            "og CO2-udledningen fra kommunens bygninger skal halveres med nye varmepumper.")
    [row] = shipped.tag([{"id": "x", "text": text}])
    assert "klima" in row["labels"]
    assert row["evidence"]["klima"] and all(word in text for word in row["evidence"]["klima"])


def test_model_refuses_untrusted_types(tmp_path, shipped):
    shipped.save(tmp_path / "m")
    (tmp_path / "m" / "model.npz").unlink()  # a model directory from before: skops weights
    sio.dump({"payload": datetime.date(2026, 1, 1)}, tmp_path / "m" / "model.skops")  # not on the list
    with pytest.raises(CasetaggerError, match="untrusted types"):
        Tagger.load(tmp_path / "m")


def test_model_refuses_pickled_arrays(tmp_path, shipped):
    shipped.save(tmp_path / "m")
    arrays = dict(np.load(tmp_path / "m" / "model.npz"))
    arrays["coef"] = np.array([datetime.date(2026, 1, 1)], dtype=object)  # only pickle could load it
    np.savez(tmp_path / "m" / "model.npz", **arrays)
    with pytest.raises(CasetaggerError, match="untrusted types"):
        Tagger.load(tmp_path / "m")


def test_model_reads_legacy_skops_weights(tmp_path, shipped):
    shipped.save(tmp_path / "m")
    (tmp_path / "m" / "model.npz").unlink()
    sio.dump(shipped.model.to_arrays(), tmp_path / "m" / "model.skops")
    texts = ["Kommunen etablerer regnvandsbassiner og skybrudsveje i Søborg.", "Nye pladser i vuggestuerne."]
    assert np.allclose(Tagger.load(tmp_path / "m").scores(texts), shipped.scores(texts))


def test_model_refuses_other_taxonomy(tmp_path):
    other = Taxonomy.from_dict({"labels": [{"id": "havn", "kind": "goal", "name_da": "Havn"}]})
    with pytest.raises(CasetaggerError, match="trained for taxonomy"):
        Tagger.load(DEFAULT_MODEL, taxonomy=other)
    with pytest.raises(CasetaggerError, match="no model found"):
        Tagger.load(tmp_path)


def test_model_shipped_card_is_complete(shipped):
    card = shipped.card
    for key in ("version", "labels", "taxonomy_hash", "corpus_hash", "test_metrics", "thresholds", "libraries", "date"):
        assert card[key], key
    size = sum(f.stat().st_size for f in DEFAULT_MODEL.iterdir())
    assert size < 30 * 2**20
    assert card["corpus_hash"] == __import__("casetagger.model.train", fromlist=["x"]).corpus_hash(load_corpus())


@pytest.mark.slow
def test_model_retraining_reproduces_shipped_metrics(taxonomy, shipped):
    """Same corpus and seed give the same model and the same metrics as the shipped one."""
    rows = load_corpus()
    tagger = train_tagger(rows, taxonomy, TrainConfig.load())
    test = evaluate_rows(tagger, [r for r in rows if r["split"] == "test"], taxonomy)
    assert test == shipped.card["test_metrics"]
    assert test["all"]["macro_f1"] >= 0.80
    assert json.dumps(tagger.card["thresholds"] if "thresholds" in tagger.card else
                      dict(zip(tagger.labels, tagger.thresholds.tolist()))) == json.dumps(shipped.card["thresholds"])


def test_model_corrections_weigh_more_when_configured(taxonomy, small_rows, small_config):
    rows = [dict(r, corrected=True) if i % 3 == 0 else r for i, r in enumerate(small_rows)]
    plain = train_tagger(rows, taxonomy, small_config)
    weighted = train_tagger(rows, taxonomy, TrainConfig(cv_folds=2, correction_weight=2.0, model=small_config.model))
    assert not np.array_equal(plain.model.coef_, weighted.model.coef_)
    assert weighted.card["config"]["correction_weight"] == 2.0
    # the corpus alone (no corrections) trains the same model whatever the weight
    clean = [r for r in small_rows]
    a = train_tagger(clean, taxonomy, small_config)
    b = train_tagger(clean, taxonomy, TrainConfig(cv_folds=2, correction_weight=2.0, model=small_config.model))
    assert np.array_equal(a.model.coef_, b.model.coef_)


@pytest.mark.parametrize("config_with_a_mistake, detail", [
    ("name: x\ncv_fold: 3\n", "unknown setting(s) cv_fold"),
    ("cv_folds: fem\n", "'cv_folds' has the wrong type (str)"),
    ("cv_folds: 1\n", "'cv_folds' must be at least 2"),
    ("model: {C: 1, ngrams: [1, 2]}\n", "unknown model parameter(s) ngrams"),
    ("model: {word_ngrams: 2}\n", "'word_ngrams' must be two whole numbers"),
    ("- a list, not settings\n", "it needs a mapping"),
    ("name: [unclosed\n", "not YAML"),
])
def test_model_bad_training_config_is_a_coded_error(tmp_path, config_with_a_mistake, detail):
    """A typo in the config once surfaced as a TypeError traceback from the dataclass."""
    from typer.testing import CliRunner

    from casetagger.cli import app

    path = tmp_path / "config_with_a_mistake.yaml"
    path.write_text(config_with_a_mistake, encoding="utf-8")
    with pytest.raises(CasetaggerError, match=r"\[E209\]") as error:
        TrainConfig.load(path)
    assert detail in str(error.value) and str(path) in str(error.value)
    result = CliRunner().invoke(app, ["train", "--config", str(path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "[E209]" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("damage, detail", [
    (lambda card: "{\"name\": \"casetagger-da\", \"thresh", "not JSON"),
    (lambda card: json.dumps([card]), "not a JSON object"),
    (lambda card: json.dumps({k: v for k, v in card.items() if k != "thresholds"}), "missing thresholds"),
    (lambda card: json.dumps(dict(card, thresholds=dict(list(card["thresholds"].items())[1:]))),
     "a number for every label"),
])
def test_model_bad_model_card_is_a_coded_error(tmp_path, damage, detail):
    """A truncated or hand-edited model.json once gave a JSONDecodeError or KeyError traceback."""
    from typer.testing import CliRunner

    from casetagger.cli import app

    model = tmp_path / "model_with_a_bad_card"
    shutil.copytree(DEFAULT_MODEL, model)
    card = json.loads((model / "model.json").read_text(encoding="utf-8"))
    (model / "model.json").write_text(damage(card), encoding="utf-8")
    with pytest.raises(CasetaggerError, match=r"\[E211\]") as error:
        Tagger.load(model)
    assert detail in str(error.value) and "model.json" in str(error.value)
    passages = tmp_path / "p.jsonl"
    passages.write_text('{"id": "a", "text": "Kommunen planter træer."}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", "--in", str(passages), "--out", str(tmp_path / "t.jsonl"),
                                      "--model", str(model)])
    assert result.exit_code == 1 and "[E211]" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("options", [{"compounds": True}, {"terms": True}, {"loss": "hinge", "C": 0.5},
                                     {"compounds": True, "terms": True, "loss": "hinge", "C": 0.5}])
def test_model_options_overfit_save_reload(tmp_path, taxonomy, small_rows, options):
    """Every candidate the selection compares trains, saves and reloads to the same scores."""
    config = TrainConfig(cv_folds=2, model=dict(TrainConfig.load().model, min_df=1, **options))
    tagger = train_tagger(small_rows, taxonomy, config)
    texts = [r["text"] for r in small_rows]
    tagger.thresholds[:] = 0.5
    predicted = tagger.predict(texts)
    assert evaluate_sets([set(r["labels"]) for r in small_rows], predicted, taxonomy)["all"]["micro_f1"] > 0.9
    if options.get("terms"):
        assert tagger.model.terms["klima"] == taxonomy.terms["klima"]  # the taxonomy's terms travel with the model
    tagger.save(tmp_path / "m")
    reloaded = Tagger.load(tmp_path / "m")
    assert np.allclose(reloaded.scores(texts), tagger.scores(texts), atol=1e-6)


def test_model_compound_parts_are_known_danish_words():
    from casetagger.model.text import compound_parts, with_compound_parts

    assert compound_parts("klimatilpasningsplan") == ("klima", "tilpasning", "plan")
    assert compound_parts("letbanestationen") == ("letbane", "station")
    assert compound_parts("kommune") == ()  # too short to be a compound worth splitting
    assert with_compound_parts("Skybrudssikring i 2025").endswith("skybrud sikring")


def test_model_evidence_is_content_words_only(taxonomy, small_rows, small_config):
    """Words every municipal text uses ("procent", "kommunens", "projektet") are never evidence."""
    generic = "Projektet er kommunens og udvalgets, og det er 40 procent af området."
    rows = [dict(r, text=f"{generic} {r['text']}") if "klima" in r["labels"] else r for r in small_rows]
    tagger = train_tagger(rows, taxonomy, small_config)
    tagged = tagger.tag([{"id": r["id"], "text": r["text"]} for r in rows if "klima" in r["labels"]])
    words = {w.lower() for row in tagged for ws in row["evidence"].values() for w in ws}
    assert words, "some evidence is given"
    assert not words & {"projektet", "kommunens", "udvalgets", "procent", "området", "det", "er", "og", "40"}


@pytest.mark.parametrize(("analyzer", "ngram_range"),
                         [("char_wb", (3, 5)), ("char_wb", (1, 2)), ("char_wb", (2, 6)), ("word", (1, 1)),
                          ("word", (1, 2)), ("word", (2, 3))])
def test_model_ngrams_equal_scikit_learn(analyzer, ngram_range):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from casetagger.model.ngrams import NgramTfidf

    texts = [r["text"] for r in load_corpus()[:400]]
    odd = ["", "   ", "a", "ø", "ab  cd\tef\nGH", "İstanbul ẞtraße Ⅻ", "x" * 60, "CO2-udledning, 2025! (bl.a.)"]
    words = {"token_pattern": r"(?u)\b\w+\b"} if analyzer == "word" else {}
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngram_range, min_df=2, sublinear_tf=True,
                                 dtype=np.float32, **words).fit(texts)
    ngrams = NgramTfidf.from_vectorizer(vectorizer)
    assert ngrams.vocabulary_ == vectorizer.vocabulary_
    for batch in (texts + odd, odd, texts[:1]):
        ours, theirs = ngrams.transform(batch).to_scipy(), vectorizer.transform(batch)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
        assert abs(ours - theirs).max() < 1e-6
        assert ((ours != 0) != (theirs != 0)).nnz == 0  # the same features present


def test_model_loading_imports_no_scikit_learn(heavy_imports):
    """Loading a skops model imported all of scikit-learn and scipy.stats (1.3-2.2 s per process);
    the npz weights are applied by casetagger's own n-gram transform."""
    code = """
from casetagger.model.registry import load_model
load_model().tag([{"id": "x", "text": "Kommunen planter træer i Søborg."}])
"""
    assert not {"sklearn", "skops"} & heavy_imports(code)


def test_model_tagging_imports_no_spacy_or_scipy(heavy_imports):
    """Tagging imported all of spaCy for its Danish stop words and lemma table (0.5-2.6 s, 30-150 MB
    per process); both are read from spaCy's data files now, with the same content. It imported
    scipy.sparse too (80 ms before `run`'s first worker starts); the rows are numpy's now."""
    code = """
from casetagger.model.linear import _evidence_stopwords
from casetagger.model.tagger import Tagger
from casetagger.model.text import compound_parts, lemmatise
from casetagger.resources import DEFAULT_MODEL

rows = list(Tagger.load(DEFAULT_MODEL).tag([{"text": "Kommunen planter 300 nye træer i parken med frivillige."}]))
assert rows[0]["scores"] and "og" in _evidence_stopwords()
assert lemmatise("skolerne") == "skole" and compound_parts("klimatilpasningsplanen")
"""
    assert heavy_imports(code) == set()


@pytest.mark.parametrize("damage", ["truncated", "flipped_byte", "npy_not_npz", "text", "no_idf", "unknown_param"])
def test_model_damaged_weights_raise_an_error_naming_the_file(tmp_path, shipped, damage):
    """A damaged model.npz escaped as BadZipFile or TypeError tracebacks, or as 'untrusted types'."""
    shipped.save(tmp_path / "m")
    weights = tmp_path / "m" / "model.npz"
    data = weights.read_bytes()
    if damage == "truncated":
        weights.write_bytes(data[: len(data) // 2])
    elif damage == "flipped_byte":
        middle = len(data) // 2
        weights.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    elif damage == "npy_not_npz":
        with weights.open("wb") as f:
            np.save(f, np.zeros(3))
    elif damage == "text":
        weights.write_text("model weights\n", encoding="utf-8")
    else:
        arrays = dict(np.load(weights))
        if damage == "no_idf":
            del arrays["word_idf"]
        else:
            params = json.loads(str(arrays["params"]))
            arrays["params"] = np.array(json.dumps(dict(params, attention_heads=8)))
        np.savez(weights, **arrays)
    with pytest.raises(CasetaggerError, match=r"\[E205\].*model\.npz: not a casetagger model file, or a damaged one"):
        Tagger.load(tmp_path / "m")
