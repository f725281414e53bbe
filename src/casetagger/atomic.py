"""The one way files are written: through a temporary file beside the target, renamed over it.

Readers (another process, a crashed run resumed) see the old file or the new one, never half of
one. Model directories are staged and renamed the same way, a folder at a time
(``model/package.py``). A read-modify-write that other processes may do at the same moment
(the registry's version numbers and current pointer) holds ``locked`` around it.
"""

import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write(path: Path, write: Callable[[Path], object], mode: int = 0o644) -> None:
    """``write`` fills the temporary path it is given; it is flushed to disk and moved to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        tmp.chmod(mode)  # mkstemp makes files private; outputs are meant to be shared
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on the file ``path`` (created if missing) for the ``with`` block: other
    processes, and other threads opening it, wait. The kernel drops it if the holder dies."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
