"""Quick self-check for a corpus batch file: python corpus/raw/selfcheck.py FILE.jsonl"""
import json, re, sys, collections, itertools

LABELS = {"klima", "groen", "erhverv", "lige", "boern", "sundhed",
          "sdg3", "sdg4", "sdg8", "sdg11", "sdg12", "sdg13", "sdg17"}
GENRES = {"dagsorden", "referat", "opfoelgning", "handleplan", "nyhed", "budget", "hoeringssvar"}

def shingles(text, n=5):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
problems = []
ids = collections.Counter(r["id"] for r in rows)
problems += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
for r in rows:
    n = len(r["text"].split())
    if not 30 <= n <= 200:
        problems.append(f"{r['id']}: {n} words (need 30-200)")
    bad = set(r["labels"]) - LABELS
    if bad:
        problems.append(f"{r['id']}: unknown labels {bad}")
    if r.get("genre") not in GENRES:
        problems.append(f"{r['id']}: unknown genre {r.get('genre')}")
    if not r.get("municipality"):
        problems.append(f"{r['id']}: no municipality")
sh = [shingles(r["text"]) for r in rows]
for (i, a), (j, b) in itertools.combinations(enumerate(sh), 2):
    jac = len(a & b) / max(1, len(a | b))
    if jac >= 0.3:
        problems.append(f"near-duplicate {rows[i]['id']} ~ {rows[j]['id']} (5-gram Jaccard {jac:.2f})")
openings = collections.Counter(" ".join(r["text"].lower().split()[:3]) for r in rows)
problems += [f"{c} passages open with '{o}'" for o, c in openings.items() if c > 3]
labels = collections.Counter(l for r in rows for l in r["labels"])
print("passages:", len(rows), " no-label:", sum(not r["labels"] for r in rows),
      " 2+ labels:", sum(len(r["labels"]) >= 2 for r in rows))
print("labels:", dict(sorted(labels.items())))
print("genres:", dict(collections.Counter(r["genre"] for r in rows)))
print("municipalities:", len({r["municipality"] for r in rows}))
print("\n".join(problems) if problems else "no problems")
