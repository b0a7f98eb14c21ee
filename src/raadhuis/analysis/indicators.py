"""The BBV mandatory indicators for "bestuur en ondersteuning", per year, with trend and peers.

Definitions and formulas: :mod:`raadhuis.reference.bbv_indicators` and docs/definities.md.
A figure that cannot be computed is ``None`` with a reason saying why — never a zero and never
an exception the user cannot read (a year without inhabitants, zero total expenses, …).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from raadhuis.analysis.common import Reason, median, rounded
from raadhuis.domain.model import Snapshot, StaffingKind
from raadhuis.i18n.formatting import format_fte as _f
from raadhuis.reference.bbv_indicators import KEYS, SIZE_CLASSES, indicator, size_class


@dataclass(frozen=True)
class YearInputs:
    """What one year's indicators are computed from. Money in euro, FTE in FTE."""

    year: int
    inhabitants: int | None = None  # on 1 January of the year
    formatie_fte: float | None = None
    bezetting_fte: float | None = None
    apparaatskosten: float | None = None
    wage_bill: float | None = None  # totale loonsom
    external_hire_cost: float | None = None  # totale kosten inhuur externen
    overhead_cost: float | None = None  # lasten taakveld 0.4 Overhead
    total_expenses: float | None = None  # totale lasten, excl. toevoegingen aan reserves


@dataclass
class IndicatorValue:
    key: str
    year: int
    value: float | None
    unit_nl: str
    unit_en: str
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "year": self.year,
            "value": rounded(self.value, 2),
            "unit_nl": self.unit_nl,
            "unit_en": self.unit_en,
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class YearIndicators:
    year: int
    values: dict[str, IndicatorValue]

    def value(self, key: str) -> float | None:
        return self.values[key].value

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "values": {k: v.to_dict() for k, v in self.values.items()}}


# Inputs named in the plural: "de apparaatskosten ontbreken", not "ontbreekt".
_PLURAL_NL = frozenset({"de apparaatskosten", "de kosten van inhuur", "de kosten van overhead", "de totale lasten"})


def _missing(key: str, year: int, what_nl: str, what_en: str) -> Reason:
    verb_nl = "ontbreken" if what_nl in _PLURAL_NL else "ontbreekt"
    verb_en = "are" if what_en.endswith(("costs", "expenses")) else "is"
    return Reason(
        "indicators.missing_input",
        f"{indicator(key).name_nl} {year}: {what_nl} {verb_nl}; de indicator is niet te berekenen.",
        f"{indicator(key).name_en} {year}: {what_en} {verb_en} missing; the indicator cannot be computed.",
        subject=key,
        params={"year": year},
    )


def _per_inhabitant(
    key: str, inputs: YearInputs, amount: float | None, what: tuple[str, str], per: float
) -> IndicatorValue:
    d = indicator(key)
    out = IndicatorValue(key, inputs.year, None, d.unit_nl, d.unit_en)
    if not inputs.inhabitants or inputs.inhabitants <= 0:
        out.reasons.append(
            Reason(
                "indicators.no_inhabitants",
                f"{d.name_nl} {inputs.year}: geen inwonertal op 1 januari {inputs.year}; "
                "een cijfer per inwoner is niet te berekenen.",
                f"{d.name_en} {inputs.year}: no number of inhabitants on 1 January {inputs.year}; "
                "a figure per inhabitant cannot be computed.",
                subject=key,
                params={"year": inputs.year},
            )
        )
    if amount is None:
        out.reasons.append(_missing(key, inputs.year, *what))
    if out.reasons:
        return out
    assert inputs.inhabitants is not None and amount is not None
    out.value = amount / (inputs.inhabitants / per)
    return out


def compute_year(inputs: YearInputs) -> YearIndicators:
    """The five indicators of one year."""
    values: dict[str, IndicatorValue] = {}
    values["formatie"] = _per_inhabitant(
        "formatie", inputs, inputs.formatie_fte, ("de formatie in fte", "the establishment in FTE"), 1000
    )
    values["bezetting"] = _per_inhabitant(
        "bezetting", inputs, inputs.bezetting_fte, ("de bezetting in fte", "the staffing in FTE"), 1000
    )
    values["apparaatskosten"] = _per_inhabitant(
        "apparaatskosten", inputs, inputs.apparaatskosten, ("de apparaatskosten", "the operating costs"), 1
    )

    d = indicator("externe_inhuur")
    ext = IndicatorValue("externe_inhuur", inputs.year, None, d.unit_nl, d.unit_en)
    if inputs.external_hire_cost is None:
        ext.reasons.append(_missing("externe_inhuur", inputs.year, "de kosten van inhuur", "the cost of external hire"))
    if inputs.wage_bill is None:
        ext.reasons.append(_missing("externe_inhuur", inputs.year, "de totale loonsom", "the total wage bill"))
    if not ext.reasons:
        assert inputs.external_hire_cost is not None and inputs.wage_bill is not None
        denominator = inputs.wage_bill + inputs.external_hire_cost
        if denominator <= 0:
            ext.reasons.append(
                Reason(
                    "indicators.zero_denominator",
                    f"Externe inhuur {inputs.year}: loonsom plus kosten inhuur is nul; geen percentage te berekenen.",
                    f"External hire {inputs.year}: wage bill plus hire cost is zero; no percentage can be computed.",
                    subject="externe_inhuur",
                )
            )
        else:
            ext.value = 100 * inputs.external_hire_cost / denominator
    values["externe_inhuur"] = ext

    d = indicator("overhead")
    ovh = IndicatorValue("overhead", inputs.year, None, d.unit_nl, d.unit_en)
    if inputs.overhead_cost is None:
        ovh.reasons.append(_missing("overhead", inputs.year, "de kosten van overhead", "the overhead cost"))
    if inputs.total_expenses is None:
        ovh.reasons.append(_missing("overhead", inputs.year, "de totale lasten", "the total expenses"))
    elif inputs.total_expenses <= 0:
        ovh.reasons.append(
            Reason(
                "indicators.zero_denominator",
                f"Overhead {inputs.year}: de totale lasten zijn nul; geen percentage te berekenen.",
                f"Overhead {inputs.year}: total expenses are zero; no percentage can be computed.",
                subject="overhead",
            )
        )
    if not ovh.reasons:
        assert inputs.overhead_cost is not None and inputs.total_expenses is not None
        ovh.value = 100 * inputs.overhead_cost / inputs.total_expenses
    values["overhead"] = ovh
    return YearIndicators(inputs.year, values)


@dataclass(frozen=True)
class SnapshotFte:
    formatie_fte: float
    bezetting_fte: float


def fte_from_snapshot(snapshot: Snapshot) -> SnapshotFte:
    """Formatie = Σ post FTE; bezetting = Σ FTE of own employees (not hire, loans in or secondments out)."""
    return fte_of_posts((p.fte, ((s.kind.value, s.fte) for s in p.staffing)) for p in snapshot.posts.values())


def fte_of_posts(posts: Iterable[tuple[float, Iterable[tuple[str, float]]]]) -> SnapshotFte:
    """The same sums over (post FTE, its staffing as (kind, FTE)): for a caller that has the posts'
    figures and not their ``Post`` objects (the 1 January figures of a large organisation)."""
    formatie = bezetting = 0.0
    own = StaffingKind.EMPLOYEE.value
    for fte, staffing in posts:
        formatie += fte
        for kind, f in staffing:  # one running sum, in order: the same figure to the last digit
            if kind == own and f > 0:
                bezetting += f
    return SnapshotFte(formatie, bezetting)


@dataclass
class TrendPoint:
    year: int
    value: float | None
    change: float | None  # against the previous year with a value
    reasons: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "value": rounded(self.value),
            "change": rounded(self.change),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class IndicatorSeries:
    years: list[YearIndicators]
    trend: dict[str, list[TrendPoint]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "years": [y.to_dict() for y in self.years],
            "trend": {k: [p.to_dict() for p in points] for k, points in self.trend.items()},
        }


def compute_series(inputs: Iterable[YearInputs]) -> IndicatorSeries:
    """Indicators for several years, with the change of each against the previous known year."""
    by_year: dict[int, YearInputs] = {}
    for item in inputs:
        if item.year in by_year:
            raise ValueError(f"jaar {item.year} komt twee keer voor in de invoer van de indicatoren")
        by_year[item.year] = item
    years = [compute_year(by_year[y]) for y in sorted(by_year)]
    trend: dict[str, list[TrendPoint]] = {}
    for key in KEYS:
        points: list[TrendPoint] = []
        previous: float | None = None
        for y in years:
            v = y.values[key]
            change = None if v.value is None or previous is None else v.value - previous
            points.append(TrendPoint(y.year, v.value, change, list(v.reasons)))
            if v.value is not None:
                previous = v.value
        trend[key] = points
    return IndicatorSeries(years, trend)


@dataclass(frozen=True)
class ReferenceRow:
    cbs_code: str
    year: int
    indicator: str
    value: float


@dataclass
class PeerComparison:
    cbs_code: str
    year: int
    indicator: str
    value: float | None
    peer_group: str
    peers: int
    peer_median: float | None
    rank: int | None  # 1 = lowest value among peers plus this municipality
    of: int
    percentile: float | None  # share of peers with a lower value, 0..100
    reasons: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        return {
            "cbs_code": self.cbs_code,
            "year": self.year,
            "indicator": self.indicator,
            "value": rounded(self.value),
            "peer_group": self.peer_group,
            "peers": self.peers,
            "peer_median": rounded(self.peer_median),
            "rank": self.rank,
            "of": self.of,
            "percentile": rounded(self.percentile, 1),
            "reasons": [r.to_dict() for r in self.reasons],
        }


def peers_by_size_class(inhabitants: Mapping[str, int], class_code: int) -> set[str]:
    """CBS codes whose inhabitants fall in the CBS gemeentegrootteklasse ``class_code`` (1..8)."""
    cls = next((c for c in SIZE_CLASSES if c.code == class_code), None)
    if cls is None:
        raise ValueError(f"onbekende gemeentegrootteklasse {class_code}; verwacht 1 t/m 8")
    return {code for code, n in inhabitants.items() if cls.contains(n)}


def peers_by_province(provinces: Mapping[str, str], province: str) -> set[str]:
    return {code for code, p in provinces.items() if p == province}


def compare_with_peers(
    cbs_code: str,
    year: int,
    key: str,
    value: float | None,
    rows: Sequence[ReferenceRow],
    peers: set[str],
    peer_group: str,
) -> PeerComparison:
    """The peer median of ``key`` in ``year`` and where ``value`` stands among the peers.

    The municipality itself is never its own peer. ``peer_group`` names the group for display,
    e.g. "grootteklasse 4 (20 000 tot 50 000 inwoners)" or "provincie Overijssel".
    """
    indicator(key)  # a clear error for an unknown indicator
    peer_values = [
        r.value
        for r in rows
        if r.year == year and r.indicator == key and r.cbs_code in peers and r.cbs_code != cbs_code
    ]
    reasons: list[Reason] = []
    med = median(peer_values)
    if not peer_values:
        reasons.append(
            Reason(
                "indicators.no_peers",
                f"Geen vergelijkingscijfers voor {key} in {year} in de groep {peer_group}.",
                f"No reference figures for {key} in {year} in the group {peer_group}.",
                subject=key,
            )
        )
    if value is None:
        reasons.append(
            Reason(
                "indicators.no_own_value",
                f"De gemeente heeft geen waarde voor {key} in {year}; alleen de mediaan van de groep is bekend.",
                f"The municipality has no value for {key} in {year}; only the group median is known.",
                subject=key,
            )
        )
        return PeerComparison(
            cbs_code, year, key, None, peer_group, len(peer_values), med, None, len(peer_values), None, reasons
        )
    lower = sum(1 for v in peer_values if v < value)
    percentile = 100 * lower / len(peer_values) if peer_values else None
    if med is not None:
        word_nl, word_en = (
            ("boven", "above") if value > med else ("onder", "below") if value < med else ("gelijk aan", "equal to")
        )
        reasons.append(
            Reason(
                "indicators.peer_position",
                f"{indicator(key).name_nl} {year}: {_f(value)}, {word_nl} de mediaan {_f(med)} van "
                f"{len(peer_values)} gemeenten ({peer_group}).",
                f"{indicator(key).name_en} {year}: {value:.2f}, {word_en} the median {med:.2f} of "
                f"{len(peer_values)} municipalities ({peer_group}).",
                subject=key,
                params={"value": rounded(value), "median": rounded(med), "peers": len(peer_values)},
            )
        )
    return PeerComparison(
        cbs_code,
        year,
        key,
        value,
        peer_group,
        len(peer_values),
        med,
        lower + 1,
        len(peer_values) + 1,
        percentile,
        reasons,
    )


def size_class_label(inhabitants: int, lang: str = "nl") -> str:
    cls = size_class(inhabitants)
    return f"grootteklasse {cls.code} ({cls.label_nl})" if lang == "nl" else f"size class {cls.code} ({cls.label_en})"
