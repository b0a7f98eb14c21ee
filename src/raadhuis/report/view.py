"""Sentences and table rows built from the analyses, shared by the CLI, the dashboard and the report
so the same figure reads the same everywhere."""

from __future__ import annotations

from typing import Any

from raadhuis.reference.bbv_indicators import indicator
from raadhuis.report.labels import L
from raadhuis.services.analysis import number


def indicator_name(key: str, lang: str = "nl") -> str:
    d = indicator(key)
    return d.name_en if lang == "en" else d.name_nl


def reason_text(reason: dict[str, Any], lang: str) -> str:
    return str(reason.get("en") if lang == "en" else reason.get("nl"))


def summary_lines(result: dict[str, Any], lang: str = "nl") -> list[str]:
    span, vul, ind = result["span"], result["vulnerability"], result["indicators"]
    nl = lang == "nl"
    lines = []
    if span["managers"]:
        lines.append(
            (
                f"{len(span['managers'])} {'leidinggevende' if len(span['managers']) == 1 else 'leidinggevenden'} "
                f"in {span['layers']} {'laag' if span['layers'] == 1 else 'lagen'}; gemiddeld "
                f"{number(span['mean'], lang)} directe medewerkers en {number(span['formation']['mean_fte'], lang)} "
                "fte formatie per leidinggevende."
            )
            if nl
            else (
                f"{len(span['managers'])} {'manager' if len(span['managers']) == 1 else 'managers'} "
                f"in {span['layers']} {'layer' if span['layers'] == 1 else 'layers'}; on average "
                f"{number(span['mean'], lang)} direct reports and {number(span['formation']['mean_fte'], lang)} "
                "budgeted FTE per manager."
            )
        )
    else:
        lines.append("Geen leidinggevende functies vastgelegd." if nl else "No manager posts recorded.")
    worst = (vul["task_fields"] or vul["units"] or [None])[0]
    if worst is not None and worst["score"]:
        what = ("taakveld" if nl else "task field") if worst["kind"] == "task_field" else ("eenheid" if nl else "unit")
        lines.append(
            f"Meest kwetsbaar: {what} {worst['name']} (score {number(worst['score'], lang, 1)} van 100)."
            if nl
            else f"Most vulnerable: {what} {worst['name']} (score {number(worst['score'], lang, 1)} of 100)."
        )
    formatie = ind["values"]["formatie"]
    if formatie["value"] is not None:
        lines.append(
            f"{formatie['name_' + lang]} {ind['year']}: {number(formatie['value'], lang)} {formatie['unit_' + lang]}."
        )
    else:
        lines.append(
            f"De BBV-indicatoren voor {ind['year']} zijn niet te berekenen: zie de redenen."
            if nl
            else f"The BBV indicators for {ind['year']} cannot be computed: see the reasons."
        )
    strategic = result["capacity"]["strategic"]
    if strategic["strategic_share"] is not None:
        lines.append(f"{L('strategic_share', lang)}: {number(100 * strategic['strategic_share'], lang, 1)}%.")
    in_force = [c for c in result["cooperations"] if c["in_force"]]
    lines.append(f"{len(in_force)} samenwerkingen van kracht." if nl else f"{len(in_force)} cooperations in force.")
    return lines


def indicator_rows(result: dict[str, Any], lang: str = "nl") -> list[dict[str, Any]]:
    ind = result["indicators"]
    rows = []
    for key, v in ind["values"].items():
        trend = ind["trend"][key]
        point = next((p for p in trend if p["year"] == ind["year"]), None)
        rows.append(
            {
                "key": key,
                "definition": v["definition"],
                "name": v["name_" + lang],
                "unit": v["unit_" + lang],
                "value": number(v["value"], lang) if v["value"] is not None else L("not_computable", lang),
                "change": number(point["change"], lang) if point and point["change"] is not None else "–",
                "reasons": [reason_text(r, lang) for r in v["reasons"]],
                "trend": [(p["year"], p["value"]) for p in trend],
            }
        )
    return rows


def distribution_items(result: dict[str, Any]) -> list[tuple[str, float]]:
    return [(k, float(v)) for k, v in result["span"]["distribution"].items()]


def vulnerability_items(result: dict[str, Any], limit: int = 12) -> list[tuple[str, float]]:
    vul = result["vulnerability"]
    items = vul["task_fields"] or vul["units"]
    return [
        (f"{i['id']} {i['name']}" if i["kind"] == "task_field" else i["name"], float(i["score"])) for i in items[:limit]
    ]
