"""Write the counts of corpus/README.md (between its `counts` markers) from the corpus itself,
so the datasheet never drifts from the data.

    python scripts/datasheet.py ../corpus/passages.jsonl ../src/casetagger/data/taxonomy.yaml ../corpus/README.md
"""

import re
import sys
from collections import Counter
from pathlib import Path

from casetagger.corpus import GENRES, THIN_CONCEPTS, NEGATIVE_CLASSES, implicit_partnership, is_v2, load_corpus
from casetagger.taxonomy import Taxonomy


def table(header: list[str], rows: list[list]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
        ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def counts(rows: list[dict], labels: list[str]) -> list[str]:
    v1 = [r for r in rows if not is_v2(r)]
    v2 = [r for r in rows if is_v2(r)]
    out = ["### Passages, splits and no-label share", ""]
    part_rows = []
    for name, part in (("first corpus (v1)", v1), ("corpus v2", v2), ("all", rows)):
        splits = Counter(r["split"] for r in part)
        none = sum(not r["labels"] for r in part)
        words = sorted(len(r["text"].split()) for r in part)
        part_rows.append([name, len(part), splits["train"], splits["dev"], splits["test"],
                          f"{none} ({none / len(part):.0%})", words[len(words) // 2]])
    out += table(["", "passages", "train", "dev", "test", "no label", "median words"], part_rows)
    out += ["", "### Passages per genre and label (v1 + v2)", ""]
    genre_rows = []
    for genre in GENRES:
        part = [r for r in rows if r["genre"] == genre]
        c = Counter(label for r in part for label in r["labels"])
        none = sum(not r["labels"] for r in part)
        genre_rows.append([genre, sum(not is_v2(r) for r in part), sum(is_v2(r) for r in part),
                           f"{none / len(part):.0%}" if part else "–"] + [c[label] for label in labels])
    total = Counter(label for r in rows for label in r["labels"])
    genre_rows.append(["**all**", len(v1), len(v2), f"{sum(not r['labels'] for r in rows) / len(rows):.0%}"]
                      + [total[label] for label in labels])
    out += table(["genre", "v1", "v2", "no label"] + labels, genre_rows)
    out += ["", "### Corpus v2 per writer", ""]
    writer_rows = []
    for writer in sorted({r["writer"] for r in v2}):
        part = [r for r in v2 if r["writer"] == writer]
        c = Counter(label for r in part for label in r["labels"])
        genres = Counter(r["genre"] for r in part)
        writer_rows.append([writer, len(part), ", ".join(f"{g} {n}" for g, n in genres.most_common()),
                            f"{sum(not r['labels'] for r in part) / len(part):.0%}",
                            len({r['municipality'] for r in part})] + [c[label] for label in labels])
    out += table(["writer", "passages", "genres", "no label", "municipalities"] + labels, writer_rows)
    traits = Counter(t for r in v2 for t in r.get("traits", []))
    out += ["", "### Corpus v2: what it was written to teach", ""]
    out += table(["what", "passages"], [
        ["sdg17 from a partnership that never says \"partnerskab\"", sum(implicit_partnership(r) for r in v2)],
        ["an SDG judged on its own against the usual goal pairing (`sdg-own`)", traits["sdg-own"]],
        ["several topics in one paragraph (`multi-topic`)", traits["multi-topic"]],
    ] + [[f"thin concept: {c} (`thin:{c}`)", traits[f"thin:{c}"]] for c in THIN_CONCEPTS]
      + [[f"hard negative: {k} (`neg:{k}`)", traits[f"neg:{k}"]] for k in NEGATIVE_CLASSES])
    return out


def main(corpus: Path, taxonomy: Path, readme: Path) -> None:
    rows = load_corpus(corpus)
    generated = "\n".join(counts(rows, Taxonomy.load(taxonomy).ids))
    text = readme.read_text(encoding="utf-8")
    marked = re.compile(r"(<!-- counts:start -->\n).*?(<!-- counts:end -->)", re.S)
    if not marked.search(text):
        sys.exit(f"{readme}: no <!-- counts:start --> ... <!-- counts:end --> markers")
    readme.write_text(marked.sub(lambda m: m.group(1) + generated + "\n" + m.group(2), text), encoding="utf-8")


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:4]))
