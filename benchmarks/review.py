"""The review server under 20 concurrent reviewers, and masking on long words.

    python benchmarks/review.py [--reviewers 20] [--saves 5]

Builds an inventory (the council agenda and an action plan), starts `casetagger review` in its
own process, signs in --reviewers reviewers at once while a bystander fetches the sign-in page
(scrypt in the thread pool should not stall it), then has them save --saves decisions each, all
at once. Both are measured on this code and on the code of --baseline (before issue 16, taken
from git) in the same run, and reported as ratios.
Masking is timed on words of 20,000 and 200,000 letters: linear time gives a ratio near 10.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "texts")]

from casework import CASEWORK  # noqa: E402
from council import COUNCIL_AGENDA  # noqa: E402
from pdfgen import build_pdf  # noqa: E402

from casetagger.inventory.privacy import mask  # noqa: E402
from casetagger.inventory.run import run_inventory  # noqa: E402
from casetagger.review.store import ReviewStore  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sign_in(base: str, name: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    response = client.post("/login", data={"login_token": token, "name": name, "password": password})
    assert response.status_code == 303, response.status_code
    return client


def save_all(client: httpx.Client, passage_ids: list[str]) -> list[float]:
    times = []
    for passage_id in passage_ids:
        page = client.get(f"/p/{passage_id}").text
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
        started = time.perf_counter()
        response = client.post(f"/p/{passage_id}", data=dict(fields, labels=["klima"]))
        times.append(time.perf_counter() - started)
        assert response.status_code == 303, response.status_code
    return times


def timed_get(base: str, path: str) -> float:
    started = time.perf_counter()
    httpx.get(base + path, timeout=60)
    return time.perf_counter() - started


def summary(times: list[float]) -> str:
    times = sorted(times)
    return f"median {statistics.median(times) * 1000:.0f} ms, p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms"


def measure(src: Path, out: Path, names: list[str], passage_ids: list[str]) -> tuple[list[float], list[float]]:
    """Start the server from the code in ``src``; sign everyone in at once while a bystander
    fetches the sign-in page; then everyone saves at once. Returns (bystander's times, saves)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "casetagger", "review", str(out), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, PYTHONPATH=str(src)))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/login", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        with ThreadPoolExecutor(len(names) + 1) as pool:
            bystander = pool.submit(lambda: [timed_get(base, "/login") for _ in range(10)])
            clients = list(pool.map(lambda n: sign_in(base, n, f"{n}-adgangskode"), names))
            during = bystander.result()
            saves = [t for ts in pool.map(lambda c: save_all(c, passage_ids), clients) for t in ts]
    finally:
        server.kill()
        server.wait()
    return during, saves


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--baseline", default="ba5b38c", help="The commit to compare with (before issue 16).")
    args = parser.parse_args()

    for n in (20_000, 200_000):
        started = time.perf_counter()
        mask("x" * n)
        print(f"masking a {n:,}-letter word: {(time.perf_counter() - started) * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        docs, old = Path(tmp) / "docs", Path(tmp) / "baseline"
        docs.mkdir()
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline, "src"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        build_pdf(docs / "dagsorden.pdf", COUNCIL_AGENDA)
        build_pdf(docs / "handleplan.pdf", CASEWORK, header=("Gladsaxe Kommune", "Handleplan"), footer="Side {page}")
        names = [f"r{i:02d}" for i in range(args.reviewers)]
        results = {}
        for label, src in (("baseline " + args.baseline, old / "src"), ("this change", ROOT / "src")):
            out = Path(tmp) / label.replace(" ", "_")
            run_inventory([docs], out)
            store = ReviewStore(out)
            store.ensure_admin()
            for name in names:
                store.add_reviewer(name, f"{name}-adgangskode")
            passage_ids = [p["id"] for p in store.run.tagged_passages(store.run.get_meta("model")["model_version"])]
            store.close()
            results[label] = measure(src, out, names, passage_ids[:args.saves])

    for label, (during, saves) in results.items():
        print(f"{label}: sign-in page while {args.reviewers} sign in: {summary(during)}; "
              f"save with {args.reviewers} at once: {summary(saves)}")
    (old_during, old_saves), (new_during, new_saves) = results.values()
    print(f"ratios (this change / baseline, medians): sign-in page during sign-ins "
          f"{statistics.median(new_during) / statistics.median(old_during):.2f}, "
          f"save {statistics.median(new_saves) / statistics.median(old_saves):.2f}")


if __name__ == "__main__":
    main()
