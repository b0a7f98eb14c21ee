"""Change events: the only way the organisation changes (in the spirit of org:ChangeEvent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation, Post, Status, Unit


class EventType(str, Enum):
    ESTABLISH = "establish"  # oprichten
    RENAME = "rename"  # hernoemen
    MOVE = "move"  # nieuwe lijnparent
    MERGE = "merge"  # samenvoegen: n → 1 nieuwe eenheid
    ABSORB = "absorb"  # opgaan in een bestaande eenheid
    SPLIT = "split"  # splitsen: 1 → n
    TRANSFER_OUT = "transfer_out"  # overgang naar een andere organisatie
    TRANSFER_IN = "transfer_in"  # overname van een andere organisatie
    DISSOLVE = "dissolve"  # opheffen
    CONVERT = "convert"  # tijdelijk → definitief
    BUNDLE = "bundle"  # een functie bundelen: posten uit meerdere eenheden in één
    CHANGE = "change"  # attribuutwijziging van een eenheid (naam, soort, taakvelden, ...)
    ADD_POST = "add_post"
    CHANGE_POST = "change_post"  # FTE, schaal, rollen, bezetting
    REMOVE_POST = "remove_post"
    MOVE_POST = "move_post"

    @classmethod
    def values(cls) -> list[str]:
        return [t.value for t in cls]


# Events that connect units over time: they make lineage.
LINEAGE_TYPES = frozenset(
    {
        EventType.MERGE,
        EventType.ABSORB,
        EventType.SPLIT,
        EventType.TRANSFER_OUT,
        EventType.TRANSFER_IN,
        EventType.CONVERT,
    }
)


@dataclass(frozen=True)
class Event:
    """One change event. Which fields matter depends on ``type`` (see docs/dataset-format.md)."""

    id: str
    type: EventType
    date: FuzzyDate
    organisation: str
    status: Status = Status.REALISED
    seq: int = 0  # position: the last tie-break of the same-day order (domain/order.py); not part of the data
    unit: str | None = None  # the unit the event is about
    units: tuple[str, ...] = ()  # merge/absorb: the units that go; bundle: units posts come from
    new_unit: Unit | None = None  # establish, merge result, transfer_in
    new_units: tuple[Unit, ...] = ()  # split results
    # absorb/bundle: the receiving unit; move: the new parent; convert: the definitive unit's id
    # when it takes a new one; transfer_out: the parent over there (none: at the top)
    target: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)  # change / change_post / convert
    post: Post | None = None  # add_post
    post_id: str | None = None  # change_post, remove_post, move_post
    posts: tuple[str, ...] = ()  # bundle: posts that move
    allocation: dict[str, tuple[str, ...]] = field(default_factory=dict)  # split: resulting unit → posts
    sub_units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # split: resulting unit → sub-units
    other_organisation: str | None = None  # transfer: the other party
    other_unit: str | None = None  # transfer: the unit's id over there
    function: str | None = None  # bundle: the function bundled, e.g. "communicatie"
    decision: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # true, or the text saying what is assumed and why
    description: str | None = None
    title: str | None = None
    realised_by: str | None = None  # for a not-realised event: the source/event that says so

    def subjects(self) -> list[str]:
        """Every unit id this event touches, for indexes and timelines."""
        out: list[str] = []
        if self.unit:
            out.append(self.unit)
        out.extend(self.units)
        if self.new_unit:
            out.append(self.new_unit.id)
        out.extend(u.id for u in self.new_units)
        if self.target and self.type in (EventType.ABSORB, EventType.BUNDLE, EventType.CONVERT):
            out.append(self.target)
        if self.post is not None:
            out.append(self.post.unit)
        return list(dict.fromkeys(out))
