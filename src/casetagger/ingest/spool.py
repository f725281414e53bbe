"""A document's lines kept on disk, a page at a time, between reading and laying them out.

Layout needs the whole document's styles before its first block (``styles.py``), so every line
must be read before any is laid out. Held in memory they grew with the pages (~16 MB per 1,000
pages); here each page's lines go to an anonymous temporary file as plain tuples while
``Styles`` sums them up, and come back page by page: memory holds one page. Writing and reading
them back costs well under 1% of parsing.

``WindowSpool`` does the same for a document's finished passages between a batch's worker and
its parent.
"""

import io
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from casetagger.errors import CasetaggerError, Errors
from casetagger.ingest.records import Line
from casetagger.ingest.styles import Styles

_as_tuple = attrgetter(*(f.name for f in fields(Line)))


class LineSpool:
    """Lines in, page by page (as ``reading_order`` gives them); ``settle`` once; then iterate."""

    def __init__(self, source: Path | str = "") -> None:
        self.source = source  # the PDF, named in an error
        self.styles = Styles()
        self.lines = 0
        with _disk(self.source):
            self._file = tempfile.TemporaryFile()  # unlinked at once: nothing is left if the worker dies
        self._page: list[tuple[object, ...]] = []
        self._number: int | None = None

    def add(self, line: Line) -> None:
        if line.page != self._number:
            self._flush()
            self._number = line.page
        self.styles.add(line)
        self._page.append(_as_tuple(line))
        self.lines += 1

    def settle(self) -> "LineSpool":
        self._flush()
        self.styles.settle()
        return self

    def __iter__(self) -> Iterator[Line]:
        with _disk(self.source):
            self._file.seek(0)
        while True:
            try:
                with _disk(self.source):
                    page = pickle.load(self._file)  # only what _flush wrote to this unnamed file
            except EOFError:
                return
            yield from (Line(*row) for row in page)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "LineSpool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _flush(self) -> None:
        if self._page:
            with _disk(self.source):
                pickle.dump(self._page, self._file, pickle.HIGHEST_PROTOCOL)
            self._page = []


class WindowSpool:
    """Windows of a document's finished records (``(kind, list)`` frames), kept on disk between the
    worker that makes them and the parent that stores them, so that neither holds all of a long
    document's passages. The file is anonymous: a batch's worker hands the file itself to its
    parent over their socket (``batch.py``), and nothing is left on disk if either dies.

    Frames are appended at the end and read back in order; reading may go on while frames are
    added (a worker reads its passages back to find their cases and adds those at the end).
    Pickled, the spool carries no file: the receiver ``attach``es the one it was handed.
    """

    def __init__(self, source: Path | str = "") -> None:
        self.source = source
        self.frames = 0
        self._end = 0
        with _disk(self.source):
            self._file: IO[bytes] = tempfile.TemporaryFile()

    def add(self, kind: str, window: Sequence[object]) -> None:
        if not window:
            return
        with _disk(self.source):
            self._file.seek(self._end)
            pickle.dump((kind, window), self._file, pickle.HIGHEST_PROTOCOL)
            self._end = self._file.tell()
        self.frames += 1

    def __iter__(self) -> Iterator[tuple[str, list[Any]]]:
        """The frames in order: (kind, window); those added during the iteration come too."""
        position = 0
        while position < self._end:
            with _disk(self.source):
                self._file.seek(position)
                frame = pickle.load(self._file)  # only what add() wrote to this unnamed file
                position = self._file.tell()
            yield frame

    def handle(self) -> int:
        """The file's descriptor, to hand to another process, with every frame written out to it
        (the last would otherwise wait in this process's buffer, and be lost to the reader)."""
        with _disk(self.source):
            self._file.flush()
        return self._file.fileno()

    def attach(self, fd: int) -> None:
        """The file handed over by the process that wrote this spool (its ``handle``)."""
        size = os.fstat(fd).st_size
        if size < self._end:  # not all written out: frames would be missing or cut short
            os.close(fd)
            raise ValueError(f"the file holds {size} of its {self._end} bytes")
        self._file = open(fd, "r+b")

    @property
    def end(self) -> int:
        """Where the frames added so far end, in bytes: what a ``reader`` may read."""
        return self._end

    def reader(self, end: int) -> "WindowSpool":
        """This spool's frames up to byte ``end`` through a file of their own (Linux's /proc/self/fd),
        in a process forked after the spool was made: it may read them while the writer adds more.
        The writer wrote them out first (``handle``); nothing is flushed here, where this process's
        copy of the writer's buffer would write stale bytes into the shared file."""
        copy = WindowSpool.__new__(WindowSpool)
        copy.source, copy.frames, copy._end = self.source, 0, end
        with _disk(self.source):
            copy._file = open(f"/proc/self/fd/{self._file.fileno()}", "rb")
        return copy

    def close(self) -> None:
        self._file.close()

    def __getstate__(self) -> dict[str, object]:
        # the file crosses to the parent as a handle, not pickled: empty until attached, so that
        # reading an unattached spool fails instead of passing for a document without passages
        return {"source": self.source, "frames": self.frames, "_end": self._end, "_file": io.BytesIO()}


@contextmanager
def _disk(source: Path | str) -> Iterator[None]:
    """A full or read-only temporary folder is no fault of the PDF: say where the space ran out."""
    try:
        yield
    except OSError as e:
        raise CasetaggerError(Errors.E030.format(path=source, folder=tempfile.gettempdir(),
                                                 detail=e.strerror or e)) from None
