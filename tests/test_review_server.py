"""The review app as a real server: durable after SIGKILL, and driven by a real browser."""

import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from casetagger.review.store import ReviewStore

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def folder(inventory_copy):
    out = inventory_copy
    store = ReviewStore(out)
    store.ensure_admin()
    store.add_reviewer("anna", "anna-hemmelig-1")
    store.close()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "casetagger", "review", str(folder), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("review server did not start")


def sign_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    assert client.post("/login", data={"login_token": token, "name": "anna", "password": "anna-hemmelig-1"}).status_code == 303
    return client


def test_review_server_saves_survive_sigkill(folder):
    port = free_port()
    server = start_server(folder, port)
    try:
        client = sign_in(f"http://127.0.0.1:{port}")
        ids = [r[0] for r in sqlite3.connect(folder / "casetagger.sqlite").execute("SELECT id FROM passages LIMIT 15")]
        for passage_id in ids:
            page = client.get(f"/p/{passage_id}").text
            fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
            response = client.post(f"/p/{passage_id}", data=dict(fields, labels=["groen"], comment="set"))
            assert response.status_code == 303  # acknowledged
    finally:
        server.send_signal(signal.SIGKILL)  # no shutdown, no flush: only what was committed survives
        server.wait()
    server = start_server(folder, port)
    try:
        client = sign_in(f"http://127.0.0.1:{port}")
        assert client.get(f"/p/{ids[-1]}").text.count("version 1") == 1
    finally:
        server.terminate()
        server.wait()
    saved = sqlite3.connect(folder / "casetagger.sqlite").execute(
        "SELECT passage_id, labels FROM decisions WHERE reviewer = 'anna'").fetchall()
    assert sorted(saved) == sorted((i, '["groen"]') for i in ids)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)")
def test_review_browser_keyboard_review_of_three_passages(folder):
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(folder, port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/login")
            page.fill("input[name=name]", "anna")
            page.fill("input[name=password]", "anna-hemmelig-1")
            page.click("button[type=submit]")
            page.wait_for_url(f"http://127.0.0.1:{port}/")
            page.click("text=Start gennemgang")
            reviewed = []
            for _ in range(3):
                page.wait_for_selector("#decision")
                passage_id = page.url.split("/p/")[1].split("?")[0]
                first = page.locator("fieldset.labels input").first
                before = first.is_checked()
                page.keyboard.press("1")  # toggles the first label
                assert first.is_checked() is not before
                reviewed.append((passage_id, not before))
                with page.expect_navigation():
                    page.keyboard.press("Enter")
            page.keyboard.press("?")
            assert page.is_visible("#help")
            browser.close()
    finally:
        server.terminate()
        server.wait()
    db = sqlite3.connect(folder / "casetagger.sqlite")
    rows = dict(db.execute("SELECT passage_id, labels FROM decisions WHERE reviewer = 'anna'").fetchall())
    assert len(reviewed) == 3 and len(set(p for p, _ in reviewed)) == 3
    for passage_id, first_on in reviewed:
        assert ('"klima"' in rows[passage_id]) is first_on  # klima is the taxonomy's first label
