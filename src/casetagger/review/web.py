"""What every route of the review app shares: its state, the signed-in reviewer (the auth
dependency every protected route declares), CSRF checks and page rendering.

One store serves the app's life (its schema applied once, one SQLite connection per thread of the
server's pool); routes that wait on the store or on scrypt are plain functions (FastAPI runs them
in that pool) or hand the work to it, never blocking the event loop.
"""

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from casetagger.inventory.case_store import reviewed_inventory
from casetagger.review.auth import SignInGuard, csrf_token, read_session, signed_in_at
from casetagger.review.model import ModelFollower
from casetagger.review.store import ReviewStore
from casetagger.taxonomy import Taxonomy

SESSION, PRE = "casetagger_session", "casetagger_login"


class NotSignedIn(Exception):
    """Answered with a redirect to the sign-in page (``create_app`` registers the handler)."""


@dataclass
class Review:
    """The app's state, in ``app.state.review``."""

    folder: Path
    store: ReviewStore
    secret: str
    taxonomy: Taxonomy
    model: ModelFollower
    templates: Jinja2Templates
    guard: SignInGuard
    secure_cookies: bool

    def passages(self) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
        """The tagged passages with their case names, and who has decided each."""
        passages = self.store.run.tagged_passages(self.model.model_version)
        names = reviewed_inventory(self.store.db).case_of_passages()  # stored at run time, edits applied
        for p in passages:
            p["case"] = names[p["id"]][0] if names.get(p["id"]) else None
        decided: dict[str, set[str]] = {}
        for d in self.store.decisions():
            decided.setdefault(d["passage_id"], set()).add(d["reviewer"])
        return passages, decided

    def passage(self, passage_id: str) -> dict[str, Any]:
        found = self.store.run.tagged_passages(self.model.model_version, passage_id)
        if not found:
            raise HTTPException(404, "no such passage")
        return found[0]


def review_of(request: Request) -> Review:
    review: Review = request.app.state.review
    return review


def signed_in(request: Request) -> str:
    """The auth dependency: the reviewer of a valid session; anyone else is sent to sign in (signed
    out, the account removed, or its password reset since the session began)."""
    review = review_of(request)
    session = request.cookies.get(SESSION)
    name = read_session(review.secret, session)
    if not name or session is None:
        raise NotSignedIn()
    if review.store.revoked(session) or not review.store.session_valid(name, signed_in_at(session)):
        raise NotSignedIn()
    return name


def admin(request: Request, reviewer: Annotated[str, Depends(signed_in)]) -> str:
    if not review_of(request).store.is_admin(reviewer):
        raise HTTPException(403, "only an admin can manage reviewers")
    return reviewer


Reviewer = Annotated[str, Depends(signed_in)]
Admin = Annotated[str, Depends(admin)]


def check_csrf(request: Request, token: object) -> None:
    expected = csrf_token(review_of(request).secret, request.cookies.get(SESSION, ""))
    if not isinstance(token, str) or not token or not secrets.compare_digest(token, expected):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page")


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    review = review_of(request)
    session = request.cookies.get(SESSION, "")
    return review.templates.TemplateResponse(request, template, dict(
        context, csrf=csrf_token(review.secret, session) if session else "",
        reviewer=read_session(review.secret, session)), status_code=status)
