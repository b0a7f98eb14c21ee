"""The programme and challenge answers (one service for CLI, API, pages and report), and the
changes a form records: a new version of the programme, previewed, attributed, never lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.services import analysis, challenges, programmes, register
from raadhuis.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
ORG, PID = "voorbeeldgemeente-2024", "dienstverlening-2024"


@pytest.fixture
def loaded(store: Store) -> Store:
    for name in ("losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="fixture")
    return store


def quotes(items: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [c.get("quote", "") for c in items]


def test_programme_answer_has_the_documented_contract(loaded: Store) -> None:
    p = programmes.programme(loaded, ORG, PID)
    budget = p["budget"]
    assert (budget["total"], budget["currency"], budget["spent"], budget["spent_known"]) == (150000, "EUR", None, False)
    (alloc,) = budget["allocations"]
    assert alloc["purpose"].startswith("extra menskracht") and alloc["amount"] == 100000
    assert any("€ 150.000" in q for q in quotes(alloc["sources"]))
    assert {"title", "date", "status"} <= set(p["milestones"][0])
    (reading,) = p["progress"]
    assert (reading["date"], reading["value"], reading["reading"]) == ("2024", "G", "green")
    assert reading["reading_assumption"]  # the source gives only the letter
    assert quotes(reading["sources"]) == ["Voortgangsindicator G"]
    assert p["latest"]["since"] == "2024"
    assert p["owner"]["name"] and p["owner"]["sources"]
    (lead,) = [x for x in p["posts"] if x["leads"]]
    assert (lead["post"], lead["from"], lead["until"], lead["until_status"]) == (
        "PL-dienstverlening",
        "2024-08",
        "2025-08",
        "decided",
    )
    assert any("voor de duur van een jaar" in q for q in quotes(lead["until_sources"]))
    assert {s["about"] for s in p["sources"]} >= {"budget", "progress", "posts", "milestones", "events"}
    assert p["version"] == 1 and p["history"][0]["recorded_by"] == "test"
    (link,) = p["events"]
    assert link["relation"] == "reason" and {e["type"] for e in link["events"]} == {"establish", "dissolve"}


def test_programmes_overview_and_as_of_a_day(loaded: Store) -> None:
    assert [x["id"] for x in programmes.programmes(loaded, "GM0168")["programmes"]] == [
        "losser-flexibel-en-verbonden",
        "expeditie-losser",
    ]
    assert programmes.programmes(loaded, ORG, date(2023, 6, 1))["programmes"] == []
    (row,) = programmes.programmes(loaded, ORG, date(2024, 9, 1))["programmes"]
    assert row["latest"]["value"] == "G" and row["budget"]["total"] == 150000
    everyone = programmes.programmes(loaded)["programmes"]
    assert {x["organisation"] for x in everyone} == {"GM0168", "GM0518", ORG}


def test_challenges_land_on_task_fields_and_are_listed_without_figures(loaded: Store) -> None:
    rows = {c["id"]: c for c in challenges.challenges(loaded, "GM0518")["challenges"]}
    assert [t["code"] for t in rows["omgevingswet"]["task_fields"]] == ["8.1", "8.3"]
    assert rows["omgevingswet"]["demand_known"] is False and rows["omgevingswet"]["sources"]
    losser = {c["id"]: c for c in challenges.challenges(loaded, "GM0168")["challenges"]}
    assert [p["id"] for p in losser["veranderopgave"]["programmes"]] == [
        "losser-flexibel-en-verbonden",
        "expeditie-losser",
    ]
    cap = analysis.capacity(loaded, "GM0518", date(2018, 1, 1))
    assert {c["id"] for c in cap["challenges"]} == {"drie-decentralisaties", "omgevingswet"}
    assert all(not c["counted"] for c in cap["challenges"])
    field = next(t for t in cap["task_fields"] if t["code"] == "8.1")
    assert field["challenges"] == ["omgevingswet"] and field["demand_fte"] is None and field["gap"] is None


def test_record_a_reading_preview_then_save_attributed(loaded: Store) -> None:
    preview = programmes.record_reading(
        loaded, ORG, PID, {"date": "2025-03", "value": "O", "assumption": "eigen waarneming"}, "anna", "maart", 1, True
    )
    assert preview["dry_run"] and preview["changeset"] is None
    assert programmes.programme(loaded, ORG, PID)["version"] == 1  # the preview wrote nothing
    saved = programmes.record_reading(
        loaded, ORG, PID, {"date": "2025-03", "value": "O", "assumption": "eigen waarneming"}, "anna", "maart", 1
    )
    assert saved["changeset"] is not None
    p = programmes.programme(loaded, ORG, PID)
    assert p["version"] == 2 and p["latest"]["value"] == "O" and p["latest"]["reading"] == "amber"
    assert p["progress"][-1]["recorded"]["by"] == "anna" and p["progress"][0]["recorded"]["by"] == "test"
    # The first version stays in the log.
    assert [h["version"] for h in p["history"]] == [1, 2]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("14-3-2025", "2025-03-14"),
        ("14 maart 2025", "2025-03-14"),
        ("maart 2025", "2025-03"),
        ("1e kwartaal 2025", "2025-Q1"),
    ],
)
def test_a_reading_date_typed_the_dutch_way_is_kept_in_the_dataset_form(loaded: Store, typed: str, kept: str) -> None:
    programmes.record_reading(loaded, ORG, PID, {"date": typed, "value": "O", "assumption": "x"}, "anna", "typed", 1)
    assert programmes.programme(loaded, ORG, PID)["progress"][-1]["date"] == kept


def test_a_reading_date_that_is_no_date_is_refused_at_its_field(loaded: Store) -> None:
    with pytest.raises(InputErrors) as caught:
        programmes.record_reading(
            loaded, ORG, PID, {"date": "31-13-2025", "value": "O", "assumption": "x"}, "a", "r", 1
        )
    assert caught.value.errors[0].field.endswith("date")
    assert programmes.programme(loaded, ORG, PID)["version"] == 1


def test_a_change_on_an_old_version_is_refused_not_lost(loaded: Store) -> None:
    programmes.record_reading(loaded, ORG, PID, {"date": "2025-03", "value": "O", "assumption": "x"}, "anna", "a", 1)
    with pytest.raises(InputErrors) as caught:
        programmes.record_reading(loaded, ORG, PID, {"date": "2025-04", "value": "R", "assumption": "x"}, "bob", "b", 1)
    assert caught.value.errors[0].field == "version"
    assert [r["value"] for r in programmes.programme(loaded, ORG, PID)["progress"]] == ["G", "O"]


def test_record_a_spend_and_a_milestone_reached(loaded: Store) -> None:
    programmes.record_spend(
        loaded,
        ORG,
        PID,
        {"year": "2024", "amount": "12.500", "date": "2024-11", "source": "jaarverslag-2024"},
        "b",
        "s",
        1,
    )
    programmes.record_milestone(
        loaded,
        ORG,
        PID,
        {"milestone": "opdracht-afgerond", "status": "reached", "status_date": "2025-08-15", "assumption": "gemeld"},
        "c",
        "klaar",
        2,
    )
    p = programmes.programme(loaded, ORG, PID)
    assert (p["budget"]["spent"], p["budget"]["spent_share"]) == (12500, 0.0833)
    done = next(m for m in p["milestones"] if m["id"] == "opdracht-afgerond")
    assert (done["status"], done["status_date"], done["recorded"]["by"]) == ("reached", "2025-08-15", "c")


@pytest.mark.parametrize(
    ("what", "form", "field"),
    [
        ("reading", {"date": "2025-03", "value": "X", "assumption": "x"}, "programmes[0].progress[1].value"),
        ("reading", {"date": "maart", "value": "G"}, "progress[0].date"),
        ("reading", {"value": "G"}, "date"),
        ("spend", {"year": "2024", "amount": "-5"}, "programmes[0].budget[0].spending[0].amount"),
        ("spend", {"year": "2024", "amount": "veel"}, "amount"),
        ("spend", {"year": "dit jaar", "amount": "5"}, "year"),
        (
            "milestone",
            {"milestone": "opdracht-afgerond", "status": "reached"},
            "programmes[0].milestones[2].status_date",
        ),
        (
            "reading",
            {"date": "2025-03", "value": "G", "source": "nergens"},
            "programmes[0].progress[1].sources[0].source",
        ),
    ],
)
def test_bad_form_input_names_the_field_and_writes_nothing(loaded: Store, what: str, form: dict, field: str) -> None:  # type: ignore[type-arg]
    record = {
        "reading": programmes.record_reading,
        "spend": programmes.record_spend,
        "milestone": programmes.record_milestone,
    }
    with pytest.raises(InputErrors) as caught:
        record[what](loaded, ORG, PID, form, "x", "y", 1)
    assert field in [e.field for e in caught.value.errors], [str(e) for e in caught.value.errors]
    assert programmes.programme(loaded, ORG, PID)["version"] == 1


def test_unknown_programme_is_not_found(loaded: Store) -> None:
    with pytest.raises(register.NotFound):
        programmes.programme(loaded, ORG, "bestaat-niet")


def test_timeline_entries_hold_periods_and_milestones(loaded: Store) -> None:
    (entry,) = programmes.timeline_entries(loaded, ORG)
    assert entry["from"] == "2024" and [m["id"] for m in entry["milestones"]] == [
        "herinrichting",
        "projectleider-gestart",
        "opdracht-afgerond",
    ]
