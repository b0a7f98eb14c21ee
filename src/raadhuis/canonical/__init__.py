"""The canonical form: one dict shape for every record, between the files, the store and the domain.

What the record log stores, what ``export`` writes and what ``import`` reads is the same dict
per record (the shape documented in docs/dataset-format.md and the JSON Schema). This package is
the only place that turns it into domain objects and back; both ``formats/`` (files) and
``store/`` (the database) stand on it, and it stands on ``domain/`` alone.

* ``decode`` — the one decoder (dict → domain), errors as (path, message);
* ``encode`` — the one encoder (domain → dict), no internal field in it;
* ``records`` — the record codec: a dataset as (kind, organisation, key, data) records and back,
  and one organisation's part of a dataset;
* ``check`` — checks against the dataset itself and what the register holds;
* ``sections`` — the registry of sections beyond the organisation's shape (studies, programmes,
  challenges, trajectories, scenarios): register one and the file, the store, export and import
  carry it (see that module's docstring);
* ``errors`` and ``paths`` — the errors users read (file, line, field, message).
"""

from __future__ import annotations

# Every section module registers its section when imported: import each new one here, so the
# registry is complete wherever the canonical form is used (the package is imported first).
from raadhuis.canonical import (  # noqa: E402,F401
    challenges,
    programmes,
    salary_tables,
    scenarios,
    studies,
    trajectories,
)
from raadhuis.canonical.dataset import FORMAT, Dataset
from raadhuis.canonical.errors import InputError, InputErrors

__all__ = ["FORMAT", "Dataset", "InputError", "InputErrors"]
