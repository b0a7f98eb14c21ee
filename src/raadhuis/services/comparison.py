"""A comparison of scenarios as tables people read: the same rows for the page, Excel and the PDF.

:func:`tables` turns the answer of ``services.scenarios.compare`` into labelled rows of texts in
the reader's language (Dutch numbers and dates through ``i18n.formatting``), with for every
scenario the difference from the baseline in words ("2 minder") and its direction (for the
colour, which is never the only sign). A figure that rests on an assumption is marked
(``assumed``) and the assumptions are listed; an unknown figure says "onbekend".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from raadhuis.i18n import t
from raadhuis.i18n.formatting import format_date, format_fte, format_money, format_number


@dataclass
class Cell:
    text: str
    delta: str = ""  # "+2 (meer)", "" for the baseline or when unknown
    direction: str | None = None  # up, down, same; None: no comparison
    assumed: bool = False
    value: float | int | None = None  # the number itself (Excel writes numbers, not texts)
    delta_value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "delta": self.delta,
            "direction": self.direction,
            "assumed": self.assumed,
            "value": self.value,
            "delta_value": self.delta_value,
        }


@dataclass
class Row:
    label: str
    cells: list[Cell]
    kind: str = "number"  # number, fte, money, text

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "kind": self.kind, "cells": [c.to_dict() for c in self.cells]}


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    heads: list[str] | None = None  # column heads when they are not the scenarios (over time: days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "note": self.note,
            "heads": self.heads,
            "rows": [r.to_dict() for r in self.rows],
        }


@dataclass
class Tables:
    title: str
    subtitle: str
    heads: list[str]
    sections: list[Section]
    per_scenario: list[dict[str, Any]]  # conflicts, displaced, stale, cooperations, staff: per scenario
    assumptions: list[str]
    table_note: str
    file_stem: str
    pyramids: list[dict[str, Any]] = field(default_factory=list)  # per column: its name and layers

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "heads": self.heads,
            "sections": [s.to_dict() for s in self.sections],
            "per_scenario": self.per_scenario,
            "assumptions": self.assumptions,
            "table_note": self.table_note,
            "file_stem": self.file_stem,
            "pyramids": self.pyramids,
        }


def _words(lang: str) -> Callable[..., str]:
    def say(key: str, **values: object) -> str:
        return t(key, lang, **values)

    return say


def _fmt(value: Any, kind: str, lang: str) -> str:
    if value is None:
        return t("scn.unknown", lang)
    if kind == "fte":
        return format_fte(value, lang)
    if kind == "money":
        return format_money(value, lang)
    if kind == "mean":
        return format_number(value, lang, 1, fixed=True)
    return format_number(value, lang, 0)


def _delta(base: Any, value: Any, kind: str, lang: str) -> tuple[str, str | None, float | None]:
    if base is None or value is None:
        return "", None, None
    diff = round(float(value) - float(base), 4)
    if abs(diff) < 1e-9:
        return t("scn.delta.same", lang), "same", 0.0
    sign = "+" if diff > 0 else "−"
    word = t("scn.delta.up" if diff > 0 else "scn.delta.down", lang)
    return f"{sign}{_fmt(abs(diff), kind, lang)} ({word})", "up" if diff > 0 else "down", diff


def _row(label: str, values: list[Any], kind: str, lang: str, assumed: list[bool] | None = None) -> Row:
    cells = []
    base = values[0] if values else None
    for i, value in enumerate(values):
        # An unknown figure is unknown, not an assumption: only a figure carries the mark.
        cell = Cell(_fmt(value, kind, lang), value=value, assumed=bool(assumed and assumed[i]) and value is not None)
        if i > 0:
            cell.delta, cell.direction, cell.delta_value = _delta(base, value, kind, lang)
        cells.append(cell)
    return Row(label, cells, kind)


def heads(data: dict[str, Any], lang: str) -> list[str]:
    say = _words(lang)
    out = [say("scn.baseline_head", view=say(f"view.{data['view']}"))]
    for col in data["columns"][1:]:
        s = col["scenario"]
        out.append(f"{s['name']} ({say('scn.status.' + s['status'])})")
    return out


def tables(data: dict[str, Any], lang: str = "nl") -> Tables:
    """The comparison's rows, in ``lang``."""
    say = _words(lang)
    cols = data["columns"]
    org = data["organisation"]
    day = format_date(data["at"], lang)

    def values(path: tuple[str, ...]) -> list[Any]:
        out = []
        for col in cols:
            v: Any = col
            for key in path:
                v = v.get(key) if isinstance(v, dict) else None
            out.append(v)
        return out

    costed = [bool(col["cost"]["assumption"]) for col in cols]
    # Posts and FTE resting on posts recorded as assumptions (illustrative formatie) carry the mark.
    formed = [bool(col["figures"].get("assumption")) for col in cols]
    per_manager = [bool((col.get("formation") or {}).get("assumption")) for col in cols]
    figures = Section("figures", say("scn.sec.figures"))
    figures.rows = [
        _row(say("scn.row.units"), values(("figures", "units")), "number", lang),
        _row(say("scn.row.posts"), values(("figures", "posts")), "number", lang, formed),
        _row(say("scn.row.formatie"), values(("figures", "formatie_fte")), "fte", lang, formed),
        _row(say("scn.row.bezetting"), values(("figures", "bezetting_fte")), "fte", lang, formed),
        _row(say("scn.row.cost"), values(("cost", "total")), "money", lang, costed),
    ]
    unknown_staffing = [col["figures"]["unrecorded_posts"] for col in cols]
    if any(unknown_staffing):
        figures.note = say("scn.note.staffing_unknown")
    unknown_cost = [len(col["cost"]["unknown_posts"]) for col in cols]
    if any(unknown_cost):
        known = [format_money(col["cost"]["known"], lang) for col in cols]
        figures.rows.append(
            Row(say("scn.row.cost_known"), [Cell(k, assumed=costed[i]) for i, k in enumerate(known)], "text")
        )
        figures.rows.append(_row(say("scn.row.cost_unknown_posts"), unknown_cost, "number", lang))
    span = Section("span", say("scn.sec.span"))
    span.rows = [
        _row(say("scn.row.managers"), values(("span", "managers")), "number", lang),
        _row(say("scn.row.mean_span"), values(("span", "mean")), "mean", lang),
        _row(say("scn.row.max_span"), values(("span", "maximum")), "number", lang),
        _row(say("scn.row.formation_mean"), values(("formation", "mean_fte")), "fte", lang, per_manager),
        _row(say("scn.row.formation_max"), values(("formation", "maximum_fte")), "fte", lang, per_manager),
        _row(say("scn.row.layers"), values(("span", "layers")), "number", lang),
        _row(
            say("scn.row.outside_band", low=data["band"][0], high=data["band"][1]),
            values(("span", "outside_band")),
            "number",
            lang,
        ),
    ]
    if any(not col["span"]["known"] for col in cols):
        span.note = say("scn.note.span_unknown")
    for bucket in cols[0]["span"]["distribution"] if any(col["span"]["known"] for col in cols) else ():
        span.rows.append(
            _row(
                say("scn.row.bucket", bucket=bucket),
                [col["span"]["distribution"].get(bucket, 0) for col in cols],
                "number",
                lang,
            )
        )
    pyramid = Section("pyramid", say("scn.sec.pyramid"), note=say("scn.note.pyramid"))
    depth = max((len(col["pyramid"]) for col in cols), default=0)
    for n in range(1, depth + 1):
        layer = [next((x for x in col["pyramid"] if x["layer"] == n), None) for col in cols]
        pyramid.rows.append(
            _row(say("scn.row.layer_managers", n=n), [x["managers"] if x else 0 for x in layer], "number", lang)
        )
        pyramid.rows.append(
            _row(
                say("scn.row.layer_formation", n=n),
                [x["formation_fte"] if x else 0.0 for x in layer],
                "fte",
                lang,
                formed,
            )
        )
    fields = Section("task_fields", say("scn.sec.task_fields"), note=say("scn.note.task_fields"))
    if not data["task_fields"]:
        fields.note = say("scn.note.no_task_fields")
    for tf in data["task_fields"]:
        label = f"{tf['code']} {tf['name']}"
        staffed = [tf["columns"].get(col["key"], {}).get("staffed_fte") for col in cols]
        fields.rows.append(_row(f"{label} — {say('scn.row.staffed')}", staffed, "fte", lang))
        if tf.get("demand_fte") is not None:
            gaps = [tf["columns"].get(col["key"], {}).get("gap") for col in cols]
            fields.rows.append(
                _row(f"{label} — {say('scn.row.gap', demand=format_fte(tf['demand_fte'], lang))}", gaps, "fte", lang)
            )
        scores = [tf["columns"].get(col["key"], {}).get("vulnerability") for col in cols]
        if any(s is not None for s in scores):
            fields.rows.append(_row(f"{label} — {say('scn.row.vulnerability')}", scores, "mean", lang))
    sections = [figures, span, pyramid, fields]
    over = data.get("over_time")
    if over:
        days = [format_date(d, lang) for d in over["days"]]
        time = Section("over_time", say("scn.sec.over_time"), heads=days)
        names = heads(data, lang)
        for i, series in enumerate(over["rows"]):
            for key, kind, label in (
                ("units", "number", "scn.row.units"),
                ("formatie_fte", "fte", "scn.row.formatie"),
                ("cost", "money", "scn.row.cost"),
                ("mean_span", "mean", "scn.row.mean_span"),
            ):
                cells = []
                for point in series["values"]:
                    if point.get("before_branch"):
                        cells.append(Cell("—"))
                    else:
                        v = point.get(key)
                        # The FTE over time rests on the same posts as its column's: the same mark.
                        assumed = (key == "cost" and bool(point.get("cost_assumption"))) or (
                            key == "formatie_fte" and i < len(formed) and formed[i]
                        )
                        cells.append(Cell(_fmt(v, kind, lang), value=v, assumed=assumed and v is not None))
                time.rows.append(Row(f"{names[i]}: {say(label)}", cells, kind))
        sections.append(time)
    per = []
    unit_names = {}
    for col in cols:
        unit_names.update({c["id"]: c["name"] for c in col.get("unit_changes", [])})
    for col in cols[1:]:
        per.append(
            {
                "key": col["key"],
                "name": col["scenario"]["name"],
                "status": say("scn.status." + col["scenario"]["status"]),
                "stale": col["stale"]["stale"],
                "stale_changes": col["stale"]["changes"],
                "conflicts": col["conflicts"],
                "displaced": col["displaced"],
                "unit_changes": [f"{c['name']}: {say('scn.mark.' + c['change'])}" for c in col.get("unit_changes", [])],
                "cooperations": [
                    f"{c['name']} ({', '.join(c['task_fields'])}): {', '.join(unit_names.get(u, u) for u in c['units'])}"
                    for c in col.get("cooperations_affected", [])
                ],
                "staff": [
                    say(
                        "scn.staff_line",
                        person=s["person"],
                        before=unit_names.get(s["unit_before"], s["unit_before"]),
                        after=unit_names.get(s["unit_after"], s["unit_after"])
                        if s["unit_after"]
                        else say("scn.post_gone"),
                        what=", ".join(say("scn.staff." + k) for k in s["kinds"]),
                    )
                    for s in col.get("staff_changes", [])
                ],
            }
        )
    table = data.get("salary_table")
    note = ""
    if table:
        if table.get("publication"):
            pub = table["publication"]
            note = say("scn.table_note.shipped", name=table["name"], publisher=pub["publisher"], url=pub["url"])
        else:
            note = say("scn.table_note.own", name=table["name"], valid=format_date(table["valid_from"], lang))
            if table.get("assumption"):
                note += " " + say("scn.table_note.illustrative")
    else:
        note = say("scn.table_note.none")
    view = say(f"view.{data['view']}")
    names = heads(data, lang)
    pyramids = [{"name": names[i], "layers": col["pyramid"]} for i, col in enumerate(cols)]
    return Tables(
        title=say("scn.compare_title", org=org["name"], at=day),
        subtitle=say(
            "scn.compare_sub",
            view=view,
            charges=format_number(data["charges"], lang),
            rule=say("scn.rule." + data["step_rule"]),
        ),
        heads=heads(data, lang),
        sections=sections,
        per_scenario=per,
        assumptions=[a.get(lang) or a["nl"] for a in data["assumptions"]]
        + [
            say("scn.assumption.formatie", name=names[i], why=col["figures"]["assumption"])
            for i, col in enumerate(cols)
            if col["figures"].get("assumption")
        ],
        table_note=note,
        file_stem=f"{org['id']}-scenariovergelijking-{data['at']}",
        pyramids=pyramids,
    )
