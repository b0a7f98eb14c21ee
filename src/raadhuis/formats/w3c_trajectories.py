"""RDF terms for trajectories, assessments and cooperation outcomes (see docs/w3c-org.md).

The generic section export (formats/w3c_org.py) already writes each item as a PROV entity with
its canonical payload, which is what an import reads back. These terms add what a reader of the
graph without Raadhuis wants: the participants as ORG organisations, the milestones with their
date as written, its EDTF reading and an OWL-Time interval, the tasks and options, the scores,
and the effects of a cooperation linked to the cooperation itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, TIME

from raadhuis.domain.trajectory import Assessment, CooperationOutcome, Trajectory
from raadhuis.domain.written_dates import WrittenDate
from raadhuis.formats.w3c_terms import RDH
from raadhuis.formats.w3c_terms import decimal_literal as _number
from raadhuis.formats.w3c_terms import interval as _interval


def _date(w: Any, node: URIRef | BNode, wd: WrittenDate) -> None:
    g = w.g
    g.add((node, RDH.writtenDate, Literal(wd.text, lang="nl")))
    g.add((node, RDH.edtf, Literal(wd.edtf)))
    g.add((node, RDH.precision, Literal(wd.precision.value)))
    if wd.approximate:
        g.add((node, RDH.approximate, Literal(True)))
    g.add((node, TIME.hasTime, _interval(g, wd.start, wd.end + timedelta(days=1))))


def trajectory_terms(w: Any, node: URIRef, t: Trajectory) -> None:
    g = w.g
    g.add((node, SKOS.prefLabel, Literal(t.name)))
    g.add((node, RDH.status, Literal(t.status.value)))
    for p in t.participants:
        g.add((node, RDH.participant, w.organisation_node(p.organisation)))
    for c in t.criteria:
        cn = w.iri("trajectory", t.id, "criterion", c.id)
        g.add((node, RDH.criterion, cn))
        g.add((cn, RDF.type, RDH.Criterion))
        g.add((cn, SKOS.prefLabel, Literal(c.name, lang="nl")))
        g.add((cn, RDH.criterionKind, Literal(c.kind.value)))
        if c.text:
            g.add((cn, DCTERMS.description, Literal(c.text, lang="nl")))
    for b in t.governance:
        bn = w.iri("trajectory", t.id, "governance", b.id)
        g.add((node, RDH.governanceBody, bn))
        g.add((bn, SKOS.prefLabel, Literal(b.name, lang="nl")))
        for member in b.members:
            seat = BNode()
            g.add((bn, RDH.seat, seat))
            g.add((seat, RDH.postTitle, Literal(member.post, lang="nl")))
            if member.organisation:
                g.add((seat, RDH.ofOrganisation, w.organisation_node(member.organisation)))
    for m in t.milestones:
        mn = w.iri("trajectory", t.id, "milestone", m.id)
        g.add((node, RDH.milestone, mn))
        g.add((mn, RDF.type, RDH.Milestone))
        g.add((mn, DCTERMS.title, Literal(m.title, lang="nl")))
        g.add((mn, RDH.status, Literal(m.status.value)))
        if m.decision_moment:
            g.add((mn, RDH.decisionMoment, Literal(True)))
        _date(w, mn, m.date)
    for k in t.tasks:
        kn = w.iri("trajectory", t.id, "task", k.id)
        g.add((node, RDH.candidateTask, kn))
        g.add((kn, RDF.type, RDH.CandidateTask))
        g.add((kn, SKOS.prefLabel, Literal(k.name, lang="nl")))
        if k.task_field:
            g.add((kn, RDH.taskFieldCode, Literal(k.task_field)))
        if k.pro_memorie:
            g.add((kn, RDH.proMemorie, Literal(True)))
    for o in t.options:
        on = w.iri("trajectory", t.id, "option", o.id)
        g.add((node, RDH.option, on))
        g.add((on, RDF.type, RDH.Option))
        g.add((on, SKOS.prefLabel, Literal(o.name, lang="nl")))
        g.add((on, RDH.optionKind, Literal(o.kind.value)))
        g.add((on, RDH.forTask, w.iri("trajectory", t.id, "task", o.task)))
        if o.legal_form:
            g.add((on, RDH.legalForm, Literal(o.legal_form)))
        if o.centre:
            g.add((on, RDH.centre, w.organisation_node(o.centre)))


def assessment_terms(w: Any, node: URIRef, a: Assessment) -> None:
    g = w.g
    g.add((node, RDH.assesses, w.iri("trajectory", a.trajectory, "option", a.option)))
    g.add((node, RDH.assessedBy, Literal(a.by)))
    for s in a.scores:
        sn = BNode()
        g.add((node, RDH.score, sn))
        g.add((sn, RDH.criterion, Literal(s.criterion)))
        if s.score is not None:
            g.add((sn, RDH.value, _number(s.score)))
        if s.reasoning:
            g.add((sn, RDFS.comment, Literal(s.reasoning, lang="nl")))


def outcome_terms(w: Any, node: URIRef, o: CooperationOutcome) -> None:
    g = w.g
    g.add((node, RDH.outcomeOf, w.iri("cooperation", o.cooperation)))
    if o.origin and o.origin.trajectory:
        g.add((node, RDH.fromTrajectory, w.iri("record", "trajectory", "-", o.origin.trajectory)))
    for e in o.effects:
        en = BNode()
        g.add((node, RDH.effect, en))
        g.add((en, RDH.effectKind, Literal(e.kind.value)))
        for c in e.criteria:
            g.add((en, RDH.criterion, Literal(c)))
        if e.direction:
            g.add((en, RDH.direction, Literal(e.direction.value)))
        g.add((en, DCTERMS.description, Literal(e.text, lang="nl")))
        if e.organisation:
            g.add((en, RDH.forOrganisation, w.organisation_node(e.organisation)))
        if e.amount:
            g.add((en, RDH.amount, _number(e.amount.value)))
            g.add((en, RDH.currency, Literal(e.amount.currency)))
            g.add((en, RDH.per, Literal(e.amount.per)))
            g.add((en, RDH.bound, Literal(e.amount.bound.value)))


# The terms w3c_org adds to each item of these sections (its SECTION_TERMS).
TERMS: dict[str, Callable[[Any, URIRef, Any], None]] = {
    "trajectories": trajectory_terms,
    "assessments": assessment_terms,
    "cooperation_outcomes": outcome_terms,
}
