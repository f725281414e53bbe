"""Names of initiatives in a passage: candidates with their character offsets, and the filters.

Candidates come from:
- quoted names ("Læselyst i Mørkhøj");
- names after a lead word, also as the tail of a compound ("projektet X", "samkørselsinitiativet X",
  "Delebilsordningen X"), before "-projektet", and after "kaldes" / "hedder";
- Danish title-case names, which may end in lower-case words ("Unge med kant", "Utraditionelle
  jobs"): a capitalised word inside a sentence starts a proper name in Danish;
- acronyms (STIME) and single-word names that are the subject of a sentence ("Klimaskolen har ...")
  or are followed by an apposition ("Natholdet, et tilbud til ...");
- lists: a run "A og B" or "A, B" is split where each part is a name of its own.

Filters are data, not code: the taxonomy's goal and SDG names, the document's headings,
``data/case_stoplist.yaml`` (certifications, departments, committees, organisations) and
``data/danish_first_names.txt`` (a name shaped like a person's is never a case).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casetagger.errors import Errors
from casetagger.resources import CASE_STOPLIST, FIRST_NAMES, read_yaml

UPPER = "A-ZÆØÅÄÖÜÉ"
WORD = re.compile(r"[\w][\w'’.&/-]*[\w]|[\w]")
# lead words; as the tail of a compound too ("samkørselsinitiativet", "Delebilsordningen")
LEADS = ("projektet", "indsatsen", "initiativet", "programmet", "forløbet", "partnerskabet", "ordningen",
         "kampagnen", "puljen", "tilbuddet", "netværket", "samarbejdet", "forsøget", "konceptet", "satsningen",
         "værkstedet", "huset", "planen", "løftet", "forløbene", "kaldes", "hedder", "navnet")
LEAD = re.compile(rf"\b[\wæøå]*(?i:{'|'.join(LEADS)})\s+(?=[\"“„»]?[{UPPER}0-9])")
QUOTED = re.compile(rf"[\"“”„»«]([{UPPER}0-9][^\"“”„»«\n]{{2,60}}?)[\"“”„»«]")
BEFORE_LEAD = re.compile(rf"\b((?:[{UPPER}][\w]+\s){{0,3}}[{UPPER}][\w]+-(?:projektet|indsatsen|initiativet))\b")
CONNECTORS = {"i", "for", "med", "til", "på", "af", "om", "fra", "mod", "uden", "ved", "&", "de", "la", "over"}
# words that end a name: auxiliaries, pronouns, conjunctions, common verbs of the register
STOP = {"har", "er", "blev", "bliver", "skal", "kan", "vil", "var", "som", "der", "at", "hvor", "når", "hvis",
        "men", "så", "fordi", "mens", "samt", "eller", "både", "hvilket", "og", "nu", "også", "ikke", "allerede",
        "endnu", "desuden", "derfor", "her", "sammen", "blandt", "bl.a", "f.eks", "gennem", "efter", "siden",
        "indtil", "inden", "under", "hos", "ca", "cirka", "få", "får", "fik", "fået", "gør", "giver", "går", "ser",
        "tilbyder", "hjælper", "rummer", "omfatter", "består", "drives", "løber", "samler", "viser", "mødes",
        "åbnede", "åbnet", "startede", "startet", "igangsat", "igangsatte", "vedtaget", "godkendt", "afsluttet",
        "indviet", "gennemført", "etableret", "oprettet", "lanceret", "udvidet", "indført", "udviklet",
        "finansieret", "støttet", "taget", "haft", "været", "kommet", "skabt", "bygget", "anlagt", "plantet",
        "sået", "uddelt", "deltaget", "arbejder", "arbejdet", "holder", "holdt", "lægger", "sætter", "bruger",
        "bruges", "sker", "skete", "fortsætter", "fortsat", "videreført", "forlænget", "en", "et", "den", "det",
        "de", "dem", "sin", "sit", "sine", "deres", "vores", "hvert", "hver", "alle", "flere", "mange",
        # fixed phrases after a preposition: "i stedet for", "i samarbejde med", "i gang", "i alt"
        "stedet", "samarbejde", "gang", "alt", "øvrigt", "forvejen", "forbindelse", "løbet", "tæt",
        "foråret", "efteråret", "sommeren", "vinteren", "året", "perioden", "tiden"}
# articles may stand inside a name after a connector ("Virksomhedsservice på en dag")
ARTICLES = {"en", "et", "den", "det", "de", "alle"}
PLACE_PREPOSITIONS = {"i", "på", "ved", "fra", "mod", "langs", "nær", "omkring"}
# sentence openers that are capitalised only because they open the sentence
OPENERS = {"i", "med", "der", "det", "den", "de", "en", "et", "som", "efter", "for", "på", "til", "fra", "ved",
           "samtidig", "derudover", "desuden", "endelig", "også", "her", "hvor", "når", "da", "alle", "begge",
           "samlet", "under", "over", "siden", "inden", "ud", "uden", "mod", "om", "af", "hvis", "men",
           "og", "så", "både", "flere", "mange", "nogle", "andre", "disse", "denne", "dette", "vi", "man", "hver",
           "blandt", "fordi", "selv", "sammen", "heraf", "herefter", "dermed", "derfor", "yderligere", "ifølge"}
ROLE_BEFORE = re.compile(r"\b(?:sagsbehandler|borgmester|rådmand|formand|næstformand|direktør|\w*chef|\w*leder|"
                         r"\w*konsulent|medarbejder|kontaktperson|hr\.|fru|borger|medlem|\w*koordinator|"
                         r"\w*vejleder|\w*rådgiver|\w*ambassadør|\w*sygeplejerske|formanden for)\s*$", re.I)
WORD_CHARS = re.compile(r"\w+")
TOKEN = re.compile(r"\S+")
# ROLE_BEFORE ends where a name starts: a role word and the spaces after it are all it looks at
ROLE_REACH = 40


def _just_before(text: str, index: int) -> str:
    """The end of ``text[:index]`` that ROLE_BEFORE can match: spaces, then at least ROLE_REACH
    characters, widened to whole words (searching the whole text before each name was quadratic)."""
    start = index
    while start > 0 and text[start - 1].isspace():
        start -= 1
    start = max(0, start - ROLE_REACH)
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:index]


YEAR = re.compile(r"^(?:19|20)\d\d(?:[-/]\d{2,4})?$")
ACRONYM = re.compile(rf"^[{UPPER}]{{3,8}}$")
DEFINITE = re.compile(r"(?:en|et|n|t)$")


@dataclass
class Mention:
    """One candidate name in a passage: the name and its character offsets in the passage text."""

    name: str
    start: int
    end: int
    rule: str  # quoted, lead, before_lead, title, subject, acronym, apposition

    @property
    def strong(self) -> bool:
        """Marked as a name by the text itself, not only by capital letters."""
        return self.rule in ("quoted", "lead", "before_lead")


def case_key(name: str) -> str:
    """Names that differ in case, quotes or spacing are the same case."""
    return re.sub(r"[^\wæøå]+", " ", name.lower()).strip()


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int, str]]:
    """(word, start, end, punctuation after it) from ``start``; punctuation ends a name."""
    out = []
    stop = len(text) if end is None else end
    for match in WORD.finditer(text, start, stop):
        word = match.group(0).rstrip(".")
        after = text[match.start() + len(word):match.start() + len(word) + 2]
        punct = after[:1] if after[:1] in ",;:!?()\"“”„»«\n–" or after[:1] == "." and (
            word.lower() not in ("bl", "f", "ca", "nr", "kl", "mio", "mia", "pr", "jf", "inkl", "ekskl")) else ""
        out.append((word, match.start(), match.start() + len(word), punct))
    return out


def _capital(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit() and bool(YEAR.match(word)))


def _name_from(tokens: list[tuple[str, int, int, str]], after_lead: bool) -> tuple[int, int] | None:
    """The longest plausible name at the start of ``tokens``: its (start, end) offsets.

    Capitalised words and connectors make a name; lower-case words may end it ("Unge med kant",
    "Stærk hele livet") when a stop word, punctuation or a connector follows them. After a lead
    word, a short tail up to punctuation is the name as it stands ("Vild natur ved kysten").
    """
    if not tokens or not _capital(tokens[0][0]):
        return None
    # after a lead word: everything up to punctuation, if short and free of stop words
    if after_lead:
        for i, (word, _, end, punct) in enumerate(tokens[:6]):
            low = word.lower()
            # lower-case words end a name of one capitalised word only ("Vild natur ved kysten")
            if i and not _capital(word) and low not in CONNECTORS | ARTICLES \
                    and sum(_capital(t[0]) for t in tokens[:i]) > 1:
                break
            if i and (low in STOP and not (low in ARTICLES and tokens[i - 1][0].lower() in CONNECTORS)):
                break
            if punct:
                return tokens[0][1], end
    last = 0  # index of the last token of the name so far
    i = 1
    while i < len(tokens) and i < 8:
        word, low = tokens[i][0], tokens[i][0].lower()
        if tokens[i - 1][3]:  # punctuation after the previous word
            break
        if _capital(word):
            last = i
        elif low in CONNECTORS:
            pass  # kept only if a name word follows
        elif low in ARTICLES and tokens[i - 1][0].lower() in CONNECTORS:
            pass
        elif low in STOP or word[0].isdigit():
            break
        else:  # a lower-case word: part of the name only if the name ends soon
            if tokens[i - 1][0].lower() in ARTICLES:  # "på en dag,": one word, then punctuation
                if tokens[i][3] and tokens[i - 2][0].lower() in CONNECTORS:
                    last = i
                break
            tail = i
            while tail + 1 < len(tokens) and tail - i < 2 and not tokens[tail][3] \
                    and tokens[tail + 1][0].lower() not in STOP and not _capital(tokens[tail + 1][0]) \
                    and tokens[tail + 1][0].lower() not in CONNECTORS:
                tail += 1
            following = tokens[tail + 1][0].lower() if tail + 1 < len(tokens) else ""
            ends = tokens[tail][3] or not following or following in STOP or following in CONNECTORS
            # a lower-case tail ends a name of one capitalised word ("Unge med kant"), or one after a lead
            capitals = sum(_capital(t[0]) for t in tokens[:i])
            if ends and capitals == 1 and (after_lead or tokens[i - 1][0].lower() in CONNECTORS):
                last = tail
            break
        i += 1
    return tokens[0][1], tokens[last][2]


def candidates(text: str) -> list[Mention]:
    """Every candidate name in ``text`` with its offsets, strongest rules first, unfiltered."""
    found: list[Mention] = []
    for match in QUOTED.finditer(text):
        found.append(Mention(match.group(1).strip(), match.start(1), match.start(1) + len(match.group(1).strip()),
                             "quoted"))
    for match in LEAD.finditer(text):
        span = _name_from(_tokens(text, match.end(), match.end() + 200), after_lead=True)
        if span:
            # "åbnet Familiehuset Midtby": a capitalised compound inside a sentence is part of the name
            start = match.start() if match.group(0)[0].isupper() and len(match.group(0).split()[0]) > 12 \
                and not _sentence_start(text, match.start()) else span[0]
            found.append(Mention(text[start:span[1]], start, span[1], "lead"))
    for match in BEFORE_LEAD.finditer(text):
        found.append(Mention(match.group(1), match.start(1), match.end(1), "before_lead"))
    found += _title_case(text)
    return [_tidy(m, text) for m in found]


def _sentence_start(text: str, index: int) -> bool:
    # walks back from index: slicing the text before it made long passages quadratic
    while index > 0 and text[index - 1] in " \t\"“„»(":
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n•"


def _title_case(text: str) -> list[Mention]:
    """Capitalised names inside sentences, subjects at a sentence start, acronyms, appositions."""
    tokens = _tokens(text)
    out, i = [], 0
    while i < len(tokens):
        word, start, end, punct = tokens[i]
        if not word[0].isupper():
            i += 1
            continue
        first = _sentence_start(text, start)
        if first and (word.lower() in OPENERS or word.lower().endswith(LEADS)):
            i += 1
            continue
        span = _name_from(tokens[i:i + 12], after_lead=False)
        if span is None:
            i += 1
            continue
        n = sum(1 for t in tokens[i:] if t[2] <= span[1])
        name_tokens = tokens[i:i + n]
        following = tokens[i + n][0].lower() if i + n < len(tokens) else ""
        verb_follows = bool(following) and not name_tokens[-1][3] and (
            following in STOP and following not in ARTICLES and following not in ("og", "som")
            or following.endswith(("er", "ede", "te", "es")))
        capitals = sum(_capital(t[0]) for t in name_tokens)
        after_comma = text[span[1]:span[1] + 5]
        if ACRONYM.match(word) and n == 1:
            out.append(Mention(word, start, end, "acronym"))
        elif first:
            # a sentence start: a name only as the subject, of two capitalised words or one that looks
            # like a name; no lower-case tail ("Kommunens egen bilpark" is ordinary text)
            last_capital = max(j for j, t in enumerate(name_tokens) if _capital(t[0]))
            if verb_follows and last_capital == n - 1 and (capitals >= 2 or _single_name(word)):
                out.append(Mention(text[span[0]:span[1]], span[0], span[1], "subject"))
        elif n >= 2 or capitals >= 2:
            out.append(Mention(text[span[0]:span[1]], span[0], span[1], "title"))
        elif _single_name(word) and (verb_follows or re.match(r", (?:et|en) ", after_comma)):
            out.append(Mention(word, start, end, "apposition"))
        i += max(n, 1)
    return out


def _single_name(word: str) -> bool:
    """A single word that may be a name of its own: an acronym, or a long compound in definite form
    ("Klimaskolen", "Fritidspasset"), not a plural ("Skolerne") nor a verbal noun ("Evalueringen")."""
    if ACRONYM.match(word):
        return True
    low = word.lower()
    return (len(word) >= 9 and bool(DEFINITE.search(low)) and not low.endswith(("ne", "ingen", "elsen", "heden"))
            and not low.endswith(LEADS))


def _tidy(mention: Mention, text: str) -> Mention:
    name = mention.name.strip(" ,.;:-–\"“”„»«'")
    words = name.split()
    while words and words[-1].lower() in CONNECTORS | ARTICLES | {"og"}:
        words.pop()
    name = " ".join(words)
    start = text.find(name, mention.start) if name else mention.start
    return Mention(name, start, start + len(name), mention.rule)


def split_list(mention: Mention) -> list[Mention]:
    """"Unge med kant og Egen Dør" into two names, where each part starts with a capital; an elided
    compound ("Klima- og Miljøudvalget") is one word."""
    parts, offset = [], 0
    for piece in re.split(r"(\s+og\s+|,\s+)", mention.name):
        if piece.strip() and not re.fullmatch(r"\s+og\s+|,\s+", piece):
            parts.append((piece, offset))
        offset += len(piece)
    if len(parts) < 2 or not all(p[0][:1].isupper() for p in parts) or re.search(r"-\s+og\s", mention.name):
        return [mention]
    return [Mention(p, mention.start + o, mention.start + o + len(p), mention.rule) for p, o in parts]


@lru_cache(maxsize=4)
def _stoplist(path: Path = CASE_STOPLIST) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    data = read_yaml(path, Errors.E034) or {}
    names, words, suffixes = set(), set(), set()
    for group in data.values():
        if not isinstance(group, dict):
            continue
        names |= {case_key(n) for n in group.get("names", [])}
        words |= {w.lower() for w in group.get("words", [])}
        suffixes |= {s.lower() for s in group.get("suffixes", [])}
    keep = frozenset(w.lower() for w in data.get("initiative_words", []))
    return frozenset(names), frozenset(words), tuple(sorted(suffixes)), keep


@lru_cache(maxsize=4)
def first_names(path: Path = FIRST_NAMES) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def looks_like_person(name: str) -> bool:
    """A first name alone, or a first name followed by a capitalised word anywhere in the name
    ("Mette Kjærgaard", "Sofie Bach Nielsen", "Projektleder Mette Kjærgaard")."""
    words = name.split()
    if len(words) == 1:
        return words[0].lower() in first_names()
    return any(a.lower() in first_names() and a[:1].isupper() and b[:1].isupper() for a, b in zip(words, words[1:]))


class DocumentWords:
    """What a lower-case use of a name is looked for in: a document's words (runs of \\w) and its
    tokens with any other character in them, gathered a passage at a time. It answers as a search
    through the whole text would, without holding the text: a worker analysing a long report kept
    the report's text twice over (its passages and their join), about 10 KB a page."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.words: set[str] = set()
        self.marked: set[str] = set()  # tokens between spaces that are not one run of \w ("co2-regnskab,")
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        self.words.update(WORD_CHARS.findall(text))  # a passage's list at a time, not a long document's
        self.marked.update(t for t in TOKEN.findall(text) if not WORD_CHARS.fullmatch(t))

    def update(self, other: "DocumentWords") -> None:
        """Adds the words of another part of the same document."""
        self.words |= other.words
        self.marked |= other.marked

    def has_word(self, word: str) -> bool:
        """Whether ``word`` (without spaces) stands as a word of its own, with no \\w on either side."""
        if WORD_CHARS.fullmatch(word):
            return word in self.words
        # a match of a word that holds another character lies within one such token, and its
        # neighbours there are the text's own: searching the tokens finds what the text would
        pattern = re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])")
        return any(pattern.search(token) for token in self.marked)


class NameFilter:
    """Rejects candidates that are not initiatives: goal names, headings, stoplisted bodies, people."""

    def __init__(self, goal_names: Iterable[str] = (), headings: Iterable[str] = (),
                 stoplist: Path = CASE_STOPLIST) -> None:
        self.goal_names = {case_key(n) for n in goal_names}
        self.headings = {case_key(h) for h in headings}
        self.names, self.words, self.suffixes, self.keep = _stoplist(stoplist)
        # stoplist words of four letters or more also stop a word that ends in them ("-udvalget")
        self._word_endings = tuple(sorted(w for w in self.words if len(w) >= 4))

    def reason(self, mention: Mention, text: str, document: DocumentWords | None = None) -> str | None:
        """Why ``mention`` (offsets in ``text``) is no initiative, or None when it may be one;
        ``document`` (else ``text``) is where a lower-case use would show a common noun."""
        name, key = mention.name, case_key(mention.name)
        words = key.split()
        if len(name) < 3 or not words or len(words) > 8 or YEAR.match(name):
            return "too short or long"
        if key in self.goal_names or any(key in g for g in self.goal_names if len(words) >= 2):
            return "goal name"
        head = case_key(" ".join(re.split(r"\s(?=[a-zæøå])", name, maxsplit=1)[:1]))
        if key in self.names or head in self.names or any(
                w.isupper() and case_key(w) in self.names for w in name.split()):  # "Evalueringen fra VIVE"
            return "stoplist"
        if any(w in self.words or len(w) >= 4 and w.endswith(self._word_endings) for w in words):
            return "stoplist word"
        if len(words) == 1 and key.endswith(self.suffixes):
            return "stoplist suffix"
        if looks_like_person(name) or ROLE_BEFORE.search(_just_before(text, mention.start)):
            return "person"
        if not mention.strong:
            if re.search(r"\.\w", name):
                return "abbreviation"  # "A.P. Møller": an initial, not a name of an initiative
            if len(words) == 1 and not _single_name(name):
                return "common word"
            if key in self.headings:
                return "heading"
            before = text[:mention.start].split()
            if before and before[-1].lower() in PLACE_PREPOSITIONS and not set(words) & self.keep:
                return "place"  # "i Friheden", "på Avedøre Holme"
            if mention.rule in ("subject", "apposition") and len(words) == 1 \
                    and (document if document is not None else DocumentWords([text])).has_word(name.lower()):
                return "common noun"  # the same word in lower case elsewhere
        return None

    def names_in(self, text: str, document: DocumentWords | None = None) -> list[Mention]:
        """The accepted names of ``text``, in text order, without overlaps (the strongest wins)."""
        chosen: list[Mention] = []
        for mention in candidates(text):
            if self.reason(mention, text, document) in ("stoplist", "stoplist word", "person"):
                # "Reparationscaféen på Hvidovre Bibliotek": the name before a place may still be one
                head = re.match(rf"^(.+?)\s(?:{'|'.join(sorted(CONNECTORS - {'&'}))})\s", mention.name)
                if not head:
                    continue
                mention = Mention(head.group(1), mention.start, mention.start + len(head.group(1)), mention.rule)
            for part in split_list(mention):
                if self.reason(part, text, document) is not None:
                    continue
                if any(part.start < m.end and m.start < part.end for m in chosen):
                    continue
                chosen.append(part)
        return sorted(chosen, key=lambda m: m.start)
