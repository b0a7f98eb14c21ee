"""Pages for audit studies: the list, one study read as a report (question → sub-questions →
findings → conclusions → recommendations → response → follow-up), the follow-up monitor with its
filters, and the form to record a recommendation's status — previewed first (checked as an
import, nothing written), then saved under the author's name (the signed-in user, or in the
single-user workbench the operating-system user), refused when someone recorded the same status
in between. Every page calls services/studies.py, as the CLI and the API do.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.study import Status
from raadhuis.i18n.errors import translate
from raadhuis.i18n.studies import status_lines
from raadhuis.services import studies as svc
from raadhuis.services.concurrency import EditConflict
from raadhuis.services.register import NotFound
from raadhuis.web.access import READ, STUDY, author, can, require
from raadhuis.web.common import check_csrf, conflict_error, lang_of, parse_day, parse_moment, render, tr

router = APIRouter()
ORIGIN = "web"


def _store(request: Request) -> Any:
    return request.app.state.store


def cited_sources(data: Any) -> list[dict[str, Any]]:
    """The sources an answer cites, in the order they first appear (for the numbered list)."""
    found: dict[str, dict[str, Any]] = {}
    stack = [data]
    while stack:
        value = stack.pop(0)
        if isinstance(value, dict):
            if isinstance(value.get("source"), str) and "quote" in value:
                found.setdefault(
                    value["source"], {"id": value["source"], "title": value.get("title"), "kind": value.get("kind")}
                )
            elif isinstance(value.get("source"), dict) and value["source"].get("id"):
                src = value["source"]
                found.setdefault(src["id"], {"id": src["id"], "title": src.get("title"), "kind": src.get("kind")})
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return list(found.values())


def _visible(request: Request) -> Any:
    return lambda org: can(request, READ, org)


@router.get("/studies", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def all_studies(request: Request) -> Response:
    return _list(request, None)


@router.get("/o/{org}/studies", dependencies=[require(READ)], response_class=HTMLResponse)
def studies_of(request: Request, org: str) -> Response:
    return _list(request, org)


def _list(request: Request, org: str | None) -> Response:
    lang = lang_of(request)
    data = svc.list_studies(_store(request), org, None, lang, visible=_visible(request))
    return render(request, "studies.html", title=tr("study.studies", lang), data=data, org=data["organisation"])


@router.get("/o/{org}/studies/{study}", dependencies=[require(READ)], response_class=HTMLResponse)
def study_page(
    request: Request, org: str, study: str, at: str | None = None, known_at: str | None = None, saved: str | None = None
) -> Response:
    lang = lang_of(request)
    day = parse_day(at)
    data = svc.study_detail(_store(request), org, study, day, parse_moment(known_at), lang)
    numbers: dict[str, int] = {}
    for i, f in enumerate(data["findings"], 1):
        numbers[f["id"]] = i
    return render(
        request,
        "study.html",
        title=f"{data['title']} — {data['audit_body']['name']}",
        s=data,
        org=data["organisation"],
        at=day.isoformat(),
        known_at=known_at or "",
        saved=saved,
        finding_no=numbers,
        cited=cited_sources(data),
        may_record=can(request, STUDY, data["organisation"]["id"]),
    )


@router.get("/monitor", dependencies=[require(READ, org=None)], response_class=HTMLResponse)
def monitor_page(
    request: Request,
    organisation: str | None = None,
    audit_body: str | None = None,
    status: str | None = None,
    at: str | None = None,
    known_at: str | None = None,
) -> Response:
    lang = lang_of(request)
    store = _store(request)
    day = parse_day(at)
    organisation, audit_body, status = organisation or None, audit_body or None, status or None
    data = svc.monitor(store, organisation, audit_body, day, parse_moment(known_at), lang, visible=_visible(request))
    rows = data["recommendations"]
    if status == "overdue":
        rows = [r for r in rows if r["overdue_days"] is not None]
    elif status:
        rows = [r for r in rows if r["status"]["value"] == status]
    everything = svc.monitor(store, None, None, day, None, lang, visible=_visible(request))
    return render(
        request,
        "monitor.html",
        title=tr("monitor.title", lang),
        m=data,
        rows=rows,
        org=None,
        filters={
            "organisation": organisation or "",
            "audit_body": audit_body or "",
            "status": status or "",
            "at": day.isoformat(),
            "known_at": known_at or "",
        },
        organisations=everything["by_organisation"],
        audit_bodies=everything["by_audit_body"],
    )


# --- recording a status ---------------------------------------------------------------------


def _status_url(org: str, study: str, number: str) -> str:
    return f"/o/{org}/studies/{study}/r/{number}/status"


def _form_page(
    request: Request,
    org: str,
    study: str,
    number: str,
    form: dict[str, str],
    errors: list[InputError],
    status: int = 200,
) -> Response:
    lang = lang_of(request)
    store = _store(request)
    detail = svc.study_detail(store, org, study, None, None, lang)
    rec = next((r for r in detail["recommendations"] if r["number"] == number), None)
    if rec is None:
        raise NotFound("recommendation", number, f"of study {study}")
    # The checks name the record's field (follow_up[0].date); the form shows its own field and label.
    labels = {
        "status": tr("study.status", lang),
        "date": tr("study.status_form.date", lang),
        "source": tr("study.status_form.source", lang),
        "recommendation": tr("study.recommendation", lang),
        "reason": tr("study.status_form.reason", lang),
    }
    shown: list[InputError] = []
    by_field: dict[str, list[str]] = {}
    for e in errors:
        name = e.field.removeprefix("follow_up[0].").split(".")[0].split("[")[0]
        name = "source" if name == "sources" else name
        by_field.setdefault(name, []).append(translate(e.message, lang))
        shown.append(InputError("(form)", None, labels.get(name, e.field), e.message))
    return render(
        request,
        "study_status.html",
        status,
        title=f"{tr('study.record_status', lang)} — {tr('study.recommendation', lang)} {number}",
        s=detail,
        r=rec,
        org=detail["organisation"],
        form=form,
        errors=shown,
        by_field=by_field,
        status_options=[(s.value, tr(f"study.state.{s.value}", lang)) for s in Status],
        source_options=[(src["id"], src["title"]) for src in svc.sources_for(store, detail["organisation"]["id"])],
        action=_status_url(detail["organisation"]["id"], study, number),
        author=author(request),
    )


@router.get("/o/{org}/studies/{study}/r/{number}/status", dependencies=[require(STUDY)], response_class=HTMLResponse)
def status_form(request: Request, org: str, study: str, number: str) -> Response:
    return _form_page(request, org, study, number, {"status": "", "date": "", "source": ""}, [])


def _change(org: str, study: str, number: str, form: dict[str, str]) -> svc.StatusChange:
    def text(key: str) -> str | None:
        return (form.get(key) or "").strip() or None

    return svc.StatusChange(
        org,
        study,
        number,
        form.get("status", ""),
        form.get("date", ""),
        text("source"),
        text("new_source"),
        text("quote"),
        text("page"),
        text("text"),
    )


@router.post("/o/{org}/studies/{study}/r/{number}/status", dependencies=[require(STUDY)], response_class=HTMLResponse)
async def status_submit(request: Request, org: str, study: str, number: str) -> Response:
    posted = await check_csrf(request)
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    lang = lang_of(request)
    store = _store(request)
    change = _change(org, study, number, form)
    who, reason = author(request), (form.get("reason") or "").strip()
    version = int(form["version"]) if form.get("version", "").lstrip("-").isdigit() else None
    saving = form.get("step") == "save"
    try:
        outcome = svc.record_status(store, change, who, reason, ORIGIN, not saving, lang, version if saving else None)
    except EditConflict as exc:
        return _form_page(request, org, study, number, form, [conflict_error(exc, lang)], 409)
    except InputErrors as exc:
        return _form_page(request, org, study, number, form, exc.errors, 422)
    if not saving:
        # What the preview was made on: the save may replace exactly that, nothing newer.
        seen = outcome["version"] if outcome["version"] is not None else svc.NEW
        titles = {x["id"]: x["title"] for x in svc.sources_for(store, org)}
        titles.update({x["id"]: x["title"] for x in outcome["new_sources"]})
        return render(
            request,
            "study_preview.html",
            title=tr("study.status_form.preview_title", lang),
            org={"id": org},
            form=dict(form, version=str(seen)),
            outcome=outcome,
            change_lines=status_lines(outcome["entry"], titles, lang),
            action=_status_url(org, study, number),
            back=f"/o/{org}/studies/{study}#rec-{number}",
            author=who,
        )
    changeset = outcome["result"]["changeset"]
    return RedirectResponse(
        f"/o/{org}/studies/{study}?saved={changeset if changeset is not None else 0}#rec-{number}", status_code=303
    )
