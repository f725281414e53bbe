"""Masking personal identifiers: exports are shared widely, so none may leave unmasked.

CPR numbers (ddmmyy-xxxx, and ddmmyyxxxx where the date is valid), Danish phone numbers and
e-mail addresses are replaced by a bracketed placeholder.
"""

import re
from datetime import date

CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[-‐–]?(\d{4})(?![\d-])")
PHONE = re.compile(r"(?<![\w+])(?:\+45[\s.]?|0045[\s.]?)?(?:\d{2}[\s.]?){3}\d{2}(?![\d-])"
                   r"|(?<![\w+])(?:\+45[\s.]?)?\d{4}[\s.]\d{4}(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def _valid_date(day: str, month: str, year: str) -> bool:
    try:
        date(2000 + int(year), int(month), int(day))  # the century does not change validity here
        return True
    except ValueError:
        return int(day) == 29 and int(month) == 2  # leap day of a year 1900-1999 that 2000+ misses


def _mask_cpr(match: re.Match) -> str:
    day, month, year, _ = match.groups()
    has_dash = not match.group(0)[6:7].isdigit()
    # with a dash, ddmmyy-xxxx is a CPR number even when the date is odd; without, only if valid
    if has_dash and int(month) <= 12 or _valid_date(day, month, year):
        return "[CPR-nr.]"
    return match.group(0)


def mask(text: str) -> str:
    if not text:
        return text
    text = EMAIL.sub("[e-mail]", text)
    text = CPR.sub(_mask_cpr, text)
    return PHONE.sub("[telefon]", text)
