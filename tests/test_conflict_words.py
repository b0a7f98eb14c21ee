"""A planned event that no longer fits, in the reader's words (CLI import, upload preview): the
engine's English text stays in the JSON contract, the screen says it in Dutch (or English)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from raadhuis.cli import app
from raadhuis.i18n.errors import conflict_words
from raadhuis.services import register
from raadhuis.store.database import Store
from raadhuis.web.app import create_app
from tests.webtools import csrf_token

LOSSER = Path(__file__).resolve().parents[1] / "examples" / "losser.yaml"
ENGINE_TEXT = "event hoofd-wiz-2017 (add_post, 2017): post.unit: unit 'WIZ' does not exist on 2017-01-01"
DUTCH = "gebeurtenis hoofd-wiz-2017 (nieuwe formatieplaats, 2017): eenheid 'WIZ' bestaat niet op 1 januari 2017"


def test_conflict_words_in_both_languages() -> None:
    assert conflict_words(ENGINE_TEXT) == DUTCH
    assert conflict_words(ENGINE_TEXT, "en") == (
        "event hoofd-wiz-2017 (new post, 2017): unit 'WIZ' does not exist on 1 January 2017"
    )
    # The date in words when it is a day; a text of another form is translated as it is.
    assert conflict_words("event e1 (merge, 2012-01-01): units: unit 'X' does not exist on 2012-01-01").startswith(
        "gebeurtenis e1 (samenvoeging, 1 januari 2012): eenheid 'X' bestaat niet"
    )
    assert conflict_words("unit 'WIZ' does not exist on 2017-01-01") == "eenheid 'WIZ' bestaat niet op 1 januari 2017"


def test_cli_import_says_the_conflicts_in_dutch_and_keeps_the_json(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "r.sqlite")
    out = runner.invoke(app, ["--db", db, "import", str(LOSSER), "-m", "test"], catch_exceptions=False).output
    text = " ".join(out.split())
    assert "Geplande gebeurtenissen die niet meer passen" in text and f"GM0168: {DUTCH}" in text
    assert "does not exist" not in text
    fresh = str(tmp_path / "fresh.sqlite")
    dry = runner.invoke(app, ["--db", fresh, "import", str(LOSSER), "--dry-run", "--format", "json"]).output
    assert json.loads(dry)[0]["conflicts"] == {"GM0168": [ENGINE_TEXT]}  # the contract is unchanged


def test_upload_preview_says_the_conflicts_in_words(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, LOSSER, who="test", reason="fixture")
    good = (
        b"format: raadhuis/1\norganisation: GM0168\nevents:\n  - id: up-1\n    type: establish\n"
        b"    date: 2014-01-01\n    unit: {id: UP, name: Uploadafdeling, kind: afdeling}\n"
    )
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as client:
        r = client.post("/upload", data={"csrf": csrf_token(client)}, files={"file": ("good.yaml", good)})
        assert r.status_code == 200
        items = re.findall(r"<li>Losser: ([^<]*)</li>", r.text)  # the organisation by name, not its code
        assert DUTCH.replace("'", "&#39;") in items
        assert "does not exist" not in r.text
