"""Decisions never carried out, and the latest day with data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from raadhuis.domain.model import View
from raadhuis.services import register
from raadhuis.services.follow_up import is_overdue, latest_day, not_carried_out
from raadhuis.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


def test_overdue_only_when_every_day_the_date_may_mean_has_passed() -> None:
    assert is_overdue("decided", "2018-Q2", date(2018, 7, 1))
    assert not is_overdue("decided", "2018-Q2", date(2018, 6, 30))  # still within the quarter
    assert not is_overdue("decided", "2018", date(2018, 12, 31))
    assert is_overdue("decided", "2018", date(2019, 1, 1))
    assert not is_overdue("realised", "2012-01-01", date(2020, 1, 1))
    assert not is_overdue("not_realised", "2012-01-01", date(2020, 1, 1))  # said otherwise: not realised


def test_not_carried_out_across_organisations(sqlite_store: Store) -> None:
    for name in ("losser.yaml", "den-haag.yaml"):
        register.import_dataset(sqlite_store, ROOT / "examples" / name, who="t", reason="t")
    items = not_carried_out(sqlite_store, today=date(2019, 1, 1))
    by_id = {i["id"]: i for i in items}
    wiz = by_id["wiz-naar-enschede"]
    assert wiz["why"] == "not_realised" and wiz["why_label"] == "besloten, niet gerealiseerd"
    assert wiz["decision"]["id"] == "college-2011-09-13" and wiz["sources"][0]["title"]
    assert by_id["bundel-juridisch"]["why_label"] == "besloten, datum verstreken, niet als gerealiseerd vastgelegd"
    # Decided for 2020: on 1 January 2019 still to come, so not (yet) undone.
    assert "gwb-definitief" not in by_id
    assert {i["organisation"]["id"] for i in items} == {"GM0168", "GM0518"}
    assert not_carried_out(sqlite_store, ["GM0168"], today=date(2019, 1, 1)) == [wiz]


def test_latest_day_with_data_is_not_today(sqlite_store: Store) -> None:
    register.import_dataset(sqlite_store, ROOT / "examples" / "losser.yaml", who="t", reason="t")
    assert latest_day(sqlite_store, "GM0168", View.ACTUAL, today=date(2026, 5, 1)) == date(2017, 12, 31)
    assert latest_day(sqlite_store, "GM0168", View.ACTUAL, today=date(2017, 6, 1)) == date(2017, 6, 1)
