import os

from casetagger.ingest import wordlist
from casetagger.ingest.wordlist import WordList

WORDS = ["a", "aftale", "aftalen", "byråd", "byrådet", "udvalg", "zoo", "æble", "ø", "øer", "åben"]


def write_sorted(path, words):
    path.write_bytes(b"\n".join(sorted(w.encode("utf-8") for w in words)))
    return path


def test_wordlist_finds_every_word_and_no_neighbour(tmp_path):
    words = WordList(write_sorted(tmp_path / "words.txt", WORDS))
    assert all(w in words for w in WORDS)
    near = ["", "aa", "aftal", "aftalerne", "b", "byrådets", "zz", "æ", "øe", "å", "åbent", "0", "\uffff"]
    assert not any(n in words for n in near)
    assert len(words) == len(WORDS)


def test_wordlist_empty_file_knows_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    words = WordList(tmp_path / "empty.txt")
    assert "a" not in words and len(words) == 0


def test_wordlist_agrees_with_a_set_on_many_words(tmp_path):
    # every prefix of every word of a small vocabulary: a dense neighbourhood for the search
    vocabulary = {"kommune", "kommunen", "kommunalbestyrelsen", "klima", "klimaplan", "plan", "planen", "år"}
    words = WordList(write_sorted(tmp_path / "words.txt", vocabulary))
    probes = {w[:i] for w in vocabulary for i in range(len(w) + 2)} | {w + "s" for w in vocabulary}
    assert {p for p in probes if p in words} == vocabulary


def test_wordlist_is_built_once_into_the_first_writable_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setattr(wordlist, "cache_folders", lambda: [blocked, tmp_path / "cache"])
    built = []
    monkeypatch.setattr(wordlist, "build", lambda target: built.append(write_sorted(target, WORDS)))
    assert "byrådet" in wordlist.danish_words()
    assert "byrådet" in wordlist.danish_words()
    assert len(built) == 1 and built[0].parent == tmp_path / "cache"


def test_wordlist_knows_the_lookup_tables_words():
    words = wordlist.danish_words()
    assert all(w in words for w in ["bæredygtige", "kommunalbestyrelsen", "lænden"])
    assert "bæredygtigq" not in words
    assert os.path.getsize(words.path) > 1_000_000


def test_wordlist_source_version_is_the_installed_packages():
    """Read from the package's about.py, which spared importing importlib.metadata at start-up."""
    from importlib.metadata import version

    assert wordlist.source_version() == version("spacy-lookups-data")
