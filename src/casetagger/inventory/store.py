"""The run's state in DIR/casetagger.sqlite: parsed documents, their passages, and tags per model.

Each document is written in one transaction with all its passages, so a run killed at any
moment resumes with nothing lost and nothing counted twice. Tags are keyed by passage and
model version: a new model re-tags stored passages without re-parsing any PDF. So is each
passage's case analysis (``case_parts``, made in the worker; ``case_analyses`` marks a document
analysed, with the fingerprint of the case rules): the inventory merges them without analysing
a document again.
"""

import errno
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from casetagger.errors import Errors
from casetagger.ingest.document import DocumentResult, Status
from casetagger.inventory.privacy import mask_passage

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,      -- sha256 of the file, or 'file:' + path when it could not be read
    file TEXT NOT NULL,
    status TEXT NOT NULL,
    pages INTEGER NOT NULL,
    summary TEXT NOT NULL,        -- the DocumentResult without passages, JSON
    parsed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    seq INTEGER NOT NULL,
    record TEXT NOT NULL          -- the passage with provenance, personal data masked, JSON
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tags (
    passage_id TEXT NOT NULL REFERENCES passages(id),
    model_version TEXT NOT NULL,
    result TEXT NOT NULL,         -- scores, labels, evidence, JSON
    tagged_at TEXT NOT NULL,
    PRIMARY KEY (passage_id, model_version)
);
CREATE TABLE IF NOT EXISTS case_analyses (  -- a document whose passages tagged by this model were analysed
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    model_version TEXT NOT NULL,
    rules TEXT NOT NULL,          -- cases.rules_version() of the analysis
    PRIMARY KEY (doc_id, model_version)
);
CREATE TABLE IF NOT EXISTS case_parts (
    passage_id TEXT NOT NULL,     -- in passages, or in a Parquet store's files
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    model_version TEXT NOT NULL,
    part TEXT NOT NULL,           -- cases.analyse_passages of the passage: a finding or its cases' parts, JSON
    PRIMARY KEY (passage_id, model_version)
);
CREATE INDEX IF NOT EXISTS case_parts_doc ON case_parts(doc_id);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


TAG_FIELDS = ("scores", "labels", "evidence")


def no_tags() -> dict[str, Any]:
    """The tag fields of a passage that has no tags for the model asked for."""
    return {"scores": {}, "labels": [], "evidence": {}}


def without_tags(passage: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in passage.items() if k not in TAG_FIELDS and k != "model"}


def tags_json(passage: Mapping[str, Any]) -> str | None:
    """A tagged passage's tags as the stores keep them; None for a passage not tagged."""
    return json.dumps({k: passage[k] for k in TAG_FIELDS}, ensure_ascii=False) if "scores" in passage else None


def _tag_rows(tagged: Sequence[Mapping[str, Any]], model_version: str) -> list[tuple[Any, ...]]:
    stamp = now()
    return [(row["id"], model_version, tags_json(row), stamp) for row in tagged]


Row = tuple[str, str, str | None]  # passage id, masked record JSON, tags JSON or None
ROWS, PARTS = "rows", "parts"  # a spool's frames: rows, then (passage id, case analysis JSON)


@dataclass
class Encoded:
    """What a worker prepared of a document for the store, so that the process writing the store
    (which every worker waits for) only writes: its passages as rows, and with ``rules`` the case
    analysis of each (``cases.analyse_passages``). Either is in the result's spool as ROWS and
    PARTS windows when its field is None (rows are then made from the result's records)."""

    model_version: str | None
    rules: str | None = None  # cases.rules_version() of the analysis; None: not analysed
    rows: list[Row] | None = None
    parts: list[tuple[str, str]] | None = None


def encode_rows(passages: Sequence[dict[str, Any]], model_version: str | None = None,
                masked: bool = False) -> list[Row]:
    """(id, masked record JSON, tags JSON or None) of each passage: what the stores keep of it."""
    return [(p["id"], json.dumps(without_tags(p if masked else mask_passage(p)), ensure_ascii=False),
             tags_json(p) if model_version else None) for p in passages]


def _frames(result: DocumentResult, encoded: Encoded, model_version: str | None) -> Iterable[tuple[str, list[Any]]]:
    """The document's ROWS and PARTS windows: from its spool, or from what ``encoded`` holds."""
    if result.spool is not None:
        yield from result.spool
        return
    if encoded.rows is not None:
        yield ROWS, encoded.rows
    else:
        yield ROWS, encode_rows(cast(list[dict[str, Any]], result.passages), model_version)
    yield PARTS, encoded.parts or []


def store_problem(path: Path, error: Exception) -> str:
    """The coded message for a store that cannot be written (read-only, disk full) or used."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or getattr(error, "errno", None) in (errno.EROFS, errno.EACCES):
        return Errors.E401.format(path=path)
    if "disk is full" in text or getattr(error, "errno", None) == errno.ENOSPC:
        return Errors.E402.format(path=path)
    return Errors.E403.format(path=path, detail=error)


class RunStore:
    """The store, with one SQLite connection per thread (``db``), so a server can share one store
    across its thread pool; the schema is applied once, when the store is opened."""

    SCHEMAS = (SCHEMA,)

    def __init__(self, folder: Path, schemas: tuple[str, ...] = (), row_factory: Any = None):
        """``schemas``: more tables (the review's), applied once with the run's; ``row_factory``
        for every connection (the review reads rows by column name)."""
        self.schemas = self.SCHEMAS + schemas
        self.row_factory = row_factory
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "casetagger.sqlite"
        self._local = threading.local()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._lock = threading.Lock()
        existed = self.path.exists()
        # the owner marked it read-only: keep it so (root would write through the mode bits)
        self.read_only = existed and not self.path.stat().st_mode & stat.S_IWUSR
        if not existed:
            self.path.touch(0o600)
        # the store holds reviewers' password hashes and unmasked file paths: the owner's alone,
        # without adding a write permission the owner took away
        os.chmod(self.path, stat.S_IMODE(self.path.stat().st_mode) & 0o700)
        if not self.read_only:
            self.db.execute("PRAGMA journal_mode=WAL")
            for schema in self.schemas:
                self.db.executescript(schema)

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = self._connect()
            with self._lock:
                # a server's pool retires idle threads: their connections are closed, not kept
                for thread, old in [pair for pair in self._connections if not pair[0].is_alive()]:
                    old.close()
                    self._connections.remove((thread, old))
                self._connections.append((threading.current_thread(), connection))
        return connection

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=30,
                                         check_same_thread=False)
        else:
            connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA synchronous=FULL")
        if self.row_factory is not None:
            connection.row_factory = self.row_factory
        return connection

    def close(self) -> None:
        with self._lock:
            for _, connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    def done(self, doc_id: str, ocr: bool = False) -> bool:
        """Parsed before: a rerun skips it. Failures are tried again, and so are documents with
        scanned pages when OCR is asked for now."""
        row = self.db.execute("SELECT status, summary FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None or row[0] == Status.FAILURE.value:
            return False
        return not (ocr and json.loads(row[1]).get("scanned_pages"))

    def save_document(self, result: DocumentResult, model_version: str | None = None) -> None:
        """The document and its passages; with ``model_version``, passages tagged in the worker
        (with ``scores``, ``labels``, ``evidence``) keep their tags in the same transaction. A
        worker may have encoded them already (``result.encoded``, an ``Encoded``), and put them
        in a spool (``result.spool``): they are read from it a window at a time."""
        doc_id = result.doc_id or f"file:{result.file}"
        encoded = result.encoded if isinstance(result.encoded, Encoded) else Encoded(None)
        # tags the records carry are kept; those encoded for another model are not, nor their cases
        keep_tags = bool(model_version) and encoded.model_version in (None, model_version)
        analysed = keep_tags and encoded.rules is not None
        stamp = now()
        with self.db:  # one transaction: the document and all its passages, or nothing
            if result.doc_id:  # an earlier failure of the same file that could not be hashed
                self.db.execute("DELETE FROM documents WHERE doc_id = ?", (f"file:{result.file}",))
            self.db.execute("DELETE FROM tags WHERE passage_id IN (SELECT id FROM passages WHERE doc_id = ?)", (doc_id,))
            for table in ("passages", "case_parts", "case_analyses"):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                            (doc_id, result.file, result.status.value, result.pages,
                             json.dumps(result.summary(), ensure_ascii=False), stamp))
            seq = 0
            for kind, window in _frames(result, encoded, model_version):
                if kind == ROWS:
                    rows = cast(list[Row], window)
                    self.db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?)",
                                        [(pid, doc_id, seq + i, record) for i, (pid, record, _) in enumerate(rows)])
                    seq += len(rows)
                    if keep_tags:
                        self.db.executemany("INSERT OR REPLACE INTO tags VALUES (?, ?, ?, ?)",
                                            [(pid, model_version, tags, stamp) for pid, _, tags in rows if tags])
                elif kind == PARTS and analysed:
                    self.db.executemany("INSERT INTO case_parts VALUES (?, ?, ?, ?)",
                                        [(pid, doc_id, model_version, part)
                                         for pid, part in cast(list[tuple[str, str]], window)])
            if analysed:
                self.db.execute("INSERT INTO case_analyses VALUES (?, ?, ?)", (doc_id, model_version, encoded.rules))

    def untagged(self, model_version: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT record FROM passages p WHERE NOT EXISTS "
            "(SELECT 1 FROM tags t WHERE t.passage_id = p.id AND t.model_version = ?) ORDER BY doc_id, seq",
            (model_version,))
        return [json.loads(r[0]) for r in rows]

    def save_tags(self, tagged: Sequence[Mapping[str, Any]], model_version: str) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO tags VALUES (?, ?, ?, ?)", _tag_rows(tagged, model_version))

    def set_meta(self, key: str, value: Any) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False)))

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def case_analyses(self, model_version: str) -> "StoredAnalyses":
        """doc id -> the stored ``cases.analyse_document`` of its passages tagged by ``model_version``,
        each read from the store when it is asked for."""
        return StoredAnalyses(self, model_version)

    def case_analysis(self, doc_id: str, model_version: str) -> dict[str, Any] | None:
        """One document's stored analysis (``case_analyses``), or None. Its passages' entries are
        read one at a time, when asked for: one long report's are not all held at once."""
        try:
            found = self.db.execute("SELECT rules FROM case_analyses WHERE doc_id = ? AND model_version = ?",
                                    (doc_id, model_version)).fetchone()
        except sqlite3.OperationalError:  # a read-only store from before analyses were stored: none
            return None
        return None if found is None else {"rules": found[0], "passages": StoredParts(self, doc_id, model_version)}

    def documents(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT summary FROM documents ORDER BY file")
        return [json.loads(r[0]) for r in rows]

    def tagged_passages(self, model_version: str, passage_id: str | None = None) -> list[dict[str, Any]]:
        """Every stored passage (or the one with ``passage_id``) with its tags from ``model_version``,
        in document order."""
        return list(self.iter_tagged_passages(model_version, passage_id))

    def iter_tagged_passages(self, model_version: str, passage_id: str | None = None) -> Iterator[dict[str, Any]]:
        """``tagged_passages`` a row at a time, so that the outputs of a large store pass over them
        without holding them all. Each document's passages come together, through the index on
        (document, position): a file that changed between runs is two documents under one name."""
        select = ("SELECT p.record, t.result FROM passages p "
                  "LEFT JOIN tags t ON t.passage_id = p.id AND t.model_version = ? ")
        batches: Iterable[sqlite3.Cursor]
        if passage_id is not None:
            batches = [self.db.execute(select + "WHERE p.id = ?", (model_version, passage_id))]
        else:
            documents = self.db.execute("SELECT doc_id FROM documents ORDER BY file, doc_id").fetchall()
            batches = (self.db.execute(select + "WHERE p.doc_id = ? ORDER BY p.seq", (model_version, doc_id))
                       for doc_id, in documents)
        for rows in batches:
            for record, result in rows:
                passage = json.loads(record)
                passage.update(json.loads(result) if result else no_tags())
                passage["model"] = model_version if result else None
                yield passage


class StoredAnalyses(Mapping[str, Any]):
    """doc id -> its stored case analysis (``RunStore.case_analysis``), read when it is asked for:
    ``build_inventory`` holds one document's analysis at a time, not a large store's all."""

    def __init__(self, store: RunStore, model_version: str):
        self.store = store
        self.model_version = model_version

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        found = self.store.case_analysis(doc_id, self.model_version)
        if found is None:
            raise KeyError(doc_id)
        return found

    def __iter__(self) -> Iterator[str]:
        try:
            rows = self.store.db.execute("SELECT doc_id FROM case_analyses WHERE model_version = ? ORDER BY doc_id",
                                         (self.model_version,)).fetchall()
        except sqlite3.OperationalError:  # a read-only store from before analyses were stored
            rows = []
        return (doc_id for doc_id, in rows)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StoredParts(Mapping[str, Any]):
    """passage id -> its entry in a stored case analysis (``analyse_passages``), read when asked for."""

    def __init__(self, store: RunStore, doc_id: str, model_version: str):
        self.store = store
        self.doc_id = doc_id
        self.model_version = model_version

    def __getitem__(self, passage_id: str) -> Any:
        row = self.store.db.execute("SELECT part FROM case_parts WHERE passage_id = ? AND model_version = ? "
                                    "AND doc_id = ?", (passage_id, self.model_version, self.doc_id)).fetchone()
        if row is None:
            raise KeyError(passage_id)
        return json.loads(row[0])

    def __iter__(self) -> Iterator[str]:
        rows = self.store.db.execute("SELECT passage_id FROM case_parts WHERE doc_id = ? AND model_version = ? "
                                     "ORDER BY passage_id", (self.doc_id, self.model_version)).fetchall()
        return (passage_id for passage_id, in rows)

    def __len__(self) -> int:
        return sum(1 for _ in self)
