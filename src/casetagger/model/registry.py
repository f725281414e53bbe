"""Versioned models, one registry per taxonomy, each with one current version.

Layout: ``REGISTRY/<taxonomy id>/registry.json`` (the current version and its history) beside
``REGISTRY/<taxonomy id>/v0001/``, ``v0002/`` ...; REGISTRY is ``$CASETAGGER_REGISTRY``, default
``~/.local/share/casetagger/registry``. A second municipality's taxonomy gets its own versions
and its own current model. The shipped model (in the package, ``data/models/``) is where the
taxonomy it was trained for starts.

Version numbering and the current pointer are read-modify-writes that two retrains can do at the
same moment: both happen under a file lock (``.lock``), so each retrain gets its own number and
neither pointer change is lost. A version is written under a hidden staging name and renamed into
place and the state file is replaced atomically, so an interrupted training never leaves a
half-written version visible or the current model broken.
"""

import json
import os
import re
import shutil
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casetagger.atomic import atomic_write, locked
from casetagger.errors import CasetaggerError, Errors
from casetagger.model.tagger import Tagger, read_card
from casetagger.resources import DEFAULT_MODEL
from casetagger.schema import ModelCard
from casetagger.taxonomy import Taxonomy, taxonomy_id

STATE = "registry.json"
LOCK = ".lock"
VERSION = re.compile(r"v\d{4}")


def default_registry() -> Path:
    env = os.environ.get("CASETAGGER_REGISTRY")
    return Path(env) if env else Path.home() / ".local" / "share" / "casetagger" / "registry"


class Registry:
    """The versions of one taxonomy (default: the package's) under ``base``."""

    def __init__(self, base: Path | None = None, taxonomy: Taxonomy | None = None):
        self.base = Path(base or default_registry())
        self.taxonomy = taxonomy or Taxonomy.load()
        self.root = self.base / self.taxonomy.id
        move_flat_layout(self.base)

    def _lock(self) -> AbstractContextManager[None]:
        return locked(self.root / LOCK)

    # -- state: {"current": "v0002" or null (the shipped model), "history": ["v0001", "v0002"]}
    def state(self) -> dict[str, Any]:
        return read_state(self.root / STATE)

    def _write_state(self, state: dict[str, Any]) -> None:
        atomic_write(self.root / STATE, lambda tmp: tmp.write_text(json.dumps(state, indent=2), encoding="utf-8"))

    def versions(self) -> list[str]:
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and VERSION.fullmatch(p.name))

    def names(self) -> list[str]:
        """Every version this taxonomy can use: the shipped model when it was trained for it, then
        the registry's."""
        shipped = read_card(DEFAULT_MODEL)["taxonomy_hash"] == self.taxonomy.hash
        return (["shipped"] if shipped else []) + self.versions()

    def path(self, version: str) -> Path:
        if version == "shipped":
            if read_card(DEFAULT_MODEL)["taxonomy_hash"] != self.taxonomy.hash:
                raise CasetaggerError(Errors.E212.format(taxonomy=self.taxonomy.id, path=self.root))
            return DEFAULT_MODEL
        if version not in self.versions():
            raise CasetaggerError(Errors.E206.format(path=self.root, version=version))
        return self.root / version

    def current(self) -> str:
        return self.state()["current"] or "shipped"

    def current_path(self) -> Path:
        return self.path(self.current())

    def card(self, version: str) -> ModelCard:
        return read_card(self.path(version))

    def add(self, tagger: Tagger) -> str:
        """Write a new version (not yet current); returns its name. The number is taken and the
        version written under the lock: a retrain running beside this one takes the next."""
        from casetagger.model.package import write_model  # training's modules: not for a run that only tags

        with self._lock():
            existing = self.versions()
            version = f"v{int(existing[-1][1:]) + 1 if existing else 1:04d}"
            tagger.card["registry_version"] = version
            tagger.card["version"] = f"{tagger.card['version'].split('+')[0]}+{version}"
            write_model(tagger, self.root / version)
        return version

    def use(self, version: str) -> None:
        with self._lock():
            self.path(version)  # must exist
            state = self.state()
            state["history"] = [v for v in state["history"] if v != version] + [version]
            state["current"] = None if version == "shipped" else version
            state["changed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
            self._write_state(state)

    def rollback(self) -> str:
        """Back to the version that was current before this one; returns it."""
        with self._lock():
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
        """Leftovers of an interrupted write are hidden; remove them (under the lock: a version
        another retrain is writing right now is not a leftover)."""
        if self.root.exists():
            with self._lock():
                for p in self.root.glob(".v*"):
                    shutil.rmtree(p, ignore_errors=True)


def read_state(path: Path) -> dict[str, Any]:
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


def move_flat_layout(base: Path) -> None:
    """A registry from before taxonomies had their own (versions and registry.json directly in
    ``base``, never locked) is moved under the taxonomy each version's card names, numbers kept.
    A taxonomy's own folder has its lock file: given as ``base`` by mistake, it is left alone."""
    if (base / LOCK).exists() or (
            not (base / STATE).exists() and not any(VERSION.fullmatch(p.name) for p in _dirs(base))):
        return
    with locked(base / ".layout.lock"):  # not LOCK: that marks a taxonomy's folder
        state = read_state(base / STATE)
        homes: dict[str, Path] = {}
        for folder in [p for p in _dirs(base) if VERSION.fullmatch(p.name)]:
            home = base / taxonomy_id(read_card(folder)["taxonomy"])
            home.mkdir(parents=True, exist_ok=True)
            if not (home / folder.name).exists():
                folder.rename(home / folder.name)
            homes[folder.name] = home
        if (base / STATE).exists():
            current = state["current"]
            owner = homes.get(current) if current else base / Taxonomy.load().id
            if owner is not None and not (owner / STATE).exists():
                owner.mkdir(parents=True, exist_ok=True)
                (base / STATE).rename(owner / STATE)
            else:
                (base / STATE).rename(base / f"{STATE}.flat")  # kept, never read again


def _dirs(base: Path) -> list[Path]:
    return [p for p in base.iterdir() if p.is_dir()] if base.is_dir() else []


def resolve_model(path: Path | None = None, taxonomy: Taxonomy | None = None) -> Path:
    """An explicit --model wins; else the taxonomy's current version; else the shipped model."""
    if path is not None:
        return Path(path)
    return Registry(taxonomy=taxonomy).current_path()


def load_model(path: Path | None = None, taxonomy: Taxonomy | None = None) -> Tagger:
    """The model to tag with: ``resolve_model``'s choice, checked against ``taxonomy`` if given."""
    return Tagger.load(resolve_model(path, taxonomy), taxonomy)
