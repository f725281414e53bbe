"""What a batch's worker does with the document it parsed, so that the parent only writes: its
passages masked, tagged and encoded as the store keeps them, and their cases found.

With a helper about (the batch has nothing else left to hand out), half of the tagging and of the
case analysis goes to a child of the worker (``tag_child.py``).
"""

import json
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, cast

from casetagger.ingest.document import WINDOW, DocumentResult, Status
from casetagger.ingest.shared_pages import HELPED
from casetagger.ingest.spool import WindowSpool
from casetagger.inventory.cases import CASE_FIELDS, analyse_passages, case_rules, rules_version
from casetagger.inventory.names import DocumentWords
from casetagger.inventory.parquet import WriteParquet
from casetagger.inventory.privacy import mask_passage
from casetagger.inventory.store import PARTS, ROWS, Encoded, Row, encode_rows
from casetagger.inventory.tag_child import TagChild
from casetagger.model.tagger import Tagger
from casetagger.schema import Passage

TAG, ANALYSE = "tag", "analyse"  # what a document's tagging child is asked to do


@dataclass
class _Tagging:
    """What a worker keeps of the document it is tagging, until its last window."""

    spool: WindowSpool | None = None
    rows: list[Row] = field(default_factory=list)
    read: list[dict[str, Any]] = field(default_factory=list)  # what the case analysis reads, when not spooled
    words: DocumentWords = field(default_factory=DocumentWords)  # what names are checked against
    headings: set[str] = field(default_factory=set)
    shared: Path | None = None  # the document's folder of SharedPages, where helpers leave word
    child: TagChild | None = None  # tags half of each window, once a helper has come
    count: int = 0  # passages taken so far
    # the indexes of those without labels: the case analysis may be split after one (``_split``)
    unlabelled: "array[int]" = field(default_factory=lambda: array("q"))


class TagInWorker:
    """Runs in each worker on its parsed document: masks the passages, tags them, finds their
    cases (``cases.analyse_passages``) and encodes all of it as the store keeps it, so that the
    parent, which all workers wait for, only writes.

    A batch hands it the passages in windows while the document is parsed (``take``). With
    ``spool``, each window's encoded rows go to a ``WindowSpool`` that the parent is handed; the
    case analysis reads them back from there after the last window and adds its own windows, so
    memory holds a window, the document's words and its headings, not all its passages. Without
    (a Dask worker, whose spool the driver could not open), rows and analysis stay in memory.
    What it keeps of a document is per thread: a Dask worker may tag several at once.
    The tagger is loaded once, in the parent, before the workers fork: they share it.

    A batch's worker is told the document's folder of shared pages (``share``). Once a helper has
    left word there, the worker forks a ``TagChild`` for the document, which tags the first half
    of each window and then analyses the second half of the passages, while the worker does the
    rest: the rows and analyses come out as one process makes them.
    """

    def __init__(self, tagger: Tagger, encode: bool = True, spool: bool = False):
        """``encode=False``: the passages stay records (a Parquet store writes them in the worker)
        and come in the result, not in windows."""
        self.tagger = tagger
        self.encode = encode
        self.spool = spool and encode
        self.rules = case_rules(tagger)  # the same for every document
        self._local = threading.local()
        tagger.warm_up()  # here, in the parent before the fork, not once in every worker

    @property
    def _doc(self) -> _Tagging:
        if not hasattr(self._local, "doc"):
            self._local.doc = _Tagging()
        return cast(_Tagging, self._local.doc)

    def share(self, folder: Path) -> None:
        """The document's folder of ``SharedPages``: a helper's word there means a worker is idle."""
        self._doc.shared = folder

    def take(self, passages: list[Passage]) -> None:
        """A window of the document's passages, while it is parsed: masked, tagged and encoded."""
        if not self.encode:
            raise ValueError("a TagInWorker that keeps records takes the whole document, not windows")
        doc = self._doc
        if self.spool and doc.spool is None:  # before the child is forked: it reads the spool too
            doc.spool = WindowSpool(passages[0]["file"])
        child = self._child(doc)
        half = len(passages) // 2
        if child is not None and half and child.send((TAG, passages[:half])):
            second = self._encoded(passages[half:])
            halves = [child.receive() or self._encoded(passages[:half]), second]
        else:
            halves = [self._encoded(passages)]
        rows: list[Row] = []
        for encoded, words, headings, unlabelled in halves:
            doc.unlabelled.extend(doc.count + len(rows) + i for i in unlabelled)
            rows += encoded
            doc.words.update(words)
            doc.headings |= headings
        doc.count += len(rows)
        if doc.spool is not None:
            doc.spool.add(ROWS, rows)
        else:
            doc.rows += rows

    def _child(self, doc: _Tagging) -> TagChild | None:
        """The document's tagging child: forked once a helper has come to it (a spooling batch only)."""
        if doc.child is None and self.spool and doc.shared is not None and (doc.shared / HELPED).exists():
            doc.child = TagChild(self._in_child).start()
        return doc.child if doc.child is not None and doc.child.alive else None

    def _in_child(self, request: tuple[str, Any]) -> Any:
        kind, payload = request
        if kind == TAG:
            return self._encoded(payload)
        start, end, words, headings = payload  # ANALYSE: the passages from ``start`` on, in windows
        assert self._doc.spool is not None
        return self._read_and_analyse(self._doc.spool.reader(end), start, words, headings)

    def _read_and_analyse(self, spool: WindowSpool, start: int, words: DocumentWords,
                          headings: set[str]) -> Iterator[list[tuple[str, str]]]:
        try:
            yield from _windows(self._parts(_rows(spool, start), words, headings))
        finally:
            spool.close()

    def _encoded(self, passages: list[Passage]) -> tuple[list[Row], DocumentWords, set[str], list[int]]:
        """A window's rows, with what the case analysis needs of them: their words, their headings,
        and which of them have no label (after one of those, the analysis may be split)."""
        tagged = self._tag(passages)
        return (encode_rows(tagged, self.tagger.model_version, masked=True), DocumentWords(p["text"] for p in tagged),
                {h for p in tagged for h in p["headings"]}, [i for i, p in enumerate(tagged) if not p["labels"]])

    def _tag(self, passages: list[Passage]) -> list[dict[str, Any]]:
        tagged = cast(list[dict[str, Any]], list(self.tagger.tag(mask_passage(p) for p in passages)))
        if not self.spool:
            self._doc.read += [{k: p[k] for k in CASE_FIELDS} for p in tagged]
        return tagged

    def __call__(self, document: DocumentResult) -> DocumentResult:
        doc = self._doc
        try:
            # passages still in the result were not handed over while parsing (a caller parsed on its own)
            passages, document.passages = document.passages, []
            if self.encode:
                if passages:
                    self.take(passages)
                document.handed_off += len(passages)
            else:
                document.passages = cast(list[Passage], self._tag(passages))
                for p in document.passages:
                    doc.words.add(p["text"])
                    doc.headings.update(p["headings"])
            if document.status is Status.FAILURE:
                return document
            version = self.tagger.model_version
            parts = self._analyse(doc)
            if doc.spool is not None:
                for window in _windows(parts):
                    doc.spool.add(PARTS, window)
                document.encoded, document.spool, doc.spool = Encoded(version, rules_version()), doc.spool, None
            else:
                document.encoded = Encoded(version, rules_version(), doc.rows if self.encode else None, list(parts))
            return document
        finally:
            if doc.child is not None:
                doc.child.close()
            if doc.spool is not None:  # a failure: what was spooled before it is not kept
                doc.spool.close()
            del self._local.doc  # the next document starts afresh

    def _analyse(self, doc: _Tagging) -> Iterator[tuple[str, str]]:
        """(passage id, case analysis JSON) of the document's passages, from the spool or memory.
        With a tagging child, the child analyses the passages after the unlabelled one nearest the
        middle while this process analyses those before it: after a passage without labels, no
        passage continues an earlier one's case, so both halves read as one."""
        if doc.spool is None:
            yield from self._parts(doc.read, doc.words, doc.headings)
            return
        split = self._split(doc)
        if split is None:
            yield from self._parts(_rows(doc.spool), doc.words, doc.headings)
            return
        assert doc.child is not None
        doc.spool.handle()  # written out, for the child to read
        if not doc.child.send((ANALYSE, (split, doc.spool.end, doc.words, doc.headings))):
            yield from self._parts(_rows(doc.spool), doc.words, doc.headings)
            return
        yield from self._parts(_rows(doc.spool, 0, split), doc.words, doc.headings)
        received = 0
        for window in doc.child.stream():
            yield from window
            received += len(window)
        if not doc.child.alive:  # it died: the rest of its half is analysed here
            rest = self._parts(_rows(doc.spool, split, doc.count), doc.words, doc.headings)
            yield from islice(rest, received, None)

    def _split(self, doc: _Tagging) -> int | None:
        """Where the child's half of the case analysis starts: after the unlabelled passage nearest
        the middle; None without a child, or without such a passage."""
        if doc.child is None or not doc.child.alive or not doc.unlabelled:
            return None
        middle = doc.count / 2
        split = min(doc.unlabelled, key=lambda i: abs(i + 1 - middle)) + 1
        return split if 0 < split < doc.count else None

    def _parts(self, passages: Iterable[dict[str, Any]], words: DocumentWords,
               headings: set[str]) -> Iterator[tuple[str, str]]:
        for pid, part in analyse_passages(passages, words, headings, *self.rules):
            yield pid, json.dumps(part, ensure_ascii=False)


def _rows(spool: WindowSpool, start: int = 0, stop: int | None = None) -> Iterator[dict[str, Any]]:
    """The tagged passages of a spool's ROWS frames, from the ``start``th to before ``stop``; those
    skipped are not decoded."""
    index = 0
    for kind, rows in spool:
        if stop is not None and index >= stop:
            return  # not on through the frames after them (the analysis's, added meanwhile)
        if kind != ROWS:
            continue
        for _, record, tags in cast(list[Row], rows):
            if index >= start and (stop is None or index < stop):
                yield {**json.loads(record), **json.loads(tags or "{}")}
            index += 1


def _windows(items: Iterator[Any]) -> Iterator[list[Any]]:
    return iter(lambda: list(islice(items, WINDOW)), [])


def worker_finish(tagger: Tagger, parquet: Path | None = None,
                  spool: bool = False) -> Callable[[DocumentResult], DocumentResult]:
    """What a worker does after parsing: mask and tag, and with a Parquet store write the passages.
    ``spool``: a local batch's worker, whose parent can be handed a spool (``TagInWorker``)."""
    finish = TagInWorker(tagger, encode=not parquet, spool=spool)
    return WriteParquet(parquet, tagger.model_version, finish) if parquet else finish
