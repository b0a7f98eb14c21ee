"""Scenario pages: the list and a new scenario, one scenario with its chart and the forms that change
it (drag a unit onto another on the chart, or pick from a list), the comparison side by side with its
exports, and promoting a scenario to plan with its decision.

Every page and form calls services/scenarios.py, as the CLI and the API do. A change redirects back
to the scenario's page, which redraws the chart from the evaluated scenario (the effect at once); a
refused change shows the form again with every problem on its field and nothing written.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.model import View
from raadhuis.domain.salary import STEP_RULES
from raadhuis.domain.scenario import AfterBranch, ScenarioStatus
from raadhuis.formats.text import TextError, parse
from raadhuis.i18n.errors import translate
from raadhuis.i18n.events import event_words
from raadhuis.i18n.formatting import DayError, format_date, read_day
from raadhuis.render.pyramid import pyramid_svg
from raadhuis.services import comparison, register
from raadhuis.services import scenarios as svc
from raadhuis.services.collector import collector_paused
from raadhuis.services.sections import RecordConflict
from raadhuis.services.sources import decision_words
from raadhuis.store.database import Store
from raadhuis.web import chart
from raadhuis.web.access import READ, WRITE, author, require
from raadhuis.web.api.scenarios import export_response
from raadhuis.web.chart import trusted
from raadhuis.web.common import check_csrf, lang_of, parse_day, parse_view, render, tr
from raadhuis.web.guard import off_loop
from raadhuis.web.pages.diff import gone_under

router = APIRouter()
ORIGIN = "web"

# The changes the scenario page offers as forms, in the order shown; 'other' takes any event in
# the dataset format (every type the engine knows).
ACTIONS = (
    "move",
    "merge",
    "split",
    "establish",
    "rename",
    "dissolve",
    "transfer_out",
    "add_post",
    "change_post",
    "move_post",
    "remove_post",
    "other",
)


def _org(request: Request, org: str) -> dict[str, Any]:
    with request.app.state.store.session() as s:
        return register.organisation_summary(register.resolve_organisation(s, org))


def _day_text(value: str, field: str) -> str:
    """A day as typed (31-12-2011 or 2011-12-31) as ISO, or the text as given (a month, a year …)."""
    text = (value or "").strip()
    try:
        return read_day(text, "en").isoformat()
    except DayError:
        return text


def _text(form: Any, key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def _number(form: Any, key: str, errors: list[InputError]) -> float | None:
    text = _text(form, key)
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        errors.append(InputError(ORIGIN, None, key, f"expected a number such as 0.8, got {text!r}"))
        return None


def event_from_form(form: Any) -> dict[str, Any]:
    """The proposed event a scenario form describes, in the dataset format (ids made by the service)."""
    action = _text(form, "action")
    errors: list[InputError] = []

    def need(key: str) -> str:
        value = _text(form, key)
        if not value:
            errors.append(InputError(ORIGIN, None, key, "this field is required"))
        return value

    if action not in ACTIONS:
        raise InputErrors([InputError(ORIGIN, None, "action", f"expected one of {', '.join(ACTIONS)}, got {action!r}")])
    if action == "other":
        text = need("event_yaml")
        if errors:
            raise InputErrors(errors)
        try:
            data = parse(text, "yaml")
        except TextError as exc:
            raise InputErrors([InputError(ORIGIN, exc.line, "event_yaml", exc.message)]) from None
        if not isinstance(data, dict):
            raise InputErrors(
                [InputError(ORIGIN, None, "event_yaml", "expected one event: a mapping with type and date")]
            )
        return data
    raw: dict[str, Any] = {"type": action, "date": _day_text(need("date"), "date")}
    if _text(form, "title_event"):
        raw["title"] = _text(form, "title_event")
    if _text(form, "assumption"):
        raw["assumption"] = _text(form, "assumption")
    if action == "move":
        raw["unit"] = need("unit")
        raw["parent"] = _text(form, "parent") or None
    elif action == "merge":
        units = [u for u in form.getlist("units") if isinstance(u, str) and u.strip()]
        if len(units) < 2:
            errors.append(InputError(ORIGIN, None, "units", "choose at least two units that merge"))
        raw["units"] = units
        into: dict[str, Any] = {"name": need("name"), "kind": _text(form, "kind") or "afdeling"}
        for key in ("abbreviation", "parent"):
            if _text(form, key):
                into[key] = _text(form, key)
        raw["into"] = into
    elif action == "split":
        raw["unit"] = need("unit")
        names = [n for n in (_text(form, "name_1"), _text(form, "name_2"), _text(form, "name_3")) if n]
        if len(names) < 2:
            errors.append(InputError(ORIGIN, None, "name_1", "give at least two names for the units it splits into"))
        parent = _text(form, "parent") or None
        raw["into"] = [{"name": n, "kind": _text(form, "kind") or "afdeling", "parent": parent} for n in names]
    elif action == "establish":
        unit: dict[str, Any] = {"name": need("name"), "kind": _text(form, "kind") or "afdeling"}
        for key in ("abbreviation", "parent"):
            if _text(form, key):
                unit[key] = _text(form, key)
        raw["unit"] = unit
    elif action == "rename":
        raw["unit"] = need("unit")
        raw["name"] = need("name")
    elif action == "dissolve":
        raw["unit"] = need("unit")
    elif action == "transfer_out":
        raw["unit"] = need("unit")
        raw["to"] = need("to")
    elif action == "add_post":
        post: dict[str, Any] = {"unit": need("unit"), "title": need("post_title"), "fte": _number(form, "fte", errors)}
        if post["fte"] is None and not any(e.field == "fte" for e in errors):
            errors.append(InputError(ORIGIN, None, "fte", "this field is required"))
        if _text(form, "scale"):
            post["scale"] = _text(form, "scale")
        roles = [r for r in form.getlist("roles") if isinstance(r, str) and r]
        if roles:
            post["roles"] = roles
        staffed = _number(form, "staffed_fte", errors)
        if staffed is not None:
            line: dict[str, Any] = {"kind": _text(form, "staffing_kind") or "employee", "fte": staffed}
            if _text(form, "person"):
                line["person"] = _text(form, "person")
            post["staffing"] = [line]
        raw["post"] = post
    elif action in ("change_post", "move_post", "remove_post"):
        raw["post"] = need("post")
        if action == "move_post":
            raw["into"] = need("into")
        if action == "change_post":
            changes: dict[str, Any] = {}
            fte = _number(form, "fte", errors)
            if fte is not None:
                changes["fte"] = fte
            if _text(form, "scale"):
                changes["scale"] = _text(form, "scale")
            if _text(form, "post_title"):
                changes["title"] = _text(form, "post_title")
            if not changes and not errors:
                errors.append(InputError(ORIGIN, None, "fte", "fill in at least one of FTE, scale, title"))
            raw["set"] = changes
    if errors:
        raise InputErrors(errors)
    return raw


def _field_of(path: str) -> str:
    """The form field an error path such as ``events[0].post.unit`` belongs to."""
    tail = path.split(".")[-1].split("[")[0]
    return {
        "title": "post_title",
        "into": "into",
        "units": "units",
        "parent": "parent",
        "date": "date",
        "unit": "unit",
        "post": "post",
        "name": "name",
        "fte": "fte",
        "scale": "scale",
        "id": "name",
        "to": "to",
    }.get(tail, tail)


# --- the list and a new scenario -------------------------------------------------------------


def _list_page(
    request: Request, org: str, form: dict[str, str], errors: list[InputError], status: int = 200
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    data = svc.list_scenarios(store, org, lang)
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field, []).append(translate(e.message, lang))
    return render(
        request,
        "scenarios.html",
        status,
        title=tr("scn.page.list", lang, org=data["organisation"]["name"]),
        org=data["organisation"],
        scenarios=data["scenarios"],
        form=form,
        errors=errors,
        by_field=by_field,
    )


@router.get("/o/{org}/scenarios", dependencies=[require(READ)], response_class=HTMLResponse)
def scenarios(request: Request, org: str) -> Response:
    return _list_page(request, org, {"view": "actual", "after_branch": "register"}, [])


@router.post("/o/{org}/scenarios", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def new(request: Request, org: str) -> Response:
    posted = await check_csrf(request)
    form = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    store = request.app.state.store
    try:
        view = View(form.get("view") or "actual")
        after = AfterBranch(form.get("after_branch") or "register")
    except ValueError:
        view, after = View.ACTUAL, AfterBranch.REGISTER
    try:
        done = await off_loop(
            svc.new,
            store,
            org,
            form.get("name", ""),
            _day_text(form.get("from", ""), "from"),
            author(request),
            view,
            after,
            form.get("owner") or None,
            form.get("description") or None,
            _day_text(form.get("decide_by", ""), "decide_by") or None,
            _day_text(form.get("effective_by", ""), "effective_by") or None,
            None,
            form.get("reason", ""),
            ORIGIN,
        )
    except InputErrors as exc:
        return _list_page(request, org, form, exc.errors, 422)
    found = _org(request, org)
    return RedirectResponse(f"/o/{found['id']}/scenarios/{done['scenario']['id']}?saved={done['changeset']}", 303)


# --- one scenario --------------------------------------------------------------------------------


def _default_change_day(data: dict[str, Any]) -> str:
    s = data["scenario"]
    if s.get("effective_by"):
        return str(s["effective_by"])
    return (date.fromisoformat(data["branch_day"]) + timedelta(days=1)).isoformat()


POST_FORMS = ("change_post", "move_post", "remove_post")  # the actions whose form has a post_select


@collector_paused  # its rows, chart and page are many small objects without cycles
def _scenario_page(
    request: Request,
    org: str,
    scenario: str,
    at: str | None = None,
    form: dict[str, Any] | None = None,
    errors: list[InputError] | None = None,
    status: int = 200,
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    data = svc.show(store, org, scenario, parse_day(at) if at else None, lang)
    org_info = data["organisation"]
    rows = gone_under(data["units"], data["gone"])
    title = tr("scn.page.scenario", lang, name=data["scenario"]["name"], at=format_date(data["at"], lang))
    svg, _drawn = chart.drawing(rows, lang, title, marks=data["marks"], embedded=True)
    errors = errors or []
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field, []).append(translate(e.message, lang))
    form = form or {}
    action = str(form.get("action") or request.query_params.get("action") or "move")
    if action not in ACTIONS:
        action = "move"
    # Only the forms that pick a post list the posts (all of them: 10,000 at 1,000 units).
    posts = (
        svc.posts_on(store, org_info["id"], scenario, date.fromisoformat(data["at"])) if action in POST_FORMS else []
    )
    legend = [
        m
        for m in ("added", "removed", "moved", "renamed", "merged", "split", "transferred", "fte_changed")
        if m in set(data["marks"].values())
    ]
    others = [s for s in svc.list_scenarios(store, org_info["id"], lang)["scenarios"] if s["id"] != scenario]
    return render(
        request,
        "scenario.html",
        status,
        title=title,
        org=org_info,
        data=data,
        s=data["scenario"],
        svg=trusted(svg),
        units=[r for r in data["units"]],
        posts=posts,
        form=form,
        action=action,
        actions=ACTIONS,
        errors=errors,
        by_field=by_field,
        change_day=form.get("date") or _default_change_day(data),
        legend=legend,
        others=others,
        organisations=[o for o in register.list_organisations(store) if o["id"] != org_info["id"]],
        editable=data["scenario"]["promoted"] is None,
        unit_names={
            **register.unit_names(store, org_info["id"], View.PLANNED),
            **register.unit_names(store, org_info["id"]),
            **{str(r["id"]): str(r["name"]) for r in data["units"] if r.get("name")},
        },
        # The register's events a scenario displaces, in words with their day (one rule: event_words).
        register_events=_register_events(store, org_info["id"], [c["event"] for c in data["displaced"]], lang),
        decision_text=decision_words(store, data["scenario"]["promoted"]["decision"], lang)
        if data["scenario"]["promoted"]
        else "",
        statuses=[st.value for st in ScenarioStatus if st is not ScenarioStatus.DECIDED],
        saved=request.query_params.get("saved"),
    )


def _register_events(store: Store, org: str, wanted: list[str], lang: str) -> dict[str, str]:
    if not wanted:
        return {}
    names = register.unit_names(store, org)
    return {
        e["id"]: event_words(e["data"], lang, names, e["units"], dated=True)
        for e in register.timeline(store, org, lang=lang)["events"]
        if e["id"] in wanted
    }


@router.get("/o/{org}/scenarios/{scenario}", dependencies=[require(READ)], response_class=HTMLResponse)
def scenario_page(request: Request, org: str, scenario: str, at: str | None = None) -> Response:
    return _scenario_page(request, org, scenario, at)


async def _form(request: Request) -> tuple[Any, dict[str, Any]]:
    posted = await check_csrf(request)
    plain = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
    return posted, plain


def _version(form: dict[str, Any]) -> int | None:
    text = str(form.get("version") or "").strip()
    return int(text) if text.isdigit() else None


def _back(org_id: str, scenario: str, changeset: Any = None) -> RedirectResponse:
    saved = f"?saved={changeset}" if changeset else ""
    return RedirectResponse(f"/o/{org_id}/scenarios/{scenario}{saved}#chart-h", 303)


@router.post("/o/{org}/scenarios/{scenario}/edit", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def edit(request: Request, org: str, scenario: str) -> Response:
    """One change to the scenario from a form or from a drop on the chart (action=move)."""
    posted, form = await _form(request)
    store = request.app.state.store
    try:
        raw = event_from_form(posted)
        done = await off_loop(
            svc.add_events, store, org, scenario, [raw], author(request), form.get("reason", ""), ORIGIN, _version(form)
        )
    except RecordConflict as exc:
        return _scenario_page(
            request, org, scenario, None, form, [InputError(ORIGIN, None, "version", exc.errors[0].message)], 409
        )
    except InputErrors as exc:
        if form.get("action") == "other":  # the whole event is one field: the path stays in the message
            mapped = [InputError(e.file, e.line, "event_yaml", f"{e.field}: {e.message}") for e in exc.errors]
        else:
            mapped = [
                InputError(e.file, e.line, _field_of(e.field) if e.field.startswith("events") else e.field, e.message)
                for e in exc.errors
            ]
        return _scenario_page(request, org, scenario, None, form, mapped, 422)
    return _back(_org(request, org)["id"], scenario, done["changeset"])


@router.post("/o/{org}/scenarios/{scenario}/remove", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def remove(request: Request, org: str, scenario: str) -> Response:
    _, form = await _form(request)
    try:
        done = svc.remove_event(
            request.app.state.store, org, scenario, form.get("event", ""), author(request), "", ORIGIN, _version(form)
        )
    except InputErrors as exc:
        return _scenario_page(request, org, scenario, None, {}, exc.errors, 422)
    return _back(_org(request, org)["id"], scenario, done["changeset"])


@router.post("/o/{org}/scenarios/{scenario}/status", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def status(request: Request, org: str, scenario: str) -> Response:
    _, form = await _form(request)
    try:
        done = svc.update(
            request.app.state.store,
            org,
            scenario,
            author(request),
            form.get("reason", ""),
            ORIGIN,
            _version(form),
            status=form.get("status"),
        )
    except InputErrors as exc:
        return _scenario_page(request, org, scenario, None, {}, exc.errors, 422)
    return _back(_org(request, org)["id"], scenario, done["changeset"])


@router.post("/o/{org}/scenarios/{scenario}/copy", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def copy(request: Request, org: str, scenario: str) -> Response:
    _, form = await _form(request)
    try:
        done = svc.copy(request.app.state.store, org, scenario, author(request), form.get("name") or None, "", ORIGIN)
    except InputErrors as exc:
        return _scenario_page(request, org, scenario, None, {}, exc.errors, 422)
    return _back(_org(request, org)["id"], done["scenario"]["id"], done["changeset"])


@router.post("/o/{org}/scenarios/{scenario}/rebase", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def rebase(request: Request, org: str, scenario: str) -> Response:
    await _form(request)
    done = svc.rebase(request.app.state.store, org, scenario, author(request), "", ORIGIN)
    return _back(_org(request, org)["id"], scenario, done["changeset"])


@router.post("/o/{org}/scenarios/{scenario}/realise", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def realise(request: Request, org: str, scenario: str) -> Response:
    _, form = await _form(request)
    try:
        done = await off_loop(
            svc.realise,
            request.app.state.store,
            org,
            scenario,
            form.get("event", ""),
            author(request),
            form.get("reason", ""),
            ORIGIN,
        )
    except InputErrors as exc:
        return _scenario_page(request, org, scenario, None, {}, exc.errors, 422)
    return _back(_org(request, org)["id"], scenario, done["changeset"])


# --- promoting -----------------------------------------------------------------------------------


def _promote_page(
    request: Request, org: str, scenario: str, form: dict[str, str], errors: list[InputError], status: int = 200
) -> Response:
    store, lang = request.app.state.store, lang_of(request)
    data = svc.show(store, org, scenario, None, lang)
    with store.session() as s:
        from raadhuis.store import repository as repo

        decisions = [
            d for d in repo.current_data(s, "decision") if d.get("organisation") in (data["organisation"]["id"], None)
        ]
    by_field: dict[str, list[str]] = {}
    for e in errors:
        by_field.setdefault(e.field, []).append(translate(e.message, lang))
    return render(
        request,
        "scenario_promote.html",
        status,
        title=tr("scn.page.promote", lang, name=data["scenario"]["name"]),
        org=data["organisation"],
        data=data,
        s=data["scenario"],
        decisions=sorted(decisions, key=lambda d: str(d.get("date")), reverse=True),
        form=form,
        errors=errors,
        by_field=by_field,
    )


@router.get("/o/{org}/scenarios/{scenario}/promote", dependencies=[require(WRITE)], response_class=HTMLResponse)
def promote_form(request: Request, org: str, scenario: str) -> Response:
    return _promote_page(request, org, scenario, {"body": "college"}, [])


@router.post("/o/{org}/scenarios/{scenario}/promote", dependencies=[require(WRITE)], response_class=HTMLResponse)
async def promote(request: Request, org: str, scenario: str) -> Response:
    _, form = await _form(request)
    store = request.app.state.store
    decision_id = form.get("decision_id") or None
    raw = None
    if not decision_id:
        raw = {k: form.get(k, "") for k in ("body", "date", "title", "reference")}
        raw["date"] = _day_text(raw["date"], "date")
    try:
        done = await off_loop(
            svc.promote,
            store,
            org,
            scenario,
            author(request),
            form.get("reason", ""),
            raw,
            decision_id,
            ORIGIN,
            _version(form),
        )
    except InputErrors as exc:
        mapped = [InputError(e.file, e.line, e.field.replace("decision.", ""), e.message) for e in exc.errors]
        return _promote_page(request, org, scenario, form, mapped, 422)
    org_id = _org(request, org)["id"]
    return RedirectResponse(f"/o/{org_id}?at={done['planned_at']}&view=planned&saved={done['changeset']}", 303)


# --- comparing ------------------------------------------------------------------------------------


def _compare_data(
    request: Request,
    org: str,
    scenario: list[str],
    at: str | None,
    view: str | None,
    charges: str | None,
    step_rule: str,
) -> dict[str, Any]:
    pct = None
    if charges and charges.strip():
        try:
            pct = float(charges.replace(",", "."))
        except ValueError:
            raise InputErrors(
                [InputError(ORIGIN, None, "charges", f"expected a number such as 40, got {charges!r}")]
            ) from None
    if step_rule not in STEP_RULES:
        raise HTTPException(400, f"expected one of {', '.join(STEP_RULES)}, got {step_rule!r}")
    return svc.compare(
        request.app.state.store,
        org,
        scenario,
        parse_day(at) if at else None,
        parse_view(view) if view else None,
        charges=pct,
        step_rule=step_rule,
        lang=lang_of(request),
    )


@router.get("/o/{org}/scenario-comparison", dependencies=[require(READ)], response_class=HTMLResponse)
async def compare_page(
    request: Request,
    org: str,
    scenario: list[str] = Query(default=[]),
    at: str | None = None,
    view: str | None = None,
    charges: str | None = None,
    step_rule: str = "maximum",
) -> Response:
    lang = lang_of(request)
    found = _org(request, org)
    everything = svc.list_scenarios(request.app.state.store, found["id"], lang)["scenarios"]
    errors: list[InputError] = []
    data = tables = None
    if scenario:
        try:
            data = await off_loop(_compare_data, request, org, scenario, at, view, charges, step_rule)
            tables = comparison.tables(data, lang)
        except InputErrors as exc:
            errors = exc.errors
    pyramids = [trusted(pyramid_svg(p["name"], p["layers"], lang)) for p in (tables.pyramids if tables else [])]
    query = request.url.query
    return render(
        request,
        "scenario_compare.html",
        422 if errors else 200,
        title=tables.title if tables else tr("scn.page.compare", lang, org=found["name"]),
        org=found,
        everything=everything,
        chosen=scenario,
        data=data,
        tables=tables,
        pyramids=pyramids,
        errors=errors,
        at=at or (data["at"] if data else ""),
        view=view or "",
        charges=charges or "",
        step_rule=step_rule,
        rules=STEP_RULES,
        query=query,
    )


@router.get("/o/{org}/scenario-comparison.{fmt}", dependencies=[require(READ)])
async def compare_export(
    request: Request,
    org: str,
    fmt: str,
    scenario: list[str] = Query(default=[]),
    at: str | None = None,
    view: str | None = None,
    charges: str | None = None,
    step_rule: str = "maximum",
) -> Response:
    if fmt not in ("xlsx", "pdf"):
        raise HTTPException(404, tr("scn.bad_export", lang_of(request), fmt=fmt))
    data = await off_loop(_compare_data, request, org, scenario, at, view, charges, step_rule)
    return export_response(data, fmt, lang_of(request))
