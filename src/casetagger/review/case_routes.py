"""The review app's case view: rename, merge, split, "not a case", attach a finding without a name.

Every edit is one row in ``case_edits`` and one entry in the append-only audit log, in one
transaction; a retried request (same request id) saves once. Cases are read from the store as
``casetagger run`` left them, with the edits replayed: nothing is rebuilt per request.
"""

import json
import uuid
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from casetagger.inventory.case_store import ACTIONS, EditError, apply_edits, edits, ensure_tables, load_inventory
from casetagger.inventory.cases import Inventory
from casetagger.inventory.store import now
from casetagger.review.store import ReviewStore
from casetagger.review.web import Reviewer, check_csrf, page, review_of

router = APIRouter()


def save_edit(store: ReviewStore, reviewer: str, action: str, payload: dict[str, Any], request_id: str) -> bool:
    """Check the edit against the cases as they are, then store and audit it; False for a retry."""
    ensure_tables(store.db)
    with store.db:
        store.db.execute("BEGIN IMMEDIATE")
        if store.db.execute("SELECT 1 FROM case_edits WHERE request_id = ?", (request_id,)).fetchone():
            return False
        apply_edits(load_inventory(store.db), edits(store.db) + [{"action": action, "payload": payload}], strict=True)
        store.db.execute("INSERT INTO case_edits (at, reviewer, action, payload, request_id) VALUES (?, ?, ?, ?, ?)",
                         (now(), reviewer, action, json.dumps(payload, ensure_ascii=False), request_id))
        store._audit(reviewer, payload.get("passage_id"), f"case_{action}", request_id, None, payload)
        return True


def _inventory(store: ReviewStore) -> Inventory:
    return apply_edits(load_inventory(store.db), edits(store.db))


@router.get("/cases", response_class=HTMLResponse)
def cases_view(request: Request, reviewer: Reviewer) -> HTMLResponse:
    found = _inventory(review_of(request).store)
    return page(request, "cases.html", cases=found.cases, findings=[f for f in found.findings if not f.case],
                request_id=str(uuid.uuid4()), message=request.query_params.get("message", ""))


@router.get("/cases/{key}", response_class=HTMLResponse)
def case_view(request: Request, key: str, reviewer: Reviewer) -> HTMLResponse:
    review = review_of(request)
    found = _inventory(review.store)
    model_version = review.store.run.get_meta("model")["model_version"]
    texts = {p["id"]: p["text"] for p in review.store.run.tagged_passages(model_version)}
    case = next((c for c in found.cases if c.key == key), None)
    if case is None:
        raise HTTPException(404, "no such case")
    return page(request, "case.html", case=case, others=[c for c in found.cases if c is not case], texts=texts,
                request_id=str(uuid.uuid4()))


@router.post("/cases/edit")
async def case_edit(request: Request, reviewer: Reviewer) -> RedirectResponse:
    form = await request.form()
    return await run_in_threadpool(_edit, request, reviewer, form)  # the store is not the event loop's


def _edit(request: Request, reviewer: str, form: FormData) -> RedirectResponse:
    check_csrf(request, form.get("csrf"))
    action = str(form.get("action", ""))
    if action not in ACTIONS:
        raise HTTPException(400, "unknown action")
    payload: dict[str, Any] = {"key": str(form.get("key", ""))}
    if action in ("rename", "split"):
        payload["name"] = str(form.get("name", "")).strip()
    if action == "merge":
        payload["target"] = str(form.get("target", ""))
    if action == "split":
        payload["passages"] = [str(p) for p in form.getlist("passages")]
    if action == "attach":
        payload["passage_id"] = str(form.get("passage_id", ""))
    if action == "rename" and not payload["name"]:
        raise HTTPException(400, "a case needs a name")
    try:
        save_edit(review_of(request).store, reviewer, action, payload, str(form.get("request_id") or uuid.uuid4()))
    except EditError as error:
        raise HTTPException(409, str(error)) from None
    return RedirectResponse("/cases", status_code=303)
