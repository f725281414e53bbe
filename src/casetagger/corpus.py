"""The labelled training corpus: checks, counts and the fixed train / dev / test splits."""

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from casetagger.jsonl import read_jsonl, write_jsonl
from casetagger.taxonomy import Taxonomy

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "passages.jsonl"
GENRES = ("dagsorden", "referat", "opfoelgning", "handleplan", "nyhed", "budget", "hoeringssvar",
          # added with corpus v2, written in the register of real documents
          "plan", "forslag", "bilag", "hjemmeside")
MINUTES = ("dagsorden", "referat")
SPLITS = ("train", "dev", "test")
REQUIRED = ("id", "text", "labels", "genre", "municipality")
# Corpus v2 passages name their writer and may carry traits from this vocabulary (GUIDELINES.md)
THIN_CONCEPTS = ("letbane", "cykelbro", "byrum", "boernevenlig", "hjemloeshed", "tosprogede", "flexjob")
NEGATIVE_CLASSES = ("procedure", "rules", "contents", "annex", "money")
TRAITS = ({"sdg-own", "partner-implicit", "multi-topic"} | {f"thin:{c}" for c in THIN_CONCEPTS}
          | {f"neg:{c}" for c in NEGATIVE_CLASSES})


def is_v2(row: dict[str, Any]) -> bool:
    """Corpus v2 passages carry their writer; the first corpus's do not."""
    return bool(row.get("writer"))


def implicit_partnership(row: dict[str, Any]) -> bool:
    """sdg17 where the text never says "partnerskab": the partnerships real documents describe."""
    return "sdg17" in row["labels"] and "partnerskab" not in row["text"].lower()


@dataclass
class Minimums:
    """What the corpus must meet; a small test corpus can lower them."""

    passages: int = 1500
    per_label: int = 120
    per_genre: int = 100
    no_label_share: float = 0.20
    multi_label_share: float = 0.25  # of the labelled passages
    test_share: float = 0.20
    words: tuple[int, int] = (30, 200)  # first corpus
    near_duplicate: float = 0.5  # word 5-gram Jaccard
    # corpus v2 (passages with a writer); real minutes hold one-line decisions and contents lines
    v2_passages: int = 2500
    v2_words: tuple[int, int] = (2, 200)
    v2_minutes_no_label_share: float = 0.5
    v2_implicit_partnerships: int = 150
    v2_sdg_own: int = 150
    v2_per_thin_concept: int = 20
    v2_per_negative_class: int = 20


@dataclass
class CorpusReport:
    n: int = 0
    problems: list[str] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    genres: Counter[str] = field(default_factory=Counter)
    splits: Counter[str] = field(default_factory=Counter)
    co_occurrence: Counter[tuple[str, str]] = field(default_factory=Counter)
    no_label: int = 0
    multi_label: int = 0
    v2: int = 0
    v2_minutes: int = 0
    v2_minutes_no_label: int = 0
    implicit_partnerships: int = 0
    traits: Counter[str] = field(default_factory=Counter)
    writers: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"passages": self.n, "ok": self.ok, "problems": self.problems, "labels": dict(self.labels),
                "genres": dict(self.genres), "splits": dict(self.splits), "no_label": self.no_label,
                "multi_label": self.multi_label, "v2": self.v2, "writers": dict(self.writers),
                "traits": dict(self.traits), "implicit_partnerships": self.implicit_partnerships,
                "co_occurrence": {f"{a}+{b}": n for (a, b), n in self.co_occurrence.most_common()}}


def load_corpus(path: Path | None = None) -> list[dict[str, Any]]:
    return list(read_jsonl(Path(path or DEFAULT_CORPUS)))


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def near_duplicates(texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs whose word 5-gram Jaccard is at least ``threshold``; an inverted index keeps it fast."""
    sets = [shingles(t) for t in texts]
    index: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for gram in s:
            index[gram].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) < 50:  # a 5-gram in 50+ passages is boilerplate, not evidence of copying
            shared.update(itertools.combinations(ids, 2))
    pairs = []
    for (i, j), common in shared.items():
        jaccard = common / (len(sets[i]) + len(sets[j]) - common)
        if jaccard >= threshold:
            pairs.append((i, j, round(jaccard, 2)))
    return sorted(pairs)


def check_corpus(rows: list[dict[str, Any]], taxonomy: Taxonomy, minimums: Minimums | None = None) -> CorpusReport:
    m = minimums or Minimums()
    report = CorpusReport(n=len(rows))
    problems = report.problems
    known = set(taxonomy.ids)
    for number, row in enumerate(rows, start=1):
        where = f"passage {row.get('id', number)}"
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if not isinstance(row["labels"], list) or len(set(row["labels"])) != len(row["labels"]):
            problems.append(f"{where}: labels must be a list without repeats")
            continue
        unknown = set(row["labels"]) - known
        if unknown:
            problems.append(f"{where}: unknown labels {sorted(unknown)} (not in {taxonomy.source})")
        if row["genre"] not in GENRES:
            problems.append(f"{where}: unknown genre {row['genre']!r}")
        if row.get("split", "train") not in SPLITS:
            problems.append(f"{where}: unknown split {row['split']!r}")
        n_words = len(row["text"].split())
        low, high = m.v2_words if is_v2(row) else m.words
        if not low <= n_words <= high:
            problems.append(f"{where}: {n_words} words, outside {low}-{high}")
        if is_v2(row):
            _count_v2(row, where, report)
        report.labels.update(row["labels"])
        report.genres[row["genre"]] += 1
        report.splits[row.get("split", "none")] += 1
        report.no_label += not row["labels"]
        report.multi_label += len(row["labels"]) >= 2
        report.co_occurrence.update(itertools.combinations(sorted(row["labels"]), 2))
    ids = Counter(row.get("id") for row in rows)
    problems += [f"id {i!r} used {n} times" for i, n in ids.items() if n > 1]
    texts = [" ".join(str(row.get("text", "")).lower().split()) for row in rows]
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        if text in seen:
            problems.append(f"exact duplicate: {rows[seen[text]].get('id')} and {rows[i].get('id')}")
        seen.setdefault(text, i)
    for i, j, jaccard in near_duplicates(texts, m.near_duplicate):
        if texts[i] != texts[j]:
            problems.append(f"near duplicate: {rows[i].get('id')} and {rows[j].get('id')} (5-gram Jaccard {jaccard})")
    _check_minimums(report, taxonomy, m)
    return report


def _count_v2(row: dict[str, Any], where: str, report: CorpusReport) -> None:
    traits = row.get("traits", [])
    unknown = set(traits) - TRAITS
    if unknown:
        report.problems.append(f"{where}: unknown traits {sorted(unknown)}")
    if row["labels"] and any(t.startswith("neg:") for t in traits):
        report.problems.append(f"{where}: a hard negative (neg:...) with labels")
    report.v2 += 1
    report.writers[row["writer"]] += 1
    report.traits.update(traits)
    report.implicit_partnerships += implicit_partnership(row)
    if row["genre"] in MINUTES:
        report.v2_minutes += 1
        report.v2_minutes_no_label += not row["labels"]


def _check_v2_minimums(report: CorpusReport, m: Minimums) -> None:
    p = report.problems
    if report.v2 < m.v2_passages:
        p.append(f"corpus v2: {report.v2} passages, fewer than {m.v2_passages}")
    if report.v2_minutes and report.v2_minutes_no_label / report.v2_minutes < m.v2_minutes_no_label_share:
        p.append(f"corpus v2 minutes: no-label share {report.v2_minutes_no_label / report.v2_minutes:.0%}, "
                 f"below {m.v2_minutes_no_label_share:.0%}")
    if report.implicit_partnerships < m.v2_implicit_partnerships:
        p.append(f"corpus v2: {report.implicit_partnerships} sdg17 passages without 'partnerskab', "
                 f"fewer than {m.v2_implicit_partnerships}")
    if report.traits["sdg-own"] < m.v2_sdg_own:
        p.append(f"corpus v2: {report.traits['sdg-own']} passages with an SDG judged on its own, fewer than {m.v2_sdg_own}")
    for concept in THIN_CONCEPTS:
        if report.traits[f"thin:{concept}"] < m.v2_per_thin_concept:
            p.append(f"corpus v2: thin concept {concept} has {report.traits[f'thin:{concept}']} positives, "
                     f"fewer than {m.v2_per_thin_concept}")
    for kind in NEGATIVE_CLASSES:
        if report.traits[f"neg:{kind}"] < m.v2_per_negative_class:
            p.append(f"corpus v2: {report.traits[f'neg:{kind}']} hard negatives of class {kind}, "
                     f"fewer than {m.v2_per_negative_class}")


def _check_minimums(report: CorpusReport, taxonomy: Taxonomy, m: Minimums) -> None:
    p = report.problems
    if report.v2:  # the minimums of corpus v2 apply to a corpus that has v2 passages
        _check_v2_minimums(report, m)
    if report.n < m.passages:
        p.append(f"{report.n} passages, fewer than {m.passages}")
    for label in taxonomy.ids:
        if report.labels[label] < m.per_label:
            p.append(f"label {label}: {report.labels[label]} positive passages, fewer than {m.per_label}")
    for genre in GENRES:
        if report.genres[genre] < m.per_genre:
            p.append(f"genre {genre}: {report.genres[genre]} passages, fewer than {m.per_genre}")
    if report.n and report.no_label / report.n < m.no_label_share:
        p.append(f"no-label share {report.no_label / report.n:.0%}, below {m.no_label_share:.0%}")
    labelled = report.n - report.no_label
    if labelled and report.multi_label / labelled < m.multi_label_share:
        p.append(f"multi-label share {report.multi_label / labelled:.0%} of labelled, below {m.multi_label_share:.0%}")
    if report.n and report.splits["test"] / report.n < m.test_share:
        p.append(f"test split holds {report.splits['test'] / report.n:.0%}, below {m.test_share:.0%}")


def label_matrix(rows: list[dict[str, Any]], labels: list[str]) -> np.ndarray:
    return np.array([[label in row["labels"] for label in labels] for row in rows], dtype=np.int8)


def assign_splits(rows: list[dict[str, Any]], taxonomy: Taxonomy, test: float = 0.22, dev: float = 0.15, seed: int = 13) -> int:
    """Give every passage without a split one, stratified over the labels; existing splits stay.

    Returns how many passages were assigned.
    """
    from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

    todo = [row for row in rows if row.get("split") not in SPLITS]
    if not todo:
        return 0
    # "no label" is a class too, and genres should spread evenly over the splits
    columns = taxonomy.ids
    y = label_matrix(todo, columns)
    extra = np.array([[not row["labels"]] + [row["genre"] == g for g in GENRES] for row in todo], dtype=np.int8)
    y = np.hstack([y, extra])
    if len(todo) < 10:
        for row in todo:
            row["split"] = "train"
        return len(todo)
    outer = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=test, random_state=seed)
    rest, test_idx = next(outer.split(np.zeros(len(todo)), y))
    inner = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=dev / (1 - test), random_state=seed)
    train_idx, dev_idx = next(inner.split(np.zeros(len(rest)), y[rest]))
    for i in test_idx:
        todo[i]["split"] = "test"
    for i in rest[dev_idx]:
        todo[i]["split"] = "dev"
    for i in rest[train_idx]:
        todo[i]["split"] = "train"
    return len(todo)


def split_corpus_file(path: Path, taxonomy: Taxonomy, seed: int = 13) -> int:
    rows = load_corpus(path)
    assigned = assign_splits(rows, taxonomy, seed=seed)
    if assigned:
        write_jsonl(path, rows)
    return assigned
