"""Column mappings: guessing from Dutch/English headers, saving and loading."""

from __future__ import annotations

import json

import pytest

from raadhuis.canonical.errors import InputErrors
from raadhuis.formats.mapping import ColumnMapping, guess_mapping


def test_guess_dutch_formatieplan_headers() -> None:
    m = guess_mapping(["Afdeling", "Team", "Functie", "Schaal", "Formatie", "Bezetting", "Soort", "Taakveld", "Naam"])
    assert m.unit_path == ["Afdeling", "Team"]
    assert (m.title, m.scale, m.fte, m.filled_fte) == ("Functie", "Schaal", "Formatie", "Bezetting")
    assert (m.staffing_kind, m.task_field, m.person) == ("Soort", "Taakveld", "Naam")
    assert m.post_id is None and m.unit_code is None


def test_guess_merged_and_english_headers() -> None:
    m = guess_mapping(["Post id", "Unit code", "Path", "Title", "Scale", "Budgeted FTE", "Staffing kind", "Filled FTE"])
    assert (m.post_id, m.unit_code, m.unit_path, m.title) == ("Post id", "Unit code", ["Path"], "Title")
    assert (m.fte, m.filled_fte, m.staffing_kind, m.scale) == ("Budgeted FTE", "Filled FTE", "Staffing kind", "Scale")
    # A header merged over two rows reads "Bezetting FTE" / "Bezetting Soort".
    m = guess_mapping(["Afdeling", "Functie", "FTE", "Bezetting FTE", "Bezetting Soort"])
    assert (m.fte, m.filled_fte, m.staffing_kind) == ("FTE", "Bezetting FTE", "Bezetting Soort")


def test_save_and_load_json_and_yaml(tmp_path) -> None:
    m = ColumnMapping(
        unit_path=["Afdeling", "Team"],
        title="Functie",
        fte="Formatie",
        sheet="Formatie 2025",
        header_row=4,
        header_rows=2,
        root="Concern",
        duplicates="posts",
    )
    for name in ("m.json", "m.yaml"):
        m.save(tmp_path / name)
        assert ColumnMapping.load(tmp_path / name) == m
    assert json.loads((tmp_path / "m.json").read_text("utf-8"))["unit_path"] == ["Afdeling", "Team"]


def test_load_rejects_unknown_keys_and_incomplete_mapping(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"titel": "Functie", "fte": "Formatie"}', "utf-8")
    with pytest.raises(InputErrors) as exc:
        ColumnMapping.load(bad)
    assert exc.value.errors[0].field == "titel"
    with pytest.raises(InputErrors) as exc:
        ColumnMapping.from_dict({"fte": "Formatie"}, "m.json")
    messages = " ".join(e.message for e in exc.value.errors)
    assert "eenheid" in messages and "functie" in messages
