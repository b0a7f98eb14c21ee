"""Is de organisatie toegerust? The analyses of one organisation on one day, from the register.

The computations are the pure functions in :mod:`raadhuis.analysis`; this module fetches what
they need (snapshot, cooperations in force, yearly figures, demand, peer figures) and returns
plain dicts for the CLI, the API, the dashboard and the report, so a figure is computed once
for every door. Every section names its ``definition`` (a key of :data:`DEFINITIONS`, which
points into docs/definities.md) and carries ``reasons`` (Dutch and English).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from raadhuis.analysis import capacity as cap
from raadhuis.analysis import indicators as ind
from raadhuis.analysis import span_of_control as soc
from raadhuis.analysis import vulnerability as vul
from raadhuis.analysis.common import Reason, median, rounded
from raadhuis.canonical.decode import decode_cooperation
from raadhuis.canonical.records import merge_extensions
from raadhuis.domain.challenge import Challenge
from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.model import Cooperation, Snapshot, Status, View
from raadhuis.formats import figures as figfmt
from raadhuis.formats.text import read_text
from raadhuis.i18n.formatting import format_number
from raadhuis.reference.bbv_indicators import KEYS, indicator, size_class
from raadhuis.reference.taskfields import FIRST_YEAR, task_fields
from raadhuis.services import register
from raadhuis.services.challenges import challenges_of
from raadhuis.services.collector import collector_paused as _collector_paused
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

PEER_KIND = "peer_figure"
DOC = "docs/definities.md"
# Anchors as GitHub renders the headings of docs/definities.md.
DEFINITIONS: dict[str, str] = {
    "span_of_control": f"{DOC}#1-spanwijdte-van-leidinggevenden-analysisspan_of_controlpy",
    "span_formation": f"{DOC}#1-spanwijdte-van-leidinggevenden-analysisspan_of_controlpy",
    "vulnerability": f"{DOC}#2-kwetsbaarheid-analysisvulnerabilitypy",
    "capacity": f"{DOC}#3-capaciteit-analysiscapacitypy",
    "strategic_capacity": f"{DOC}#3-capaciteit-analysiscapacitypy",
    "indicators": f"{DOC}#4-bbv-beleidsindicatoren-bestuur-en-ondersteuning-analysisindicatorspy",
    "peers": f"{DOC}#4-bbv-beleidsindicatoren-bestuur-en-ondersteuning-analysisindicatorspy",
    **{
        f"indicators.{k}": f"{DOC}#4-bbv-beleidsindicatoren-bestuur-en-ondersteuning-analysisindicatorspy" for k in KEYS
    },
}


def _r(rid: str, nl: str, en: str, subject: str | None = None, **params: Any) -> dict[str, Any]:
    return Reason(rid, nl, en, subject, params).to_dict()


@dataclass
class _Inputs:
    """Everything the analyses of one organisation on one day read from the store."""

    org: dict[str, Any]
    at: date
    view: View
    snapshot: Snapshot
    cooperations: list[Cooperation] = field(default_factory=list)  # of this organisation, in force on ``at``
    cooperation_rows: list[dict[str, Any]] = field(default_factory=list)
    figures: dict[int, dict[str, Any]] = field(default_factory=dict)
    demand: list[dict[str, Any]] = field(default_factory=list)
    peers: list[dict[str, Any]] = field(default_factory=list)
    challenges: list[Challenge] = field(default_factory=list)  # of this organisation (services/challenges)
    # Posts whose figures rest on an assumption (the event that made or changed them says so): post id → why.
    assumed_posts: dict[str, str] = field(default_factory=dict)

    # The last answer of assumed_units and what it was made of: span, vulnerability and capacity
    # each ask it, and it goes over every assumed post.
    _units_made: tuple[dict[str, str], Snapshot, dict[str, list[str]]] | None = field(
        default=None, repr=False, compare=False
    )

    def assumed_units(self) -> dict[str, list[str]]:
        """Unit id → the assumptions behind the figures of its posts (one answer for the same
        posts and snapshot: read it, do not change it)."""
        made = self._units_made
        if made is not None and made[0] is self.assumed_posts and made[1] is self.snapshot:
            return made[2]
        # Each unit's reasons as the keys of a dict: in the order first met, each once.
        posts = self.snapshot.posts
        whys_of: dict[str, dict[str, None]] = {}
        for post_id, why in self.assumed_posts.items():
            post = posts.get(post_id)
            if post is not None:
                whys = whys_of.get(post.unit)
                if whys is None:
                    whys_of[post.unit] = {why: None}
                else:
                    whys[why] = None
        out = {unit: list(whys) for unit, whys in whys_of.items()}
        self._units_made = (self.assumed_posts, self.snapshot, out)
        return out


def _day_of(text: Any) -> date | None:
    if text in (None, ""):
        return None
    try:
        return FuzzyDate.parse(text).effective
    except DateError:
        return None


def _load(
    store: Store, organisation: str, at: date, view: View, with_snapshot: bool = True, with_assumed: bool = True
) -> _Inputs:
    with store.session() as s:
        row = register.resolve_organisation(s, organisation)
        snap = Snapshot(row.id, at, view)
        if with_snapshot:
            snap = Snapshot(
                row.id, at, view, repo.units_as_of(s, row.id, at, view), repo.posts_as_of(s, row.id, at, view)
            )
        coop_rows = [
            c
            for c in repo.current_data(s, "cooperation")
            if any(p.get("organisation") == row.id for p in c.get("participants", []))
        ]
        extensions = merge_extensions(repo.current_records(s, "extension"))
        peers = repo.current_data(s, PEER_KIND)
        assumed = _assumed_posts(s, row.id, at, view) if with_assumed else {}
    coops = [decode_cooperation(c, ("cooperations", i), []) for i, c in enumerate(coop_rows)]
    figures: dict[int, dict[str, Any]] = {}
    for entry in figfmt.entries_of(extensions.get("figures"), row.id):
        if isinstance(entry.get("year"), int):
            figures[entry["year"]] = entry
    return _Inputs(
        org=register.organisation_summary(row),
        at=at,
        view=view,
        snapshot=snap,
        cooperations=[c for c in coops if c.in_force(at, view)],
        cooperation_rows=coop_rows,
        figures=figures,
        demand=list(figfmt.entries_of(extensions.get("demand"), row.id)),
        peers=peers,
        challenges=challenges_of(store, row.id),
        assumed_posts=assumed,
    )


POST_EVENTS = ("add_post", "change_post", "move_post", "bundle")


def _assumed_posts(s: Any, org: str, at: date, view: View) -> dict[str, str]:
    """The posts an event marked as an assumption made or changed, in effect on ``at``.

    Only the events whose JSON names an assumption are read (a text test the database does, a
    superset: the decoded event decides), and they are decoded by the C decoder, not through
    SQLAlchemy's JSON type: the 155,000 post events of the 10,000-unit organisation took 3 s."""
    from sqlalchemy import Text, cast, select, type_coerce

    from raadhuis.store.tables import EventRow

    cond = [
        EventRow.organisation == org,
        EventRow.effective <= at,
        EventRow.type.in_(POST_EVENTS),
        cast(EventRow.data, Text).like('%"assumption"%'),
    ]
    if view is View.ACTUAL:
        cond.append(EventRow.status == "realised")
    out: dict[str, str] = {}
    raw_dict = repo.raw_dict
    for data in map(raw_dict, s.execute(select(type_coerce(EventRow.data, Text)).where(*cond)).scalars().all()):
        why = data.get("assumption")
        if not why:
            continue
        text = why if isinstance(why, str) else "aangenomen"
        post = data.get("post")
        if isinstance(post, dict):
            pid = post.get("id")
            if isinstance(pid, str):
                out[pid] = text
        elif isinstance(post, str):
            out[post] = text
        for pid in data.get("posts") or ():
            if isinstance(pid, str):
                out[pid] = text
    return out


def _mark(item: dict[str, Any], why: list[str]) -> None:
    """A figure computed from inputs marked as an assumption carries that mark (and why)."""
    if why:
        item["assumption"] = "; ".join(dict.fromkeys(why))


def _head(inp: _Inputs, definition: str) -> dict[str, Any]:
    return {"organisation": inp.org, "at": inp.at.isoformat(), "view": inp.view.value, "definition": definition}


# --- span of control --------------------------------------------------------------------


def _formation(snap: Snapshot, band: tuple[int, int], chain: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """Budgeted FTE per manager: every post counted as if filled, the span the formation plan intends
    (``chain``: ``soc.bosses`` of the snapshot, when made already)."""
    posts = snap.posts
    fte: dict[str, float] = {p.id: 0.0 for p in posts.values() if "manager" in p.roles}
    for post_id, boss in (soc.bosses(snap) if chain is None else chain).items():
        if boss in fte:  # None, nobody, is never a key
            fte[boss] += posts[post_id].fte
    managers = sorted(pid for pid in fte)
    ftes = [fte[m] for m in managers]
    return {
        "definition": "span_formation",
        "managers": [
            {"post": m, "unit": snap.posts[m].unit, "title": snap.posts[m].title, "fte": rounded(fte[m])}
            for m in managers
        ],
        "mean_fte": rounded(sum(ftes) / len(ftes)) if ftes else None,
        "median_fte": rounded(median(ftes)),
        "maximum_fte": rounded(max(ftes)) if ftes else None,
    }


def _span(
    inp: _Inputs,
    band: tuple[int, int],
    made: soc.SpanOfControl | None = None,
    chain: Mapping[str, str | None] | None = None,
    full: bool = True,
) -> dict[str, Any]:
    """``full``: False gives the formation alone (``{"formation": …}``), what a scenario's column shows."""
    if chain is None:  # one chain of command for the span and the formation (walked once, not twice)
        chain = soc.bosses(inp.snapshot)
    if not full:
        formation = _formation(inp.snapshot, band, chain)
        _mark(formation, [w for ws in inp.assumed_units().values() for w in ws])
        return {"formation": formation}
    result = soc.span_of_control(inp.snapshot, band, chain) if made is None else made
    out = _head(inp, "span_of_control") | result.to_dict()
    out["organisation"] = inp.org
    ftes = [m.fte for m in result.managers]
    out["mean_fte"] = rounded(sum(ftes) / len(ftes)) if ftes else None
    out["formation"] = _formation(inp.snapshot, band, chain)
    _mark(out["formation"], [w for ws in inp.assumed_units().values() for w in ws])
    return out


@_collector_paused
def span(
    store: Store, organisation: str, at: date, view: View = View.ACTUAL, band: tuple[int, int] = soc.DEFAULT_BAND
) -> dict[str, Any]:
    """Span of control and layers on ``at``: per manager, the distribution, and the formation span."""
    return _span(_load(store, organisation, at, view), band)


@_collector_paused
def span_compare(
    store: Store,
    organisation: str,
    before: date,
    after: date,
    before_view: View = View.ACTUAL,
    after_view: View = View.ACTUAL,
    band: tuple[int, int] = soc.DEFAULT_BAND,
) -> dict[str, Any]:
    """Span of control before and after (e.g. a restructuring); with ``after_view=PLANNED`` the
    actual organisation against the plan."""
    a = _load(store, organisation, before, before_view)
    b = _load(store, organisation, after, after_view)
    result = soc.compare(a.snapshot, b.snapshot, band)
    out = result.to_dict()
    fa, fb = _formation(a.snapshot, band), _formation(b.snapshot, band)
    out["summary"]["formation_mean_fte"] = {"before": fa["mean_fte"], "after": fb["mean_fte"]}
    out["before"]["formation"], out["after"]["formation"] = fa, fb
    if fa["mean_fte"] is not None and fb["mean_fte"] is not None:
        word_nl, word_en = (
            ("daalt", "falls")
            if fb["mean_fte"] < fa["mean_fte"]
            else ("stijgt", "rises")
            if fb["mean_fte"] > fa["mean_fte"]
            else ("blijft gelijk", "stays the same")
        )
        out["reasons"].append(
            _r(
                "span.compare.formation_mean_fte",
                f"Formatie per leidinggevende (gemiddeld) {word_nl}: {_nl(fa['mean_fte'])} → {_nl(fb['mean_fte'])} fte.",
                f"Formation per manager (mean) {word_en}: {fa['mean_fte']} → {fb['mean_fte']} FTE.",
                before=fa["mean_fte"],
                after=fb["mean_fte"],
            )
        )
    out.update(
        organisation=a.org,
        definition="span_of_control",
        before_at=before.isoformat(),
        after_at=after.isoformat(),
        before_view=before_view.value,
        after_view=after_view.value,
    )
    return out


def _nl(value: float | None, digits: int = 2) -> str:
    return number(value, "nl", digits)


def number(value: float | None, lang: str = "nl", digits: int = 2) -> str:
    """A figure as the CLI, the dashboard and the report write it (the same text everywhere)."""
    return "–" if value is None else format_number(value, lang, digits)


def figure_years(store: Store, organisation: str) -> list[int]:
    """The years for which year figures (the BBV inputs) of the organisation are entered."""
    with store.session() as s:
        extensions = merge_extensions(repo.current_records(s, "extension"))
    return [
        e["year"] for e in figfmt.entries_of(extensions.get("figures"), organisation) if isinstance(e.get("year"), int)
    ]


# --- vulnerability ------------------------------------------------------------------------


def _names(year: int) -> dict[str, str]:
    return {t.code: t.name for t in task_fields(year)} if year >= FIRST_YEAR else {}


def _vulnerability(inp: _Inputs, unit_figures: vul.UnitFiguresMade | None = None, full: bool = True) -> dict[str, Any]:
    """``full``: False gives the task fields alone (``{"task_fields": […]}``, marked as in the full
    answer), what a scenario's column shows: the units' items are not made."""
    result = vul.vulnerability(inp.snapshot, inp.cooperations, _names(inp.at.year), unit_figures, with_units=full)
    assumed = inp.assumed_units()
    fields_of: dict[str, list[str]] = {}
    for unit in inp.snapshot.units.values():
        for share in unit.task_fields:
            fields_of.setdefault(share.code, []).extend(assumed.get(unit.id, []))
    if not full:
        fields = [i.to_dict() for i in result.task_fields]
        for item in fields:
            _mark(item, fields_of.get(item["id"], []) if item["score"] is not None else [])
        return {"task_fields": fields}
    out = _head(inp, "vulnerability") | result.to_dict()
    out["organisation"] = inp.org
    for item in out["units"]:
        _mark(item, assumed.get(item["id"], []) if item["score"] is not None else [])
    for item in out["task_fields"]:
        _mark(item, fields_of.get(item["id"], []) if item["score"] is not None else [])
    active = [c for c in inp.cooperations if c.status in (Status.REALISED, Status.DECIDED)]
    out["cooperations_in_force"] = [
        {"id": c.id, "name": c.name, "legal_form": c.legal_form, "task_fields": list(c.task_fields)} for c in active
    ]
    reasons: list[dict[str, Any]] = []
    informal = [c.name for c in active if c.legal_form in vul.INFORMAL_FORMS]
    if informal:
        reasons.append(
            _r(
                "vulnerability.organisation_informal_reliance",
                f"De organisatie leunt zonder afspraak op anderen: {', '.join(informal)}.",
                f"The organisation relies on others without an agreement: {', '.join(informal)}.",
            )
        )
    untagged = [c.name for c in active if not c.task_fields and c.legal_form not in vul.INFORMAL_FORMS]
    if untagged:
        reasons.append(
            _r(
                "vulnerability.cooperation_without_task_field",
                f"Samenwerkingen zonder taakveld tellen niet mee per taakveld: {', '.join(untagged)}.",
                f"Cooperations without a task field are not counted per task field: {', '.join(untagged)}.",
            )
        )
    if not out["task_fields"] and not out["units"]:
        reasons.append(
            _r(
                "vulnerability.nothing",
                "Geen eenheden met functies of taakvelden op deze datum; er is niets te beoordelen.",
                "No units with posts or task fields on this date; there is nothing to assess.",
            )
        )
    out["reasons"] = reasons
    return out


@_collector_paused
def vulnerability(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """Vulnerability per task field and unit, with cooperations in force on ``at`` and informal reliance."""
    return _vulnerability(_load(store, organisation, at, view))


# --- capacity -------------------------------------------------------------------------------


def _capacity(inp: _Inputs, unit_figures: vul.UnitFiguresMade | None = None, full: bool = True) -> dict[str, Any]:
    """``unit_figures``: the vulnerability's figures of units' posts (the same sums, made once);
    ``full``: False gives the task fields alone (``{"task_fields": […]}``, marked as in the full
    answer), what a scenario's column shows: no strategic capacity."""
    demand = {
        str(d["task_field"]).strip(): cap.Demand(d.get("fte"), d.get("norm_per_1000"), _source_text(d))
        for d in inp.demand
    }
    fig = inp.figures.get(inp.at.year, {})
    result = cap.capacity(
        inp.snapshot,
        demand,
        fig.get("inhabitants"),
        _names(inp.at.year),
        challenges=inp.challenges,
        made=unit_figures,
        with_strategic=full,
    )
    assumed = inp.assumed_units()
    if not full:
        fields = [t.to_dict() for t in result.task_fields]
        for item in fields:
            _mark(item, [w for u in item["units"] for w in assumed.get(u, [])])
        return {"task_fields": fields}
    out = _head(inp, "capacity") | result.to_dict()
    out["organisation"] = inp.org
    for item in out["task_fields"]:
        _mark(item, [w for u in item["units"] for w in assumed.get(u, [])])
    out["strategic"]["definition"] = "strategic_capacity"
    out["year"] = inp.at.year
    if demand and fig.get("inhabitants") is None:
        out["reasons"].append(
            _r(
                "capacity.no_inhabitants",
                f"Geen inwonertal voor {inp.at.year} in de jaarcijfers; een norm per 1.000 inwoners geeft geen vraag.",
                f"No number of inhabitants for {inp.at.year} in the yearly figures; a norm per 1,000 inhabitants "
                "gives no demand.",
                year=inp.at.year,
            )
        )
    return out


def _source_text(entry: dict[str, Any]) -> str | None:
    cites = entry.get("sources") or []
    ids = [c if isinstance(c, str) else c.get("source", "") for c in cites]
    return ", ".join(ids) or (entry["assumption"] if isinstance(entry.get("assumption"), str) else None)


@_collector_paused
def capacity(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """Capacity per task field against demand, and strategic capacity (roles of the staffing)."""
    return _capacity(_load(store, organisation, at, view))


# --- BBV indicators -------------------------------------------------------------------------


def _year_inputs(entry: dict[str, Any]) -> ind.YearInputs:
    return ind.YearInputs(
        year=entry["year"],
        inhabitants=entry.get("inhabitants"),
        formatie_fte=entry.get("formatie_fte"),
        bezetting_fte=entry.get("bezetting_fte"),
        apparaatskosten=entry.get("apparaatskosten"),
        wage_bill=entry.get("wage_bill"),
        external_hire_cost=entry.get("external_hire"),
        overhead_cost=entry.get("overhead"),
        total_expenses=entry.get("total_expenses"),
    )


def _derived_fte(store: Store | None, inp: _Inputs, year: int) -> tuple[float | None, float | None, int]:
    """Formatie and bezetting eigen personeel (BBV) from the register on 1 January of the year —
    the BBV reference date, whichever day of the year was asked — in the view asked (docs/definities.md).

    Bezetting counts own employees only (not hire, loans in or secondments out). It is known only
    when every post records its staffing: a post without any is 'bezetting onbekend', and a sum
    without it would pass for the whole. Returns (formatie, bezetting, posts without staffing)."""
    jan1 = date(year, 1, 1)
    posts: list[tuple[float, list[tuple[str, float]]]]
    if inp.at == jan1 and inp.snapshot.posts:
        posts = [(p.fte, [(s.kind.value, s.fte) for s in p.staffing]) for p in inp.snapshot.posts.values()]
    elif store is None:
        return None, None, 0
    else:
        with store.session() as s:
            posts = repo.post_staffing_as_of(s, inp.org["id"], jan1, inp.view)
    if not posts:
        return None, None, 0
    fte = ind.fte_of_posts(posts)
    unknown = sum(1 for _, staffing in posts if not staffing)
    return fte.formatie_fte, (fte.bezetting_fte if unknown == 0 else None), unknown


def _indicators(inp: _Inputs, store: Store | None) -> dict[str, Any]:
    year = inp.at.year
    reasons: list[dict[str, Any]] = []
    entries = dict(inp.figures)
    derived: dict[str, float] = {}
    current = dict(entries.get(year, {"year": year}))
    if current.get("formatie_fte") is None or current.get("bezetting_fte") is None:
        formatie, bezetting, unstaffed = _derived_fte(store, inp, year)
        for key, value in (("formatie_fte", formatie), ("bezetting_fte", bezetting)):
            if current.get(key) is None and value is not None:
                current[key] = value
                derived[key] = value
        if current.get("bezetting_fte") is None and unstaffed:
            reasons.append(
                _r(
                    "indicators.staffing_unknown",
                    f"De bezetting eigen personeel (BBV) op 1 januari {year} is niet af te leiden: bij "
                    f"{unstaffed} formatieplaats{'en' if unstaffed != 1 else ''} is geen bezetting vastgelegd "
                    "(bezetting onbekend, niet nul).",
                    f"Staffing by own employees (BBV) on 1 January {year} cannot be derived: {unstaffed} "
                    f"post{'s' if unstaffed != 1 else ''} record{'' if unstaffed != 1 else 's'} no staffing "
                    "(unknown, not zero).",
                    year=year,
                    posts=unstaffed,
                )
            )
    if derived:
        view_nl = "geplande" if inp.view is View.PLANNED else "feitelijke"
        what = " en ".join("formatie" if k == "formatie_fte" else "bezetting eigen personeel (BBV)" for k in derived)
        what_en = " and ".join(
            "establishment" if k == "formatie_fte" else "staffing by own employees (BBV)" for k in derived
        )
        reasons.append(
            _r(
                "indicators.derived_from_register",
                f"De {what} voor {year} is afgeleid uit het register op 1 januari {year}, {view_nl} weergave "
                f"({', '.join(_nl(v) + ' fte' for v in derived.values())}), niet uit de jaarcijfers.",
                f"The {what_en} for {year} is derived from the register on 1 January {year}, {inp.view.value} view "
                f"({', '.join(str(rounded(v)) + ' FTE' for v in derived.values())}), not from the yearly figures.",
                year=year,
                view=inp.view.value,
                derived={k: rounded(v) for k, v in derived.items()},
            )
        )
    entries[year] = current
    if year not in inp.figures:
        reasons.append(
            _r(
                "indicators.no_figures",
                f"Er zijn geen jaarcijfers voor {year} ingevoerd (dataset-sectie 'figures'): "
                "inwonertal, kosten en lasten ontbreken.",
                f"No yearly figures for {year} were entered (dataset section 'figures'): "
                "inhabitants, costs and expenses are missing.",
                year=year,
            )
        )
    elif inp.figures[year].get("inhabitants") is None:
        reasons.append(
            _r(
                "indicators.no_inhabitants",
                f"De jaarcijfers van {year} noemen geen inwonertal op 1 januari {year}; "
                "de cijfers per inwoner zijn niet te berekenen.",
                f"The figures for {year} give no number of inhabitants on 1 January {year}; "
                "figures per inhabitant cannot be computed.",
                year=year,
            )
        )
    series = ind.compute_series(_year_inputs(e) for e in entries.values())
    this_year = next(y for y in series.years if y.year == year)
    values = {}
    assumptions = {
        y: e["assumption"]
        for y, e in inp.figures.items()
        if isinstance(e.get("assumption"), str | bool) and e["assumption"]
    }
    year_assumption = assumptions.get(year)
    derived_assumed = [w for ws in inp.assumed_units().values() for w in ws] if derived else []
    for key, v in this_year.values.items():
        d = indicator(key)
        values[key] = v.to_dict() | {
            "definition": f"indicators.{key}",
            "name_nl": d.name_nl,
            "name_en": d.name_en,
            "formula": d.formula,
        }
        if values[key].get("value") is None:
            continue
        why = (
            [year_assumption if isinstance(year_assumption, str) else "jaarcijfers aangenomen"]
            if year_assumption
            else []
        )
        if key in ("formatie", "bezetting"):
            why += derived_assumed
        _mark(values[key], why)
    return _head(inp, "indicators") | {
        "organisation": inp.org,
        "year": year,
        "values": values,
        "trend": series.to_dict()["trend"],
        "years": sorted(entries),
        "derived": {k: rounded(v) for k, v in derived.items()},
        "figure_sources": {str(y): e.get("sources", []) for y, e in sorted(inp.figures.items())},
        "assumptions": {str(y): a for y, a in sorted(assumptions.items())},
        "reasons": reasons,
    }


@_collector_paused
def indicators(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """The five BBV indicators for the year of ``at``, with the trend over every year with figures."""
    return _indicators(_load(store, organisation, at, view), store)


# --- peers ------------------------------------------------------------------------------------


def _provinces(store: Store, at: date) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        from raadhuis.services import municipalities as mun

        if mun.has_municipalities(store):
            out = {m["code"]: m["province"] for m in mun.municipalities(store, at)}
    except Exception:  # noqa: BLE001 - without the CBS classification the register's own provinces serve
        out = {}
    for o in register.list_organisations(store):
        if o.get("cbs_code") and o.get("province"):
            out.setdefault(o["cbs_code"], o["province"])
    return out


def _peers(inp: _Inputs, own: dict[str, Any], store: Store | None) -> dict[str, Any]:
    year = inp.at.year
    code = inp.org.get("cbs_code")
    out = _head(inp, "peers") | {"organisation": inp.org, "year": year, "groups": [], "reasons": []}
    if not inp.peers:
        out["reasons"].append(
            _r(
                "peers.none",
                "Er zijn geen vergelijkingscijfers ingelezen (raadhuis import-peers BESTAND).",
                "No peer figures have been imported (raadhuis import-peers FILE).",
            )
        )
        return out
    if not code:
        out["reasons"].append(
            _r(
                "peers.no_cbs_code",
                "De organisatie heeft geen CBS-code; vergelijken met gemeenten kan niet.",
                "The organisation has no CBS code; it cannot be compared with municipalities.",
            )
        )
        return out
    rows = [
        ind.ReferenceRow(r["cbs_code"], int(r["year"]), r["indicator"], float(r["value"]))
        for r in inp.peers
        if r.get("indicator") in KEYS
    ]
    inhabitants = {
        r["cbs_code"]: int(r["value"])
        for r in inp.peers
        if r.get("indicator") == figfmt.INHABITANTS and int(r["year"]) == year
    }
    groups: list[tuple[str, str, set[str]]] = []
    own_inh = inp.figures.get(year, {}).get("inhabitants")
    if own_inh is not None:
        cls = size_class(own_inh)
        groups.append(
            (
                f"grootteklasse {cls.code} ({cls.label_nl})",
                f"size class {cls.code} ({cls.label_en})",
                ind.peers_by_size_class(inhabitants, cls.code),
            )
        )
    else:
        out["reasons"].append(
            _r(
                "peers.no_size_class",
                f"Geen inwonertal voor {year}; vergelijken per grootteklasse kan niet.",
                f"No number of inhabitants for {year}; comparison by size class is not possible.",
                year=year,
            )
        )
    province = inp.org.get("province")
    provinces = _provinces(store, inp.at) if store is not None else {}
    province = province or provinces.get(code)
    if province:
        groups.append((f"provincie {province}", f"province {province}", ind.peers_by_province(provinces, province)))
    else:
        out["reasons"].append(
            _r(
                "peers.no_province",
                "De provincie van de organisatie is onbekend; vergelijken per provincie kan niet.",
                "The organisation's province is unknown; comparison by province is not possible.",
            )
        )
    for label_nl, label_en, members in groups:
        comparisons = []
        for key in KEYS:
            value = own["values"][key]["value"]
            c = ind.compare_with_peers(code, year, key, value, rows, members, label_nl)
            item = c.to_dict() | {"definition": f"indicators.{key}"}
            if not c.peers:  # alone in its group: a rank of 1 of 1 would suggest a comparison that did not happen
                item["rank"] = item["percentile"] = None
            comparisons.append(item)
        out["groups"].append(
            {"label_nl": label_nl, "label_en": label_en, "members": len(members - {code}), "comparisons": comparisons}
        )
    return out


@_collector_paused
def peers(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> dict[str, Any]:
    """The organisation's BBV indicators against the median of its size class and its province."""
    inp = _load(store, organisation, at, view)
    return _peers(inp, _indicators(inp, store), store)


def import_peers(store: Store, path: str | Path, who: str | None = None, text: str | None = None) -> dict[str, Any]:
    """Read peer figures ``cbs_code;year;indicator;value`` into the record log: all or nothing."""
    name = str(path)
    if text is None:
        text = read_text(path)
    rows = figfmt.read_peer_csv(text, name)
    with store.write(also=["peer figures"]) as s:
        cs = repo.new_changeset(s, who or register.current_user(), f"import-peers {Path(name).name}", name)
        count = repo.put_records(s, cs, PEER_KIND, [("", r.key, r.to_dict()) for r in rows])
    return {
        "file": name,
        "rows": len(rows),
        "added": count.added,
        "changed": count.changed,
        "unchanged": count.unchanged,
        "changeset": cs.id,
    }


# --- everything -------------------------------------------------------------------------------


def _cooperation_rows(inp: _Inputs) -> list[dict[str, Any]]:
    in_force = {c.id for c in inp.cooperations}
    out = []
    for c in inp.cooperation_rows:
        out.append(
            {
                "id": c["id"],
                "name": c.get("name", c["id"]),
                "legal_form": c.get("legal_form"),
                "status": c.get("status") or Status.REALISED.value,
                "start": c.get("start"),
                "end": c.get("end"),
                "partners": [p.get("organisation") for p in c.get("participants", [])],
                "task_fields": c.get("task_fields", []),
                "tasks": c.get("tasks", []),
                "in_force": c["id"] in in_force
                and (c.get("status") or "realised") in (Status.REALISED.value, Status.DECIDED.value),
                "assumption": c.get("assumption"),
                "sources": c.get("sources", []),
            }
        )
    return out


@_collector_paused
def analyse(
    store: Store,
    organisation: str,
    at: date,
    view: View = View.ACTUAL,
    band: tuple[int, int] = soc.DEFAULT_BAND,
) -> dict[str, Any]:
    """All analyses of one organisation on one day, from one read of the store."""
    return _analyses(_load(store, organisation, at, view), store, band)


def _analyses(inp: _Inputs, store: Store, band: tuple[int, int]) -> dict[str, Any]:
    """What :func:`analyse` answers of the inputs read (bench/bench_analysis.py times it alone)."""
    own = _indicators(inp, store)
    unit_figures = vul.UnitFiguresMade()  # the figures of each unit's posts, for vulnerability and capacity
    return {
        "organisation": inp.org,
        "at": inp.at.isoformat(),
        "view": inp.view.value,
        "definitions": DEFINITIONS,
        "span": _span(inp, band),
        "vulnerability": _vulnerability(inp, unit_figures),
        "capacity": _capacity(inp, unit_figures),
        "indicators": own,
        "peers": _peers(inp, own, store),
        "cooperations": _cooperation_rows(inp),
    }


# --- a snapshot made elsewhere (a scenario) -------------------------------------------------


@_collector_paused
def assumed_posts(store: Store, organisation: str, at: date, view: View = View.ACTUAL) -> dict[str, str]:
    """The posts whose figures rest on an assumption on ``at`` (post id → why), as the analyses mark them."""
    with store.session() as s:
        return _assumed_posts(s, register.resolve_organisation(s, organisation).id, at, view)


@_collector_paused
def of_snapshot(
    store: Store,
    organisation: str,
    snapshot: Snapshot,
    assumed: dict[str, str] | None = None,
    band: tuple[int, int] = soc.DEFAULT_BAND,
    span: soc.SpanOfControl | None = None,
    bosses: Mapping[str, str | None] | None = None,
    unit_figures: vul.UnitFiguresMade | None = None,
) -> dict[str, Any]:
    """What a scenario's column shows of the analyses of a snapshot the register does not hold (a
    scenario's), with the organisation's cooperations, demand and challenges on its day: the same
    computations, and marks, as for the register's own organisation. ``span`` gives the formation
    (``{"formation": …}``), ``vulnerability`` and ``capacity`` their task fields (``{"task_fields":
    […]}``), each item as :func:`analyse` gives it; what no column shows (the units' vulnerability,
    strategic capacity, the span's own dict) is not made. ``span`` (in ``band``) and ``bosses``: the
    snapshot's span of control and ``soc.bosses``, when the caller made them already (the span is
    not needed here); ``unit_figures``: the figures of units' posts made before (of other snapshots),
    for the vulnerability and the capacity."""
    inp = _load(store, organisation, snapshot.at, snapshot.view, with_snapshot=False, with_assumed=False)
    inp.snapshot = snapshot
    inp.assumed_posts = dict(assumed or {})
    return {
        "span": _span(inp, band, span, bosses, full=False),
        "vulnerability": _vulnerability(inp, unit_figures, full=False),
        "capacity": _capacity(inp, unit_figures, full=False),
        "cooperations_in_force": list(inp.cooperations),
    }
