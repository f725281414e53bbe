"""Passwords (scrypt), signed session cookies and CSRF tokens, with the standard library only."""

import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable

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
    # to the millisecond, rounded up: a session made just after a password reset counts as after it
    expires = math.ceil(((now or time.time()) + SESSION_SECONDS) * 1000) / 1000
    payload = f"{reviewer}|{expires:.3f}|{secrets.token_hex(8)}"
    return f"{payload}|{_sign(secret, payload)}"


def read_session(secret: str, cookie: str | None, now: float | None = None) -> str | None:
    """The reviewer of a valid, unexpired session cookie, else None."""
    if not cookie or cookie.count("|") != 3:
        return None
    payload, signature = cookie.rsplit("|", 1)
    if not hmac.compare_digest(_sign(secret, payload), signature):
        return None
    reviewer, expires, _ = payload.split("|")
    return reviewer if float(expires) > (now or time.time()) else None


def signed_in_at(cookie: str) -> float:
    """When a session (already checked by ``read_session``) was made, rounded up to a millisecond."""
    return float(cookie.split("|")[1]) - SESSION_SECONDS


def csrf_token(secret: str, session: str) -> str:
    """Tied to the session: a page from another site cannot know it."""
    return _sign(secret, "csrf|" + session)


# A password check for a name that does not exist costs the same scrypt as for one that does,
# so the answer's timing does not tell which names are reviewers.
_DUMMY: list[str] = []


def check_password_or_dummy(password: str, stored: str | None) -> bool:
    if stored is None:
        if not _DUMMY:
            _DUMMY.append(hash_password(secrets.token_hex(16)))
        check_password(password, _DUMMY[0])
        return False
    return check_password(password, stored)


FREE_FAILURES = 5  # wrong passwords allowed before sign-in slows down
MAX_DELAY = 15 * 60  # seconds: the longest wait after repeated failures
FORGET_AFTER = 24 * 3600  # a key whose last failure is this old starts afresh


class SignInGuard:
    """Back-off per account and per address: after 5 failures, each further attempt must wait
    1, 2, 4 ... seconds (at most 15 minutes) after the last failure; a success clears the account.

    Held in the server's memory: a restart forgets it, which costs a guesser a restart per
    lockout and the owner nothing."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000):
        self.clock = clock
        self.max_keys = max_keys
        self.failures: dict[str, tuple[int, float]] = {}  # key -> (count, time of the last failure)

    def wait(self, *keys: str) -> float:
        """Seconds until these keys may try again (0: now)."""
        now = self.clock()
        longest = 0.0
        for key in keys:
            count, last = self.failures.get(key, (0, 0.0))
            if count >= FREE_FAILURES:
                longest = max(longest, last + min(MAX_DELAY, 2.0 ** (count - FREE_FAILURES)) - now)
        return max(0.0, longest)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        if len(self.failures) >= self.max_keys:  # an address sweep must not grow memory for ever
            self.failures = {k: v for k, v in self.failures.items() if now - v[1] < FORGET_AFTER}
            while len(self.failures) >= self.max_keys:
                self.failures.pop(next(iter(self.failures)))
        for key in keys:
            count, last = self.failures.get(key, (0, now))
            self.failures[key] = (1 if now - last > FORGET_AFTER else count + 1, now)

    def succeeded(self, account: str) -> None:
        self.failures.pop(account, None)
