"""Signing in and out: a pre-session token against login CSRF, back-off on failed guesses (answered
before any password is checked), scrypt off the event loop, and sessions revoked at sign-out."""

import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from casetagger.review.auth import make_session
from casetagger.review.web import PRE, SESSION, check_csrf, page, review_of

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _login_page(request, 200, "")


def _login_page(request: Request, status: int, error: str) -> HTMLResponse:
    token = secrets.token_urlsafe(16)
    response = page(request, "login.html", status, login_token=token, error=error)
    response.set_cookie(PRE, token, httponly=True, samesite="strict")
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    review = review_of(request)
    form = await request.form()
    if not form.get("login_token") or form.get("login_token") != request.cookies.get(PRE):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page")
    name, password = str(form.get("name", ""))[:100], str(form.get("password", ""))[:1000]
    keys = ("account:" + name, "address:" + (request.client.host if request.client else "?"))
    wait = review.guard.wait(*keys)
    if wait:  # refused before any password is checked: guessing gets no faster by trying
        response = _login_page(request, 429, f"For mange forkerte forsøg. Prøv igen om {int(wait) + 1} sekunder.")
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    ok = await run_in_threadpool(review.store.authenticate, name, password)  # scrypt: 50 ms of CPU
    if not ok:
        review.guard.failed(*keys)
        return _login_page(request, 401, "Forkert navn eller adgangskode.")
    review.guard.succeeded(keys[0])
    redirect = RedirectResponse("/", status_code=303)
    redirect.set_cookie(SESSION, make_session(review.secret, name), httponly=True, samesite="strict",
                        secure=review.secure_cookies)
    redirect.delete_cookie(PRE)
    return redirect


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    await run_in_threadpool(review_of(request).store.revoke, request.cookies.get(SESSION, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION)
    return response
