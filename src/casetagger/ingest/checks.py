"""Per-page checks for text that was read but cannot be trusted, so nothing is lost silently.

Works on ``PageRecord``s only: any extractor's pages are checked the same way.
"""

from casetagger.ingest.records import PageRecord

UNMAPPED_SHARE = 0.5  # more of the page's glyphs than this without a Unicode mapping
DOUBLED_SHARE = 0.5  # more of the page's words than this are "DDoouubblleedd" (fake bold drawn twice)
MIN_WORDS = 5  # a page with fewer words is not judged on doubled letters


def _doubled(word: str) -> bool:
    letters = list(filter(str.isalpha, word))
    return len(letters) >= 4 and len(letters) % 2 == 0 and all(a == b for a, b in zip(letters[::2], letters[1::2]))


def page_problems(page: PageRecord, lost: int) -> set[str]:
    """What is wrong with the page's text: "unmapped", "vertical", "doubled" (possibly none)."""
    problems = set()
    glyphs = sum(len(w.text) for w in page.words) + lost
    if lost and lost > UNMAPPED_SHARE * glyphs:
        problems.add("unmapped")
    if any(not w.upright for w in page.words):
        problems.add("vertical")
    long_words = [w.text for w in page.words if sum(map(str.isalpha, w.text)) >= 4]
    if len(long_words) >= MIN_WORDS and sum(map(_doubled, long_words)) > DOUBLED_SHARE * len(long_words):
        problems.add("doubled")
    return problems
