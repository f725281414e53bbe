"""report.html: one self-contained file (inline SVG charts, inline CSS, no network)."""

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casetagger.inventory.cases import Case, Finding
from casetagger.inventory.charts import bar_chart, heatmap
from casetagger.atomic import atomic_write
from casetagger.inventory.export import pages_text
from casetagger.taxonomy import Taxonomy

TEMPLATE = Path(__file__).with_name("report.html.j2")


def charts(cases: list[Case], taxonomy: Taxonomy) -> dict[str, str]:
    """Inline SVG: cases per goal, cases per SDG, and cases per goal and SDG together."""
    def count(*labels: str) -> int:
        return sum(all(label in c.labels for label in labels) for c in cases)

    goals, sdgs = [taxonomy.name_da(g) for g in taxonomy.goals], [taxonomy.name_da(s) for s in taxonomy.sdgs]
    return {"goals": bar_chart("Sager pr. mål", goals, [count(g) for g in taxonomy.goals]),
            "sdgs": bar_chart("Sager pr. verdensmål", sdgs, [count(s) for s in taxonomy.sdgs]),
            "heatmap": heatmap("Sager pr. mål og verdensmål", goals, sdgs,
                               [[count(g, s) for s in taxonomy.sdgs] for g in taxonomy.goals])}


SKIP_REASONS_DA = {"not a PDF": "ikke en PDF-fil"}


@dataclass
class PassageCounts:
    """What the report shows of the passages: how many each file has, and how many of them are
    tagged. Counted as they go past another output (``counting``), so no pass over a large store
    is made for the report alone."""

    per_file: Counter[str] = field(default_factory=Counter)
    tagged: Counter[str] = field(default_factory=Counter)

    def counting(self, passages: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for p in passages:
            self.per_file[p["file"]] += 1
            self.tagged[p["file"]] += bool(p["labels"])
            yield p

    @classmethod
    def of(cls, passages: Iterable[dict[str, Any]]) -> "PassageCounts":
        counts = cls()
        for _ in counts.counting(passages):
            pass
        return counts


def write_report(path: Path, cases: list[Case], counts: PassageCounts, documents: list[dict[str, Any]],
                 taxonomy: Taxonomy, model: Mapping[str, Any], findings: Sequence[Finding] = (), top: int = 10) -> None:
    import jinja2  # here, not at import: ``casetagger run`` loads it while its workers finish (``load_writers``)
    import markupsafe

    skipped = [dict(d, name=Path(d["file"]).name, reason=SKIP_REASONS_DA.get(d["reason"], d["reason"]))
               for d in documents if d["status"] == "SKIPPED"]
    documents = [d for d in documents if d["status"] != "SKIPPED"]
    per_doc, tagged_per_doc = counts.per_file, counts.tagged
    cases_per_doc = Counter(f for c in cases for f in c.documents)
    coverage = [dict(d, n_passages=per_doc[d["file"]], tagged=tagged_per_doc[d["file"]],
                     cases=cases_per_doc[d["file"]], name=Path(d["file"]).name) for d in documents]
    by_goal = []
    for goal in taxonomy.goals:
        ranked = sorted((c for c in cases if goal in c.labels), key=lambda c: -c.scores[goal])
        by_goal.append({"id": goal, "name": taxonomy.name_da(goal), "total": len(ranked),
                        "cases": [_case_entry(c, goal, taxonomy) for c in ranked[:top]]})
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    html = template.render(
        charts={k: markupsafe.Markup(v) for k, v in charts(cases, taxonomy).items()},
        n_cases=len(cases), n_passages=per_doc.total(), n_tagged=tagged_per_doc.total(),
        documents=coverage, skipped=skipped, problems=[d for d in coverage if d["status"] != "SUCCESS" or d["errors"]],
        by_goal=by_goal, model=model, taxonomy=taxonomy,
        findings=[dict(f.to_dict(), name=Path(f.file).name, label_names=[taxonomy.name_da(l) for l in f.labels])
                  for f in findings],
        goal_counts=[(taxonomy.name_da(g), sum(g in c.labels for c in cases)) for g in taxonomy.goals],
        sdg_counts=[(taxonomy.name_da(s), sum(s in c.labels for c in cases)) for s in taxonomy.sdgs])
    atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))


def _case_entry(case: Case, goal: str, taxonomy: Taxonomy) -> dict[str, Any]:
    support = [s.text for s in case.support.get(goal, [])][:2]
    shown = " ".join(support) if support else case.excerpt
    # evidence is shown only where the reader can find it: in the text printed beside it
    found = {w.lower() for w in re.findall(r"\w+", shown)}
    return {"name": case.name, "score": case.scores[goal], "pages": pages_text(case.documents),
            "excerpt": case.excerpt, "support": support,
            "evidence": [w for w in case.evidence.get(goal, []) if w.lower() in found],
            "labels": [taxonomy.name_da(l) for l in taxonomy.ids if l in case.labels and l != goal]}
