"""The review app: sign-in, CSRF, escaping, decisions, idempotency, conflicts, progress, export."""

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from casework import CASEWORK
from fastapi.testclient import TestClient
from pdfgen import build_pdf
from typer.testing import CliRunner

from casetagger.cli import app as cli
from casetagger.inventory.run import run_inventory
from casetagger.review.app import create_app
from casetagger.corrections import corrections
from casetagger.review.queue import cohen_kappa
from casetagger.review.store import ReviewStore

PASSWORDS = {"anna": "anna-hemmelig-1", "bo": "bo-hemmelig-22"}


def add_reviewers(out: Path, reviewers: dict[str, str], admins=()) -> Path:
    store = ReviewStore(out)
    store.ensure_admin()
    for name, password in reviewers.items():
        store.add_reviewer(name, password, is_admin=name in admins)
    store.close()
    return out


def make_inventory(tmp_path_factory, council_pdf, reviewers: dict[str, str], agenda_name="dagsorden.pdf",
                   admins=()):
    """An inventory of the council agenda (under ``agenda_name``) and a plan, with reviewers: for
    tests that need a file name the session's inventory does not have."""
    docs = tmp_path_factory.mktemp("review_docs")
    shutil.copy(council_pdf, docs / agenda_name)
    build_pdf(docs / "handleplan.pdf", CASEWORK, header=("Gladsaxe Kommune", "Handleplan"), footer="Side {page}")
    out = tmp_path_factory.mktemp("review_inventory")
    run_inventory([docs], out)
    return add_reviewers(out, reviewers, admins)


@pytest.fixture(scope="module")
def with_reviewers(inventory, tmp_path_factory):
    """The session's inventory with an admin and two reviewers (scrypt is slow: once per module)."""
    return add_reviewers(Path(shutil.copytree(inventory[0], tmp_path_factory.mktemp("review") / "inventory")),
                         PASSWORDS)


@pytest.fixture
def folder(with_reviewers, tmp_path):
    """Each test reviews its own copy: no test sees another's decisions, in any order."""
    return Path(shutil.copytree(with_reviewers, tmp_path / "inventory"))


def signed_in(folder, name="anna", password=None, registry=None) -> TestClient:
    client = TestClient(create_app(folder, registry=registry))
    page = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/login", data={"login_token": token, "name": name, "password": password or PASSWORDS[name]},
                           follow_redirects=False)
    assert response.status_code == 303
    return client


def csrf(client, path="/") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def form_of(client, passage_id):
    page = client.get(f"/p/{passage_id}")
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text))
    return fields, page


def passages_of(folder):
    db = sqlite3.connect(folder / "casetagger.sqlite")
    return [json.loads(r[0]) for r in db.execute("SELECT record FROM passages ORDER BY doc_id, seq")]


def store_passages(folder):
    store = ReviewStore(folder)
    try:
        return store.run.tagged_passages(store.run.get_meta("model")["model_version"])
    finally:
        store.close()


def test_review_needs_sign_in_and_rejects_wrong_password(folder):
    client = TestClient(create_app(folder))
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    bad = client.post("/login", data={"login_token": token, "name": "anna", "password": "forkert"})
    assert bad.status_code == 401 and "Forkert navn" in bad.text
    assert client.post("/login", data={"name": "anna", "password": PASSWORDS["anna"]}).status_code == 403  # no token


def test_review_cookies_are_httponly_and_samesite(folder):
    client = TestClient(create_app(folder))
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    response = client.post("/login", data={"login_token": token, "name": "bo", "password": PASSWORDS["bo"]},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_review_escapes_hostile_passage_text(folder):
    client = signed_in(folder)
    hostile = next(p for p in passages_of(folder) if "<script>" in p["text"])
    for page in (client.get(f"/p/{hostile['id']}"), client.get("/?status=all&q=script")):
        assert "<script>alert" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_review_queue_orders_by_uncertainty_and_filters(folder):
    client = signed_in(folder)
    page = client.get("/?status=all")
    values = [float(v) for v in re.findall(r'<td class="num">([\d.]+)</td>', page.text)]
    assert values == sorted(values) and len(values) == len(passages_of(folder))
    only = client.get("/?status=all&document=handleplan.pdf").text
    assert "dagsorden.pdf" not in only.split("<table", 1)[1]
    assert "Tryg Hverdag" in client.get("/?status=all&q=tryg hverdag").text


def test_review_shows_page_image_with_box(folder):
    client = signed_in(folder)
    passage = passages_of(folder)[1]
    image = client.get(f"/page/{passage['id']}.png")
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
    view = client.get(f"/p/{passage['id']}").text
    assert f"/page/{passage['id']}.png" in view and passage["headings"][-1] in view


def test_review_save_needs_csrf(folder):
    client = signed_in(folder)
    passage = passages_of(folder)[2]
    assert client.post(f"/p/{passage['id']}", data={"labels": ["klima"]}).status_code == 403
    assert client.post(f"/p/{passage['id']}", data={"labels": ["klima"], "csrf": "x" * 64}).status_code == 403


def test_review_decision_is_stored_with_suggestion_and_audit(folder):
    client = signed_in(folder)
    passage = next(p for p in passages_of(folder) if "Kickstarter" in p["text"])
    fields, _ = form_of(client, passage["id"])
    data = dict(fields, labels=["erhverv", "sdg8", "groen"], case_name="Kickstarter", comment="<b>tjek</b>")
    response = client.post(f"/p/{passage['id']}", data=data, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/next")
    again = client.post(f"/p/{passage['id']}", data=data, follow_redirects=False)  # a retried request
    assert again.status_code == 303
    store = ReviewStore(folder)
    decision = store.decision(passage["id"], "anna")
    audit = [a for a in store.audit_log() if a["passage_id"] == passage["id"]]
    store.close()
    assert decision["version"] == 1 and len(audit) == 1  # saved once
    assert decision["labels"] == ["erhverv", "groen", "sdg8"] and "groen" in decision["added"]
    assert decision["model_version"].startswith("casetagger-da@") and decision["scores_shown"]["erhverv"] > 0
    suggested = set(next(p for p in store_passages(folder) if p["id"] == passage["id"])["labels"])
    assert set(decision["accepted"]) == suggested & {"erhverv", "sdg8", "groen"}
    assert set(decision["rejected"]) == suggested - {"erhverv", "sdg8", "groen"}
    assert json.loads(audit[0]["after"])["comment"] == "<b>tjek</b>"


def test_review_second_edit_of_same_decision_sees_conflict(folder):
    first, second = signed_in(folder, "bo"), signed_in(folder, "bo")  # two tabs, one reviewer
    passage = passages_of(folder)[5]
    form_a, _ = form_of(first, passage["id"])
    form_b, _ = form_of(second, passage["id"])
    assert first.post(f"/p/{passage['id']}", data=dict(form_a, labels=["klima"]), follow_redirects=False).status_code == 303
    conflict = second.post(f"/p/{passage['id']}", data=dict(form_b, labels=["lige"]), follow_redirects=False)
    assert conflict.status_code == 409 and "Intet er overskrevet" in conflict.text
    store = ReviewStore(folder)
    assert store.decision(passage["id"], "bo")["labels"] == ["klima"]
    store.close()


def test_review_two_reviewers_and_agreement(folder):
    anna, bo = signed_in(folder, "anna"), signed_in(folder, "bo")
    chosen = passages_of(folder)[6:10]
    for i, passage in enumerate(chosen):
        for client, labels in ((anna, ["sundhed"]), (bo, ["sundhed"] if i < 3 else ["lige"])):
            fields, _ = form_of(client, passage["id"])
            assert client.post(f"/p/{passage['id']}", data=dict(fields, labels=labels), follow_redirects=False).status_code == 303
    page = anna.get("/progress").text
    assert "Uenigheder at afgøre" in page and chosen[3]["text"][:40] in page
    assert "Mere sundhed og trivsel" in page


def test_review_kappa_hand_computed():
    # 10 items: both yes 4, both no 3, a yes b no 2, a no b yes 1 -> po 0.7, pe 0.6*0.5+0.4*0.5 = 0.5, kappa 0.4
    a = [True] * 4 + [False] * 3 + [True] * 2 + [False]
    b = [True] * 4 + [False] * 3 + [False] * 2 + [True]
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa([True, True], [True, True]) == 1.0 and cohen_kappa([], []) is None


def test_review_admin_adds_reviewers_others_cannot(folder):
    assert signed_in(folder, "anna").get("/admin").status_code == 403
    store = ReviewStore(folder)
    store.add_reviewer("chef", "chef-adgang-123", is_admin=True)
    store.close()
    admin = signed_in(folder, "chef", "chef-adgang-123")
    token = csrf(admin, "/admin")
    assert admin.post("/admin", data={"csrf": token, "name": "dorte", "password": "kort"}).status_code == 400
    assert "dorte er oprettet" in admin.post("/admin", data={"csrf": token, "name": "dorte", "password": "dorte-1234567"}).text


def test_review_audit_log_is_append_only(folder):
    db = sqlite3.connect(folder / "casetagger.sqlite")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit SET reviewer = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit")


def test_review_export_corrections_every_label_explicit(folder, tmp_path):
    decided = passages_of(folder)[3:6]
    for name, labels in (("anna", ["klima", "sdg13"]), ("bo", [])):
        client = signed_in(folder, name)
        for passage in decided:
            fields, _ = form_of(client, passage["id"])
            assert client.post(f"/p/{passage['id']}", data=dict(fields, labels=labels), follow_redirects=False).status_code == 303
    result = CliRunner().invoke(cli, ["export-corrections", str(folder), "--out", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and rows == json.loads(json.dumps(corrections(folder)))  # per passage and reviewer
    for row in rows:
        assert row["answer"] == "accept" and len(row["labels"]) == 13 and set(row["labels"].values()) <= {0, 1}
        assert sorted(l for l, v in row["labels"].items() if v) == sorted(row["accept"])
        assert row["meta"]["reviewer"] in PASSWORDS and row["meta"]["reviewed_at"]


def test_review_refuses_remote_address_without_flag(folder):
    result = CliRunner().invoke(cli, ["review", str(folder), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "--allow-remote" in result.stderr


def test_review_concurrent_saves_of_one_decision_never_both_win(folder):
    """Two tabs saving the same decision at the same moment: one wins, the other gets a conflict;
    the same request sent twice at once saves once."""
    import threading

    from casetagger.review.store import Conflict, Decision

    passages = passages_of(folder)[20:30]
    for passage in passages:
        outcomes, barrier = [], threading.Barrier(3)

        def attempt(labels, request_id, passage=passage, outcomes=outcomes, barrier=barrier):
            store = ReviewStore(folder)
            barrier.wait()
            try:
                outcomes.append(store.save(Decision(passage["id"], "anna", labels, [], {}, "m"), 0, request_id))
            except Conflict:
                outcomes.append("conflict")
            finally:
                store.close()

        threads = [threading.Thread(target=attempt, args=(["klima"], f"{passage['id']}-a")),
                   threading.Thread(target=attempt, args=(["lige"], f"{passage['id']}-b")),
                   threading.Thread(target=attempt, args=(["klima"], f"{passage['id']}-a"))]  # a retry of the first
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # whoever wins saves version 1; a retry of the winner gets the same answer, the loser a conflict
        assert sorted(map(str, outcomes)) in (["1", "1", "conflict"], ["1", "conflict", "conflict"])
        store = ReviewStore(folder)
        saved = store.decision(passage["id"], "anna")
        assert len([a for a in store.audit_log() if a["passage_id"] == passage["id"]]) == 1
        store.close()
        assert saved["version"] == 1


def test_review_logout_revokes_the_session_and_secret_is_private(folder):
    import stat

    client = signed_in(folder, "bo")
    cookie = client.cookies.get("casetagger_session")
    assert client.post("/logout", data={"csrf": csrf(client)}, follow_redirects=False).status_code == 303
    stolen = TestClient(create_app(folder))
    stolen.cookies.set("casetagger_session", cookie)
    assert stolen.get("/", follow_redirects=False).headers["location"] == "/login"
    for private in (folder / ".review-secret", folder / "casetagger.sqlite"):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600


def _case_edit(client, action, **fields):
    data = {"csrf": csrf(client, "/cases"), "action": action, "request_id": f"{action}-{sorted(fields.items())}"}
    data.update(fields)
    return client.post("/cases/edit", data=data, follow_redirects=False)


def _stored_cases(folder):
    from casetagger.inventory.case_store import reviewed_inventory

    store = ReviewStore(folder)
    try:
        return reviewed_inventory(store.db)
    finally:
        store.close()


def test_review_case_edits_are_durable_audited_and_exported_with_offsets(folder, tmp_path):
    work = folder
    before = _stored_cases(work)
    assert len(before.cases) >= 3 and before.findings  # stored at run time, findings without a name too
    first, second, third = before.cases[:3]
    client = signed_in(work)
    assert first.name in client.get("/cases").text and client.get(f"/cases/{first.key}").status_code == 200
    assert _case_edit(client, "rename", key=first.key, name="Omdøbt sag").status_code == 303
    assert _case_edit(client, "rename", key=first.key, name="Omdøbt sag").status_code == 303  # a retry saves once
    assert _case_edit(client, "merge", key=second.key, target=first.key).status_code == 303
    assert _case_edit(client, "reject", key=third.key).status_code == 303
    finding = before.findings[0]
    assert _case_edit(client, "attach", key=first.key, passage_id=finding.passage_id).status_code == 303
    assert _case_edit(client, "merge", key="findes-ikke", target=first.key).status_code == 409
    # a fresh app (a restart) and the store itself see every edit
    after = _stored_cases(work)
    merged = next(c for c in after.cases if c.key == first.key)
    assert merged.name == "Omdøbt sag" and merged.reviewed
    assert set(second.passages) <= set(merged.passages) and finding.passage_id in merged.passages
    assert third.key not in {c.key for c in after.cases} and third.key in {c.key for c in after.rejected}
    assert "Omdøbt sag" in signed_in(work).get("/cases").text
    if len(merged.passages) >= 2:
        moved = merged.passages[-1:]
        assert _case_edit(client, "split", key=first.key, name="Udskilt sag", passages=moved).status_code == 303
        split = next(c for c in _stored_cases(work).cases if c.name == "Udskilt sag")
        assert split.passages == moved
    store = ReviewStore(work)
    actions = [a["action"] for a in store.audit_log() if a["action"].startswith("case_")]
    store.close()
    assert actions[:4] == ["case_rename", "case_merge", "case_reject", "case_attach"]
    # the export carries each name's character offsets in its passage
    rows = [json.loads(line) for line in _export_cases(work, tmp_path / "spans.jsonl")]
    assert rows and all(row["text"][s["start"]:s["end"]] == s["text"] for row in rows for s in row["spans"])
    assert any(s["case"] == "Omdøbt sag" and s["reviewed"] for row in rows for s in row["spans"])
    assert any(row["rejected_spans"] for row in rows)


def _export_cases(folder, out):
    result = CliRunner().invoke(cli, ["export-cases", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8").splitlines()


def suggested_on_screen(client, passage_id) -> set[str]:
    page = client.get(f"/p/{passage_id}").text
    return set(re.findall(r'<label class="label suggested"[^>]*>\s*<input type="checkbox" name="labels" value="(\w+)"', page))


def test_review_shows_the_new_models_suggestions_after_models_use(folder, tmp_path):
    """A running app follows `models use` and `models rollback`: the next request re-tags the store."""
    from casetagger.model.registry import Registry
    from casetagger.model.tagger import Tagger
    from casetagger.resources import DEFAULT_MODEL

    copy = folder  # this test's own copy
    registry = Registry(tmp_path / "reg")
    eager = Tagger.load(DEFAULT_MODEL)  # the shipped model with every threshold near 0: it suggests every label
    eager = Tagger(eager.model, {label: 0.0001 for label in eager.labels}, eager.card)
    version = registry.add(eager)
    client = signed_in(copy, registry=registry.base)
    passage = next(p for p in passages_of(copy) if "Kickstarter" in p["text"])
    before = suggested_on_screen(client, passage["id"])
    assert before and before != set(eager.labels)

    used = CliRunner().invoke(cli, ["models", "use", version, "--registry", str(registry.base)])
    assert used.exit_code == 0, used.stderr
    assert suggested_on_screen(client, passage["id"]) == set(eager.labels)
    assert all(set(p["labels"]) == set(eager.labels) for p in store_passages(copy))

    assert CliRunner().invoke(cli, ["models", "rollback", "--registry", str(registry.base)]).exit_code == 0
    assert suggested_on_screen(client, passage["id"]) == before
