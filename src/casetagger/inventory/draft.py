"""The follow-up draft's content: per goal, its cases told in sentences from their own passages.

``build_draft`` reads what ``casetagger run`` stored and the review app added (the cases with the
analysts' edits through ``reviewed_inventory``, the label decisions through ``casetagger/corrections.py``) and
returns a ``Draft``; ``inventory/draft_docx.py`` writes it as Word. Nothing is written here: every
sentence of a case is a sentence of one of its passages (shortened at a word boundary, marked " …"),
never a paraphrase.

What an analyst accepted, per case:
- the case: edited in the case view (``Case.reviewed``), or a passage decision that kept its name;
  a case whose passages were all marked "not a case" is left out, as are rejected cases;
- a label: in the latest decision of one of the case's passages that carried it; rejected when
  every such passage was decided without it; otherwise an unreviewed suggestion. A label an
  analyst added to a passage of this case alone is accepted too.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from casetagger.corrections import read_decisions
from casetagger.errors import CasetaggerError, Errors
from casetagger.inventory.case_store import SCHEMA as CASE_SCHEMA
from casetagger.inventory.case_store import reviewed_inventory
from casetagger.inventory.cases import Case, Finding, case_key, sentences
from casetagger.inventory.privacy import mask, mask_document
from casetagger.inventory.store import RunStore
from casetagger.taxonomy import Taxonomy

MAX_SENTENCES = 4
MAX_SENTENCE_WORDS = 40  # a longer sentence is cut at a word boundary
MAX_CASE_WORDS = 110  # after two sentences, no more once the case's text is this long
ELLIPSIS = " …"
ISO_DATE = re.compile(r"(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)")
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")


@dataclass
class CaseReview:
    """What analysts decided about one case and its labels."""

    accepted: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # label -> "accepted", "rejected" or "suggested"

    def kept(self, reviewed_only: bool) -> list[str]:
        wanted = ("accepted",) if reviewed_only else ("accepted", "suggested")
        return [label for label, state in self.labels.items() if state in wanted]


@dataclass
class DraftCase:
    key: str
    name: str
    goal: str  # the goal it is told under (its best-scoring goal; "" with SDGs alone); others point here
    goals: list[str]
    sdgs: list[str]
    sentences: list[str]
    sources: list[dict[str, Any]]  # {"document": masked file name, "pages": [...]}
    accepted: bool
    suggested: set[str] = field(default_factory=set)  # labels no analyst has judged yet
    score: float = 0.0  # the model's score for ``goal``: the order within a goal


@dataclass
class Draft:
    municipality: str
    strategy: str
    period: str
    model_version: str
    created: date
    reviewed_only: bool
    taxonomy: Taxonomy
    cases: list[DraftCase]
    findings: list[Finding]
    partial: list[dict[str, Any]]  # documents read only in part or not at all (masked summaries)
    left_out: int = 0  # cases left out by --reviewed-only

    def cases_of(self, goal: str) -> tuple[list[DraftCase], list[DraftCase]]:
        """The cases told under ``goal``, and those told under another goal that also serve it."""
        told = [c for c in self.cases if c.goal == goal]
        return told, [c for c in self.cases if goal in c.goals and c.goal != goal]


def latest_decisions(decisions: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Passage id -> its latest decision by any reviewer (the latest wins, as in retraining)."""
    latest: dict[str, Mapping[str, Any]] = {}
    for d in sorted(decisions, key=lambda d: d["updated_at"]):
        latest[d["passage_id"]] = d
    return latest


def review_case(case: Case, latest: Mapping[str, Mapping[str, Any]], sole: set[str]) -> CaseReview | None:
    """The analysts' judgement of ``case``; None when every passage of it was marked not a case.
    ``sole``: the passages that name this case and no other."""
    decided = [latest[pid] for pid in case.passages if pid in latest]
    if decided and len(decided) == len(case.passages) and all(d["not_a_case"] for d in decided) \
            and not case.reviewed:
        return None
    review = CaseReview(case.reviewed or any(d["case_name"] and case_key(d["case_name"]) == case.key
                                             and not d["not_a_case"] for d in decided))
    for label in case.labels:
        carrying = [pid for pid, part in case.parts.items() if label in part["labels"]] or case.passages
        judged = [latest[pid] for pid in carrying if pid in latest]
        if any(label in d["labels"] for d in judged):
            review.labels[label] = "accepted"
        else:
            review.labels[label] = "rejected" if judged and len(judged) == len(carrying) else "suggested"
    for pid in sole:
        for label in latest.get(pid, {}).get("labels", []):
            review.labels.setdefault(label, "accepted")
    return review


def _shorten(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= MAX_SENTENCE_WORDS:
        return " ".join(words)
    return " ".join(words[:MAX_SENTENCE_WORDS]).rstrip(",;:") + ELLIPSIS


def case_sentences(case: Case, texts: dict[str, str], labels: list[str]) -> list[str]:
    """Two to four of the case's own sentences, in document order: the one that names it first,
    then those that support ``labels`` (in that order of preference), then its other support."""
    found: dict[str, tuple[int, int]] = {}  # sentence -> (passage rank, offset)
    rank = {pid: i for i, pid in enumerate(case.passages)}

    def offer(sentence: str, pid: str, at: int) -> None:
        if sentence.strip() and sentence not in found:
            found[sentence] = (rank.get(pid, len(rank)), at)

    for m in case.mentions[:1]:
        text = texts.get(m.passage_id, "")
        for a, b in sentences(text):
            if a <= m.start < b:
                offer(text[a:b].strip(), m.passage_id, a)
    ordered = labels + sorted(set(case.support) - set(labels))
    for label in ordered:
        for s in case.support.get(label, []):
            offer(s.text, s.passage_id, max(0, texts.get(s.passage_id, "").find(s.text)))
    chosen: list[str] = []
    words = 0
    for sentence in found:  # in order of preference
        if len(chosen) == MAX_SENTENCES or (len(chosen) >= 2 and words >= MAX_CASE_WORDS):
            break
        chosen.append(sentence)
        words += len(sentence.split())
    return [_shorten(s) for s in sorted(chosen, key=lambda s: found[s])]


def default_period(files: list[str], today: date) -> str:
    """The dates in the documents' names ("1. marts – 4. november 2025"), else today's half-year."""
    dates = sorted(filter(None, (_date(*found) for f in files for found in ISO_DATE.findall(Path(f).name))))
    if not dates:
        return f"{1 if today.month <= 6 else 2}. halvår {today.year}"
    first, last = dates[0], dates[-1]
    if first == last:
        return danish_date(first)
    return f"{danish_date(first) if first.year != last.year else f'{first.day}. {MONTHS[first.month - 1]}'}" \
           f" – {danish_date(last)}"


def _date(year: str, month: str, day: str) -> date | None:
    """A date from a file name, or None for one that does not exist ("2025-02-31", a case number)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def danish_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def build_draft(folder: Path, reviewed_only: bool = False, taxonomy_path: Path | None = None,
                period: str | None = None, today: date | None = None) -> Draft:
    """The draft of the inventory in ``folder`` (the --out folder of ``casetagger run``)."""
    if not (folder / "casetagger.sqlite").exists():
        raise CasetaggerError(Errors.E301.format(path=folder))
    store = RunStore(folder, schemas=(CASE_SCHEMA,))  # the review's edits of cases: their table
    try:
        meta = store.get_meta("model") or {}
        if not meta:
            raise CasetaggerError(Errors.E301.format(path=folder))
        taxonomy = Taxonomy.load(taxonomy_path)
        if taxonomy.hash != meta["card"]["taxonomy_hash"]:
            raise CasetaggerError(Errors.E302.format(path=taxonomy.source, folder=folder))
        texts = {p["id"]: p["text"] for p in store.tagged_passages(meta["model_version"])}
        inventory = reviewed_inventory(store.db)
        latest = latest_decisions(read_decisions(store.db))
        documents = [mask_document(d) for d in store.documents()]
    finally:
        store.close()
    owners = inventory.case_of_passages()
    cases, left_out = [], 0
    for case in inventory.cases:
        review = review_case(case, latest, {pid for pid in case.passages if len(owners.get(pid, [])) == 1})
        if review is None:
            continue
        labels = [label for label in taxonomy.ids if label in review.kept(reviewed_only)]
        goals = [label for label in labels if label in taxonomy.goals]
        if not labels or (reviewed_only and not review.accepted):
            left_out += reviewed_only
            continue
        # told under its best goal (a label an analyst added counts as sure); "" for SDGs alone
        goal = max(goals, key=lambda g: case.scores.get(g, 1.0), default="")
        preferred = [goal] + [s for s in taxonomy.goal_sdgs.get(goal, []) if s in labels]
        cases.append(DraftCase(
            case.key, mask(case.name), goal, goals, [l for l in labels if l in taxonomy.sdgs],
            [mask(s) for s in case_sentences(case, texts, preferred + [l for l in labels if l not in preferred])],
            [{"document": mask(Path(s["document"]).name), "pages": s["pages"]} for s in case.sources],
            review.accepted, {l for l in labels if review.labels[l] == "suggested"}, case.scores.get(goal, 1.0)))
    cases.sort(key=lambda c: (-c.score, c.name))
    findings = [f for f in inventory.findings if not f.case]
    return Draft(taxonomy.municipality, taxonomy.strategy,
                 period or default_period([d["file"] for d in documents], today or date.today()),
                 meta["model_version"], today or date.today(), reviewed_only, taxonomy, cases, findings,
                 [d for d in documents if d["status"] != "SUCCESS"], left_out)

