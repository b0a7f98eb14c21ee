"""The audit trail of an organisation: who changed what, when and why, with before and after;
filterable by unit, event, person, period and reason, and exportable as CSV."""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from raadhuis.i18n.events import event_words
from raadhuis.i18n.formatting import format_date, moment_text
from raadhuis.i18n.record_fields import field_words
from raadhuis.services import audit, register
from raadhuis.services.sources import kind_word, source_records, titled
from raadhuis.store.database import Store
from raadhuis.web.access import READ, WRITE, can, require
from raadhuis.web.common import lang_of, parse_day, render, tr

router = APIRouter()


def trail_filter(request: Request) -> audit.TrailFilter:
    q = request.query_params

    def day(name: str) -> date | None:
        return parse_day(q.get(name)) if q.get(name) else None

    return audit.TrailFilter(
        unit=q.get("unit") or None,
        event=q.get("event") or None,
        who=q.get("who") or None,
        since=day("from"),
        until=day("to"),
        text=q.get("q") or None,
        kind=q.get("kind") or None,
    )


def _query(f: audit.TrailFilter, **extra: object) -> str:
    names = {"since": "from", "until": "to", "text": "q"}
    params = {names.get(k, k): v for k, v in f.as_dict().items()}
    params.update({k: str(v) for k, v in extra.items()})
    return urlencode(params)


def _choices(
    store: Store, org_id: str, f: audit.TrailFilter, entries: list[dict[str, Any]], lang: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    """The filter's choices in words: the organisation's events (by what they are and their day, in
    date order) and its units (by name); the ids only as the options' values. A chosen event the
    register no longer holds (retracted) is named from its last version in the trail."""
    names = register.unit_names(store, org_id)
    events = register.timeline(store, org_id, lang=lang)["events"]
    choices = [(e["id"], event_words(e["data"], lang, names, e["units"], dated=True)) for e in events]
    if f.event and f.event not in {key for key, _ in choices}:
        for e in entries:
            for c in e["changes"]:
                if c["kind"] == "event" and c["key"] == f.event:
                    choices.append(
                        (f.event, event_words(c["after"] or c["before"] or {}, lang, names, c["units"], True))
                    )
                    break
            else:
                continue
            break
    units = sorted(names.items(), key=lambda kv: kv[1].lower())
    if f.unit and f.unit not in names:
        units.append((f.unit, f.unit))  # typed by hand in an old link: kept, so the filter still shows it
    return choices, units, names


def _record_words(c: dict[str, Any], org_name: str, lang: str) -> str:
    """A changed record other than an event in words: what it is and its name, no key."""
    if c["kind"] == "organisation":
        return org_name
    data = c.get("after") or c.get("before") or {}
    return str(data.get("title") or data.get("name") or kind_word(c["kind"], lang))


@router.get("/o/{org}/audit", response_class=HTMLResponse, dependencies=[require(READ)])
def audit_page(request: Request, org: str, page: int = 1) -> Response:
    lang = lang_of(request)
    f = trail_filter(request)
    store = request.app.state.store
    data = audit.trail(store, org, f, page)
    records = source_records(store)
    org_id, org_name = data["organisation"]["id"], data["organisation"]["name"]
    event_choices, unit_choices, names = _choices(store, org_id, f, data["entries"], lang)
    return render(
        request,
        "audit.html",
        title=tr("audit.title", lang, org=data["organisation"]["name"]),
        org=data["organisation"],
        data=data,
        f=f,
        when=lambda iso: moment_text(iso, lang),
        day=lambda iso: format_date(iso, lang),  # a day, a month, a year: in words
        event_text=lambda c: event_words(c.get("after") or c.get("before") or {}, lang, names, c.get("units") or []),
        record_text=lambda c: _record_words(c, org_name, lang),
        kind_text=lambda kind: kind_word(kind, lang),
        field_text=lambda path: field_words(path, lang),
        event_choices=event_choices,
        unit_choices=unit_choices,
        short=lambda v: audit.short(titled(v, records)),  # a working mark as the document's title
        origin=lambda text: PurePath(text).name or text,  # a file's name, not where it was on someone's disk
        query=lambda **extra: _query(f, **extra),
        may_retract=can(request, WRITE, data["organisation"]["id"]),
    )


@router.get("/o/{org}/audit.csv", dependencies=[require(READ)])
def audit_csv(request: Request, org: str) -> Response:
    f = trail_filter(request)
    text = audit.trail_csv(request.app.state.store, org, f)
    with request.app.state.store.session() as s:
        from raadhuis.services.register import resolve_organisation

        org_id = resolve_organisation(s, org).id
    return Response(
        "\ufeff" + text,  # a byte-order mark, so Excel reads the UTF-8 as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="audittrail-{org_id}.csv"'},
    )


@router.get(
    "/api/v1/organisations/{org}/audit",
    dependencies=[require(READ)],
    summary="Audittrail: wie wat wanneer en waarom veranderde / audit trail",
    tags=["register"],
)
def audit_api(request: Request, org: str, page: int = 1) -> dict[str, object]:
    return audit.trail(request.app.state.store, org, trail_filter(request), page)
