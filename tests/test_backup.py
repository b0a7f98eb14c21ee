"""Back-up and restore of a PostgreSQL register with pg_dump and pg_restore, as
docs/multi-user.md describes: a small register in a schema of its own is dumped, the schema
is dropped, restored from the dump, and everything is back — organisations and their history,
users, roles and tokens — and the register takes new changes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from raadhuis.services import accounts, audit, register
from raadhuis.store.database import Store
from tests.conftest import PG_URL, need

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.postgres


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_pg_dump_and_pg_restore_bring_the_register_back(pg_store: Store, tmp_path: Path) -> None:
    need(shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None, "pg_dump and pg_restore")
    store = pg_store
    register.import_dataset(store, ROOT / "examples" / "losser.yaml", who="test", reason="voor de back-up")
    register.add_events(
        store,
        "GM0168",
        [{"id": "bk-1", "type": "rename", "date": "2013-01-01", "unit": "OW", "name": "Buitendienst"}],
        "jan",
        "naam",
        "web",
    )
    accounts.add_user(store, "jan", "test", password="een lang wachtwoord", grants=[("GM0168", "redacteur")])
    token = accounts.add_token(store, "jan", ["read"], "test")["token"]
    before = register.show(store, "GM0168", date(2013, 6, 1))
    trail_before = audit.trail(store, "GM0168")["changesets"]
    with store.engine.connect() as conn:
        schema = conn.execute(text("select current_schema()")).scalar_one()
    dump = tmp_path / "raadhuis.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", f"--schema={schema}", f"--file={dump}", _libpq(PG_URL)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert dump.stat().st_size > 0
    store.engine.dispose()
    admin = create_engine(PG_URL)
    with admin.begin() as conn:  # the disaster: the register is gone
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    subprocess.run(
        ["pg_restore", "--no-owner", f"--dbname={_libpq(PG_URL)}", str(dump)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    admin.dispose()
    engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    restored = Store(PG_URL, engine=engine)
    try:
        assert register.show(restored, "GM0168", date(2013, 6, 1)) == before
        assert audit.trail(restored, "GM0168")["changesets"] == trail_before
        assert register.history_of_event(restored, "GM0168", "bk-1")[0]["recorded_by"] == "jan"
        assert accounts.authenticate(restored, "jan", "een lang wachtwoord", "t") > 0
        who = accounts.token_principal(restored, token)
        assert who is not None and who.name == "jan"
        # And it goes on: a new change after the restore.
        register.add_events(
            restored,
            "GM0168",
            [{"id": "bk-2", "type": "rename", "date": "2014-01-01", "unit": "OW", "name": "Wijkbeheer"}],
            "jan",
            "na herstel",
            "web",
        )
        assert any(u["name"] == "Wijkbeheer" for u in register.show(restored, "GM0168", date(2014, 6, 1))["units"])
    finally:
        restored.dispose()
