"""The review itself: the queue, one passage at a time with its page image, saving a decision
(versioned: a save based on an outdated version gets a conflict page), and progress."""

import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from casetagger.inventory.privacy import mask
from casetagger.review.pages import RenderError, page_png
from casetagger.review.queue import margin, progress, select, shown_name
from casetagger.review.store import Conflict, Decision
from casetagger.review.web import Reviewer, check_csrf, page, review_of

router = APIRouter()
QUEUE_PARAMS = ("order", "label", "document", "status", "q")


def _queue(request: Request, reviewer: str, status: str | None = None) -> tuple[dict[str, str], list[dict[str, Any]],
                                                                               dict[str, set[str]], list[dict[str, Any]]]:
    """The reviewer's queue as the request's filters ask for it."""
    review = review_of(request)
    args = {k: request.query_params.get(k, "") for k in QUEUE_PARAMS}
    args["order"] = args["order"] or "uncertain"
    args["status"] = args["status"] or "open"
    passages, decided = review.passages()
    chosen = select(passages, decided, reviewer, review.model.thresholds, args["order"], args["label"],
                    args["document"], status or args["status"], args["q"])
    return args, passages, decided, chosen


@router.get("/", response_class=HTMLResponse)
def queue_view(request: Request, reviewer: Reviewer) -> HTMLResponse:
    args, passages, decided, chosen = _queue(request, reviewer)
    thresholds = review_of(request).model.thresholds
    documents = sorted({shown_name(p["file"]) for p in passages})
    return page(request, "queue.html", passages=chosen[:300], total=len(chosen), args=args, documents=documents,
                query=urlencode(args), decided=decided, margin=lambda p: margin(p, thresholds))


@router.get("/next")
def next_passage(request: Request, reviewer: Reviewer) -> RedirectResponse:
    args, _, _, chosen = _queue(request, reviewer)
    if not chosen:
        return RedirectResponse("/?" + urlencode(args), status_code=303)
    return RedirectResponse(f"/p/{chosen[0]['id']}?" + urlencode(args), status_code=303)


@router.get("/p/{passage_id}", response_class=HTMLResponse)
def passage_view(request: Request, passage_id: str, reviewer: Reviewer) -> HTMLResponse:
    # j / k walk the queue as it is ordered, whatever this passage's own status
    args, passages, decided, walk = _queue(request, reviewer, status="all")
    review = review_of(request)
    mine = review.store.decision(passage_id, reviewer)
    by_id = {p["id"]: p for p in passages}
    if passage_id not in by_id:
        raise HTTPException(404, "no such passage")
    passage = by_id[passage_id]
    order = [p["id"] for p in walk]
    here = order.index(passage_id) if passage_id in order else -1
    neighbours = {"prev": order[here - 1] if here > 0 else None,
                  "next": order[here + 1] if 0 <= here < len(order) - 1 else None}
    return page(request, "passage.html", passage=passage, mine=mine, args=args, query=urlencode(args),
                segments=highlight(passage["text"], [w for ws in passage.get("evidence", {}).values() for w in ws]),
                checked=set(mine["labels"]) if mine else set(passage["labels"]), thresholds=review.model.thresholds,
                request_id=str(uuid.uuid4()), neighbours=neighbours, conflict=None)


@router.post("/p/{passage_id}")
async def save(request: Request, passage_id: str, reviewer: Reviewer) -> Response:
    form = await request.form()
    return await run_in_threadpool(_save, request, reviewer, passage_id, form)


def _save(request: Request, reviewer: str, passage_id: str, form: FormData) -> Response:
    check_csrf(request, form.get("csrf"))
    review = review_of(request)
    args = {k: str(form.get(k, "")) for k in QUEUE_PARAMS}
    labels = [str(label) for label in form.getlist("labels") if label in review.taxonomy.ids]
    version = str(form.get("version", "") or "0")
    if not version.isdigit():
        raise HTTPException(400, "the form's version is not a number: reload the page")
    passage = review.passage(passage_id)
    decision = Decision(passage_id, reviewer, labels, passage["labels"], passage.get("scores", {}),
                        review.model.model_version, (str(form.get("case_name", "")).strip() or None),
                        bool(form.get("not_a_case")), str(form.get("comment", "")).strip())
    try:
        review.store.save(decision, int(version), str(form.get("request_id") or uuid.uuid4()))
    except Conflict as conflict:
        return page(request, "conflict.html", 409, passage=passage, current=conflict.current, yours=decision,
                    query=urlencode(args))
    target = "/next?" if form.get("then") != "stay" else f"/p/{passage_id}?"
    return RedirectResponse(target + urlencode(args), status_code=303)


@router.get("/page/{passage_id}.png")
def page_image(request: Request, passage_id: str, reviewer: Reviewer) -> Response:
    passage = review_of(request).passage(passage_id)
    pdf = Path(passage["file"])
    if not pdf.is_file():
        raise HTTPException(404, f"{pdf.name} is no longer where it was read")
    boxes = tuple(tuple(b["bbox"]) for b in passage["bboxes"] if b["page"] == passage["page"])
    try:
        png = page_png(str(pdf), passage["page"], boxes)
    except RenderError as error:
        raise HTTPException(422, f"{mask(pdf.name)}: {error}") from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/progress", response_class=HTMLResponse)
def progress_view(request: Request, reviewer: Reviewer) -> HTMLResponse:
    review = review_of(request)
    passages, _ = review.passages()
    figures = progress(passages, review.store.decisions(), review.taxonomy)
    texts = {p["id"]: p["text"] for p in passages}
    return page(request, "progress.html", figures=figures, texts=texts)


def highlight(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """The text in segments, evidence words marked; the template escapes every segment."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return [(text, False)]
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")
    segments, last = [], 0
    for match in pattern.finditer(text):
        segments.append((text[last:match.start()], False))
        segments.append((match.group(0), True))
        last = match.end()
    segments.append((text[last:], False))
    return [s for s in segments if s[0]]
