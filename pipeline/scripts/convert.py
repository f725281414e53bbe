"""Corpus JSONL into spaCy DocBin files, one per split; every label in cats, absent ones as 0.0."""

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from casetagger.corpus import load_corpus
from casetagger.model.text import clean
from casetagger.taxonomy import Taxonomy


def main(corpus: Path, taxonomy: Path, out: Path) -> None:
    labels = Taxonomy.load(taxonomy).ids
    nlp = spacy.blank("da")
    out.mkdir(parents=True, exist_ok=True)
    rows = load_corpus(corpus)
    for split in ("train", "dev", "test"):
        docs = DocBin()
        for row in (r for r in rows if r["split"] == split):
            doc = nlp.make_doc(clean(row["text"]))
            # absent labels must be an explicit 0.0, or spaCy treats them as missing
            doc.cats = {label: float(label in row["labels"]) for label in labels}
            docs.add(doc)
        docs.to_disk(out / f"{split}.spacy")
        print(f"{split}: {len(docs)} docs -> {out / f'{split}.spacy'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
