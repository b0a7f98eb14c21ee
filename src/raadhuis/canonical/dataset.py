"""A dataset in domain terms: what one file (or the store, or one organisation) holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from raadhuis.canonical.paths import Path
from raadhuis.domain.engine import History
from raadhuis.domain.events import Event
from raadhuis.domain.model import Cooperation, Decision, Organisation, Source

FORMAT = "raadhuis/1"


@dataclass
class Dataset:
    organisations: list[Organisation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    cooperations: list[Cooperation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extensions: dict[str, Any] = field(default_factory=dict)
    # The registered sections (studies, programmes, …; see canonical/sections.py): name → items.
    sections: dict[str, list[Any]] = field(default_factory=dict)
    description: str | None = None
    default_organisation: str | None = None  # the dataset's top-level 'organisation'
    origins: dict[tuple[str, str], Path] = field(default_factory=dict)  # (org, event id) → path
    # The actual history per organisation, as computed by the check; the store reuses it.
    histories: dict[str, History] = field(default_factory=dict, repr=False, compare=False)

    def organisation_ids(self) -> list[str]:
        ids = [o.id for o in self.organisations]
        ids.extend(e.organisation for e in self.events if e.organisation not in ids)
        return list(dict.fromkeys(ids))

    def section(self, name: str) -> list[Any]:
        return self.sections.get(name, [])
