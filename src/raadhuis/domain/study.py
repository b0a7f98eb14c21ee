"""Audit studies (rekenkameronderzoek) and the follow-up of their recommendations: plain values and rules.

A :class:`Study` is what an audit body (a rekenkamer or rekenkamercommissie, itself an organisation in
the register) asked, how it looked, what it found, concluded and recommended, and what came back: the
college's response per recommendation, the audit body's nawoord, the wederhoor table and the council's
decision. Each item carries its citations (source and exact quote) or says what it assumes.

The follow-up of a recommendation is a list of :class:`FollowUp` entries, each a status on a date
(valid time) with its source; when the register learnt it (record time) is the record log's business.
:func:`follow_up_state` says where a recommendation stands on a day — and says "onbekend" (unknown)
when no source says anything: a status is never invented.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from raadhuis.domain.dates import FuzzyDate
from raadhuis.domain.model import Citation


class Addressee(str, Enum):
    """To whom a recommendation is addressed."""

    RAAD = "raad"
    COLLEGE = "college"
    RAAD_EN_COLLEGE = "raad_en_college"
    ONBEKEND = "onbekend"  # the report does not say


class ResponseKind(str, Enum):
    """The college's reaction to a recommendation (bestuurlijke reactie)."""

    OVERGENOMEN = "overgenomen"
    DEELS = "deels"
    NIET = "niet"
    ONBEKEND = "onbekend"  # no source gives the reaction


class Status(str, Enum):
    """Where the follow-up of a recommendation stands (opvolging)."""

    OPEN = "open"
    IN_UITVOERING = "in_uitvoering"
    UITGEVOERD = "uitgevoerd"
    NIET_UITGEVOERD = "niet_uitgevoerd"
    VERVALLEN = "vervallen"
    ONBEKEND = "onbekend"


class State(str, Enum):
    """What the monitor counts: a recorded status, or what follows from the council's decision."""

    OPEN = "open"
    IN_UITVOERING = "in_uitvoering"
    UITGEVOERD = "uitgevoerd"
    NIET_UITGEVOERD = "niet_uitgevoerd"
    VERVALLEN = "vervallen"
    NIET_OVERGENOMEN = "niet_overgenomen"  # the council did not adopt it, and nothing was recorded since
    ONBEKEND = "onbekend"


class MethodKind(str, Enum):
    DOCUMENTSTUDIE = "documentstudie"
    INTERVIEW = "interview"
    ENQUETE = "enquete"
    WERKSESSIE = "werksessie"


class HearingOutcome(str, Enum):
    """What the audit body did with a comment on the draft (wederhoor)."""

    AANGEPAST = "aangepast"
    DEELS_AANGEPAST = "deels_aangepast"
    NIET_AANGEPAST = "niet_aangepast"


# Statuses in which a recommendation is not (yet) done: past its term, it is overdue.
NOT_DONE = frozenset({State.OPEN, State.IN_UITVOERING, State.NIET_UITGEVOERD})
# Without a deadline of its own, a recommendation is due this many months after the council's
# decision (else after the final report). Audit offices look back after two years: the
# Randstedelijke Rekenkamer reports each year on reports published at least two years before,
# the Algemene Rekenkamer's voortgangsmeter appears every two years (docs/onderzoeken.md).
DEFAULT_TERM_MONTHS = 24
# The fields a study may say are missing, with why (shown as "onbekend" with that reason).
MISSING_FIELDS = (
    "start",
    "draft",
    "hearing_date",
    "final",
    "council_debate",
    "norms",
    "addressees",
    "responses",
    "nawoord",
    "council",
    "follow_up",
)


@dataclass(frozen=True)
class Norm:
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class SubQuestion:
    number: str  # as the report numbers it ("1", "2", "3a")
    text: str
    norms: tuple[Norm, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Question:
    number: str | None  # None: the report does not number it (a main question usually)
    text: str
    sub_questions: tuple[SubQuestion, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class MethodStep:
    """One part of the method: a document studied, an interview, a survey, a workshop."""

    kind: MethodKind
    source: str | None = None  # the Source (kind document or interview) it produced or used
    person: str | None = None
    role: str | None = None
    date: FuzzyDate | None = None
    title: str | None = None
    participants: str | None = None
    text: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Links:
    """What a finding is about, by id in the register."""

    units: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()
    cooperations: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()

    def empty(self) -> bool:
        return not any((self.units, self.posts, self.cooperations, self.events, self.decisions, self.programmes))


@dataclass(frozen=True)
class Finding:
    id: str
    question: str  # the number of the sub-question it answers
    title: str
    text: str | None = None
    organisation: str | None = None  # whose units and posts ``links`` name; default: the study's first
    links: Links = field(default_factory=Links)
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Conclusion:
    number: str
    title: str
    text: str | None = None
    findings: tuple[str, ...] = ()  # the findings it rests on
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class Response:
    kind: ResponseKind
    text: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    number: str  # the report's own label: "1", "2", "3a", "3b"
    title: str
    text: str | None = None
    addressee: Addressee = Addressee.ONBEKEND
    conclusions: tuple[str, ...] = ()  # the numbers of the conclusions it follows from
    deadline: FuzzyDate | None = None
    adopted: bool | None = None  # by the council; None: as the council decision says, or unknown
    response: Response | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False


@dataclass(frozen=True)
class HearingRow:
    """One row of the wederhoor table: a comment on the draft and what was done with it."""

    page: str | None
    draft_text: str | None  # the draft's words the comment is about (None: "-")
    comment: str
    processing: str  # what the audit body did
    outcome: HearingOutcome
    note: str | None = None  # what the register's editor noticed, e.g. how the final text reads
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Hearing:
    kind: str = "technisch"  # technisch (ambtelijk) or bestuurlijk
    by: str | None = None  # who commented
    date: FuzzyDate | None = None
    rows: tuple[HearingRow, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A text with its sources: the nawoord, the college's general response."""

    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Amendment:
    text: str
    recommendation: str | None = None
    adopted: bool | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Council:
    """The council's decision on the study's recommendations."""

    decision: str | None = None  # a Decision in the register
    date: FuzzyDate | None = None
    adopted: bool | None = None  # every recommendation, unless one says otherwise
    amendments: tuple[Amendment, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Dates:
    start: FuzzyDate | None = None
    draft: FuzzyDate | None = None
    hearing: FuzzyDate | None = None
    final: FuzzyDate | None = None
    council_debate: FuzzyDate | None = None
    citations: tuple[Citation, ...] = ()

    def study_began(self) -> FuzzyDate | None:
        """The earliest date the study had recommendations: the final report, else the draft, else its start."""
        return self.final or self.draft or self.start


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    audit_body: str  # an organisation in the register (kind rekenkamer or rekenkamercommissie)
    about: tuple[str, ...]  # the organisations it is about
    kind: str | None = None
    subtitle: str | None = None
    authors: str | None = None
    dates: Dates = field(default_factory=Dates)
    questions: tuple[Question, ...] = ()
    method: tuple[MethodStep, ...] = ()
    findings: tuple[Finding, ...] = ()
    conclusions: tuple[Conclusion, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    response: Statement | None = None  # the college's general response
    hearing: Hearing | None = None
    nawoord: Statement | None = None
    council: Council | None = None
    missing: tuple[tuple[str, str], ...] = ()  # (field, why it is unknown)
    description: str | None = None
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    def recommendation(self, number: str) -> Recommendation | None:
        return next((r for r in self.recommendations if r.number == number), None)

    def sub_questions(self) -> list[SubQuestion]:
        return [sq for q in self.questions for sq in q.sub_questions]

    def why_missing(self, name: str) -> str | None:
        return next((why for f, why in self.missing if f == name), None)

    def adopted(self, rec: Recommendation) -> bool | None:
        """Whether the council adopted ``rec``: its own mark, else the decision's, else unknown."""
        if rec.adopted is not None:
            return rec.adopted
        return self.council.adopted if self.council is not None else None


@dataclass(frozen=True)
class FollowUp:
    """A recommendation's status on a date, as a source gives it."""

    study: str
    recommendation: str
    organisation: str  # whose follow-up (the organisation the study is about)
    date: FuzzyDate
    status: Status
    id: str | None = None
    text: str | None = None  # what was done, or why the status changed
    citations: tuple[Citation, ...] = ()
    assumption: bool | str = False

    @property
    def key(self) -> str:
        return self.id or f"{self.study}.{self.recommendation}.{self.date.text}"


# --- rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpState:
    """Where a recommendation stands on a day, and what says so."""

    state: State
    since: FuzzyDate | None  # the date of the entry or decision it rests on; None when unknown
    entry: FollowUp | None = None  # the status entry, when one applies
    from_council: bool = False  # derived from the council's decision (open / not adopted)


def entries_for(entries: Iterable[FollowUp], study: str, recommendation: str, organisation: str) -> list[FollowUp]:
    """The status entries of one recommendation for one organisation, in the order they took effect."""
    own = [e for e in entries if (e.study, e.recommendation, e.organisation) == (study, recommendation, organisation)]
    return sorted(own, key=lambda e: (e.date.start, e.date.end))


def follow_up_state(study: Study, rec: Recommendation, entries: Iterable[FollowUp], day: date) -> FollowUpState:
    """The status on ``day`` (valid time): the latest entry that took effect by then; without one,
    what the council's decision says (adopted: open; not adopted); otherwise unknown."""
    applied = [e for e in entries if e.date.start <= day]
    if applied:
        last = applied[-1]
        return FollowUpState(State(last.status.value), last.date, last)
    council = study.council
    decided = council.date if council is not None else None
    adopted = study.adopted(rec)
    if adopted is not None and (decided is None or decided.start <= day):
        return FollowUpState(State.OPEN if adopted else State.NIET_OVERGENOMEN, decided, None, True)
    return FollowUpState(State.ONBEKEND, None)


def add_months(day: date, months: int) -> date:
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    day: date  # the last day of the term
    assumed: bool  # True: the default term (DEFAULT_TERM_MONTHS) after ``basis``, not a source's deadline
    basis: str  # "deadline", "council" or "final"


def deadline_of(study: Study, rec: Recommendation) -> Deadline | None:
    """A recommendation's own deadline (the last day it may mean), else the default term after the
    council's decision or, without one, after the final report; None when neither date is known."""
    if rec.deadline is not None:
        return Deadline(rec.deadline.end, False, "deadline")
    council = study.council.date if study.council is not None else None
    for basis, when in (("council", council), ("final", study.dates.final)):
        if when is not None:
            return Deadline(add_months(when.end, DEFAULT_TERM_MONTHS), True, basis)
    return None


def overdue_days(state: FollowUpState, deadline: Deadline | None, day: date) -> int | None:
    """Days past the term on ``day`` for a recommendation not done; None when it is not overdue
    (done, lapsed, not adopted, unknown, no term, or the term has not passed)."""
    if deadline is None or state.state not in NOT_DONE or day <= deadline.day:
        return None
    return (day - deadline.day).days


def past_term_unknown(state: FollowUpState, deadline: Deadline | None, day: date) -> int | None:
    """Days past the term for a recommendation whose status no source gives: not called overdue
    (it may be done), but listed so that someone asks."""
    if deadline is None or state.state is not State.ONBEKEND or day <= deadline.day:
        return None
    return (day - deadline.day).days
