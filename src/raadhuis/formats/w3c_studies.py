"""RDF terms for audit studies and the follow-up of their recommendations (see docs/w3c-org.md).

The generic section export (formats/w3c_org.py) already writes each study and each status change
as a ``prov:Entity`` with its canonical payload (what an import reads back), attributed to its
owner (the audit body; for a status, the organisation following it up) and derived from the
sources it cites. These terms add what a reader without Raadhuis wants: the organisations the
study is about, the audit body as a PROV agent, each recommendation as an entity of its own
derived from the study, and each status change linked to its recommendation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from raadhuis.domain.study import FollowUp, Study
from raadhuis.formats.w3c_terms import RDH


def recommendation_iri(w: Any, audit_body: str, study: str, number: str) -> URIRef:
    """The recommendation's node: the same from the study and from a status change."""
    return w.iri("record", "study", audit_body, study, "recommendation", number)  # type: ignore[no-any-return]


def study_terms(w: Any, node: URIRef, s: Study) -> None:
    g = w.g
    body = w.organisation_node(s.audit_body)
    g.add((body, RDF.type, PROV.Agent))
    for org in s.about:
        g.add((node, RDH.about, w.organisation_node(org)))
    if s.dates.final is not None:
        g.add((node, DCTERMS.issued, Literal(s.dates.final.edtf, datatype=XSD.string)))
    for rec in s.recommendations:
        rn = recommendation_iri(w, s.audit_body, s.id, rec.number)
        g.add((node, RDH.recommendation, rn))
        g.add((rn, RDF.type, PROV.Entity))
        g.add((rn, RDF.type, RDH.Recommendation))
        g.add((rn, PROV.wasDerivedFrom, node))
        g.add((rn, PROV.wasAttributedTo, body))
        g.add((rn, DCTERMS.identifier, Literal(rec.number)))
        g.add((rn, DCTERMS.title, Literal(rec.title, lang="nl")))
        g.add((rn, RDH.addressee, Literal(rec.addressee.value)))
        for c in rec.conclusions:
            g.add((rn, RDH.followsFromConclusion, Literal(c)))
        if rec.response is not None:
            g.add((rn, RDH.responseKind, Literal(rec.response.kind.value)))
        for org in s.about:
            g.add((rn, RDH.about, w.organisation_node(org)))


def follow_up_terms(w: Any, node: URIRef, f: FollowUp) -> None:
    """A status change: of which recommendation, which status, on which day (valid time; the
    record time is the register's own, not part of the fact)."""
    g = w.g
    study = next((s for s in w.ds.section("studies") if s.id == f.study), None)
    if study is not None:
        g.add((node, RDH.statusOf, recommendation_iri(w, study.audit_body, study.id, f.recommendation)))
    g.add((node, RDH.status, Literal(f.status.value)))
    g.add((node, RDH.validFrom, Literal(f.date.edtf)))


# The terms w3c_org adds to each item of these sections (its SECTION_TERMS).
TERMS: dict[str, Callable[[Any, URIRef, Any], None]] = {"studies": study_terms, "follow_up": follow_up_terms}
