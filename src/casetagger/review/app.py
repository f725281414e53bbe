"""The review web app (FastAPI, server-rendered Jinja2 with autoescaping, no CDN).

``create_app`` builds the app's state (``web.Review``) and joins the routers: signing in and out
(``session_routes``), the review itself (``passage_routes``), cases (``case_routes``) and
reviewers (``admin_routes``). Every route behind sign-in declares the ``web.signed_in`` dependency.
"""

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from casetagger.errors import CasetaggerError
from casetagger.inventory.store import store_problem
from casetagger.review import admin_routes, case_routes, passage_routes, session_routes
from casetagger.review.auth import SignInGuard
from casetagger.review.model import ModelFollower
from casetagger.review.queue import shown_name
from casetagger.review.store import ReviewStore
from casetagger.review.web import NotSignedIn, Review
from casetagger.taxonomy import Taxonomy

HERE = Path(__file__).parent
KEYS = "1234567890qwertyuiop"  # one key per label, in taxonomy order
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
}
Next = Callable[[Request], Awaitable[Response]]


def create_app(folder: Path, secure_cookies: bool = False, guard: SignInGuard | None = None,
               registry: Path | None = None) -> FastAPI:
    """The app for an inventory folder; ``secure_cookies`` for serving behind HTTPS (--allow-remote);
    it follows the current model of its taxonomy in ``registry`` (default: the user's registry)."""
    folder = Path(folder)
    store = ReviewStore(folder)
    meta = store.run.get_meta("model") or {}
    if not meta:
        store.close()
        raise CasetaggerError(f"{folder}: no inventory here; run `casetagger run ... --out {folder}` first")
    taxonomy = Taxonomy.from_card(meta["card"])
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(taxonomy=taxonomy, keys=dict(zip(taxonomy.ids, KEYS)))
    # file names can hold a CPR or phone number ("klage 120384-1234.pdf"): shown masked
    templates.env.filters["file_name"] = shown_name
    review = Review(folder, store, store.install_secret(), taxonomy, ModelFollower(folder, meta, taxonomy, registry),
                    templates, guard or SignInGuard(), secure_cookies)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="casetagger review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.review = review
    app.state.guard = review.guard
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (session_routes, passage_routes, case_routes, admin_routes):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Next) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.middleware("http")
    async def current_model(request: Request, call_next: Next) -> Response:
        if not request.url.path.startswith("/static"):
            await run_in_threadpool(review.model.refresh)  # after `models use`, rollback or a promoted retrain
        return await call_next(request)

    @app.exception_handler(NotSignedIn)
    async def to_login(request: Request, exc: NotSignedIn) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(sqlite3.Error)
    async def store_failed(request: Request, exc: sqlite3.Error) -> HTMLResponse:
        """A read-only store or a full disk: a page that says so, not a 500 and a traceback."""
        return templates.TemplateResponse(request, "problem.html", dict(
            message=store_problem(store.path, exc), reviewer=None, csrf=""), status_code=503)

    return app
