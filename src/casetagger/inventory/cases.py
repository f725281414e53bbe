"""Cases: the named initiatives a passage describes, merged across passages and documents.

Names come from quotes ("Læselyst i Mørkhøj"), from "projektet X" / "indsatsen X" /
"initiativet X", from names before "-projektet", and from capitalised multi-word names
("Grøn Gård Bagsværd"). A tagged passage without a name becomes a case titled by its heading.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

QUOTED = re.compile(r"[\"“”„»«']([A-ZÆØÅ][^\"“”„»«'\n]{2,60}?)[\"“”„»«']")
LEAD = re.compile(r"\b(?i:projektet|indsatsen|initiativet|programmet|forløbet|partnerskabet|ordningen|kampagnen|"
                  r"puljen|tilbuddet|kaldes|hedder|navnet)\s+(?=[A-ZÆØÅ0-9])")
CONNECTORS = {"i", "for", "med", "til", "på", "af", "om", "fra", "mod", "uden", "&"}
STOP = {"har", "er", "blev", "bliver", "skal", "kan", "vil", "var", "som", "der", "at", "en", "et", "den", "det"}
BEFORE_PROJECT = re.compile(r"\b((?:[A-ZÆØÅ][\w]+\s){0,3}[A-ZÆØÅ][\w]+-(?:projektet|indsatsen|initiativet))\b")
CAPITALISED = re.compile(r"\b[A-ZÆØÅ][\wæøå]+(?:\s+(?:[A-ZÆØÅ][\wæøå]+|i|og|for|med|på|til)\b)+")
# capitalised runs that are institutions, places or bodies, not initiatives
NOT_A_CASE = re.compile(r"(kommune|kommunes|kommunalbestyrelse|udvalg|udvalget|forvaltning|forvaltningen|region|"
                        r"regionen|ministeri\w*|styrelse\w*|direktion|byråd|rådhus|danmarks statistik|kl|fond|fonden|"
                        r"forening\w*|universitet\w*|sagen|bekæmpelse|kors|a/s|aps|selskab\w*|park|torv|vej|allé|"
                        r"gade|station|sogn|centret|centeret)\b", re.I)
ROLE_BEFORE = re.compile(r"\b(?:sagsbehandler|borgmester|rådmand|formand|næstformand|direktør|chef|leder|konsulent|"
                         r"medarbejder|kontaktperson|hr\.|fru|borgeren|medlem)\s*$", re.I)
CONNECTOR_END = re.compile(r"(?:\s+(?:og|i|for|med|til|på|af|om|fra|mod|uden|&))+$")


def _tidy(name: str) -> str:
    name = CONNECTOR_END.sub("", " ".join(name.split()).strip(" ,.;:-–"))
    return name


def _capitalised_runs(text: str):
    """Runs of two or more capitalised words; a sentence's first word does not count as one."""
    for match in CAPITALISED.finditer(text):
        run, start = match.group(0), match.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:\n":
            run = run.split(None, 1)[1] if " " in run else ""
            run = re.sub(r"^(?:i|og|for|med|på|til)\s+", "", run)
        run = _tidy(run)
        words = run.split()
        # two capitalised words alone are as likely a person ("Mette Holm"): want a connector or three
        plausible = len(words) >= 3 or any(w in CONNECTORS or w == "og" for w in words)
        role = ROLE_BEFORE.search(text[:start])
        if sum(w[0].isupper() for w in words) >= 2 and plausible and not role:
            yield run


def _introduced(text: str):
    """The name after a lead word: "projektet Unge med kant har ..." gives "Unge med kant"."""
    for lead in LEAD.finditer(text):
        tokens = re.findall(r"(\S+?)([,.;:!?)]*)(?=\s|$)", text[lead.end():lead.end() + 200])
        words, connected = [], False
        for i, (word, punctuation) in enumerate(tokens[:7]):
            word = word.strip("\"“”„»«'(")
            lower = word.lower()
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if not word or lower in STOP or (lower == "og" and not following[:1].isupper()):
                break
            if word[0].islower() and lower not in CONNECTORS and lower != "og":
                # lower-case words belong to a name only after a connector ("Unge med kant"), and a
                # present-tense verb after one ("... kant hjælper") ends it: Danish verbs end in -r
                if not connected or not words[-1][0].islower() and words[-1].lower() not in CONNECTORS \
                        or (lower.endswith("r") and words[-1][0].islower()):
                    break
            connected |= lower in CONNECTORS
            words.append(word)
            if punctuation:
                break
        name = _tidy(" ".join(words))
        if name:
            yield name


def explicit_names(text: str) -> list[str]:
    """Names the text marks as names: quoted, after "projektet" and the like, before "-projektet"."""
    names = [_tidy(m.group(1)) for m in QUOTED.finditer(text)] + list(_introduced(text))
    return _unique(names + [_tidy(m.group(1)) for m in BEFORE_PROJECT.finditer(text)])


def capitalised_names(text: str) -> list[str]:
    """Capitalised multi-word names ("Grøn Gård Bagsværd"): as often a place or an organisation."""
    return _unique([run for run in _capitalised_runs(text) if not NOT_A_CASE.search(run)])


def case_names(text: str) -> list[str]:
    """Names of initiatives in ``text``: the explicit ones, or else capitalised multi-word names."""
    return explicit_names(text) or capitalised_names(text)


def _unique(candidates: list[str]) -> list[str]:
    found: list[str] = []
    for name in candidates:
        if 4 <= len(name) and len(name.split()) <= 8 and not any(case_key(name) == case_key(f) for f in found):
            found.append(name)
    return found


def case_key(name: str) -> str:
    """Names that differ in case, quotes or spacing are the same case."""
    return re.sub(r"[^\wæøå]+", " ", name.lower()).strip()


MIN_CASE_WORDS = 12  # a shorter passage (a header, "Godkendt.") is no case, even when tagged


@dataclass
class Case:
    name: str
    labels: set[str] = field(default_factory=set)
    scores: dict[str, float] = field(default_factory=dict)  # best score per label
    documents: dict[str, set[int]] = field(default_factory=dict)  # file -> pages
    evidence: dict[str, list[str]] = field(default_factory=dict)
    passages: list[str] = field(default_factory=list)
    excerpt: str = ""
    best: float = 0.0
    from_heading: bool = False

    def add(self, passage: dict) -> None:
        self.labels.update(passage["labels"])
        for label in passage["labels"]:
            score = passage["scores"][label]
            self.scores[label] = max(self.scores.get(label, 0.0), score)
            words = self.evidence.setdefault(label, [])
            words += [w for w in passage.get("evidence", {}).get(label, []) if w not in words][: max(0, 8 - len(words))]
        self.documents.setdefault(passage["file"], set()).update(passage["pages"])
        self.passages.append(passage["id"])
        top = max((passage["scores"][l] for l in passage["labels"]), default=0.0)
        if top > self.best:
            self.best, self.excerpt = top, excerpt(passage["text"])


def excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"


# The standard sections of a Danish agenda item: they say where in an item a passage is, not which
# case it is about. Headings that recur under several parents in a document count as such too.
SECTION_HEADINGS = {"sagsfremstilling", "indstilling", "beslutning", "økonomiske konsekvenser", "økonomi", "bilag",
                    "baggrund", "resumé", "resume", "sagsnr", "høring", "kommunikation", "lovgrundlag", "tidsplan",
                    "proces", "indledning", "formål", "sagen", "videre proces", "bemærkninger"}


def _section_headings(passages: list[dict]) -> set[tuple[str, str]]:
    parents: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for p in passages:
        headings = p.get("headings") or []
        for depth, heading in enumerate(headings):
            parents.setdefault((p["file"], heading), set()).add(tuple(headings[:depth]))
    return {key for key, seen in parents.items() if len(seen) >= 2}


def build_cases(passages: list[dict]) -> list[Case]:
    """Tagged passages (in document order) into cases; sets each passage's ``case`` and ``case_names``.

    A passage without a name of its own belongs to the case last named in the same agenda item or
    section; failing that, it becomes a case titled by its nearest heading that is not a standard
    section heading ("Sagsfremstilling", "Beslutning" ...).
    """
    repeated = _section_headings(passages)
    cases: dict[str, Case] = {}
    last_named: dict[tuple, str] = {}
    for passage in passages:
        context = (passage["file"],) + tuple(
            h for h in passage.get("headings") or []
            if h.lower().strip(" :.") not in SECTION_HEADINGS and (passage["file"], h) not in repeated)
        names = explicit_names(passage["text"]) if passage["labels"] else []
        heading = context[-1] if len(context) > 1 else ""
        # "projektet Tusind nye træer" reads as "Tusind": a heading that starts with the name is the name
        names = [heading if case_key(heading).startswith(case_key(n) + " ") else n for n in names]
        if names:
            last_named[context] = names[0]
        if not passage["labels"] or len(passage["text"].split()) < MIN_CASE_WORDS:
            passage["case"], passage["case_names"] = None, []
            continue
        from_heading = False
        if not names and context in last_named:
            names = [last_named[context]]
        elif not names and len(context) >= 4:
            # under a title, a section and a heading of its own: in a follow-up report, the case
            names, from_heading = [context[-1]], True
        elif not names:
            names = capitalised_names(passage["text"])
            if not names:
                from_heading = True
                names = [context[-1] if len(context) > 1 else f"{Path(passage['file']).name}, side {passage['page']}"]
        passage["case"], passage["case_names"] = names[0], names
        for name in names:
            case = cases.setdefault(case_key(name), Case(name, from_heading=from_heading))
            case.add(passage)
    return sorted(cases.values(), key=lambda c: (-c.best, c.name))
