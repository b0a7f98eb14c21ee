"""What every page needs: the language, the CSRF token, templates, dates from the query."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from raadhuis.domain.model import View
from raadhuis.i18n import LANGUAGES, t
from raadhuis.i18n import formatting as fmt
from raadhuis.i18n.errors import conflict_words, in_words
from raadhuis.i18n.web_messages import WEB_MESSAGES
from raadhuis.i18n.workbench_messages import WORKBENCH_MESSAGES
from raadhuis.render.links import link_target
from raadhuis.services.access import Permission
from raadhuis.web import access, csrf

HERE = Path(__file__).parent
# Autoescape everything, not only *.html: a name like <b>"x"</b> must never become markup.
templates = Jinja2Templates(
    env=jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
)
templates.env.filters["link_target"] = link_target  # only http, https and mailto become links
LANG_COOKIE = "raadhuis_lang"


def tr(key: str, lang: str = "nl", **values: object) -> str:
    """A web message, else a catalogue message: one lookup for templates."""
    entry = WEB_MESSAGES.get(key) or WORKBENCH_MESSAGES.get(key)
    if entry is None:
        return t(key, lang, **values)
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text


def number(value: object, lang: str = "nl", digits: int = 2) -> str:
    """A figure as people in that language write it: 1,5 in Dutch, 1.5 in English."""
    return fmt.format_number(value, lang, digits)


def _overdue(event: Any) -> bool:
    from raadhuis.services.follow_up import is_overdue

    return is_overdue(str(event.get("status", "")), str(event.get("date", "")))


def _value_day(value: object) -> str:
    """A day as a date field shows it (day first); what is no day stays as typed."""
    if not value:
        return ""
    try:
        return fmt.input_day(fmt.read_day(value))
    except fmt.DayError:
        return str(value)


def lang_of(request: Request) -> str:
    return str(getattr(request.state, "lang", "nl"))


def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)

    def _(key: str, **values: object) -> str:
        return tr(key, lang, **values)

    def lang_url(code: str) -> str:
        """This page in another language: same path and query, only ``lang`` changed."""
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
        return f"{request.url.path}?{urlencode(params)}"

    from raadhuis.canonical.errors import InputError
    from raadhuis.i18n.errors import translate
    from raadhuis.services.new_organisation import org_kind_word, unit_kind_word
    from raadhuis.services.sources import source_kind_word

    # Errors arrive in the checks' English; the reader gets them in the page's language.
    for key, value in list(ctx.items()):
        if isinstance(value, list) and value and all(isinstance(e, InputError) for e in value):
            ctx[key] = [e.localized(lang) for e in value]
        elif (
            isinstance(value, dict)
            and value
            and all(isinstance(v, list) and all(isinstance(m, str) for m in v) for v in value.values())
            and key.endswith("errors")
        ):
            ctx[key] = {k: [translate(m, lang) for m in v] for k, v in value.items()}

    # The organisation's tabs keep the day and view the reader chose (a day left to the page's
    # own choice stays so: the dashboard then opens on the latest day with data).
    nav = {k: request.query_params[k] for k in ("at", "view") if request.query_params.get(k)}
    if "at" not in nav and request.query_params.get("end"):
        nav["at"] = request.query_params["end"]
    ctx.update(
        nav_query=("?" + urlencode(nav)) if nav else "",
        overdue=lambda e: _overdue(e),
        err=lambda message: translate(str(message), lang),
        conflict=lambda text: conflict_words(str(text), lang),
        in_words=lambda text, names=None: in_words(str(text), lang, names),
        lang_url=lang_url,
        num=lambda value, digits=2: number(value, lang, digits),
        fte=lambda value: fmt.format_fte(value, lang),
        kind_word=lambda kind: unit_kind_word(str(kind), lang) if kind else "",
        org_kind=lambda kind: org_kind_word(str(kind), lang) if kind else "",
        source_kind=lambda kind: source_kind_word(kind, lang),
        fdate=lambda value, empty="": fmt.format_date(value, lang, empty),
        fmoment=lambda value: fmt.format_moment(value, lang),
        count=lambda n, noun: fmt.count(n, noun, lang),
        value_day=_value_day,
        lang=lang,
        _=_,
        csrf_field=csrf.FIELD,
        csrf_token=csrf.token_for(request),
        principal=access.safe_principal(request),
        mode=request.app.state.settings.mode.value,
        can=lambda permission, org=None: access.can(request, Permission(permission), org),
        other_lang="en" if lang == "nl" else "nl",
        languages=LANGUAGES,
    )
    return templates.TemplateResponse(request, template, ctx, status_code=status)


def parse_day(value: str | None, default: date | None = None) -> date:
    """A day from the query: 31-12-2011 as well as 2011-12-31 (the one rule of :func:`fmt.read_day`)."""
    if not value or not value.strip():
        return default or date.today()
    try:
        return fmt.read_day(value, "en")
    except fmt.DayError as exc:
        # English here, like every check; the error page and the API give it in the reader's language.
        raise HTTPException(400, str(exc)) from None


def parse_moment(value: str | None) -> datetime | None:
    """A moment of knowledge from the query: a day (its end) or a date-time; None when empty."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
        bare_day = len(text) == 10
    except ValueError:
        try:  # a day typed the Dutch way (31-12-2011), by the one rule for typed days
            moment, bare_day = datetime.combine(fmt.read_day(text, "en"), datetime.min.time()), True
        except fmt.DayError:
            raise HTTPException(400, f"expected {fmt.DAY_FORMS['en']}, or a date and time; got: {value!r}") from None
    if bare_day:  # a bare day means: by the end of that day
        moment = moment.replace(hour=23, minute=59, second=59)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def analysis_day(store: Any, org: str, at: str | None, view: View, lang: str = "nl") -> tuple[date, str | None]:
    """The day an analysis or the report is about: the one asked for, else the latest day with
    data (not today when the data end years ago), with a note saying so."""
    from raadhuis.services import follow_up

    if at and at.strip():
        return parse_day(at), None
    day = follow_up.latest_day(store, org, view)
    return day, follow_up.latest_note(day, False, lang)


def parse_view(value: str | None) -> View:
    try:
        return View(value or "actual")
    except ValueError:
        raise HTTPException(400, f"expected view 'actual' or 'planned', got {value!r}") from None


def neighbours(dates: list[str], at: date) -> tuple[str | None, str | None]:
    """The event dates just before and just after ``at``, for the date stepper."""
    iso = at.isoformat()
    i, j = bisect_left(dates, iso), bisect_right(dates, iso)
    return (dates[i - 1] if i > 0 else None, dates[j] if j < len(dates) else None)


async def check_csrf(request: Request) -> Any:
    """The posted form, after checking its CSRF token; 403 otherwise."""
    form = await request.form()
    if not csrf.valid(request, form.get(csrf.FIELD)):
        raise HTTPException(403, tr("web.csrf", lang_of(request)))
    return form


def seen_of(form: Any) -> int | None:
    """The register version a form was opened on (its hidden ``seen`` field), if any."""
    value = form.get("seen")
    return int(value) if isinstance(value, str) and value.strip().isdigit() else None


def conflict_error(exc: Any, lang: str) -> Any:
    """An EditConflict as the error a form shows: who changed the same units, when, why."""
    from raadhuis.canonical.errors import InputError
    from raadhuis.i18n.formatting import moment_text

    last = exc.changes[-1]
    message = tr(
        "auth.conflict",
        lang,
        units=", ".join(exc.units),
        who=last["recorded_by"],
        when=moment_text(last["recorded_at"], lang),
        reason=last["reason"] or "—",
    )
    return InputError("(form)", None, tr("auth.conflict_field", lang), message)


def recorded(response: Response, body: dict[str, Any]) -> dict[str, Any]:
    """A write's answer with its status, one rule for every route that writes: 201 when it made a
    changeset (something was recorded), 200 when it made none — a preview (``dry_run``) or data the
    register holds already ("changed": false)."""
    response.status_code = 201 if body.get("changeset") is not None else 200
    return body
