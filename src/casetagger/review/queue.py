"""What to review next, and how far the review has come.

The default order is the active-learning one: passages whose scores sit nearest a label's
threshold first, where the model is least sure and a decision teaches it most.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from casetagger.inventory.privacy import mask
from casetagger.taxonomy import Taxonomy


def shown_name(path: str) -> str:
    """A file's name as the app shows it: a CPR or phone number in it is masked."""
    return mask(Path(path).name)


MIN_DOUBLE_REVIEWED = 20  # kappa from fewer passages judged by two reviewers is noise


def margin(passage: Mapping[str, Any], thresholds: dict[str, float]) -> float:
    """Distance of the closest score to its label's threshold ("margin to threshold"): small is
    uncertain. Shown under that name, since a column called uncertainty would read backwards."""
    scores = passage.get("scores") or {}
    return min((abs(s - thresholds.get(label, 0.5)) for label, s in scores.items()), default=1.0)


def select(passages: list[dict[str, Any]], decided: dict[str, set[str]], reviewer: str, thresholds: dict[str, float],
           order: str = "uncertain", label: str = "", document: str = "", status: str = "open",
           query: str = "") -> list[dict[str, Any]]:
    """Filter and order the queue. ``decided`` maps passage id to the reviewers who decided it."""
    query = query.lower().strip()
    chosen = []
    for p in passages:
        mine = reviewer in decided.get(p["id"], set())
        if status == "open" and mine or status == "done" and not mine:
            continue
        if label and label not in p["labels"]:
            continue
        if document and shown_name(p["file"]) != document:
            continue
        if query and query not in p["text"].lower() and query not in (p.get("case") or "").lower():
            continue
        chosen.append(p)
    if order == "uncertain":
        chosen.sort(key=lambda p: margin(p, thresholds))
    return chosen  # otherwise document order, as stored


def cohen_kappa(a: list[bool], b: list[bool]) -> float | None:
    """Agreement beyond chance of two reviewers on one label; None when undefined."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:
        return 1.0 if observed == 1 else None
    return (observed - expected) / (1 - expected)


def progress(passages: list[dict[str, Any]], decisions: Sequence[Mapping[str, Any]],
             taxonomy: Taxonomy) -> dict[str, Any]:
    """Reviewed / remaining per label (by suggested label) and per document; agreement between reviewers."""
    by_passage: defaultdict[str, dict[str, Mapping[str, Any]]] = defaultdict(dict)
    for d in decisions:
        by_passage[d["passage_id"]][d["reviewer"]] = d
    per_label = {label: {"reviewed": 0, "remaining": 0} for label in taxonomy.ids}
    per_document: defaultdict[str, dict[str, int]] = defaultdict(lambda: {"reviewed": 0, "remaining": 0})
    for p in passages:
        key = "reviewed" if p["id"] in by_passage else "remaining"
        per_document[shown_name(p["file"])][key] += 1
        for label in p["labels"]:
            per_label[label][key] += 1
    kappa, disagreements = {}, []
    pairs = defaultdict(list)  # (reviewer a, reviewer b) -> passages both decided
    for pid, judged in by_passage.items():
        for a, b in combinations(sorted(judged), 2):
            pairs[a, b].append(pid)
            if set(judged[a]["labels"]) != set(judged[b]["labels"]):
                disagreements.append({"passage_id": pid, "reviewers": {r: judged[r]["labels"] for r in (a, b)}})
    for label in taxonomy.ids:
        values = []
        for (a, b), pids in pairs.items():
            k = cohen_kappa([label in by_passage[p][a]["labels"] for p in pids],
                            [label in by_passage[p][b]["labels"] for p in pids])
            if k is not None:
                values.append((k, len(pids)))
        total = sum(n for _, n in values)
        kappa[label] = round(sum(k * n for k, n in values) / total, 3) if total else None
    double_judged = sum(len(v) for v in pairs.values())
    too_few = double_judged < MIN_DOUBLE_REVIEWED
    return {"per_label": per_label, "per_document": dict(per_document),
            "kappa": {label: None for label in kappa} if too_few else kappa, "too_few": too_few,
            "min_double": MIN_DOUBLE_REVIEWED, "disagreements": disagreements, "double_judged": double_judged}
