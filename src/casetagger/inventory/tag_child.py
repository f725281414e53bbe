"""Half of a document's tagging and case analysis in a forked child of its worker.

When a batch has no document left to hand out, an idle worker helps read the last ones' pages
(``ingest/shared_pages.py``). Once the pages are read, that worker is idle again, while the
owner lays out, masks, tags and encodes the passages: a third of a long document's time. So an
owner whose document a helper came to forks one child of its own (the model already loaded,
shared copy-on-write) and hands it the first half of every window while it tags the second half;
after the last window, the child finds the cases of the second half of the passages while the
owner finds those of the first (``worker_tagging.py``).

The child answers each request in turn, so the rows come back in the document's order and the
passages are the same as when one process tags them all. The child is a convenience, not a
duty: if it cannot be forked or dies (killed, out of memory, a bug), the owner tags the half
itself, and a tagging error is then raised there as it would have been anyway. The child dies
with its owner (a worker killed at its timeout), and the owner ends it after each document.
"""

import os
import signal
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, Pipe
from typing import Any

from casetagger.ingest.batch import die_with_parent


class TagChild:
    """A forked child that applies ``work`` to what it is sent, one window at a time."""

    def __init__(self, work: Callable[[Any], Any]):
        self.work = work
        self._conn: Connection | None = None
        self._pid = 0

    def start(self) -> "TagChild":
        """Forks the child; on failure (no memory, no processes left) there is none, and ``send`` says so."""
        ours, theirs = Pipe()
        owner = os.getpid()
        try:
            pid = os.fork()
        except OSError:
            ours.close()
            theirs.close()
            return self
        if pid == 0:  # the child: nothing of the owner's (open files, buffers) is closed or flushed here
            code = 1
            try:
                ours.close()
                die_with_parent(owner)
                _serve(theirs, self.work)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._conn, self._pid = ours, pid
        return self

    @property
    def alive(self) -> bool:
        return self._conn is not None

    def send(self, window: Any) -> bool:
        """Hands ``window`` to the child; False if there is no child to take it."""
        if self._conn is None:
            return False
        try:
            self._conn.send(window)
        except OSError:
            self.close()
            return False
        return True

    def receive(self) -> Any | None:
        """What the child made of the window it was sent last; None if it died first."""
        if self._conn is None:
            return None
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            self.close()
            return None

    def stream(self) -> Iterator[Any]:
        """What the child makes, one message at a time, of a message its ``work`` answers with an
        iterator; it ends early (and the child is gone: ``alive`` is False) if the child died."""
        while (answer := self.receive()) is not None:
            yield answer

    def close(self) -> None:
        """Ends the child: it holds nothing that is not also the owner's."""
        if self._conn is None:
            return
        self._conn.close()
        self._conn = None
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)


def _serve(conn: Connection, work: Callable[[Any], Any]) -> None:
    while True:
        try:
            window = conn.recv()
        except (EOFError, OSError):
            return  # the owner is done with this document, or gone
        answer = work(window)  # an error ends the child: the owner does this window itself
        if isinstance(answer, Iterator):  # sent as it comes (``stream``), then None
            for part in answer:
                conn.send(part)
            conn.send(None)
        else:
            conn.send(answer)
