"""Train, evaluate on the untouched test split, and write a model directory with its card.

The directory is written under a temporary name and renamed into place, so an interrupted run
never leaves a half-written model where a loader would find it.
"""

import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from casetagger.model.tagger import Tagger
from casetagger.model.train import TrainConfig, evaluate_rows, train_tagger
from casetagger.taxonomy import Taxonomy


def train_and_package(rows: list[dict[str, Any]], taxonomy: Taxonomy, config: TrainConfig, out: Path,
                      extra_card: dict[str, Any] | None = None) -> Tagger:
    test = [r for r in rows if r.get("split") == "test"]
    tagger = train_tagger(rows, taxonomy, config, extra_card)
    tagger.card["test_metrics"] = evaluate_rows(tagger, test, taxonomy) if test else None
    tagger.card["test_passages"] = len(test)
    # the first corpus's test split and corpus v2's (passages with a writer) on their own too
    parts = {"v1": [r for r in test if not r.get("writer")], "v2": [r for r in test if r.get("writer")]}
    tagger.card["test_metrics_by_corpus"] = {name: evaluate_rows(tagger, part, taxonomy)
                                             for name, part in parts.items() if part}
    tagger.card["corpus_counts"] = dict(Counter(r.get("split", "none") for r in rows))
    write_model(tagger, Path(out))
    return tagger


def write_model(tagger: Tagger, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a model directory is for everyone
    try:
        tagger.save(staging)
        (staging / "README.md").write_text(model_card_markdown(tagger), encoding="utf-8")
        if out.exists():
            retired = out.with_name(f".{out.name}.old")
            shutil.rmtree(retired, ignore_errors=True)
            out.rename(retired)
            staging.rename(out)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def model_card_markdown(tagger: Tagger) -> str:
    card = tagger.card
    lines = [
        f"# Model card: {card['name']} {card['version']}",
        "",
        f"- Date: {card['date']}",
        f"- Architecture: {card['architecture']}",
        f"- Taxonomy: {card['taxonomy']} (hash `{card['taxonomy_hash']}`), {len(card['labels'])} labels",
        f"- Corpus hash: `{card['corpus_hash']}`; trained on {card['trained_on']} passages (train + dev), "
        f"evaluated on {card.get('test_passages', 0)} test passages it never saw",
        f"- Training time: {card['training_seconds']} s",
        "- Libraries: " + ", ".join(f"{k} {v}" for k, v in card["libraries"].items()),
        "",
        "Thresholds were tuned per label on out-of-fold scores (stratified cross-validation over",
        "train + dev); the test split was used only for the figures below.",
        "",
        "| label | name | threshold | P | R | F1 | support |",
        "|---|---|---|---|---|---|---|",
    ]
    metrics = card.get("test_metrics") or {"per_label": {}}
    names = {l.id: l.name_da for l in Taxonomy.from_card(card).labels}
    for label, threshold in zip(tagger.labels, tagger.thresholds):
        m = metrics["per_label"].get(label, {})
        lines.append(f"| {label} | {names[label]} | {threshold:.2f} | {m.get('p', 0):.3f} | {m.get('r', 0):.3f} | "
                     f"{m.get('f1', 0):.3f} | {m.get('support', 0)} |")
    for group in ("goals", "sdgs", "all"):
        if group in metrics:
            lines.append(f"\n**{group}**: macro-F1 {metrics[group]['macro_f1']:.3f}, "
                         f"micro-F1 {metrics[group]['micro_f1']:.3f}")
    for name, part in (card.get("test_metrics_by_corpus") or {}).items():
        lines.append(f"\n**test split of corpus {name}** ({part['n']} passages): macro-F1 "
                     f"{part['all']['macro_f1']:.3f} (goals {part['goals']['macro_f1']:.3f}, "
                     f"SDGs {part['sdgs']['macro_f1']:.3f})")
    promotion = card.get("promotion")
    if promotion:
        lines += ["", f"## Promotion: {'promoted' if promotion['promoted'] else 'not promoted'} "
                      f"(parent: {card.get('parent')})", ""] + [f"- {r}" for r in promotion["reasons"]]
        lines += ["", "Corrections: " + ", ".join(f"{k} {v}" for k, v in card.get("corrections", {}).items()),
                  "", "F1 change per label on the corpus test split, against the parent:", "",
                  "| label | change |", "|---|---|"]
        lines += [f"| {l} | {d:+.3f} |" for l, d in card["comparison"]["per_label_f1_change"].items()]
    lines += ["", "Limits: the corpus is written for this project (see corpus/README.md); figures on real",
              "municipal documents will be lower, and analysts' corrections are the way to close that gap."]
    return "\n".join(lines) + "\n"
