"""Masking personal identifiers: exports are shared widely, so none may leave unmasked.

CPR numbers (ddmmyy-xxxx, and ddmmyyxxxx where the date is valid), Danish phone numbers and
e-mail addresses are replaced by a bracketed placeholder.
"""

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar, cast

Record = TypeVar("Record", bound=Mapping[str, Any])  # a passage, ingested or tagged

CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})([-‐– ]?)(\d{4})(?![\d-])")
PREFIX = r"(?:(?:\+|00)45[\s-]?|45\s)?"
# grouped numbers: 12 34 56 78, 12-34-56-78, 1234 5678 (one separator throughout)
GROUPED_PHONE = re.compile(rf"(?<![\w+-]){PREFIX}(?:\d{{2}}([ -])\d{{2}}\1\d{{2}}\1\d{{2}}|\d{{4}}[ -]\d{{4}})(?![\d-])")
# eight digits in a row are a phone number only where the text says so (else: case numbers)
BARE_PHONE = re.compile(rf"(?<![\w+-]){PREFIX}\d{{8}}(?![\d-])")
PHONE_WORDS = re.compile(r"(?i)\b(tlf|telefon\w*|mobil\w*|tel|ring|sms|kontakt\w*)\b")
# two years side by side, or a journal number such as 2024-1234: not phone numbers
NOT_PHONE = re.compile(r"^(?:(?:19|20)\d\d[ -](?:19|20)\d\d|(?:19|20)\d\d-\d{4})$")
# Matched from each "@" outwards, never tried at every letter: a regex that starts with the local
# part rescans a long word from each of its letters (a 200,000-letter word took minutes).
EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
LOCAL_PART = re.compile(r"[\w.+-]")


def _valid_date(day: str, month: str, year: str) -> bool:
    try:
        date(2000 + int(year), int(month), int(day))  # the century does not change validity here
        return True
    except ValueError:
        return int(day) == 29 and int(month) == 2  # leap day of a year 1900-1999 that 2000+ misses


def _mask_cpr(match: re.Match[str]) -> str:
    day, month, year, separator, _ = match.groups()
    # with a dash, ddmmyy-xxxx is a CPR number even when the date is odd; otherwise only if valid
    if separator in "-‐–" and separator and int(month) <= 12 or _valid_date(day, month, year):
        return "[CPR-nr.]"
    return str(match.group(0))


def _mask_grouped(match: re.Match[str]) -> str:
    return match.group(0) if NOT_PHONE.match(match.group(0)) else "[telefon]"


def _mask_emails(text: str) -> str:
    """Every address as "[e-mail]", in time linear in the text's length."""
    if "@" not in text:
        return text
    parts, last = [], 0
    for match in EMAIL_DOMAIN.finditer(text):
        start = match.start()
        while start > last and LOCAL_PART.match(text, start - 1):  # never back past the last match
            start -= 1
        if start == match.start():
            continue  # "@" with nothing before it: not an address
        parts += [text[last:start], "[e-mail]"]
        last = match.end()
    return "".join(parts) + text[last:]


def mask_passage(passage: Record) -> Record:
    """A copy of an ingested passage (tagged or not) with its text and headings masked."""
    return cast(Record, dict(passage, text=mask(passage["text"]), heading=mask(passage["heading"]),
                             headings=[mask(h) for h in passage["headings"]]))


def mask_document(summary: dict[str, Any]) -> dict[str, Any]:
    """A copy of a document summary with its file name, errors and warnings masked."""
    return dict(summary, file=mask(summary["file"]), errors=[mask(e) for e in summary["errors"]],
                warnings=[mask(w) for w in summary["warnings"]])


def mask(text: str) -> str:
    if not text:
        return text
    text = _mask_emails(text)
    text = CPR.sub(_mask_cpr, text)
    text = GROUPED_PHONE.sub(_mask_grouped, text)
    # a bare number's context is the text as masked so far: a number masked just before it counts
    # as the phone word it stood for ("tlf. 11111111 eller 22222222"), so masking again changes nothing
    parts: list[str] = []
    masked_tail, last = "", 0
    for match in BARE_PHONE.finditer(text):
        before = text[last:match.start()]
        context = (masked_tail + before)[-40:]
        number = "[telefon]" if PHONE_WORDS.search(context) else match.group(0)
        parts += [before, number]
        masked_tail, last = (context + number)[-40:], match.end()
    return "".join(parts) + text[last:]
