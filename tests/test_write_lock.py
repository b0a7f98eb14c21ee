"""The write lock (issue 9) on SQLite and PostgreSQL: a second writer of the same organisation
waits for the first, and gives up after the write timeout with a clear error; writers of
different organisations on PostgreSQL do not wait for each other; a database opened by many
processes at once is migrated once."""

from __future__ import annotations

import subprocess
import sys
import threading
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import func, select

from raadhuis.i18n.errors import translate
from raadhuis.store import database
from raadhuis.store.database import Store, WriteBusy
from raadhuis.store.repository import now
from raadhuis.store.tables import Changeset
from tests.live import child_env, pg_schema_url, sqlite_url


def test_a_second_writer_waits_then_gives_up_with_a_clear_error(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_WRITE_TIMEOUT", "0.3")
    # Two transactions on two connections of one pool, as two threads of a server.
    with store.write(["GM0168"]) as s:
        s.add(Changeset(recorded_at=now(), recorded_by="first", reason="", origin=""))
        s.flush()
        with pytest.raises(WriteBusy) as info, store.write(["GM0168"]):
            pass
    assert str(info.value) == (
        "another change is being saved; try again shortly (a change waits at most 0.3 s; "
        "RAADHUIS_WRITE_TIMEOUT sets how long)"
    )
    assert translate(str(info.value)).startswith("er wordt al een andere wijziging opgeslagen; probeer het zo opnieuw")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Changeset)) == 1  # the first one's, committed


def test_the_second_writer_goes_on_when_the_first_is_done(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_WRITE_TIMEOUT", "20")
    holding, done = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with store.write(["GM0168"]):
            holding.set()
            done.wait(10)  # hold the lock until the second writer is about to ask for it
            order.append("first commits")

    thread = threading.Thread(target=first)
    thread.start()
    assert holding.wait(10)
    done.set()
    with store.write(["GM0168"]):
        order.append("second writes")
    thread.join(10)
    assert order == ["first commits", "second writes"]


def test_on_postgres_writers_of_different_organisations_do_not_wait(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAADHUIS_WRITE_TIMEOUT", "0.2")
    with ExitStack() as held:
        held.enter_context(pg_store.write(["GM0168"]))
        held.enter_context(pg_store.write(["GM0153"]))  # another organisation: no wait
        with pytest.raises(WriteBusy), pg_store.write(["GM0153", "GM0001"]):
            pass


def test_a_lock_outside_a_write_is_a_mistake(store: Store) -> None:
    with store.session() as s, pytest.raises(RuntimeError, match="inside Store.write"):
        database.lock(s, ["organisation:GM0168"])


def test_lock_keys_are_stable_across_processes() -> None:
    here = database.lock_key("organisation:GM0168")
    there = subprocess.run(
        [sys.executable, "-c", "from raadhuis.store.database import lock_key; print(lock_key('organisation:GM0168'))"],
        capture_output=True,
        text=True,
        check=True,
        env=child_env({"PYTHONHASHSEED": "123"}),
    )
    assert int(there.stdout) == here


OPEN = "import sys; from raadhuis.store.database import Store; Store(sys.argv[1]).dispose()"


def _open_at_once(url: str, n: int = 3) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN, url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for _ in range(n)
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def test_many_processes_opening_a_new_sqlite_database_migrate_it_once(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "new.sqlite")
    for done in _open_at_once(url):
        assert done.returncode == 0, done.stderr
    assert database.current_revision(Store(url).engine) == database.head_revision()


def test_many_processes_opening_a_new_postgres_schema_migrate_it_once() -> None:
    from tests.conftest import _pg_available, need

    need(_pg_available(), "PostgreSQL")
    with pg_schema_url() as url:
        for done in _open_at_once(url):
            assert done.returncode == 0, done.stderr
        store = Store(url)
        assert database.current_revision(store.engine) == database.head_revision()
        store.dispose()
