"""The records passed between the parts of casetagger, typed in one place.

They stay plain dicts at run time (JSON Lines in, JSON Lines out, SQLite JSON columns), so a
record on disk and in memory are the same thing; ``TypedDict`` gives each a name and its fields
for the type checker. Builders and readers import them from here.
"""

from typing import Any, NotRequired, TypedDict


class Box(TypedDict):
    page: int
    bbox: list[float]  # x0, top, x1, bottom in PDF points


class Passage(TypedDict):
    """A passage as ingest cuts it (``ingest/passages.py``)."""

    id: str
    doc_id: str  # the document's sha256
    file: str
    page: int
    pages: list[int]
    bbox: list[float]
    bboxes: list[Box]
    heading: str
    headings: list[str]
    text: str
    n_words: int
    kind: str  # "text" or "table"
    item: str
    case_number: str


class TaggedPassage(Passage):
    """A passage with the model's verdict (``Tagger.tag``) and, in an inventory, its cases."""

    scores: dict[str, float]
    labels: list[str]  # above the label's threshold, best first
    evidence: NotRequired[dict[str, list[str]]]
    model: str  # Tagger.model_version
    case: NotRequired[str | None]
    case_names: NotRequired[list[str]]


class SupportRecord(TypedDict):
    text: str
    passage_id: str
    file: str
    page: int


class MentionRecord(TypedDict):
    passage_id: str
    name: str
    start: int
    end: int


class Source(TypedDict):
    document: str
    pages: list[int]


class CaseRecord(TypedDict):
    """A case as ``cases.jsonl`` and the store hold it (``Case.to_dict``)."""

    key: str
    name: str
    labels: list[str]
    scores: dict[str, float]
    support: dict[str, list[SupportRecord]]
    sources: list[Source]
    passages: list[str]
    mentions: list[MentionRecord]
    excerpt: str
    reviewed: bool
    parts: dict[str, dict[str, Any]]
    best: float


class DecisionRecord(TypedDict):
    """One reviewer's decision on one passage, as the review store returns it."""

    passage_id: str
    reviewer: str
    labels: list[str]
    accepted: list[str]
    rejected: list[str]
    added: list[str]
    case_name: str | None
    not_a_case: bool
    comment: str
    model_version: str | None
    scores_shown: dict[str, float]
    version: int
    updated_at: str


class CorrectionMeta(TypedDict, total=False):
    passage_id: str
    doc_id: str
    file: str
    page: int
    reviewer: str
    reviewed_at: str
    model_version: str | None
    suggested: list[str]
    scores_shown: dict[str, float]
    case_name: str | None
    not_a_case: bool
    comment: str


class Correction(TypedDict):
    """A reviewed passage for retraining, Prodigy-compatible; every label explicit in ``labels``."""

    text: str
    options: NotRequired[list[dict[str, str]]]
    accept: NotRequired[list[str]]
    answer: NotRequired[str]  # "accept"; Prodigy's "reject" / "ignore" are skipped
    labels: NotRequired[dict[str, int]]  # label -> 1 or 0
    meta: CorrectionMeta


class TaxonomyLabelRecord(TypedDict):
    id: str
    kind: str
    name_da: str


class Promotion(TypedDict):
    promoted: bool
    forced: bool
    reasons: list[str]
    reason: NotRequired[str | None]  # the analyst's, with --force


class ModelCard(TypedDict):
    """``model.json``: what a model is, what it was trained on and how it scored."""

    name: str
    version: str
    date: str
    architecture: str
    config: dict[str, Any]
    labels: list[str]
    taxonomy: str
    taxonomy_hash: str
    taxonomy_labels: list[TaxonomyLabelRecord]
    corpus_hash: str
    trained_on: int
    training_seconds: float
    libraries: dict[str, str]
    thresholds: NotRequired[dict[str, float]]
    test_metrics: NotRequired[dict[str, Any] | None]
    test_metrics_by_corpus: NotRequired[dict[str, dict[str, Any]]]  # "v1", "v2": each corpus's test split
    test_passages: NotRequired[int]
    corpus_counts: NotRequired[dict[str, int]]
    registry_version: NotRequired[str]
    parent: NotRequired[str]
    corrections: NotRequired[dict[str, int]]
    corrections_hash: NotRequired[str]
    comparison: NotRequired[dict[str, Any]]
    promotion: NotRequired[Promotion]
