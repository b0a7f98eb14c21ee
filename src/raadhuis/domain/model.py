"""The organisation's facts: plain values, no I/O.

Names follow the glossary in the design (gemeente → Organisation, afdeling/team → Unit,
formatieplaats → Post, bezetting → Staffing, taakveld → TaskField, samenwerkingsverband →
Cooperation, besluit → Decision, bron → Source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from raadhuis.domain.dates import DateError, FuzzyDate


class Status(str, Enum):
    """Where an event stands. Only realised events shape the actual history."""

    PROPOSED = "proposed"
    DECIDED = "decided"
    REALISED = "realised"
    NOT_REALISED = "not_realised"


class View(str, Enum):
    """The actual history, or the organisation as it was planned.

    The planned view applies every event that was ever decided or proposed — also the
    ones later not realised — so it shows the plan next to what actually happened.
    """

    ACTUAL = "actual"
    PLANNED = "planned"

    def admits(self, status: Status) -> bool:
        if self is View.ACTUAL:
            return status is Status.REALISED
        return True


class StaffingKind(str, Enum):
    """How a post is filled (bezetting)."""

    EMPLOYEE = "employee"  # eigen personeel
    VACANCY = "vacancy"  # vacature
    EXTERNAL_HIRE = "external_hire"  # inhuur
    LOAN_IN = "loan_in"  # inleen van een andere organisatie
    SECONDMENT_OUT = "secondment_out"  # detachering naar buiten


UNIT_KINDS_DEFAULT = (
    "concern",
    "domein",
    "cluster",
    "directie",
    "dienst",
    "afdeling",
    "team",
    "bureau",
    "programma",
    "staf",
)

ROLE_FLAGS = ("manager", "strategic", "policy", "execution")


@dataclass(frozen=True)
class Citation:
    """A source behind a fact: the source's id, and where in it (page or quote)."""

    source: str
    page: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        if self.page is not None:
            out["page"] = self.page
        if self.quote is not None:
            out["quote"] = self.quote
        return out


@dataclass(frozen=True)
class Organisation:
    id: str  # CBS code for a municipality (GM0168) or a slug
    name: str
    kind: str = "gemeente"  # gemeente, samenwerkingsverband, agentschap, ...
    slug: str | None = None
    cbs_code: str | None = None
    province: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # true, or the text saying what is assumed and why


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str = "document"  # document, interview, dataset
    publisher: str | None = None
    date: str | None = None
    reference: str | None = None
    url: str | None = None
    file: str | None = None
    organisation: str | None = None  # the organisation it was recorded for (kept with it even if no fact cites it)


@dataclass(frozen=True)
class Decision:
    id: str
    body: str  # college, raad, directie, AB, ...
    date: str
    title: str
    organisation: str | None = None
    reference: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # true, or the text saying what is assumed and why


@dataclass(frozen=True)
class TaskFieldShare:
    code: str  # BBV taakveld code, e.g. "6.3"
    share: float = 1.0  # FTE share of the unit on this task field (0..1)


@dataclass(frozen=True)
class Unit:
    """A unit of the ambtelijke organisatie as it stands during one interval."""

    id: str
    name: str
    kind: str
    parent: str | None = None
    abbreviation: str | None = None
    temporary: bool = False
    expected_end: str | None = None
    functional: tuple[str, ...] = ()  # matrix links to other units
    task_fields: tuple[TaskFieldShare, ...] = ()


@dataclass(frozen=True)
class Staffing:
    kind: StaffingKind
    fte: float
    person: str | None = None
    organisation: str | None = None  # lender (loan in) or receiver (secondment out)
    cost: float | None = None  # yearly, for external hire

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "fte": self.fte}
        for key in ("person", "organisation", "cost"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Post:
    """A formatieplaats: budgeted FTE in a unit, with how it is filled."""

    id: str
    unit: str
    title: str
    fte: float
    scale: str | None = None
    roles: tuple[str, ...] = ()
    staffing: tuple[Staffing, ...] = ()
    reports_to: str | None = None  # a post id, where line management differs from the unit

    @property
    def manager(self) -> bool:
        return "manager" in self.roles

    @property
    def filled_fte(self) -> float:
        # Summed once and kept on the (frozen) post: a write of 100,000 posts read it for every
        # read model it fills. functools.cached_property takes a lock on each read in 3.11.
        kept = self.__dict__.get("_filled_fte")
        if kept is None:
            kept = self.__dict__["_filled_fte"] = sum(
                s.fte
                for s in self.staffing
                if s.kind in (StaffingKind.EMPLOYEE, StaffingKind.EXTERNAL_HIRE, StaffingKind.LOAN_IN)
            )
        return kept


@dataclass(frozen=True)
class Participant:
    organisation: str
    role: str = "deelnemer"  # deelnemer, centrumgemeente, gastheer, opdrachtgever, ...
    share: float | None = None  # percentage of contribution or votes


@dataclass(frozen=True)
class Cooperation:
    id: str
    name: str
    legal_form: str  # see reference.legal_forms
    participants: tuple[Participant, ...] = ()
    task_fields: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    status: Status = Status.REALISED
    contributions: tuple[tuple[int, str, float], ...] = ()  # (year, organisation, euro)
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False  # true, or the text saying what is assumed and why

    def in_force(self, day: date, view: View = View.ACTUAL) -> bool:
        """In force on ``day``: admitted by the view, begun on or before it, not yet ended.

        A cooperation without a known start counts as in force: it is known to exist, and
        leaving it out would make a dependency vanish. Imprecise dates count from their first day."""
        if not view.admits(self.status):
            return False
        try:
            start = FuzzyDate.parse(self.start).effective if self.start else None
            end = FuzzyDate.parse(self.end).effective if self.end else None
        except DateError:
            return False
        return (start is None or start <= day) and (end is None or end > day)


@dataclass
class Snapshot:
    """The organisation as of one day, in one view: what the engine answers."""

    organisation: str
    at: date
    view: View
    units: dict[str, Unit] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)

    def children(self, unit_id: str | None) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.parent == unit_id), key=lambda u: u.name)

    def posts_of(self, unit_id: str) -> list[Post]:
        return [p for p in self.posts.values() if p.unit == unit_id]

    def posts_by_unit(self) -> dict[str, list[Post]]:
        """unit id → its posts, in the order of ``posts``: what ``posts_of`` answers, for every unit in one pass.

        Built fresh on each call rather than cached, so it never disagrees with ``posts`` after a change;
        ask it once and keep it when going over many units (``posts_of`` per unit is quadratic)."""
        out: dict[str, list[Post]] = {}
        for post in self.posts.values():
            found = out.get(post.unit)
            if found is None:
                out[post.unit] = [post]
            else:
                found.append(post)
        return out
