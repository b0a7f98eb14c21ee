"""The words of a formatieplan import: staffing kinds, and the sentences of the dry run."""

from __future__ import annotations

from collections.abc import Iterable

from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import Snapshot, Staffing, StaffingKind, TaskFieldShare

STAFFING_LABELS = {
    "nl": {
        StaffingKind.EMPLOYEE: "eigen personeel",
        StaffingKind.VACANCY: "vacature",
        StaffingKind.EXTERNAL_HIRE: "inhuur",
        StaffingKind.LOAN_IN: "inleen",
        StaffingKind.SECONDMENT_OUT: "detachering",
    },
    "en": {
        StaffingKind.EMPLOYEE: "employee",
        StaffingKind.VACANCY: "vacancy",
        StaffingKind.EXTERNAL_HIRE: "external hire",
        StaffingKind.LOAN_IN: "loan in",
        StaffingKind.SECONDMENT_OUT: "secondment out",
    },
}


def format_fte(number: float, lang: str = "nl") -> str:
    """FTE as a formatieplan writes it, '2,50' (i18n/formatting)."""
    from raadhuis.i18n.formatting import format_fte as fte

    return fte(number, lang)


def _fmt(number: float, lang: str = "nl") -> str:
    text = f"{number:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


# --- describing (the dry run) ------------------------------------------------------------

_WORDS = {
    "nl": {
        "establish": "Nieuwe eenheid {name!r} ({kind}) onder {parent}, id {id}{tasks}",
        "tasks": ", taakvelden {0}",
        "top": "bovenaan",
        "add_post": "Nieuwe formatieplaats {title!r} in {unit}: formatie {fte} fte{scale}{staffing}, id {id}",
        "change_post": "Formatieplaats {post} wijzigen: {what}",
        "remove_post": "Formatieplaats {post} vervalt",
        "move_post": "Formatieplaats {post} gaat naar {unit}",
        "change": "Taakvelden van {unit}: {what}",
        "other": "{type} {id}",
        "scale": ", schaal {0}",
        "staffing": ", bezetting {0}",
        "none": "geen",
        "fte": "formatie {0} fte",
        "scale_to": "schaal {0}",
        "title_to": "functie {0!r}",
        "staffing_to": "bezetting {0}",
    },
    "en": {
        "establish": "New unit {name!r} ({kind}) under {parent}, id {id}{tasks}",
        "tasks": ", task fields {0}",
        "top": "the top",
        "add_post": "New post {title!r} in {unit}: budget {fte} FTE{scale}{staffing}, id {id}",
        "change_post": "Change post {post}: {what}",
        "remove_post": "Post {post} is removed",
        "move_post": "Post {post} moves to {unit}",
        "change": "Task fields of {unit}: {what}",
        "other": "{type} {id}",
        "scale": ", scale {0}",
        "staffing": ", staffing {0}",
        "none": "none",
        "fte": "budget {0} FTE",
        "scale_to": "scale {0}",
        "title_to": "title {0!r}",
        "staffing_to": "staffing {0}",
    },
}


def describe(events: list[Event], lang: str = "nl", snapshot: Snapshot | None = None) -> list[str]:
    """One sentence per event, in Dutch (default) or English: the dry run's report."""
    words = _WORDS["en" if lang == "en" else "nl"]
    lang = "en" if lang == "en" else "nl"
    names: dict[str, str] = {uid: u.name for uid, u in (snapshot.units.items() if snapshot else [])}
    posts: dict[str, str] = {pid: p.title for pid, p in (snapshot.posts.items() if snapshot else [])}
    for e in events:
        if e.new_unit is not None:
            names[e.new_unit.id] = e.new_unit.name
        if e.post is not None:
            posts[e.post.id] = e.post.title

    def unit(uid: str | None) -> str:
        return f"{names[uid]!r} ({uid})" if uid in names else repr(uid)

    def post(pid: str | None) -> str:
        return f"{posts[pid]!r} ({pid})" if pid in posts else repr(pid)

    def staffing(lines: Iterable[Staffing]) -> str:
        parts = [
            f"{STAFFING_LABELS[lang][s.kind]} {format_fte(s.fte, lang)}" + (f" ({s.person})" if s.person else "")
            for s in lines
        ]
        return "; ".join(parts) or words["none"]

    def shares(fields: Iterable[TaskFieldShare]) -> str:
        return ", ".join(f"{t.code} ({_fmt(t.share * 100, lang)}%)" for t in fields)

    out = []
    for e in events:
        if e.type is EventType.ESTABLISH and e.new_unit is not None:
            u = e.new_unit
            out.append(
                words["establish"].format(
                    name=u.name,
                    kind=u.kind,
                    parent=unit(u.parent) if u.parent else words["top"],
                    id=u.id,
                    tasks=words["tasks"].format(shares(u.task_fields)) if u.task_fields else "",
                )
            )
        elif e.type is EventType.ADD_POST and e.post is not None:
            p = e.post
            out.append(
                words["add_post"].format(
                    title=p.title,
                    unit=unit(p.unit),
                    fte=format_fte(p.fte, lang),
                    id=p.id,
                    scale=words["scale"].format(p.scale) if p.scale else "",
                    staffing=words["staffing"].format(staffing(p.staffing)) if p.staffing else "",
                )
            )
        elif e.type is EventType.CHANGE_POST:
            what = []
            for k, v in e.changes.items():
                if k == "fte":
                    what.append(words["fte"].format(format_fte(v, lang)))
                elif k == "staffing":
                    what.append(words["staffing_to"].format(staffing(v)))
                elif k in ("scale", "title"):
                    what.append(words[f"{k}_to"].format(v))
                else:
                    what.append(f"{k} {v}")
            out.append(words["change_post"].format(post=post(e.post_id), what=", ".join(what)))
        elif e.type is EventType.REMOVE_POST:
            out.append(words["remove_post"].format(post=post(e.post_id)))
        elif e.type is EventType.MOVE_POST:
            out.append(words["move_post"].format(post=post(e.post_id), unit=unit(e.target)))
        elif e.type is EventType.CHANGE and "task_fields" in e.changes:
            out.append(words["change"].format(unit=unit(e.unit), what=shares(e.changes["task_fields"])))
        else:
            out.append(words["other"].format(type=e.type.value, id=e.id))
    return out
