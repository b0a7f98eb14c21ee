"""The sections programmes, progress_scales and challenges in a dataset file: what they hold, and
every bad input named by file, line and field, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.challenge import Challenge
from raadhuis.domain.programme import MilestoneStatus, Programme, Reading
from raadhuis.formats.dataset import dump_dataset, load_dataset, read_dataset
from raadhuis.services import register, sections
from raadhuis.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

HEAD = """format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser}
sources:
  - {id: s1, title: Jaarverslag}
units:
  - {id: OW, name: Openbare Werken, kind: afdeling, from: 2009, assumption: true}
posts:
  - {id: p1, unit: OW, title: Projectleider, fte: 1, from: 2024-08, assumption: true}
progress_scales:
  - id: rag
    levels:
      - {value: G, reading: green}
      - {value: R, reading: red}
"""


def programme(body: str) -> str:
    return HEAD + "programmes:\n  - id: p\n    name: Programma\n    period: {from: 2024, to: 2025}\n" + body


CASES = {
    "allocations above the total": (
        programme(
            "    budget:\n      - year: 2024\n        total: 1000\n"
            "        allocations:\n          - {purpose: a, amount: 800}\n          - {purpose: b, amount: 300}\n"
        ),
        23,
        "programmes[0].budget[0].allocations",
        "the allocations add up to 1100, more than the total of 1000 for 2024",
    ),
    "a milestone outside the period": (
        programme("    milestones:\n      - {id: m1, title: Klaar, date: 2027-03}\n"),
        21,
        "programmes[0].milestones[0].date",
        "milestone date 2027-03 lies outside the programme's period (2024 to 2025)",
    ),
    "a reading on an unknown scale": (
        programme("    progress:\n      - {date: 2024-06, value: G, scale: stoplicht}\n"),
        21,
        "programmes[0].progress[0].scale",
        "unknown progress scale 'stoplicht'; expected one of: rag",
    ),
    "a reading off its scale": (
        programme("    scale: rag\n    progress:\n      - {date: 2024-06, value: O}\n"),
        22,
        "programmes[0].progress[0].value",
        "value 'O' is not on scale 'rag'; expected one of: G, R",
    ),
    "a negative amount": (
        programme("    budget:\n      - {year: 2024, total: -5}\n"),
        21,
        "programmes[0].budget[0].total",
        "expected a number of at least 0, got -5",
    ),
    "an unknown linked unit": (
        programme("    units: [OW, XYZ]\n"),
        20,
        "programmes[0].units[1]",
        "unknown unit 'XYZ' in GM0168",
    ),
    "an unknown post": (
        programme("    posts:\n      - {role: projectleider, post: p9, leads: true}\n"),
        21,
        "programmes[0].posts[0].post",
        "unknown post 'p9' in GM0168",
    ),
    "an unknown change event": (
        programme("    events:\n      - {relation: reason, events: [OW@2009, nope]}\n"),
        21,
        "programmes[0].events[0].events[1]",
        "unknown event 'nope' in GM0168",
    ),
    "an unknown challenge": (
        programme("    challenges: [omgevingswet]\n"),
        20,
        "programmes[0].challenges[0]",
        "unknown challenge 'omgevingswet' of GM0168",
    ),
    "an unknown source": (
        programme("    milestones:\n      - {id: m1, title: Klaar, date: 2024, sources: [{source: s9, quote: x}]}\n"),
        21,
        "programmes[0].milestones[0].sources[0].source",
        "unknown source 's9'; expected one of the sources listed",
    ),
    "a reached milestone without its date": (
        programme("    milestones:\n      - {id: m1, title: Klaar, date: 2024, status: reached}\n"),
        21,
        "programmes[0].milestones[0].status_date",
        "a reached milestone needs 'status_date': when it was reached",
    ),
    "a challenge with both FTE and money": (
        HEAD + "challenges:\n  - id: c\n    name: Opgave\n    task_fields: ['8.1']\n"
        "    demand:\n      - {fte: 2, amount: 100000}\n",
        21,
        "challenges[0].demand[0]",
        "expected exactly one of 'fte' or 'amount'",
    ),
    "a challenge on an unknown task field": (
        HEAD + "challenges:\n  - id: c\n    name: Opgave\n    task_fields: ['8.9']\n",
        19,
        "challenges[0].task_fields[0]",
        "unknown task field '8.9'",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_programme_input_names_file_line_and_field(name: str) -> None:
    text, line, field, message = CASES[name]
    with pytest.raises(InputErrors) as caught:
        load_dataset(text, "prog.yaml")
    errors = caught.value.errors
    found = [e for e in errors if e.field == field]
    assert found, f"no error at {field}: {[str(e) for e in errors]}"
    assert found[0].file == "prog.yaml" and found[0].line == line, str(found[0])
    assert message in found[0].message


def test_a_milestone_outside_the_period_is_accepted_when_it_says_so() -> None:
    text = programme("    milestones:\n      - {id: m1, title: Nazorg, date: 2027, outside_period: nazorg na afloop}\n")
    ds = load_dataset(text, "prog.yaml")
    p: Programme = ds.sections["programmes"][0]
    assert p.milestones[0].outside_period == "nazorg na afloop"


def test_a_bad_file_writes_nothing(sqlite_store: Store, tmp_path: Path) -> None:
    register.import_dataset(sqlite_store, EXAMPLES / "jaarverslag-2024.yaml", who="t", reason="t")
    before = sections.items(sqlite_store, "programmes")
    bad = tmp_path / "bad.yaml"
    text, *_ = CASES["allocations above the total"]
    bad.write_text(text.replace("GM0168", "voorbeeldgemeente-2024").replace("id: p\n", "id: dienstverlening-2024\n"))
    with pytest.raises(InputErrors):
        register.import_dataset(sqlite_store, bad, who="t", reason="t")
    assert sections.items(sqlite_store, "programmes") == before


def test_the_2024_programme_holds_every_figure_and_role_of_seed_003() -> None:
    ds = read_dataset(EXAMPLES / "jaarverslag-2024.yaml")
    p: Programme = ds.sections["programmes"][0]
    assert p.total == 150000 and p.currency == "EUR" and p.spent is None
    (year,) = p.budget
    assert [(a.purpose, a.amount) for a in year.allocations] == [
        ("extra menskracht ter ondersteuning van de verbetering van de dienstverlening", 100000)
    ]
    assert [s.text for s in p.principles][:3] == ["slagvaardig organiseren", "vitaliteit", "wendbaarheid"]
    assert len(p.principles) == 4
    reading = p.latest_reading()
    assert reading is not None and reading.value == "G" and reading.date.text == "2024"
    scale = next(s for s in ds.sections["progress_scales"] if s.id == p.scale)
    level = scale.level("G")
    assert level is not None and level.reading is Reading.GREEN and level.assumption
    (leader,) = p.leaders()
    assert leader.post == "PL-dienstverlening" and leader.created_for
    add = next(e for e in ds.events if e.id == "projectleider-dienstverlening")
    end = next(e for e in ds.events if e.id == "projectleider-dienstverlening-einde")
    assert (add.date.text, end.date.text, end.status.value) == ("2024-08", "2025-08", "decided")
    consultants = [x for x in p.posts if x.role == "business consultant"]
    assert [(x.post, x.unit) for x in consultants] == [("BC1", "DOM1"), ("BC2", "DOM2"), ("BC3", "DOM3")]
    assert next(x for x in p.posts if x.role == "teamregisseur").count == 5
    (link,) = p.events
    assert link.relation.value == "reason" and len(link.events) == 8
    assert {m.id: m.status for m in p.milestones}["projectleider-gestart"] is MilestoneStatus.REACHED


def test_den_haag_and_losser_name_their_challenges_on_task_fields() -> None:
    den_haag = read_dataset(EXAMPLES / "den-haag.yaml")
    losser = read_dataset(EXAMPLES / "losser.yaml")
    dh: dict[str, Challenge] = {c.id: c for c in den_haag.sections["challenges"]}
    lo: dict[str, Challenge] = {c.id: c for c in losser.sections["challenges"]}
    assert dh["omgevingswet"].codes() == ["8.1", "8.3"] == lo["omgevingswet"].codes()
    assert "6.6" in dh["drie-decentralisaties"].codes() and "6.72" in lo["transformatie-sociaal-domein"].codes()
    assert lo["financiele-opgave"].codes() == ["0.4"]
    assert all(not c.demand for c in [*dh.values(), *lo.values()])  # no source gives a figure
    assert [p.id for p in den_haag.sections["programmes"]] == ["dna-dienstverlening"]
    assert {p.id for p in losser.sections["programmes"]} == {"losser-flexibel-en-verbonden", "expeditie-losser"}
    assert (
        "programmes" not in den_haag.extensions
        and "programmes" not in read_dataset(EXAMPLES / "jaarverslag-2024.yaml").extensions
    )


def test_export_then_import_records_nothing(store: Store, tmp_path: Path) -> None:
    for name in ("jaarverslag-2024.yaml", "den-haag.yaml"):
        register.import_dataset(store, EXAMPLES / name, who="t", reason="t")
    for org in ("voorbeeldgemeente-2024", "GM0518"):
        path = tmp_path / f"{org}.yaml"
        path.write_text(dump_dataset(register.export_dataset(store, org)), "utf-8")
        result = register.import_dataset(store, path, who="t", reason="again")
        for kind in ("programme", "challenge", "progress_scale"):
            counts = result.written.get(kind, {"added": 0, "changed": 0})
            assert (counts["added"], counts["changed"]) == (0, 0), (org, kind, counts)
