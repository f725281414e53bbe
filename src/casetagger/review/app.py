"""The review web app (FastAPI, server-rendered Jinja2 with autoescaping, no CDN)."""

import re
import secrets
import sqlite3
import uuid
from contextlib import asynccontextmanager, nullcontext
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from casetagger.errors import CasetaggerError
from casetagger.inventory.case_store import reviewed_inventory
from casetagger.review.case_routes import add_case_routes
from casetagger.inventory.privacy import mask
from casetagger.inventory.store import store_problem
from casetagger.review.auth import SignInGuard, csrf_token, make_session, read_session, signed_in_at
from casetagger.review.model import ModelFollower
from casetagger.review.pages import RenderError, page_png
from casetagger.review.queue import margin, progress, select, shown_name
from casetagger.review.store import Conflict, Decision, ReviewStore
from casetagger.taxonomy import Taxonomy

HERE = Path(__file__).parent
KEYS = "1234567890qwertyuiop"  # one key per label, in taxonomy order
SESSION, PRE = "casetagger_session", "casetagger_login"
QUEUE_PARAMS = ("order", "label", "document", "status", "q")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
}


class NotSignedIn(Exception):
    pass


def create_app(folder: Path, secure_cookies: bool = False, guard: SignInGuard | None = None,
               registry: Path | None = None) -> FastAPI:
    """The app for an inventory folder; ``secure_cookies`` for serving behind HTTPS (--allow-remote);
    it follows the current model of ``registry`` (default: the user's registry).

    One store for the app's life: its schema is applied here, once, and each thread of the server's
    pool gets its own connection. Work that waits on the store or on scrypt runs in that pool,
    never on the event loop."""
    folder = Path(folder)
    shared = ReviewStore(folder)
    secret = shared.install_secret()
    meta = shared.get_meta("model") or {}
    guard = guard or SignInGuard()

    def _store(_folder=None):
        return nullcontext(shared)
    if not meta:
        raise CasetaggerError(f"{folder}: no inventory here; run `casetagger run ... --out {folder}` first")
    taxonomy = Taxonomy.from_card(meta["card"])
    model = ModelFollower(folder, meta, taxonomy, registry)
    keys = dict(zip(taxonomy.ids, KEYS))

    @asynccontextmanager
    async def lifespan(_app):
        yield
        shared.close()

    app = FastAPI(title="casetagger review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(taxonomy=taxonomy, keys=keys)
    # file names can hold a CPR or phone number ("klage 120384-1234.pdf"): shown masked
    templates.env.filters["file_name"] = shown_name
    app.state.guard = guard

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.middleware("http")
    async def current_model(request: Request, call_next):
        if not request.url.path.startswith("/static"):
            await run_in_threadpool(model.refresh)  # after `models use`, rollback or a promoted retrain
        return await call_next(request)

    @app.exception_handler(NotSignedIn)
    async def to_login(request: Request, exc: NotSignedIn):
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(sqlite3.Error)
    async def store_failed(request: Request, exc: sqlite3.Error):
        """A read-only store or a full disk: a page that says so, not a 500 and a traceback."""
        return problem(request, store_problem(shared.path, exc), 503)

    def problem(request: Request, message: str, status: int) -> HTMLResponse:
        return templates.TemplateResponse(request, "problem.html", dict(message=message, reviewer=None, csrf=""),
                                          status_code=status)

    def reviewer_of(request: Request) -> str:
        session = request.cookies.get(SESSION)
        name = read_session(secret, session)
        if not name:
            raise NotSignedIn()
        with _store(folder) as store:
            # signed out, the account removed, or its password reset since
            if store.revoked(session) or not store.session_valid(name, signed_in_at(session)):
                raise NotSignedIn()
        return name

    def check_csrf(request: Request, token: str | None) -> None:
        expected = csrf_token(secret, request.cookies.get(SESSION, ""))
        if not token or not secrets.compare_digest(token, expected):
            raise HTTPException(403, "CSRF token missing or wrong: reload the page")

    def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        session = request.cookies.get(SESSION, "")
        return templates.TemplateResponse(request, template, dict(
            context, csrf=csrf_token(secret, session) if session else "", reviewer=read_session(secret, session)),
            status_code=status)

    def queue_args(request: Request) -> dict:
        args = {k: request.query_params.get(k, "") for k in QUEUE_PARAMS}
        args["order"] = args["order"] or "uncertain"
        args["status"] = args["status"] or "open"
        return args

    def load(store: ReviewStore) -> tuple[list[dict], dict[str, set[str]]]:
        passages = store.tagged_passages(model.model_version)
        names = reviewed_inventory(store.db).case_of_passages()  # stored at run time, edits applied
        for p in passages:
            p["case"] = (names.get(p["id"]) or [None])[0]
        decided: dict[str, set[str]] = {}
        for d in store.decisions():
            decided.setdefault(d["passage_id"], set()).add(d["reviewer"])
        return passages, decided

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        token = secrets.token_urlsafe(16)
        response = page(request, "login.html", login_token=token, error="")
        response.set_cookie(PRE, token, httponly=True, samesite="strict")
        return response

    def login_again(request: Request, status: int, error: str) -> HTMLResponse:
        token = secrets.token_urlsafe(16)
        response = page(request, "login.html", status, login_token=token, error=error)
        response.set_cookie(PRE, token, httponly=True, samesite="strict")
        return response

    @app.post("/login")
    async def login(request: Request):
        form = await request.form()
        if not form.get("login_token") or form.get("login_token") != request.cookies.get(PRE):
            raise HTTPException(403, "CSRF token missing or wrong: reload the page")
        name, password = str(form.get("name", ""))[:100], str(form.get("password", ""))[:1000]
        keys = ("account:" + name, "address:" + (request.client.host if request.client else "?"))
        wait = guard.wait(*keys)
        if wait:  # refused before any password is checked: guessing gets no faster by trying
            response = login_again(request, 429, f"For mange forkerte forsøg. Prøv igen om {int(wait) + 1} sekunder.")
            response.headers["Retry-After"] = str(int(wait) + 1)
            return response
        ok = await run_in_threadpool(shared.authenticate, name, password)  # scrypt: 50 ms of CPU
        if not ok:
            guard.failed(*keys)
            return login_again(request, 401, "Forkert navn eller adgangskode.")
        guard.succeeded(keys[0])
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION, make_session(secret, name), httponly=True, samesite="strict", secure=secure_cookies)
        response.delete_cookie(PRE)
        return response

    @app.post("/logout")
    async def logout(request: Request):
        form = await request.form()
        check_csrf(request, form.get("csrf"))
        await run_in_threadpool(shared.revoke, request.cookies.get(SESSION, ""))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION)
        return response

    def one_passage(store: ReviewStore, passage_id: str) -> dict:
        found = store.tagged_passages(model.model_version, passage_id)
        if not found:
            raise HTTPException(404, "no such passage")
        return found[0]

    def queue(request: Request, status: str | None = None):
        """The signed-in reviewer's queue as the request's filters ask for it."""
        reviewer = reviewer_of(request)
        args = queue_args(request)
        with _store(folder) as store:
            passages, decided = load(store)
        chosen = select(passages, decided, reviewer, model.thresholds, args["order"], args["label"], args["document"],
                        status or args["status"], args["q"])
        return args, passages, decided, chosen

    @app.get("/", response_class=HTMLResponse)
    def queue_view(request: Request):
        args, passages, decided, chosen = queue(request)
        documents = sorted({shown_name(p["file"]) for p in passages})
        return page(request, "queue.html", passages=chosen[:300], total=len(chosen), args=args, documents=documents,
                    query=urlencode(args), decided=decided, margin=lambda p: margin(p, model.thresholds))

    @app.get("/next")
    def next_passage(request: Request):
        args, _, _, chosen = queue(request)
        if not chosen:
            return RedirectResponse("/?" + urlencode(args), status_code=303)
        return RedirectResponse(f"/p/{chosen[0]['id']}?" + urlencode(args), status_code=303)

    @app.get("/p/{passage_id}", response_class=HTMLResponse)
    def passage_view(request: Request, passage_id: str):
        # j / k walk the queue as it is ordered, whatever this passage's own status
        args, passages, decided, walk = queue(request, status="all")
        reviewer = reviewer_of(request)
        with _store(folder) as store:
            mine = store.decision(passage_id, reviewer)
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
                    checked=set(mine["labels"]) if mine else set(passage["labels"]), thresholds=model.thresholds,
                    request_id=str(uuid.uuid4()), neighbours=neighbours, conflict=None)

    @app.post("/p/{passage_id}")
    async def save(request: Request, passage_id: str):
        form = await request.form()
        return await run_in_threadpool(save_form, request, passage_id, form)

    def save_form(request: Request, passage_id: str, form) -> Response:
        reviewer = reviewer_of(request)
        check_csrf(request, form.get("csrf"))
        args = {k: str(form.get(k, "")) for k in QUEUE_PARAMS}
        labels = [label for label in form.getlist("labels") if label in taxonomy.ids]
        version = str(form.get("version", "") or "0")
        if not version.isdigit():
            raise HTTPException(400, "the form's version is not a number: reload the page")
        with _store(folder) as store:
            passage = one_passage(store, passage_id)
            decision = Decision(passage_id, reviewer, labels, passage["labels"], passage.get("scores", {}),
                                model.model_version, (str(form.get("case_name", "")).strip() or None),
                                bool(form.get("not_a_case")), str(form.get("comment", "")).strip())
            try:
                store.save(decision, int(version), str(form.get("request_id") or uuid.uuid4()))
            except Conflict as conflict:
                return page(request, "conflict.html", 409, passage=passage, current=conflict.current, yours=decision,
                            query=urlencode(args))
        target = "/next?" if form.get("then") != "stay" else f"/p/{passage_id}?"
        return RedirectResponse(target + urlencode(args), status_code=303)

    @app.get("/page/{passage_id}.png")
    def page_image(request: Request, passage_id: str):
        reviewer_of(request)
        with _store(folder) as store:
            passage = one_passage(store, passage_id)
        pdf = Path(passage["file"])
        if not pdf.is_file():
            raise HTTPException(404, f"{pdf.name} is no longer where it was read")
        boxes = tuple(tuple(b["bbox"]) for b in passage["bboxes"] if b["page"] == passage["page"])
        try:
            png = page_png(str(pdf), passage["page"], boxes)
        except RenderError as error:
            raise HTTPException(422, f"{mask(pdf.name)}: {error}") from None
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/progress", response_class=HTMLResponse)
    def progress_view(request: Request):
        reviewer_of(request)
        with _store(folder) as store:
            passages, _ = load(store)
            figures = progress(passages, store.decisions(), taxonomy)
        texts = {p["id"]: p["text"] for p in passages}
        return page(request, "progress.html", figures=figures, texts=texts)

    @app.get("/admin", response_class=HTMLResponse)
    def admin_view(request: Request):
        reviewer = reviewer_of(request)
        with _store(folder) as store:
            if not store.is_admin(reviewer):
                raise HTTPException(403, "only an admin can manage reviewers")
            return page(request, "admin.html", reviewers=store.reviewers(), message="")

    @app.post("/admin")
    async def manage_reviewers(request: Request):
        form = await request.form()
        return await run_in_threadpool(manage_form, request, form)

    def manage_form(request: Request, form) -> HTMLResponse:
        """Add a reviewer, reset a password or remove a reviewer; each audited under the admin's name."""
        admin = reviewer_of(request)
        check_csrf(request, form.get("csrf"))
        action = str(form.get("action", "add"))
        name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))
        with _store(folder) as store:
            if not store.is_admin(admin):
                raise HTTPException(403, "only an admin can manage reviewers")

            def answer(message: str, status: int = 200) -> HTMLResponse:
                return page(request, "admin.html", status, reviewers=store.reviewers(), message=message)

            if action == "remove":
                if name == admin:
                    return answer("Du kan ikke fjerne dig selv.", 400)
                if not store.remove_reviewer(name, by=admin):
                    return answer("Ingen sådan gennemgåer.", 404)
                return answer(f"{name} er fjernet; vedkommendes beslutninger er bevaret.")
            if len(password) < 10:
                return answer("Adgangskoden skal være mindst 10 tegn.", 400)
            if action == "reset":
                if not store.set_password(name, password, by=admin):
                    return answer("Ingen sådan gennemgåer.", 404)
                return answer(f"{name} har fået en ny adgangskode.")
            if not re.fullmatch(r"[\w.\-]{2,40}", name) or name in store.reviewers():
                return answer("Navnet skal være 2-40 tegn (bogstaver, tal, . - _), unikt, og adgangskoden mindst 10 tegn.",
                              400)
            store.add_reviewer(name, password)
            return answer(f"{name} er oprettet.")

    add_case_routes(app, lambda: _store(folder), page, reviewer_of, check_csrf)
    return app


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
