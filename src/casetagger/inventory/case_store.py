"""Cases in the run's SQLite store, and the analysts' edits to them.

``casetagger run`` stores the cases and findings it builds (``save_inventory``), so the review
app reads them instead of rebuilding every case per request. An analyst's edits (rename, merge,
split, not a case, attach a finding) are an ordered log in ``case_edits``; ``apply_edits`` replays
them on the extracted cases, so they survive a rerun that adds documents. Case keys are stable:
a renamed case keeps its key.
"""

import json
import sqlite3
from typing import Any

from casetagger.inventory.cases import Case, Finding, Inventory, case_key
from casetagger.inventory.privacy import mask

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (key TEXT PRIMARY KEY, name TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS case_findings (passage_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS case_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, reviewer TEXT NOT NULL,
    action TEXT NOT NULL,            -- rename, merge, split, reject, attach
    payload TEXT NOT NULL,           -- JSON: key, name, target, passages, passage_id
    request_id TEXT UNIQUE
);
"""
ACTIONS = ("rename", "merge", "split", "reject", "attach")


class EditError(ValueError):
    """An edit that does not fit the cases as they are (an unknown case, a name already taken)."""


def ensure_tables(db: sqlite3.Connection) -> None:
    """Create the tables in a store from before they existed; a lookup, not a script, per call
    (the review app calls it per request, and a script would commit and need a writable store)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_edits'").fetchone() is None:
        db.executescript(SCHEMA)


def save_inventory(db: sqlite3.Connection, inventory: Inventory) -> None:
    """Replace the stored cases and findings with ``inventory`` in one transaction."""
    ensure_tables(db)
    with db:
        db.execute("DELETE FROM cases")
        db.execute("DELETE FROM case_findings")
        db.executemany("INSERT INTO cases VALUES (?, ?, ?)",
                       [(c.key, c.name, json.dumps(c.to_dict(), ensure_ascii=False)) for c in inventory.cases])
        db.executemany("INSERT INTO case_findings VALUES (?, ?)",
                       [(f.passage_id, json.dumps(f.to_dict(), ensure_ascii=False)) for f in inventory.findings])


def load_inventory(db: sqlite3.Connection) -> Inventory:
    """The stored cases and findings as ``casetagger run`` built them, before any edit."""
    ensure_tables(db)
    cases = [Case.from_dict(json.loads(r[0])) for r in db.execute("SELECT record FROM cases")]
    findings = [Finding(**json.loads(r[0])) for r in db.execute("SELECT record FROM case_findings")]
    return Inventory(sorted(cases, key=lambda c: (-c.best, c.name)), findings)


def edits(db: sqlite3.Connection) -> list[dict[str, Any]]:
    ensure_tables(db)
    rows = db.execute("SELECT id, at, reviewer, action, payload FROM case_edits ORDER BY id")
    return [{"id": r[0], "at": r[1], "reviewer": r[2], "action": r[3], "payload": json.loads(r[4])} for r in rows]


def reviewed_inventory(db: sqlite3.Connection) -> Inventory:
    """The stored inventory with every analyst's edit applied: what the outputs and the app show."""
    return apply_edits(load_inventory(db), edits(db))


def apply_edits(inventory: Inventory, log: list[dict[str, Any]], strict: bool = False) -> Inventory:
    """Replay ``log`` on ``inventory`` (changed in place and returned). An edit that no longer fits
    (its case is gone after a rerun) is skipped, or raises EditError when ``strict``."""
    for edit in log:
        try:
            _apply(inventory, edit["action"], edit["payload"])
        except EditError:
            if strict:
                raise
    inventory.cases.sort(key=lambda c: (-c.best, c.name))
    return inventory


def _case(inventory: Inventory, key: str) -> Case:
    for case in inventory.cases:
        if case.key == key:
            return case
    raise EditError(f"no case {key!r}")


def _apply(inventory: Inventory, action: str, p: dict[str, Any]) -> None:
    if action == "rename":
        case = _case(inventory, p["key"])
        case.name, case.reviewed = mask(p["name"]), True
    elif action == "merge":
        source, target = _case(inventory, p["key"]), _case(inventory, p["target"])
        if source is target:
            raise EditError("a case cannot be merged into itself")
        for pid, part in source.parts.items():
            mine = target.parts.setdefault(pid, {"file": part["file"], "pages": part["pages"], "labels": {}})
            for label, score in part["labels"].items():
                mine["labels"][label] = max(mine["labels"].get(label, 0.0), score)
        target.passages += [pid for pid in source.passages if pid not in target.passages]
        target.mentions += source.mentions
        for label, found in source.support.items():
            target.support.setdefault(label, []).extend(found)
        target.reviewed = True
        inventory.cases.remove(source)
        target.recompute()
    elif action == "split":
        case = _case(inventory, p["key"])
        moved = [pid for pid in p["passages"] if pid in case.parts]
        name = mask(p["name"].strip())
        if not moved or len(moved) == len(case.parts) or not name:
            raise EditError("a split needs a new name and some, but not all, of the case's passages")
        if any(c.key == case_key(name) for c in inventory.cases):
            raise EditError(f"a case named {name!r} exists already: merge instead")
        new = Case(name, parts={pid: case.parts.pop(pid) for pid in moved}, passages=moved, reviewed=True,
                   mentions=[m for m in case.mentions if m.passage_id in moved],
                   support={label: [s for s in found if s.passage_id in moved] for label, found in case.support.items()},
                   excerpt=case.excerpt)
        case.reviewed = True
        case.recompute()
        new.recompute()
        inventory.cases.append(new)
    elif action == "reject":
        case = _case(inventory, p["key"])
        case.reviewed = True
        inventory.cases.remove(case)
        inventory.rejected.append(case)
    elif action == "attach":
        case = _case(inventory, p["key"])
        finding = next((f for f in inventory.findings if f.passage_id == p["passage_id"]), None)
        if finding is None:
            raise EditError(f"no finding without a name in passage {p['passage_id']!r}")
        finding.case = case.name
        case.parts[finding.passage_id] = {"file": finding.file, "pages": finding.pages, "labels": dict(finding.scores)}
        case.passages.append(finding.passage_id)
        case.reviewed = True
        case.recompute()
    else:
        raise EditError(f"unknown action {action!r}")
