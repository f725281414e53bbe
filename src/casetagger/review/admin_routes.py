"""Reviewers, for admins: add one, reset a password, remove one; each audited under the admin's name."""

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from casetagger.review.web import Admin, check_csrf, page, review_of

router = APIRouter()


@router.get("/admin", response_class=HTMLResponse)
def admin_view(request: Request, admin: Admin) -> HTMLResponse:
    return page(request, "admin.html", reviewers=review_of(request).store.reviewers(), message="")


@router.post("/admin")
async def manage_reviewers(request: Request, admin: Admin) -> HTMLResponse:
    form = await request.form()
    return await run_in_threadpool(_manage, request, admin, form)


def _manage(request: Request, admin: str, form: FormData) -> HTMLResponse:
    check_csrf(request, form.get("csrf"))
    store = review_of(request).store
    action = str(form.get("action", "add"))
    name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))

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
        return answer("Navnet skal være 2-40 tegn (bogstaver, tal, . - _), unikt, og adgangskoden mindst 10 tegn.", 400)
    store.add_reviewer(name, password)
    return answer(f"{name} er oprettet.")
