"""The review app under attack and under faults: sign-in back-off, no user enumeration, scrypt off
the event loop, read-only store and full disk as messages, bad form input as 400, masked file
names, capped page rendering, and the items from a new user's trial."""

import asyncio
import io
import re
import shutil
import stat

import pytest
from fastapi.testclient import TestClient
from hostile import write_hostile
from test_review import make_inventory

from casetagger.review import auth
from casetagger.review.app import create_app
from casetagger.review.auth import SignInGuard
from casetagger.review.pages import MAX_PIXELS, RenderError, page_png
from casetagger.review.queue import MIN_DOUBLE_REVIEWED, progress
from casetagger.inventory.store import RunStore
from casetagger.review.store import ReviewStore
from casetagger.taxonomy import Taxonomy

PASSWORDS = {"admin2": "admin-adgang-99", "anna": "anna-hemmelig-1", "bo": "bo-hemmelig-22"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory, council_pdf):
    # a file name with a CPR and a phone number in it, as complaints are often filed
    return make_inventory(tmp_path_factory, council_pdf, PASSWORDS,
                          agenda_name="klage fra 120384-1234 tlf 39 57 50 00.pdf", admins=("admin2",))


@pytest.fixture
def copy(folder, tmp_path):
    """A copy of the inventory a test may break."""
    target = tmp_path / "inventory"
    shutil.copytree(folder, target)
    return target


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def attempt(client, name, password):
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    return client.post("/login", data={"login_token": token, "name": name, "password": password},
                       follow_redirects=False)


def signed_in(folder, name="anna", **kw) -> TestClient:
    client = TestClient(create_app(folder, **kw))
    assert attempt(client, name, PASSWORDS[name]).status_code == 303
    return client


def csrf(client, path="/") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def first_passage(client) -> str:
    return re.search(r'href="/p/([^"?]+)\?', client.get("/?status=all").text).group(1)


def form_of(client, passage_id):
    page = client.get(f"/p/{passage_id}")
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text)), page


def test_review_sign_in_backs_off_per_account_after_five_failures(folder):
    """200 wrong passwords in 20 s, then the right one worked: no rate limit, no lockout."""
    clock = Clock()
    client = TestClient(create_app(folder, guard=SignInGuard(clock)))
    for _ in range(5):
        assert attempt(client, "anna", "forkert-gæt").status_code == 401
    refused = attempt(client, "anna", PASSWORDS["anna"])  # right, but too soon: not even checked
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    clock.now += 1.5
    assert attempt(client, "anna", "forkert-gæt").status_code == 401  # the sixth failure: 2 s now
    clock.now += 1.5
    assert attempt(client, "anna", PASSWORDS["anna"]).status_code == 429
    clock.now += 1.0
    assert attempt(client, "anna", PASSWORDS["anna"]).status_code == 303


def test_review_sign_in_backs_off_per_address_across_names(folder):
    """Guessing one password each for many names from one address is slowed down too."""
    clock = Clock()
    client = TestClient(create_app(folder, guard=SignInGuard(clock)))
    for name in ("a1", "b2", "c3", "d4", "e5"):
        assert attempt(client, name, "sommer2025").status_code == 401
    assert attempt(client, "bo", PASSWORDS["bo"]).status_code == 429
    clock.now += 2
    assert attempt(client, "bo", PASSWORDS["bo"]).status_code == 303


def test_review_unknown_name_costs_the_same_work_as_a_known_one(folder, monkeypatch):
    """Unknown names answered 15x faster: the timing told which names are reviewers."""
    calls = []
    real = auth.check_password
    monkeypatch.setattr(auth, "check_password", lambda password, stored: calls.append(stored) or real(password, stored))
    store = ReviewStore(folder)
    try:
        assert not store.authenticate("ingen-saadan", "gæt-et-kodeord")
        assert not store.authenticate("anna", "gæt-et-kodeord")
    finally:
        store.close()
    assert len(calls) == 2 and all(stored.startswith("scrypt$") for stored in calls)


def test_review_scrypt_runs_off_the_event_loop(folder, monkeypatch):
    """scrypt ran on the event loop and stalled every other request while it worked."""
    on_loop = []

    def check(password, stored):
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return False

    monkeypatch.setattr(auth, "check_password", check)
    client = TestClient(create_app(folder))
    assert attempt(client, "anna", "forkert-gæt").status_code == 401
    assert on_loop == [False]


def test_review_non_numeric_version_is_a_400_not_a_500(folder):
    client = signed_in(folder)
    passage_id = first_passage(client)
    fields, _ = form_of(client, passage_id)
    response = client.post(f"/p/{passage_id}", data=dict(fields, version="1e3"), follow_redirects=False)
    assert response.status_code == 400 and "version" in response.text


def test_review_read_only_store_stays_read_only_and_says_so(copy):
    """A store its owner made read-only was silently made writable; a save then gave a 500."""
    client = signed_in(copy)  # signed in while writable: the session is only a cookie
    passage_id = first_passage(client)
    fields, _ = form_of(client, passage_id)
    (copy / "casetagger.sqlite").chmod(0o400)
    client = TestClient(create_app(copy), cookies=client.cookies)
    assert stat.S_IMODE((copy / "casetagger.sqlite").stat().st_mode) == 0o400
    assert client.get(f"/p/{passage_id}").status_code == 200  # reading still works
    response = client.post(f"/p/{passage_id}", data=dict(fields, labels=["klima"]), follow_redirects=False)
    assert response.status_code == 503 and "[E401]" in response.text and "Traceback" not in response.text
    assert stat.S_IMODE((copy / "casetagger.sqlite").stat().st_mode) == 0o400


def test_review_full_disk_is_a_message_not_a_500(copy, monkeypatch):
    """Disk full gave a 500 page and a traceback."""
    client = signed_in(copy)
    passage_id = first_passage(client)
    fields, _ = form_of(client, passage_id)
    real = RunStore._connect  # the run's store, which the review's holds

    def full(self):  # the store may not grow by a page: what SQLite meets on a full disk
        connection = real(self)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(RunStore, "_connect", full)
    client = TestClient(create_app(copy), cookies=client.cookies)
    response = client.post(f"/p/{passage_id}", data=dict(fields, comment="x" * 200_000), follow_redirects=False)
    assert response.status_code == 503 and "[E402]" in response.text


def test_review_store_opens_a_connection_per_thread_not_per_request(folder, monkeypatch):
    """Every request opened a connection, chmodded the file and ran the schema scripts."""
    opened = []
    real = RunStore._connect  # the run's store, which the review's holds
    monkeypatch.setattr(RunStore, "_connect", lambda self: opened.append(1) or real(self))
    scripts = []
    real_init = ReviewStore.__init__
    monkeypatch.setattr(ReviewStore, "__init__", lambda self, f: scripts.append(1) or real_init(self, f))
    with TestClient(create_app(folder)) as client:  # one event loop and its thread pool, as in a server
        assert attempt(client, "anna", PASSWORDS["anna"]).status_code == 303
        for _ in range(30):
            assert client.get("/").status_code == 200
    assert len(scripts) == 1  # one store, its schema applied once
    assert len(opened) < 10  # one per thread of the pool that served a request


def test_review_file_names_with_personal_data_are_masked(folder):
    client = signed_in(folder)
    pages = [client.get("/?status=all").text, client.get(f"/p/{first_passage(client)}").text, client.get("/progress").text]
    for page in pages:
        assert "120384-1234" not in page and "39 57 50 00" not in page
    assert "[CPR-nr.]" in pages[0]


def test_review_huge_page_is_drawn_within_the_pixel_cap(tmp_path):
    """One 14400 pt page took the server from 90 MB to 4.1 GB in its own process."""
    from PIL import Image

    huge = write_hostile(tmp_path)["huge_page.pdf"]
    image = Image.open(io.BytesIO(page_png(str(huge), 1, ((72.0, 60.0, 300.0, 80.0),))))
    assert image.width * image.height <= MAX_PIXELS


def test_review_page_drawing_is_stopped_at_its_memory_cap(tmp_path):
    pdf = write_hostile(tmp_path)["huge_page.pdf"]
    with pytest.raises(RenderError, match="more than 1 MB|could not be drawn"):
        page_png(str(pdf), 1, (), max_memory_mb=1)


def test_review_kappa_only_from_twenty_doubly_reviewed_passages():
    """Kappa was shown from a single passage judged by two reviewers."""
    taxonomy = Taxonomy.load()
    label = taxonomy.ids[0]

    def figures(n):
        passages = [{"id": f"p{i}", "file": "a.pdf", "labels": [label]} for i in range(n)]
        decisions = [{"passage_id": f"p{i}", "reviewer": r, "labels": [label] if i % 3 or r == "a" else []}
                     for i in range(n) for r in ("a", "b")]
        return progress(passages, decisions, taxonomy)

    few = figures(MIN_DOUBLE_REVIEWED - 1)
    assert few["too_few"] and all(k is None for k in few["kappa"].values())
    enough = figures(MIN_DOUBLE_REVIEWED)
    assert not enough["too_few"] and enough["kappa"][label] is not None


def test_review_shows_margin_to_threshold_and_the_threshold_beside_each_score(folder):
    client = signed_in(folder)
    assert "Afstand til tærskel" in client.get("/").text and "Usikkerhed" not in client.get("/").text
    page = client.get(f"/p/{first_passage(client)}").text
    assert re.search(r'class="score">\d\.\d\d <span class="muted">/ tærskel \d\.\d\d</span>', page)
    assert "Mindst 20" not in page


def test_review_admin_resets_a_password_and_removes_a_reviewer_audited(copy):
    """An admin could neither reset a password nor remove a reviewer."""
    bo, anna = signed_in(copy, "bo"), signed_in(copy, "anna")
    passage_id = first_passage(bo)
    fields, _ = form_of(bo, passage_id)
    assert bo.post(f"/p/{passage_id}", data=dict(fields, labels=["klima"]), follow_redirects=False).status_code == 303
    admin = signed_in(copy, "admin2")
    token = csrf(admin, "/admin")
    reset = admin.post("/admin", data={"csrf": token, "action": "reset", "name": "anna", "password": "ny-adgang-12345"})
    assert reset.status_code == 200 and "ny adgangskode" in reset.text
    assert anna.get("/", follow_redirects=False).status_code == 303  # signed in with the old password: out
    client = TestClient(create_app(copy))
    assert attempt(client, "anna", PASSWORDS["anna"]).status_code == 401
    assert attempt(client, "anna", "ny-adgang-12345").status_code == 303
    assert client.get("/").status_code == 200  # a session after the reset works
    removed = admin.post("/admin", data={"csrf": token, "action": "remove", "name": "bo"})
    assert removed.status_code == 200 and "bo er fjernet" in removed.text
    assert bo.get("/", follow_redirects=False).status_code == 303  # the session no longer works
    assert admin.post("/admin", data={"csrf": token, "action": "remove", "name": "admin2"}).status_code == 400
    store = ReviewStore(copy)
    try:
        assert store.decision(passage_id, "bo")["labels"] == ["klima"]  # decisions stay
        actions = [(e["reviewer"], e["action"]) for e in store.audit_log()]
    finally:
        store.close()
    assert ("admin2", "password_reset") in actions and ("admin2", "account_removed") in actions
    assert not any("scrypt$" in (e or "") for e in map(str, actions))
