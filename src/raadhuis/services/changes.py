"""A change to the register described the way people describe it: units and posts by name as of the
day of the change, a decision and a source picked from the register or added on the spot, no ids.

:func:`propose` turns such a description into the change event (and any new decision and source)
in the dataset format, with ids made by one rule (a unit by its abbreviation or name, a post by
its unit and title, an event by its subject, kind and day; each unique against every id ever
used), and checks it as an import is checked, writing nothing. :func:`preview` says what the
change does (the differences in words of :mod:`raadhuis.services.differences`, and the chart with
the change marked); :func:`save` writes it through ``Store.write`` with who and why.

Problems come back as :class:`InputErrors` whose ``field`` is the name of the field of the
description (``unit``, ``parent``, ``source`` …), so a form shows each next to its field.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.decode import decode_decision, decode_source, event_from_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.domain.compare import diff_units
from raadhuis.domain.engine import EngineError, replay
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import UNIT_KINDS_DEFAULT, Snapshot, StaffingKind, Status, Unit, View
from raadhuis.i18n import t
from raadhuis.i18n.formatting import DayError, read_day
from raadhuis.services import register
from raadhuis.services.event_words import EVENT_WORDS
from raadhuis.store import repository as repo
from raadhuis.store.database import Store

ORIGIN = "web"

# The changes offered, in the order a form lists them.
ACTIONS = (
    "establish",
    "rename",
    "move",
    "merge",
    "absorb",
    "split",
    "dissolve",
    "convert",
    "change",
    "bundle",
    "transfer_out",
    "transfer_in",
    "add_post",
    "change_post",
    "move_post",
    "remove_post",
)

# Which fields each change asks for (date, status, decision, source and reason always).
FIELDS: dict[str, tuple[str, ...]] = {
    "establish": ("name", "abbreviation", "kind", "parent"),
    "rename": ("unit", "name", "abbreviation"),
    "move": ("unit", "parent"),
    "merge": ("units", "name", "abbreviation", "kind", "parent"),
    "absorb": ("units", "into"),
    "split": ("unit", "names", "kind", "parent"),
    "dissolve": ("unit",),
    "convert": ("unit", "name"),
    "change": ("unit", "kind", "abbreviation", "task_fields"),
    "bundle": ("function", "units", "into"),
    "transfer_out": ("unit", "to"),
    "transfer_in": ("name", "abbreviation", "kind", "parent", "from"),
    "add_post": ("unit", "post_title", "fte", "scale", "manager", "staffing"),
    "change_post": ("post", "post_title", "fte", "scale", "staffing"),
    "move_post": ("post", "into"),
    "remove_post": ("post",),
}

# The kind a new unit gets under a parent of a kind, when none is chosen.
CHILD_KIND = {
    "concern": "directie",
    "domein": "afdeling",
    "cluster": "afdeling",
    "directie": "afdeling",
    "dienst": "afdeling",
    "afdeling": "team",
    "team": "team",
    "bureau": "team",
    "programma": "team",
    "staf": "team",
}

DECISION_BODIES = ("college", "raad", "burgemeester", "directie", "gemeentesecretaris", "algemeen bestuur")
SOURCE_KINDS = ("document", "interview", "dataset")
MAX_UNITS = 6  # unit fields of a merge, an absorption or a bundle
MAX_NAMES = 4  # new units of a split


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].rstrip("-") or "x"


def code(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain.strip()).strip("-").upper()[:40] or "X"


def unique(base: str, taken: Iterable[str]) -> str:
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


# --- what a form offers ---------------------------------------------------------------------


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def post_labels(snapshot: Snapshot) -> dict[str, str]:
    """Post id → how a person names it: 'Regiefunctionaris — Beleid, Strategie en Projecten'
    (a number added where two posts of one unit have the same title)."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for p in sorted(snapshot.posts.values(), key=lambda p: (p.unit, p.title.casefold(), p.id)):
        unit = snapshot.units.get(p.unit)
        base = f"{p.title} — {unit.name if unit else p.unit}"
        n = seen.get(base.casefold(), 0) + 1
        seen[base.casefold()] = n
        out[p.id] = base if n == 1 else f"{base} ({n})"
    return out


def decision_label(d: Mapping[str, Any], lang: str = "nl") -> str:
    from raadhuis.i18n.formatting import format_date

    return f"{d.get('title')} ({d.get('body')}, {format_date(d.get('date'), lang)})"


def source_label(s: Mapping[str, Any]) -> str:
    return str(s.get("title") or s.get("id"))


@dataclass
class Choices:
    """What the fields can be filled with on a day: units, posts, organisations, decisions, sources."""

    day: date
    view: View
    units: list[dict[str, Any]]  # {"id", "name", "abbreviation", "kind", "label"}
    posts: list[dict[str, Any]]  # {"id", "label"}
    organisations: list[dict[str, Any]]
    decisions: list[dict[str, Any]]  # {"id", "label"}
    sources: list[dict[str, Any]]  # {"id", "label"}
    kinds: tuple[str, ...] = UNIT_KINDS_DEFAULT
    snapshot: Snapshot | None = field(default=None, repr=False)


def choices(store: Store, organisation: str, day: date, view: View = View.PLANNED, lang: str = "nl") -> Choices:
    """The units and posts as of ``day`` (in ``view``), and the organisations, decisions and sources
    of the register, each with the label a person picks it by."""
    snap = register.snapshot(store, organisation, day, view)
    with store.session() as s:
        decisions = [d for d in repo.current_data(s, "decision") if d.get("organisation") in (snap.organisation, None)]
        sources = [x for x in repo.current_data(s, "source")]
        orgs = [{"id": o.id, "name": o.name} for o in repo.organisations(s) if o.id != snap.organisation]
    units = [
        {"id": u.id, "name": u.name, "abbreviation": u.abbreviation, "kind": u.kind, "label": u.name}
        for u, _depth in register._tree_order(snap.units)
    ]
    posts = [{"id": pid, "label": label} for pid, label in sorted(post_labels(snap).items(), key=lambda x: x[1])]
    mine = [x for x in sources if x.get("organisation") in (snap.organisation, None)]
    return Choices(
        day,
        view,
        units,
        posts,
        sorted(orgs, key=lambda o: str(o["name"])),
        [
            {"id": d["id"], "label": decision_label(d, lang)}
            for d in sorted(decisions, key=lambda d: str(d.get("date")), reverse=True)
        ],
        [{"id": x["id"], "label": source_label(x)} for x in sorted(mine or sources, key=source_label)],
        snapshot=snap,
    )


# --- from a description to an event ------------------------------------------------------------


@dataclass
class Proposal:
    """A change ready to check, show and save."""

    event: Event
    raw: dict[str, Any]
    sources: list[dict[str, Any]] = field(default_factory=list)  # new sources, in the dataset format
    decisions: list[dict[str, Any]] = field(default_factory=list)  # new decisions
    digest: str = ""  # what was previewed: saving asks for the same

    def extra(self) -> Dataset:
        errors: list[tuple[tuple[str | int, ...], str]] = []
        ds = Dataset()
        ds.sources = [
            decode_source(s, ("sources", i), errors, s.get("organisation")) for i, s in enumerate(self.sources)
        ]
        ds.decisions = [
            decode_decision(d, ("decisions", i), errors, d.get("organisation")) for i, d in enumerate(self.decisions)
        ]
        if errors:
            raise InputErrors([InputError(ORIGIN, None, _field_of(p), m) for p, m in errors])
        return ds


def _text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _many(form: Mapping[str, Any], key: str) -> list[str]:
    getlist = getattr(form, "getlist", None)
    values = getlist(key) if getlist else form.get(key, [])
    if isinstance(values, str):
        values = [values]
    return [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]


class _Reader:
    """Reads one description; collects every problem with its field."""

    def __init__(self, store: Store, org: str, form: Mapping[str, Any], lang: str) -> None:
        self.store, self.org, self.form, self.lang = store, org, form, lang
        self.errors: list[InputError] = []

    def say(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def error(self, fld: str, key: str, **values: object) -> None:
        self.errors.append(InputError(ORIGIN, None, fld, self.say(key, **values)))

    def need(self, key: str) -> str:
        value = _text(self.form, key)
        if not value:
            self.error(key, "chg.err.required")
        return value

    def number(self, key: str, required: bool = False) -> float | None:
        text = _text(self.form, key)
        if not text:
            if required:
                self.error(key, "chg.err.required")
            return None
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            self.error(key, "chg.err.number", value=text)
            return None
        if value < 0 or value != value or value in (float("inf"), float("-inf")):
            self.error(key, "chg.err.number", value=text)
            return None
        return value


def _field_of(path: tuple[str | int, ...] | str) -> str:
    text = ".".join(str(p) for p in path) if isinstance(path, tuple) else path
    return "decision" if "decision" in text else "source"


def _find_unit(units: Mapping[str, Unit], text: str) -> list[str]:
    """The units a typed name means: the id, the name, 'name (ABBR)' or the abbreviation."""
    if text in units:
        return [text]
    want = _plain(text)
    named = [u.id for u in units.values() if _plain(u.name) == want]
    if named:
        return named
    labelled = [u.id for u in units.values() if u.abbreviation and _plain(f"{u.name} ({u.abbreviation})") == want]
    if labelled:
        return labelled
    return [u.id for u in units.values() if u.abbreviation and _plain(u.abbreviation) == want]


def _day_of(text: str) -> date | None:
    try:
        return read_day(text, "en")
    except DayError:
        return None


def propose(store: Store, organisation: str, form: Mapping[str, Any], lang: str = "nl") -> Proposal:
    """The change a description asks for. Raises InputErrors naming the fields; writes nothing."""
    with store.session() as s:
        org = register.resolve_organisation(s, organisation).id
        ever_units = set(repo.unit_names(s, org, View.PLANNED)) | set(repo.unit_names(s, org, View.ACTUAL))
        stored = repo.events_of(s, org)
        event_ids = {e.id for e in stored}
        known_decisions = {d["id"]: d for d in repo.current_data(s, "decision")}
        known_sources = {x["id"]: x for x in repo.current_data(s, "source")}
        orgs = {o.id: o.name for o in repo.organisations(s)}
    ever_posts = {e.post.id for e in stored if e.post is not None} | {e.post_id for e in stored if e.post_id}
    r = _Reader(store, org, form, lang)
    action = _text(form, "action")
    if action not in ACTIONS:
        r.error("action", "chg.err.action")
        raise InputErrors(r.errors)
    status_text = _text(form, "status") or "realised"
    try:
        status = Status(status_text)
    except ValueError:
        r.error("status", "chg.err.choice")
        status = Status.REALISED
    view = View.ACTUAL if status is Status.REALISED else View.PLANNED
    day_text = r.need("date")
    day = _day_of(day_text) if day_text else None
    if day_text and day is None:
        r.error("date", "chg.err.date", value=day_text)
    if day is None:  # the rest is still read (against today), so that every problem shows at once
        day = date.today()
    # The organisation the change applies to: as it stands the day before (and on the day itself,
    # for what the same day brings earlier), in the view of the change's status.
    before = register.snapshot(store, org, day - timedelta(days=1), view)
    on_day = register.snapshot(store, org, day, view)
    units = dict(on_day.units)
    units.update(before.units)
    posts = dict(on_day.posts)
    posts.update(before.posts)
    when = day.isoformat()

    def unit(key: str, value: str | None = None, required: bool = True) -> str | None:
        text = value if value is not None else _text(form, key)
        if not text:
            if required:
                r.error(key, "chg.err.required")
            return None
        found = _find_unit(units, text)
        if not found:
            r.error(key, "chg.err.no_unit", name=text, day=_day_words(day, lang))
            return None
        if len(found) > 1:
            r.error(key, "chg.err.two_units", name=text)
            return None
        return found[0]

    def post(key: str) -> str | None:
        text = r.need(key)
        if not text:
            return None
        if text in posts:
            return text
        labels = {**post_labels(on_day), **post_labels(before)}
        found = [pid for pid, label in labels.items() if _plain(label) == _plain(text)]
        if not found:
            found = [pid for pid, label in labels.items() if _plain(label.split(" — ")[0]) == _plain(text)]
        if len(found) != 1:
            r.error(key, "chg.err.no_post" if not found else "chg.err.two_posts", name=text, day=_day_words(day, lang))
            return None
        return found[0]

    def other_org(key: str) -> str | None:
        text = r.need(key)
        if not text:
            return None
        found = [oid for oid, name in orgs.items() if oid != org and (oid == text or _plain(name) == _plain(text))]
        if len(found) != 1:
            r.error(key, "chg.err.no_org", name=text)
            return None
        return found[0]

    def kind(parent: str | None) -> str:
        chosen = _text(form, "kind")
        if chosen:
            return chosen
        if parent and parent in units:
            return CHILD_KIND.get(units[parent].kind, "team")
        return "afdeling"

    def new_unit(name: str, abbreviation: str, kind_: str, parent: str | None) -> dict[str, Any]:
        uid = unique(code(abbreviation) if abbreviation else slug(name), ever_units | set(units))
        ever_units.add(uid)
        out: dict[str, Any] = {"id": uid, "name": name, "kind": kind_}
        if abbreviation:
            out["abbreviation"] = abbreviation
        if parent:
            out["parent"] = parent
        return out

    raw: dict[str, Any] = {"type": action, "date": when, "organisation": org, "status": status.value}
    if _text(form, "title_event"):
        raw["title"] = _text(form, "title_event")
    if _text(form, "description"):
        raw["description"] = _text(form, "description")
    subject = ""
    if action in ("establish", "transfer_in"):
        name = r.need("name")
        parent = unit("parent", required=False)
        raw["unit"] = new_unit(name, _text(form, "abbreviation"), kind(parent), parent) if name else None
        subject = raw["unit"]["id"] if raw["unit"] else ""
        if action == "transfer_in":
            raw["from"] = other_org("from")
    elif action in ("rename", "move", "dissolve", "convert", "change", "transfer_out", "split"):
        uid = unit("unit")
        raw["unit"] = uid
        subject = uid or ""
        if action == "rename":
            raw["name"] = r.need("name")
            if _text(form, "abbreviation"):
                raw["set"] = {"abbreviation": _text(form, "abbreviation")}
        elif action == "move":
            raw["parent"] = unit("parent", required=False)
            if uid and raw["parent"] is None and not _text(form, "parent") and not form.get("top"):
                r.error("parent", "chg.err.parent_or_top")
        elif action == "convert":
            if uid and not units[uid].temporary:
                r.error("unit", "chg.err.not_temporary", name=units[uid].name)
            if _text(form, "name"):
                raw["set"] = {"name": _text(form, "name")}
        elif action == "change":
            changes: dict[str, Any] = {}
            if _text(form, "kind"):
                changes["kind"] = _text(form, "kind")
            if _text(form, "abbreviation"):
                changes["abbreviation"] = _text(form, "abbreviation")
            if _text(form, "task_fields"):
                changes["task_fields"] = _task_fields(r, _text(form, "task_fields"))
            if not changes:
                r.error("kind", "chg.err.something")
            raw["set"] = changes
        elif action == "transfer_out":
            raw["to"] = other_org("to")
        elif action == "split":
            names = [n for n in (_text(form, f"name_{i}") for i in range(1, MAX_NAMES + 1)) if n]
            if len(names) < 2:
                r.error("name_1", "chg.err.two_names")
            parent = unit("parent", required=False) or (units[uid].parent if uid else None)
            kind_ = _text(form, "kind") or (units[uid].kind if uid else "afdeling")
            into = [new_unit(n, "", kind_, parent) for n in names]
            # Each post and sub-unit goes to the new unit chosen for it by name ('post_to.<id>',
            # 'unit_to.<id>'), the first new unit when none is chosen.
            if uid and into:
                own_posts = sorted(p.id for p in posts.values() if p.unit == uid)
                own_subs = sorted(u.id for u in units.values() if u.parent == uid)
                labels = {**post_labels(on_day), **post_labels(before)}
                for key, items, what in (("posts", own_posts, "post"), ("units", own_subs, "unit")):
                    for item in items:
                        label = labels.get(item, item) if what == "post" else units[item].name
                        at = _successor(r, form, f"{what}_to.{item}", names, label)
                        if at is not None:
                            into[at].setdefault(key, []).append(item)
                    for fld in _chosen_keys(form, f"{what}_to."):
                        if fld.split(".", 1)[1] not in items:
                            r.error(fld, "chg.err.alloc_gone", unit=units[uid].name)
            raw["into"] = into
    elif action in ("merge", "absorb", "bundle"):
        picked = [unit("units", v) for v in _many(form, "units")]
        ids = [u for u in picked if u]
        if len(set(ids)) != len(ids):
            r.error("units", "chg.err.twice")
        if action in ("merge", "absorb") and len(picked) < (2 if action == "merge" else 1):
            r.error("units", "chg.err.two_units_needed" if action == "merge" else "chg.err.required")
        raw["units"] = ids
        subject = "-".join(ids[:3])
        if action == "merge":
            name = r.need("name")
            parent = unit("parent", required=False)
            if parent is None and not _text(form, "parent") and ids:
                parents = {units[u].parent for u in ids}
                parent = parents.pop() if len(parents) == 1 else None
            kind_ = _text(form, "kind") or (units[ids[0]].kind if ids else kind(parent))
            raw["into"] = new_unit(name, _text(form, "abbreviation"), kind_, parent) if name else None
            subject = raw["into"]["id"] if raw["into"] else subject
        else:
            raw["into"] = unit("into")
            if action == "bundle":
                raw["function"] = r.need("function")
                raw["posts"] = sorted(p.id for p in posts.values() if p.unit in ids)
                raw.pop("units")
                if not raw["posts"] and ids:
                    r.error("units", "chg.err.no_posts")
                subject = raw["into"] or subject
    elif action == "add_post":
        uid = unit("unit")
        title = r.need("post_title")
        fte = r.number("fte", required=True)
        p: dict[str, Any] = {"unit": uid, "title": title, "fte": fte}
        if uid and title:
            p["id"] = unique(f"{uid}-{slug(title)}", ever_posts | set(posts))
        if _text(form, "scale"):
            p["scale"] = _text(form, "scale")
        if form.get("manager"):
            p["roles"] = ["manager"]
        staffing = _staffing(r, form)
        if staffing is not None:
            p["staffing"] = staffing
        raw["post"] = p
        subject = str(p.get("id") or "")
    elif action in ("change_post", "move_post", "remove_post"):
        pid = post("post")
        raw["post"] = pid
        subject = pid or ""
        if action == "move_post":
            raw["into"] = unit("into")
        elif action == "change_post":
            changes = {}
            fte = r.number("fte")
            if fte is not None:
                changes["fte"] = fte
            if _text(form, "scale"):
                changes["scale"] = _text(form, "scale")
            if _text(form, "post_title"):
                changes["title"] = _text(form, "post_title")
            staffing = _staffing(r, form)
            if staffing is not None:
                changes["staffing"] = staffing
            if not changes and not r.errors:
                r.error("fte", "chg.err.something_post")
            raw["set"] = changes
    decisions, sources = _evidence(r, form, raw, org, known_decisions, known_sources, day)
    if r.errors:
        raise InputErrors(r.errors)
    word = EVENT_WORDS[action]
    raw["id"] = unique(f"{slug(subject or action)}-{word}-{when}", event_ids)
    raw = {k: v for k, v in raw.items() if v is not None or k == "parent"}
    try:
        event = event_from_dict(raw, seq=0)
    except InputErrors as exc:
        raise InputErrors([InputError(ORIGIN, None, _form_field(e.field), e.message) for e in exc.errors]) from None
    out = Proposal(event, raw, sources, decisions)
    out.digest = digest(out)
    return out


def split_items(snapshot: Snapshot, unit_id: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The posts (id, label) and sub-units (id, name) of a unit, which a split divides."""
    labels = post_labels(snapshot)
    own = sorted((pid for pid, p in snapshot.posts.items() if p.unit == unit_id), key=lambda pid: labels[pid])
    subs = sorted((u for u in snapshot.units.values() if u.parent == unit_id), key=lambda u: u.name.casefold())
    return [(pid, labels[pid]) for pid in own], [(u.id, u.name) for u in subs]


def _chosen_keys(form: Mapping[str, Any], prefix: str) -> list[str]:
    return sorted(k for k in form if isinstance(k, str) and k.startswith(prefix) and _text(form, k))


def _successor(r: _Reader, form: Mapping[str, Any], key: str, names: list[str], label: str) -> int | None:
    """Which new unit of a split ``key`` names (its position), the first when none is named."""
    chosen = _text(form, key)
    if not chosen:
        return 0
    for i, n in enumerate(names):
        if _plain(n) == _plain(chosen):
            return i
    r.error(key, "chg.err.not_successor", name=chosen, what=label, names=", ".join(names))
    return None


def _day_words(day: date, lang: str) -> str:
    from raadhuis.i18n.formatting import format_date

    return format_date(day, lang)


def _task_fields(r: _Reader, text: str) -> list[dict[str, Any]]:
    """'0.1, 6.3 50%' or '6.3: 0,5': task field codes, each with an optional share."""
    out = []
    for part in filter(None, (p.strip() for p in re.split(r"[;,](?!\d)", text))):
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:[: ]\s*(\d+(?:[.,]\d+)?)\s*(%?))?", part)
        if not m:
            r.error("task_fields", "chg.err.task_field", value=part)
            continue
        item: dict[str, Any] = {"code": m.group(1)}
        if m.group(2):
            share = float(m.group(2).replace(",", "."))
            share = share / 100 if m.group(3) or share > 1 else share
            if share > 1:
                r.error("task_fields", "chg.err.task_field", value=part)
            item["share"] = share
        out.append(item)
    return out


STAFFING_LINES = 3  # lines of staffing a post form offers: line 1 unnumbered, then _2, _3


def _staffing(r: _Reader, form: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The staffing from the form: per line its kind (a Dutch word in a list), FTE and person.
    None when no line is filled in (the staffing stays as it was, or unknown)."""
    out: list[dict[str, Any]] = []
    for n in range(1, STAFFING_LINES + 1):
        tail = "" if n == 1 else f"_{n}"
        kind = _text(form, f"staffing_kind{tail}")
        fte = r.number(f"staffed_fte{tail}")
        if not kind and fte is None:
            continue
        if kind not in {k.value for k in StaffingKind}:
            r.error(f"staffing_kind{tail}", "chg.err.choice")
            continue
        if fte is None:
            r.error(f"staffed_fte{tail}", "chg.err.required")
            continue
        line: dict[str, Any] = {"kind": kind, "fte": fte}
        if _text(form, f"person{tail}"):
            line["person"] = _text(form, f"person{tail}")
        out.append(line)
    return out or None


def _evidence(
    r: _Reader,
    form: Mapping[str, Any],
    raw: dict[str, Any],
    org: str,
    known_decisions: Mapping[str, dict[str, Any]],
    known_sources: Mapping[str, dict[str, Any]],
    day: date,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The decision and the source of the change: picked by their label, or new ones."""
    lang = r.lang
    new_decisions: list[dict[str, Any]] = []
    new_sources: list[dict[str, Any]] = []
    source_id: str | None = None
    picked = _text(form, "source")
    if picked:
        found = [sid for sid, x in known_sources.items() if sid == picked or _plain(source_label(x)) == _plain(picked)]
        if len(found) != 1:
            r.error("source", "chg.err.no_source", name=picked)
        else:
            source_id = found[0]
    new_title = _text(form, "source_title")
    if new_title and not picked:
        sid = unique(slug(new_title), set(known_sources))
        item: dict[str, Any] = {"id": sid, "title": new_title, "kind": _text(form, "source_kind") or "document"}
        if item["kind"] not in SOURCE_KINDS:
            r.error("source_kind", "chg.err.choice")
        item["organisation"] = org
        for key in ("publisher", "url", "reference"):
            if _text(form, f"source_{key}"):
                item[key] = _text(form, f"source_{key}")
        src_day = _text(form, "source_date")
        if src_day:
            d = _day_of(src_day)
            if d is None:
                r.error("source_date", "chg.err.date", value=src_day)
            else:
                item["date"] = d.isoformat()
        if item.get("url") and not re.match(r"^https?://", str(item["url"])):
            r.error("source_url", "chg.err.url")
        new_sources.append(item)
        source_id = sid
    elif new_title and picked:
        r.error("source_title", "chg.err.source_both")
    quote, page = _text(form, "quote"), _text(form, "page")
    if (quote or page) and source_id is None and not picked:
        r.error("source", "chg.err.quote_without_source")
    if source_id:
        citation: dict[str, Any] = {"source": source_id}
        if quote:
            citation["quote"] = quote
        if page:
            citation["page"] = page
        raw["sources"] = [citation]
    picked_decision = _text(form, "decision")
    new_body = _text(form, "decision_body")
    new_dtitle = _text(form, "decision_title")
    if picked_decision:
        found = [
            did
            for did, d in known_decisions.items()
            if d.get("organisation") in (org, None)
            and (
                did == picked_decision
                or _plain(decision_label(d, lang)) == _plain(picked_decision)
                or _plain(str(d.get("title"))) == _plain(picked_decision)
            )
        ]
        if len(found) != 1:
            r.error("decision", "chg.err.no_decision", name=picked_decision)
        else:
            raw["decision"] = found[0]
        if new_dtitle:
            r.error("decision_title", "chg.err.decision_both")
    elif new_dtitle or new_body or _text(form, "decision_date"):
        body = new_body or ""
        if not body:
            r.error("decision_body", "chg.err.required")
        elif body not in DECISION_BODIES:
            r.error("decision_body", "chg.err.choice")
        if not new_dtitle:
            r.error("decision_title", "chg.err.required")
        ddate_text = _text(form, "decision_date")
        ddate = _day_of(ddate_text) if ddate_text else None
        if not ddate_text:
            r.error("decision_date", "chg.err.required")
        elif ddate is None:
            r.error("decision_date", "chg.err.date", value=ddate_text)
        if body and new_dtitle and ddate is not None:
            did = unique(f"{slug(body)}-{ddate.isoformat()}", set(known_decisions))
            dec: dict[str, Any] = {
                "id": did,
                "body": body,
                "date": ddate.isoformat(),
                "title": new_dtitle,
                "organisation": org,
            }
            if _text(form, "decision_reference"):
                dec["reference"] = _text(form, "decision_reference")
            if source_id:
                dec["sources"] = [dict(raw["sources"][0])]
            new_decisions.append(dec)
            raw["decision"] = did
    return new_decisions, new_sources


def _form_field(path: str) -> str:
    """The field an error path of the decoder (``unit.kind``, ``set.fte`` …) belongs to."""
    parts = [p.split("[")[0] for p in path.replace("]", "").split(".") if p]
    tail = parts[-1] if parts else ""
    if "post" in parts and tail in ("title",):
        return "post_title"
    if "staffing" in parts:
        return "staffed_fte"
    return {"id": "name", "into": "name", "set": "fte", "task_fields": "task_fields"}.get(tail, tail or "action")


def digest(p: Proposal) -> str:
    """What a preview showed, so that saving saves that (ids and the event's id left out)."""
    raw = dict(p.raw, id=None)
    text = json.dumps(
        [raw, [dict(s, id=None) for s in p.sources], [dict(d, id=None) for d in p.decisions]],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


# --- checking, showing, saving ------------------------------------------------------------------


def check(store: Store, organisation: str, proposal: Proposal) -> None:
    """The checks of an import, on the register as it is, writing nothing. Without the write lock:
    the effect follows the fields as they are typed and must not hold up a writer; saving checks
    again, under the lock (:func:`save`)."""
    from dataclasses import replace

    from raadhuis.canonical.check import check_dataset
    from raadhuis.canonical.paths import path_text

    ds = proposal.extra()
    event = replace(proposal.event, seq=0)
    ds.events = [event]
    ds.origins[(event.organisation, event.id)] = ("events", 0)
    errors: list[tuple[tuple[str | int, ...], str]] = []
    with store.session() as s:
        known = register.StoreKnown(s)
        check_dataset(ds, errors, known, known)
    if errors:
        raise InputErrors([InputError(ORIGIN, None, _checked_field(proposal, path_text(p)), m) for p, m in errors])


def _write(
    store: Store, organisation: str, proposal: Proposal, who: str, reason: str, dry_run: bool, seen: int | None
) -> register.ImportResult:
    try:
        return register.write_events(
            store, organisation, [proposal.event], who, reason, ORIGIN, dry_run, extra=proposal.extra(), seen=seen
        )
    except InputErrors as exc:
        raise InputErrors(
            [InputError(ORIGIN, e.line, _checked_field(proposal, e.field), e.message) for e in exc.errors]
        ) from None


def _checked_field(p: Proposal, path: str) -> str:
    """The field an error of the register's check is about (its path names the event's part)."""
    text = path
    if text.startswith("decisions"):
        return "decision"
    if text.startswith("sources"):
        return "source"
    tail = text.split(".")[-1].split("[")[0]
    t_ = p.event.type
    if tail in ("parent",):
        return "parent"
    if tail in ("units",):
        return "units"
    if t_ is EventType.SPLIT and (tail in ("into", "posts", "units") or text.startswith("into")):
        return "name_1"  # the new units (and what each gets) of a split
    if tail == "into":
        return "into" if t_ in (EventType.ABSORB, EventType.BUNDLE, EventType.MOVE_POST) else "name"
    if tail in ("post",):
        return "post" if t_ is not EventType.ADD_POST else "unit"
    if tail in ("decision",):
        return "decision"
    if tail in ("sources", "source"):
        return "source"
    if tail in ("date",):
        return "date"
    if t_ in (EventType.ESTABLISH, EventType.TRANSFER_IN):
        return "name"
    if t_ in (EventType.MERGE, EventType.ABSORB, EventType.BUNDLE):
        return "units"
    if t_ is EventType.ADD_POST:
        return "unit"
    if t_ in (EventType.CHANGE_POST, EventType.REMOVE_POST, EventType.MOVE_POST):
        return "post"
    return "unit"


@dataclass
class Preview:
    """What a change does: in words, and the chart of the day with the change marked."""

    said: list[Any]
    marks: dict[str, str]
    rows: list[dict[str, Any]]  # the chart's rows after the change, with what is gone put back
    day: date
    view: View
    new_records: list[str]
    allocation: list[str] = field(default_factory=list)  # a split: where each post and sub-unit goes


def _allocation_lines(event: Event, before: Snapshot, lang: str) -> list[str]:
    """A split's division in words: 'Opzichter — Openbare Werken gaat naar Wegen', per post and sub-unit."""
    if event.type is not EventType.SPLIT:
        return []
    names = {u.id: u.name for u in event.new_units}
    labels = post_labels(before)
    out = []
    for given, what in ((event.allocation, labels), (event.sub_units, {k: u.name for k, u in before.units.items()})):
        for target, items in given.items():
            for item in items:
                out.append(t("chg.alloc_line", lang, what=what.get(item, item), to=names.get(target, target)))
    return out


def preview(store: Store, organisation: str, proposal: Proposal, lang: str = "nl") -> Preview:
    """Check the change, then say what it does on its day: the differences in words (the Verschil
    page's sentences) and the rows of the chart with the change marked. Writes nothing."""
    from raadhuis.services import differences
    from raadhuis.services.scenarios import unit_rows

    check(store, organisation, proposal)
    event = proposal.event
    day = event.date.effective
    view = View.ACTUAL if event.status is Status.REALISED else View.PLANNED
    with store.session() as s:
        org = register.resolve_organisation(s, organisation).id
        group = register.organisations_touched(s, [org], [event])
        stored = [e for o in sorted(group) for e in repo.events_of(s, o)]
        members = {o.id for o in repo.organisations(s)}
        names = {o.id: o.name for o in repo.organisations(s)}
    seq = max((e.seq for e in stored if e.organisation == org), default=0) + 1
    from dataclasses import replace

    placed = replace(event, seq=seq)
    try:
        before = replay(stored, org, day, view, members)
        after = replay([*stored, placed], org, day, view, members)
    except EngineError as exc:  # pragma: no cover - the check above refuses what does not fit
        raise InputErrors([InputError(ORIGIN, None, exc.field or "action", str(exc))]) from None
    fte_b = {k: v[0] for k, v in register._fte_of(before.posts.values()).items()}
    fte_a = {k: v[0] for k, v in register._fte_of(after.posts.values()).items()}
    changes = diff_units(before.units, after.units, fte_b, fte_a, [placed])
    start = (day - timedelta(days=1)).isoformat()
    diff = {"from": start, "to": day.isoformat(), "view": view.value, "changes": [c.to_dict() for c in changes]}
    from raadhuis.canonical.encode import event_to_dict

    entry = {
        "id": event.id,
        "type": event.type.value,
        "status": event.status.value,
        "date": event.date.text,
        "effective": day.isoformat(),
        "units": event.subjects(),
        "data": event_to_dict(placed),
        "conflict": None,
    }
    rows_b = {r["id"]: r for r in unit_rows(before)}
    rows_a = {r["id"]: r for r in unit_rows(after)}

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    reading = differences.read(diff, {event.id: entry}, rows_b, rows_a, names, say, lang)
    rows = _gone_under(list(rows_a.values()), reading.gone)
    records = [t("chg.new_decision", lang, title=d["title"]) for d in proposal.decisions]
    records += [t("chg.new_source", lang, title=x["title"]) for x in proposal.sources]
    said = list(reading.changes) + [differences.Said("fte", [{"text": f}]) for f in reading.fte]
    return Preview(said, reading.marks, rows, day, view, records, _allocation_lines(event, before, lang))


def _gone_under(rows: list[dict[str, Any]], gone: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {r["id"] for r in rows}
    out = list(rows)
    for g in gone:
        if g["id"] in ids:
            continue
        parent = g.get("parent") if g.get("parent") in ids else None
        row = dict(g, parent=parent, posts=0, fte=0.0, filled_fte=0.0)
        at = next((i + 1 for i, r in enumerate(out) if r["id"] == parent), len(out))
        out.insert(at, row)
        ids.add(g["id"])
    return out


def with_title(proposal: Proposal, shown: Preview) -> Proposal:
    """The change with the effect's first sentence as its title when none was typed
    ("Team Communicatie opgericht onder BSP (nieuw)"), so that the timeline and the history say it."""
    from dataclasses import replace

    if proposal.event.title or not shown.said:
        return proposal
    title = shown.said[0].text().strip()
    if not title:
        return proposal
    raw = dict(proposal.raw, title=title)
    return replace(proposal, raw=raw, event=replace(proposal.event, title=title))


def save(
    store: Store, organisation: str, proposal: Proposal, who: str, reason: str, seen: int | None = None
) -> register.ImportResult:
    """Write the change (and its new decision and source) through Store.write, with who and why."""
    if not reason.strip():
        raise InputErrors([InputError(ORIGIN, None, "reason", t("chg.err.reason", "en"))])
    return _write(store, organisation, proposal, who, reason.strip(), False, seen)
