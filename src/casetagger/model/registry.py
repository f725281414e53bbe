"""Versioned models in a registry directory, with one of them current.

The shipped model stays in the package (``data/models/``); retrained versions go to the registry
($CASETAGGER_REGISTRY, default ~/.local/share/casetagger/registry). A version is written under a
hidden staging name and renamed into place, and the pointer to the current version is replaced
atomically, so an interrupted training never leaves a half-written version visible or the
current model broken.
"""

import json
import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from casetagger.errors import CasetaggerError, Errors
from casetagger.model.package import write_model
from casetagger.model.tagger import Tagger, read_card
from casetagger.resources import DEFAULT_MODEL

STATE = "registry.json"


def default_registry() -> Path:
    env = os.environ.get("CASETAGGER_REGISTRY")
    return Path(env) if env else Path.home() / ".local" / "share" / "casetagger" / "registry"


class Registry:
    def __init__(self, root: Path | None = None):
        self.root = Path(root or default_registry())

    # -- state: {"current": "v0002" or null (the shipped model), "history": ["v0001", "v0002"]}
    def state(self) -> dict:
        path = self.root / STATE
        if not path.exists():
            return {"current": None, "history": []}
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CasetaggerError(Errors.E210.format(path=path, detail=f"not JSON: {e}")) from None
        if not isinstance(state, dict) or not isinstance(state.get("history"), list) \
                or not (state.get("current") is None or isinstance(state["current"], str)):
            raise CasetaggerError(Errors.E210.format(path=path, detail="it needs 'current' and a list 'history'"))
        return state

    def _write_state(self, state: dict) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".state.", suffix=".tmp")
        with os.fdopen(fd, "w") as f:
            json.dump(state, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.root / STATE)

    def versions(self) -> list[str]:
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and re.fullmatch(r"v\d{4}", p.name))

    def path(self, version: str) -> Path:
        if version == "shipped":
            return DEFAULT_MODEL
        if version not in self.versions():
            raise CasetaggerError(Errors.E206.format(path=self.root, version=version))
        return self.root / version

    def current(self) -> str:
        return self.state()["current"] or "shipped"

    def current_path(self) -> Path:
        return self.path(self.current())

    def card(self, version: str) -> dict:
        return read_card(self.path(version))

    def add(self, tagger: Tagger) -> str:
        """Write a new version (not yet current); returns its name."""
        existing = self.versions()
        version = f"v{int(existing[-1][1:]) + 1 if existing else 1:04d}"
        tagger.card["registry_version"] = version
        tagger.card["version"] = f"{tagger.card['version'].split('+')[0]}+{version}"
        write_model(tagger, self.root / version)
        return version

    def use(self, version: str) -> None:
        self.path(version)  # must exist
        state = self.state()
        state["history"] = [v for v in state["history"] if v != version] + [version]
        state["current"] = None if version == "shipped" else version
        state["changed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        self._write_state(state)

    def rollback(self) -> str:
        """Back to the version that was current before this one; returns it."""
        state = self.state()
        history = state["history"]
        if not history:
            raise CasetaggerError(Errors.E207.format(path=self.root))
        history.pop()
        previous = history[-1] if history else "shipped"
        state["current"] = None if previous == "shipped" else previous
        state["history"] = history
        self._write_state(state)
        return previous

    def clean_staging(self) -> None:
        """Leftovers of an interrupted write are hidden; remove them."""
        if self.root.exists():
            for p in self.root.glob(".v*"):
                shutil.rmtree(p, ignore_errors=True)


def resolve_model(path: Path | None) -> Path:
    """An explicit --model wins; else the registry's current version; else the shipped model."""
    if path is not None:
        return Path(path)
    return Registry().current_path()
