"""Sections beyond the organisation's shape: studies, programmes, challenges, trajectories, scenarios …

A **section** is a top-level list in the dataset file whose items are stored one record each
(record ``kind``), keyed per organisation. Registering a :class:`Section` gives it what the core
records have, with no code of its own in the file formats or the store:

* the file: its JSON Schema fragment ``formats/schema/sections/<name>.schema.json`` (the schema of
  the list) is merged into the dataset schema, so a schema error names file, line and field;
* one decoder and one encoder between the canonical dict and a plain domain object;
* cross-reference checks (``check``) against the dataset and what the register already holds
  (:class:`CheckContext`), reported with their place, before anything is written;
* the record log: a new version only when the item's data changed, retraction, "as known at";
* exports: the whole register, or one organisation (the items it owns or that concern it, and
  the sources they cite), and import of that export records nothing. An item that belongs to an
  item of another section (an assessment to its trajectory) or to a cooperation names that item
  through ``parent``, and goes into every export its parent goes into.

A section module (``canonical/<name>.py``) calls :func:`register` at import; ``canonical/__init__``
imports every section module, so the registry is complete wherever canonical is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from raadhuis.canonical.paths import Errors, Path

if TYPE_CHECKING:
    from raadhuis.canonical.dataset import Dataset

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass
class DecodeContext:
    """What decoding one item may need: the dataset's default organisation, and where errors go."""

    default_organisation: str | None
    errors: Errors = field(default_factory=list)

    def error(self, path: Path, message: str) -> None:
        self.errors.append((path, message))


class Known(Protocol):
    """What the register already holds, for checks: supplied by the store's services, or empty."""

    def organisation_ids(self) -> set[str]: ...

    def unit_ids(self, organisation: str) -> set[str]: ...

    def post_ids(self, organisation: str) -> set[str]: ...

    def event_ids(self, organisation: str) -> set[str]: ...

    def events_among(self, organisation: str, ids: Iterable[str]) -> set[str]: ...  # those that are its events

    def record_keys(self, kind: str) -> set[tuple[str, str]]: ...  # (organisation or "", key)

    def records(self, kind: str) -> list[dict[str, Any]]: ...  # current data of every record of a kind

    def transfers(self) -> set[tuple[str, str]]: ...  # (sender, receiver) of every stored transfer out


class NothingKnown:
    """An empty register: checking a file on its own."""

    def organisation_ids(self) -> set[str]:
        return set()

    def unit_ids(self, organisation: str) -> set[str]:
        return set()

    def post_ids(self, organisation: str) -> set[str]:
        return set()

    def event_ids(self, organisation: str) -> set[str]:
        return set()

    def events_among(self, organisation: str, ids: Iterable[str]) -> set[str]:
        return set()

    def record_keys(self, kind: str) -> set[tuple[str, str]]:
        return set()

    def records(self, kind: str) -> list[dict[str, Any]]:
        return []

    def transfers(self) -> set[tuple[str, str]]:
        return set()


@dataclass
class CheckContext:
    """A section's cross-reference checks see the dataset being imported and the register.

    Every ``*_ids`` answer is the union of both, so an item may refer to a unit, an organisation
    or a source that is already stored or that comes in the same file."""

    dataset: Dataset
    known: Known
    errors: Errors = field(default_factory=list)

    def error(self, path: Path, message: str) -> None:
        self.errors.append((path, message))

    def organisation_ids(self) -> set[str]:
        return set(self.dataset.organisation_ids()) | self.known.organisation_ids()

    def unit_ids(self, organisation: str) -> set[str]:
        ids = set(self.known.unit_ids(organisation))
        for e in self.dataset.events:
            if e.organisation == organisation:
                ids.update(e.subjects())
        return ids

    def post_ids(self, organisation: str) -> set[str]:
        ids = set(self.known.post_ids(organisation))
        for e in self.dataset.events:
            if e.organisation == organisation:
                if e.post is not None:
                    ids.add(e.post.id)
                if e.post_id:
                    ids.add(e.post_id)
        return ids

    def event_ids(self, organisation: str) -> set[str]:
        return self.known.event_ids(organisation) | {
            e.id for e in self.dataset.events if e.organisation == organisation
        }

    def events_among(self, organisation: str, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that are events of the organisation, stored or in the file (as :meth:`event_ids`)."""
        wanted = set(ids)
        in_file = {e.id for e in self.dataset.events if e.organisation == organisation and e.id in wanted}
        return self.known.events_among(organisation, wanted) | in_file

    def source_ids(self) -> set[str]:
        return {s.id for s in self.dataset.sources} | {k for _, k in self.known.record_keys("source")}

    def decision_ids(self) -> set[str]:
        return {d.id for d in self.dataset.decisions} | {k for _, k in self.known.record_keys("decision")}

    def cooperation_ids(self) -> set[str]:
        return {c.id for c in self.dataset.cooperations} | {k for _, k in self.known.record_keys("cooperation")}

    def section_items(self, name: str) -> list[Any]:
        """The items of another section: those in the dataset, then those stored that it does not replace."""
        section = SECTIONS[name]
        own = list(self.dataset.section(name))
        keys = {(section.owner(i) or "", section.key(i)) for i in own}
        ctx = DecodeContext(None)
        for data in self.known.records(section.kind):
            item = section.decode(data, (name,), ctx)
            if item is not None and (section.owner(item) or "", section.key(item)) not in keys:
                own.append(item)
        return own


class _Decode(Protocol[T_co]):
    def __call__(self, raw: dict[str, Any], path: Path, ctx: DecodeContext) -> T_co | None: ...


@dataclass(frozen=True)
class Section(Generic[T]):
    name: str  # top-level key in the dataset file, and the schema fragment's file name
    kind: str  # record kind in the store
    decode: _Decode[T]  # canonical dict → domain object (errors via ctx.error; None when it cannot)
    encode: Callable[[T], dict[str, Any]]  # domain object → canonical dict (no internal fields)
    key: Callable[[T], str]  # the record key, unique within its owner
    owner: Callable[[T], str | None]  # the organisation whose record it is (None: shared)
    concerns: Callable[[T], Iterable[str]] = lambda item: ()  # other organisations it is about (exports)
    check: Callable[[list[T], CheckContext], None] | None = None  # cross-references, after decoding
    description: str = ""
    # (section name or "cooperations", key of the item this one belongs to): for exports
    parent: tuple[str, Callable[[T], str]] | None = None


SECTIONS: dict[str, Section[Any]] = {}


def register(section: Section[Any]) -> Section[Any]:
    if section.name in SECTIONS and SECTIONS[section.name] is not section:
        raise ValueError(f"section {section.name!r} is registered twice")
    SECTIONS[section.name] = section
    return section


def by_kind(kind: str) -> Section[Any] | None:
    for section in SECTIONS.values():
        if section.kind == kind:
            return section
    return None


def organisations_of(section: Section[Any], item: Any) -> set[str]:
    """Every organisation an item belongs to or is about: who gets it in a per-organisation export."""
    out = set(section.concerns(item))
    owner = section.owner(item)
    if owner:
        out.add(owner)
    return out
