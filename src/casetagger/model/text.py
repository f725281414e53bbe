"""Text normalisation shared by training and tagging, so both see the same input."""

import re
from typing import Any
from functools import lru_cache

WHITESPACE = re.compile(r"\s+")
# numbers carry no topic; mapping them to one token keeps "2025" and "2026" from being features
NUMBER = re.compile(r"\d+([.,]\d+)*")


def clean(text: str) -> str:
    """Collapse whitespace; a newline in spaCy's tokenizer input also turns off its cache."""
    return WHITESPACE.sub(" ", text).strip()


def normalise(text: str) -> str:
    return NUMBER.sub("0", clean(text).lower())


@lru_cache(maxsize=1)
def danish_lemmas() -> Any:
    """spaCy's Danish lemma lookup table (spacy-lookups-data, a registry package: no download)."""
    from spacy.lookups import load_lookups

    return load_lookups("da", ["lemma_lookup"]).get_table("lemma_lookup")


TOKEN = re.compile(r"\w+", re.UNICODE)


def lemmatise(text: str) -> str:
    table = danish_lemmas()
    return " ".join(table.get(t, t) for t in TOKEN.findall(normalise(text)))
