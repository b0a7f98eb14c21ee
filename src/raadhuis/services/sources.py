"""Evidence: which sources support which facts, and which facts have none."""

from __future__ import annotations

import re
from typing import Any

from raadhuis.canonical.sections import SECTIONS
from raadhuis.domain.model import View
from raadhuis.i18n import t
from raadhuis.i18n.events import event_words
from raadhuis.i18n.formatting import format_date
from raadhuis.services.audit import event_units
from raadhuis.services.register import NotFound, resolve_organisation
from raadhuis.services.sections import items as section_items
from raadhuis.store import repository as repo
from raadhuis.store.database import Store


def _citations(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for c in data.get("sources", []) or []:
        out.append({"source": c} if isinstance(c, str) else dict(c))
    return out


def kind_word(kind: str, lang: str = "nl") -> str:
    """What a fact is, in a word ('gebeurtenis', 'samenwerkingsverband'), not the record's kind."""
    word = t(f"fact.{kind}", lang)
    return word if word != f"fact.{kind}" else t("fact.other", lang)


def _facts(
    store: Store, organisation: str, lang: str = "nl"
) -> tuple[str, list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Every fact of an organisation that can carry evidence: its events (units and posts
    come from events), its cooperations, the decisions behind its events, itself. Each
    with a label in words (an event by the one rule of :func:`event_words`, with its day)."""
    with store.session() as s:
        org = resolve_organisation(s, organisation)
        sources = {d["id"]: d for d in repo.current_data(s, "source")}
        decisions = {d["id"]: d for d in repo.current_data(s, "decision")}
        names = repo.unit_names(s, org.id, View.ACTUAL)
        facts: list[dict[str, Any]] = []
        for data in repo.current_data(s, "organisation"):
            if data["id"] == org.id:
                facts.append({"kind": "organisation", "id": org.id, "label": data["name"], "data": data})
        used_decisions = set()
        for data in repo.current_data(s, "event", org.id):
            label = event_words(data, lang, names, event_units(data), dated=True)
            facts.append({"kind": "event", "id": data["id"], "label": label, "data": data})
            if data.get("decision"):
                used_decisions.add(data["decision"])
        for data in repo.current_data(s, "cooperation"):
            if any(p.get("organisation") == org.id for p in data.get("participants", [])):
                facts.append({"kind": "cooperation", "id": data["id"], "label": data["name"], "data": data})
        for key in sorted(used_decisions):
            if key in decisions:
                d = decisions[key]
                label = f"{d['body']}, {format_date(d['date'], lang)}: {d['title']}"
                facts.append({"kind": "decision", "id": key, "label": label, "data": d})
    # The items of the sections (studies, programmes, …) that concern the organisation are facts too.
    for name, section in SECTIONS.items():
        for item in section_items(store, name, org.id):
            data = section.encode(item)
            label = str(data.get("title") or data.get("name") or section.key(item))
            facts.append({"kind": section.kind, "id": section.key(item), "label": label, "data": data})
    return org.id, facts, sources


def evidence(store: Store, organisation: str, lang: str = "nl") -> dict[str, Any]:
    """Per source the facts it supports; the facts that rest on an assumption; and the
    facts with neither a source nor an assumption mark (to be fixed). Each fact keeps its
    kind and id (for links and the API) and says both in words (``kind_label``, ``label``)."""
    org, facts, sources = _facts(store, organisation, lang)
    by_source: dict[str, list[dict[str, Any]]] = {}
    assumptions, unsupported, unknown = [], [], []
    for fact in facts:
        cites = _citations(fact["data"])
        entry = {
            "kind": fact["kind"],
            "kind_label": kind_word(fact["kind"], lang),
            "id": fact["id"],
            "label": fact["label"],
        }
        for c in cites:
            if c["source"] not in sources:
                unknown.append(dict(entry, source=c["source"]))
            by_source.setdefault(c["source"], []).append(dict(entry, page=c.get("page"), quote=c.get("quote")))
        if fact["data"].get("assumption"):
            note = fact["data"]["assumption"]
            assumptions.append(dict(entry, note=titled(note, sources) if isinstance(note, str) else None))
        elif not cites:
            unsupported.append(entry)
    # A source recorded for the organisation is listed even when no fact cites it (an interview,
    # a service agreement): it is part of the organisation's evidence and of its export.
    for sid, src in sources.items():
        if src.get("organisation") == org and sid not in by_source:
            by_source[sid] = []
    listed = []
    for sid, supported in sorted(by_source.items(), key=lambda kv: kv[0]):
        src = sources.get(sid, {"id": sid, "title": None})
        listed.append(
            {
                **src,
                "reference_text": reference_text(src, sources),
                "kind_label": source_kind_word(src.get("kind"), lang),
                "date_label": format_date(src.get("date"), lang),
                "facts": supported,
            }
        )
    return {
        "organisation": org,
        "organisation_name": organisation_name(store, org),
        "sources": listed,
        "assumptions": assumptions,
        "unsupported": unsupported,
        "unknown_sources": unknown,
        "facts": len(facts),
    }


def source_kind_word(kind: Any, lang: str = "nl") -> str:
    """A source's kind in words ('gegevensbestand'); a kind the catalogue does not know as recorded."""
    if not kind:
        return ""
    word = t(f"source.kind.{kind}", lang)
    return str(kind) if word == f"source.kind.{kind}" else word


def organisation_name(store: Store, organisation: str) -> str:
    with store.session() as s:
        return resolve_organisation(s, organisation).name


def sources_of(store: Store, organisation: str, kind: str, fact_id: str) -> dict[str, Any]:
    """The sources behind one fact, with page and quote, and whether it is an assumption."""
    org, facts, sources = _facts(store, organisation)
    for fact in facts:
        if fact["kind"] == kind and fact["id"] == fact_id:
            cites = _citations(fact["data"])
            return {
                "organisation": org,
                "kind": kind,
                "id": fact_id,
                "label": fact["label"],
                "assumption": fact["data"].get("assumption", False),
                "sources": [
                    dict(c, **{k: v for k, v in sources.get(c["source"], {}).items() if k != "id"}) for c in cites
                ],
            }
    raise NotFound(kind, fact_id, f"in {org}")


_SEED = re.compile(r"\bseed \d{3}\b", re.IGNORECASE)


def _marks(records: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Working mark ("seed 001") -> the title of the document whose reference it is."""
    marks: dict[str, str] = {}
    for rec in records.values():
        own = _SEED.match(str(rec.get("reference") or ""))
        if own and rec.get("title"):
            marks.setdefault(own.group(0).lower(), str(rec["title"]))
    return marks


def titled(text: str, records: dict[str, dict[str, Any]]) -> str:
    """A free text (an assumption's reason) with each working mark replaced by the document's title."""
    marks = _marks(records)

    def one(m: re.Match[str]) -> str:
        title = marks.get(m.group(0).lower())
        return f"'{title}'" if title else ("de bron" if m.group(0)[0].islower() else "De bron")

    return _SEED.sub(one, text)


def reference_text(source: dict[str, Any], records: dict[str, dict[str, Any]]) -> str | None:
    """The source's reference as a reader sees it: a working mark such as "seed 001" (which copy of
    the document the dataset was checked against) becomes the title of the document it stands for;
    in the source's own reference it is dropped (the title is shown already). None when nothing is left."""
    ref = source.get("reference")
    if not ref:
        return None
    text = str(ref)
    mine = _SEED.match(text)
    if mine:
        rest = text[mine.end() :].strip()
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1].strip()
        text = rest
    text = titled(text, records)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;")
    return text or None


def decision_words(store: Store, decision: str, lang: str = "nl") -> str:
    """A decision as a reader names it: 'college, 13 september 2011: Herijking …'; its id only when
    the register holds no such decision."""
    with store.session() as s:
        found = {d["id"]: d for d in repo.current_data(s, "decision")}.get(decision)
    if not found:
        return decision
    return f"{found.get('body')}, {format_date(found.get('date'), lang)}: {found.get('title')}"


def source_records(store: Store) -> dict[str, dict[str, Any]]:
    """Every source in the register by id (title, publisher, date, reference, link)."""
    with store.session() as s:
        return {d["id"]: d for d in repo.current_data(s, "source")}
