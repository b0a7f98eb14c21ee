"""Issue 8, items 1–4, through the real doors (CLI, services, files): conversions leave lineage and
show in the diff, a split says where every post and sub-unit goes, a transfer between two
organisations in the register moves the unit with its posts in one event, and an imprecise date
says so on the days it leaves open."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.canonical.errors import InputErrors
from raadhuis.cli import app
from raadhuis.domain.model import View
from raadhuis.formats.dataset import load_dataset
from raadhuis.formats.w3c_org import dataset_to_graph, from_text, graph_to_dataset, to_jsonld, to_turtle
from raadhuis.services import register
from raadhuis.store.database import Store

runner = CliRunner()

HEAD = """format: raadhuis/1
organisation: GM9999
organisations:
  - {id: GM9999, name: Voorbeeldstad}
  - {id: GM9998, name: Buurstad}
"""

CONVERT = (
    HEAD
    + """units:
  - {id: SZW, name: Sociale Zaken, kind: dienst, from: 2016-01-01, assumption: true}
  - {id: WSP, name: Werkgeversservicepunt, kind: afdeling, from: 2016-01-01, assumption: true}
  - {id: HGR, name: Haeghe Groep, kind: afdeling, from: 2016-01-01, assumption: true}
posts:
  - {id: p1, unit: WSP, title: Accountmanager, fte: 2.0, from: 2016-01-01, assumption: true}
events:
  - id: vorming
    type: merge
    date: 2018-01-01
    units: [WSP, HGR]
    into: {id: GWB, name: Werkbedrijf in oprichting, kind: afdeling, temporary: true, expected_end: 2020}
    assumption: true
  - id: definitief
    type: convert
    date: 2020-01-01
    unit: GWB
    set: {name: Gemeentelijk Werkbedrijf, parent: SZW, abbreviation: GWB}
    assumption: true
"""
)


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


# --- 1. a conversion leaves lineage and is a change of its own in the diff ---------------------


def test_conversion_keeping_its_id_shows_the_temporary_unit_as_origin(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    assert run(db, "import", str(write(tmp_path, "c.yaml", CONVERT)))[0] == 0
    _, out = run(db, "lineage", "GM9999", "GWB", "--format", "json")
    data = json.loads(out)
    first = data["predecessors"][0]
    assert first == {
        "id": "GWB",
        "name": "Werkbedrijf in oprichting",  # the name of the temporary unit, not today's
        "organisation": "GM9999",
        "date": "2020-01-01",
        "event": "definitief",
        "type": "convert",
        "depth": 1,
        "until": "2020-01-01",
    }
    # What the temporary unit came from comes after it.
    assert sorted((p["id"], p["depth"], p["type"]) for p in data["predecessors"][1:]) == [
        ("HGR", 2, "merge"),
        ("WSP", 2, "merge"),
    ]
    _, out = run(db, "diff", "GM9999", "2019-12-31", "2020-01-01", "--format", "json")
    diff = json.loads(out)
    assert diff["counts"] == {"converted": 1}
    change = diff["changes"][0]
    assert change["id"] == "GWB" and change["events"] == ["definitief"]
    assert change["before"]["temporary"] is True and change["after"]["temporary"] is False
    assert change["after"]["parent"] == "SZW"
    _, text = run(db, "lineage", "GM9999", "GWB")
    flat = " ".join(text.split())
    assert "Werkbedrijf in oprichting (GWB) (tijdelijke vorm, tot 2020-01-01) — omzetting" in flat
    _, text = run(db, "diff", "GM9999", "2019-12-31", "2020-01-01")
    assert "omgezet" in text


def test_conversion_into_a_new_id_ends_the_temporary_unit_and_round_trips(tmp_path: Path) -> None:
    text = CONVERT.replace(
        "set: {name: Gemeentelijk Werkbedrijf, parent: SZW, abbreviation: GWB}",
        "into: {id: GWB-D, name: Gemeentelijk Werkbedrijf, parent: SZW}",
    )
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "c.yaml", text))
    on = register.snapshot(store, "GM9999", date(2020, 1, 1))
    assert "GWB" not in on.units and on.units["GWB-D"].parent == "SZW" and not on.units["GWB-D"].temporary
    assert on.posts["p1"].unit == "GWB-D"  # the posts go along
    lin = register.lineage_of(store, "GM9999", "GWB-D")
    assert [(p["id"], p["type"], p["until"]) for p in lin["predecessors"]][0] == ("GWB", "convert", None)
    diff = register.diff(store, "GM9999", date(2019, 12, 31), date(2020, 1, 1))
    assert {(c["id"], c["change"], tuple(c["related"])) for c in diff["changes"]} == {
        ("GWB", "converted", ("GWB-D",)),
        ("GWB-D", "converted", ("GWB",)),
    }
    exported = dataset_to_dict(register.export_dataset(store, "GM9999"))
    event = next(e for e in exported["events"] if e["id"] == "definitief")
    assert event["into"] == {"id": "GWB-D", "name": "Gemeentelijk Werkbedrijf", "parent": "SZW"}
    again = register.import_dataset(store, write(tmp_path, "again.yaml", yaml.safe_dump(exported)))
    assert again.changed is False  # the export reads back as what is stored
    ds = load_dataset(text)
    for fmt, out in (("turtle", to_turtle), ("json-ld", to_jsonld)):
        back = graph_to_dataset(from_text(out(dataset_to_graph(ds, "GM9999")), fmt))
        assert next(e for e in back.events if e.id == "definitief") == next(
            e for e in ds.events if e.id == "definitief"
        )
    store.dispose()


def test_den_haag_example_reads_its_temporary_werkbedrijf_as_the_origin(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, Path(__file__).parents[1] / "examples" / "den-haag.yaml")
    lin = register.lineage_of(store, "GM0518", "GWB", View.PLANNED)
    first = lin["predecessors"][0]
    assert (first["id"], first["type"], first["date"], first["until"]) == ("GWB", "convert", "2020-01-01", "2020-01-01")
    assert {p["id"] for p in lin["predecessors"] if p["depth"] == 2} == {"HGR", "WSP"}
    diff = register.diff(store, "GM0518", date(2019, 12, 31), date(2020, 1, 1), View.PLANNED)
    assert [(c["id"], c["change"]) for c in diff["changes"]] == [("GWB", "converted")]
    store.dispose()


# --- 2. a split says where every post and sub-unit goes ------------------------------------------

SPLIT = (
    HEAD
    + """units:
  - {id: SD, name: Sociaal Domein, kind: domein, from: 2020-01-01, assumption: true}
  - {id: WMO, name: Team Wmo, kind: team, parent: SD, from: 2020-01-01, assumption: true}
  - {id: JGD, name: Team Jeugd, kind: team, parent: SD, from: 2020-01-01, assumption: true}
posts:
  - {id: SD-1, unit: SD, title: Consulent Wmo, fte: 2.0, from: 2020-01-01, assumption: true}
  - {id: SD-2, unit: SD, title: Klantmanager, fte: 3.0, from: 2020-01-01, assumption: true}
events:
  - id: sd-splitsen
    type: split
    date: 2024-01-01
    unit: SD
    into:
      - {id: ZORG, name: Zorg, kind: afdeling, posts: [SD-1], units: [WMO, JGD]}
      - {id: WERK, name: Werk en Inkomen, kind: afdeling, posts: [SD-2]}
    assumption: true
"""
)


def test_a_split_gives_each_successor_its_posts_and_sub_units(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "s.yaml", SPLIT))
    on = register.snapshot(store, "GM9999", date(2024, 1, 1))
    assert {u: on.units[u].parent for u in ("WMO", "JGD")} == {"WMO": "ZORG", "JGD": "ZORG"}
    assert {p: on.posts[p].unit for p in ("SD-1", "SD-2")} == {"SD-1": "ZORG", "SD-2": "WERK"}
    exported = dataset_to_dict(register.export_dataset(store, "GM9999"))
    event = next(e for e in exported["events"] if e["id"] == "sd-splitsen")
    assert event["into"][0]["units"] == ["WMO", "JGD"] and "units" not in event["into"][1]
    assert register.import_dataset(store, write(tmp_path, "again.yaml", yaml.safe_dump(exported))).changed is False
    ds = load_dataset(SPLIT)
    for fmt, out in (("turtle", to_turtle), ("json-ld", to_jsonld)):
        back = graph_to_dataset(from_text(out(dataset_to_graph(ds, "GM9999")), fmt))
        assert next(e for e in back.events if e.id == "sd-splitsen").sub_units == {"ZORG": ("WMO", "JGD")}
    store.dispose()


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "posts: [SD-2]}",
            "}",
            "    into:",
            "events[0].into",
            "formatieplaats 'SD-2' van eenheid 'SD' is op 2024-01-01",
        ),
        (", units: [WMO, JGD]}", ", units: [WMO]}", "    into:", "events[0].into", "onderdeel 'JGD' van eenheid 'SD'"),
        (
            "units: [WMO, JGD]}",
            "units: [WMO, JGD, OW]}",
            "      - {id: ZORG",
            "events[0].into[0].units",
            "'OW' hoort niet",
        ),
    ],
)
def test_a_split_that_leaves_something_unallocated_is_refused_with_its_place(
    tmp_path: Path, old: str, new: str, line: str, field: str, message: str
) -> None:
    assert old in SPLIT
    text = SPLIT.replace(old, new)
    number = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(line))
    bad = write(tmp_path, "bad.yaml", text)
    db = tmp_path / "r.sqlite"
    code, out = run(db, "import", str(bad))
    flat = " ".join(out.split())
    assert code == 1 and f"{bad}:{number}: {field}: {message}" in flat and "niets opgeslagen" in flat
    store = Store(f"sqlite:///{db}")
    assert register.list_organisations(store) == []  # nothing written
    store.dispose()


# --- 3. one event moves a unit with its posts between two organisations in the register ---------

TRANSFER = (
    HEAD
    + """units:
  - {id: BD, name: Bedrijfsvoering, kind: afdeling, from: 2015-01-01, assumption: true}
  - {id: ICT, name: Team ICT, kind: team, parent: BD, from: 2015-01-01, assumption: true}
  - {id: ICT-W, name: Werkplekbeheer, kind: team, parent: ICT, from: 2015-01-01, assumption: true}
  - {id: SSC, name: Shared Service Center, kind: afdeling, organisation: GM9998, from: 2015-01-01, assumption: true}
posts:
  - id: ict-1
    unit: ICT
    title: Beheerder
    fte: 2.0
    from: 2015-01-01
    staffing: [{kind: employee, fte: 1.5}, {kind: external_hire, fte: 0.5}]
    assumption: true
  - {id: ict-2, unit: ICT-W, title: Werkplekspecialist, fte: 1.0, from: 2015-01-01, assumption: true}
  - {id: bd-1, unit: BD, title: Hoofd, fte: 1.0, from: 2015-01-01, assumption: true}
events:
  - {id: ict-naar-ssc, type: transfer_out, date: 2020-01-01, unit: ICT, to: GM9998, parent: SSC, assumption: true}
"""
)


def _fte(store: Store, org: str, day: date, view: View = View.ACTUAL) -> float:
    return float(register.show(store, org, day, view)["totals"]["fte"])


def test_a_transfer_takes_the_unit_its_sub_units_posts_and_staffing_along(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "t.yaml", TRANSFER))
    before, on = date(2019, 12, 31), date(2020, 1, 1)
    assert (_fte(store, "GM9999", before), _fte(store, "GM9998", before)) == (4.0, 0.0)
    assert (_fte(store, "GM9999", on), _fte(store, "GM9998", on)) == (1.0, 3.0)
    there = register.snapshot(store, "GM9998", on)
    assert {u: there.units[u].parent for u in ("ICT", "ICT-W")} == {"ICT": "SSC", "ICT-W": "ICT"}
    assert there.posts["ict-1"].staffing == register.snapshot(store, "GM9999", before).posts["ict-1"].staffing
    # The lineage crosses the organisations, both ways, with the names the other organisation gives.
    lin = register.lineage_of(store, "GM9998", "ICT")
    assert [(p["organisation"], p["id"], p["name"], p["event"]) for p in lin["predecessors"]] == [
        ("GM9999", "ICT", "Team ICT", "ict-naar-ssc")
    ]
    lin = register.lineage_of(store, "GM9999", "ICT")
    assert [(p["organisation"], p["id"]) for p in lin["successors"]] == [("GM9998", "ICT")]
    # The diff of each side says where the units went or came from.
    out = register.diff(store, "GM9999", before, on)
    assert {(c["id"], c["change"], tuple(c["related"])) for c in out["changes"]} == {
        ("ICT", "transferred_out", ("GM9998:ICT",)),
        ("ICT-W", "transferred_out", ("ICT",)),
    }
    into = register.diff(store, "GM9998", before, on)
    assert {(c["id"], c["change"]) for c in into["changes"]} >= {("ICT", "transferred_in"), ("ICT-W", "transferred_in")}
    # The receiving organisation's timeline shows the arrival, derived from the sender's event.
    arrivals = [e for e in register.timeline(store, "GM9998")["events"] if e["type"] == "transfer_in"]
    assert [(e["id"], e["data"]["from"], e["data"]["other_unit"]) for e in arrivals] == [
        ("GM9999:ict-naar-ssc", "GM9999", "ICT")
    ]
    store.dispose()


@pytest.mark.parametrize("kind", ["turtle", "jsonld"])
def test_the_w3c_export_of_either_side_of_a_transfer_reads_back_into_an_empty_register(
    tmp_path: Path, kind: str
) -> None:
    """The full-history graph of one organisation carries the events of the organisation it
    exchanges units with (as the dataset export does): the receiver's graph has the unit that
    arrived, and either graph alone rebuilds both organisations, in fact and in the plan."""
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    decided = TRANSFER.replace(
        "events:\n",
        "events:\n  - {id: bd-weg, type: transfer_out, date: 2022-01-01, unit: BD, to: GM9998, status: decided,"
        " assumption: true}\n",
    )
    register.import_dataset(store, write(tmp_path, "t.yaml", decided))
    days = [date(2019, 12, 31), date(2020, 1, 1), date(2022, 6, 1)]

    def state(s: Store) -> list[object]:
        return [
            (org, day, view, sorted(snap.units.items()), sorted(snap.posts.items()))
            for org in ("GM9999", "GM9998")
            for day in days
            for view in (View.ACTUAL, View.PLANNED)
            for snap in [register.snapshot(s, org, day, view)]
        ]

    expected = state(store)
    for org in ("GM9999", "GM9998"):
        ds = register.export_dataset(store, org)
        graph = dataset_to_graph(ds, org)
        text = to_turtle(graph) if kind == "turtle" else to_jsonld(graph)
        if org == "GM9998":  # the unit that arrived is in the receiver's own history
            assert "https://raadhuis.example/id/organisation/GM9998/unit/ICT" in text
            assert "https://raadhuis.example/id/organisation/GM9998/post/ict-1" in text
        path = write(tmp_path, f"{org}.{'ttl' if kind == 'turtle' else 'jsonld'}", text)
        again = Store(f"sqlite:///{tmp_path / (org + '.sqlite')}")
        from raadhuis.services.exchange import import_file

        import_file(again, path, who="tester", reason="w3c round trip")
        assert state(again) == expected, org
        again.dispose()
    store.dispose()


def test_an_error_in_a_w3c_file_names_that_file_and_the_event(tmp_path: Path) -> None:
    """A graph is checked through its dataset form; the error names the file the user gave (not
    an intermediate '….ttl.yaml' and a line of it) and the event by its id."""
    from raadhuis.services.exchange import import_file

    ds = load_dataset(TRANSFER, "t.yaml")
    ds.events = [e for e in ds.events if e.organisation != "GM9998"]  # the receiving SSC is missing
    path = write(tmp_path, "ict.ttl", to_turtle(dataset_to_graph(ds, "GM9999")))
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    with pytest.raises(InputErrors) as caught:
        import_file(store, path, who="tester", reason="w3c")
    [error] = caught.value.errors
    assert (error.file, error.line) == (str(path), None)
    assert re.fullmatch(r"events\[\d+\]\.parent \(id 'ict-naar-ssc'\)", error.field), error.field
    assert "'SSC'" in error.message and "GM9998" in error.message
    assert register.list_organisations(store) == []  # nothing written
    store.dispose()


def test_a_decided_transfer_moves_nothing_in_fact_and_everything_in_the_plan(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    decided = TRANSFER.replace("parent: SSC, assumption: true}", "parent: SSC, status: decided, assumption: true}")
    register.import_dataset(store, write(tmp_path, "t.yaml", decided))
    on = date(2021, 6, 1)
    assert (_fte(store, "GM9999", on), _fte(store, "GM9998", on)) == (4.0, 0.0)
    planned = (_fte(store, "GM9999", on, View.PLANNED), _fte(store, "GM9998", on, View.PLANNED))
    assert planned == (1.0, 3.0)  # left the one, arrived in the other: no FTE vanishes
    store.dispose()


def test_a_write_to_the_receiver_that_blocks_the_arrival_is_refused_and_names_the_transfer(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "t.yaml", TRANSFER))
    clash = write(
        tmp_path,
        "clash.yaml",
        "format: raadhuis/1\norganisation: GM9998\n"
        "units:\n  - {id: ICT, name: Eigen ICT, kind: team, from: 2019-01-01, assumption: true}\n",
    )
    with pytest.raises(InputErrors) as info:
        register.import_dataset(store, clash)
    assert "unit 'ICT' already exists in GM9998 on 2020-01-01" in str(info.value)
    assert _fte(store, "GM9998", date(2020, 1, 1)) == 3.0  # nothing was written
    # Retracting the transfer puts everything back in the sender, and the receiver's read models follow.
    register.retract_event(store, "GM9999", "ict-naar-ssc", "tester", "niet doorgegaan")
    assert (_fte(store, "GM9999", date(2020, 1, 1)), _fte(store, "GM9998", date(2020, 1, 1))) == (4.0, 0.0)
    store.dispose()


def test_a_write_touching_a_transfer_touches_both_organisations(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "t.yaml", TRANSFER))
    with store.session() as s:
        assert register.organisations_touched(s, ["GM9999"]) == {"GM9999", "GM9998"}
        assert register.organisations_touched(s, ["GM9998"]) == {"GM9999", "GM9998"}
    store.dispose()


def test_a_transfer_to_an_organisation_outside_the_register_makes_the_unit_leave(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    text = TRANSFER.replace("to: GM9998, parent: SSC", "to: GM0153").replace("  - {id: GM9998, name: Buurstad}\n", "")
    text = text.replace(
        "  - {id: SSC, name: Shared Service Center, kind: afdeling, organisation: GM9998, from: 2015-01-01, assumption: true}\n",
        "",
    )
    register.import_dataset(store, write(tmp_path, "t.yaml", text))
    assert _fte(store, "GM9999", date(2020, 1, 1)) == 1.0
    assert [o["id"] for o in register.list_organisations(store)] == ["GM9999"]
    store.dispose()


def test_losser_wiz_stays_in_fact_and_arrives_in_enschede_in_the_plan(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, Path(__file__).parents[1] / "examples" / "losser.yaml")
    day = date(2017, 6, 1)
    assert "WIZ" in register.snapshot(store, "GM0168", day).units
    assert "WIZ" not in register.snapshot(store, "GM0153", day).units
    assert "WIZ" not in register.snapshot(store, "GM0168", day, View.PLANNED).units
    assert "WIZ" in register.snapshot(store, "GM0153", day, View.PLANNED).units  # nowhere lost in the plan
    lin = register.lineage_of(store, "GM0153", "WIZ", View.PLANNED)
    assert [(p["organisation"], p["event"]) for p in lin["predecessors"]] == [("GM0168", "wiz-naar-enschede")]
    store.dispose()


# --- 4. an imprecise date says so on the days it leaves open ---------------------------------------

IMPRECISE = (
    HEAD
    + """units:
  - {id: OCW, name: Onderwijs, kind: dienst, from: 2016-01-01, assumption: true}
  - {id: WMO, name: Wmo-taken, kind: afdeling, from: 2016-01-01, assumption: true}
  - {id: BEC, name: Bedrijfsvoering, kind: afdeling, from: 2016-01-01, assumption: true}
posts:
  - {id: jur, unit: OCW, title: Jurist, fte: 1.0, from: 2016-01-01, assumption: true}
events:
  - {id: wmo-in-ocw, type: absorb, date: 2017-04, units: [WMO], into: OCW, assumption: true}
  - {id: juridisch, type: bundle, date: 2018-Q2, posts: [jur], into: BEC, status: decided, assumption: true}
"""
)


def test_show_json_lists_the_uncertain_dates_of_the_day(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    assert run(db, "import", str(write(tmp_path, "i.yaml", IMPRECISE)))[0] == 0

    def uncertain(day: str, *extra: str) -> list[dict[str, object]]:
        _, out = run(db, "show", "GM9999", "--at", day, "--format", "json", *extra)
        return json.loads(out)["uncertain"]  # type: ignore[no-any-return]

    assert uncertain("2017-04-15") == [
        {
            "event": "wmo-in-ocw",
            "type": "absorb",
            "date": "2017-04",
            "precision": "month",
            "window": {"from": "2017-04-01", "to": "2017-04-30"},
            "units": ["WMO", "OCW"],
            "posts": [],
        }
    ]
    assert uncertain("2017-04-01")[0]["event"] == "wmo-in-ocw"  # the day the engine applies it
    assert uncertain("2017-03-31") == [] and uncertain("2017-04-30") == []  # before, and certainly done
    assert uncertain("2018-05-15") == []  # a decided event is not in the actual view
    planned = uncertain("2018-05-15", "--planned")
    assert [(u["event"], u["window"], u["units"], u["posts"]) for u in planned] == [
        ("juridisch", {"from": "2018-04-01", "to": "2018-06-30"}, ["BEC", "OCW"], ["jur"])
    ]
    # As known at an earlier moment, from the events as they were then: the same answer.
    _, out = run(db, "show", "GM9999", "--at", "2017-04-15", "--known-at", "2100-01-01", "--format", "json")
    assert json.loads(out)["uncertain"][0]["window"] == {"from": "2017-04-01", "to": "2017-04-30"}


def test_show_as_text_marks_the_units_and_names_the_events_of_an_uncertain_date(tmp_path: Path) -> None:
    """Not only the JSON: the tree the CLI prints says the day is open, with the window in words."""
    db = tmp_path / "r.sqlite"
    assert run(db, "import", str(write(tmp_path, "i.yaml", IMPRECISE)))[0] == 0
    code, out = run(db, "show", "GM9999", "--at", "2017-04-15")
    text = " ".join(out.split())  # rich wraps long lines
    assert code == 0
    label = "datum onzeker: tussen 1 april en 30 april 2017"
    assert re.search(r"Onderwijs \(OCW, dienst, [^)]*\) \? " + label, text)
    assert "Onzekere datums op deze dag" in text
    # The event by kind and id, its date as the source gives it in words, the units by name (also
    # the one that ended that day), and what the answer assumed.
    assert f"? opgaan in (wmo-in-ocw) (april 2017): Wmo-taken, Onderwijs — {label}" in text
    assert "neemt aan dat ze op de eerste dag van hun periode gebeurden" in text
    _, english = run(db, "--lang", "en", "show", "GM9999", "--at", "2017-04-15")
    assert "date uncertain: between 1 April and 30 April 2017" in " ".join(english.split())
    for day in ("2017-03-31", "2017-04-30"):  # before the window, and its last day: nothing open
        _, quiet = run(db, "show", "GM9999", "--at", day)
        assert "?" not in quiet and "onzeker" not in quiet


def test_pages_chart_and_report_mark_the_units_of_an_uncertain_date(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from raadhuis.report import report_data, report_html, report_pdf
    from raadhuis.web.app import create_app

    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "i.yaml", IMPRECISE))
    label = "datum onzeker: tussen 1 april en 30 april 2017"
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        html = client.get("/o/GM9999", params={"at": "2017-04-15"}).text
        # The chart marks OCW with a "?" that names the window; the list and the table say it in words.
        assert re.search(r'class="unit uncertain" data-unit="OCW"', html)
        assert f'<g class="uncertain-mark"><title>{label}</title>' in html
        assert html.count(f'<span class="badge uncertain">{label}</span>') == 2
        assert "uncertain" not in client.get("/o/GM9999", params={"at": "2017-04-30"}).text.split("<main", 1)[1]
        english = client.get("/o/GM9999", params={"at": "2017-04-15", "lang": "en"}).text
        assert "date uncertain: between 1 April and 30 April 2017" in english
        # The unit's own page says it too, at the top; not on a day the window leaves no longer open.
        unit_page = client.get("/o/GM9999/u/OCW", params={"at": "2017-04-15", "lang": "nl"}).text
        assert f'<p class="notice"><span class="badge uncertain">{label}</span>' in unit_page
        assert "badge uncertain" not in client.get("/o/GM9999/u/OCW", params={"at": "2017-04-30"}).text
        assert "badge uncertain" not in client.get("/o/GM9999/u/BEC", params={"at": "2017-04-15"}).text
        svg = client.get("/o/GM9999/chart.svg", params={"at": "2017-04-15"}).text
        assert 'class="unit uncertain" data-unit="OCW"' in svg and 'data-mark="uncertain"' in svg
    data = report_data(store, "GM9999", date(2017, 4, 15))
    page = report_html(data)
    assert 'class="unit uncertain" data-unit="OCW"' in page
    assert f"Wmo-taken, Onderwijs — {label}" in page  # the units by name, also the one gone that day
    assert "(april 2017): Wmo-taken" in page  # the date in words, not the code '2017-04'
    from tests.test_report import _pdf_text

    text = _pdf_text(report_pdf(data))
    assert "Onzekere datums op deze dag" in text and label in text
    store.dispose()


# --- 5. BBV formatie and bezetting on any day of the year and in the planned view -----------------

BBV = (
    HEAD
    + """units:
  - {id: A, name: Alfa, kind: afdeling, from: 2020-01-01, assumption: true}
posts:
  - {id: p1, unit: A, title: Medewerker, fte: 2.0, from: 2020-01-01, assumption: true,
     staffing: [{kind: employee, fte: 1.5}, {kind: external_hire, fte: 0.5}]}
  - {id: p2, unit: A, title: Adviseur, fte: 1.0, from: 2020-01-01, assumption: true,
     staffing: [{kind: loan_in, fte: 1.0, organisation: GM9998}]}
events:
  - id: uitbreiding
    type: add_post
    date: 2020-06-01
    status: decided
    post: {id: p3, unit: A, title: Nieuw, fte: 1.0, staffing: [{kind: employee, fte: 1.0}]}
    assumption: true
"""
)


def test_bbv_formatie_and_bezetting_are_derived_on_any_day_and_in_the_planned_view(tmp_path: Path) -> None:
    from raadhuis.services import analysis

    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    register.import_dataset(store, write(tmp_path, "b.yaml", BBV))
    mid_year = analysis.indicators(store, "GM9999", date(2021, 6, 15))
    # On 1 January 2021: 3 FTE budgeted, own employees 1.5 (the hire and the loan do not count).
    assert mid_year["derived"] == {"formatie_fte": 3.0, "bezetting_fte": 1.5}
    reason = next(r for r in mid_year["reasons"] if r["id"] == "indicators.derived_from_register")
    assert "1 januari 2021, feitelijke weergave" in reason["nl"] and "bezetting eigen personeel (BBV)" in reason["nl"]
    planned = analysis.indicators(store, "GM9999", date(2021, 6, 15), View.PLANNED)
    assert planned["derived"] == {"formatie_fte": 4.0, "bezetting_fte": 2.5}  # the decided post counts in the plan
    assert mid_year["values"]["bezetting"]["name_nl"] == "Bezetting eigen personeel (BBV)"
    # The other figure, filled FTE with hire and loans in, has its own name wherever it is shown.
    assert register.show(store, "GM9999", date(2021, 6, 15))["totals"]["filled_fte"] == 3.0
    db = tmp_path / "r.sqlite"
    _, text = run(db, "show", "GM9999", "--at", "2021-06-15")
    assert "3,00 fte bezet (incl. inhuur en inleen)" in " ".join(text.split())  # Dutch figures in the CLI
    store.dispose()


def test_bbv_bezetting_is_unknown_when_a_post_records_no_staffing(tmp_path: Path) -> None:
    from raadhuis.services import analysis

    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    text = BBV.replace(
        "events:", "  - {id: p4, unit: A, title: Onbekend, fte: 1.0, from: 2020-01-01, assumption: true}\nevents:"
    )
    register.import_dataset(store, write(tmp_path, "b.yaml", text))
    out = analysis.indicators(store, "GM9999", date(2021, 6, 15))
    assert out["derived"] == {"formatie_fte": 4.0}  # no bezetting: one post says nothing about who fills it
    reason = next(r for r in out["reasons"] if r["id"] == "indicators.staffing_unknown")
    assert "bij 1 formatieplaats is geen bezetting vastgelegd" in reason["nl"]
    store.dispose()
