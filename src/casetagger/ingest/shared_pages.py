"""A long document's pages read by two workers at once: its owner from the front, a helper from the back.

Reading a page's words from pdfium is half of a worker's time on a document, and a page reads the
same in any process. So when a batch has no document left to hand out, an idle worker helps one
still being parsed (``batch.py``): it reads that document's pages from the last, a chunk at a
time, into a folder the two share. The owner, reading from the first, takes each chunk from there
when it gets to it instead of reading it again. They meet in the middle; all the rest of the
document's work (layout, passages, tagging) stays with the owner, which sees its pages in order.

Each chunk has a lock file (``flock``) and, once the owner has got to it, a mark. The owner locks
each chunk as it gets to it (waiting for a helper still reading it), marks it and unlocks it, then
takes the helper's records or reads the pages itself: it holds one lock at a time, however long
the document. A helper reads a chunk only if it can lock it and finds neither a mark nor records;
a mark means the owner has got this far, so the helper stops. A helper that dies (killed at its
timeout, a crash) lets go of its lock with its process: the owner, finding no records, reads
the chunk itself.

A helper also leaves word that it came (``HELPED``): the owner then tags half of each window of
passages in a child of its own, on the core the helper frees once the pages are read.
"""

import fcntl
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from operator import attrgetter
from pathlib import Path
from typing import Any

from casetagger.ingest.records import PageRecord, Rule, Word

CHUNK = 8  # pages; a helper and its owner each wait at most one chunk for the other
DONE = "done"  # written by the owner when it has read its last page: helpers stop
# left by every helper sent to the document: a worker of the batch has nothing else to do, so the
# owner may share more than pages with it (``inventory/tag_child.py``)
HELPED = "helped"

Read = Callable[[int], tuple[PageRecord, int]]  # a page's record and its unmapped glyphs, by 0-based index

# as plain tuples: pickling the records themselves cost half as much as reading the pages
_word = attrgetter("text", "x0", "top", "x1", "bottom", "fontname", "size", "upright")
_rule = attrgetter("x0", "top", "x1", "bottom")


def _flat(page: PageRecord, lost: int) -> tuple[Any, ...]:
    return (page.number, page.width, page.height, [_word(w) for w in page.words], page.image_area, page.error,
            [_rule(r) for r in page.rules], lost)


def _record(flat: tuple[Any, ...]) -> tuple[PageRecord, int]:
    number, width, height, words, image_area, error, rules, lost = flat
    return PageRecord(number, width, height, [Word(*w) for w in words], image_area, error,
                      [Rule(*r) for r in rules]), lost


def remove_folder(folder: Path) -> None:
    """Remove a document's folder, renamed first: a helper still at work finds the name gone at once,
    rather than recreating lock files in a folder half removed and reading on."""
    gone = folder.with_name(f"{folder.name}.removed")
    try:
        os.rename(folder, gone)
    except OSError:
        gone = folder
    shutil.rmtree(gone, ignore_errors=True)


class SharedPages:
    """The chunks of one document in ``folder``, which the batch creates and removes."""

    def __init__(self, folder: Path, page_count: int):
        self.folder = Path(folder)
        self.page_count = page_count
        self.chunks = -(-page_count // CHUNK)

    def own(self, read: Read) -> Iterator[tuple[PageRecord, int]]:
        """Every page in order, each chunk taken from a helper when one has read it."""
        alone = False
        try:
            for chunk in range(self.chunks):
                taken = None
                if not alone:
                    try:
                        taken = self._reach(chunk)
                    except OSError:  # a full disk, a file system without locks: the PDF is not to blame
                        alone = True  # from here on: what a helper reads anyway is wasted, not wrong
                yield from taken if taken is not None else map(read, self._indexes(chunk))
        finally:
            try:
                (self.folder / DONE).touch()
            except OSError:
                pass  # the folder is gone: so are the helpers' reasons to go on

    def help(self, read: Read) -> int:
        """Reads chunks nobody has taken, from the last, until it meets the owner; returns the pages read."""
        pages = 0
        try:
            (self.folder / HELPED).touch()
        except OSError:
            return 0  # the owner finished and the batch removed the folder
        for chunk in reversed(range(self.chunks)):
            try:
                fd = self._lock_file(chunk)
            except FileNotFoundError:
                break  # the owner finished and the batch removed the folder
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # the owner is taking it, or another helper reading it
                if self._mark(chunk).exists() or (self.folder / DONE).exists():
                    break  # the owner has got here: every chunk before this one is its own
                if self._records(chunk).exists():
                    continue  # another helper's
                records = [_flat(*read(index)) for index in self._indexes(chunk)]
                self._put(chunk, records)
                pages += len(records)
            finally:
                os.close(fd)
        return pages

    def _reach(self, chunk: int) -> list[tuple[PageRecord, int]] | None:
        """The owner at ``chunk``: marks it under its lock, so no helper starts on it from now on,
        and takes what a helper read, if one did."""
        fd = self._lock_file(chunk)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # a helper reading it now: wait for its records
            self._mark(chunk).touch()
            return self._take(chunk)
        finally:
            os.close(fd)

    def _indexes(self, chunk: int) -> range:
        return range(chunk * CHUNK, min(self.page_count, (chunk + 1) * CHUNK))

    def _lock_file(self, chunk: int) -> int:
        return os.open(self.folder / f"{chunk}.lock", os.O_RDWR | os.O_CREAT, 0o600)

    def _mark(self, chunk: int) -> Path:
        return self.folder / f"{chunk}.owner"

    def _records(self, chunk: int) -> Path:
        return self.folder / f"{chunk}.pages"

    def _put(self, chunk: int, records: list[tuple[Any, ...]]) -> None:
        # renamed into place, so the owner never reads half a chunk; not synced: a scratch file
        # that lives as long as the document's parse
        partial = self.folder / f"{chunk}.{os.getpid()}.partial"
        with partial.open("wb") as f:
            pickle.dump(records, f, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self._records(chunk))

    def _take(self, chunk: int) -> list[tuple[PageRecord, int]] | None:
        path = self._records(chunk)
        try:
            with path.open("rb") as f:
                flat = pickle.load(f)  # only what a helper of this batch wrote to its private folder
            path.unlink()  # taken: a long document's chunks do not pile up in the temporary folder
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001  unreadable after all (a full disk): the owner reads it itself
            return None
        if [page[0] for page in flat] != [index + 1 for index in self._indexes(chunk)]:
            return None  # not this chunk's pages after all
        return [_record(page) for page in flat]
