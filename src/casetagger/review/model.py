"""The review app follows the registry's current model.

After `casetagger models use`, `models rollback` or a promoted retrain, the next request re-tags
the store's passages with the new current model (no PDF is parsed again) and the app shows its
suggestions and thresholds. A model trained for another taxonomy is not followed: the review
screen's label keys and the decisions already made belong to the store's taxonomy.
"""

import threading
from pathlib import Path
from typing import Any

from casetagger.errors import CasetaggerError
from casetagger.inventory.store import RunStore
from casetagger.model.registry import Registry
from casetagger.model.tagger import Tagger
from casetagger.taxonomy import Taxonomy


class ModelFollower:
    """The model the app shows (``model_version``, ``thresholds``), kept equal to the registry's current one."""

    def __init__(self, folder: Path, meta: dict[str, Any], taxonomy: Taxonomy, registry: Path | None = None):
        self.folder = Path(folder)
        self.taxonomy = taxonomy
        self.registry = Registry(registry, taxonomy)  # the store's taxonomy: its own registry
        self.lock = threading.Lock()
        self._show(meta)

    def _show(self, meta: dict[str, Any]) -> None:
        self.model_version: str = meta["model_version"]
        self.thresholds: dict[str, float] = meta["card"]["thresholds"]
        self.following: str = meta["card"].get("registry_version", "shipped")

    def refresh(self) -> bool:
        """Re-tag the store if the registry's current model changed; True when it did."""
        wanted = self.registry.current()
        if wanted == self.following:
            return False
        with self.lock:
            if wanted == self.following:  # another request did it meanwhile
                return False
            try:
                tagger = Tagger.load(self.registry.path(wanted), taxonomy=self.taxonomy)
            except CasetaggerError:
                self.following = wanted  # another taxonomy, or gone: keep showing the store's model
                return False
            from casetagger.inventory.run import tag_pending  # the ingest stack: only when re-tagging

            meta = {"model_version": tagger.model_version, "card": tagger.card}
            store = RunStore(self.folder)
            try:
                tag_pending(store, tagger, tagger.model_version)
                store.set_meta("model", meta)
            finally:
                store.close()
            self._show(dict(meta, card=dict(tagger.card, registry_version=wanted)))
            return True
