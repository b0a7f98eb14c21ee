"""A new organisation from a form, without ids or YAML: the fields become a small dataset
(``organisations``, a source, the first top unit as a period from the start day; see
docs/dataset-format.md) and go through the same path a dataset import takes
(:func:`raadhuis.services.register.import_dataset`), first as a dry run for the preview, then
written with who and why. Ids are made from the names (the CBS code for a municipality)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.model import UNIT_KINDS_DEFAULT
from raadhuis.i18n import formatting as fmt
from raadhuis.i18n import t
from raadhuis.services import register
from raadhuis.services.changes import slug
from raadhuis.store.database import Store
from raadhuis.store.tables import OrganisationRow

ORIGIN = "web"
FILE = "nieuwe-organisatie.json"  # the name the import records as the changeset's source
ORG_KINDS = ("gemeente", "gemeenschappelijke_regeling", "provincie", "waterschap", "overig")
UNIT_KINDS = UNIT_KINDS_DEFAULT
CBS = re.compile(r"^GM\d{4}$")


def org_kind_word(kind: str, lang: str) -> str:
    """An organisation's kind in words ('gemeente', 'municipality'); a kind without words as recorded."""
    key = f"org.kind.{kind}"
    word = t(key, lang)
    return kind if word == key else word


def unit_kind_word(kind: str, lang: str) -> str:
    """A unit kind in words ('afdeling', 'department'); a kind without words as recorded."""
    key = f"unit.kind.{kind}"
    word = t(key, lang)
    return kind if word == key else word


@dataclass
class Proposal:
    """What the form asks for, as the dataset it becomes, and the sentences that say it."""

    organisation: str
    dataset: dict[str, Any]
    said: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return json.dumps(self.dataset, ensure_ascii=False, sort_keys=True)


def _clean(form: Mapping[str, Any], key: str) -> str:
    return " ".join(str(form.get(key) or "").split())


def _free(store: Store, kind: str, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``, … when a record of ``kind`` already has that id: an id made
    from a name never gives an existing record a new version."""
    from raadhuis.store import repository as repo

    with store.session() as s:
        taken = {k for _, k in repo.record_keys(s, kind)}
    n, out = 1, base
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def propose(store: Store, form: Mapping[str, Any], lang: str = "nl") -> Proposal:
    """The dataset for the form's fields; :class:`InputErrors` (each naming its field) otherwise."""
    errors: list[InputError] = []

    def err(name: str, key: str, **values: object) -> None:
        errors.append(InputError(ORIGIN, None, name, t(key, lang, **values)))

    name = _clean(form, "name")
    kind = _clean(form, "kind") or "gemeente"
    code = _clean(form, "cbs_code").upper().replace(" ", "")
    province = _clean(form, "province")
    unit_name = _clean(form, "unit_name")
    unit_kind = _clean(form, "unit_kind") or "concern"
    source_title = _clean(form, "source_title")
    day: date | None = None
    if not name:
        err("name", "org.err.name")
    if kind not in ORG_KINDS:
        err("kind", "org.err.kind")
    if code and not CBS.match(code):
        err("cbs_code", "org.err.cbs", code=code)
    elif not code and kind == "gemeente":
        err("cbs_code", "org.err.cbs_needed")
    text = _clean(form, "date")
    if not text:
        err("date", "org.err.date")
    else:
        try:
            day = fmt.read_day(text, lang)
        except fmt.DayError as exc:
            errors.append(InputError(ORIGIN, None, "date", str(exc)))
    if not unit_name:
        err("unit_name", "org.err.unit_name")
    if unit_kind not in UNIT_KINDS:
        err("unit_kind", "org.err.unit_kind")
    if not source_title:
        err("source_title", "org.err.source")
    org_id = code or slug(name)
    if name and not errors:
        with store.session() as s:
            if s.get(OrganisationRow, org_id) is not None:
                err("cbs_code" if code else "name", "org.err.exists", id=org_id)
            else:
                try:
                    found = register.resolve_organisation(s, name)
                    err("name", "org.err.exists", id=found.id)
                except register.NotFound:
                    pass
    if errors:
        raise InputErrors(errors)
    assert day is not None  # noqa: S101 - checked above
    source_id = _free(store, "source", slug(source_title))
    org: dict[str, Any] = {"id": org_id, "name": name, "kind": kind}
    if code:
        org["cbs_code"] = code
    if province:
        org["province"] = province
    org["sources"] = [source_id]
    source: dict[str, Any] = {"id": source_id, "title": source_title}
    if _clean(form, "source_url"):
        source["url"] = _clean(form, "source_url")
    unit: dict[str, Any] = {"id": slug(unit_name), "name": unit_name, "kind": unit_kind, "from": day.isoformat()}
    unit["sources"] = [source_id]
    dataset = {
        "format": "raadhuis/1",
        "organisation": org_id,
        "organisations": [org],
        "sources": [source],
        "units": [unit],
    }
    said = [
        t("org.said.org", lang, name=name, kind=t(f"org.kind.{kind}", lang))
        + (t("org.said.cbs", lang, code=code) if code else ""),
        t("org.said.unit", lang, day=fmt.format_date(day, lang), unit=unit_name, kind=unit_kind_word(unit_kind, lang)),
        t("org.said.source", lang, title=source_title),
    ]
    return Proposal(org_id, dataset, said)


def check(store: Store, proposal: Proposal, authorise: Callable[[list[str]], None] | None = None) -> None:
    """The checks of an import, nothing written (a dry run); :class:`InputErrors` otherwise."""
    register.import_dataset(store, FILE, dry_run=True, text=proposal.text, authorise=authorise)


def save(
    store: Store, proposal: Proposal, who: str, reason: str, authorise: Callable[[list[str]], None] | None = None
) -> register.ImportResult:
    """Write the new organisation, with who and why (the import's one transaction)."""
    return register.import_dataset(store, FILE, who=who, reason=reason, text=proposal.text, authorise=authorise)


def digest(proposal: Proposal) -> str:
    """A short fingerprint of what the preview showed (saving refuses anything else)."""
    import hashlib

    return hashlib.sha256(proposal.text.encode()).hexdigest()[:16]


def propose_cooperation(store: Store, organisation: str, form: Mapping[str, Any], lang: str = "nl") -> Proposal:
    """A cooperation between ``organisation`` and the organisations named in ``participant_1..4``
    (by name, CBS code or slug), as a dataset with one ``cooperations`` item."""
    from raadhuis.reference.legal_forms import LEGAL_FORMS

    errors: list[InputError] = []

    def err(name: str, key: str, **values: object) -> None:
        errors.append(InputError(ORIGIN, None, name, t(key, lang, **values)))

    name = _clean(form, "name")
    form_key = _clean(form, "legal_form")
    source_title = _clean(form, "source_title")
    forms = {f.key: f for f in LEGAL_FORMS}
    if not name:
        err("name", "coop.err.name")
    if form_key not in forms:
        err("legal_form", "coop.err.legal_form")
    day: date | None = None
    text = _clean(form, "date")
    if text:
        try:
            day = fmt.read_day(text, lang)
        except fmt.DayError as exc:
            errors.append(InputError(ORIGIN, None, "date", str(exc)))
    if not source_title:
        err("source_title", "org.err.source")
    partners: list[tuple[str, str]] = []
    with store.session() as s:
        own = register.resolve_organisation(s, organisation)
        for i in range(1, MAX_PARTICIPANTS + 1):
            typed = _clean(form, f"participant_{i}")
            if not typed:
                continue
            try:
                found = register.resolve_organisation(s, typed)
            except register.NotFound:
                err(f"participant_{i}", "coop.err.unknown", typed=typed)
                continue
            if found.id != own.id and found.id not in [p for p, _ in partners]:
                partners.append((found.id, found.name))
    if not partners and not any(e.field.startswith("participant_") for e in errors):
        err("participant_1", "coop.err.participants")
    if errors:
        raise InputErrors(errors)
    source_id = _free(store, "source", slug(source_title))
    coop: dict[str, Any] = {
        "id": _free(store, "cooperation", slug(name)),
        "name": name,
        "legal_form": form_key,
        "participants": [{"organisation": own.id}] + [{"organisation": p} for p, _ in partners],
        "sources": [source_id],
    }
    if day is not None:
        coop["start"] = day.isoformat()
    dataset = {
        "format": "raadhuis/1",
        "organisation": own.id,
        "sources": [{"id": source_id, "title": source_title}],
        "cooperations": [coop],
    }
    said = [
        t("coop.said", lang, name=name, form=forms[form_key].label(lang))
        + ", ".join([own.name] + [n for _, n in partners]),
        t("coop.said_start", lang, day=fmt.format_date(day, lang)) if day else t("coop.said_no_start", lang),
        t("org.said.source", lang, title=source_title),
    ]
    return Proposal(own.id, dataset, said)


MAX_PARTICIPANTS = 4
