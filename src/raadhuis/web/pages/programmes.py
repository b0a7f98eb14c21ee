"""Pages for programmes and challenges: the overview of an organisation (latest reading as a coloured
badge, budget used as a bar, the challenges on their task fields), one programme (budget and its
allocation, milestones and readings on a time axis, who leads it and until when, the events it is
linked to, every source with its quote), and the forms to record a progress reading, a milestone or
a spend — previewed first (checked as an import, nothing written), then saved under the author's
name with a reason, refused when someone changed the programme in between. Every page calls
services/programmes.py and services/challenges.py, as the CLI, the API and the report do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.programme import MilestoneStatus
from raadhuis.i18n.errors import translate
from raadhuis.i18n.programmes import amount_label, budget_text, change_lines
from raadhuis.services import challenges as challenge_svc
from raadhuis.services import programmes as svc
from raadhuis.services.concurrency import EditConflict
from raadhuis.services.studies import sources_for
from raadhuis.web.access import READ, WRITE, author, can, require
from raadhuis.web.chart import trusted
from raadhuis.web.common import check_csrf, conflict_error, lang_of, parse_day, render, tr
from raadhuis.web.programme_svg import budget_bar_svg, programme_axis_svg

router = APIRouter()
KINDS = ("reading", "milestone", "spend")
RECORD = {"reading": svc.record_reading, "milestone": svc.record_milestone, "spend": svc.record_spend}
FIELDS = {
    "reading": ("date", "value", "scale", "note"),
    "milestone": ("milestone", "title", "date", "status", "status_date"),
    "spend": ("year", "amount", "date", "purpose"),
}
EVIDENCE = ("source", "quote", "page", "assumption")


def _store(request: Request) -> Any:
    return request.app.state.store


def _at(value: str | None) -> date | None:
    return parse_day(value) if value and value.strip() else None


def budget_words(b: dict[str, Any], lang: str) -> str:
    return budget_text(b, lang)


def _bar(b: dict[str, Any], lang: str) -> Any:
    return trusted(budget_bar_svg(b["spent_share"], f"{tr('programme.budget_bar', lang)}: {budget_words(b, lang)}"))


def cited(data: Any) -> list[dict[str, Any]]:
    """The sources an answer cites, in the order they first appear (for the numbered list)."""
    found: dict[str, dict[str, Any]] = {}
    stack = [data]
    while stack:
        value = stack.pop(0)
        if isinstance(value, dict):
            if isinstance(value.get("source"), str) and "quote" in value:
                found.setdefault(value["source"], {"id": value["source"], "title": value.get("title")})
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return list(found.values())


@router.get("/o/{org}/programmes", dependencies=[require(READ)], response_class=HTMLResponse)
def programmes_page(request: Request, org: str, at: str | None = None) -> Response:
    lang = lang_of(request)
    day = _at(at)
    data = svc.programmes(_store(request), org, day, lang)
    ch = challenge_svc.challenges(_store(request), org, day, lang)
    sources = cited(ch["challenges"])
    bars = {p["id"]: _bar(p["budget"], lang) for p in data["programmes"]}
    words = {p["id"]: budget_words(p["budget"], lang) for p in data["programmes"]}
    return render(
        request,
        "programmes.html",
        title=tr("programmes.title", lang, org=data["organisation"]["name"]),
        data=data,
        challenges=ch["challenges"],
        org=data["organisation"],
        at=at or "",
        bars=bars,
        budget_words=words,
        cited_sources=sources,
        numbers={s["id"]: i for i, s in enumerate(sources, 1)},
    )


def _axis(p: dict[str, Any], lang: str) -> Any:
    words = {
        "period": tr("programme.period", lang),
        "readings": tr("programme.progress", lang),
        "open_end": tr("programme.until_unknown", lang),
        "today": tr("programme.today", lang),
        "reading.unknown": tr("programme.reading_unknown", lang),
        "no_reading": tr("programme.no_reading", lang),
    }
    words |= {f"reading.{k}": tr(f"reading.{k}", lang) for k in ("green", "amber", "red")}
    words |= {f"mstatus.{s.value}": tr(f"mstatus.{s.value}", lang) for s in MilestoneStatus}
    title = f"{tr('programme.axis', lang)}: {p['name']}"
    return trusted(programme_axis_svg(p, title, words, date.today()))


@router.get("/o/{org}/programmes/{programme}", dependencies=[require(READ)], response_class=HTMLResponse)
def programme_page(
    request: Request, org: str, programme: str, at: str | None = None, saved: str | None = None
) -> Response:
    lang = lang_of(request)
    p = svc.programme(_store(request), org, programme, _at(at), lang)
    sources = cited(p["sources"])
    return render(
        request,
        "programme.html",
        title=f"{p['name']} — {p['organisation']['name']}",
        p=p,
        org=p["organisation"],
        axis=_axis(p, lang),
        bar=_bar(p["budget"], lang),
        budget_text=budget_words(p["budget"], lang),
        numbers={s["id"]: i for i, s in enumerate(sources, 1)},
        cited_sources=sources,
        saved=saved,
        at=at or "",
        money=lambda value: amount_label(value, p["budget"]["currency"], lang),
        may_record=can(request, WRITE, p["organisation"]["id"]),
    )


# --- recording: a reading, a milestone, a spend ---------------------------------------------------


def _kind(what: str) -> str:
    if what not in KINDS:
        raise HTTPException(404, f"expected one of: {', '.join(KINDS)}")
    return what


def _label(name: str, lang: str) -> str:
    """The form's label of a field a check names (its own name when the form has none)."""
    key = {
        "date": "programme.date",
        "value": "programme.value",
        "scale": "programme.scale",
        "note": "programme.note",
        "milestone": "programme.milestone",
        "title": "programme.title_field",
        "status": "programme.status",
        "status_date": "programme.status_date",
        "year": "programme.year",
        "amount": "programme.amount",
        "purpose": "programme.purpose",
        "source": "programme.source",
        "quote": "programme.quote",
        "page": "programme.page",
        "assumption": "programme.assumption_field",
        "reason": "web.reason",
        "version": "programme.version",
    }.get(name)
    return tr(key, lang) if key else name


def _url(org: str, programme: str, what: str) -> str:
    return f"/o/{org}/programmes/{programme}/record/{what}"


def _form_page(
    request: Request,
    org: str,
    programme: str,
    what: str,
    form: dict[str, str],
    errors: list[InputError],
    status: int = 200,
) -> Response:
    lang = lang_of(request)
    store = _store(request)
    p = svc.programme(store, org, programme, None, lang)
    by_field: dict[str, list[str]] = {}
    shown: list[InputError] = []
    for e in errors:
        # The checks name the record's field (progress[3].value); the form shows its own field.
        name = e.field.split(".")[-1].split("[")[0]
        name = "source" if name == "sources" else name
        by_field.setdefault(name, []).append(translate(e.message, lang))
        shown.append(InputError("(form)", None, _label(name, lang), e.message))
    scale = next(
        (s for s in p["scales"] if s["id"] == (form.get("scale") or p["latest"] and p["latest"]["scale"])), None
    )
    scale = scale or (p["scales"][0] if p["scales"] else None)
    levels = [
        (lv["value"], f"{lv['value']} — {tr('reading.' + lv['reading'], lang)}")
        for lv in (scale["levels"] if scale else [])
    ]
    return render(
        request,
        "programme_form.html",
        status,
        title=f"{tr('programme.record_' + what, lang)} — {p['name']}",
        p=p,
        org=p["organisation"],
        what=what,
        form=form,
        errors=shown,
        by_field=by_field,
        levels=levels,
        scales=[(s["id"], s["name"]) for s in p["scales"]],
        milestones=[(m["id"], m["title"]) for m in p["milestones"]],
        statuses=[(s.value, tr(f"mstatus.{s.value}", lang)) for s in MilestoneStatus],
        source_options=[(s["id"], s["title"]) for s in sources_for(store, p["organisation"]["id"])],
        action=_url(p["organisation"]["id"], programme, what),
        author=author(request),
    )


@router.get("/o/{org}/programmes/{programme}/record/{what}", dependencies=[require(WRITE)], response_class=HTMLResponse)
def record_form(request: Request, org: str, programme: str, what: str, milestone: str | None = None) -> Response:
    form = {"milestone": milestone} if milestone else {}
    return _form_page(request, org, programme, _kind(what), form, [])


@router.post(
    "/o/{org}/programmes/{programme}/record/{what}", dependencies=[require(WRITE)], response_class=HTMLResponse
)
async def record_submit(request: Request, org: str, programme: str, what: str) -> Response:
    what = _kind(what)
    posted = await check_csrf(request)
    form = {k: v.strip() for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    lang = lang_of(request)
    store = _store(request)
    who, reason = author(request), form.get("reason", "")
    saving = form.get("step") == "save"
    if not reason:
        missing = InputError("(form)", None, "reason", "this field is required")
        return _form_page(request, org, programme, what, form, [missing], 422)
    current = svc.programme(store, org, programme, None, lang)
    seen = int(form["version"]) if form.get("version", "").isdigit() else current["version"]
    fields = {k: form[k] for k in (*FIELDS[what], *EVIDENCE) if form.get(k)}
    try:
        outcome = RECORD[what](store, org, programme, fields, who, reason, seen, not saving, lang)
    except EditConflict as exc:
        return _form_page(request, org, programme, what, form, [conflict_error(exc, lang)], 409)
    except InputErrors as exc:
        return _form_page(request, org, programme, what, form, exc.errors, 422)
    org_id = current["organisation"]["id"]
    back = f"/o/{org_id}/programmes/{programme}"
    if not saving:
        titles = {x["id"]: x["title"] for x in sources_for(store, org_id)}
        spent = svc.parse_amount(fields["amount"], "amount") if what == "spend" else None
        currency = str((current.get("budget") or {}).get("currency") or "EUR")
        return render(
            request,
            "programme_preview.html",
            title=f"{tr('programme.preview_title', lang)} — {tr('programme.record_' + what, lang)}",
            p=current,
            org=current["organisation"],
            form=dict(form, version=str(seen)),
            outcome=outcome,
            next_version=(seen or 0) + 1,
            change_lines=change_lines(what, fields, current, titles, lang, spent, currency),
            action=_url(org_id, programme, what),
            back=back,
            author=who,
        )
    changeset = outcome["changeset"]
    return RedirectResponse(f"{back}?saved={changeset if changeset is not None else 0}", status_code=303)
