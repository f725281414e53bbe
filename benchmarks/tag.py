"""Tagging speed and model load time on one core, with baselines measured in the same run.

    python benchmarks/tag.py [--passages 5000]

Passages are the corpus texts, whitespace collapsed, repeated to the count asked for. The
baselines: a plain keyword search (pipeline/configs/keywords.yaml) over the same passages, and
loading spaCy's blank Danish pipeline for the load time.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TAG = """
import json, os, sys, time
os.sched_setaffinity(0, {0})
t0 = time.perf_counter()  # the load includes importing what loading needs, as a fresh worker pays it
from casetagger.model.registry import load_model
tagger = load_model(); load = time.perf_counter() - t0
from casetagger.corpus import load_corpus
texts = [r["text"] for r in load_corpus()]
texts = (texts * (int(sys.argv[1]) // len(texts) + 1))[: int(sys.argv[1])]
t0 = time.perf_counter(); rows = list(tagger.tag({"id": i, "text": t} for i, t in enumerate(texts))); tag = time.perf_counter() - t0
t0 = time.perf_counter(); list(tagger.tag(({"id": i, "text": t} for i, t in enumerate(texts)), evidence=False)); bare = time.perf_counter() - t0
print(json.dumps({"load_s": load, "tag_s": tag, "tag_no_evidence_s": bare, "labelled": sum(bool(r["labels"]) for r in rows)}))
"""
BASELINE = """
import json, os, sys, time
os.sched_setaffinity(0, {0})
import yaml
from casetagger.corpus import load_corpus
texts = [r["text"] for r in load_corpus()]
texts = (texts * (int(sys.argv[1]) // len(texts) + 1))[: int(sys.argv[1])]
keywords = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
t0 = time.perf_counter()
for text in texts:
    lowered = text.lower()
    [label for label, words in keywords.items() if any(w in lowered for w in words)]
search = time.perf_counter() - t0
t0 = time.perf_counter(); import spacy; spacy.blank("da"); blank = time.perf_counter() - t0  # imports included too
print(json.dumps({"keyword_s": search, "spacy_blank_load_s": blank}))
"""


def run(code: str, *args: str) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=5000)
    n = parser.parse_args().passages
    ours = run(TAG, str(n))
    base = run(BASELINE, str(n), str(ROOT / "pipeline" / "configs" / "keywords.yaml"))
    print(json.dumps({
        "passages": n,
        "labelled_share": round(ours["labelled"] / n, 2),
        "tag_passages_per_s_one_core": round(n / ours["tag_s"]),
        "tag_without_evidence_passages_per_s": round(n / ours["tag_no_evidence_s"]),
        "keyword_search_passages_per_s": round(n / base["keyword_s"]),
        "tag_vs_keyword_search_speed_ratio": round(base["keyword_s"] / ours["tag_s"], 2),
        "model_load_s": round(ours["load_s"], 3),
        "spacy_blank_da_load_s": round(base["spacy_blank_load_s"], 3),
        "load_ratio_vs_spacy_blank": round(ours["load_s"] / base["spacy_blank_load_s"], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
