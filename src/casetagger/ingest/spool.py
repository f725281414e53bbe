"""A document's lines kept on disk, a page at a time, between reading and laying them out.

Layout needs the whole document's styles before its first block (``styles.py``), so every line
must be read before any is laid out. Held in memory they grew with the pages (~16 MB per 1,000
pages); here each page's lines go to an anonymous temporary file as plain tuples while
``Styles`` sums them up, and come back page by page: memory holds one page. Writing and reading
them back costs well under 1% of parsing.
"""

import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

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
        with self._disk():
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
        with self._disk():
            self._file.seek(0)
        while True:
            try:
                with self._disk():
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
            with self._disk():
                pickle.dump(self._page, self._file, pickle.HIGHEST_PROTOCOL)
            self._page = []

    @contextmanager
    def _disk(self) -> Iterator[None]:
        """A full or read-only temporary folder is no fault of the PDF: say where the space ran out."""
        try:
            yield
        except OSError as e:
            raise CasetaggerError(Errors.E030.format(path=self.source, folder=tempfile.gettempdir(),
                                                     detail=e.strerror or e)) from None
