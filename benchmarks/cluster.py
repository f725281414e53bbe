"""`casetagger run` on a 2-worker Dask LocalCluster against `--jobs 2`, on a synthetic archive.

    python benchmarks/cluster.py [--pages 2000] [--pages-per-document 10]

Builds council agendas of about --pages-per-document pages until they hold --pages pages (the
test suite's PDF generator), then in the same run, each in a fresh process and output folder: the whole run with
the local pool of 2 workers (the baseline), the whole run on `--cluster local:2`, and the
cluster's fixed cost alone (start 2 workers, load the model in each, stop). Prints the overhead
per document of the cluster over the local pool, over the whole run and in the steady state
(first document stored to last: no start-up, no outputs), and the time the driver spends
writing each document to the store.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import make_document  # noqa: E402  the generator every benchmark uses

RUN = """
import sys, time
from pathlib import Path
from casetagger.ingest.batch import BatchLimits
from casetagger.inventory.run import run_inventory
from casetagger.inventory.store import RunStore
spent = [0.0, 0]
save = RunStore.save_document
def timed_save(self, *args):
    t = time.perf_counter(); save(self, *args); spent[0] += time.perf_counter() - t; spent[1] += 1
RunStore.save_document = timed_save
cluster = sys.argv[3] if sys.argv[3] != "none" else None
arrived = []
result = run_inventory([Path(sys.argv[1])], Path(sys.argv[2]), limits=BatchLimits(jobs=2), cluster=cluster,
                       on_document=lambda d: arrived.append(time.perf_counter()))
assert result.cases and not [d for d in result.parsed if d.status.value == "FAILURE"]
print("save", spent[0], arrived[-1] - arrived[0], result.passages)
"""
START = """
from pathlib import Path
from distributed import Client
from casetagger.ingest.batch import BatchLimits
from casetagger.inventory import cluster
from casetagger.model.registry import resolve_model
t1 = time.perf_counter()  # after the imports, which the runs pay alike
client = Client(cluster.local_cluster(2, BatchLimits()))
client.register_plugin(cluster.TaggerPlugin(resolve_model(None)), name=cluster.PLUGIN)
cluster.close(client)
print(time.perf_counter() - t1)
"""


def _output(code: str, *args: str) -> list[str]:
    script = f"import time\nt0 = time.perf_counter()\n{code}\nprint(time.perf_counter() - t0)"
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          check=True).stdout.splitlines()


def _saved(code: str, *args: str) -> tuple[float, float, float, int]:
    """Wall seconds of the run, the driver's seconds in ``save_document``, seconds from the first
    document stored to the last (the steady state, without start-up and outputs), passages."""
    lines = _output(code, *args)
    _, save_s, steady_s, passages = lines[-2].split()
    return float(lines[-1]), float(save_s), float(steady_s), int(passages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--pages-per-document", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        pages = docs = 0
        while pages < args.pages:
            pages += make_document(folder / f"referat_{docs:04d}.pdf", args.pages_per_document, f"Udvalg {docs}")
            docs += 1
        local_s, _, local_steady_s, passages = _saved(RUN, str(folder), str(Path(tmp) / "local"), "none")
        dask_s, dask_save_s, dask_steady_s, _ = _saved(RUN, str(folder), str(Path(tmp) / "dask"), "local:2")
        fixed_s = float(_output(START)[-1])
    print(json.dumps({
        "pages": pages,
        "documents": docs,
        "passages": passages,
        "jobs_2_seconds": round(local_s, 1),
        "jobs_2_pages_per_s": round(pages / local_s, 1),
        "cluster_2_workers_seconds": round(dask_s, 1),
        "cluster_2_workers_pages_per_s": round(pages / dask_s, 1),
        "ratio_cluster_vs_jobs_2": round(local_s / dask_s, 2),
        "cluster_fixed_seconds": round(fixed_s, 1),
        "overhead_ms_per_document": round(1000 * (dask_s - local_s) / docs, 1),
        "steady_ms_per_document_jobs_2": round(1000 * local_steady_s / (docs - 1), 1),
        "steady_ms_per_document_cluster": round(1000 * dask_steady_s / (docs - 1), 1),
        "overhead_ms_per_document_steady": round(1000 * (dask_steady_s - local_steady_s) / (docs - 1), 1),
        "driver_store_ms_per_document": round(1000 * dask_save_s / docs, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
