"""The taxonomy is data: goals and SDGs come from a YAML file, never from constants."""

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


from casetagger.errors import CasetaggerError, Errors
from casetagger.resources import DEFAULT_TAXONOMY, read_yaml


@dataclass(frozen=True)
class Label:
    id: str
    kind: str  # "goal" or "sdg"
    name_da: str
    name_en: str = ""
    covers: str = ""
    # domain terms (word starts) that the model may use as extra features for this label
    terms: tuple[str, ...] = ()


@dataclass
class Taxonomy:
    name: str
    labels: list[Label]
    goal_sdgs: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    municipality: str = ""  # shown on the follow-up draft's title page
    strategy: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> "Taxonomy":
        path = Path(path or DEFAULT_TAXONOMY)
        return cls.from_dict(read_yaml(path, Errors.E101), source=str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "<dict>") -> "Taxonomy":
        def invalid(detail: str) -> CasetaggerError:
            return CasetaggerError(Errors.E101.format(path=source, detail=detail))

        if not isinstance(data, dict) or not isinstance(data.get("labels"), list) or not data["labels"]:
            raise invalid("it needs a non-empty list 'labels'")
        labels = []
        for i, item in enumerate(data["labels"]):
            if not isinstance(item, dict) or not item.get("id") or not item.get("name_da"):
                raise invalid(f"label {i + 1} needs 'id' and 'name_da'")
            if item.get("kind") not in ("goal", "sdg"):
                raise invalid(f"label {item['id']}: kind must be 'goal' or 'sdg'")
            terms = item.get("terms") or []
            if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
                raise invalid(f"label {item['id']}: terms must be a list of words")
            labels.append(Label(str(item["id"]), item["kind"], item["name_da"], item.get("name_en", ""),
                                " ".join(str(item.get("covers", "")).split()), tuple(t.strip() for t in terms)))
        ids = [label.id for label in labels]
        if len(set(ids)) != len(ids):
            raise invalid("label ids are not unique")
        goal_sdgs = data.get("goal_sdgs") or {}
        for goal, sdgs in goal_sdgs.items():
            if goal not in ids or any(s not in ids for s in sdgs):
                raise invalid(f"goal_sdgs names an unknown label ({goal}: {sdgs})")
        return cls(str(data.get("name", "taxonomy")), labels, goal_sdgs, source,
                   str(data.get("municipality", "")), str(data.get("strategy", "")))

    @classmethod
    def from_card(cls, card: Mapping[str, Any]) -> "Taxonomy":
        """The label set a model was trained for, as its card records it."""
        return cls.from_dict({"name": card["taxonomy"], "labels": card["taxonomy_labels"]})

    @property
    def id(self) -> str:
        """The taxonomy's name as a folder name: its models' registry (``registry/<id>/``)."""
        return taxonomy_id(self.name)

    @cached_property
    def ids(self) -> list[str]:
        return [label.id for label in self.labels]

    @property
    def goals(self) -> list[str]:
        return [label.id for label in self.labels if label.kind == "goal"]

    @property
    def sdgs(self) -> list[str]:
        return [label.id for label in self.labels if label.kind == "sdg"]

    @property
    def terms(self) -> dict[str, list[str]]:
        """Each label's domain terms (empty lists where the taxonomy names none)."""
        return {label.id: list(label.terms) for label in self.labels}

    def name_da(self, label_id: str) -> str:
        return next(label.name_da for label in self.labels if label.id == label_id)

    @cached_property
    def hash(self) -> str:
        """Identifies the label set: a model trained for one taxonomy refuses another."""
        payload = json.dumps([[label.id, label.kind] for label in self.labels])
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def taxonomy_id(name: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-.") or "taxonomy"
