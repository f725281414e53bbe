"""Joining lines across a line-end hyphen, the Danish way, with a word list to decide.

"bære-" + "dygtig" is one word split by the typesetter: join it. "uddannelses-" + "eller
erhvervsparate" is an elided compound (the shared last part is left out): keep the hyphen and the
space. "hjerte-" + "kar-sygdomme" and "lænde-" + "ryglidelser" are compounds written with a hyphen
of their own: keep it, no space. "CO2-" + "udledning" likewise.

The word list is spaCy's Danish lemma lookup table (spacy-lookups-data, a dependency already):
about 551,000 forms, kept as a memory-mapped sorted file (``wordlist.py``).
``reports/ingest-fidelity.md`` measures it against wordfreq's Danish list on municipal text (it
covers far more of it, long compounds above all).
"""

import re
from functools import lru_cache

from casetagger.ingest.wordlist import WordList, danish_words

# Words after which a line-end hyphen marks an elided compound ("børne- og ungeområdet").
ELISION_FOLLOWERS = {"og", "eller", "samt", "til", "som", "men", "end", "plus", "hhv", "såvel", "&", "og/eller"}
HYPHEN_END = re.compile(r"(\w+)-$")  # the word part just before a line-end hyphen
WORD_CHARS = re.compile(r"^[\w-]+")


@lru_cache(maxsize=1)
def lexicon() -> WordList:
    """Every Danish word form the lookups table knows, lower-cased (mapped once per process)."""
    return danish_words()


def _known(word: str, words: WordList) -> bool:
    # "lænde" is listed only inflected ("lænden"); a definite form stands in for the bare noun
    return word in words or word + "n" in words


def keeps_hyphen(head: str, tail: str) -> bool:
    """Is "head-" at a line end followed by "tail" a hyphen of its own (True) or a break (False)?"""
    if "-" in tail:  # a chain of hyphenated parts: "hjerte-" + "kar-sygdomme"
        return True
    head, tail = head.lower(), tail.lower()
    words = lexicon()
    if head + tail in words:
        return False
    # both parts words and the whole not: a compound written with a hyphen. A first part ending in
    # the linking -s ("lærings-centret") is a compound's first half, broken by the typesetter.
    return (len(head) >= 3 and len(tail) >= 3 and not head.endswith("s")
            and _known(head, words) and tail in words)


def join_lines(previous: str, following: str) -> str:
    """Append ``following`` (the next line) to ``previous`` (the text so far)."""
    if not previous:
        return following
    if not following:
        return previous
    if previous.endswith("\u00ad"):  # a soft hyphen only ever marks a break
        return previous[:-1] + following
    # only the last word matters; searching the whole paragraph made long joins quadratic
    match = HYPHEN_END.search(previous[-80:]) if previous.endswith("-") else None
    if not match:
        return f"{previous} {following}"
    stem = match.group(1)
    next_word = following.split()[0]
    if next_word.lower().rstrip(",.;:") in ELISION_FOLLOWERS:
        return f"{previous} {following}"
    acronym = len(stem) >= 2 and stem.isupper()
    if acronym or any(c.isdigit() for c in stem) or not next_word[0].islower():
        return previous + following
    tail = WORD_CHARS.match(next_word)
    if tail and keeps_hyphen(stem, tail.group(0).rstrip("-")):
        return previous + following
    return previous[:-1] + following
