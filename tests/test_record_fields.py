"""The audit trail names a record's fields in words: every key of every record the example
datasets store has a Dutch and an English word, and no path, index or underscore is shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from raadhuis.i18n.record_fields import WORDS, field_words
from raadhuis.services import audit, register
from raadhuis.store.database import Store
from raadhuis.store.tables import Record

ROOT = Path(__file__).resolve().parents[1]


def test_paths_read_as_words() -> None:
    assert field_words("new_unit.name") == "nieuwe eenheid › naam"
    assert field_words("recommendations[2].text", "en") == "recommendations 3 › text"
    assert field_words("posts[0].staffing[1].fte") == "formatieplaatsen 1 › bezetting 2 › fte"
    assert field_words("some_new_key") == "some new key"  # never a dotted path, even without a word


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("*.yaml")))
def test_every_stored_key_has_words(sqlite_store: Store, name: str) -> None:
    register.import_dataset(sqlite_store, ROOT / "examples" / name, who="test", reason="words")
    with sqlite_store.session() as s:
        paths = {p for (data,) in s.query(Record.data) for p in audit._flatten(data)}  # noqa: SLF001
    assert paths
    for path in paths:
        keys = [k for k in re.split(r"[.\[\]]+", path) if k and not k.isdigit()]
        assert not [k for k in keys if k not in WORDS], path
        for lang in ("nl", "en"):
            words = field_words(path, lang)
            assert "[" not in words and "_" not in words, words


def test_the_audit_page_names_a_changed_field_in_words(sqlite_store: Store) -> None:
    from fastapi.testclient import TestClient

    from raadhuis.web.app import create_app

    path = ROOT / "examples" / "losser.yaml"
    register.import_dataset(sqlite_store, path, who="test", reason="first")
    text = path.read_text(encoding="utf-8")
    old = "title: Aanpassing structuur ambtelijke organisatie Losser"
    assert old in text
    changed = text.replace(old, "title: Aanpassing van de structuur van de ambtelijke organisatie Losser")
    register.import_dataset(sqlite_store, path, who="test", reason="a better title", text=changed)
    with TestClient(create_app(sqlite_store), base_url="http://127.0.0.1") as client:
        html = client.get("/o/GM0168/audit").text
        english = client.get("/o/GM0168/audit", params={"lang": "en"}).text
    blocks = [part.split("</table>", 1)[0] for part in html.split('<table class="fields">')[1:]]
    assert any('<th scope="row">titel</th>' in b for b in blocks)
    assert not any("<code>" in b or "_" in b.split("<td")[0] for b in blocks)
    assert '<th scope="row">title</th>' in english
