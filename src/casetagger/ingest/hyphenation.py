"""Joining lines across a line-end hyphen, the Danish way.

"bære-" + "dygtig" is one word split by the typesetter: join it. "uddannelses-" + "eller
erhvervsparate" is an elided compound (the shared last part is left out): keep the hyphen.
"CO2-" + "udledning" is a compound with a hyphen of its own: keep it, no space.
"""

import re

# Words after which a line-end hyphen marks an elided compound ("børne- og ungeområdet").
ELISION_FOLLOWERS = {"og", "eller", "samt", "til", "som", "men", "end", "plus", "hhv", "såvel", "&", "og/eller"}
HYPHEN_END = re.compile(r"(\S*?)(\w+)[-\u00ad]$")


def join_lines(previous: str, following: str) -> str:
    """Append ``following`` (the next line) to ``previous`` (the text so far)."""
    if not previous:
        return following
    if not following:
        return previous
    if previous.endswith("\u00ad"):  # a soft hyphen only ever marks a break
        return previous[:-1] + following
    # only the last word matters; searching the whole paragraph made long joins quadratic
    match = HYPHEN_END.search(previous[-80:])
    if not match:
        return f"{previous} {following}"
    stem = match.group(2)
    next_word = following.split()[0]
    if next_word.lower().rstrip(",.;:") in ELISION_FOLLOWERS:
        return f"{previous} {following}"
    acronym = len(stem) >= 2 and stem.isupper()
    if acronym or any(c.isdigit() for c in stem) or not next_word[0].islower():
        return previous + following
    return previous[:-1] + following
