"""The rule-based sentence splitter against spaCy's sentencizer on every long paragraph we can make.

    python benchmarks/sentences.py [--show N]

Long paragraphs (over MAX_WORDS words) come from three sources: the corpus texts
(``corpus/passages.jsonl``), the paragraphs of the generated test fixtures (``tests/council.py``,
``tests/texts/gold``), and the paragraphs parsed from the bundled ``examples/`` PDFs; each
source's texts are joined in order, separated by a space or (every third) a line break, into
paragraphs of about 400 words, as merged fragments and run-on paragraphs come out of ingest.

A split point is counted where a sentence's first word starts (quotes, brackets, bullets and white
space before it skipped), so both splitters name the same point the same way. A difference is
classed by the text around it. Then ``split_long`` cuts each paragraph both ways (spaCy's
sentencizer, as ingest did before, and the rule) and the pieces are compared.
"""

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "tests" / "texts")]

from casetagger.ingest import passages as passages_module  # noqa: E402
from casetagger.ingest.passages import MAX_WORDS, Passage, split_long  # noqa: E402
from casetagger.ingest.sentences import NEVER_END, OPENERS, sentence_spans  # noqa: E402

PARAGRAPH_WORDS = 400


def corpus_texts() -> list[str]:
    with open(ROOT / "corpus" / "passages.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def fixture_texts() -> list[str]:
    import importlib

    from council import fixtures
    from pdfgen import expected_passages

    documents = [elements for elements, _, _ in fixtures().values()]
    for path in sorted((ROOT / "tests" / "texts" / "gold").glob("*.py")):
        if path.stem != "__init__":
            documents.append(importlib.import_module(f"gold.{path.stem}").DOCUMENT)
    return [text for elements in documents for _, text in expected_passages(elements)]


def example_texts() -> list[str]:
    """The paragraphs of the bundled PDFs as ingest hands them to split_long."""
    from casetagger.ingest import parse_document

    seen: list[str] = []

    def record(passage: Passage) -> list[Passage]:
        seen.append(passage.text)
        return split_long(passage)

    passages_module.split_long = record
    try:
        for path in sorted((ROOT / "examples").glob("*.pdf")):
            parse_document(path)
    finally:
        passages_module.split_long = split_long
    return seen


def long_paragraphs(texts: list[str]) -> list[str]:
    """Texts joined in order into paragraphs of about PARAGRAPH_WORDS words; natural long ones kept."""
    paragraphs, current, words = [], [], 0
    for text in texts:
        if len(text.split()) > MAX_WORDS:
            paragraphs.append(text)
            continue
        current.append(text)
        words += len(text.split())
        if words >= PARAGRAPH_WORDS:
            paragraphs.append("".join(t + ("\n" if i % 3 == 2 else " ") for i, t in enumerate(current)).strip())
            current, words = [], 0
    return paragraphs


def spacy_spans(text: str) -> list[tuple[int, int]]:
    doc = _nlp()(text)
    return [(sent.start_char, sent.end_char) for sent in doc.sents]


_NLP = []


def _nlp():
    if not _NLP:
        import spacy

        nlp = spacy.blank("da")
        nlp.add_pipe("sentencizer")
        _NLP.append(nlp)
    return _NLP[0]


def split_points(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Where each sentence after the first starts its first word."""
    points = set()
    for start, _ in spans[1:]:
        while start < len(text) and (text[start].isspace() or text[start] in OPENERS):
            start += 1
        points.add(start)
    return points


def why(text: str, point: int) -> str:
    """A class for a split point only one splitter makes, from the text around it."""
    before = text[:point].rstrip().rstrip(OPENERS).rstrip()
    gap = text[len(before):point]
    stop = before.rstrip("\"'”’»«)]")
    word = stop[stop.rfind(" ") + 1:].rsplit("\n", 1)[-1].lstrip("\"'“„»«([")
    if not stop.endswith((".", "!", "?")):
        return "no stop before (spaCy: a stop token earlier in the word)" if "." in word else "no stop before"
    bare = word[:-1].lower()
    if gap.strip(" \n" + OPENERS) or not gap.strip(OPENERS):
        return "no white space after the stop"
    if "\n" in gap:
        return "line break after the stop"
    if bare in NEVER_END:
        return f"after an abbreviation that never ends a sentence ({bare}.)"
    if len(bare) == 1 and bare.isalpha():
        return "after a single letter"
    if bare.isdigit():
        return f"after a number ({'1-31, a spaCy ordinal' if 1 <= int(bare) <= 31 else '0 or over 31'})"
    if bare.endswith("."):
        return "after an ellipsis"
    following = text[point:point + 1]
    if following.islower():
        return "a lower-case word follows"
    if any(c.isalpha() for c in bare) and "." in bare:
        return f"after an abbreviation spaCy keeps whole ({bare}.)"
    return f"after '{word}' (spaCy keeps it as one token)" if word.lower() in _spacy_exceptions() else f"after '{word}'"


def _spacy_exceptions() -> set[str]:
    from spacy.lang.da.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return {k.lower() for k in TOKENIZER_EXCEPTIONS}


def pieces(paragraph: str, spans_of) -> list[str]:
    passages_module.sentence_spans = spans_of
    try:
        return [p.text for p in split_long(Passage(paragraph, []))]
    finally:
        passages_module.sentence_spans = sentence_spans


def cuts(text: str, texts: list[str]) -> set[int]:
    """Where each piece after the first starts its first word (as ``split_points``)."""
    found, position = set(), 0
    for piece in texts:
        position = text.index(piece, position)
        found.add(position)
    found.discard(min(found, default=0))
    return split_points(text, [(0, 0)] + [(p, p) for p in found])


def measure(name: str, paragraphs: list[str], show: int) -> dict:
    agree = spacy_only = rule_only = same_pieces = spacy_mid_sentence = 0
    reasons: Counter[str] = Counter()
    examples: list[str] = []
    for text in paragraphs:
        ours, theirs = split_points(text, sentence_spans(text)), split_points(text, spacy_spans(text))
        agree += len(ours & theirs)
        spacy_only += len(theirs - ours)
        rule_only += len(ours - theirs)
        for point, side in [(p, "spaCy only") for p in theirs - ours] + [(p, "rule only") for p in ours - theirs]:
            reason = f"{side}: {why(text, point)}"
            reasons[reason] += 1
            if len(examples) < show:
                examples.append(f"{reason}: …{text[max(0, point - 40):point]}‖{text[point:point + 25]}…")
        ours_pieces, spacy_pieces = pieces(text, sentence_spans), pieces(text, spacy_spans)
        same_pieces += ours_pieces == spacy_pieces
        # a differing cut: spaCy's falls where the rule sees no sentence end, or the rule's where spaCy sees none
        spacy_mid_sentence += ours_pieces != spacy_pieces and bool(cuts(text, spacy_pieces) - ours)
    return {"source": name, "paragraphs": len(paragraphs), "words": sum(len(t.split()) for t in paragraphs),
            "agree": agree, "spacy_only": spacy_only, "rule_only": rule_only, "same_pieces": same_pieces,
            "spacy_mid_sentence": spacy_mid_sentence,
            "reasons": reasons, "examples": examples}


def timing(paragraphs: list[str]) -> tuple[float, float, float]:
    """CPU seconds: spaCy's blank("da") + sentencizer set-up, spaCy over all paragraphs, the rule."""
    _NLP.clear()
    t0 = time.process_time()
    _nlp()
    t1 = time.process_time()
    for text in paragraphs:
        list(_nlp()(text).sents)
    t2 = time.process_time()
    for text in paragraphs:
        sentence_spans(text)
    t3 = time.process_time()
    return t1 - t0, t2 - t1, t3 - t2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="Print this many differences per source.")
    args = parser.parse_args()
    started = time.process_time()
    sources = {"corpus": long_paragraphs(corpus_texts()), "test fixtures": long_paragraphs(fixture_texts()),
               "examples/": long_paragraphs(example_texts())}
    load, spacy_time, rule_time = timing([t for texts in sources.values() for t in texts])
    rows = [measure(name, texts, args.show) for name, texts in sources.items()]
    print("| source | paragraphs | words | split points agreeing | spaCy only | rule only "
          "| split_long pieces identical | differing, spaCy cut mid-sentence |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        total = r["agree"] + r["spacy_only"] + r["rule_only"]
        print(f"| {r['source']} | {r['paragraphs']} | {r['words']:,} | {r['agree']:,} ({r['agree'] / total:.1%}) "
              f"| {r['spacy_only']} | {r['rule_only']} | {r['same_pieces']} / {r['paragraphs']} "
              f"| {r['spacy_mid_sentence']} |")
    print()
    for reason, n in sum((r["reasons"] for r in rows), Counter()).most_common():
        print(f"- {n:4d}  {reason}")
    for r in rows:
        for example in r["examples"]:
            print(f"  [{r['source']}] {example}")
    print(f"\nCPU s: spaCy blank('da') + sentencizer set-up {load:.2f}, spaCy over all paragraphs {spacy_time:.2f}, "
          f"rule {rule_time:.3f} (x{spacy_time / max(rule_time, 1e-9):.0f}); whole run {time.process_time() - started:.1f}")


if __name__ == "__main__":
    main()
