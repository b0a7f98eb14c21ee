"""The official reference lists: BBV task fields, Wgr legal forms, BBV indicators, CBS size classes."""

import json
from pathlib import Path

import pytest

from raadhuis.reference import bbv_indicators, legal_forms, taskfields
from raadhuis.reference.taskfields import UnknownTaskField, task_field, task_fields

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "raadhuis" / "formats" / "schema" / "dataset.schema.json"


def test_2017_list_has_the_53_task_fields_of_the_bbv_annex():
    # 0: 14 (0.1-0.5, 0.61-0.64, 0.7-0.11), 1: 2, 2: 5, 3: 4, 4: 3, 5: 7, 6: 10, 7: 5, 8: 3 = 53
    codes = [t.code for t in task_fields(2017)]
    assert len(codes) == 53
    assert codes[0] == "0.1" and codes[-1] == "8.3"
    assert codes.index("0.9") < codes.index("0.10") < codes.index("0.11") < codes.index("1.1")
    assert {"6.71", "6.72", "6.81", "6.82"} <= set(codes)


def test_2023_split_of_the_social_domain_and_renames():
    codes = [t.code for t in task_fields(2023)]
    # 53 − 4 split fields + 4 (6.71a-d) + 10 (6.72a-d, 6.73a-c, 6.74a-c) + 2 + 2 = 67
    assert len(codes) == 67
    assert not {"6.71", "6.72", "6.81", "6.82"} & set(codes)
    assert task_field("6.2", 2022).name == "Wijkteams"
    assert task_field("6.2", 2023).name == "Toegang en eerstelijnsvoorzieningen"
    assert task_field("6.4", 2022).name == "Begeleide participatie"
    assert task_field("6.4", 2023).name == "WSW en beschut werk"
    assert task_field("6.74c", 2023).replaces == ("6.72",)
    assert task_field("6.81b", 2024).main_task.code == 6


def test_2024_omgevingswet_rename_of_8_1():
    assert task_field("8.1", 2023).name == "Ruimtelijke ordening"
    new = task_field("8.1", 2024)
    assert new.name == "Ruimte en leefomgeving"
    assert new.main_task.name == "Volkshuisvesting, leefomgeving en stedelijke vernieuwing"
    assert task_field("8.3", 2017).main_task.name.startswith("Volkshuisvesting, ruimtelijke ordening")


def test_each_year_has_one_definition_per_code():
    for year in range(2017, 2027):
        codes = [t.code for t in task_fields(year)]
        assert len(codes) == len(set(codes)), year


def test_unknown_or_split_code_gives_a_readable_error():
    with pytest.raises(UnknownTaskField, match=r"6.72a, 6.72b"):
        task_field("6.72", 2023)
    with pytest.raises(UnknownTaskField, match="9.9"):
        task_field("9.9", 2020)
    with pytest.raises(ValueError, match="vanaf begrotingsjaar 2017"):
        task_fields(2016)
    assert taskfields.is_valid("6.72", 2022) and not taskfields.is_valid("6.72", 2023)


def test_task_field_to_dict_is_json_ready():
    d = task_field("0.4", 2020).to_dict()
    assert json.loads(json.dumps(d))["main_task"] == {"code": 0, "name": "Bestuur en ondersteuning"}


def test_legal_form_keys_equal_the_dataset_schema_enum():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    enums = list(_legal_form_enums(schema))
    assert enums, "the dataset schema defines no legal_form enum"
    for enum in enums:
        assert list(legal_forms.KEYS) == enum


def _legal_form_enums(node):
    # Wherever the schema nests the cooperation definition, every legal_form enum must match.
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "legal_form" and isinstance(value, dict) and "enum" in value:
                yield value["enum"]
            else:
                yield from _legal_form_enums(value)
    elif isinstance(node, list):
        for item in node:
            yield from _legal_form_enums(item)


def test_wgr_forms_and_legal_personality():
    wgr = {f.key for f in legal_forms.LEGAL_FORMS if f.wgr}
    assert wgr == {
        "openbaar_lichaam",
        "gemeenschappelijk_orgaan",
        "bedrijfsvoeringsorganisatie",
        "centrumgemeente",
        "regeling_zonder_meer",
    }
    persons = {f.key for f in legal_forms.LEGAL_FORMS if f.legal_personality}
    assert {"openbaar_lichaam", "bedrijfsvoeringsorganisatie", "privaatrechtelijk"} == persons
    assert "leunen" in legal_forms.INFORMAL_KEYS and "dvo" not in legal_forms.INFORMAL_KEYS
    assert legal_forms.legal_form("leunen").label("en") == "Informal reliance"
    with pytest.raises(KeyError, match="verwacht een van"):
        legal_forms.legal_form("stichting")


def test_bbv_indicators_have_definitions_units_and_sources():
    assert bbv_indicators.KEYS == ("formatie", "bezetting", "apparaatskosten", "externe_inhuur", "overhead")
    for ind in bbv_indicators.INDICATORS:
        assert ind.definition_nl and ind.definition_en and ind.unit_nl and ind.formula
    assert bbv_indicators.indicator("formatie").unit_nl == "fte per 1.000 inwoners"
    assert all(s["url"] for s in bbv_indicators.SOURCES)


@pytest.mark.parametrize(
    ("inhabitants", "code"),
    [
        (0, 1),
        (4_999, 1),
        (5_000, 2),
        (19_999, 3),
        (20_000, 4),
        (22_500, 4),
        (99_999, 5),
        (150_000, 7),
        (250_000, 8),
        (560_000, 8),
    ],
)
def test_cbs_size_classes(inhabitants, code):
    assert bbv_indicators.size_class(inhabitants).code == code


def test_size_classes_are_contiguous():
    classes = bbv_indicators.SIZE_CLASSES
    for a, b in zip(classes, classes[1:], strict=False):
        assert a.upper == b.lower
    assert classes[0].lower == 0 and classes[-1].upper is None
