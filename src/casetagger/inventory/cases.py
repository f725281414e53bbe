"""Cases: the named initiatives a passage describes, merged across passages and documents.

Names come from quotes ("Læselyst i Mørkhøj"), from "projektet X" / "indsatsen X" /
"initiativet X", from names before "-projektet", and from capitalised multi-word names
("Grøn Gård Bagsværd"). A tagged passage without a name becomes a case titled by its heading.
"""

import re
from dataclasses import dataclass, field

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
        if sum(word[0].isupper() for word in run.split()) >= 2:
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
            if word[0].islower() and lower not in CONNECTORS and lower != "og" and not connected:
                break
            connected |= lower in CONNECTORS
            words.append(word)
            if punctuation:
                break
        name = _tidy(" ".join(words))
        if name:
            yield name


def case_names(text: str) -> list[str]:
    """Names of initiatives in ``text``, most explicit first, without repeats.

    Capitalised runs ("Grøn Gård Bagsværd") count only when no name is marked explicitly:
    on their own they are as often a place or an organisation as an initiative.
    """
    explicit = [_tidy(m.group(1)) for m in QUOTED.finditer(text)] + list(_introduced(text))
    explicit += [_tidy(m.group(1)) for m in BEFORE_PROJECT.finditer(text)]
    candidates = explicit or [run for run in _capitalised_runs(text) if not NOT_A_CASE.search(run)]
    found: list[str] = []
    for name in candidates:
        if len(name) < 4 or len(name.split()) > 8:
            continue
        if not any(case_key(name) == case_key(f) for f in found):
            found.append(name)
    return found


def case_key(name: str) -> str:
    """Names that differ in case, quotes or spacing are the same case."""
    return re.sub(r"[^\wæøå]+", " ", name.lower()).strip()


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


def build_cases(passages: list[dict]) -> list[Case]:
    """Tagged passages into cases; sets each passage's ``case`` and ``case_names``."""
    cases: dict[str, Case] = {}
    for passage in passages:
        if not passage["labels"]:
            passage["case"], passage["case_names"] = None, []
            continue
        names = case_names(passage["text"])
        from_heading = not names
        if from_heading:
            names = [passage.get("heading") or f"{passage['file']}, side {passage['page']}"]
        passage["case"], passage["case_names"] = names[0], names
        for name in names:
            case = cases.setdefault(case_key(name), Case(name, from_heading=from_heading))
            case.add(passage)
    return sorted(cases.values(), key=lambda c: (-c.best, c.name))
