"""Every invalid input names file, line, field and what was expected — and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.services import register
from raadhuis.store.database import Store

HEAD = """format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser}
units:
  - {id: OW, name: Openbare Werken, kind: afdeling, from: 2009, assumption: true}
  - {id: REO, name: REO, kind: afdeling, from: 2009, assumption: true}
"""

CASES = {
    "unknown unit referenced": (
        HEAD + "events:\n  - {id: e1, type: rename, date: 2012-01-01, unit: XYZ, name: Nieuw}\n",
        9,
        "events[0].unit",
        "unit 'XYZ' does not exist on 2012-01-01",
    ),
    "cycle in the hierarchy": (
        HEAD + "  - {id: T, name: Team, kind: team, parent: OW, from: 2009}\n"
        "events:\n  - {id: e1, type: move, date: 2012-01-01, unit: OW, parent: T}\n",
        10,
        "events[0].parent",
        "creates a cycle",
    ),
    "two parents at once": (
        HEAD + "  - {id: T, name: Team, kind: team, parent: OW, from: 2009}\n"
        "  - {id: T, name: Team, kind: team, parent: REO, from: 2010}\n",
        9,
        "units[3].from",
        "two parents at once",
    ),
    "overlapping intervals": (
        HEAD + "  - {id: T, name: Team, kind: team, from: 2009, to: 2012}\n"
        "  - {id: T, name: Team, kind: team, from: 2011, to: 2013}\n",
        9,
        "units[3].from",
        "overlapping periods",
    ),
    "merge of a unit that does not exist on that date": (
        HEAD + "  - {id: LATER, name: Later, kind: afdeling, from: 2015}\n"
        "events:\n  - {id: e1, type: merge, date: 2012-01-01, units: [OW, LATER], into: {id: N, name: Nieuw}}\n",
        10,
        "events[0].units",
        "unit 'LATER' does not exist on 2012-01-01",
    ),
    "negative FTE": (
        HEAD + "posts:\n  - {id: p1, unit: OW, title: Medewerker, fte: -0.5, from: 2010}\n",
        9,
        "posts[0].fte",
        "expected a number of at least 0, got -0.5",
    ),
    "malformed date": (
        HEAD + "events:\n  - {id: e1, type: rename, date: 13-09-2011, unit: OW, name: X}\n",
        9,
        "events[0].date",
        "expected a date (YYYY-MM-DD",
    ),
    "unknown event type": (
        HEAD + "events:\n  - {id: e1, type: reorganise, date: 2012-01-01, unit: OW}\n",
        9,
        "events[0].type",
        "expected one of establish, rename",
    ),
    "malformed YAML": (HEAD + "events: [\n", 9, "(document)", "not valid YAML"),
    "unknown field": (
        HEAD + "  - {id: T, name: Team, parnet: OW, from: 2009}\n",
        8,
        "units[2]",
        "'parnet' was unexpected",
    ),
    "undeclared organisation": (
        "format: raadhuis/1\nunits:\n  - {id: A, name: A, organisation: GM0001, from: 2009}\n",
        None,
        "organisation",
        "not declared",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_dataset_names_the_place_and_writes_nothing(case: str, tmp_path: Path, sqlite_store: Store) -> None:
    text, line, field, message = CASES[case]
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputErrors) as info:
        register.import_dataset(sqlite_store, path)
    errors = info.value.errors
    hit = [e for e in errors if e.field == field and message in e.message]
    assert hit, [str(e) for e in errors]
    assert hit[0].line == line
    if line is not None:
        assert hit[0].file == str(path)
    assert register.list_organisations(sqlite_store) == []
    with sqlite_store.session() as s:
        from sqlalchemy import func, select

        from raadhuis.store.tables import Changeset, Record

        assert s.scalar(select(func.count()).select_from(Record)) == 0
        assert s.scalar(select(func.count()).select_from(Changeset)) == 0


def test_an_invalid_second_import_leaves_the_first_intact(tmp_path: Path, sqlite_store: Store) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(HEAD, "utf-8")
    register.import_dataset(sqlite_store, good)
    before = register.show(sqlite_store, "GM0168", __import__("datetime").date(2010, 1, 1))
    bad = tmp_path / "bad.yaml"
    bad.write_text(CASES["cycle in the hierarchy"][0], "utf-8")
    with pytest.raises(InputErrors):
        register.import_dataset(sqlite_store, bad)
    assert register.show(sqlite_store, "GM0168", __import__("datetime").date(2010, 1, 1)) == before


def test_the_quick_schema_check_says_what_the_whole_schema_says() -> None:
    """The long lists are checked item by item (formats/dataset.py); for the examples and for
    an error in each long list and around them, the quick check and jsonschema agree."""
    import copy

    from raadhuis.formats import dataset as fmt
    from raadhuis.formats.text import parse

    root = Path(__file__).resolve().parents[1] / "examples"
    good = parse((root / "losser.yaml").read_text("utf-8"), "yaml")
    assert fmt._fast_valid(good) and not list(fmt._validator().iter_errors(good))

    def broken(change: object) -> dict[str, object]:
        data = copy.deepcopy(good)
        change(data)  # type: ignore[operator]
        return data

    cases = [
        broken(lambda d: d["events"][3].update(type="vanish")),
        broken(lambda d: d["events"][0].update(date="31-13-2012")),
        broken(lambda d: d.update(posts={"not": "a list"})),
        broken(lambda d: d.update(units=[{"id": "X", "name": ""}])),
        broken(lambda d: d.update(posts=[{"id": "p", "unit": "OW", "title": "t", "fte": -1, "from": 2012}])),
        broken(lambda d: d.update(surprise=1)),
        broken(lambda d: d["organisations"][0].update(cbs_code="GM12")),
    ]
    for data in cases:
        assert not fmt._fast_valid(data)
        assert list(fmt._validator().iter_errors(data))
