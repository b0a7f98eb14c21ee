"""The shipped example datasets: they load, replay as their seed documents say, and every
fact cites a source (with a short, exact quote from the seed) or is marked as an assumption."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.sections import SECTIONS
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.engine import build_history, replay
from raadhuis.domain.model import Citation, Status, View
from raadhuis.formats.dataset import read_dataset
from raadhuis.formats.text import parse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
MAX_QUOTE_WORDS = 25
# Keys in the free 'extensions' sections that hold a date in the dataset's date syntax.
EXTENSION_DATE_KEYS = ("date", "start", "end", "expected_end")


def _need_shared(path: Path) -> Path:
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is required in CI (CI=true)")
        pytest.skip(f"reference material {path} is not available")
    return path


def _load(name: str) -> Dataset:
    return read_dataset(EXAMPLES / name)


def _unit_ids(ds: Dataset, org: str, day: str, view: View = View.ACTUAL) -> set[str]:
    return set(replay(ds.events, org, date.fromisoformat(day), view).units)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _extension_citations(ds: Dataset) -> list[Citation]:
    out = []
    for node in _walk(ds.extensions):
        for c in node.get("sources", []) or []:
            out.append(Citation(c) if isinstance(c, str) else Citation(c["source"], c.get("page"), c.get("quote")))
    return out


def _section_citations(ds: Dataset) -> list[Citation]:
    """Every citation in the registered sections (programmes, challenges, …), at any depth."""
    out = []
    for name, items in ds.sections.items():
        for node in _walk([SECTIONS[name].encode(i) for i in items]):
            for c in node.get("sources", []) or []:
                out.append(Citation(c) if isinstance(c, str) else Citation(c["source"], c.get("page"), c.get("quote")))
    return out


def _all_citations(ds: Dataset) -> list[Citation]:
    out: list[Citation] = []
    for holder in (*ds.organisations, *ds.decisions, *ds.cooperations, *ds.events):
        out.extend(holder.citations)
    return out + _extension_citations(ds) + _section_citations(ds)


def test_there_is_one_example_per_seed_case() -> None:
    assert {p.name for p in EXAMPLE_FILES} >= {"losser.yaml", "den-haag.yaml", "jaarverslag-2024.yaml", "wol.yaml"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_loads_and_its_planned_history_fits(path: Path) -> None:
    ds = read_dataset(path)
    assert ds.sources and ds.organisations
    for org in ds.organisation_ids():
        # The planned view also applies plans that were never realised (Losser: WIZ to
        # Enschede), so later facts about such a unit cannot apply there. That is the only
        # conflict allowed: every other planned event must fit.
        planned_away = {u for e in ds.events if e.status is Status.NOT_REALISED for u in e.subjects()}
        history = build_history(ds.events, org, View.PLANNED)
        unexpected = [str(c) for c in history.conflicts if not set(c.event.subjects()) & planned_away]
        assert unexpected == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_fact_cites_a_source_or_is_an_assumption(path: Path) -> None:
    ds = read_dataset(path)
    bare = [f"organisation {o.id}" for o in ds.organisations if not (o.citations or o.assumption)]
    bare += [f"decision {d.id}" for d in ds.decisions if not d.citations]
    bare += [f"cooperation {c.id}" for c in ds.cooperations if not (c.citations or c.assumption)]
    # Units and posts from the units/posts sections become events and carry their evidence.
    bare += [f"event {e.id}" for e in ds.events if not (e.citations or e.assumption)]
    assert bare == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_cited_source_exists(path: Path) -> None:
    ds = read_dataset(path)
    known = {s.id for s in ds.sources}
    unknown = sorted({c.source for c in _all_citations(ds)} - known)
    assert unknown == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_extension_dates_use_the_dataset_date_syntax(path: Path) -> None:
    ds = read_dataset(path)
    for node in _walk(ds.extensions):
        for key in EXTENSION_DATE_KEYS:
            if key in node:
                FuzzyDate.parse(node[key])


def _seed_texts() -> dict[str, str]:
    seeds = _need_shared(SHARED / "seeds")
    return {p.name[:3]: p.read_text("utf-8") for p in seeds.glob("*.txt")}


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_quotes_are_short_and_found_in_the_cited_seed(path: Path) -> None:
    seeds = _seed_texts()
    ds = read_dataset(path)
    seed_of = {}
    for s in ds.sources:
        m = re.search(r"\bseed (\d{3})\b", s.reference or "")
        if m:
            seed_of[s.id] = _normalised(seeds[m[1]])
    problems = []
    for c in _all_citations(ds):
        if c.quote is None:
            continue
        if len(c.quote.split()) > MAX_QUOTE_WORDS:
            problems.append(f"{c.source}: quote longer than {MAX_QUOTE_WORDS} words: {c.quote!r}")
        if c.source not in seed_of:
            problems.append(f"{c.source}: a quote needs a source that names its seed document: {c.quote!r}")
        elif _normalised(c.quote) not in seed_of[c.source]:
            problems.append(f"{c.source}: quote not found in the seed: {c.quote!r}")
    assert problems == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_cbs_codes_match_the_official_classification(path: Path) -> None:
    xml = _need_shared(SHARED / "data" / "cbs-gemeentelijke-indeling.xml")
    names: dict[str, set[str]] = {}
    for el in ElementTree.parse(xml).getroot().iter("{http://nlextract.nl}gemeente"):
        names.setdefault(f"GM{int(el.get('code')):04d}", set()).add(el.get("naam"))
    ds = read_dataset(path)
    for org in ds.organisations:
        if org.cbs_code:
            assert org.name in names.get(org.cbs_code, set()), f"{org.cbs_code} is not {org.name!r} in the CBS file"


# --- Losser (seeds 000 and 001) ------------------------------------------------------


def test_losser_five_departments_before_2012() -> None:
    ds = _load("losser.yaml")
    assert _unit_ids(ds, "GM0168", "2011-12-31") == {"OW", "REO", "WEL", "VVH", "WIZ"}


def test_losser_on_1_january_2012_wiz_stays_although_its_transfer_was_planned() -> None:
    ds = _load("losser.yaml")
    assert _unit_ids(ds, "GM0168", "2012-01-01") == {"BSP", "OW", "VVH", "WIZ"}
    assert _unit_ids(ds, "GM0168", "2012-01-01", View.PLANNED) == {"BSP", "OW", "VVH"}


def test_losser_transfer_of_wiz_cites_the_decision_and_the_report_that_shows_it_did_not_happen() -> None:
    ds = _load("losser.yaml")
    transfer = next(e for e in ds.events if e.id == "wiz-naar-enschede")
    assert transfer.status is Status.NOT_REALISED
    assert transfer.other_organisation == "GM0153"
    assert {c.source for c in transfer.citations} == {"losser-2011-aanpassing", "rekenkamer-losser-2017"}
    assert all(c.quote for c in transfer.citations)
    assert transfer.realised_by and "rekenkamer-losser-2017" in transfer.realised_by


def test_losser_2017_departments_and_the_regiefunctionaris() -> None:
    ds = _load("losser.yaml")
    snap = replay(ds.events, "GM0168", date(2017, 12, 14))
    assert {u.abbreviation for u in snap.units.values()} == {"OW", "WIZ", "BSP", "VTH"}
    assert "BSP-regie" in {p.id for p in snap.posts_of("BSP")}


def test_losser_study_quotes_are_checked_with_the_rest() -> None:
    ds = _load("losser.yaml")
    quotes = [c.quote for c in _section_citations(ds) if c.quote]
    assert len(quotes) > 150  # every item of the study cites the report; each quote is checked above
    assert (
        "Is de ambtelijke organisatie voldoende toegerust om uitvoering te geven aan de recente en komende veranderingen in de taakstelling van de gemeente?"
        in quotes
    )


def test_losser_cooperations() -> None:
    ds = _load("losser.yaml")
    coops = {c.id: c for c in ds.cooperations}
    assert "verkenning-vvh-enschede" not in coops  # an exploration is a trajectory now
    assert coops["enschede-losser-bedrijfsvoering"].start == "2012"
    assert {"inhuur", "inleen", "leunen"} <= {c.legal_form for c in coops.values()}
    assert not ds.extensions.get("cooperation_outcomes")  # the free-text duplicate is gone


def test_losser_vvh_exploration_is_a_trajectory_with_its_decision_moment() -> None:
    ds = _load("losser.yaml")
    vvh = next(t for t in ds.sections["trajectories"] if t.id == "vvh-enschede-2011")
    assert (vvh.status.value, vvh.participant_ids()) == ("proposed", ["GM0168", "GM0153"])
    assert vvh.origin is not None and vvh.origin.decisions == ("college-2011-09-13",)
    moment = next(m for m in vvh.milestones if m.decision_moment)
    assert (moment.date.text, moment.date.precision.value, moment.body) == ("voorjaar 2012", "season", "college")


def test_losser_enschede_cooperation_saved_at_least_600000_a_year() -> None:
    ds = _load("losser.yaml")
    outcome = next(o for o in ds.sections["cooperation_outcomes"] if o.cooperation == "enschede-losser-bedrijfsvoering")
    saving = next(e for e in outcome.realised() if "kosten" in e.criteria)
    assert saving.amount is not None
    assert (saving.amount.value, saving.amount.bound.value, saving.amount.per) == (600000, "at_least", "year")
    assert saving.organisation == "GM0168" and saving.direction is not None and saving.direction.value == "improved"
    assert any(c.quote and "zes ton per jaar" in c.quote for c in saving.citations)
    assert {k for e in outcome.realised() for k in e.criteria} == {"kosten", "kwaliteit", "kwetsbaarheid"}
    assert outcome.expected()  # what seed 000 expected in 2011


def test_losser_scores_rest_on_a_seed_judgement_and_say_the_number_is_a_reading() -> None:
    ds = _load("losser.yaml")
    for a in ds.sections["assessments"]:
        for score in a.scores:
            assert score.citations and all(c.quote for c in score.citations)
            assert score.score is None or score.assumption, f"{a.option}/{score.criterion}: a number needs its mark"


# --- Den Haag (seed 002) ---------------------------------------------------------------


def test_den_haag_bec_exists_from_1_july_2017() -> None:
    ds = _load("den-haag.yaml")
    assert "BEC" not in _unit_ids(ds, "GM0518", "2017-06-30")
    assert "BEC" in _unit_ids(ds, "GM0518", "2017-07-01")


def test_den_haag_gemeentelijk_werkbedrijf_is_temporary_until_converted_within_szw() -> None:
    ds = _load("den-haag.yaml")
    formed = replay(ds.events, "GM0518", date(2018, 6, 1), View.PLANNED).units["GWB"]
    assert formed.temporary and formed.expected_end and formed.parent == "SZW"
    converted = replay(ds.events, "GM0518", date(2020, 1, 1), View.PLANNED).units["GWB"]
    assert not converted.temporary and converted.parent == "SZW"


def test_den_haag_wmo_tasks_are_in_ocw_from_april_2017() -> None:
    ds = _load("den-haag.yaml")
    assert "SZW-WMO" in _unit_ids(ds, "GM0518", "2017-03-31")
    assert "SZW-WMO" not in _unit_ids(ds, "GM0518", "2017-04-01")


def test_den_haag_bundles_name_their_function() -> None:
    ds = _load("den-haag.yaml")
    bundles = {e.function: e for e in ds.events if e.type.value == "bundle"}
    assert bundles["communicatie"].target == "BSD" and bundles["communicatie"].date.text == "2016-07"
    assert bundles["juridische zaken"].date.text == "2018-Q2"
    assert bundles["juridische zaken"].status is Status.DECIDED


# --- Jaarverslag 2024 (seed 003) ---------------------------------------------------------


def test_jaarverslag_2024_three_domains_became_five_departments_with_smaller_spans() -> None:
    ds = _load("jaarverslag-2024.yaml")
    org = "voorbeeldgemeente-2024"
    before = replay(ds.events, org, date(2023, 12, 31))
    after = replay(ds.events, org, date(2024, 1, 1))

    def kinds(snap: Any) -> dict[str, int]:
        out: dict[str, int] = {}
        for u in snap.units.values():
            out[u.kind] = out.get(u.kind, 0) + 1
        return out

    def fte_per_manager(snap: Any, kind: str) -> list[float]:
        return [sum(p.fte for p in snap.posts_of(u.id) if not p.manager) for u in snap.units.values() if u.kind == kind]

    assert kinds(before)["domein"] == 3 and "afdeling" not in kinds(before)
    assert kinds(after)["afdeling"] == 5 and "domein" not in kinds(after)
    assert max(fte_per_manager(after, "afdeling")) < min(fte_per_manager(before, "domein"))
    assert sum(1 for p in after.posts.values() if p.title == "Teamregisseur") == 5


# --- WOL (seed 004) ----------------------------------------------------------------------


def _wol() -> Any:
    ds = _load("wol.yaml")
    assert not ds.cooperations and not ds.extensions  # the trajectory is a section, not free text
    (wol,) = ds.sections["trajectories"]
    return wol


def test_wol_trajectory_has_three_participants_the_seven_tasks_and_pm_communicatie() -> None:
    wol = _wol()
    assert wol.participant_ids() == ["GM0880", "GM0431", "GM0415"]
    short_term = [t.name for t in wol.tasks if not t.pro_memorie]
    assert short_term == [
        "WMO",
        "Milieu",
        "Bouw- en woningtoezicht",
        "Dienstverlening",
        "Burgerzaken",
        "Juridische Zaken",
        "Personeel en Organisatie",
    ]
    assert [(t.name, t.written, t.task_field) for t in wol.tasks if t.pro_memorie] == [
        ("Communicatie", "Pm Communicatie", None)
    ]
    # Every task field is an assumption (the source names none); Dienstverlening has none.
    assert all(t.assumption for t in wol.tasks if t.task_field)
    assert wol.task("dienstverlening").task_field is None


def test_wol_constraints_goals_and_governance() -> None:
    wol = _wol()
    by_kind: dict[str, list[str]] = {}
    for c in wol.criteria:
        by_kind.setdefault(c.kind.value, []).append(c.name)
    assert by_kind["constraint"] == [
        "Bestuurlijke zelfstandigheid",
        "Behoud van identiteit",
        "Vaststellen eigen beleids- en uitvoeringskaders",
        "Dienstverlening lokaal (front-office functies)",
    ]
    assert by_kind["goal"] == ["Kwaliteit", "Dienstverlening", "Continuïteit", "Slagkracht", "Betaalbaarheid"]
    steering = next(b for b in wol.governance if b.id == "gemeentesecretarissen")
    assert {(m.post, m.organisation) for m in steering.members} == {
        ("gemeentesecretaris", "GM0880"),
        ("gemeentesecretaris", "GM0431"),
        ("gemeentesecretaris", "GM0415"),
    }


def test_wol_milestones_keep_their_dates_as_written_in_order() -> None:
    wol = _wol()
    got = [(m.date.text, m.date.precision.value, m.date.approximate, m.status.value) for m in wol.milestones_in_order()]
    assert got == [
        ("augustus/september 2007", "month", False, "realised"),
        ("Februari 2008", "month", False, "realised"),
        ("Medio 2008", "season", True, "planned"),
        ("Medio 2008", "season", True, "planned"),
        ("Na de zomer 2008", "season", True, "planned"),
        ("Vierde kwartaal 2008", "quarter", False, "planned"),
        ("Begin 2009", "quarter", True, "planned"),
    ]
    assert [m.id for m in wol.milestones if m.decision_moment] == ["intentieverklaring", "besluitvorming"]


def test_wol_has_no_invented_units() -> None:
    raw = parse((EXAMPLES / "wol.yaml").read_text("utf-8"), "yaml")
    assert "units" not in raw and "events" not in raw
