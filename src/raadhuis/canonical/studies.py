"""The sections ``studies`` (one record per audit study) and ``follow_up`` (one record per status change).

Why two sections: a study is written once, from its report, and changes rarely (a correction, the
council's decision); its follow-up grows for years, one status at a time, from other sources and
other people. Keeping each status change its own small record means a form (or a yearly follow-up
import) writes one record and never rewrites the study; every change keeps its own who, when and
why in the record log, and "what did we know on 1 March" is the log's ``known_at`` while the
entry's ``date`` is when the status held (valid time). See docs/onderzoeken.md.

A study's record belongs to its audit body and concerns the organisations it is about; a status
change belongs to the organisation that follows the recommendation up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from raadhuis.canonical.paths import Path
from raadhuis.canonical.sections import SECTIONS, CheckContext, DecodeContext, Section, register
from raadhuis.canonical.values import assumption, citations, citations_out, date_at, member
from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation
from raadhuis.domain.study import (
    MISSING_FIELDS,
    Addressee,
    Amendment,
    Conclusion,
    Council,
    Dates,
    Finding,
    FollowUp,
    Hearing,
    HearingOutcome,
    HearingRow,
    Links,
    MethodKind,
    MethodStep,
    Norm,
    Question,
    Recommendation,
    Response,
    ResponseKind,
    Statement,
    Status,
    Study,
    SubQuestion,
)

STUDIES = "studies"
FOLLOW_UP = "follow_up"
LINK_KINDS = ("units", "posts", "cooperations", "events", "decisions", "programmes")
DATE_FIELDS = ("start", "draft", "hearing", "final", "council_debate")


# --- decoding ------------------------------------------------------------------------------


def _label(value: Any) -> str | None:
    """A number as the report writes it ("1", "3a"): a YAML integer becomes its text."""
    if value is None or isinstance(value, bool):
        return None
    return str(value).strip() or None


def _labels(value: Any) -> tuple[str, ...]:
    return tuple(x for x in (_label(v) for v in (value or [])) if x is not None)


def _date(raw: dict[str, Any], key: str, path: Path, ctx: DecodeContext) -> FuzzyDate | None:
    value = raw.get(key)
    return None if value is None else date_at(value, path + (key,), ctx.errors)


def _enum(enum: Any, raw: dict[str, Any], key: str, default: Any, path: Path, ctx: DecodeContext) -> Any:
    value = raw.get(key)
    if value is None:
        return default
    try:
        return member(enum, value)
    except ValueError:
        ctx.error(path + (key,), f"expected one of {', '.join(e.value for e in enum)}, got {value!r}")
        return default


def _statement(raw: Any) -> Statement | None:
    if not isinstance(raw, dict) or not raw.get("text"):
        return None
    return Statement(str(raw["text"]), citations(raw))


def decode_study(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Study | None:
    about = tuple(raw.get("about") or ([ctx.default_organisation] if ctx.default_organisation else []))
    if not about:
        ctx.error(path + ("about",), "expected the organisations the study is about (or the dataset's 'organisation')")
        return None
    if not raw.get("audit_body"):
        ctx.error(path + ("audit_body",), "expected the audit body (an organisation in the register)")
        return None
    raw_dates = raw.get("dates") or {}
    dates = Dates(
        **{key: _date(raw_dates, key, path + ("dates",), ctx) for key in DATE_FIELDS},
        citations=citations(raw_dates),
    )
    questions = tuple(_question(q, path + ("questions", i), ctx) for i, q in enumerate(raw.get("questions") or []))
    method = tuple(_method(m, path + ("method", i), ctx) for i, m in enumerate(raw.get("method") or []))
    findings = tuple(_finding(f, path + ("findings", i)) for i, f in enumerate(raw.get("findings") or []))
    conclusions = tuple(
        Conclusion(
            number=_label(c.get("number")) or "",
            title=str(c.get("title") or ""),
            text=c.get("text"),
            findings=tuple(str(x) for x in c.get("findings") or []),
            citations=citations(c),
            assumption=assumption(c),
        )
        for c in raw.get("conclusions") or []
    )
    recommendations = tuple(
        _recommendation(r, path + ("recommendations", i), ctx) for i, r in enumerate(raw.get("recommendations") or [])
    )
    missing = raw.get("missing") or {}
    for name in missing:
        if name not in MISSING_FIELDS:
            ctx.error(path + ("missing", name), f"expected one of {', '.join(MISSING_FIELDS)}, got {name!r}")
    study = Study(
        id=str(raw["id"]),
        title=str(raw["title"]),
        audit_body=str(raw["audit_body"]),
        about=tuple(str(a) for a in about),
        kind=raw.get("kind"),
        subtitle=raw.get("subtitle"),
        authors=raw.get("authors"),
        dates=dates,
        questions=questions,
        method=method,
        findings=findings,
        conclusions=conclusions,
        recommendations=recommendations,
        response=_statement(raw.get("response")),
        hearing=_hearing(raw.get("hearing"), path + ("hearing",), ctx),
        nawoord=_statement(raw.get("nawoord")),
        council=_council(raw.get("council"), path + ("council",), ctx),
        # In the order of MISSING_FIELDS, whatever the file's order: one canonical form.
        missing=tuple((k, str(missing[k])) for k in MISSING_FIELDS if k in missing),
        description=raw.get("description"),
        citations=citations(raw),
        assumption=assumption(raw),
    )
    _unique(study, path, ctx)
    return study


def _question(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Question:
    subs = tuple(
        SubQuestion(
            number=_label(sq.get("number")) or "",
            text=str(sq.get("text") or ""),
            norms=tuple(Norm(str(n.get("text") or ""), citations(n)) for n in sq.get("norms") or []),
            citations=citations(sq),
        )
        for sq in raw.get("sub_questions") or []
    )
    return Question(_label(raw.get("number")), str(raw.get("text") or ""), subs, citations(raw))


def _method(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> MethodStep:
    kind = _enum(MethodKind, raw, "kind", MethodKind.DOCUMENTSTUDIE, path, ctx)
    when = _date(raw, "date", path, ctx)
    if kind is MethodKind.INTERVIEW and raw.get("date") is None:
        ctx.error(path + ("date",), "an interview needs its date (a fuzzy date such as 2017 or 2017-10)")
    if kind in (MethodKind.INTERVIEW, MethodKind.DOCUMENTSTUDIE) and not raw.get("source"):
        ctx.error(path + ("source",), f"a {kind.value} needs its source (the id of a source in 'sources')")
    return MethodStep(
        kind=kind,
        source=raw.get("source"),
        person=raw.get("person"),
        role=raw.get("role"),
        date=when,
        title=raw.get("title"),
        participants=raw.get("participants"),
        text=raw.get("text"),
        citations=citations(raw),
        assumption=assumption(raw),
    )


def _finding(raw: dict[str, Any], path: Path) -> Finding:
    links = raw.get("links") or {}
    return Finding(
        id=str(raw.get("id") or ""),
        question=_label(raw.get("question")) or "",
        title=str(raw.get("title") or ""),
        text=raw.get("text"),
        organisation=raw.get("organisation"),
        links=Links(*(tuple(str(x) for x in links.get(kind) or []) for kind in LINK_KINDS)),
        citations=citations(raw),
        assumption=assumption(raw),
    )


def _recommendation(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> Recommendation:
    response = raw.get("response")
    return Recommendation(
        number=_label(raw.get("number")) or "",
        title=str(raw.get("title") or ""),
        text=raw.get("text"),
        addressee=_enum(Addressee, raw, "addressee", Addressee.ONBEKEND, path, ctx),
        conclusions=_labels(raw.get("conclusions")),
        deadline=_date(raw, "deadline", path, ctx),
        adopted=raw.get("adopted"),
        response=Response(
            _enum(ResponseKind, response, "kind", ResponseKind.ONBEKEND, path + ("response",), ctx),
            response.get("text"),
            citations(response),
        )
        if isinstance(response, dict)
        else None,
        citations=citations(raw),
        assumption=assumption(raw),
    )


def _hearing(raw: Any, path: Path, ctx: DecodeContext) -> Hearing | None:
    if not isinstance(raw, dict):
        return None
    rows = tuple(
        HearingRow(
            page=_label(r.get("page")),
            draft_text=r.get("draft_text"),
            comment=str(r.get("comment") or ""),
            processing=str(r.get("processing") or ""),
            outcome=_enum(HearingOutcome, r, "outcome", HearingOutcome.AANGEPAST, path + ("rows", i), ctx),
            note=r.get("note"),
            citations=citations(r),
        )
        for i, r in enumerate(raw.get("rows") or [])
    )
    return Hearing(
        kind=str(raw.get("kind") or "technisch"),
        by=raw.get("by"),
        date=_date(raw, "date", path, ctx),
        rows=rows,
        citations=citations(raw),
    )


def _council(raw: Any, path: Path, ctx: DecodeContext) -> Council | None:
    if not isinstance(raw, dict):
        return None
    return Council(
        decision=raw.get("decision"),
        date=_date(raw, "date", path, ctx),
        adopted=raw.get("adopted"),
        amendments=tuple(
            Amendment(str(a.get("text") or ""), _label(a.get("recommendation")), a.get("adopted"), citations(a))
            for a in raw.get("amendments") or []
        ),
        citations=citations(raw),
    )


def _unique(study: Study, path: Path, ctx: DecodeContext) -> None:
    """Numbers and ids within one study are unique: the report's own labels say which is which."""
    groups: list[tuple[str, str, Iterable[str]]] = [
        ("recommendations", "number", (r.number for r in study.recommendations)),
        ("conclusions", "number", (c.number for c in study.conclusions)),
        ("findings", "id", (f.id for f in study.findings)),
    ]
    for section, key, values in groups:
        seen: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in seen:
                ctx.error(
                    path + (section, i, key),
                    f"{section[:-1]} {key} {value!r} is used twice in this study (also at {section}[{seen[value]}])",
                )
            else:
                seen[value] = i
    seen_sq: dict[str, tuple[int, int]] = {}
    for qi, q in enumerate(study.questions):
        for si, sq in enumerate(q.sub_questions):
            if sq.number in seen_sq:
                ctx.error(
                    path + ("questions", qi, "sub_questions", si, "number"),
                    f"sub-question number {sq.number!r} is used twice in this study",
                )
            seen_sq[sq.number] = (qi, si)


def decode_follow_up(raw: dict[str, Any], path: Path, ctx: DecodeContext) -> FollowUp | None:
    org = raw.get("organisation") or ctx.default_organisation
    if not org:
        ctx.error(path + ("organisation",), "expected the organisation (here or as the dataset's 'organisation')")
        return None
    when = _date(raw, "date", path, ctx)
    try:
        status = member(Status, raw.get("status"))
    except ValueError:
        ctx.error(
            path + ("status",), f"expected one of {', '.join(s.value for s in Status)}, got {raw.get('status')!r}"
        )
        return None
    if when is None:
        if raw.get("date") is None:
            ctx.error(path + ("date",), "expected the date on which the status held")
        return None
    return FollowUp(
        study=str(raw.get("study") or ""),
        recommendation=_label(raw.get("recommendation")) or "",
        organisation=str(org),
        date=when,
        status=status,
        id=raw.get("id"),
        text=raw.get("text"),
        citations=citations(raw),
        assumption=assumption(raw),
    )


# --- encoding ------------------------------------------------------------------------------


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Only what is there: an empty or missing value is left out, so the canonical form is one."""
    if value is None or value == () or value == [] or value == {} or value is False:
        return
    out[key] = value


def _cited(out: dict[str, Any], items: tuple[Citation, ...], assumed: bool | str = False) -> dict[str, Any]:
    _put(out, "sources", citations_out(items))
    _put(out, "assumption", assumed)
    return out


def _text_of(d: FuzzyDate | None) -> str | None:
    return d.text if d is not None else None


def encode_study(s: Study) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "title": s.title}
    _put(out, "subtitle", s.subtitle)
    _put(out, "kind", s.kind)
    out["audit_body"] = s.audit_body
    out["about"] = list(s.about)
    _put(out, "authors", s.authors)
    _put(out, "description", s.description)
    dates: dict[str, Any] = {}
    for key in DATE_FIELDS:
        _put(dates, key, _text_of(getattr(s.dates, key)))
    _put(out, "dates", _cited(dates, s.dates.citations))
    _put(out, "missing", dict(s.missing))
    _put(out, "questions", [_encode_question(q) for q in s.questions])
    _put(out, "method", [_encode_method(m) for m in s.method])
    _put(out, "findings", [_encode_finding(f) for f in s.findings])
    _put(
        out,
        "conclusions",
        [
            _cited(
                _some(number=c.number, title=c.title, text=c.text, findings=list(c.findings)), c.citations, c.assumption
            )
            for c in s.conclusions
        ],
    )
    _put(out, "recommendations", [_encode_recommendation(r) for r in s.recommendations])
    _put(out, "response", _encode_statement(s.response))
    if s.hearing is not None:
        h = s.hearing
        hearing = _some(kind=h.kind, by=h.by, date=_text_of(h.date))
        _cited(hearing, h.citations)
        _put(
            hearing,
            "rows",
            [
                _cited(
                    _some(
                        page=r.page,
                        draft_text=r.draft_text,
                        comment=r.comment,
                        processing=r.processing,
                        outcome=r.outcome.value,
                        note=r.note,
                    ),
                    r.citations,
                )
                for r in h.rows
            ],
        )
        out["hearing"] = hearing
    _put(out, "nawoord", _encode_statement(s.nawoord))
    if s.council is not None:
        c = s.council
        council = _some(decision=c.decision, date=_text_of(c.date))
        if c.adopted is not None:
            council["adopted"] = c.adopted
        _put(council, "amendments", [_encode_amendment(a) for a in c.amendments])
        out["council"] = _cited(council, c.citations)
    return _cited(out, s.citations, s.assumption)


def _some(**values: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        _put(out, key, value)
    return out


def _encode_question(q: Question) -> dict[str, Any]:
    out = _some(number=q.number, text=q.text)
    _cited(out, q.citations)
    subs = []
    for sq in q.sub_questions:
        item = _some(number=sq.number, text=sq.text)
        _put(item, "norms", [_cited({"text": n.text}, n.citations) for n in sq.norms])
        subs.append(_cited(item, sq.citations))
    _put(out, "sub_questions", subs)
    return out


def _encode_method(m: MethodStep) -> dict[str, Any]:
    out = _some(
        kind=m.kind.value,
        source=m.source,
        person=m.person,
        role=m.role,
        date=_text_of(m.date),
        title=m.title,
        participants=m.participants,
        text=m.text,
    )
    return _cited(out, m.citations, m.assumption)


def _encode_finding(f: Finding) -> dict[str, Any]:
    out = _some(id=f.id, question=f.question, title=f.title, text=f.text, organisation=f.organisation)
    _put(out, "links", {k: list(getattr(f.links, k)) for k in LINK_KINDS if getattr(f.links, k)})
    return _cited(out, f.citations, f.assumption)


def _encode_recommendation(r: Recommendation) -> dict[str, Any]:
    out = _some(number=r.number, title=r.title, text=r.text)
    if r.addressee is not Addressee.ONBEKEND:
        out["addressee"] = r.addressee.value
    _put(out, "conclusions", list(r.conclusions))
    _put(out, "deadline", _text_of(r.deadline))
    if r.adopted is not None:
        out["adopted"] = r.adopted
    if r.response is not None:
        out["response"] = _cited(_some(kind=r.response.kind.value, text=r.response.text), r.response.citations)
    return _cited(out, r.citations, r.assumption)


def _encode_statement(s: Statement | None) -> dict[str, Any] | None:
    return None if s is None else _cited({"text": s.text}, s.citations)


def _encode_amendment(a: Amendment) -> dict[str, Any]:
    out = _some(text=a.text, recommendation=a.recommendation)
    if a.adopted is not None:
        out["adopted"] = a.adopted
    return _cited(out, a.citations)


def encode_follow_up(f: FollowUp) -> dict[str, Any]:
    out = _some(id=f.id, study=f.study, recommendation=f.recommendation, organisation=f.organisation)
    out["date"] = f.date.text
    out["status"] = f.status.value
    _put(out, "text", f.text)
    return _cited(out, f.citations, f.assumption)


# --- checks against the dataset and the register ----------------------------------------------


def _citations_with_paths(study: Study) -> list[tuple[Path, Citation]]:
    out: list[tuple[Path, Citation]] = []

    def add(path: Path, items: tuple[Citation, ...]) -> None:
        out.extend((path + ("sources", j), c) for j, c in enumerate(items))

    add((), study.citations)
    add(("dates",), study.dates.citations)
    for qi, q in enumerate(study.questions):
        add(("questions", qi), q.citations)
        for si, sq in enumerate(q.sub_questions):
            add(("questions", qi, "sub_questions", si), sq.citations)
            for ni, n in enumerate(sq.norms):
                add(("questions", qi, "sub_questions", si, "norms", ni), n.citations)
    for i, m in enumerate(study.method):
        add(("method", i), m.citations)
    for i, f in enumerate(study.findings):
        add(("findings", i), f.citations)
    for i, c in enumerate(study.conclusions):
        add(("conclusions", i), c.citations)
    for i, r in enumerate(study.recommendations):
        add(("recommendations", i), r.citations)
        if r.response is not None:
            add(("recommendations", i, "response"), r.response.citations)
    if study.response is not None:
        add(("response",), study.response.citations)
    if study.hearing is not None:
        add(("hearing",), study.hearing.citations)
        for i, row in enumerate(study.hearing.rows):
            add(("hearing", "rows", i), row.citations)
    if study.nawoord is not None:
        add(("nawoord",), study.nawoord.citations)
    if study.council is not None:
        add(("council",), study.council.citations)
        for i, a in enumerate(study.council.amendments):
            add(("council", "amendments", i), a.citations)
    return out


def programme_ids(ctx: CheckContext) -> set[str] | None:
    """The programmes the register knows, or None while no programmes section is registered
    (then a finding's programme ids are kept as given and shown as unchecked)."""
    section = SECTIONS.get("programmes")
    if section is None:
        return None
    return {section.key(p) for p in ctx.section_items("programmes")}


def check_studies(items: list[Study], ctx: CheckContext) -> None:
    orgs = ctx.organisation_ids()
    sources = ctx.source_ids()
    decisions = ctx.decision_ids()
    cooperations = ctx.cooperation_ids()
    programmes = programme_ids(ctx)
    seen: dict[tuple[str, str], int] = {}
    for i, study in enumerate(items):
        path: Path = (STUDIES, i)
        key = (study.audit_body, study.id)
        if key in seen:
            ctx.error(path + ("id",), f"study id {study.id!r} is used twice (also at {STUDIES}[{seen[key]}])")
        seen[key] = i
        if study.audit_body not in orgs:
            ctx.error(
                path + ("audit_body",),
                f"unknown organisation {study.audit_body!r}; the audit body must be an organisation in the register",
            )
        for j, org in enumerate(study.about):
            if org not in orgs:
                ctx.error(path + ("about", j), f"unknown organisation {org!r}")
        d = study.dates
        if d.final is not None and d.start is not None and d.final.end < d.start.start:
            ctx.error(
                path + ("dates", "final"),
                f"the final report ({d.final.text}) is dated before the start ({d.start.text})",
            )
        for p, cited in _citations_with_paths(study):
            if cited.source not in sources:
                ctx.error(path + p + ("source",), f"unknown source {cited.source!r}")
        for j, m in enumerate(study.method):
            if m.source and m.source not in sources:
                ctx.error(path + ("method", j, "source"), f"unknown source {m.source!r}")
        numbers = {sq.number for sq in study.sub_questions()}
        for j, f in enumerate(study.findings):
            fpath = path + ("findings", j)
            if f.question not in numbers:
                ctx.error(
                    fpath + ("question",),
                    f"unknown sub-question {f.question!r}; expected one of {', '.join(sorted(numbers)) or '(none)'}",
                )
            org = f.organisation or study.about[0]
            if f.organisation and f.organisation not in study.about:
                ctx.error(fpath + ("organisation",), f"organisation {f.organisation!r} is not one the study is about")
            known = {
                "units": ctx.unit_ids(org),
                "posts": ctx.post_ids(org),
                "events": ctx.event_ids(org),
                "decisions": decisions,
                "cooperations": cooperations,
                "programmes": programmes,
            }
            for kind in LINK_KINDS:
                ids = known[kind]
                if ids is None:
                    continue
                for k, ref in enumerate(getattr(f.links, kind)):
                    if ref not in ids:
                        ctx.error(fpath + ("links", kind, k), f"unknown {kind[:-1]} {ref!r} of {org}")
        finding_ids = {f.id for f in study.findings}
        for j, c in enumerate(study.conclusions):
            for k, ref in enumerate(c.findings):
                if ref not in finding_ids:
                    ctx.error(path + ("conclusions", j, "findings", k), f"unknown finding {ref!r} in this study")
        conclusion_numbers = {c.number for c in study.conclusions}
        for j, r in enumerate(study.recommendations):
            for k, ref in enumerate(r.conclusions):
                if ref not in conclusion_numbers:
                    ctx.error(
                        path + ("recommendations", j, "conclusions", k),
                        f"unknown conclusion {ref!r}; expected one of {', '.join(sorted(conclusion_numbers)) or '(none)'}",
                    )
        if study.council is not None:
            council = study.council
            if council.decision and council.decision not in decisions:
                ctx.error(path + ("council", "decision"), f"unknown decision {council.decision!r}")
            recs = {r.number for r in study.recommendations}
            for j, a in enumerate(council.amendments):
                if a.recommendation and a.recommendation not in recs:
                    ctx.error(
                        path + ("council", "amendments", j, "recommendation"),
                        f"unknown recommendation {a.recommendation!r}",
                    )


def check_follow_up(items: list[FollowUp], ctx: CheckContext) -> None:
    studies = {s.id: s for s in ctx.section_items(STUDIES)}
    sources = ctx.source_ids()
    seen: dict[tuple[str, str], int] = {}
    for i, f in enumerate(items):
        path: Path = (FOLLOW_UP, i)
        key = (f.organisation, f.key)
        if key in seen:
            ctx.error(
                path + ("date",),
                f"a status for recommendation {f.recommendation!r} on {f.date.text} is given twice "
                f"(also at {FOLLOW_UP}[{seen[key]}]); give each its own id",
            )
        seen[key] = i
        for j, c in enumerate(f.citations):
            if c.source not in sources:
                ctx.error(path + ("sources", j, "source"), f"unknown source {c.source!r}")
        study = studies.get(f.study)
        if study is None:
            ctx.error(
                path + ("study",),
                f"unknown study {f.study!r}; expected one of {', '.join(sorted(studies)) or '(none)'}",
            )
            continue
        if study.recommendation(f.recommendation) is None:
            numbers = ", ".join(r.number for r in study.recommendations) or "(none)"
            ctx.error(
                path + ("recommendation",),
                f"unknown recommendation {f.recommendation!r} of study {study.id!r}; expected one of {numbers}",
            )
        if f.organisation not in study.about:
            ctx.error(
                path + ("organisation",),
                f"organisation {f.organisation!r} is not one the study {study.id!r} is about ({', '.join(study.about)})",
            )
        began = study.dates.study_began()
        if began is not None and f.date.end < began.start:
            ctx.error(
                path + ("date",),
                f"the status is dated {f.date.text}, before the study {study.id!r} ({began.text}); "
                "expected a date on or after it",
            )


register(
    Section(
        name=STUDIES,
        kind="study",
        decode=decode_study,
        encode=encode_study,
        key=lambda s: s.id,
        owner=lambda s: s.audit_body,
        concerns=lambda s: s.about,
        check=check_studies,
        description="audit studies (rekenkameronderzoek): questions, findings, conclusions, recommendations, responses",
    )
)
register(
    Section(
        name=FOLLOW_UP,
        kind="follow_up",
        decode=decode_follow_up,
        encode=encode_follow_up,
        key=lambda f: f.key,
        owner=lambda f: f.organisation,
        check=check_follow_up,
        description="the follow-up of recommendations: one status on a date per record",
    )
)
