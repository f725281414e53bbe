"""Review decisions in the run's SQLite database (WAL): one row per (passage, reviewer), a version
column against lost updates, idempotent saves by request id, and an append-only audit log.
"""

import hashlib
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casetagger.corrections import decision_record, read_decisions
from casetagger.inventory.case_store import SCHEMA as CASE_SCHEMA
from casetagger.inventory.store import RunStore, now
from casetagger.review.auth import check_password_or_dummy, hash_password
from casetagger.schema import DecisionRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS reviewers (
    name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    passage_id TEXT NOT NULL, reviewer TEXT NOT NULL,
    labels TEXT NOT NULL,            -- the labels the reviewer says apply, JSON
    accepted TEXT NOT NULL, rejected TEXT NOT NULL, added TEXT NOT NULL,  -- against the suggestion
    case_name TEXT, not_a_case INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
    model_version TEXT, scores_shown TEXT NOT NULL,
    version INTEGER NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (passage_id, reviewer)
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, reviewer TEXT NOT NULL, passage_id TEXT,
    action TEXT NOT NULL, request_id TEXT, before TEXT, after TEXT
);
CREATE TABLE IF NOT EXISTS revoked_sessions (token_hash TEXT PRIMARY KEY, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS password_resets (name TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS requests (request_id TEXT PRIMARY KEY, reviewer TEXT NOT NULL, version INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_append_only_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_append_only_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


class Conflict(Exception):
    """Someone saved this decision since the form was loaded."""

    def __init__(self, current: DecisionRecord | None):
        super().__init__("conflict")
        self.current = current


@dataclass
class Decision:
    passage_id: str
    reviewer: str
    labels: list[str]
    suggested: list[str]
    scores_shown: dict[str, float]
    model_version: str | None
    case_name: str | None = None
    not_a_case: bool = False
    comment: str = ""


class ReviewStore:
    """Reviewers, decisions and the audit log, in the run's store (``run``), which it holds: the
    passages and tags stay the run's (``store.run.tagged_passages``)."""

    def __init__(self, folder: Path):
        self.run = RunStore(folder, schemas=(SCHEMA, CASE_SCHEMA), row_factory=sqlite3.Row)
        self.path = self.run.path

    @property
    def db(self) -> sqlite3.Connection:
        return self.run.db

    def close(self) -> None:
        self.run.close()

    # -- install and accounts
    def install_secret(self) -> str:
        """The per-install secret that signs sessions: created at first start, in a file only the
        owner can read (the inventory folder itself is meant to be shared)."""
        path = self.path.parent / ".review-secret"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip()
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
        return path.read_text().strip()

    def revoke(self, session: str) -> None:
        """Signed-out sessions stay invalid until they expire."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO revoked_sessions VALUES (?, ?)",
                            (hashlib.sha256(session.encode()).hexdigest(), now()))

    def revoked(self, session: str) -> bool:
        return self.db.execute("SELECT 1 FROM revoked_sessions WHERE token_hash = ?",
                               (hashlib.sha256(session.encode()).hexdigest(),)).fetchone() is not None

    def ensure_admin(self) -> str | None:
        """At first start: an admin account with a random password, returned once, stored hashed."""
        if self.db.execute("SELECT 1 FROM reviewers WHERE is_admin = 1").fetchone():
            return None
        password = secrets.token_urlsafe(12)
        self.add_reviewer("admin", password, is_admin=True)
        return password

    def add_reviewer(self, name: str, password: str, is_admin: bool = False) -> None:
        with self.db:
            self.db.execute("INSERT INTO reviewers VALUES (?, ?, ?, ?)", (name, hash_password(password), int(is_admin), now()))
            self._audit(name, None, "account_created", None, None, {"name": name, "is_admin": is_admin})

    def authenticate(self, name: str, password: str) -> bool:
        """Slow on purpose (scrypt), and as slow for a name that does not exist."""
        row = self.db.execute("SELECT password_hash FROM reviewers WHERE name = ?", (name,)).fetchone()
        return check_password_or_dummy(password, row["password_hash"] if row else None)

    def set_password(self, name: str, password: str, by: str) -> bool:
        """An admin's reset of a reviewer's password, audited (the hash is not in the log)."""
        with self.db:
            changed = self.db.execute("UPDATE reviewers SET password_hash = ? WHERE name = ?",
                                      (hash_password(password), name)).rowcount
            if changed:  # sessions signed in before now stop working: the old password may be known
                self.db.execute("INSERT OR REPLACE INTO password_resets VALUES (?, ?)", (name, time.time()))
                self._audit(by, None, "password_reset", None, None, {"name": name})
        return bool(changed)

    def remove_reviewer(self, name: str, by: str) -> bool:
        """The account goes (its sessions stop working); its decisions and audit entries stay."""
        with self.db:
            removed = self.db.execute("DELETE FROM reviewers WHERE name = ?", (name,)).rowcount
            if removed:
                self._audit(by, None, "account_removed", None, {"name": name}, None)
        return bool(removed)

    def session_valid(self, name: str, signed_in_at: float) -> bool:
        """The account exists and its password was not reset after this session signed in."""
        if self.db.execute("SELECT 1 FROM reviewers WHERE name = ?", (name,)).fetchone() is None:
            return False
        reset = self.db.execute("SELECT at FROM password_resets WHERE name = ?", (name,)).fetchone()
        return reset is None or signed_in_at >= reset["at"]

    def is_admin(self, name: str) -> bool:
        row = self.db.execute("SELECT is_admin FROM reviewers WHERE name = ?", (name,)).fetchone()
        return bool(row and row["is_admin"])

    def reviewers(self) -> list[str]:
        return [r["name"] for r in self.db.execute("SELECT name FROM reviewers ORDER BY name")]

    # -- decisions
    def decision(self, passage_id: str, reviewer: str) -> DecisionRecord | None:
        row = self.db.execute("SELECT * FROM decisions WHERE passage_id = ? AND reviewer = ?",
                              (passage_id, reviewer)).fetchone()
        return decision_record(row) if row else None

    def decisions(self) -> list[DecisionRecord]:
        return read_decisions(self.db)

    def save(self, decision: Decision, expected_version: int, request_id: str) -> int:
        """Store a decision; returns its new version.

        The same request id saves once (a retried request returns the version it made). A decision
        saved by anyone since ``expected_version`` was read raises Conflict: nothing is overwritten.
        """
        with self.db:  # one transaction: the decision, its audit entry and the request id
            # take the write lock before reading, so two saves cannot both read the same version
            self.db.execute("BEGIN IMMEDIATE")
            done = self.db.execute("SELECT version FROM requests WHERE request_id = ?", (request_id,)).fetchone()
            if done:
                return int(done["version"])
            before = self.decision(decision.passage_id, decision.reviewer)
            current = before["version"] if before else 0
            if current != expected_version:
                raise Conflict(before)
            suggested, chosen = set(decision.suggested), set(decision.labels)
            row = (json.dumps(sorted(chosen)), json.dumps(sorted(suggested & chosen)),
                   json.dumps(sorted(suggested - chosen)), json.dumps(sorted(chosen - suggested)),
                   decision.case_name, int(decision.not_a_case), decision.comment, decision.model_version,
                   json.dumps(decision.scores_shown), current + 1, now())
            if before:
                updated = self.db.execute(
                    "UPDATE decisions SET labels=?, accepted=?, rejected=?, added=?, case_name=?, not_a_case=?, "
                    "comment=?, model_version=?, scores_shown=?, version=?, updated_at=? "
                    "WHERE passage_id=? AND reviewer=? AND version=?",
                    row + (decision.passage_id, decision.reviewer, current))
                if updated.rowcount != 1:
                    raise Conflict(self.decision(decision.passage_id, decision.reviewer))
            else:
                self.db.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (decision.passage_id, decision.reviewer) + row)
            after = self.decision(decision.passage_id, decision.reviewer)
            self._audit(decision.reviewer, decision.passage_id, "decision_saved", request_id, before, after)
            self.db.execute("INSERT INTO requests VALUES (?, ?, ?)", (request_id, decision.reviewer, current + 1))
            return current + 1

    def audit_log(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM audit ORDER BY id")]

    def _audit(self, reviewer: str, passage_id: str | None, action: str, request_id: str | None,
               before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> None:
        self.db.execute("INSERT INTO audit (at, reviewer, passage_id, action, request_id, before, after) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (now(), reviewer, passage_id, action, request_id,
                         json.dumps(before, ensure_ascii=False) if before else None,
                         json.dumps(after, ensure_ascii=False) if after else None))

