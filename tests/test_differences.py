"""The difference in words: what the Verschil page and `raadhuis diff` say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from raadhuis.cli import app
from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.services.differences import describe
from raadhuis.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def losser(sqlite_store: Store) -> Store:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="test", reason="test")
    return sqlite_store


def test_a_merge_is_one_sentence_with_its_event_decision_and_sources(losser: Store) -> None:
    r = describe(losser, "GM0168", date(2011, 12, 31), date(2012, 1, 1), View.ACTUAL)
    texts = [s.text() for s in r.changes]
    assert texts == [
        "REO en Welzijn samengevoegd tot BSP (nieuw)",
        "Nieuwe formatieplaats Regiefunctionaris bij BSP (1,00 fte)",
    ]
    merge = r.changes[0]
    assert merge.event is not None and merge.event["decision"]["id"] == "college-2011-09-13"
    assert {c["source"] for c in merge.event["sources"]} == {"losser-2011-aanpassing", "rekenkamer-losser-2017"}
    # Each unit is a link on a day it exists: REO and Welzijn on the first day, BSP on the second.
    links = {s["unit"]: s["at"] for s in merge.segments if "unit" in s}
    assert links == {"REO": "2011-12-31", "WEL": "2011-12-31", "BSP": "2012-01-01"}
    assert r.fte == ["BSP: 0,00 → 1,00 fte (aanname)"]  # the post's event is marked as an assumption
    # Gone units are drawn struck through; the transfer that did not happen is said as such.
    assert {g["id"] for g in r.gone} == {"REO", "WEL"}
    assert [s.text() for s in r.not_realised] == ["WIZ zou overgaan naar Enschede"]


def test_a_planned_transfer_is_a_transfer_not_a_removal(losser: Store) -> None:
    r = describe(losser, "GM0168", date(2011, 12, 31), date(2012, 1, 1), View.PLANNED)
    said = {s.kind: s.text() for s in r.changes}
    assert said["transfer_out"] == "WIZ gaat over naar Enschede"
    assert r.marks["WIZ"] == "transferred" and r.marks["REO"] == "merged"
    assert r.not_realised == []


def test_a_rename_says_the_old_and_the_new_name_and_english_too(losser: Store) -> None:
    r = describe(losser, "GM0168", date(2016, 12, 31), date(2017, 1, 1), View.ACTUAL)
    assert r.changes[0].text() == "VVH heet voortaan VTH (Vergunningverlening, Toezicht en Handhaving)"
    en = describe(losser, "GM0168", date(2011, 12, 31), date(2012, 1, 1), View.ACTUAL, "en")
    assert en.changes[0].text() == "REO and Welzijn merged into BSP (new)"


def test_nothing_changed(losser: Store) -> None:
    r = describe(losser, "GM0168", date(2013, 1, 1), date(2013, 6, 1), View.ACTUAL)
    assert r.changes == [] and r.not_realised == [] and r.fte == []


def test_the_cli_says_the_same(losser: Store) -> None:
    result = CliRunner().invoke(app, ["--db", losser.url, "diff", "GM0168", "31-12-2011", "2012-01-01"])
    assert result.exit_code == 0, result.output
    assert "Wat veranderde bij Losser van 31 december 2011 tot 1 januari 2012 (feitelijk)" in result.output
    assert "- REO en Welzijn samengevoegd tot BSP (nieuw)" in result.output
    assert "Besluit: college, 13 september 2011" in result.output
    assert "- WIZ zou overgaan naar Enschede" in result.output
    assert "samengevoegd BSP" not in result.output


def test_a_change_of_fte_carries_the_mark_only_when_its_event_is_an_assumption() -> None:
    from raadhuis.i18n import t
    from raadhuis.services.differences import read

    def say(key: str, **values: object) -> str:
        return t(key, "nl", **values)

    change = {"id": "A", "change": "fte_changed", "name": "Alfa", "fte_before": 1.0, "fte_after": 2.0, "events": ["p"]}
    diff = {"view": "actual", "from": "2020-01-01", "to": "2021-01-01", "changes": [change]}
    rows = {"A": {"id": "A", "name": "Alfa", "abbreviation": None}}
    known = {"p": {"id": "p", "effective": "2022-01-01", "status": "realised", "data": {"type": "change_post"}}}
    assert read(diff, known, rows, rows, {}, say).fte == ["Alfa: 1,00 → 2,00 fte"]
    assumed = {"p": dict(known["p"], data={"type": "change_post", "assumption": True})}
    assert read(diff, assumed, rows, rows, {}, say).fte == ["Alfa: 1,00 → 2,00 fte (aanname)"]
