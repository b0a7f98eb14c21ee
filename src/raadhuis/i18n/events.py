"""An event in words, one rule for every screen that names one (sources, audit trail, report).

No id: its title, else its description, else its kind and the units it touches by name
('oprichting: Openbare Werken'); with the day when asked ('…, 13 september 2011').
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date


def _names(data: Mapping[str, Any], units: Iterable[str], unit_names: Mapping[str, str]) -> list[str]:
    """The units an event touches by name: a unit the event itself names (a new unit) by the name it
    gives it, the others by their name in the register; an id nobody names stays out of sight."""
    named: dict[str, str] = {}
    for key in ("unit", "into", "new_unit"):
        value = data.get(key)
        if isinstance(value, Mapping) and value.get("id") and value.get("name"):
            named[str(value["id"])] = str(value["name"])
    out = []
    for uid in units:
        name = named.get(uid) or unit_names.get(uid)
        if name and name not in out:
            out.append(name)
    return out


def event_words(
    data: Mapping[str, Any],
    lang: str = "nl",
    unit_names: Mapping[str, str] | None = None,
    units: Iterable[str] = (),
    dated: bool = False,
) -> str:
    """What an event is, in words. ``data`` is the event's record; ``units`` the ids it touches (its
    subjects), named through ``unit_names``; with ``dated`` the day follows in words."""
    text = str(data.get("title") or data.get("description") or "").strip()
    if not text:
        kind = t(f"event.{data.get('type')}", lang)
        if kind.startswith("event."):  # a type the catalogue does not know: say "event", not the code
            kind = t("fact.event", lang)
        names = _names(data, units, unit_names or {})
        post = data.get("post")
        if isinstance(post, Mapping) and post.get("title"):
            names = [f"{post['title']} ({', '.join(names)})" if names else str(post["title"])]
        text = f"{kind}: {', '.join(names)}" if names else kind
    if dated and data.get("date"):
        text = f"{text}, {format_date(data.get('date'), lang)}"
    return text
