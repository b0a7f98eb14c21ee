"""The dataset file ("organisation as code"): YAML or JSON text, described by a JSON Schema.

``load_dataset`` parses the text, checks it against the schema (with the schema fragment of
every registered section), decodes it into domain objects (canonical/decode.py) and checks it
against itself and the register (canonical/check.py); every problem becomes an
:class:`InputError` with file, line, field and what was expected. ``dump_dataset`` writes the
canonical form as text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

import jsonschema
import yaml

from raadhuis.canonical.check import check_dataset
from raadhuis.canonical.dataset import Dataset
from raadhuis.canonical.decode import decode_dataset
from raadhuis.canonical.encode import dataset_to_dict
from raadhuis.canonical.errors import InputError, InputErrors
from raadhuis.canonical.paths import Path, path_text
from raadhuis.canonical.sections import SECTIONS, Known
from raadhuis.canonical.values import fuzzy_date
from raadhuis.domain.dates import DateError, FuzzyDate
from raadhuis.domain.events import Event
from raadhuis.formats.extensions import check as check_extensions
from raadhuis.formats.text import TextError, line_finder, parse

__all__ = ["load_dataset", "decode_text", "check_decoded", "read_dataset", "dump_dataset", "schema"]


def _schema_text(name: str) -> str:
    return resources.files("raadhuis.formats").joinpath(f"schema/{name}").read_text("utf-8")


@cache
def schema() -> dict[str, Any]:
    """The dataset schema, with the fragment of each registered section as a top-level list."""
    whole = dict(json.loads(_schema_text("dataset.schema.json")))
    for name in SECTIONS:
        whole["properties"][name] = json.loads(_schema_text(f"sections/{name}.schema.json"))
    return whole


@cache
def _validator() -> jsonschema.protocols.Validator:
    checker = jsonschema.FormatChecker()

    def _fuzzy(value: object) -> bool:
        FuzzyDate.parse(value)
        return True

    checker.checks("fuzzy-date", raises=DateError)(_fuzzy)

    return jsonschema.Draft7Validator(schema(), format_checker=checker)


# The long lists, whose items are validated one by one: the compiled code names a list item in
# its error with ``str.format(**locals())`` in the calling function, and the dataset's own function
# has some 1,300 locals; 220,000 items made that 9 s of a 10,000-unit import. Each of these lists
# is {"type": "array", "items": {"$ref": …}} and nothing more, so an item-by-item check of its
# items says what the whole schema says.
_ITEMS = {"units": "unit_period", "posts": "post_period", "events": "event"}


@cache
def _fast_validators() -> tuple[Callable[[Any], Any], dict[str, Callable[[Any], Any]]]:
    """The same schema compiled to Python (fastjsonschema): some fifty times quicker than
    jsonschema on a national-scale dataset, but it stops at the first error. The whole schema,
    and one validator per item of the long lists."""
    import fastjsonschema

    def fuzzy(value: object) -> bool:
        try:
            fuzzy_date(value)
        except DateError:
            return False
        return True

    formats = {"fuzzy-date": fuzzy}
    whole = schema()
    items = {}
    for key, definition in _ITEMS.items():
        assert whole["properties"][key]["items"] == {"$ref": f"#/definitions/{definition}"}, key
        one = {k: whole[k] for k in ("$schema", "$id", "definitions")} | {"$ref": f"#/definitions/{definition}"}
        items[key] = fastjsonschema.compile(one, formats=formats)
    return fastjsonschema.compile(whole, formats=formats), items


def _fast_valid(data: Any) -> bool:
    import fastjsonschema

    validate, item_validators = _fast_validators()
    rest = dict(data)
    try:
        for key, validate_item in item_validators.items():
            if isinstance(data.get(key), list):
                rest[key] = []
                for item in data[key]:
                    validate_item(item)
        validate(rest)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


# --- reading -----------------------------------------------------------------------


def read_dataset(
    path: str | FsPath, known_events: Mapping[str, list[Event]] | None = None, known: Known | None = None
) -> Dataset:
    from raadhuis.formats.kinds import os_problem

    file = FsPath(path)
    try:
        text = file.read_text("utf-8")
    except OSError as exc:
        raise InputErrors([InputError(str(file), None, "(file)", f"cannot read the file: {os_problem(exc)}")]) from None
    except UnicodeDecodeError:
        raise InputErrors([InputError(str(file), None, "(file)", "expected UTF-8 text")]) from None
    kind = "json" if file.suffix.lower() == ".json" else "yaml"
    return load_dataset(text, str(file), kind, known_events, known)


def load_dataset(
    text: str,
    filename: str = "<dataset>",
    kind: str = "yaml",
    known_events: Mapping[str, list[Event]] | None = None,
    known: Known | None = None,
) -> Dataset:
    """Parse and check a dataset. ``known_events`` are events already in the store, per
    organisation: the new ones must fit with them; ``known`` is the rest of what the register
    holds, for the sections' checks. Raises :class:`InputErrors`."""
    dataset = decode_text(text, filename, kind)
    check_decoded(dataset, text, filename, known_events if known_events is not None else {}, known)
    return dataset


def decode_text(text: str, filename: str = "<dataset>", kind: str = "yaml") -> Dataset:
    """The part of :func:`load_dataset` that needs nothing from the register: parse, the
    schema, decoding, the extensions. A write does this before it waits for the write lock,
    and :func:`check_decoded` inside it."""
    try:
        data = parse(text, kind)
    except TextError as exc:
        field = path_text(exc.path) if exc.path else "(document)"
        raise InputErrors([InputError(filename, exc.line, field, exc.message)]) from None
    errors: list[tuple[Path, str]] = []
    if not isinstance(data, dict):
        errors.append(((), "expected a mapping with sections such as organisations, units, events"))
    elif not _fast_valid(data):
        # The compiled validator only says "no"; jsonschema then finds every error and where.
        for err in _validator().iter_errors(data):
            errors.append((tuple(err.absolute_path), _schema_message(err)))
    dataset = Dataset()
    if not errors:
        dataset = decode_dataset(data, errors)
        errors.extend(check_extensions(dataset.extensions))
    _raise(errors, text, filename)
    return dataset


def check_decoded(
    dataset: Dataset,
    text: str,
    filename: str,
    known_events: Mapping[str, list[Event]],
    known: Known | None = None,
) -> None:
    """The checks against the dataset itself and what the register holds (canonical/check.py),
    with the lines of ``text`` in the errors."""
    errors: list[tuple[Path, str]] = []
    check_dataset(dataset, errors, known_events, known)
    _raise(errors, text, filename)


def _raise(errors: list[tuple[Path, str]], text: str, filename: str) -> None:
    if errors:
        lines = line_finder(text)
        raise InputErrors([InputError(filename, lines(p), path_text(p), m) for p, m in _unique(errors)])


def _unique(errors: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    seen: set[tuple[Path, str]] = set()
    out = []
    for e in errors:
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


def _schema_message(err: jsonschema.ValidationError) -> str:
    validator = err.validator
    if validator == "enum":
        return f"expected one of {', '.join(map(str, err.validator_value))}, got {err.instance!r}"
    if validator == "required":
        return str(err.message).replace("is a required property", "is required")
    if validator == "minimum":
        return f"expected a number of at least {err.validator_value}, got {err.instance!r}"
    if validator == "maximum":
        return f"expected a number of at most {err.validator_value}, got {err.instance!r}"
    if validator == "type":
        return f"expected {err.validator_value}, got {err.instance!r}"
    if validator in ("unevaluatedProperties", "additionalProperties"):
        return f"unknown field: {err.message}"
    if validator == "pattern":
        return f"expected text matching {err.validator_value}, got {err.instance!r}"
    if validator == "format" and err.cause is not None:
        return str(err.cause)
    if validator in ("oneOf", "anyOf"):
        return f"not one of the accepted forms: {err.instance!r}"
    return str(err.message)


# --- writing -------------------------------------------------------------------------


def dump_dataset(ds: Dataset, kind: str = "yaml") -> str:
    """The canonical form as text: what ``raadhuis export`` writes and ``import`` reads back."""
    data = dataset_to_dict(ds)
    if kind == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110))
