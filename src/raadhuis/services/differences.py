"""The difference between two days in words: one sentence per change event, as people say it.

"REO en Welzijn samengevoegd tot BSP (nieuw)", "WIZ gaat over naar Enschede", "VVH heet
voortaan VTH (Vergunningverlening, Toezicht en Handhaving)" — each with its event, decision and
sources. This reads the diff JSON of :func:`raadhuis.services.register.diff` and the events of
the timeline (the diff itself is the domain's); the words are in
:mod:`raadhuis.i18n.workbench_messages` ("diff.say.*"). A sentence is a list of segments (text,
or a unit to link to) so a page can link the units and still escape all. The Verschil page and
``raadhuis diff`` say the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from raadhuis.canonical.decode import event_from_dict
from raadhuis.canonical.errors import InputErrors
from raadhuis.domain.events import Event, EventType
from raadhuis.domain.model import View
from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date, format_fte, join_words
from raadhuis.services import register
from raadhuis.store.database import Store

Segment = dict[str, Any]
Say = Callable[..., str]

STRUCTURAL = {
    EventType.ESTABLISH,
    EventType.RENAME,
    EventType.MOVE,
    EventType.MERGE,
    EventType.ABSORB,
    EventType.SPLIT,
    EventType.TRANSFER_OUT,
    EventType.TRANSFER_IN,
    EventType.DISSOLVE,
    EventType.CONVERT,
    EventType.BUNDLE,
    EventType.CHANGE,
}


@dataclass
class Said:
    """One change in words, with what backs it."""

    kind: str  # the event type, or the diff's change kind when no event explains it
    segments: list[Segment]
    event: dict[str, Any] | None = None  # the timeline entry: status, date, decision, sources
    units: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(str(s.get("text") or s.get("label") or "") for s in self.segments)


@dataclass
class Reading:
    """Everything the Verschil page says: the changes, and what was planned but did not happen."""

    changes: list[Said]
    not_realised: list[Said]
    marks: dict[str, str]
    gone: list[dict[str, Any]]  # units of the first day that no longer exist on the second
    fte: list[str] = field(default_factory=list)  # "formatie BSP: 0,00 → 1,00 fte", per unit
    diff: dict[str, Any] = field(default_factory=dict)  # the diff JSON it reads
    after: list[dict[str, Any]] = field(default_factory=list)  # the unit rows of the second day


def describe(store: Store, organisation: str, start: date, end: date, view: View, lang: str = "nl") -> Reading:
    """The difference between two days of an organisation, in words."""
    data = register.diff(store, organisation, start, end, view)
    d1, d2 = date.fromisoformat(data["from"]), date.fromisoformat(data["to"])
    org_id = data["organisation"]["id"]
    before = register.show(store, org_id, d1, view)
    after = register.show(store, org_id, d2, view)
    timeline = register.timeline(store, org_id, start=d1 + timedelta(days=1), end=d2, lang=lang)
    names = {o["id"]: o["name"] for o in register.list_organisations(store)}

    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    reading = read(
        data,
        {e["id"]: e for e in timeline["events"]},
        {u["id"]: u for u in before["units"]},
        {u["id"]: u for u in after["units"]},
        names,
        say,
        lang,
    )
    reading.diff, reading.after = data, list(after["units"])
    return reading


def day_before(d: date) -> date:
    return d - timedelta(days=1)


def read(
    diff: Mapping[str, Any],
    events: Mapping[str, dict[str, Any]],
    before: Mapping[str, dict[str, Any]],
    after: Mapping[str, dict[str, Any]],
    org_names: Mapping[str, str],
    say: Say,
    lang: str = "nl",
) -> Reading:
    """``events``: timeline entries by id, in order (of the period, all statuses); ``before``/``after``:
    unit rows on the two days by id (name, abbreviation, parent); ``say(key, **values)``: a
    message of the catalogue."""
    view = str(diff.get("view", "actual"))
    start, end = str(diff["from"]), str(diff["to"])
    changes = {c["id"]: c for c in diff.get("changes", [])}
    words = _Words(before, after, org_names, say, view, start, end, lang)
    out: list[Said] = []
    told: dict[str, list[Said]] = {}
    for entry in events.values():
        # The events of the period the view applies: realised ones for the actual view, all
        # for the planned view but those that no longer fit the plan.
        if not (start < entry["effective"] <= end):
            continue
        if (view == "actual" and entry["status"] != "realised") or (view != "actual" and entry.get("conflict")):
            continue
        said = words.event(entry)
        if said is None:
            continue
        for uid in said.units:
            told.setdefault(uid, []).append(said)
        out.append(said)
    # A change no event explains (other than a change of FTE, which is listed apart): said plainly.
    for uid, ch in changes.items():
        if uid in told or ch["change"] == "fte_changed":
            continue
        out.append(words.bare(ch))
    # Changes of FTE over the period, per unit: the net result of all its post events.
    # A change that comes of an event marked as an assumption carries the mark (as the event does).
    fte = [words.fte(ch, _assumed(ch, events)) for ch in changes.values() if _fte_differs(ch)]
    planned_only = []
    if view == "actual":
        for entry in events.values():
            if entry["status"] == "realised" or not (start < entry["effective"] <= end):
                continue
            said = words.event(entry)
            if said is not None:
                planned_only.append(said)
    marks: dict[str, str] = {}
    for said in out:
        for uid in said.units:
            ch = changes.get(uid)
            if ch is None:
                continue
            mark = ch["change"]
            if said.kind in ("transfer_out",) and ch.get("after") is None:
                mark = "transferred"
            marks.setdefault(uid, mark)
    gone = []
    for uid, ch in changes.items():
        if ch.get("after") is None and ch.get("before") is not None:
            row = dict(before.get(uid) or ch["before"])
            row["gone"] = True
            gone.append(row)
    return Reading(out, planned_only, marks, gone, fte=fte)


def _assumed(ch: Mapping[str, Any], events: Mapping[str, dict[str, Any]]) -> bool:
    """Does any event of the period that touches the unit carry an assumption?"""
    return any((events.get(eid) or {}).get("data", {}).get("assumption") for eid in ch.get("events") or ())


def _fte_differs(ch: Mapping[str, Any]) -> bool:
    return round(float(ch.get("fte_before") or 0.0), 4) != round(float(ch.get("fte_after") or 0.0), 4)


class _Words:
    def __init__(
        self,
        before: Mapping[str, dict[str, Any]],
        after: Mapping[str, dict[str, Any]],
        org_names: Mapping[str, str],
        say: Say,
        view: str,
        start: str,
        end: str,
        lang: str,
    ) -> None:
        self.before, self.after, self.org_names = before, after, org_names
        self.say, self.view, self.start, self.end, self.lang = say, view, start, end, lang

    # -- pieces ------------------------------------------------------------------------

    def unit(self, uid: str | None, when: str = "either", fallback: str | None = None) -> list[Segment]:
        """A unit as its short name (abbreviation, else name), linked on a day it exists."""
        if not uid:
            return [{"text": fallback or "?"}]
        row_b, row_a = self.before.get(uid), self.after.get(uid)
        row = (row_a or row_b) if when != "before" else (row_b or row_a)
        if row is None:
            return [{"text": fallback or uid}]
        name = str(row.get("name") or uid)
        short = str(row.get("abbreviation") or name)
        at = self.end if row_a is not None and when != "before" else self.start
        return [{"unit": uid, "label": short, "title": name, "at": at, "view": self.view}]

    def units(self, ids: list[str], when: str = "either") -> list[Segment]:
        parts = [self.unit(u, when) for u in ids]
        if not parts:
            return []
        if len(parts) == 1:
            return parts[0]
        word = " en " if self.lang == "nl" else " and "
        out: list[Segment] = []
        for i, p in enumerate(parts):
            if i:
                out.append({"text": word if i == len(parts) - 1 else ", "})
            out.extend(p)
        return out

    def org(self, org_id: str | None) -> list[Segment]:
        return [{"text": self.org_names.get(org_id or "", org_id or "?")}]

    def compose(self, key: str, **parts: list[Segment] | str) -> list[Segment]:
        """A catalogue message with segment lists in its {placeholders}."""
        template = self.say(key)
        out: list[Segment] = []
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            if m.start() > pos:
                out.append({"text": template[pos : m.start()]})
            value = parts.get(m.group(1), "")
            out.extend([{"text": value}] if isinstance(value, str) else value)
            pos = m.end()
        if pos < len(template):
            out.append({"text": template[pos:]})
        return out

    def fte(self, ch: Mapping[str, Any], assumed: bool = False) -> str:
        row = self.after.get(ch["id"]) or self.before.get(ch["id"]) or {}
        label = str(row.get("abbreviation") or row.get("name") or ch.get("name") or ch["id"])
        return self.say(
            "diff.fte_assumed" if assumed else "diff.fte",
            unit=label,
            before=format_fte(ch.get("fte_before") or 0.0, self.lang),
            after=format_fte(ch.get("fte_after") or 0.0, self.lang),
        )

    # -- sentences ---------------------------------------------------------------------

    def event(self, entry: dict[str, Any]) -> Said | None:
        try:
            ev = event_from_dict(entry["data"])
        except (InputErrors, KeyError, TypeError, ValueError):
            return None
        status = str(entry.get("status", "realised"))
        # The planned view shows a plan as carried out: said as planned; the event says its status.
        if status == "realised":
            tense = ""
        elif status == "not_realised" and self.view == "actual":
            tense = ".not"
        else:
            tense = ".planned"
        key = f"diff.say.{ev.type.value}"
        t = ev.type
        if t is EventType.MERGE and ev.new_unit is not None:
            seg = self.compose(key + tense, units=self.units(list(ev.units), "before"), new=self.unit(ev.new_unit.id))
            ids = [*ev.units, ev.new_unit.id]
        elif t is EventType.ABSORB:
            seg = self.compose(key + tense, units=self.units(list(ev.units), "before"), into=self.unit(ev.target))
            ids = [*ev.units, *([ev.target] if ev.target else [])]
        elif t is EventType.SPLIT:
            news = [u.id for u in ev.new_units]
            seg = self.compose(key + tense, unit=self.unit(ev.unit, "before"), into=self.units(news))
            ids = [*([ev.unit] if ev.unit else []), *news]
        elif t is EventType.TRANSFER_OUT:
            seg = self.compose(key + tense, unit=self.unit(ev.unit, "before"), org=self.org(ev.other_organisation))
            ids = [ev.unit] if ev.unit else []
        elif t is EventType.TRANSFER_IN and ev.new_unit is not None:
            seg = self.compose(key + tense, unit=self.unit(ev.new_unit.id), org=self.org(ev.other_organisation))
            ids = [ev.new_unit.id]
        elif t is EventType.ESTABLISH and ev.new_unit is not None:
            parent = ev.new_unit.parent
            if parent:
                seg = self.compose(key + ".under" + tense, unit=self.unit(ev.new_unit.id), parent=self.unit(parent))
            else:
                seg = self.compose(key + tense, unit=self.unit(ev.new_unit.id))
            ids = [ev.new_unit.id]
        elif t is EventType.RENAME:
            old = self.before.get(ev.unit or "") or {}
            new = self.after.get(ev.unit or "") or {}
            old_name = str(old.get("abbreviation") or old.get("name") or ev.unit)
            new_name = str(ev.changes.get("name") or new.get("name") or "")
            abbr = ev.changes.get("abbreviation") or new.get("abbreviation")
            label = f"{abbr} ({new_name})" if abbr and abbr != new_name else new_name
            seg = self.compose(key + tense, old=[{"text": old_name}], new=self.unit(ev.unit, "after", label))
            if seg and ev.unit in self.after:
                seg = [dict(s, label=label) if s.get("unit") == ev.unit else s for s in seg]
            ids = [ev.unit] if ev.unit else []
        elif t is EventType.MOVE:
            if ev.target:
                seg = self.compose(key + tense, unit=self.unit(ev.unit), parent=self.unit(ev.target))
            else:
                seg = self.compose(key + ".top" + tense, unit=self.unit(ev.unit))
            ids = [ev.unit] if ev.unit else []
        elif t is EventType.DISSOLVE:
            seg = self.compose(key + tense, unit=self.unit(ev.unit, "before"))
            ids = [ev.unit] if ev.unit else []
        elif t is EventType.CONVERT:
            seg = self.compose(key + tense, unit=self.unit(ev.unit))
            ids = [ev.unit] if ev.unit else []
        elif t is EventType.BUNDLE:
            seg = self.compose(
                key + tense, function=ev.function or self.say("diff.a_function"), into=self.unit(ev.target)
            )
            ids = [*ev.units, *([ev.target] if ev.target else [])]
        elif t is EventType.CHANGE:
            what = join_words([self.say(f"diff.field.{k}") for k in ev.changes if k != "name"], self.lang)
            seg = self.compose(key + tense, unit=self.unit(ev.unit), what=what or self.say("diff.field.other"))
            ids = [ev.unit] if ev.unit else []
        elif t in (EventType.ADD_POST, EventType.CHANGE_POST, EventType.REMOVE_POST, EventType.MOVE_POST):
            seg, ids = self.post(ev, key + tense, list(entry.get("units") or []))
        else:  # pragma: no cover - every type is said above
            return None
        # The units the register indexed the event under count too (a bundle's source units).
        touched = [*ids, *(entry.get("units") or [])]
        return Said(t.value, seg, entry, list(dict.fromkeys(i for i in touched if i)))

    def post(self, ev: Event, key: str, touched: list[str]) -> tuple[list[Segment], list[str]]:
        """A post event; ``touched`` are the units the register indexed it under."""
        if ev.type is EventType.ADD_POST and ev.post is not None:
            p = ev.post
            return (
                self.compose(key, title=p.title or p.id, unit=self.unit(p.unit), fte=format_fte(p.fte, self.lang)),
                [p.unit],
            )
        post = ev.post_id or "?"
        if ev.type is EventType.MOVE_POST:
            return self.compose(key, post=post, unit=self.unit(ev.target)), [*touched, ev.target or ""]
        units = self.units(touched) if touched else [{"text": "?"}]
        return self.compose(key, post=post, unit=units), touched

    def bare(self, ch: Mapping[str, Any]) -> Said:
        kind = str(ch["change"])
        uid = str(ch["id"])
        when = "before" if ch.get("after") is None else "after"
        seg = self.compose(f"diff.bare.{kind}", unit=self.unit(uid, when, str(ch.get("name") or uid)))
        return Said(kind, seg, None, [uid])


def event_label(entry: Mapping[str, Any], say: Say, lang: str) -> str:
    """'samenvoeging, 1 januari 2012, gerealiseerd' — what the event is, when, and its status."""
    return ", ".join(
        [
            say(f"event.{entry['type']}"),
            format_date(entry.get("date"), lang),
            say(f"status.{entry['status']}"),
        ]
    )
