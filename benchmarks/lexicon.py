"""Which Danish word list covers municipal vocabulary better: spaCy's lookups table or wordfreq's list.

    python benchmarks/lexicon.py   (wordfreq is optional: pip install wordfreq)

Vocabulary: the words (4+ letters) of corpus/passages.jsonl and of the fixture texts. Reports the
share of distinct words, of running words, and of long words (12+ letters: the compounds that
line-end hyphens split) each list knows.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "texts")]


def vocabulary() -> list[str]:
    from council import fixtures
    from pdfgen import expected_passages

    texts = [json.loads(line)["text"] for line in (ROOT / "corpus" / "passages.jsonl").open(encoding="utf-8")]
    texts += [text for elements, _, _ in fixtures().values() for _, text in expected_passages(elements)]
    return [w.lower() for t in texts for w in re.findall(r"[a-zæøåé]+", t, re.I) if len(w) >= 4]


def coverage(words: list[str], known) -> dict:
    types = set(words)
    long = [w for w in types if len(w) >= 12]
    return {"distinct": sum(w in known for w in types) / len(types), "running": sum(w in known for w in words) / len(words),
            "long": sum(w in known for w in long) / len(long), "n_distinct": len(types), "n_long": len(long)}


def main() -> None:
    from casetagger.ingest.hyphenation import lexicon

    words = vocabulary()
    lists = {"spaCy lookups (da_lemma_lookup)": lexicon()}
    try:
        from wordfreq import top_n_list

        lists["wordfreq (da, every word)"] = set(top_n_list("da", 10**7))
    except ImportError:
        print("wordfreq not installed: only spaCy's table measured")
    print("| word list | words | distinct words known | running words known | long words (12+) known |")
    print("|---|---|---|---|---|")
    for name, known in lists.items():
        c = coverage(words, known)
        print(f"| {name} | {len(known):,} | {c['distinct']:.1%} of {c['n_distinct']:,} | {c['running']:.1%} "
              f"| {c['long']:.1%} of {c['n_long']:,} |")


if __name__ == "__main__":
    main()
