"""Cases: the named initiatives of the inventory, each with the sentences that support its labels.

How a case is made (``build_inventory``):
1. Each tagged passage is split into sentences; names are found in it with their character offsets
   (``inventory/names.py``: quotes, lead words, title-case names, acronyms, subjects; filtered by
   goal names, headings, ``data/case_stoplist.yaml`` and a list of Danish first names).
2. A case gets the sentences that name it or continue it, up to the next named case in the passage
   (sentences before the first name go to the first case).
3. A passage label stays on a case only where the case's own sentences carry it: they are tagged
   on their own (``scorer``) and keep the labels that reach the threshold; a label no case reaches
   alone goes to the case whose sentences score it highest. Without a scorer, evidence words decide.
4. A passage without a name continues the case named in the passage before it (same headings)
   only if it opens with a continuing reference ("Projektet ...", "Ordningen ..."); otherwise it
   is a *finding without a name*, for an analyst to name in the review app.
5. The same name in several passages or documents is one case (``case_key``).

Steps 1-4 look only at one document, so ``analyse_document`` does them per document (in
``casetagger run``'s workers, beside the tagging; the store keeps the result per model version)
and ``build_inventory`` merges the analyses (step 5), analysing any document that has none.

The structure other code reads (the Word follow-up draft, the review app), also as JSON through
``Case.to_dict()`` in ``cases.jsonl``:

    Case.key        stable id: the name lower-cased, punctuation folded ("unge med kant")
    Case.name       the name as shown (masked for personal data)
    Case.labels     set of label ids the case's own sentences support
    Case.scores     label -> best score of the case's sentences
    Case.support    label -> list of Support(text, passage_id, file, page): the sentences behind it
    Case.evidence   label -> the words of its passages that raised the label's score
    Case.documents  file -> set of pages (``sources`` gives [{"document", "pages"}])
    Case.mentions   list of Mention(passage_id, name, start, end): the name's offsets in each passage
    Case.passages   passage ids, in document order
    Case.reviewed   True once an analyst renamed, merged, split or confirmed it (review app)
    Case.from_heading  kept for compatibility: always False now (headings never name a case)

A ``Finding`` is a tagged passage with no name: passage_id, file, page, heading, labels, scores,
excerpt, and ``case`` once an analyst attaches it to a case.
"""

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casetagger.ingest.sentences import sentence_spans
from casetagger.inventory import names as name_rules
from casetagger.inventory.names import LEADS, DocumentWords, NameFilter, case_key
from casetagger.inventory.privacy import mask

if TYPE_CHECKING:
    from casetagger.model.tagger import Tagger

PACKAGE = Path(__file__).resolve().parents[1]
MIN_CASE_WORDS = 12  # a shorter passage (a header, "Godkendt.") is no case, even when tagged
Scorer = Callable[[list[str]], list[dict[str, float]]]
__all__ = ["Case", "Finding", "Inventory", "Mention", "Support", "analyse_document", "analyse_passages", "build_inventory", "build_cases",
           "case_key", "case_rules", "tagger_scorer", "LEADS"]
LINE = re.compile(r"[^\n]+")
# a passage that opens by pointing back ("Projektet ...", "Mentorordningen ...") continues a case
CONTINUING = re.compile(rf"^\s*(?:[Dd]e[nt] )?(?=[A-ZÆØÅ])(?i:[\wæøå]*(?:{'|'.join(LEADS)}))\b")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or bullet line of ``text`` (ingest's rule, and every line apart)."""
    return [(line.start() + a, line.start() + b) for line in LINE.finditer(text)
            for a, b in sentence_spans(line.group())]


@dataclass
class Support:
    """A sentence that supports a case's label, with where it is."""

    text: str
    passage_id: str
    file: str
    page: int


@dataclass
class Mention:
    """Where a case is named: the passage and the character offsets of the name in its text."""

    passage_id: str
    name: str
    start: int
    end: int


@dataclass
class Case:
    name: str
    labels: set[str] = field(default_factory=set)
    scores: dict[str, float] = field(default_factory=dict)  # best score per label
    documents: dict[str, set[int]] = field(default_factory=dict)  # file -> pages
    evidence: dict[str, list[str]] = field(default_factory=dict)
    support: dict[str, list[Support]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    passages: list[str] = field(default_factory=list)
    excerpt: str = ""
    best: float = 0.0
    from_heading: bool = False
    reviewed: bool = False
    key: str = ""
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)  # passage id -> file, pages, labels {label: score}

    def __post_init__(self) -> None:
        self.key = self.key or case_key(self.name)

    @property
    def sources(self) -> list[dict[str, Any]]:
        return [{"document": f, "pages": sorted(p)} for f, p in sorted(self.documents.items())]

    def add(self, passage: dict[str, Any], text: str, labels: dict[str, float], evidence: dict[str, list[str]],
            support: dict[str, list[str]]) -> None:
        """This case's part of ``passage``: its sentences ``text``, the labels they support with
        scores, evidence words and the supporting sentences per label."""
        for label, score in labels.items():
            self.labels.add(label)
            self.scores[label] = max(self.scores.get(label, 0.0), score)
            words = self.evidence.setdefault(label, [])
            words += [w for w in evidence.get(label, []) if w not in words][: max(0, 8 - len(words))]
            known = self.support.setdefault(label, [])
            known += [Support(s, passage["id"], passage["file"], passage["page"]) for s in support.get(label, [])
                      if all(s != k.text for k in known)]
        self.documents.setdefault(passage["file"], set()).update(passage["pages"])
        part = self.parts.setdefault(passage["id"], {"file": passage["file"], "pages": list(passage["pages"]),
                                                     "labels": {}})
        for label, score in labels.items():
            part["labels"][label] = max(part["labels"].get(label, 0.0), score)
        if passage["id"] not in self.passages:
            self.passages.append(passage["id"])
        top = max(labels.values(), default=0.0)
        if top > self.best or not self.excerpt:
            self.best, self.excerpt = max(top, self.best), excerpt(text)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "labels": sorted(self.labels),
                "scores": {k: round(v, 4) for k, v in sorted(self.scores.items())},
                "evidence": dict(sorted(self.evidence.items())),
                "support": {label: [vars(s) for s in found] for label, found in sorted(self.support.items())},
                "sources": self.sources, "passages": self.passages, "mentions": [vars(m) for m in self.mentions],
                "excerpt": self.excerpt, "reviewed": self.reviewed, "parts": self.parts, "best": self.best}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Case":
        return cls(data["name"], labels=set(data["labels"]), scores=dict(data["scores"]),
                   documents={s["document"]: set(s["pages"]) for s in data["sources"]},
                   evidence={label: list(words) for label, words in data.get("evidence", {}).items()},
                   support={label: [Support(**s) for s in found] for label, found in data["support"].items()},
                   mentions=[Mention(**m) for m in data["mentions"]], passages=list(data["passages"]),
                   excerpt=data["excerpt"], best=data.get("best", max(data["scores"].values(), default=0.0)),
                   reviewed=data["reviewed"], key=data["key"],
                   parts={k: dict(v) for k, v in data.get("parts", {}).items()})

    def recompute(self) -> None:
        """Labels, scores and pages again from the passages the case holds (after a split or merge)."""
        self.passages = [p for p in self.passages if p in self.parts]
        self.labels, self.scores, self.documents = set(), {}, {}
        for part in self.parts.values():
            self.documents.setdefault(part["file"], set()).update(part["pages"])
            for label, score in part["labels"].items():
                self.labels.add(label)
                self.scores[label] = max(self.scores.get(label, 0.0), score)
        self.support = {label: [s for s in found if s.passage_id in self.parts]
                        for label, found in self.support.items() if label in self.labels}
        self.mentions = [m for m in self.mentions if m.passage_id in self.parts]
        self.best = max(self.scores.values(), default=0.0)


@dataclass
class Finding:
    """A tagged passage that describes something without naming it."""

    passage_id: str
    file: str
    page: int
    pages: list[int]
    heading: str
    labels: list[str]
    scores: dict[str, float]
    excerpt: str
    case: str | None = None  # the case an analyst attached it to

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class Inventory:
    cases: list[Case]
    findings: list[Finding]
    rejected: list[Case] = field(default_factory=list)  # marked "not a case" by an analyst

    def case_of_passages(self) -> dict[str, list[str]]:
        """Passage id -> the names of the cases it belongs to."""
        out: dict[str, list[str]] = {}
        for case in self.cases:
            for pid in case.passages:
                out.setdefault(pid, []).append(case.name)
        return out


def excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"


def case_names(text: str, names: NameFilter | None = None) -> list[str]:
    """The initiative names in ``text``, in text order."""
    return _unique_names((names or NameFilter()).names_in(text))


def _unique_names(mentions: Iterable[name_rules.Mention]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for m in mentions:
        if case_key(m.name) not in seen:
            seen.add(case_key(m.name))
            out.append(m.name)
    return out


def _parts(passage: dict[str, Any], mentions: list[name_rules.Mention]) -> list[tuple[str, list[tuple[int, int]]]]:
    """(case key, its sentences) for each named case of a passage, in order of first mention.

    A sentence belongs to every case named in it; a sentence without a name continues the case(s)
    of the sentence before; sentences before the first name go to the first case."""
    spans = sentences(passage["text"]) or [(0, len(passage["text"]))]
    owners: list[list[str]] = []
    for start, end in spans:
        named = list(dict.fromkeys(case_key(m.name) for m in mentions if start <= m.start < end))
        owners.append(named or (owners[-1] if owners else []))
    first = next((o for o in owners if o), [case_key(mentions[0].name)])
    parts: dict[str, list[tuple[int, int]]] = {}
    for keys, span in zip(owners, spans):
        for key in keys or first:
            parts.setdefault(key, []).append(span)
    return list(parts.items())


def _labels_per_part(passage: dict[str, Any], texts: list[str], scorer: Scorer | None,
                     thresholds: dict[str, float]) -> list[dict[str, float]]:
    """For each part of a passage: {label: score} of the passage labels its sentences carry."""
    labels = passage["labels"]
    if len(texts) == 1:
        return [{label: passage["scores"][label] for label in labels}]
    if scorer is not None:
        scores = scorer(texts)
    else:  # evidence words in the part, weighted by the passage score
        evidence = passage.get("evidence", {})
        scores = [{label: passage["scores"][label] * sum(w.lower() in t.lower() for w in evidence.get(label, []))
                   / max(1, len(evidence.get(label, []))) for label in labels} for t in texts]
    out: list[dict[str, float]] = [{} for _ in texts]
    for label in labels:
        threshold = thresholds.get(label, 0.5) if scorer is not None else 1e-9
        carried = [i for i, s in enumerate(scores) if s.get(label, 0.0) >= threshold]
        if not carried:  # no part carries it alone: the one that carries it most
            carried = [max(range(len(texts)), key=lambda i: scores[i].get(label, 0.0))]
        for i in carried:
            out[i][label] = round(min(passage["scores"][label], max(scores[i].get(label, 0.0),
                                                                     thresholds.get(label, 0.5))), 4)
    return out


def _support(text: str, spans: list[tuple[int, int]], evidence: dict[str, list[str]],
             labels: Iterable[str]) -> dict[str, list[str]]:
    """Per label: the sentences with its evidence words, or all the case's sentences."""
    found: dict[str, list[str]] = {}
    for label in labels:
        words = [w.lower() for w in evidence.get(label, [])]
        hits = [text[a:b].strip() for a, b in spans if any(w in text[a:b].lower() for w in words)]
        found[label] = hits or [text[a:b].strip() for a, b in spans]
    return found


FINDING = "finding"  # a passage's analysis when it is tagged but names no case
CASE_FIELDS = ("id", "text", "headings", "labels", "scores", "evidence")  # what the analysis reads of a passage

Analysis = dict[str, Any]  # {"rules": rules_version(), "passages": {passage id -> FINDING or its parts}}; JSON
RULES = ("inventory/cases.py", "inventory/names.py", "inventory/privacy.py", "ingest/sentences.py",
         "data/case_stoplist.yaml", "data/danish_first_names.txt")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A fingerprint of the code and word lists that find cases: an analysis stored by an older
    casetagger (the package version does not move with every change) is made again, not reused."""
    digest = hashlib.sha256()
    for name in RULES:
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()[:16]


def analyse_document(passages: list[dict[str, Any]], scorer: Scorer | None = None,
                     thresholds: dict[str, float] | None = None, goal_names: Iterable[str] = ()) -> Analysis:
    """What ``build_inventory`` needs to know of one document's tagged passages (in order): for
    each passage that is a case's part, the names it mentions and each named case's sentences
    with their labels and supporting sentences; for a passage that names nothing, FINDING.

    It depends on nothing outside the document, so ``casetagger run``'s workers do it beside the
    tagging and store it as JSON; merging documents' analyses into cases is then cheap. It is
    ``{"rules": rules_version(), "passages": {passage id: FINDING or {"mentions", "parts"}}}``, with
    mentions ``[key, masked name, start, end]`` and parts ``[key, text, {label: score}, {label:
    [sentence]}]``; a passage that is no case's part and no finding is left out.
    """
    document = DocumentWords(p["text"] for p in passages)
    headings = {h for p in passages for h in p.get("headings") or []}
    return {"rules": rules_version(),
            "passages": dict(analyse_passages(passages, document, headings, scorer, thresholds, goal_names))}


def analyse_passages(passages: Iterable[dict[str, Any]], document: DocumentWords, headings: Iterable[str],
                     scorer: Scorer | None = None, thresholds: dict[str, float] | None = None,
                     goal_names: Iterable[str] = ()) -> Iterator[tuple[str, Any]]:
    """``analyse_document``'s entries one passage at a time, for a caller that streams a long
    document's passages: ``document`` holds the words of all of them, ``headings`` every heading
    of the document."""
    thresholds = thresholds or {}
    name_filter = NameFilter(goal_names, headings)
    last: tuple[tuple[Any, ...], str] | None = None  # (heading path, case key) of the passage before
    for passage in passages:
        context = tuple(passage.get("headings") or [])
        if not passage["labels"] or len(passage["text"].split()) < MIN_CASE_WORDS:
            last = None if passage["labels"] else last
            continue
        mentions = name_filter.names_in(passage["text"], document)
        if not mentions and last and last[0] == context and CONTINUING.match(passage["text"]):
            parts = [(last[1], sentences(passage["text"]) or [(0, len(passage["text"]))])]
        elif not mentions:
            yield passage["id"], FINDING
            last = None
            continue
        else:
            parts = _parts(passage, mentions)
        texts = [" ".join(passage["text"][a:b].strip() for a, b in spans) for _, spans in parts]
        per_part = _labels_per_part(passage, texts, scorer, thresholds)
        evidence = passage.get("evidence", {})
        yield passage["id"], {
            "mentions": [[case_key(m.name), mask(m.name), m.start, m.end] for m in mentions],
            "parts": [[key, text, labels, _support(passage["text"], spans, evidence, labels)]
                      for (key, spans), text, labels in zip(parts, texts, per_part)]}
        last = (context, parts[-1][0])


def _finding(passage: dict[str, Any]) -> Finding:
    return Finding(passage["id"], passage["file"], passage["page"], list(passage["pages"]), passage.get("heading", ""),
                   list(passage["labels"]), {l: passage["scores"][l] for l in passage["labels"]},
                   excerpt(passage["text"]))


def _document_of(passage: dict[str, Any]) -> str:
    return str(passage.get("doc_id") or passage["file"])


def build_inventory(passages: Iterable[dict[str, Any]], scorer: Scorer | None = None,
                    thresholds: dict[str, float] | None = None, goal_names: Iterable[str] = (),
                    analyses: Mapping[str, Analysis] | None = None) -> Inventory:
    """Tagged passages, each document's together and in order, into cases and findings without a name.

    Sets each passage's ``case`` (its first case or None) and ``case_names``. ``scorer`` scores
    texts per label (the tagger's ``scores``) to give each case the labels of its own sentences;
    ``goal_names``: the taxonomy's goal and SDG names, which are never cases. ``analyses``: doc id
    -> ``analyse_document`` of it, done already (by the workers); other documents are analysed here.
    Passages may stream past (a store's, a row at a time): an analysed document's are not held,
    and a document to analyse holds only its own.
    """
    analyses = {} if analyses is None else analyses  # a store's, read a document at a time
    goal_names = list(goal_names)  # read for every document
    cases: dict[str, Case] = {}
    findings: list[Finding] = []
    seen: set[str] = set()
    for doc, group in groupby(passages, _document_of):
        if doc in seen:  # analysed in pieces, its names would be checked against part of its text
            raise ValueError(f"the passages of document {doc} are not together")
        seen.add(doc)
        analysis = analyses.get(doc)
        own: Iterable[dict[str, Any]] = group
        if analysis is None or analysis.get("rules") != rules_version():
            own = list(own)
            analysis = analyse_document(own, scorer, thresholds, goal_names)
        for passage in own:
            passage["case"], passage["case_names"] = None, []
            found = analysis["passages"].get(passage["id"])
            if found is None:
                continue
            if found == FINDING:
                findings.append(_finding(passage))
                continue
            for key, name, _, _ in found["mentions"]:
                cases.setdefault(key, Case(name))  # the first document's spelling names the case
            evidence = passage.get("evidence", {})
            for key, text, labels, support in found["parts"]:
                cases[key].add(passage, text, labels, evidence, support)
            for key, name, start, end in found["mentions"]:
                cases[key].mentions.append(Mention(passage["id"], name, start, end))
            names = [cases[key].name for key, *_ in found["parts"]]
            passage["case"], passage["case_names"] = names[0], names
    kept = [c for c in cases.values() if c.passages]
    return Inventory(sorted(kept, key=lambda c: (-c.best, c.name)), findings)


def build_cases(passages: list[dict[str, Any]], scorer: Scorer | None = None, thresholds: dict[str, float] | None = None,
                goal_names: Iterable[str] = ()) -> list[Case]:
    """The cases of ``build_inventory``, without the findings."""
    return build_inventory(passages, scorer, thresholds, goal_names).cases


def case_rules(tagger: "Tagger") -> tuple[Scorer, dict[str, float], list[str]]:
    """What ``analyse_document`` and ``build_inventory`` take from the model: its scorer, its
    thresholds and the taxonomy's goal names (never cases)."""
    taxonomy = tagger.taxonomy
    return (tagger_scorer(tagger), dict(zip(tagger.labels, map(float, tagger.thresholds))),
            [taxonomy.name_da(label) for label in taxonomy.ids])


def tagger_scorer(tagger: "Tagger") -> Scorer:
    """Scores texts with a Tagger, per label: what ``build_inventory`` tags a case's sentences with."""
    def score(texts: list[str]) -> list[dict[str, float]]:
        return [dict(zip(tagger.labels, map(float, row))) for row in tagger.scores(texts)]
    return score

