"""The vocabularies of the W3C ORG export, and the small RDF helpers its modules share.

``w3c_org`` (the organisation, its events and the generic section export) and the modules that add
a section's own terms (``w3c_studies``, ``w3c_trajectories``) all stand on this module, so that the
import arrows point one way: ``w3c_org`` → ``w3c_studies``/``w3c_trajectories`` → ``w3c_terms``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, TIME, XSD

from raadhuis.domain.dates import END_OF_TIME

ORG = Namespace("http://www.w3.org/ns/org#")
# Raadhuis' own terms, for what ORG, PROV and OWL-Time do not say (FTE, kind, status, ...).
RDH = Namespace("https://raadhuis.example/def#")
DEFAULT_BASE = "https://raadhuis.example/id/"

CONTEXT: dict[str, str] = {
    "org": str(ORG),
    "rdh": str(RDH),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "time": str(TIME),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def decimal_literal(value: float) -> Literal:
    """FTE, shares and costs as xsd:decimal: "0.89", not the double "8.9e-01"."""
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


def interval(g: Graph, start: date | None, end: date | None) -> BNode:
    """A time:Interval [start, end); an open end is left out rather than written as 9999."""
    node = BNode()
    g.add((node, RDF.type, TIME.Interval))
    for prop, day in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
        if day is None or day >= END_OF_TIME:
            continue
        instant = BNode()
        g.add((node, prop, instant))
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
    return node
