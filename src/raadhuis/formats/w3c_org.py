"""The organisation as W3C Organization Ontology (ORG) with PROV-O provenance, and back.

Two exports (see docs/w3c-org.md for the mapping):

* the **full history** (``at=None``): every unit and post with its versions as time
  intervals, every change event (also the ones not realised) as ``org:ChangeEvent``, the
  staffing as ``org:Membership`` with ``org:memberDuring``. Each event also carries its
  canonical payload (``rdh:payload``, the dataset format's event as JSON), so that
  :func:`graph_to_dataset` rebuilds exactly the same history;
* the organisation **as of a day** (``at=...``): only the units and posts that exist on that
  day, plain ORG. :func:`graph_to_dataset` reads such a graph from the ORG triples alone
  (each unit and post established on that day).

Identifiers are IRIs under ``base``; every resource also keeps its Raadhuis id as
``dcterms:identifier`` so that an import does not depend on how IRIs were minted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, SKOS, TIME, XSD
from rdflib.term import Node

from raadhuis.canonical.dataset import FORMAT, Dataset
from raadhuis.canonical.encode import cooperation_to_dict, event_to_dict, post_to_dict, unit_to_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Path as TextPath
from raadhuis.canonical.paths import path_text
from raadhuis.canonical.records import cited_sources
from raadhuis.canonical.sections import SECTIONS, organisations_of
from raadhuis.domain.dates import END_OF_TIME, FuzzyDate, Precision
from raadhuis.domain.engine import EngineError, State, Version, admitted, apply, build_history, replay
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Citation, Cooperation, Organisation, Post, Status, Unit, View
from raadhuis.domain.order import ordered
from raadhuis.formats import w3c_studies, w3c_trajectories
from raadhuis.formats.dataset import load_dataset
from raadhuis.formats.text import TextError, line_finder, parse
from raadhuis.formats.w3c_terms import CONTEXT, DEFAULT_BASE, ORG, RDH, decimal_literal, interval

_MUNICIPALITY_CODE = re.compile(r"^GM\d{4}$")

# Extra RDF terms a section adds to its items beyond the generic PROV entity (see _Writer.sections):
# section name → function(writer, node, item), from the section's own W3C module.
SECTION_TERMS: dict[str, Callable[[Any, URIRef, Any], None]] = {**w3c_studies.TERMS, **w3c_trajectories.TERMS}


# --- public functions ---------------------------------------------------------------


def dataset_to_graph(ds: Dataset, organisation: str, at: date | None = None, base: str = DEFAULT_BASE) -> Graph:
    """``organisation`` as ORG triples: its full history, or as it stood on ``at`` (actual view)."""
    writer = _Writer(ds, organisation, base)
    writer.organisation_node(organisation)
    for source in ds.sources:
        writer.source(source.id)
    for decision in ds.decisions:
        if decision.organisation == organisation:
            writer.decision(decision.id)
    if at is None:
        writer.full_history()
        writer.joined_events()
    else:
        writer.as_of(at)
    writer.cooperations(at)
    writer.sections()
    writer.extensions()
    return writer.g


def graph_to_dataset(g: Graph, filename: str = "<graph>") -> Dataset:
    """Read a graph written by :func:`dataset_to_graph` back into a checked :class:`Dataset`.

    Raises :class:`InputErrors` (file ``filename``, field = the resource and property) when
    the graph is not one Raadhuis can read, or when the ORG triples of an event contradict
    its payload (someone edited one and not the other).
    """
    return load_dataset(json.dumps(graph_to_data(g, filename), ensure_ascii=False), filename, "json")


def graph_to_data(g: Graph, filename: str = "<graph>") -> dict[str, Any]:
    """The canonical dict of a graph written by :func:`dataset_to_graph`, not yet checked: an
    import checks it as it checks any dataset, against what the register already holds."""
    return _Reader(g, filename).data()


def to_jsonld(g: Graph) -> str:
    return g.serialize(format="json-ld", context=CONTEXT, indent=2)


def to_turtle(g: Graph) -> str:
    return g.serialize(format="turtle")


def from_text(text: str, format: str, filename: str = "<graph>") -> Graph:
    """Parse Turtle (``turtle``/``ttl``) or JSON-LD (``jsonld``/``json-ld``) text; errors name ``filename``."""
    kinds = {"turtle": "turtle", "ttl": "turtle", "jsonld": "json-ld", "json-ld": "json-ld"}
    kind = kinds.get(format.lower())
    if kind is None:
        raise ValueError(f"expected format turtle or jsonld, got {format!r}")
    if kind == "json-ld":
        remote = _remote_context(text, filename)
        if remote is not None:
            raise InputErrors(
                [
                    InputError(
                        filename,
                        line_finder(text)(remote[0]),
                        path_text(remote[0]),
                        f"expected the @context inline; a remote context is not fetched ({remote[1]})",
                    )
                ]
            )
    g = _graph()
    try:
        g.parse(data=text, format=kind)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputErrors(
            [InputError(filename, getattr(exc, "lines", None), "(document)", f"cannot read the {kind} text: {exc}")]
        ) from None
    return g


def _remote_context(text: str, filename: str) -> tuple[TextPath, str] | None:
    """Where the JSON-LD names a context by URL (``@context`` or ``@import``, at any depth:
    contexts may be scoped to a term), and the URL: the parser would download it, and
    Raadhuis downloads nothing at run time. The JSON is read within the limits of
    :func:`raadhuis.formats.text.parse` first."""
    try:
        data = parse(text, "json")
    except TextError as exc:
        raise InputErrors([InputError(filename, exc.line, path_text(exc.path or ()), exc.message)]) from None
    stack: list[tuple[TextPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("@context", "@import"):
                    urls = [item] if isinstance(item, str) else item if isinstance(item, list) else []
                    for i, url in enumerate(urls):
                        if isinstance(url, str):
                            return (path + (key,) + ((i,) if isinstance(item, list) else ())), url
                stack.append((path + (key,), item))
        elif isinstance(value, list):
            stack.extend((path + (i,), item) for i, item in enumerate(value))
    return None


@cache
def shapes() -> Graph:
    """The SHACL shapes of a Raadhuis ORG export (formats/shapes/org-shapes.ttl)."""
    text = resources.files("raadhuis.formats").joinpath("shapes/org-shapes.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(g: Graph) -> tuple[bool, str]:
    """Check ``g`` against :func:`shapes`: whether it conforms, and pyshacl's readable report."""
    from pyshacl import validate as shacl_validate  # a dev dependency; only validation needs it

    conforms, _, report = shacl_validate(g, shacl_graph=shapes(), advanced=True, allow_warnings=True)
    return bool(conforms), str(report)


# --- writing ------------------------------------------------------------------------


def _graph() -> Graph:
    g = Graph()
    for prefix, ns in CONTEXT.items():
        g.bind(prefix, Namespace(ns), override=True)
    return g


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


_number = decimal_literal
_interval = interval


@dataclass
class _Writer:
    ds: Dataset
    org: str
    base: str
    g: Graph = field(default_factory=_graph)
    _orgs_done: set[str] = field(default_factory=set)

    # IRIs: one scheme, every id percent-encoded so any Raadhuis id makes a valid IRI.
    def iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(quote(p, safe="") for p in parts))

    def org_iri(self, org: str) -> URIRef:
        return self.iri("organisation", org)

    def unit_iri(self, uid: str, org: str | None = None) -> URIRef:
        return self.iri("organisation", org or self.org, "unit", uid)

    def post_iri(self, pid: str) -> URIRef:
        return self.iri("organisation", self.org, "post", pid)

    def event_iri(self, eid: str) -> URIRef:
        return self.iri("organisation", self.org, "event", eid)

    def role_iri(self, title: str) -> URIRef:
        return self.iri("role", _slug(title))

    # --- things every export has

    def organisation_node(self, oid: str) -> URIRef:
        node = self.org_iri(oid)
        if oid in self._orgs_done:
            return node
        self._orgs_done.add(oid)
        g = self.g
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, DCTERMS.identifier, Literal(oid)))
        known: Organisation | None = next((o for o in self.ds.organisations if o.id == oid), None)
        code = known.cbs_code if known else (oid if _MUNICIPALITY_CODE.match(oid) else None)
        if (known and known.kind == "gemeente") or (not known and code):
            g.add((node, RDF.type, ORG.FormalOrganization))
        if code:
            g.add((node, SKOS.notation, Literal(code)))
            g.add((node, ORG.identifier, Literal(code)))
        if known:
            g.add((node, SKOS.prefLabel, Literal(known.name)))
            g.add((node, RDH.kind, Literal(known.kind)))
            for key in ("slug", "province"):
                if getattr(known, key):
                    g.add((node, RDH[key], Literal(getattr(known, key))))
            self.evidence(node, known.citations, known.assumption)
        return node

    def source(self, sid: str) -> URIRef:
        node = self.iri("source", sid)
        src = next((s for s in self.ds.sources if s.id == sid), None)
        if src is None or (node, RDF.type, PROV.Entity) in self.g:
            return node
        g = self.g
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, DCTERMS.identifier, Literal(src.id)))
        g.add((node, DCTERMS.title, Literal(src.title)))
        g.add((node, DCTERMS.type, Literal(src.kind)))
        if src.publisher:
            g.add((node, DCTERMS.publisher, Literal(src.publisher)))
        if src.date:
            fuzzy = FuzzyDate.parse(src.date)
            g.add(
                (
                    node,
                    DCTERMS.date,
                    Literal(fuzzy.start, datatype=XSD.date) if fuzzy.precision is Precision.DAY else Literal(src.date),
                )
            )
        if src.reference:
            g.add((node, RDH.reference, Literal(src.reference)))
        if src.url:
            g.add(
                (node, FOAF.page, URIRef(src.url) if src.url.startswith(("http://", "https://")) else Literal(src.url))
            )
        if src.file:
            g.add((node, RDH.file, Literal(src.file)))
        if src.organisation:
            g.add((node, RDH.organisation, self.organisation_node(src.organisation)))
        return node

    def decision(self, did: str) -> URIRef:
        node = self.iri("decision", did)
        dec = next((d for d in self.ds.decisions if d.id == did), None)
        if dec is None or (node, RDF.type, RDH.Decision) in self.g:
            return node
        g = self.g
        g.add((node, RDF.type, RDH.Decision))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, DCTERMS.identifier, Literal(dec.id)))
        g.add((node, DCTERMS.title, Literal(dec.title)))
        g.add((node, DCTERMS.date, Literal(dec.date)))
        g.add((node, RDH.body, Literal(dec.body)))
        if dec.reference:
            g.add((node, RDH.reference, Literal(dec.reference)))
        if dec.organisation:
            g.add((node, RDH.organisation, self.organisation_node(dec.organisation)))
        self.evidence(node, dec.citations, False)
        return node

    def evidence(self, node: Node, citations: Iterable[Citation], assumption: bool | str) -> None:
        """prov:wasDerivedFrom each cited source; page and quote on a qualified derivation."""
        for c in citations:
            src = self.source(c.source)
            self.g.add((node, PROV.wasDerivedFrom, src))
            if c.page is not None or c.quote is not None:
                d = BNode()
                self.g.add((node, PROV.qualifiedDerivation, d))
                self.g.add((d, RDF.type, PROV.Derivation))
                self.g.add((d, PROV.entity, src))
                if c.page is not None:
                    self.g.add((d, RDH.page, Literal(c.page)))
                if c.quote is not None:
                    self.g.add((d, RDH.quote, Literal(c.quote)))
        if assumption:
            self.g.add((node, RDH.assumption, Literal(True)))
            if isinstance(assumption, str):  # what is assumed and why
                self.g.add((node, RDH.assumptionNote, Literal(assumption)))

    def sections(self) -> None:
        """The items of the registered sections (studies, programmes, …) as PROV entities.

        Each is typed ``prov:Entity`` and ``rdh:<Kind>``, attributed to the organisation it belongs
        to (``prov:wasAttributedTo``), linked to every organisation it is about (``rdh:concerns``),
        derived from the sources it cites, and carries its canonical dict as ``rdh:payload`` so
        that it reads back the same. A section may add terms of its own (``SECTION_TERMS``)."""
        for name, items in self.ds.sections.items():
            section = SECTIONS[name]
            for item in items:
                data = section.encode(item)
                owner = section.owner(item)
                node = self.iri("record", section.kind, owner or "-", section.key(item))
                g = self.g
                g.add((node, RDF.type, PROV.Entity))
                g.add((node, RDF.type, RDH[section.kind.title().replace("_", "")]))
                g.add((node, RDH.section, Literal(name)))
                g.add((node, DCTERMS.identifier, Literal(section.key(item))))
                if data.get("title") or data.get("name"):
                    g.add((node, DCTERMS.title, Literal(str(data.get("title") or data.get("name")))))
                if owner:
                    g.add((node, PROV.wasAttributedTo, self.organisation_node(owner)))
                for org in sorted(organisations_of(section, item) - {owner}):
                    g.add((node, RDH.concerns, self.organisation_node(org)))
                for sid in sorted(cited_sources(data)):
                    g.add((node, PROV.wasDerivedFrom, self.source(sid)))
                g.add((node, RDH.payload, Literal(json.dumps(data, ensure_ascii=False, sort_keys=True))))
                terms = SECTION_TERMS.get(name)
                if terms is not None:
                    terms(self, node, item)

    def extensions(self) -> None:
        """The dataset's extension sections, e.g. the BBV year figures (``figures``).

        ORG has no terms for them: each entry of the organisation becomes a node of our own
        vocabulary (``rdh:ExtensionEntry`` in section ``rdh:extension``; a year's figures also
        ``rdh:YearFigures`` with ``rdh:year`` and one ``rdh:<field>`` per figure), attributed to the
        organisation, derived from its sources, with its canonical dict as ``rdh:payload``."""
        g = self.g
        for name, value in sorted(self.ds.extensions.items()):
            entries = value if isinstance(value, list) else [value]
            for i, entry in enumerate(entries):
                if isinstance(entry, dict) and entry.get("organisation") not in (None, self.org):
                    continue
                node = self.iri("organisation", self.org, "extension", name, str(i))
                g.add((node, RDF.type, RDH.ExtensionEntry))
                g.add((node, RDH.extension, Literal(name)))
                g.add((node, RDH.order, Literal(i)))
                g.add((node, PROV.wasAttributedTo, self.org_iri(self.org)))
                if not isinstance(value, list):
                    g.add((node, RDH.single, Literal(True)))
                if name == "figures" and isinstance(entry, dict):
                    g.add((node, RDF.type, RDH.YearFigures))
                    for key, figure in sorted(entry.items()):
                        if key in ("organisation", "sources", "assumption"):
                            continue
                        g.add((node, RDH[key], Literal(figure)))
                for sid in sorted(cited_sources(entry)):
                    g.add((node, PROV.wasDerivedFrom, self.source(sid)))
                g.add((node, RDH.payload, Literal(json.dumps(entry, ensure_ascii=False, sort_keys=True))))

    def evidence_of(self, node: Node, events: Iterable[Event]) -> None:
        """A unit's or post's evidence: that of the events that made it what it is."""
        events = list(events)
        citations = list(dict.fromkeys(c for e in events for c in e.citations))
        self.evidence(node, citations, not citations and any(e.assumption for e in events))

    # --- units and posts

    def unit_core(self, node: URIRef, unit: Unit, with_parent: bool = True) -> None:
        g = self.g
        g.add((node, RDF.type, ORG.OrganizationalUnit))
        g.add((node, DCTERMS.identifier, Literal(unit.id)))
        g.add((node, SKOS.prefLabel, Literal(unit.name)))
        org_node = self.org_iri(self.org)
        g.add((node, ORG.unitOf, org_node))
        g.add((org_node, ORG.hasUnit, node))
        if with_parent and unit.parent:
            parent = self.unit_iri(unit.parent)
            g.add((node, ORG.subOrganizationOf, parent))
            g.add((parent, ORG.hasSubOrganization, node))
        self.unit_attributes(node, unit)

    def unit_attributes(self, node: Node, unit: Unit) -> None:
        g = self.g
        g.add((node, RDH.kind, Literal(unit.kind)))
        if unit.abbreviation:
            g.add((node, RDH.abbreviation, Literal(unit.abbreviation)))
        if unit.temporary:
            g.add((node, RDH.temporary, Literal(True)))
        if unit.expected_end:
            g.add((node, RDH.expectedEnd, Literal(unit.expected_end)))
        for other in unit.functional:
            g.add((node, RDH.functionalLink, self.unit_iri(other)))
        for share in unit.task_fields:
            t = BNode()
            g.add((node, RDH.taskField, t))
            g.add((t, RDH.code, Literal(share.code)))
            g.add((t, RDH.share, _number(share.share)))

    def post_core(self, node: URIRef, post: Post) -> None:
        g = self.g
        g.add((node, RDF.type, ORG.Post))
        g.add((node, DCTERMS.identifier, Literal(post.id)))
        g.add((node, SKOS.prefLabel, Literal(post.title)))
        unit = self.unit_iri(post.unit)
        g.add((node, ORG.postIn, unit))
        g.add((unit, ORG.hasPost, node))
        role = self.role(post.title)
        g.add((node, ORG.role, role))
        self.post_attributes(node, post)

    def post_attributes(self, node: Node, post: Post) -> None:
        g = self.g
        g.add((node, RDH.fte, _number(post.fte)))
        if post.scale is not None:
            g.add((node, RDH.scale, Literal(post.scale)))
        for flag in post.roles:
            g.add((node, RDH.roleFlag, Literal(flag)))
        if post.reports_to:
            g.add((node, ORG.reportsTo, self.post_iri(post.reports_to)))

    def role(self, title: str) -> URIRef:
        node = self.role_iri(title)
        self.g.add((node, RDF.type, ORG.Role))
        self.g.add((node, SKOS.prefLabel, Literal(title)))
        return node

    def staffing(self, post: Post, start: date, end: date, events: list[Event]) -> None:
        g = self.g
        post_node = self.post_iri(post.id)
        for i, s in enumerate(post.staffing):
            m = self.iri("organisation", self.org, "post", post.id, "staffing", start.isoformat(), str(i))
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.organization, self.unit_iri(post.unit)))
            g.add((m, ORG.role, self.role_iri(post.title)))
            g.add((m, RDH.post, post_node))
            g.add((m, RDH.staffingKind, Literal(s.kind.value)))
            g.add((m, RDH.fte, _number(s.fte)))
            if s.kind.value != "vacancy":  # a vacancy has budget but nobody: no org:member
                agent = BNode()
                g.add((m, ORG.member, agent))
                g.add((agent, RDF.type, FOAF.Person if s.person else FOAF.Agent))
                if s.person:
                    g.add((agent, FOAF.name, Literal(s.person)))
                g.add((agent, ORG.holds, post_node))
            if s.organisation:
                g.add((m, RDH.otherOrganisation, self.organisation_node(s.organisation)))
            if s.cost is not None:
                g.add((m, RDH.cost, _number(s.cost)))
            g.add((m, ORG.memberDuring, _interval(g, start, end)))
            self.evidence_of(m, events)

    # --- the two exports

    def org_events(self) -> list[Event]:
        # Replay order (date, then order within the dataset); kept as rdh:order because a
        # graph has no order of its own.
        return admitted(self.ds.events, self.org, View.PLANNED)

    def full_history(self) -> None:
        events = self.org_events()
        # Replayed with the organisations it transfers units to or receives them from (the dataset
        # holds their events): a unit that arrives from a neighbour is part of this history.
        history = build_history(self.ds.events, self.org, View.ACTUAL)
        touching = _touching(events + self.arrivals())
        units: dict[str, list[Version]] = {}
        for v in history.units:
            units.setdefault(v.id, []).append(v)
        for uid, versions in units.items():
            versions.sort(key=lambda v: v.valid_from)
            node = self.unit_iri(uid)
            last: Unit = versions[-1].value
            self.unit_core(node, last)
            for earlier in dict.fromkeys(v.value.name for v in versions[:-1]):
                if earlier != last.name:
                    self.g.add((node, SKOS.altLabel, Literal(earlier)))
            self.g.add((node, RDH.existsDuring, _interval(self.g, versions[0].valid_from, versions[-1].valid_to)))
            for v in versions:
                self.unit_version(node, v)
            self.evidence_of(node, touching.get(("unit", uid), []))
        posts: dict[str, list[Version]] = {}
        for v in history.posts:
            posts.setdefault(v.id, []).append(v)
        for pid, versions in posts.items():
            versions.sort(key=lambda v: v.valid_from)
            node = self.post_iri(pid)
            self.post_core(node, versions[-1].value)
            self.g.add((node, RDH.existsDuring, _interval(self.g, versions[0].valid_from, versions[-1].valid_to)))
            evs = touching.get(("post", pid), [])
            for v in versions:
                self.post_version(node, v)
                self.staffing(v.value, v.valid_from, v.valid_to, evs)
            self.evidence_of(node, evs)
        self.planned_only(events, set(units), set(posts), touching)
        self.events(events)

    def arrivals(self) -> list[Event]:
        """The transfers of other organisations that bring a unit here (the arrival's evidence)."""
        return [
            e
            for e in self.ds.events
            if e.organisation != self.org and e.type is EventType.TRANSFER_OUT and e.other_organisation == self.org
        ]

    def joined_events(self) -> None:
        """The events of the organisations this one is replayed with (a transfer between them is one
        event of the sender), each an ``org:ChangeEvent`` under its own organisation's IRI with
        ``rdh:organisation`` and its payload: without them the history does not read back (the
        dataset export carries them for the same reason; docs/dataset-format.md)."""
        g = self.g
        start = len(self.org_events())
        others = [e for e in self.ds.events if e.organisation != self.org]
        for order, ev in enumerate(ordered(others), start):
            node = self.iri("organisation", ev.organisation, "event", ev.id)
            g.add((node, RDF.type, ORG.ChangeEvent))
            g.add((node, DCTERMS.identifier, Literal(ev.id)))
            g.add((node, RDH.organisation, self.organisation_node(ev.organisation)))
            g.add((node, RDH.order, Literal(order)))
            g.add((node, RDH.eventType, Literal(ev.type.value)))
            g.add((node, RDH.status, Literal(ev.status.value)))
            when = BNode()
            g.add((node, TIME.hasTime, when))
            g.add((when, RDF.type, TIME.Instant))
            g.add((when, TIME.inXSDDate, Literal(ev.date.effective, datatype=XSD.date)))
            g.add((when, RDH.edtf, Literal(ev.date.edtf)))
            g.add((when, RDH.precision, Literal(ev.date.precision.value)))
            # ORG's two sides: the organisation whose event it is (and a unit arriving here).
            g.add((node, ORG.originalOrganization, self.org_iri(ev.organisation)))
            g.add((node, ORG.resultingOrganization, self.org_iri(ev.organisation)))
            if ev.type is EventType.TRANSFER_OUT and ev.other_organisation == self.org and ev.unit:
                g.add((node, ORG.resultingOrganization, self.unit_iri(ev.other_unit or ev.unit)))
            if ev.decision:
                g.add((node, RDH.decision, self.decision(ev.decision)))
            self.evidence(node, ev.citations, ev.assumption)
            payload = json.dumps(event_to_dict(ev), ensure_ascii=False, sort_keys=True)
            g.add((node, RDH.payload, Literal(payload)))

    def unit_version(self, node: URIRef, v: Version) -> None:
        g = self.g
        unit: Unit = v.value
        vn = URIRef(f"{node}/version/{v.valid_from.isoformat()}")
        g.add((node, RDH.version, vn))
        g.add((vn, RDF.type, RDH.UnitVersion))
        g.add((vn, RDH.versionOf, node))
        g.add((vn, SKOS.prefLabel, Literal(unit.name)))
        if unit.parent:
            g.add((vn, RDH.lineParent, self.unit_iri(unit.parent)))
        g.add((vn, RDH.validDuring, _interval(g, v.valid_from, v.valid_to)))
        self.unit_attributes(vn, unit)

    def post_version(self, node: URIRef, v: Version) -> None:
        g = self.g
        post: Post = v.value
        vn = URIRef(f"{node}/version/{v.valid_from.isoformat()}")
        g.add((node, RDH.version, vn))
        g.add((vn, RDF.type, RDH.PostVersion))
        g.add((vn, RDH.versionOf, node))
        g.add((vn, SKOS.prefLabel, Literal(post.title)))
        g.add((vn, RDH.unit, self.unit_iri(post.unit)))
        g.add((vn, RDH.validDuring, _interval(g, v.valid_from, v.valid_to)))
        self.post_attributes(vn, post)

    def planned_only(
        self, events: list[Event], units: set[str], posts: set[str], touching: dict[tuple[str, str], list[Event]]
    ) -> None:
        """Units and posts that only planned events bring: typed, labelled, never in force."""
        for ev in events:
            for unit in ([ev.new_unit] if ev.new_unit else []) + list(ev.new_units):
                if unit.id not in units:
                    units.add(unit.id)
                    node = self.unit_iri(unit.id)
                    self.unit_core(node, unit)
                    self.g.add((node, RDH.plannedOnly, Literal(True)))
                    self.evidence_of(node, touching.get(("unit", unit.id), []))
            if ev.post is not None and ev.post.id not in posts:
                posts.add(ev.post.id)
                node = self.post_iri(ev.post.id)
                self.post_core(node, ev.post)
                self.g.add((node, RDH.plannedOnly, Literal(True)))
                self.evidence_of(node, touching.get(("post", ev.post.id), []))

    def events(self, events: list[Event]) -> None:
        g = self.g
        post_units = _post_units_before(events, self.org)
        for order, ev in enumerate(events):
            node = self.event_iri(ev.id)
            g.add((node, RDF.type, ORG.ChangeEvent))
            g.add((node, DCTERMS.identifier, Literal(ev.id)))
            g.add((node, RDH.order, Literal(order)))
            g.add((node, RDH.eventType, Literal(ev.type.value)))
            g.add((node, RDH.status, Literal(ev.status.value)))
            if ev.title:
                g.add((node, DCTERMS.title, Literal(ev.title)))
            if ev.description:
                g.add((node, DCTERMS.description, Literal(ev.description)))
            when = BNode()
            g.add((node, TIME.hasTime, when))
            g.add((when, RDF.type, TIME.Instant))
            g.add((when, TIME.inXSDDate, Literal(ev.date.effective, datatype=XSD.date)))
            g.add((when, RDH.edtf, Literal(ev.date.edtf)))
            g.add((when, RDH.precision, Literal(ev.date.precision.value)))
            if ev.date.precision is Precision.DAY:
                g.add(
                    (
                        node,
                        PROV.startedAtTime,
                        Literal(f"{ev.date.effective.isoformat()}T00:00:00", datatype=XSD.dateTime),
                    )
                )
            original, resulting = self.event_organisations(ev, post_units.get(ev.id))
            for o in original:
                g.add((node, ORG.originalOrganization, o))
                g.add((o, ORG.changedBy, node))
            for r in resulting:
                g.add((node, ORG.resultingOrganization, r))
                g.add((r, ORG.resultedFrom, node))
            if ev.decision:
                g.add((node, RDH.decision, self.decision(ev.decision)))
            if ev.realised_by:
                g.add((node, RDH.realisedBy, Literal(ev.realised_by)))
            self.evidence(node, ev.citations, ev.assumption)
            payload = json.dumps(event_to_dict(ev), ensure_ascii=False, sort_keys=True)
            g.add((node, RDH.payload, Literal(payload)))

    def event_organisations(self, ev: Event, post_unit: str | None) -> tuple[list[URIRef], list[URIRef]]:
        """ORG's two sides of an event: which organisations went in, which came (or changed)."""
        t = ev.type
        u = self.unit_iri
        if t is EventType.ESTABLISH and ev.new_unit:
            return [], [u(ev.new_unit.id)]
        if t in (EventType.RENAME, EventType.MOVE, EventType.CHANGE, EventType.CONVERT) and ev.unit:
            return [u(ev.unit)], [u(ev.target if t is EventType.CONVERT and ev.target else ev.unit)]
        if t is EventType.DISSOLVE and ev.unit:
            return [u(ev.unit)], []
        if t is EventType.MERGE and ev.new_unit:
            return [u(x) for x in ev.units], [u(ev.new_unit.id)]
        if t in (EventType.ABSORB, EventType.BUNDLE) and ev.target:
            return [u(x) for x in ev.units] + [u(ev.target)], [u(ev.target)]
        if t is EventType.SPLIT and ev.unit:
            return [u(ev.unit)], [u(n.id) for n in ev.new_units]
        if t is EventType.TRANSFER_OUT and ev.unit and ev.other_organisation:
            return [u(ev.unit)], [self.organisation_node(ev.other_organisation)]
        if t is EventType.TRANSFER_IN and ev.new_unit and ev.other_organisation:
            return [self.organisation_node(ev.other_organisation)], [u(ev.new_unit.id)]
        # Post events change the unit the post is in (and, for a move, the one it goes to).
        units = [x for x in (post_unit, ev.post.unit if ev.post else None) if x]
        side = [u(x) for x in dict.fromkeys(units)]
        if t is EventType.MOVE_POST and ev.target:
            return side, [u(ev.target)]
        if t is EventType.ADD_POST:
            return [], side
        if t is EventType.REMOVE_POST:
            return side, []
        return side, side

    def as_of(self, at: date) -> None:
        events = [e for e in self.org_events() if e.status is Status.REALISED and e.date.effective <= at]
        snapshot = replay(self.ds.events, self.org, at, View.ACTUAL)
        history = build_history(events, self.org, View.ACTUAL)
        touching = _touching(events)
        current = {
            (v.id, type(v.value).__name__): v for v in history.units + history.posts if v.valid_from <= at < v.valid_to
        }
        marker = self.iri("organisation", self.org, "as-of", at.isoformat())
        self.g.add((marker, RDF.type, RDH.Snapshot))
        self.g.add((marker, RDH.asOf, Literal(at, datatype=XSD.date)))
        self.g.add((marker, RDH.organisation, self.org_iri(self.org)))
        for unit in snapshot.units.values():
            node = self.unit_iri(unit.id)
            self.unit_core(node, unit)
            v = current.get((unit.id, "Unit"))
            if v is not None:
                self.g.add((node, RDH.validDuring, _interval(self.g, v.valid_from, v.valid_to)))
            self.evidence_of(node, touching.get(("unit", unit.id), []))
        for post in snapshot.posts.values():
            node = self.post_iri(post.id)
            self.post_core(node, post)
            evs = touching.get(("post", post.id), [])
            v = current.get((post.id, "Post"))
            start, end = (v.valid_from, v.valid_to) if v is not None else (at, END_OF_TIME)
            self.g.add((node, RDH.validDuring, _interval(self.g, start, end)))
            self.staffing(post, start, end, evs)
            self.evidence_of(node, evs)

    def cooperations(self, at: date | None) -> None:
        g = self.g
        for coop in self.ds.cooperations:
            if self.org not in {p.organisation for p in coop.participants}:
                continue
            start = FuzzyDate.parse(coop.start).effective if coop.start else None
            end = FuzzyDate.parse(coop.end).effective if coop.end else None
            if at is not None and (coop.status is not Status.REALISED or (start and start > at) or (end and end <= at)):
                continue
            node = self.iri("cooperation", coop.id)
            g.add((node, RDF.type, ORG.Organization))
            g.add((node, RDF.type, RDH.Cooperation))
            g.add((node, DCTERMS.identifier, Literal(coop.id)))
            g.add((node, SKOS.prefLabel, Literal(coop.name)))
            g.add((node, RDH.legalForm, Literal(coop.legal_form)))
            g.add((node, RDH.status, Literal(coop.status.value)))
            if coop.description:
                g.add((node, DCTERMS.description, Literal(coop.description)))
            for code in coop.task_fields:
                g.add((node, RDH.taskFieldCode, Literal(code)))
            g.add((node, RDH.existsDuring, _interval(g, start, end)))
            self.evidence(node, coop.citations, coop.assumption)
            g.add(
                (node, RDH.payload, Literal(json.dumps(cooperation_to_dict(coop), ensure_ascii=False, sort_keys=True)))
            )
            self.participants(node, coop, start, end)

    def participants(self, node: URIRef, coop: Cooperation, start: date | None, end: date | None) -> None:
        g = self.g
        for p in coop.participants:
            m = self.iri("cooperation", coop.id, "participant", p.organisation)
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, self.organisation_node(p.organisation)))
            g.add((m, ORG.organization, node))
            g.add((m, ORG.role, self.role(p.role)))
            if p.share is not None:
                g.add((m, RDH.share, _number(p.share)))
            g.add((m, ORG.memberDuring, _interval(g, start, end)))
            self.evidence(m, coop.citations, coop.assumption)


def _touching(events: Iterable[Event]) -> dict[tuple[str, str], list[Event]]:
    """Per ("unit", id) and ("post", id): the events that concern it (for its evidence)."""
    out: dict[tuple[str, str], list[Event]] = {}
    for ev in events:
        keys = [("unit", uid) for uid in ev.subjects()]
        if ev.type is EventType.MOVE and ev.unit:
            keys.append(("unit", ev.unit))
        pids = list(ev.posts) + [p for ps in ev.allocation.values() for p in ps]
        pids += [x for x in (ev.post_id, ev.post.id if ev.post else None) if x]
        keys += [("post", pid) for pid in pids]
        for key in dict.fromkeys(keys):
            out.setdefault(key, []).append(ev)
    return out


def _post_units_before(events: list[Event], org: str) -> dict[str, str]:
    """For each post event: the unit its post was in just before (planned order, so that
    planned post events get a unit too)."""
    state = State()
    out: dict[str, str] = {}
    for ev in events:
        if ev.post_id and ev.post_id in state.posts:
            out[ev.id] = state.posts[ev.post_id].unit
        try:
            apply(state, ev)
        except EngineError:
            continue
    return out


# --- reading ------------------------------------------------------------------------


@dataclass
class _Reader:
    g: Graph
    filename: str
    errors: list[InputError] = field(default_factory=list)

    def one(self, node: Node, prop: URIRef) -> Any:
        value = self.g.value(node, prop)
        return value.toPython() if isinstance(value, Literal) else value

    def ident(self, node: Node) -> str:
        value = self.g.value(node, DCTERMS.identifier)
        if value is None:
            self.errors.append(
                InputError(
                    self.filename, None, f"<{node}> dcterms:identifier", "expected the Raadhuis id of this resource"
                )
            )
            return str(node).rsplit("/", 1)[-1]
        return str(value)

    def fail(self, node: Node, prop: str, message: str) -> None:
        self.errors.append(InputError(self.filename, None, f"<{node}> {prop}", message))

    def citations(self, node: Node) -> list[Any]:
        qualified: dict[Node, dict[str, Any]] = {}
        for d in self.g.objects(node, PROV.qualifiedDerivation):
            src = self.g.value(d, PROV.entity)
            if src is None:
                continue
            item: dict[str, Any] = {"source": self.ident(src)}
            for key in ("page", "quote"):
                value = self.g.value(d, RDH[key])
                if value is not None:
                    item[key] = str(value)
            qualified[src] = item
        out: list[Any] = []
        for src in sorted(self.g.objects(node, PROV.wasDerivedFrom), key=str):
            out.append(qualified.get(src, self.ident(src)))
        return out

    def evidence(self, node: Node, item: dict[str, Any]) -> dict[str, Any]:
        cites = self.citations(node)
        if cites:
            item["sources"] = cites
        if self.one(node, RDH.assumption) is True:
            note = self.one(node, RDH.assumptionNote)
            item["assumption"] = str(note) if note else True
        return item

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT}
        data["organisations"] = self.organisations()
        data["sources"] = self.sources()
        data["decisions"] = self.decisions()
        data["cooperations"] = [self.payload(n) for n in sorted(self.g.subjects(RDF.type, RDH.Cooperation), key=str)]
        data["events"] = self.events() or self.snapshot_events()
        for node in sorted(self.g.subjects(RDH.section, None), key=str):
            data.setdefault(str(self.one(node, RDH.section)), []).append(self.payload(node))
        data["extensions"] = self.extensions()
        if self.errors:
            raise InputErrors(self.errors)
        return {k: v for k, v in data.items() if v or k == "format"}

    def extensions(self) -> dict[str, Any]:
        found: dict[str, list[tuple[int, Any, bool]]] = {}
        for node in self.g.subjects(RDF.type, RDH.ExtensionEntry):
            name = str(self.one(node, RDH.extension))
            found.setdefault(name, []).append(
                (int(self.one(node, RDH.order) or 0), self.payload(node), self.one(node, RDH.single) is True)
            )
        out: dict[str, Any] = {}
        for name, entries in sorted(found.items()):
            entries.sort(key=lambda e: e[0])
            out[name] = entries[0][1] if entries[0][2] else [e[1] for e in entries]
        return out

    def payload(self, node: Node) -> dict[str, Any]:
        text = self.one(node, RDH.payload)
        try:  # within the limits every JSON is read with (depth, finite numbers, no key twice)
            value = parse(str(text), "json") if text is not None else None
        except TextError as exc:
            self.fail(node, "rdh:payload", f"expected the payload as JSON: {exc.message}")
            return {}
        if not isinstance(value, dict):
            self.fail(node, "rdh:payload", "expected the canonical payload (a JSON object)")
            return {}
        return value

    def organisations(self) -> list[dict[str, Any]]:
        out = []
        for node in sorted(self.g.subjects(RDF.type, ORG.Organization), key=str):
            if (node, RDF.type, RDH.Cooperation) in self.g or self.g.value(node, SKOS.prefLabel) is None:
                continue  # only organisations described here, not those merely referred to
            item: dict[str, Any] = {
                "id": self.ident(node),
                "name": str(self.one(node, SKOS.prefLabel)),
                "kind": str(self.one(node, RDH.kind) or "gemeente"),
            }
            code = self.one(node, ORG.identifier)
            if code and _MUNICIPALITY_CODE.match(str(code)):
                item["cbs_code"] = str(code)
            for key in ("slug", "province"):
                if self.one(node, RDH[key]):
                    item[key] = str(self.one(node, RDH[key]))
            out.append(self.evidence(node, item))
        return out

    def sources(self) -> list[dict[str, Any]]:
        out = []
        for node in sorted(self.g.subjects(RDF.type, PROV.Entity), key=str):
            if (node, RDF.type, RDH.Decision) in self.g or (node, RDH.section, None) in self.g:
                continue
            item: dict[str, Any] = {"id": self.ident(node), "title": str(self.one(node, DCTERMS.title))}
            pairs = (
                ("kind", DCTERMS.type),
                ("publisher", DCTERMS.publisher),
                ("date", DCTERMS.date),
                ("reference", RDH.reference),
                ("url", FOAF.page),
                ("file", RDH.file),
            )
            for key, prop in pairs:
                value = self.g.value(node, prop)
                if value is not None:
                    item[key] = str(value)
            holder = self.g.value(node, RDH.organisation)
            if holder is not None:
                item["organisation"] = self.ident(holder)
            out.append(item)
        return out

    def decisions(self) -> list[dict[str, Any]]:
        out = []
        for node in sorted(self.g.subjects(RDF.type, RDH.Decision), key=str):
            item: dict[str, Any] = {
                "id": self.ident(node),
                "body": str(self.one(node, RDH.body)),
                "date": str(self.one(node, DCTERMS.date)),
                "title": str(self.one(node, DCTERMS.title)),
            }
            if self.one(node, RDH.reference):
                item["reference"] = str(self.one(node, RDH.reference))
            org = self.g.value(node, RDH.organisation)
            if org is not None:
                item["organisation"] = self.ident(org)
            out.append(self.evidence(node, item))
        return out

    def events(self) -> list[dict[str, Any]]:
        rows: list[tuple[int, dict[str, Any]]] = []
        for node in self.g.subjects(RDF.type, ORG.ChangeEvent):
            payload = self.payload(node)
            if not payload:
                continue
            self.check_event(node, payload)
            order = self.one(node, RDH.order)
            rows.append((int(order) if isinstance(order, int) else 0, payload))
        rows.sort(key=lambda r: r[0])
        return [p for _, p in rows]

    def check_event(self, node: Node, payload: dict[str, Any]) -> None:
        """The ORG triples and the payload must tell the same story."""
        checks = (
            ("rdh:eventType", self.one(node, RDH.eventType), payload.get("type")),
            ("rdh:status", self.one(node, RDH.status), payload.get("status", Status.REALISED.value)),
            ("dcterms:identifier", self.one(node, DCTERMS.identifier), payload.get("id")),
        )
        for prop, triple, expected in checks:
            if triple is not None and str(triple) != str(expected):
                self.fail(
                    node,
                    prop,
                    f"the triple says {triple!r} but the event's payload says {expected!r}; "
                    "edit both or remove the payload",
                )
        when = self.g.value(node, TIME.hasTime)
        edtf = self.one(when, RDH.edtf) if when is not None else None
        if edtf is not None and "date" in payload and FuzzyDate.parse(str(edtf)) != FuzzyDate.parse(payload["date"]):
            self.fail(
                node,
                "time:hasTime",
                f"the triple says {edtf!r} but the event's payload says "
                f"{payload['date']!r}; edit both or remove the payload",
            )

    def snapshot_events(self) -> list[dict[str, Any]]:
        """An as-of graph has no events: each unit and post is established on the snapshot's day."""
        marker = next(iter(self.g.subjects(RDF.type, RDH.Snapshot)), None)
        if marker is None:
            return []
        at = str(self.one(marker, RDH.asOf))
        org_node = self.g.value(marker, RDH.organisation)
        if org_node is None:
            self.fail(marker, "rdh:organisation", "expected the organisation of the snapshot")
            return []
        org = self.ident(org_node)
        units: dict[str, dict[str, Any]] = {}
        evidence: dict[str, dict[str, Any]] = {}
        for node in sorted(self.g.subjects(ORG.unitOf, org_node), key=str):
            unit = self.unit(node)
            units[unit["id"]] = unit
            evidence[unit["id"]] = self.evidence(node, {})
        out = []
        for uid in _parents_first(units):
            out.append(
                {
                    "id": f"{uid}@{at}",
                    "type": "establish",
                    "date": at,
                    "organisation": org,
                    "unit": units[uid],
                    **evidence[uid],
                }
            )
        for node in sorted(self.g.subjects(RDF.type, ORG.Post), key=str):
            unit_node = self.g.value(node, ORG.postIn)
            if unit_node is None or (unit_node, ORG.unitOf, org_node) not in self.g:
                continue
            post = self.post(node, self.ident(unit_node))
            out.append(
                {
                    "id": f"{post['id']}@{at}",
                    "type": "add_post",
                    "date": at,
                    "organisation": org,
                    "post": post,
                    **self.evidence(node, {}),
                }
            )
        return out

    def unit(self, node: Node) -> dict[str, Any]:
        parent = next(
            (p for p in self.g.objects(node, ORG.subOrganizationOf) if (p, RDF.type, ORG.OrganizationalUnit) in self.g),
            None,
        )
        unit = Unit(
            id=self.ident(node),
            name=str(self.one(node, SKOS.prefLabel)),
            kind=str(self.one(node, RDH.kind)),
            parent=self.ident(parent) if parent is not None else None,
            abbreviation=self.one(node, RDH.abbreviation),
            temporary=self.one(node, RDH.temporary) is True,
            expected_end=self.one(node, RDH.expectedEnd),
            functional=tuple(sorted(self.ident(f) for f in self.g.objects(node, RDH.functionalLink))),
        )
        out = unit_to_dict(unit)
        shares = [
            {"code": str(self.one(t, RDH.code)), "share": float(self.one(t, RDH.share))}
            for t in self.g.objects(node, RDH.taskField)
        ]
        if shares:
            out["task_fields"] = sorted(shares, key=lambda s: s["code"])
        return out

    def post(self, node: Node, unit: str) -> dict[str, Any]:
        reports_to = self.g.value(node, ORG.reportsTo)
        post = Post(
            id=self.ident(node),
            unit=unit,
            title=str(self.one(node, SKOS.prefLabel)),
            fte=float(self.one(node, RDH.fte)),
            scale=self.one(node, RDH.scale),
            roles=tuple(sorted(str(r) for r in self.g.objects(node, RDH.roleFlag))),
            reports_to=self.ident(reports_to) if reports_to is not None else None,
        )
        out = post_to_dict(post)
        staffing = []
        # Staffing IRIs end in their position in the post's staffing list.
        for m in sorted(self.g.subjects(RDH.post, node), key=lambda m: int(str(m).rsplit("/", 1)[-1])):
            item: dict[str, Any] = {"kind": str(self.one(m, RDH.staffingKind)), "fte": float(self.one(m, RDH.fte))}
            agent = self.g.value(m, ORG.member)
            if agent is not None and self.one(agent, FOAF.name):
                item["person"] = str(self.one(agent, FOAF.name))
            other = self.g.value(m, RDH.otherOrganisation)
            if other is not None:
                item["organisation"] = self.ident(other)
            if self.one(m, RDH.cost) is not None:
                item["cost"] = float(self.one(m, RDH.cost))
            staffing.append(item)
        if staffing:
            out["staffing"] = staffing
        return out


def _parents_first(units: dict[str, dict[str, Any]]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()

    def visit(uid: str, path: set[str]) -> None:
        if uid in seen or uid in path:
            return
        parent = units[uid].get("parent")
        if parent in units:
            visit(parent, path | {uid})
        seen.add(uid)
        out.append(uid)

    for uid in sorted(units):
        visit(uid, set())
    return out
