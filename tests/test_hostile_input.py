"""Hostile input (issue 9): every file in tests/fixtures/hostile is refused with a clear
message naming the file and the place, nothing is written, and the server goes on answering
other requests — also while a large import is being checked."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from raadhuis.cli import app
from raadhuis.formats.text import TextError, parse
from raadhuis.services import exchange, register
from raadhuis.store.database import Store
from raadhuis.store.tables import Changeset
from raadhuis.web.app import create_app
from tests.live import RAADHUIS, child_env, free_port, live_server, raadhuis

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
LOSSER = Path(__file__).resolve().parents[1] / "examples" / "losser.yaml"

# file → (line and field the message names, words of the English message, words of the Dutch one)
CORPUS: dict[str, tuple[int | None, str, str, str]] = {
    "alias-bomb.yaml": (7, "(document)", "aliases repeat more than 100000 nodes", "aliassen (*naam) herhalen meer dan"),
    "alias-loop.yaml": (5, "(document)", "an alias repeats the node on line 5 inside itself", "binnen zichzelf"),
    "deep-10000.json": (None, "(document)", "nested deeper than 50 levels", "dieper genest dan 50 niveaus"),
    "deep-60.yaml": (3, "extensions.deep" + "[0]" * 48, "nested deeper than 50 levels", "dieper genest dan 50"),
    "duplicate-keys.yaml": (
        7,
        "(document)",
        "key 'name' is given twice in one mapping: on line 5 and on line 7",
        "staat twee keer in dezelfde mapping: op regel 5 en op regel 7",
    ),
    "duplicate-keys.json": (
        8,
        "(document)",
        "key 'name' is given twice in one mapping: on line 6 and on line 8",
        "op regel 6 en op regel 8",
    ),
    "nan-fte.yaml": (
        8,
        "posts[0].fte",
        "expected a finite number, got NaN",
        "verwacht een eindig getal; gevonden: NaN",
    ),
    "infinity-fte.json": (8, "posts[0].fte", "expected a finite number, got Infinity", "verwacht een eindig getal"),
    "units-cycle.yaml": (
        7,
        "units[0].parent",
        "units 'A' → 'B' → 'C' → 'A' form a cycle: each has the next as its parent (on 2009)",
        "de eenheden 'A' → 'B' → 'C' → 'A' vormen een kringloop",
    ),
    "remote-context.jsonld": (
        2,
        "@context",
        "a remote context is not fetched (https://www.w3.org/ns/org.jsonld)",
        "een context elders wordt niet opgehaald",
    ),
    "remote-context-scoped.jsonld": (
        4,
        "@context.unit.@context",
        "not fetched (https://evil.example/context.jsonld)",
        "niet opgehaald",
    ),
}
DATASETS = [name for name in CORPUS if name.endswith((".yaml", ".json"))]


def changesets(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Changeset)) or 0)


def test_the_corpus_is_what_the_table_describes() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_hostile_file_is_refused_by_the_service_with_its_place(store: Store, name: str) -> None:
    register.import_dataset(store, LOSSER, who="test", reason="fixture")
    before = changesets(store)
    line, field, english, dutch = CORPUS[name]
    with pytest.raises(register.InputErrors) as info:
        exchange.import_file(store, HOSTILE / name, who="test", reason="hostile")
    [error] = info.value.errors
    assert (error.file, error.line, error.field) == (str(HOSTILE / name), line, field)
    assert english in error.message and dutch in error.text("nl")
    assert changesets(store) == before  # nothing written


def cli(tmp_path: Path, *args: str) -> tuple[int, str]:
    """The CLI in this process (an exception would escape: catch_exceptions=False)."""
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "r.sqlite"), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-10000.json", "nan-fte.yaml", "remote-context.jsonld"])
def test_the_cli_says_it_in_dutch(tmp_path: Path, name: str) -> None:
    code, output = cli(tmp_path, "import", str(HOSTILE / name))
    line, _, _, dutch = CORPUS[name]
    assert code == 1
    assert f"{HOSTILE / name}{f':{line}' if line else ''}" in output
    assert dutch in output and "er is niets opgeslagen" in output


def test_the_alias_bomb_in_a_process_of_its_own_ends_without_a_traceback(tmp_path: Path) -> None:
    done = raadhuis(str(tmp_path / "r.sqlite"), "import", str(HOSTILE / "alias-bomb.yaml"))
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert "aliassen (*naam) herhalen meer dan 100000 knopen" in done.stderr


def test_each_hostile_dataset_gets_422_over_http_and_the_server_goes_on(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    before = changesets(sqlite_store)
    with live_server(sqlite_store) as url, httpx.Client(base_url=url, timeout=10) as http:
        for name in DATASETS:
            kind = "application/json" if name.endswith(".json") else "application/yaml"
            answer = http.post(
                "/api/v1/datasets",
                params={"who": "attacker", "reason": "test", "name": name},
                content=(HOSTILE / name).read_bytes(),
                headers={"content-type": kind},
            )
            line, field, english, dutch = CORPUS[name]
            assert answer.status_code == 422, (name, answer.text)
            [error] = answer.json()["errors"]
            assert (error["file"], error["line"], error["field"]) == (name, line, field)
            assert english in error["message_en"] and dutch in error["message"]
            # The next request is answered (a blocked server would time out here).
            assert http.get("/api/v1/organisations").status_code == 200
    assert changesets(sqlite_store) == before


def test_a_long_import_runs_beside_other_requests(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """While one import is being checked, held on purpose in its worker thread, another
    request is answered: the import does not run on the server's event loop."""
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    started, release = threading.Event(), threading.Event()
    original = register.import_dataset

    def held(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(register, "import_dataset", held)
    outcome: dict[str, Any] = {}
    with live_server(sqlite_store) as url, httpx.Client(base_url=url, timeout=10) as http:

        def post() -> None:
            outcome["import"] = http.post(
                "/api/v1/datasets",
                params={"who": "test", "reason": "dry run", "dry_run": "true", "name": "losser.yaml"},
                content=LOSSER.read_bytes(),
                headers={"content-type": "application/yaml"},
            )

        writer = threading.Thread(target=post)
        writer.start()
        assert started.wait(10)
        other = http.get("/api/v1/organisations/GM0168", params={"at": "2012-01-01"})
        still_running = writer.is_alive()
        release.set()
        writer.join(30)
    assert other.status_code == 200 and still_running
    assert outcome["import"].status_code == 200 and outcome["import"].json()["dry_run"] is True


def test_a_body_over_the_limit_gets_413_before_it_is_read(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_MAX_BODY_MB", "0.01")  # 10 KB; read when the app is made
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    before = changesets(sqlite_store)
    big = b"# " + b"x" * 20_000 + b"\n" + LOSSER.read_bytes()
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as client:
        api = client.post(
            "/api/v1/datasets",
            params={"who": "t", "reason": "r"},
            content=big,
            headers={"content-type": "application/yaml"},
        )
        assert api.status_code == 413
        [error] = api.json()["errors"]
        assert "RAADHUIS_MAX_BODY_MB" in error["message_en"] and "het verzoek is te groot" in error["message"]
        page = client.post("/upload", files={"file": ("big.yaml", big, "application/yaml")}, data={"csrf": "x"})
        assert page.status_code == 413
        assert "het verzoek is te groot" in page.text and "Traceback" not in page.text
        assert client.get("/api/v1/organisations").status_code == 200
    assert changesets(sqlite_store) == before


def test_a_dataset_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "groot.yaml"
    big.write_text("# " + "x" * 4000 + "\n" + LOSSER.read_text("utf-8"), "utf-8")
    monkeypatch.setenv("RAADHUIS_MAX_DATASET_MB", "0.002")
    code, output = cli(tmp_path, "import", str(big))
    size = -(-big.stat().st_size // 1024)  # KB, rounded up as the message does
    assert code == 1
    assert f"{big}: (file): de dataset is {size} KB; de grootste die wordt ingelezen is 3 KB" in output
    assert "RAADHUIS_MAX_DATASET_MB" in output


def test_a_limit_that_is_not_a_number_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAADHUIS_WRITE_TIMEOUT", "lang")
    code, output = cli(tmp_path, "orgs")
    assert code == 1
    assert "RAADHUIS_WRITE_TIMEOUT: verwacht een getal; gevonden: 'lang'" in output


def test_ordinary_yaml_features_still_read() -> None:
    text = """
base: &base {kind: afdeling, assumption: true}
units:
  - {<<: *base, id: OW, name: P&O en Openbare Werken}
  - {<<: *base, id: R&D, name: "R &D", kind: team}
note: "a * and a & in text"
"""
    data = parse(text, "yaml")
    assert data["units"][0] == {"kind": "afdeling", "assumption": True, "id": "OW", "name": "P&O en Openbare Werken"}
    assert data["units"][1]["kind"] == "team"  # a mapping's own key overrides a merged one
    assert parse('{"fte": 1.5, "list": [1, 2]}', "json") == {"fte": 1.5, "list": [1, 2]}


def test_the_limits_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    nested = {"a": {"b": {"c": {"d": 1}}}}
    assert parse(json.dumps(nested), "json") == nested
    monkeypatch.setenv("RAADHUIS_MAX_DEPTH", "3")
    with pytest.raises(TextError, match="nested deeper than 3 levels") as info:
        parse(json.dumps(nested), "json")
    assert info.value.path == ("a", "b", "c")
    monkeypatch.setenv("RAADHUIS_MAX_ALIAS_NODES", "2")
    with pytest.raises(TextError, match="aliases repeat more than 2 nodes"):
        parse("a: &a [1, 2]\nb: *a\n", "yaml")


def test_serve_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*RAADHUIS, "--db", str(tmp_path / "r.sqlite"), "serve", "--port", str(port), "--no-examples"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        # Until it answers: about a second on an idle machine, much longer on a loaded one. A SIGTERM
        # before the server has installed its handlers would end it as the default action does (-15),
        # which is not what this test is about.
        answered = False
        with httpx.Client(timeout=5) as http:
            for _ in range(1200):
                try:
                    if http.get(f"http://127.0.0.1:{port}/api/v1/organisations").status_code == 200:
                        answered = True
                        break
                except httpx.TransportError:
                    if server.poll() is not None:
                        break
                    threading.Event().wait(0.1)
        assert answered, "the server never answered"
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "Finished server process" in err and "Traceback" not in err
