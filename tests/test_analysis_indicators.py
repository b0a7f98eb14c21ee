"""BBV indicators per year, trend and peers; the arithmetic is in the comments."""

import json
from datetime import date

import pytest
from pytest import approx

from raadhuis.analysis.indicators import (
    ReferenceRow,
    YearInputs,
    compare_with_peers,
    compute_series,
    compute_year,
    fte_from_snapshot,
    peers_by_province,
    peers_by_size_class,
    size_class_label,
)
from raadhuis.domain.model import Post, Snapshot, Staffing, StaffingKind, Unit, View

# The figures a municipality of 34,992 inhabitants published in its annual account 2020
# (Berg en Dal, jaarverslag 2020, verplichte beleidsindicatoren); amounts in euro.
BERG_EN_DAL_2020 = YearInputs(
    year=2020,
    inhabitants=34_992,
    formatie_fte=217,
    bezetting_fte=198,
    apparaatskosten=21_211_000,
    wage_bill=14_682_000,
    external_hire_cost=918_000,
    overhead_cost=8_939_000,
    total_expenses=99_158_000,
)


def test_one_year_reproduces_a_published_account():
    v = compute_year(BERG_EN_DAL_2020)
    # formatie 217 / (34,992 / 1,000) = 6.20; bezetting 198 / 34.992 = 5.66 (published rounded down as 5,6)
    assert v.value("formatie") == approx(6.2014, abs=1e-4)
    assert v.value("bezetting") == approx(5.6584, abs=1e-4)
    # apparaatskosten 21,211,000 / 34,992 = € 606.17 per inhabitant (published: 606)
    assert v.value("apparaatskosten") == approx(606.17, abs=0.01)
    # externe inhuur 918 / (14,682 + 918) × 100 = 5.88 % (published: 5,9)
    assert v.value("externe_inhuur") == approx(5.885, abs=1e-3)
    # overhead 8,939 / 99,158 × 100 = 9.01 % (published: 9,02)
    assert v.value("overhead") == approx(9.015, abs=1e-3)
    assert all(not x.reasons for x in v.values.values())
    assert v.values["formatie"].unit_nl == "fte per 1.000 inwoners"
    json.dumps(v.to_dict())


def test_year_without_inhabitants_gives_a_message_not_a_zero():
    v = compute_year(
        YearInputs(
            2021,
            inhabitants=None,
            formatie_fte=200,
            bezetting_fte=190,
            apparaatskosten=1e7,
            wage_bill=100,
            external_hire_cost=0,
            overhead_cost=10,
            total_expenses=100,
        )
    )
    for key in ("formatie", "bezetting", "apparaatskosten"):
        assert v.value(key) is None
        reason = v.values[key].reasons[0]
        assert reason.id == "indicators.no_inhabitants"
        assert "1 januari 2021" in reason.nl and "1 January 2021" in reason.en
    # the money ratios do not need inhabitants: 0 / (100 + 0) = 0 %, 10 / 100 = 10 %
    assert v.value("externe_inhuur") == 0.0 and v.value("overhead") == 10.0


def test_zero_total_expenses_and_missing_inputs():
    v = compute_year(
        YearInputs(2022, inhabitants=10_000, overhead_cost=0, total_expenses=0, wage_bill=0, external_hire_cost=0)
    )
    assert v.value("overhead") is None and v.values["overhead"].reasons[0].id == "indicators.zero_denominator"
    assert (
        v.value("externe_inhuur") is None and v.values["externe_inhuur"].reasons[0].id == "indicators.zero_denominator"
    )
    assert v.value("formatie") is None and v.values["formatie"].reasons[0].id == "indicators.missing_input"
    assert "formatie in fte ontbreekt" in v.values["formatie"].reasons[0].nl


def test_trend_skips_a_year_without_a_value():
    series = compute_series(
        [
            YearInputs(2021, inhabitants=20_000, formatie_fte=150),  # 150 / 20 = 7.5
            YearInputs(2019, inhabitants=20_000, formatie_fte=140),  # 140 / 20 = 7.0
            YearInputs(2020, inhabitants=None, formatie_fte=145),  # no inhabitants: no value
        ]
    )
    points = series.trend["formatie"]
    assert [p.year for p in points] == [2019, 2020, 2021]
    assert [p.value for p in points] == [7.0, None, 7.5]
    # 2021 is compared with 2019, the previous year with a value: 7.5 − 7.0 = 0.5
    assert [p.change for p in points] == [None, None, 0.5]
    assert points[1].reasons[0].id == "indicators.no_inhabitants"
    json.dumps(series.to_dict())
    with pytest.raises(ValueError, match="2019 komt twee keer voor"):
        compute_series([YearInputs(2019), YearInputs(2019)])


def test_formatie_and_bezetting_from_a_snapshot():
    E, H, V, L = StaffingKind.EMPLOYEE, StaffingKind.EXTERNAL_HIRE, StaffingKind.VACANCY, StaffingKind.LOAN_IN
    posts = {
        "a": Post("a", "U", "a", 1.0, staffing=(Staffing(E, 1.0),)),
        "b": Post("b", "U", "b", 0.8, staffing=(Staffing(E, 0.5), Staffing(V, 0.3))),
        "c": Post("c", "U", "c", 1.0, staffing=(Staffing(H, 1.0),)),
        "d": Post("d", "U", "d", 0.5, staffing=(Staffing(L, 0.5),)),
    }
    fte = fte_from_snapshot(Snapshot("GM1", date(2024, 1, 1), View.ACTUAL, {"U": Unit("U", "U", "team")}, posts))
    # formatie: 1.0 + 0.8 + 1.0 + 0.5 = 3.3; bezetting: own employees only, 1.0 + 0.5 = 1.5
    assert fte.formatie_fte == approx(3.3) and fte.bezetting_fte == 1.5


def test_peer_median_and_position_by_size_class():
    inhabitants = {
        "GM0168": 22_500,
        "GM0001": 21_000,
        "GM0002": 30_000,
        "GM0003": 45_000,
        "GM0004": 60_000,
        "GM0005": 25_000,
    }
    provinces = {"GM0168": "Overijssel", "GM0001": "Overijssel", "GM0002": "Gelderland"}
    peers = peers_by_size_class(inhabitants, 4)  # 20,000 to 50,000
    assert peers == {"GM0168", "GM0001", "GM0002", "GM0003", "GM0005"}
    assert peers_by_province(provinces, "Overijssel") == {"GM0168", "GM0001"}
    rows = [
        ReferenceRow("GM0001", 2020, "formatie", 6.0),
        ReferenceRow("GM0002", 2020, "formatie", 7.0),
        ReferenceRow("GM0003", 2020, "formatie", 8.0),
        ReferenceRow("GM0004", 2020, "formatie", 1.0),  # class 5: not a peer
        ReferenceRow("GM0005", 2019, "formatie", 9.0),  # other year
        ReferenceRow("GM0168", 2020, "formatie", 99.0),  # itself: never its own peer
    ]
    c = compare_with_peers("GM0168", 2020, "formatie", 7.5, rows, peers, size_class_label(22_500))
    # peer values 6, 7, 8 → median 7; 7.5 is above two of three: rank 3 of 4, percentile 2 / 3 = 66.7
    assert (c.peers, c.peer_median, c.rank, c.of) == (3, 7.0, 3, 4)
    assert c.percentile == approx(66.67, abs=0.01)
    assert c.peer_group == "grootteklasse 4 (20 000 tot 50 000 inwoners)"
    assert "boven de mediaan 7,00" in c.reasons[0].nl
    json.dumps(c.to_dict())


def test_peer_comparison_without_peers_or_own_value():
    c = compare_with_peers("GM0168", 2020, "overhead", None, [], {"GM0001"}, "provincie Overijssel")
    assert c.peer_median is None and c.rank is None
    assert [r.id for r in c.reasons] == ["indicators.no_peers", "indicators.no_own_value"]
    with pytest.raises(KeyError, match="onbekende BBV-indicator"):
        compare_with_peers("GM0168", 2020, "fte", 1.0, [], set(), "x")
    with pytest.raises(ValueError, match="1 t/m 8"):
        peers_by_size_class({}, 9)
