"""Passwords (scrypt), signed session cookies and CSRF tokens, with the standard library only."""

import hashlib
import hmac
import secrets
import time

SESSION_SECONDS = 12 * 3600


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1)
    return hmac.compare_digest(candidate.hex(), digest)


def _sign(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def make_session(secret: str, reviewer: str, now: float | None = None) -> str:
    """A cookie value naming the reviewer, with its expiry and a nonce, signed."""
    payload = f"{reviewer}|{int((now or time.time()) + SESSION_SECONDS)}|{secrets.token_hex(8)}"
    return f"{payload}|{_sign(secret, payload)}"


def read_session(secret: str, cookie: str | None, now: float | None = None) -> str | None:
    """The reviewer of a valid, unexpired session cookie, else None."""
    if not cookie or cookie.count("|") != 3:
        return None
    payload, signature = cookie.rsplit("|", 1)
    if not hmac.compare_digest(_sign(secret, payload), signature):
        return None
    reviewer, expires, _ = payload.split("|")
    return reviewer if int(expires) > (now or time.time()) else None


def csrf_token(secret: str, session: str) -> str:
    """Tied to the session: a page from another site cannot know it."""
    return _sign(secret, "csrf|" + session)
