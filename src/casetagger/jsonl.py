"""JSON Lines in and out: errors name the file and line; writes are atomic."""

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors


def read_jsonl(path: Path) -> Iterator[dict]:
    try:
        with Path(path).open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    raise CasetaggerError(Errors.E102.format(path=path, line=number, detail=f"not JSON ({e.msg})")) from None
                if not isinstance(row, dict):
                    raise CasetaggerError(Errors.E102.format(path=path, line=number, detail="not a JSON object"))
                yield row
    except FileNotFoundError:
        raise CasetaggerError(Errors.E001.format(path=path)) from None
    except UnicodeDecodeError:
        raise CasetaggerError(Errors.E102.format(path=path, line="?", detail="not UTF-8 text")) from None


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    """Write rows to a temporary file beside ``path`` and move it in place: never half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
