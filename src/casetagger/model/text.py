"""Text normalisation shared by training and tagging, so both see the same input."""

import re
from collections.abc import Collection
from functools import lru_cache

WHITESPACE = re.compile(r"\s+")
# numbers carry no topic; mapping them to one token keeps "2025" and "2026" from being features
NUMBER = re.compile(r"\d+([.,]\d+)*")


def clean(text: str) -> str:
    """Collapse whitespace; a newline in spaCy's tokenizer input also turns off its cache."""
    return WHITESPACE.sub(" ", text).strip()


def normalise(text: str) -> str:
    return NUMBER.sub("0", clean(text).lower())


def lemma_table() -> dict[str, str]:
    """spaCy's Danish lemma lookup table (spacy-lookups-data, a registry package: no download),
    form -> lemma, read afresh: the hyphenation word file is built from it too (``ingest/wordlist``).

    Read as the plain gzipped JSON it is rather than through ``spacy.lookups``: importing spaCy and
    hashing 553,000 keys into its Table cost 2.6 s CPU and 150 MB per process, for the same lookups.
    """
    import gzip
    import json
    from importlib.resources import files

    table: dict[str, str] = json.loads(gzip.decompress(
        files("spacy_lookups_data").joinpath("data", "da_lemma_lookup.json.gz").read_bytes()))
    return table


@lru_cache(maxsize=1)
def danish_lemmas() -> dict[str, str]:
    """The lemma table, loaded once per process."""
    return lemma_table()


TOKEN = re.compile(r"\w+", re.UNICODE)


def lemmatise(text: str) -> str:
    table = danish_lemmas()
    return " ".join(table.get(t, t) for t in TOKEN.findall(normalise(text)))


# Danish writes compounds as one word ("klimatilpasningsplan"). Splitting them into known parts
# lets the word features see "klima", "tilpasning" and "plan" in compounds never seen in training.
MIN_PART = 3
MIN_COMPOUND = 8
LINKS = ("", "s", "e")  # the joints of Danish compounds: "tilpasning-s-plan", "børn-e-have"


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The known words a compound is made of, longest head first; () when it is not a compound."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    table = danish_lemmas()
    # parts as lemmas: "tilpasnings" and "planen" count as "tilpasning" and "plan"
    return tuple(table.get(part, part) for part in _split(word, table) or ())


def _split(word: str, known: Collection[str], depth: int = 0) -> tuple[str, ...] | None:
    if depth > 3:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if head not in known:
            continue
        for link in LINKS:
            if link and not word[cut:].startswith(link):
                continue
            tail = word[cut + len(link):]
            if len(tail) < MIN_PART:
                continue
            if tail in known:
                return (head, tail)
            rest = _split(tail, known, depth + 1)
            if rest:
                return (head, *rest)
    return None


def with_compound_parts(text: str) -> str:
    """The normalised text followed by the parts of its compounds (each compound once)."""
    text = normalise(text)
    parts = [p for word in dict.fromkeys(TOKEN.findall(text)) for p in compound_parts(word)]
    return f"{text} {' '.join(parts)}" if parts else text
