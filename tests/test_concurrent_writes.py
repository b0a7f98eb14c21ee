"""Writes that lose nothing (issue 9), on SQLite and PostgreSQL: N ``raadhuis import`` processes
and N API clients writing into one organisation at once; afterwards every read model equals the
replay of the record log, no version row is there twice, and the counts add up. The write-skew
pair (one import dissolves a unit, another adds a post to it later): exactly one lands, the
other is told where it conflicts. A kill -9 in the middle of an import changes nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.engine import build_history
from raadhuis.domain.model import View
from raadhuis.formats.dataset import dump_dataset
from raadhuis.formats.text import parse
from raadhuis.services import register
from raadhuis.store import repository as repo
from raadhuis.store.database import Store, lock_key
from raadhuis.store.tables import Changeset, EventRow, PostVersion, Record, UnitVersion
from tests.conftest import _pg_available, need
from tests.live import RAADHUIS, child_env, live_server, pg_schema_url, raadhuis, sqlite_url

N = 6
ORG = "GM0168"
BASE = """format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser, kind: gemeente}
units:
  - {id: CON, name: Concern, kind: concern, from: 2009, assumption: true}
  - {id: OW, name: Openbare Werken, kind: afdeling, parent: CON, from: 2009, assumption: true}
posts:
  - {id: p0, unit: OW, title: Beleidsmedewerker, fte: 1, from: 2009, assumption: true}
"""


def writer_dataset(i: int) -> str:
    """One writer's change: a unit of its own under the concern, with a post, on a day of its own."""
    return f"""format: raadhuis/1
organisation: GM0168
events:
  - {{id: w{i}, type: establish, date: 2020-01-{i + 1:02d}, assumption: true,
     unit: {{id: U{i}, name: Eenheid {i}, kind: team, parent: CON}}}}
  - {{id: w{i}p, type: add_post, date: 2020-02-{i + 1:02d}, assumption: true,
     post: {{id: q{i}, unit: U{i}, title: Adviseur {i}, fte: 0.5}}}}
"""


@pytest.fixture(params=["sqlite", "postgres"])
def opened(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A store and the URL by which other processes open the same database."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "r.sqlite")
        store = Store(url)
        yield store, url
        store.dispose()
        return
    need(_pg_available(), "PostgreSQL")
    with pg_schema_url() as url:
        store = Store(url)
        yield store, url
        store.dispose()


def seed(store: Store, tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(BASE, "utf-8")
    register.import_dataset(store, base, who="test", reason="basis")


def assert_read_models_are_the_replay(store: Store, org: str = ORG) -> None:
    """Every read model of ``org`` equals what the engine builds from the record log, and no
    version row is there twice."""
    with store.session() as s:
        events = repo.events_of(s, org)
        for view in View:
            history = build_history(events, org, view)
            stored = repo.stored_view(s, org, view)
            units = s.execute(
                select(UnitVersion.unit_id, UnitVersion.valid_from, UnitVersion.valid_to, UnitVersion.name).where(
                    UnitVersion.organisation == org, UnitVersion.view == stored
                )
            ).all()
            posts = s.execute(
                select(PostVersion.post_id, PostVersion.valid_from, PostVersion.valid_to, PostVersion.fte).where(
                    PostVersion.organisation == org, PostVersion.view == stored
                )
            ).all()
            assert len(units) == len(set(units)) and len(posts) == len(set(posts)), "a version row twice"
            assert sorted(units) == sorted((v.id, v.valid_from, v.valid_to, v.value.name) for v in history.units)
            assert sorted(posts) == sorted((v.id, v.valid_from, v.valid_to, v.value.fte) for v in history.posts)
        rows = s.scalar(select(func.count()).select_from(EventRow).where(EventRow.organisation == org))
        assert rows == len(events)


def event_records(store: Store, org: str = ORG) -> int:
    with store.session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Record)
                .where(Record.kind == "event", Record.organisation == org, Record.superseded_at.is_(None))
            )
            or 0
        )


def test_n_import_processes_at_once_lose_nothing(opened: tuple[Store, str], tmp_path: Path) -> None:
    store, url = opened
    seed(store, tmp_path)
    before = event_records(store)
    files = []
    for i in range(N):
        files.append(tmp_path / f"w{i}.yaml")
        files[-1].write_text(writer_dataset(i), "utf-8")
    # All of them start while the test holds the organisation's write lock, and it lets go only
    # once every one is at the lock: then they all ask at once, which is the case to get right.
    with store.write([ORG]) as held:
        held.execute(select(1))
        procs = [
            subprocess.Popen(
                [*RAADHUIS, "--db", url, "import", str(f), "-m", f"schrijver {i}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=child_env({"RAADHUIS_WRITE_TIMEOUT": "300"}),
            )
            for i, f in enumerate(files)
        ]
        _until_all_wait(procs, url, store)
    results = [p.communicate(timeout=240) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    assert event_records(store) == before + 2 * N
    assert_read_models_are_the_replay(store)
    shown = register.show(store, ORG, date(2021, 1, 1))
    assert {f"U{i}" for i in range(N)} <= {u["id"] for u in shown["units"]}
    assert shown["totals"]["posts"] == 1 + N
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Changeset)) == 1 + N  # one per write, nothing lost


def _until_all_wait(procs: list[subprocess.Popen[str]], url: str, store: Store) -> None:
    """Until every process waits for the write lock: on PostgreSQL, as many advisory locks
    asked for and not granted; on SQLite (which cannot be asked) every process has the
    database open, and half a second more for the few milliseconds to its BEGIN IMMEDIATE."""
    for _ in range(6000):  # at most a minute
        if any(p.poll() is not None for p in procs):
            return  # one ended early; the assertions say why
        if url.startswith("sqlite"):
            db = os.path.realpath(url.removeprefix("sqlite:///"))
            if all(_has_open(p.pid, db) for p in procs):
                threading.Event().wait(0.5)
                return
        else:
            with store.engine.connect() as conn:
                waiting = conn.execute(
                    text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                ).scalar()
            if (waiting or 0) >= len(procs):
                return
        threading.Event().wait(0.01)


def _has_open(pid: int, path: str) -> bool:
    try:
        return any(os.path.realpath(f"/proc/{pid}/fd/{fd}") == path for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


def test_n_api_clients_at_once_lose_nothing(opened: tuple[Store, str], tmp_path: Path) -> None:
    store, _url = opened
    seed(store, tmp_path)
    before = event_records(store)
    with live_server(store) as url, httpx.Client(base_url=url, timeout=120) as http:

        def post(i: int) -> httpx.Response:
            events = parse(writer_dataset(i), "yaml")["events"]
            return http.post(f"/api/v1/organisations/{ORG}/events", params={"reason": f"client {i}"}, json=events)

        with ThreadPoolExecutor(N) as pool:
            answers = list(pool.map(post, range(N)))
        assert [a.status_code for a in answers] == [201] * N, [a.text for a in answers]
        shown = http.get(f"/api/v1/organisations/{ORG}", params={"at": "2021-01-01"}).json()
    assert event_records(store) == before + 2 * N
    assert_read_models_are_the_replay(store)
    assert shown["totals"]["posts"] == 1 + N  # what the API shows after the writes is the replay


DISSOLVE = """format: raadhuis/1
organisation: GM0168
events:
  - {id: opheffen, type: dissolve, date: 2021-01-01, unit: OW, assumption: true}
"""
ADD_POST = """format: raadhuis/1
organisation: GM0168
events:
  - {id: erbij, type: add_post, date: 2021-06-01, assumption: true,
     post: {id: p9, unit: OW, title: Projectleider, fte: 1}}
"""


@contextmanager
def first_holds_the_lock(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Make the two writers overlap for certain: the first, once it has checked its dataset
    inside the write lock, waits until the second has asked for the lock (and a moment more,
    so that it is really waiting) before it writes and commits. Yields the event that says
    the first has checked: start the second after it."""
    checked, second_asks = threading.Event(), threading.Event()
    original_write, original_check = Store.write, register.check_decoded

    def write(self: Store, *args: Any, **kwargs: Any) -> Any:
        if checked.is_set():
            second_asks.set()
        return original_write(self, *args, **kwargs)

    def check(*args: Any, **kwargs: Any) -> None:
        original_check(*args, **kwargs)
        if not checked.is_set():
            checked.set()
            assert second_asks.wait(20)
            threading.Event().wait(0.3)  # the second writer is now blocked on the lock

    monkeypatch.setattr(Store, "write", write)
    monkeypatch.setattr(register, "check_decoded", check)
    yield checked


@pytest.mark.parametrize("first", ["dissolve", "add_post"])
def test_write_skew_one_lands_the_other_is_told_where(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    seed(store, tmp_path)
    files = {"dissolve": tmp_path / "opheffen.yaml", "add_post": tmp_path / "erbij.yaml"}
    files["dissolve"].write_text(DISSOLVE, "utf-8")
    files["add_post"].write_text(ADD_POST, "utf-8")
    second = "add_post" if first == "dissolve" else "dissolve"
    outcome: dict[str, Any] = {}

    def run(which: str) -> None:
        try:
            outcome[which] = register.import_dataset(store, files[which], who=which, reason="skew")
        except InputErrors as exc:
            outcome[which] = exc

    with first_holds_the_lock(monkeypatch) as checked:
        a = threading.Thread(target=run, args=(first,))
        a.start()
        assert checked.wait(20)
        b = threading.Thread(target=run, args=(second,))
        b.start()
        a.join(60)
        b.join(60)
    assert isinstance(outcome[first], register.ImportResult) and outcome[first].changeset
    refused = outcome[second]
    assert isinstance(refused, InputErrors), "both landed: the write skew is back"
    [error] = refused.errors
    assert error.file == str(files[second])
    if second == "add_post":
        assert (error.line, error.field) == (5, "events[0].post.unit")
        assert error.message == "unit 'OW' does not exist on 2021-06-01"
    else:
        assert (error.line, error.field) == (4, "events[0]")
        assert error.message == (
            "event 'erbij' already in the register (on 2021-06-01) no longer fits: unit 'OW' does not exist on 2021-06-01"
        )
        assert "gebeurtenis 'erbij' die al in het register staat" in error.text("nl")
    assert_read_models_are_the_replay(store)
    # The organisation stays usable: its export reads back unchanged, another import lands.
    again = tmp_path / "export.yaml"
    again.write_text(dump_dataset(register.export_dataset(store, ORG)), "utf-8")
    assert register.import_dataset(store, again, who="test", reason="round trip").changed is False
    more = tmp_path / "more.yaml"
    more.write_text(writer_dataset(1), "utf-8")
    assert register.import_dataset(store, more, who="test", reason="after").changeset


def test_a_write_that_waits_too_long_is_told_in_dutch_and_writes_nothing(
    opened: tuple[Store, str], tmp_path: Path
) -> None:
    store, url = opened
    seed(store, tmp_path)
    before = event_records(store)
    path = tmp_path / "w0.yaml"
    path.write_text(writer_dataset(0), "utf-8")
    with store.write([ORG]) as s:  # another change being saved, holding the lock
        s.execute(select(1))
        done = raadhuis(url, "import", str(path), env={"RAADHUIS_WRITE_TIMEOUT": "0.5"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert (
        "er wordt al een andere wijziging opgeslagen; probeer het zo opnieuw (een wijziging wacht hoogstens 0.5 s"
        in done.stderr
    )
    assert event_records(store) == before


def large_dataset(units: int = 150, posts: int = 1500) -> dict[str, Any]:
    """An organisation large enough that its import takes a while: units under a concern,
    posts spread over them, each changing its FTE once."""
    org = "GM9000"
    return {
        "format": "raadhuis/1",
        "organisation": org,
        "organisations": [{"id": org, "name": "Synthetica", "kind": "gemeente", "assumption": True}],
        "units": [{"id": "C", "name": "Concern", "kind": "concern", "from": "2005", "assumption": True}]
        + [
            {
                "id": f"U{i}",
                "name": f"Afdeling {i}",
                "kind": "afdeling",
                "parent": "C",
                "from": "2005",
                "assumption": True,
            }
            for i in range(units)
        ],
        "posts": [
            {
                "id": f"P{i}",
                "unit": f"U{i % units}",
                "title": f"Medewerker {i}",
                "fte": 1.0,
                "from": "2005",
                "to": "2015",
                "assumption": True,
            }
            for i in range(posts)
        ]
        + [
            {
                "id": f"P{i}",
                "unit": f"U{i % units}",
                "title": f"Medewerker {i}",
                "fte": 0.8,
                "from": "2015",
                "assumption": True,
            }
            for i in range(posts)
        ],
    }


def _holds_write_lock(url: str, store: Store, org: str) -> bool:
    """Whether some other process holds the organisation's write lock now."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.rollback()
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    with store.engine.connect() as conn:
        got = conn.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": lock_key(f"organisation:{org}")})
        free = bool(got.scalar())
        conn.rollback()
        return not free


def test_kill_9_during_an_import_changes_nothing(opened: tuple[Store, str], tmp_path: Path) -> None:
    store, url = opened
    seed(store, tmp_path)
    big = large_dataset()
    path = tmp_path / "groot.json"
    path.write_text(json.dumps(big), "utf-8")
    with store.session() as s:
        before = (
            s.scalar(select(func.count()).select_from(Changeset)),
            s.scalar(select(func.count()).select_from(Record)),
        )
    proc = subprocess.Popen(
        [*RAADHUIS, "--db", url, "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        while proc.poll() is None and not _holds_write_lock(url, store, big["organisation"]):
            threading.Event().wait(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    with store.session() as s:
        after = (
            s.scalar(select(func.count()).select_from(Changeset)),
            s.scalar(select(func.count()).select_from(Record)),
        )
    assert after == before
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    assert_read_models_are_the_replay(store)
    done = raadhuis(url, "import", str(path), timeout=300)
    assert done.returncode == 0, done.stderr
    assert_read_models_are_the_replay(store, big["organisation"])
