"""Which spreadsheet column holds which formatieplan field: a reusable, saveable mapping.

Users keep their formatieplan in their own layout. A :class:`ColumnMapping` names, per
field, the header text of the column (or its letter, e.g. ``"C"``); it is saved as JSON or
YAML next to the workbook so the next upload of the same export needs no questions.
:func:`guess_mapping` proposes one from Dutch or English header names.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from raadhuis.canonical.errors import InputError, InputErrors

# Fields a row can carry, in the order they are shown to users.
FIELDS = (
    "unit_path",
    "unit_code",
    "post_id",
    "title",
    "fte",
    "filled_fte",
    "scale",
    "staffing_kind",
    "person",
    "task_field",
)

FIELD_LABELS_NL = {
    "unit_path": "eenheid (pad of niveaus)",
    "unit_code": "eenheidscode",
    "post_id": "formatieplaats-id",
    "title": "functie",
    "fte": "formatie (fte)",
    "filled_fte": "bezetting (fte)",
    "scale": "schaal",
    "staffing_kind": "soort bezetting",
    "person": "medewerker",
    "task_field": "taakveld",
}

# How rows with the same unit and title (and no post id) are read:
# "lines" — they are staffing lines of one post; "posts" — each row is a post of its own.
DUPLICATES = ("lines", "posts")


def normalise(text: object) -> str:
    """Header text as compared: lower case, punctuation and runs of whitespace as one space."""
    return re.sub(r"[^0-9a-zà-ÿ%]+", " ", str(text).lower()).strip()


@dataclass
class ColumnMapping:
    """Sheet columns → formatieplan fields.

    ``unit_path`` is one column holding a path ("Concern / Dienst SZW / Team Werk") or
    several columns, one per level (Afdeling, Team); empty levels are skipped.
    ``header_row`` is the 1-based first header row and ``header_rows`` how many rows the
    header spans (2 when a header is merged over two rows); ``None`` means: find it.
    """

    unit_path: list[str] = field(default_factory=list)
    unit_code: str | None = None
    post_id: str | None = None
    title: str | None = None
    fte: str | None = None
    filled_fte: str | None = None
    scale: str | None = None
    staffing_kind: str | None = None
    person: str | None = None
    task_field: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    header_rows: int | None = None
    separator: str = " / "
    root: str | None = None  # a top segment to drop, e.g. "Concern"
    duplicates: str = "lines"

    def columns(self) -> dict[str, list[str]]:
        """Field → the column names it reads (unit_path may read several)."""
        out: dict[str, list[str]] = {}
        if self.unit_path:
            out["unit_path"] = list(self.unit_path)
        for name in FIELDS[1:]:
            value = getattr(self, name)
            if value:
                out[name] = [value]
        return out

    def problems(self) -> list[str]:
        out = []
        if not (self.unit_path or self.unit_code or self.post_id):
            out.append("kies een kolom voor de eenheid (pad, niveaus of code) of voor het formatieplaats-id")
        if not self.title and not self.post_id:
            out.append("kies een kolom voor de functie (titel van de formatieplaats)")
        if self.duplicates not in DUPLICATES:
            out.append(f"duplicates moet {' of '.join(DUPLICATES)} zijn, niet {self.duplicates!r}")
        if self.header_rows not in (None, 1, 2):
            out.append(f"header_rows moet 1 of 2 zijn, niet {self.header_rows!r}")
        if self.header_row is not None and self.header_row < 1:
            out.append(f"header_row is 1-based, niet {self.header_row!r}")
        if not self.separator:
            out.append("separator mag niet leeg zijn")
        return out

    # --- saving -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v for k, v in data.items() if v not in (None, [], "")}

    @classmethod
    def from_dict(cls, data: dict[str, Any], file: str = "(mapping)") -> ColumnMapping:
        known = {f.name for f in fields(cls)}
        errors = [
            InputError(file, None, key, f"onbekend veld; verwacht een van: {', '.join(sorted(known))}")
            for key in data
            if key not in known
        ]
        if errors:
            raise InputErrors(errors)
        values = dict(data)
        path = values.get("unit_path")
        if isinstance(path, str):
            values["unit_path"] = [path]
        elif path is not None and not (isinstance(path, list) and all(isinstance(p, str) for p in path)):
            raise InputErrors([InputError(file, None, "unit_path", "verwacht een kolomnaam of een lijst kolomnamen")])
        for key in ("header_row", "header_rows"):
            if values.get(key) is not None and not isinstance(values[key], int):
                raise InputErrors([InputError(file, None, key, f"verwacht een geheel getal, gevonden {values[key]!r}")])
        mapping = cls(**values)
        problems = mapping.problems()
        if problems:
            raise InputErrors([InputError(file, None, "(mapping)", p) for p in problems])
        return mapping

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def save(self, path: str | Path) -> None:
        target = Path(path)
        if target.suffix.lower() in (".yaml", ".yml"):
            target.write_text(yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False), "utf-8")
        else:
            target.write_text(self.to_json() + "\n", "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ColumnMapping:
        from raadhuis.formats.kinds import os_problem

        source = Path(path)
        try:
            text = source.read_text("utf-8-sig")
            data = yaml.safe_load(text) if source.suffix.lower() in (".yaml", ".yml") else json.loads(text)
        except OSError as exc:
            raise InputErrors(
                [InputError(str(source), None, "(file)", f"cannot read the file: {os_problem(exc)}")]
            ) from None
        except (ValueError, yaml.YAMLError) as exc:
            raise InputErrors([InputError(str(source), None, "(file)", f"geen geldige JSON/YAML: {exc}")]) from None
        if not isinstance(data, dict):
            raise InputErrors([InputError(str(source), None, "(file)", "verwacht een object met kolomtoewijzingen")])
        return cls.from_dict(data, str(source))


# Header words per field, normalised. Earlier entries win; a header is used for one field.
_GUESSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "post_id",
        (
            "formatieplaats id",
            "formatieplaats",
            "positienummer",
            "positie id",
            "post id",
            "plaatsnummer",
            "formatienummer",
            "post id nr",
        ),
    ),
    (
        "unit_code",
        (
            "eenheidscode",
            "afdelingscode",
            "kostenplaats",
            "org code",
            "organisatiecode",
            "unit code",
            "eenheid id",
            "unit id",
        ),
    ),
    (
        "filled_fte",
        (
            "bezetting fte",
            "fte bezetting",
            "bezet fte",
            "bezetting",
            "bezet",
            "fte bezet",
            "filled fte",
            "filled",
            "staffing fte",
            "werkelijke fte",
            "fte werkelijk",
        ),
    ),
    (
        "fte",
        (
            "formatie fte",
            "fte formatie",
            "formatie",
            "begrote fte",
            "budget fte",
            "fte begroot",
            "fte budget",
            "budgeted fte",
            "fte",
            "omvang",
        ),
    ),
    (
        "staffing_kind",
        (
            "soort bezetting",
            "bezetting soort",
            "soort",
            "type bezetting",
            "dienstverband",
            "aard",
            "staffing kind",
            "kind",
            "type",
            "categorie",
        ),
    ),
    ("scale", ("salarisschaal", "schaal", "functieschaal", "scale", "grade", "salary scale")),
    ("person", ("medewerker", "naam medewerker", "persoon", "naam", "werknemer", "person", "employee", "name")),
    ("task_field", ("taakveld", "taakvelden", "bbv taakveld", "task field", "taskfield")),
    (
        "title",
        (
            "functie",
            "functienaam",
            "functietitel",
            "functiebenaming",
            "formatieplaats naam",
            "title",
            "job title",
            "post title",
            "role",
            "position",
        ),
    ),
    (
        "unit_path",
        ("pad", "eenheid pad", "organisatiepad", "organisatie onderdeel", "organisatieonderdeel", "unit path", "path"),
    ),
)

# Level columns, top to bottom: several of these together form the unit path.
_LEVELS = (
    "concern",
    "domein",
    "sector",
    "cluster",
    "directie",
    "dienst",
    "afdeling",
    "team",
    "bureau",
    "unit",
    "eenheid",
    "organisatie eenheid",
    "organisatie-eenheid",
    "department",
    "team name",
)


def _word_match(header: str, word: str) -> bool:
    return header == word or header.startswith(word + " ") or header.endswith(" " + word)


def guess_mapping(headers: list[str]) -> ColumnMapping:
    """Suggest a mapping from header names; a header is used once, exact names before partial ones."""
    norm = [normalise(h) for h in headers]
    used: set[int] = set()
    mapping = ColumnMapping()
    for exact in (True, False):
        for name, words in _GUESSES:
            if name != "unit_path" and getattr(mapping, name) or name == "unit_path" and mapping.unit_path:
                continue
            for word in words:
                hit = next(
                    (
                        i
                        for i, h in enumerate(norm)
                        if i not in used and h and (h == word if exact else _word_match(h, word))
                    ),
                    None,
                )
                if hit is not None:
                    used.add(hit)
                    if name == "unit_path":
                        mapping.unit_path = [headers[hit]]
                    else:
                        setattr(mapping, name, headers[hit])
                    break
    if not mapping.unit_path:
        levels = [(i, h) for i, h in enumerate(norm) if i not in used and h in _LEVELS]
        mapping.unit_path = [headers[i] for i, _ in levels]
    return mapping


def guessed_fields(mapping: ColumnMapping) -> int:
    """How many fields a mapping fills: used to find the header row of an unknown sheet."""
    return len(mapping.columns()) + max(0, len(mapping.unit_path) - 1)
