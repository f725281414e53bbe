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
from dataclasses import fields
from operator import attrgetter

from casetagger.ingest.records import Line
from casetagger.ingest.styles import Styles

_as_tuple = attrgetter(*(f.name for f in fields(Line)))


class LineSpool:
    """Lines in, page by page (as ``reading_order`` gives them); ``settle`` once; then iterate."""

    def __init__(self) -> None:
        self.styles = Styles()
        self.lines = 0
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
        self._file.seek(0)
        while True:
            try:
                page = pickle.load(self._file)
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
            pickle.dump(self._page, self._file, pickle.HIGHEST_PROTOCOL)
            self._page = []
