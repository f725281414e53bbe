"""Danish sentence ends by rule: where a long paragraph may be cut, without loading spaCy.

A sentence ends at ``.``, ``!`` or ``?`` (closing quotes and brackets stay with it) followed by
white space and then an upper-case letter, a digit or "a)" (a new sentence or a numbered or
lettered item, perhaps behind an opening quote, bracket or bullet), or followed by a line break.
``:`` and ``;`` never end one (nor do they in spaCy's sentencizer). A full stop does not end a
sentence

- after an abbreviation that is always followed by more of its sentence ("bl.a.", "jf.", "ca.",
  "stk.", "kl.": NEVER_END); "kr.", "mio.", "mv.", "osv." and "m.fl." do end one when a capital
  follows, as they often close a sentence in budget text ("... 2,5 mio. kr. Beløbet ...");
- after a capital letter or dotted capitals (initials: "H. C. Andersen", "H.C. Andersen",
  "A.P. Møller");
- after a number that opens its line or sentence (a numbered item: "2. Godkendt.") or follows
  "Punkt" (an agenda heading: "Punkt 4. Budget");
- in an ellipsis ("...").

Ordinals and dates ("1. januar 2025", "3. kvartal", "§ 17, stk. 4 i loven") and decimal numbers
("3.5", "kl. 12.00") need no rule of their own: a lower-case word or no white space follows the
stop.
"""

import re

# lower case, without the final full stop
NEVER_END = frozenset({
    "adr", "afd", "ang", "att", "bl.a", "ca", "d", "dok.nr", "dr", "dvs", "ekskl", "evt", "f.eks", "fhv",
    "fig", "fx", "gl", "hhv", "hr", "ifm", "iflg", "ift", "iht", "inkl", "j.nr", "jf", "jfr", "jvf", "kap",
    "kl", "maks", "max", "mht", "ndr", "nr", "p.t", "pga", "pkt", "pr", "prof", "s", "sdr", "sml", "st",
    "stk", "tlf", "vedr", "vha",
})
# a stop, its closing quotes and brackets, the white space after it
CANDIDATE = re.compile(r"[.!?][\"'”’»«)\]]*(\s+)")
OPENERS = "\"'“„»«([•–-"
LETTERED_ITEM = re.compile(r"[a-zæøå]\) ")  # "a) Rådmanden orienterer ..."
INITIALS = re.compile(r"[A-ZÆØÅ](\.[A-ZÆØÅ])*")  # "H. C. Andersen", "H.C. Andersen", "A.P. Møller"
WORD_OPENERS = "\"'“„»«(["


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: from its first character to its last one."""
    spans, start = [], len(text) - len(text.lstrip())
    for match in CANDIDATE.finditer(text):
        if match.end() < len(text) and _ends(text, start, match):
            spans.append((start, match.start(1)))
            start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _ends(text: str, start: int, match: re.Match[str]) -> bool:
    line_break = "\n" in match.group(1)  # the layout broke the line after the stop
    following = text[match.end():].lstrip(OPENERS + " ")
    first = following[:1]
    if not (line_break or first.isupper() or first.isdigit() or LETTERED_ITEM.match(following)):
        return False
    stop = match.start()
    if text[stop] != ".":
        return True
    word_start = max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop), start - 1) + 1
    word = text[word_start:stop].lstrip(WORD_OPENERS)
    if word.isdigit():  # not a numbered item or heading ("2. Godkendt", "Punkt 4. Budget")
        before = text[start:word_start]
        opens_line = not before[before.rfind("\n") + 1:].strip(OPENERS + " ")
        return not opens_line and not before.rstrip().lower().endswith("punkt")
    if line_break:  # an item or a paragraph ends there, whatever the word
        return True
    if not word or word.endswith("."):  # an ellipsis, or a stop after a stop
        return False
    abbreviation = word.lower() in NEVER_END and not word.isupper()  # "HR." and "KL." are names
    return not (abbreviation or INITIALS.fullmatch(word))
