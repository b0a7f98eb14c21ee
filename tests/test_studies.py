"""Audit studies and the follow-up of their recommendations (issue 10): the section, its checks,
the rules of the follow-up, the Losser example and the service every door uses."""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.study import (
    DEFAULT_TERM_MONTHS,
    Council,
    Dates,
    FollowUp,
    Recommendation,
    State,
    Status,
    Study,
    add_months,
    deadline_of,
    follow_up_state,
    overdue_days,
    past_term_unknown,
)
from raadhuis.formats.dataset import dump_dataset, load_dataset, read_dataset
from raadhuis.services import register, studies
from raadhuis.services.studies import StatusChange
from raadhuis.store.database import Store
from raadhuis.store.tables import Changeset, Record

ROOT = Path(__file__).resolve().parents[1]
LOSSER = ROOT / "examples" / "losser.yaml"
STUDY = "rekenkamer-losser-2017"

# A small study of its own: the checks are tried on it, one fault at a time.
SMALL = textwrap.dedent(
    """\
    format: raadhuis/1
    organisation: GM9999
    organisations:
      - {id: GM9999, name: Proefgemeente, assumption: "test"}
      - {id: rkc-proef, name: Rekenkamercommissie Proefgemeente, kind: rekenkamercommissie, assumption: "test"}
    sources:
      - {id: rapport, title: Rapport, kind: document, date: 2020-06-01}
      - {id: gesprek-1, title: Gesprek met de secretaris, kind: interview}
    units:
      - {id: AFD, name: Afdeling, from: 2019-01-01, assumption: "test"}
    studies:
      - id: proef-2020
        title: Proefonderzoek
        audit_body: rkc-proef
        dates: {start: 2020-01, final: 2020-06-01}
        questions:
          - text: Werkt het?
            sub_questions:
              - {number: 1, text: Wat werkt er?}
        method:
          - {kind: interview, source: gesprek-1, person: A. Secretaris, role: gemeentesecretaris, date: 2020-02}
        findings:
          - {id: b1, question: 1, title: Het werkt deels, links: {units: [AFD]}, sources: [{source: rapport, quote: "deels"}]}
        conclusions:
          - {number: 1, title: Deels, findings: [b1]}
        recommendations:
          - {number: 1, title: Doe het beter, addressee: college, conclusions: [1], response: {kind: overgenomen, text: Ja.}}
          - {number: 2a, title: Doe het sneller, addressee: raad, conclusions: [1]}
        council: {date: 2020-09-15, adopted: true}
    follow_up:
      - {study: proef-2020, recommendation: 1, date: 2021-03, status: in_uitvoering, sources: [rapport]}
      - {study: proef-2020, recommendation: 1, date: 2022-05-01, status: uitgevoerd, sources: [rapport]}
    """
)


def _broken(old: str, new: str) -> str:
    assert old in SMALL, old
    return SMALL.replace(old, new, 1)


def _errors(text: str) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load_dataset(text, "proef.yaml")
    return [str(e) for e in caught.value.errors]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the section: decoding, encoding, checks --------------------------------------------------


def test_the_small_study_loads_and_round_trips() -> None:
    ds = load_dataset(SMALL, "proef.yaml")
    study = ds.sections["studies"][0]
    assert [r.number for r in study.recommendations] == ["1", "2a"]  # numbers are the report's labels, as text
    assert study.sub_questions()[0].number == "1"
    assert [e.status for e in ds.sections["follow_up"]] == [Status.IN_UITVOERING, Status.UITGEVOERD]
    again = load_dataset(dump_dataset(ds), "again.yaml")
    assert again.sections == ds.sections


# (what to break, how, the text on the line the error names, the field, words of the message)
FAULTS = {
    "unknown-conclusion": (
        "conclusions: [1], response",
        "conclusions: [4], response",
        "Doe het beter",
        "studies[0].recommendations[0].conclusions[0]",
        "unknown conclusion '4'; expected one of 1",
    ),
    "status-before-study": (
        "date: 2021-03, status",
        "date: 2019-12, status",
        "2019-12",
        "follow_up[0].date",
        "before the study 'proef-2020' (2020-06-01)",
    ),
    "same-number-twice": (
        "number: 2a,",
        "number: 1,",
        "Doe het sneller",
        "studies[0].recommendations[1].number",
        "recommendation number '1' is used twice",
    ),
    "unknown-status": (
        "status: in_uitvoering",
        "status: klaar",
        "klaar",
        "follow_up[0].status",
        "expected one of open, in_uitvoering",
    ),
    "interview-without-date": (
        ", date: 2020-02}",
        "}",
        "A. Secretaris",
        "studies[0].method[0]",
        "'date' is required",
    ),
    "unknown-unit": (
        "units: [AFD]",
        "units: [GEEN]",
        "GEEN",
        "studies[0].findings[0].links.units[0]",
        "unknown unit 'GEEN' of GM9999",
    ),
    "unknown-programme": (
        "units: [AFD]",
        "units: [AFD], programmes: [geen-programma]",
        "geen-programma",
        "studies[0].findings[0].links.programmes[0]",
        "unknown programme 'geen-programma'",
    ),
    "unknown-audit-body": (
        "audit_body: rkc-proef",
        "audit_body: rkc-elders",
        "rkc-elders",
        "studies[0].audit_body",
        "unknown organisation 'rkc-elders'",
    ),
    "unknown-sub-question": (
        "question: 1, title",
        "question: 7, title",
        "question: 7",
        "studies[0].findings[0].question",
        "unknown sub-question '7'",
    ),
    "unknown-recommendation": (
        "recommendation: 1, date: 2021-03",
        "recommendation: 9, date: 2021-03",
        "recommendation: 9",
        "follow_up[0].recommendation",
        "unknown recommendation '9'",
    ),
}


@pytest.mark.parametrize("fault", FAULTS, ids=str)
def test_a_fault_is_named_with_file_line_and_field(fault: str) -> None:
    old, new, on_line, field, expected = FAULTS[fault]
    text = _broken(old, new)
    errors = _errors(text)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"proef.yaml:{_line_of(text, on_line)}: {field}: "), errors
    assert expected in errors[0]


def test_an_interview_without_a_date_is_refused_also_from_the_store() -> None:
    # The schema refuses it in a file; the decoder refuses it in data that skipped the schema.
    from raadhuis.canonical.sections import DecodeContext
    from raadhuis.canonical.studies import decode_study

    ctx = DecodeContext("GM9999")
    decode_study(
        {"id": "x", "title": "X", "audit_body": "rkc", "method": [{"kind": "interview", "source": "s"}]},
        ("studies", 0),
        ctx,
    )
    assert ctx.errors == [
        (("studies", 0, "method", 0, "date"), "an interview needs its date (a fuzzy date such as 2017 or 2017-10)")
    ]


def test_errors_read_in_dutch() -> None:
    errors = _errors(_broken("conclusions: [1], response", "conclusions: [4], response"))
    with pytest.raises(InputErrors) as caught:
        load_dataset(_broken("conclusions: [1], response", "conclusions: [4], response"), "proef.yaml")
    assert "onbekende conclusie '4'; verwacht een van: 1" in caught.value.errors[0].text("nl")
    assert errors


def _counts(store: Store) -> tuple[int, int]:
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Record)) or 0,
            s.scalar(select(func.count()).select_from(Changeset)) or 0,
        )


def test_bad_input_writes_nothing(store: Store, tmp_path: Path) -> None:
    register.import_dataset(store, LOSSER, who="test", reason="voorbeeld")
    before = _counts(store)
    for old, new, *_ in FAULTS.values():
        path = tmp_path / "proef.yaml"
        path.write_text(_broken(old, new), "utf-8")
        with pytest.raises(InputErrors):
            register.import_dataset(store, path, who="test", reason="kapot")
        assert _counts(store) == before
    # A status change through the service, with a fault in each field, writes nothing either.
    for change, field in [
        (StatusChange("GM0168", STUDY, "3a", "klaar", "2019-01-01", source=STUDY), "status"),
        (StatusChange("GM0168", STUDY, "3a", "open", "2016-01-01", source=STUDY), "follow_up[0].date"),
        (StatusChange("GM0168", STUDY, "9", "open", "2019-01-01", source=STUDY), "follow_up[0].recommendation"),
        (StatusChange("GM0168", STUDY, "3a", "open", "morgen", source=STUDY), "date"),
        (StatusChange("GM0168", STUDY, "3a", "open", "2019-01-01"), "source"),
    ]:
        with pytest.raises(InputErrors) as caught:
            studies.record_status(store, change, "tester", "proef", "test")
        assert field in [e.field for e in caught.value.errors], caught.value.errors
        assert _counts(store) == before


# --- the rules -----------------------------------------------------------------------------------


def _study(council: Council | None = None) -> Study:
    return Study(
        id="s",
        title="S",
        audit_body="rkc",
        about=("GM1",),
        dates=Dates(final=FuzzyDate.parse("2020-06-01")),
        recommendations=(Recommendation("1", "R1"), Recommendation("2", "R2", deadline=FuzzyDate.parse("2021"))),
        council=council,
    )


def test_without_any_source_the_status_is_unknown_never_invented() -> None:
    study = _study()
    state = follow_up_state(study, study.recommendations[0], [], date(2030, 1, 1))
    assert state.state is State.ONBEKEND and state.since is None


def test_the_council_decision_makes_a_recommendation_open_or_not_adopted() -> None:
    adopted = _study(Council(date=FuzzyDate.parse("2020-09-15"), adopted=True))
    rec = adopted.recommendations[0]
    assert follow_up_state(adopted, rec, [], date(2020, 9, 14)).state is State.ONBEKEND
    state = follow_up_state(adopted, rec, [], date(2020, 9, 15))
    assert (state.state, state.since, state.from_council) == (State.OPEN, FuzzyDate.parse("2020-09-15"), True)
    rejected = _study(Council(date=FuzzyDate.parse("2020-09-15"), adopted=False))
    assert follow_up_state(rejected, rec, [], date(2021, 1, 1)).state is State.NIET_OVERGENOMEN


def test_the_latest_status_in_effect_on_the_day_counts() -> None:
    study = _study(Council(date=FuzzyDate.parse("2020-09-15"), adopted=True))
    rec = study.recommendations[0]
    entries = [
        FollowUp("s", "1", "GM1", FuzzyDate.parse("2021-Q1"), Status.IN_UITVOERING),
        FollowUp("s", "1", "GM1", FuzzyDate.parse("2022-05-01"), Status.UITGEVOERD),
    ]
    assert follow_up_state(study, rec, entries, date(2020, 12, 31)).state is State.OPEN
    assert follow_up_state(study, rec, entries, date(2021, 1, 1)).state is State.IN_UITVOERING
    assert follow_up_state(study, rec, entries, date(2022, 5, 1)).state is State.UITGEVOERD


def test_deadline_default_term_and_overdue() -> None:
    study = _study(Council(date=FuzzyDate.parse("2020-09-15"), adopted=True))
    own = deadline_of(study, study.recommendations[1])
    assert own is not None and (own.day, own.assumed) == (date(2021, 12, 31), False)  # the last day "2021" may mean
    default = deadline_of(study, study.recommendations[0])
    assert default is not None and default.assumed and default.basis == "council"
    assert default.day == add_months(date(2020, 9, 15), DEFAULT_TERM_MONTHS) == date(2022, 9, 15)
    open_state = follow_up_state(study, study.recommendations[0], [], date(2022, 9, 25))
    assert overdue_days(open_state, default, date(2022, 9, 25)) == 10
    assert overdue_days(open_state, default, date(2022, 9, 15)) is None
    unknown = follow_up_state(_study(), study.recommendations[0], [], date(2023, 1, 1))
    no_council = deadline_of(_study(), study.recommendations[0])
    assert no_council is not None and no_council.basis == "final" and no_council.day == date(2022, 6, 1)
    assert overdue_days(unknown, no_council, date(2023, 1, 1)) is None  # unknown is not called overdue …
    assert past_term_unknown(unknown, no_council, date(2023, 1, 1)) == 214  # … but listed as past its term
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)


# --- the Losser example (seed 001) -----------------------------------------------------------------


def test_losser_study_is_whole() -> None:
    ds = read_dataset(LOSSER)
    [study] = ds.sections["studies"]
    assert study.audit_body == "rekenkamercommissie-losser" and study.about == ("GM0168",)
    assert "rekenkamercommissie-losser" in {o.id for o in ds.organisations}
    [question] = study.questions
    assert question.text.startswith("Is de ambtelijke organisatie voldoende toegerust")
    assert [sq.number for sq in question.sub_questions] == ["1", "2", "3", "4", "5"]
    assert {f.question for f in study.findings} == {"1", "2", "3", "4", "5"}
    assert [c.number for c in study.conclusions] == ["1", "2", "3"]
    assert [(r.number, r.conclusions) for r in study.recommendations] == [
        ("1", ("1",)),
        ("2", ("2",)),
        ("3a", ("3",)),
        ("3b", ("3",)),
    ]
    sources = {s.id: s for s in ds.sources}
    interviews = [m for m in study.method if m.kind.value == "interview"]
    documents = [m for m in study.method if m.kind.value == "documentstudie"]
    assert len(interviews) == 13 and len(documents) == 14
    assert all(m.date is not None and m.assumption for m in interviews)  # the report gives no dates: marked
    assert all(m.source and sources[m.source].kind == "interview" for m in interviews)
    assert all(m.source and sources[m.source].kind == "document" for m in documents)
    assert study.hearing is not None and len(study.hearing.rows) == 17
    unchanged = [r for r in study.hearing.rows if r.outcome.value == "niet_aangepast"]
    assert [r.page for r in unchanged] == ["13"]
    # What no source gives is said to be missing, with why: no response, nawoord, council decision or follow-up.
    assert study.response is None and study.nawoord is None and study.council is None
    assert {"responses", "nawoord", "council", "follow_up", "norms", "addressees"} <= dict(study.missing).keys()
    assert "follow_up" not in ds.sections
    assert "studies" not in ds.extensions  # moved from the free extensions into the section


def test_losser_study_items_are_the_reports_own_words() -> None:
    """Titles, questions and the wederhoor table's cells are the report's words (quotes are checked
    in test_examples.py with every other quote)."""
    seed = SHARED_SEED()
    ds = read_dataset(LOSSER)
    [study] = ds.sections["studies"]
    texts = [q.text for q in study.questions] + [sq.text for sq in study.sub_questions()]
    texts += [x.title for x in (*study.findings, *study.conclusions, *study.recommendations)]
    assert study.hearing is not None
    for row in study.hearing.rows:
        texts.append(row.processing)
        if row.draft_text:
            texts.append(row.draft_text.replace("…", ""))
    missing = [x for x in texts if " ".join(x.split()) not in seed]
    assert missing == []


def SHARED_SEED() -> str:  # noqa: N802 - a constant read once per test
    from tests.conftest import shared_path

    return " ".join(shared_path("seeds", "001_13fe4c1e952cd33b.txt").read_text("utf-8").split())


# --- the service (CLI, API, pages and report all call it) -------------------------------------------


def test_losser_answers_through_the_service(store: Store) -> None:
    register.import_dataset(store, LOSSER, who="test", reason="voorbeeld")
    listed = studies.list_studies(store, "GM0168")["studies"]
    assert [s["id"] for s in listed] == [STUDY]
    assert studies.list_studies(store, "rekenkamercommissie-losser")["studies"][0]["id"] == STUDY
    detail = studies.study_detail(store, "Losser", STUDY, at=date(2025, 1, 1))
    assert detail["questions"][0]["number"] is None  # the report does not number its main question
    assert [r["number"] for r in detail["recommendations"]] == ["1", "2", "3a", "3b"]
    for r in detail["recommendations"]:
        assert r["status"]["value"] == "onbekend" and r["status"]["since"] is None
        assert r["status"]["why"].startswith("Geen brondocument")
        assert r["response"]["kind"] == "onbekend" and "bestuurlijke reactie" in r["response"]["why"]
        assert r["addressee"] == "onbekend" and r["addressee_why"]
        assert r["overdue_days"] is None and r["past_term_days"] > 0  # past the assumed term, status unknown
        assert r["deadline"]["assumed"] and r["deadline"]["date"] == "2019-12-14"
        assert all(c["quote"] for c in r["sources"])
    bsp = next(f for f in detail["findings"] if f["id"] == "te-weinig-capaciteit")
    assert bsp["links"]["units"] == [
        {"id": "BSP", "name": "Beleid, Strategie en Projecten", "checked": True, "organisation": "GM0168"}
    ]
    programmes = next(f for f in detail["findings"] if f["id"] == "programmas-roadmap")["links"]["programmes"]
    # The programmes section is registered: the ids are checked and named.
    assert [(p["id"], p["checked"]) for p in programmes] == [
        ("losser-flexibel-en-verbonden", True),
        ("expeditie-losser", True),
    ]
    assert detail["hearing"]["changed"] == 16 and len(detail["hearing"]["rows"]) == 17
    found = studies.findings_about(store, "GM0168", unit="WIZ")
    assert [f["id"] for f in found] == ["achterstallig-onderhoud"]
    assert "samenwerking" in found[0]["sources"][0]["quote"]


def test_a_status_change_is_one_small_record_and_bitemporal(store: Store) -> None:
    register.import_dataset(store, LOSSER, who="test", reason="voorbeeld")
    with store.session() as s:
        study_versions = s.scalar(select(func.count()).select_from(Record).where(Record.kind == "study"))
    preview = studies.record_status(
        store,
        StatusChange("GM0168", STUDY, "3a", "in_uitvoering", "2019-03", new_source="Raadsinformatiebrief maart 2019"),
        "onderzoeker",
        "raadsinformatiebrief",
        "test",
        dry_run=True,
    )
    assert preview["before"]["value"] == "onbekend" and preview["after"]["value"] == "in_uitvoering"
    assert preview["result"]["dry_run"] and preview["result"]["changeset"] is None
    assert studies.recommendations(store, "GM0168", "in_uitvoering")["recommendations"] == []  # nothing written
    studies.record_status(
        store,
        StatusChange("GM0168", STUDY, "3a", "in_uitvoering", "2019-03", new_source="Raadsinformatiebrief maart 2019"),
        "onderzoeker",
        "raadsinformatiebrief",
        "test",
    )
    first_known = datetime.now(UTC)
    studies.record_status(
        store,
        StatusChange("GM0168", STUDY, "3a", "uitgevoerd", "2020-06-30", source=STUDY, quote="bijv."),
        "onderzoeker",
        "jaarverslag",
        "test",
    )
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(Record.kind == "study")) == study_versions
        assert s.scalar(select(func.count()).select_from(Record).where(Record.kind == "follow_up")) == 2
    # Valid time: on 1 January 2020 it was in progress, today it is done.
    on_2020 = studies.recommendations(store, "GM0168", at=date(2020, 1, 1))["recommendations"]
    row = next(r for r in on_2020 if r["number"] == "3a")
    assert (row["status"]["value"], row["status"]["since"], row["status"]["recorded_by"]) == (
        "in_uitvoering",
        "2019-03",
        "onderzoeker",
    )
    today = next(r for r in studies.recommendations(store, "GM0168")["recommendations"] if r["number"] == "3a")
    assert today["status"]["value"] == "uitgevoerd" and [h["status"] for h in today["history"]] == [
        "in_uitvoering",
        "uitgevoerd",
    ]
    # Record time: what the register knew before the second entry.
    then = studies.recommendations(store, "GM0168", known_at=first_known)["recommendations"]
    assert next(r for r in then if r["number"] == "3a")["status"]["value"] == "in_uitvoering"
    before = studies.recommendations(store, "GM0168", known_at=first_known - timedelta(days=3650))["recommendations"]
    assert before == []  # ten years ago the register knew nothing of the study
    # The monitor counts it; the other three stay unknown and past their assumed term.
    m = studies.monitor(store, at=date(2025, 1, 1))
    losser = next(o for o in m["by_organisation"] if o["id"] == "GM0168")
    assert losser["counts"]["uitgevoerd"] == 1 and losser["counts"]["onbekend"] == 3
    assert losser["past_term_unknown"] == 3 and losser["overdue"] == 0
    assert m["by_audit_body"][0]["id"] == "rekenkamercommissie-losser"
    # Export and import carry both sections; importing the export records nothing.
    out = register.export_dataset(store, "GM0168")
    assert len(out.sections["follow_up"]) == 2 and out.sections["studies"][0].id == STUDY
