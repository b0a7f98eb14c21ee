"""W3C ORG export and import: meaningful triples, SHACL shapes, and a round trip to the same state."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.engine import replay
from raadhuis.domain.model import View
from raadhuis.formats.dataset import load_dataset
from raadhuis.formats.w3c_org import (
    ORG,
    RDH,
    dataset_to_graph,
    from_text,
    graph_to_dataset,
    to_jsonld,
    to_turtle,
    validate,
)

ORG_ID = "GM0168"
BASE = "https://raadhuis.example/id/"

# A merge (e1), a transfer decided but never realised (e2), a rename (e3), a split (e4), posts
# with staffing that change (e5) and a proposed unit with a post (e6, e7), on top of units and
# posts given as periods.
DATASET = """
format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser, kind: gemeente, province: Overijssel}
  - {id: GM0153, name: Enschede, kind: gemeente}
sources:
  - {id: s000, title: Aanpassing ambtelijke organisatie Losser, publisher: gemeente Losser, date: 2011-09-15}
  - {id: s001, title: Jaarverslag 2012, publisher: gemeente Losser, date: 2013-Q2}
decisions:
  - {id: d1, body: college, date: 2011-09-13, title: Herijking, reference: "RIS 1234", sources: [s000]}
cooperations:
  - id: c1
    name: Samenwerking Dinkelland-Losser
    legal_form: dvo
    participants:
      - {organisation: GM0168, role: deelnemer, share: 40}
      - {organisation: GM1774, role: centrumgemeente, share: 60}
    start: 2010
    sources: [s001]
units:
  - {id: DIR, name: Directie, kind: concern, from: 2009, assumption: true}
  - {id: OW, name: Openbare Werken, kind: afdeling, parent: DIR, from: 2009, assumption: true}
  - {id: REO, name: Ruimtelijke & Economische Ontwikkeling, kind: afdeling, parent: DIR, from: 2009, assumption: true}
  - {id: WEL, name: Welzijn, kind: afdeling, parent: DIR, from: 2009, assumption: true}
  - {id: WIZ, name: Werk Inkomen en Zorg, kind: afdeling, parent: DIR, from: 2009, assumption: true}
posts:
  - id: p1
    unit: REO
    title: beleidsmedewerker
    fte: 0.89
    scale: "10"
    from: 2010
    staffing: [{kind: employee, fte: 0.89, person: A. Jansen}]
    sources: [{source: s000, page: 3}]
  - id: p2
    unit: OW
    title: afdelingshoofd
    fte: 1.0
    roles: [manager]
    from: 2010
    staffing: [{kind: external_hire, fte: 0.5, cost: 60000}, {kind: vacancy, fte: 0.5}]
    sources: [s000]
  - id: p3
    unit: OW
    title: medewerker buitendienst
    fte: 2.0
    from: 2010
    staffing: [{kind: loan_in, fte: 1.0, organisation: GM0153}, {kind: employee, fte: 1.0}]
    sources: [s000]
events:
  - id: e1
    type: merge
    date: 2012-01-01
    units: [REO, WEL]
    into: {id: BSP, name: "Beleid, Strategie en Projecten", kind: afdeling, parent: DIR}
    decision: d1
    sources: [{source: s000, quote: "gaan op in de nieuwe afdeling BSP"}]
  - id: e2
    type: transfer_out
    date: 2012-01-01
    unit: WIZ
    to: GM0153
    status: not_realised
    decision: d1
    sources: [s000]
  - id: e3
    type: rename
    date: 2013-Q2
    unit: OW
    name: Openbare Ruimte
    sources: [s001]
  - id: e4
    type: split
    date: 2014-01-01
    unit: OW
    into:
      - {id: OR-B, name: Openbare Ruimte Beheer, kind: team, parent: DIR, posts: [p3]}
      - {id: OR-P, name: Openbare Ruimte Projecten, kind: team, parent: DIR, posts: [p2]}
    sources: [s001]
  - id: e5
    type: change_post
    date: 2014-07
    post: p1
    set: {fte: 1.0, staffing: [{kind: employee, fte: 1.0, person: A. Jansen}]}
    sources: [s001]
  - id: e6
    type: establish
    date: 2016
    unit: {id: ICT, name: Informatievoorziening, kind: team, parent: DIR}
    status: proposed
    assumption: true
  - id: e7
    type: add_post
    date: 2016
    post: {id: p9, unit: ICT, title: informatiemanager, fte: 1.0}
    status: proposed
    assumption: true
"""


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset(DATASET)


def u(uid: str) -> URIRef:
    return URIRef(f"{BASE}organisation/{ORG_ID}/unit/{uid}")


def ev(eid: str) -> URIRef:
    return URIRef(f"{BASE}organisation/{ORG_ID}/event/{eid}")


def check_days(ds: Dataset) -> list[date]:
    """Every day an event takes effect, the day before and after, and far before and after."""
    days = {date(1990, 1, 1), date(2030, 1, 1)}
    for e in ds.events:
        d = e.date.effective
        days.update({d - timedelta(days=1), d, d + timedelta(days=1)})
    return sorted(days)


# --- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_full_history_round_trips_to_the_same_state_on_every_day_and_view(ds: Dataset, fmt: str) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    text = to_turtle(g) if fmt == "turtle" else to_jsonld(g)
    back = graph_to_dataset(from_text(text, fmt))
    assert {e.id for e in back.events} == {e.id for e in ds.events}
    for day in check_days(ds):
        for view in View:
            assert replay(back.events, ORG_ID, day, view) == replay(ds.events, ORG_ID, day, view), (day, view)


def test_round_trip_keeps_sources_decisions_and_cooperations(ds: Dataset) -> None:
    back = graph_to_dataset(from_text(to_turtle(dataset_to_graph(ds, ORG_ID)), "turtle"))
    assert {s.id: (s.title, s.publisher, s.date) for s in back.sources} == {
        s.id: (s.title, s.publisher, s.date) for s in ds.sources
    }
    assert back.decisions == ds.decisions
    assert back.cooperations == ds.cooperations
    losser = next(o for o in back.organisations if o.id == ORG_ID)
    assert (losser.name, losser.cbs_code, losser.province) == ("Losser", ORG_ID, "Overijssel")


def test_jsonld_has_a_context_and_compact_terms(ds: Dataset) -> None:
    text = to_jsonld(dataset_to_graph(ds, ORG_ID))
    assert '"@context"' in text
    assert '"org": "http://www.w3.org/ns/org#"' in text
    assert '"org:ChangeEvent"' in text


# --- the ORG triples on their own -----------------------------------------------------


def test_the_organisation_is_a_formal_organisation_with_its_cbs_code(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    node = URIRef(f"{BASE}organisation/{ORG_ID}")
    assert (node, RDF.type, ORG.FormalOrganization) in g
    assert (node, SKOS.notation, Literal(ORG_ID)) in g
    assert (node, ORG.identifier, Literal(ORG_ID)) in g
    assert (node, ORG.hasUnit, u("BSP")) in g


def test_merge_split_and_rename_are_change_events_with_original_and_resulting_units(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    assert set(g.objects(ev("e1"), ORG.originalOrganization)) == {u("REO"), u("WEL")}
    assert set(g.objects(ev("e1"), ORG.resultingOrganization)) == {u("BSP")}
    assert (u("REO"), ORG.changedBy, ev("e1")) in g
    assert (u("BSP"), ORG.resultedFrom, ev("e1")) in g
    assert set(g.objects(ev("e4"), ORG.originalOrganization)) == {u("OW")}
    assert set(g.objects(ev("e4"), ORG.resultingOrganization)) == {u("OR-B"), u("OR-P")}
    # A rename leaves one unit with one current name; the earlier name stays as altLabel.
    assert list(g.objects(u("OW"), SKOS.prefLabel)) == [Literal("Openbare Ruimte")]
    assert list(g.objects(u("OW"), SKOS.altLabel)) == [Literal("Openbare Werken")]
    rows = g.query(
        """SELECT ?edtf ?day WHERE { ?e dcterms:identifier "e3" ; time:hasTime ?t .
                                      ?t rdh:edtf ?edtf ; time:inXSDDate ?day }""",
        initNs={"dcterms": "http://purl.org/dc/terms/", "time": "http://www.w3.org/2006/time#", "rdh": str(RDH)},
    )
    assert [(str(a), str(b)) for a, b in rows] == [("2013-34", "2013-04-01")]


def test_a_transfer_that_was_not_realised_keeps_its_status_and_the_other_organisation(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    assert (ev("e2"), RDH.status, Literal("not_realised")) in g
    enschede = URIRef(f"{BASE}organisation/GM0153")
    assert (ev("e2"), ORG.resultingOrganization, enschede) in g
    assert (enschede, SKOS.prefLabel, Literal("Enschede")) in g
    assert (ev("e2"), RDH.decision, URIRef(f"{BASE}decision/d1")) in g
    # Not realised: WIZ never left, so its existence interval stays open.
    q = f"ASK {{ <{u('WIZ')}> rdh:existsDuring ?i . FILTER NOT EXISTS {{ ?i time:hasEnd ?e }} }}"
    assert g.query(q, initNs={"rdh": str(RDH), "time": "http://www.w3.org/2006/time#"}).askAnswer


def test_posts_and_staffing_are_posts_and_memberships_with_intervals(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    p1 = URIRef(f"{BASE}organisation/{ORG_ID}/post/p1")
    assert (p1, RDF.type, ORG.Post) in g
    assert (p1, ORG.postIn, u("BSP")) in g  # REO merged into BSP: the post moved with it
    rows = g.query(
        """SELECT ?unit ?begin ?end ?name WHERE {
               ?m a org:Membership ; rdh:post ?p ; org:organization ?unit ; org:member ?a ;
                  org:memberDuring/time:hasBeginning/time:inXSDDate ?begin .
               ?a foaf:name ?name .
               OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?end } } ORDER BY ?begin""",
        initBindings={"p": p1},
        initNs={
            "org": str(ORG),
            "rdh": str(RDH),
            "time": "http://www.w3.org/2006/time#",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
    )
    assert [(str(r[0]).rsplit("/", 1)[-1], str(r[1]), r[2] and str(r[2]), str(r[3])) for r in rows] == [
        ("REO", "2010-01-01", "2012-01-01", "A. Jansen"),
        ("BSP", "2012-01-01", "2014-07-01", "A. Jansen"),
        ("BSP", "2014-07-01", None, "A. Jansen"),
    ]
    # A vacancy has budget but nobody in it.
    vacancies = list(g.subjects(RDH.staffingKind, Literal("vacancy")))
    assert vacancies and all(g.value(m, ORG.member) is None for m in vacancies)


def test_cooperation_is_an_organisation_with_memberships_of_its_participants(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    coop = URIRef(f"{BASE}cooperation/c1")
    assert (coop, RDF.type, ORG.Organization) in g
    shares = {
        str(g.value(m, ORG.member)).rsplit("/", 1)[-1]: float(g.value(m, RDH.share).toPython())
        for m in g.subjects(ORG.organization, coop)
    }
    assert shares == {"GM0168": 40.0, "GM1774": 60.0}


# --- as of a day ----------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2011, 3, 1), date(2012, 6, 1), date(2015, 1, 1), date(2017, 1, 1)])
def test_as_of_export_holds_only_the_units_of_that_day_and_reads_back(ds: Dataset, day: date) -> None:
    g = dataset_to_graph(ds, ORG_ID, at=day)
    expected = replay(ds.events, ORG_ID, day, View.ACTUAL)
    ids = {
        str(g.value(n, URIRef("http://purl.org/dc/terms/identifier")))
        for n in g.subjects(RDF.type, ORG.OrganizationalUnit)
    }
    assert ids == set(expected.units)
    assert not list(g.subjects(RDF.type, ORG.ChangeEvent))
    conforms, report = validate(g)
    assert conforms, report
    back = graph_to_dataset(from_text(to_jsonld(g), "jsonld"))
    got = replay(back.events, ORG_ID, day, View.ACTUAL)
    assert got.units == expected.units
    assert got.posts == expected.posts


def test_as_of_2012_has_bsp_but_not_the_units_merged_into_it(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID, at=date(2012, 6, 1))
    units = set(g.subjects(RDF.type, ORG.OrganizationalUnit))
    assert u("BSP") in units and u("WIZ") in units  # WIZ's transfer was not realised
    assert not {u("REO"), u("WEL"), u("OR-B")} & units
    assert (u("BSP"), ORG.subOrganizationOf, u("DIR")) in g
    assert (u("DIR"), ORG.hasSubOrganization, u("BSP")) in g


# --- SHACL --------------------------------------------------------------------------


def test_full_history_export_conforms_to_the_shapes(ds: Dataset) -> None:
    conforms, report = validate(dataset_to_graph(ds, ORG_ID))
    assert conforms, report


def _broken(ds: Dataset, how: str) -> tuple[bool, str]:
    g = dataset_to_graph(ds, ORG_ID)
    p1 = URIRef(f"{BASE}organisation/{ORG_ID}/post/p1")
    if how == "post without unit":
        g.remove((p1, ORG.postIn, None))
    elif how == "two names":
        g.add((u("BSP"), SKOS.prefLabel, Literal("Beleid")))
    elif how == "two parents":
        g.add((u("BSP"), ORG.subOrganizationOf, u("WIZ")))
    elif how == "overlapping versions":
        versions = sorted(g.objects(u("OW"), RDH.version))
        g.remove((versions[1], RDH.validDuring, None))
        g.add((versions[1], RDH.validDuring, g.value(versions[0], RDH.validDuring)))
        g.add((versions[0], RDH.validDuring, g.value(u("OW"), RDH.existsDuring)))
        g.remove((versions[0], RDH.validDuring, g.value(versions[1], RDH.validDuring)))
    elif how == "event without time":
        g.remove((ev("e3"), URIRef("http://www.w3.org/2006/time#hasTime"), None))
    elif how == "event without organisations":
        g.remove((ev("e3"), ORG.originalOrganization, None))
        g.remove((ev("e3"), ORG.resultingOrganization, None))
    elif how == "fact without evidence":
        g.remove((ev("e3"), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    return validate(g)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("post without unit", "A post (formatieplaats) is in exactly one unit"),
        ("two names", "A unit has exactly one name"),
        ("two parents", "A unit has at most one line parent at a time"),
        ("overlapping versions", "Two versions of one unit overlap in time"),
        ("event without time", "A change event has exactly one time"),
        ("event without organisations", "A change event names at least one original or resulting organisation"),
        ("fact without evidence", "A fact cites a source (prov:wasDerivedFrom) or is flagged as an assumption"),
    ],
)
def test_a_broken_graph_fails_with_a_readable_report(ds: Dataset, how: str, message: str) -> None:
    conforms, report = _broken(ds, how)
    assert not conforms
    assert message in report
    assert "Conforms: False" in report


# --- bad input ----------------------------------------------------------------------


def test_an_event_whose_triples_contradict_its_payload_is_refused(ds: Dataset) -> None:
    g = dataset_to_graph(ds, ORG_ID)
    g.set((ev("e2"), RDH.status, Literal("realised")))
    with pytest.raises(InputErrors) as info:
        graph_to_dataset(g, "export.ttl")
    text = str(info.value)
    assert "export.ttl" in text
    assert "rdh:status" in text
    assert "'realised'" in text and "'not_realised'" in text


def test_unreadable_text_and_unknown_format_give_clear_errors() -> None:
    with pytest.raises(ValueError, match="expected format turtle or jsonld"):
        from_text("", "rdfxml")
    with pytest.raises(InputErrors, match="cannot read the turtle text"):
        from_text("<a> <b> .", "turtle")
    with pytest.raises(InputErrors, match="a remote context is not fetched"):
        from_text('{"@context": "https://www.w3.org/ns/org.jsonld", "@id": "x"}', "jsonld")


# Every event type once, with sub-units, a temporary unit, posts and transfers both ways.
ALL_TYPES = """
format: raadhuis/1
organisation: GM0168
organisations:
  - {id: GM0168, name: Losser, kind: gemeente}
units:
  - {id: A, name: Alfa, kind: afdeling, from: 2009, assumption: true}
  - {id: B, name: Beta, kind: afdeling, from: 2009, to: 2011-05, assumption: true}
  - {id: C, name: Gamma, kind: team, parent: A, from: 2009, assumption: true}
  - id: T
    name: Tijdelijk
    kind: team
    parent: A
    temporary: true
    expected_end: 2012
    from: 2010
    assumption: true
    task_fields: [{code: "0.4", share: 0.5}]
posts:
  - {id: p1, unit: C, title: medewerker, fte: 1, from: 2010, assumption: true}
  - {id: p2, unit: A, title: communicatie, fte: 1, from: 2010, to: 2013, assumption: true}
events:
  - {id: e1, type: transfer_in, date: 2011, from: GM0153, unit: {id: X, name: Extern, kind: afdeling}, assumption: true}
  - {id: e2, type: move, date: 2011-02, unit: C, parent: X, assumption: true}
  - {id: e3, type: absorb, date: 2011-03, units: [X], into: A, assumption: true}
  - {id: e4, type: convert, date: 2012, unit: T, set: {name: Vast}, assumption: true}
  - {id: e5, type: bundle, date: 2012-06, units: [A], into: T, function: communicatie, assumption: true}
  - {id: e6, type: move_post, date: 2014, post: p1, into: A, assumption: true}
  - {id: e7, type: remove_post, date: 2015, post: p1, assumption: true}
  - {id: e8, type: change, date: 2015, unit: A, set: {kind: directie}, assumption: true}
  - {id: e9, type: dissolve, date: 2016, unit: C, assumption: true}
  - {id: e10, type: transfer_out, date: 2017, unit: T, to: GM1774, assumption: true}
"""


def test_every_event_type_exports_valid_and_round_trips_in_both_exports() -> None:
    ds = load_dataset(ALL_TYPES)
    g = dataset_to_graph(ds, ORG_ID)
    conforms, report = validate(g)
    assert conforms, report
    back = graph_to_dataset(from_text(to_turtle(g), "turtle"))
    for day in check_days(ds):
        for view in View:
            assert replay(back.events, ORG_ID, day, view) == replay(ds.events, ORG_ID, day, view), (day, view)
        as_of = dataset_to_graph(ds, ORG_ID, at=day)
        conforms, report = validate(as_of)
        assert conforms, report
        expected, got = replay(ds.events, ORG_ID, day), replay(graph_to_dataset(as_of).events, ORG_ID, day)
        assert (got.units, got.posts) == (expected.units, expected.posts), day
