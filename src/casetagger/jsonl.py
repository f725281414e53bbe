"""JSON Lines in and out: errors name the file and line; writes are atomic."""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from casetagger.atomic import atomic_write
from casetagger.errors import CasetaggerError, Errors


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
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


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows atomically (never half a file); returns how many."""
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        with tmp.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1

    atomic_write(path, write)
    return count
