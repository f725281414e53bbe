"""The Danish word list as a sorted file, memory-mapped and binary-searched.

Hyphenation asks a few hundred questions per document of a list of 551,000 word forms. Built as
a Python set, the list took 0.8 s and ~150 MB in every process; as a sorted file it is mapped
in a millisecond, its pages are shared by every worker through the page cache, and a question
costs about twenty comparisons. The file is derived once per machine from spaCy's Danish
lemma lookup table (spacy-lookups-data, a registry package) into a cache folder, keyed by that
package's version, so an upgrade rebuilds it.
"""

import mmap
import os
import re
import tempfile
from importlib.util import find_spec
from pathlib import Path

from casetagger.atomic import atomic_write, locked
from casetagger.model.text import lemma_table

SOURCE_PACKAGE = "spacy_lookups_data"  # its version names the word file: an upgrade rebuilds it


class WordList:
    """``word in words`` over a file of sorted, distinct, lower-cased UTF-8 lines."""

    def __init__(self, path: Path):
        self.path = path
        with path.open("rb") as f:
            self._data: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key, data = word.encode("utf-8"), self._data
        # lo and hi are line starts; lines before lo sort below key, lines from hi on do not
        lo, hi = 0, len(data)
        while lo < hi:
            start = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            if data[start:end] < key:
                lo = end + 1
            else:
                hi = start
        end = data.find(b"\n", lo)
        return data[lo:len(data) if end < 0 else end] == key

    def __len__(self) -> int:
        data = self._data[:]  # a copy: only the coverage benchmark counts the words
        return data.count(b"\n") + 1 if data else 0


def build(target: Path) -> None:
    """Write the sorted word file from the lookup table (about a second, once per machine)."""
    words = {w.lower() for pair in lemma_table().items() for w in pair if w and "\n" not in w}
    # sorted as bytes: the search compares UTF-8 bytes, whose order is code-point order
    data = b"\n".join(sorted(w.encode("utf-8") for w in words))
    atomic_write(target, lambda tmp: tmp.write_bytes(data))


def cache_folders() -> list[Path]:
    """Where the word file may live, first choice first; the temporary folder always works."""
    folders = []
    if os.environ.get("CASETAGGER_CACHE"):
        folders.append(Path(os.environ["CASETAGGER_CACHE"]))
    folders.append(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "casetagger")
    folders.append(Path(tempfile.gettempdir()) / f"casetagger-{os.getuid()}")
    return folders


def source_version() -> str:
    """The installed spacy-lookups-data's version, read from its ``about.py`` without importing
    the package or ``importlib.metadata`` (30-50 ms each, before a batch's workers can start)."""
    spec = find_spec(SOURCE_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            found = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", (Path(folder) / "about.py").read_text("utf-8"))
        except OSError:
            continue
        if found:
            return found.group(1)
    from importlib.metadata import version  # a layout this does not know: the slow way

    return version(SOURCE_PACKAGE.replace("_", "-"))


def danish_words() -> WordList:
    """The word list, built on first use into the first writable cache folder."""
    name = f"da_words-{source_version()}.txt"
    errors = []
    for folder in cache_folders():
        target = folder / name
        try:
            if not target.exists():
                with locked(folder / f".{name}.lock"):  # two workers starting at once build it once
                    if not target.exists():
                        build(target)
            return WordList(target)
        except OSError as e:  # a read-only home on a server: try the next folder
            errors.append(f"{folder}: {e}")
    raise OSError("no writable cache folder for the Danish word list: " + "; ".join(errors))
