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


def doers_text(value: bool | None, lang: str = "nl") -> str:
    """Organisation of doers: 'ja', 'nee', or 'niet te bepalen' when the data do not tell."""
    return L("undetermined", lang) if value is None else L("yes" if value else "no", lang)


def score_text(item: dict[str, Any], lang: str = "nl") -> str:
    """A vulnerability score, or 'onvoldoende gegevens' where the data do not suffice."""
    if item.get("score") is None:
        return L("insufficient", lang)
    return number(item["score"], lang, 1)


def assumed(value: str, item: dict[str, Any] | None, lang: str = "nl") -> str:
    """A figure in text (CLI, PDF) with the mark of the assumption it rests on."""
    if item and item.get("assumption"):
        return f"{value} ({L('assumption_mark', lang)})"
    return value


def item_reasons(item: dict[str, Any], lang: str = "nl") -> list[str]:
    """What is missing first (when a score is lacking), then the reasons behind the figure."""
    missing = [f"{L('missing', lang)}: {reason_text(m, lang)}" for m in item.get("missing", [])]
    marked = [f"{L('assumption_mark', lang).capitalize()}: {item['assumption']}"] if item.get("assumption") else []
    return missing + [reason_text(r, lang) for r in item.get("reasons", [])] + marked


def summary_lines(result: dict[str, Any], lang: str = "nl") -> list[str]:
    span, vul, ind = result["span"], result["vulnerability"], result["indicators"]
    nl = lang == "nl"
    lines = []
    if span["managers"]:
        n, layers = len(span["managers"]), span["layers"]
        if span["mean"] is None:
            reports_nl = "het aantal directe medewerkers is onbekend (bezetting niet vastgelegd)"
            reports_en = "the number of direct reports is unknown (staffing not recorded)"
        else:
            reports_nl = f"gemiddeld {number(span['mean'], lang)} directe medewerkers"
            reports_en = f"on average {number(span['mean'], lang)} direct reports"
            # A mean over what the register holds: say so when it lacks the posts under a manager
            # or who fills them, lest "0 direct reports" read as a finding (missing is not one).
            empty = sum(1 for m in span["managers"] if m.get("headcount") == 0 and not m.get("report_posts"))
            unknown = sum(1 for m in span["managers"] if m.get("headcount") is None)
            said_nl, said_en = [], []
            if empty:
                said_nl.append(f"bij {empty} van de {n} geen formatieplaatsen eronder vastgelegd")
                said_en.append(f"for {empty} of the {n} no posts recorded under them")
            if unknown:
                said_nl.append(f"bij {unknown} de bezetting onbekend")
                said_en.append(f"for {unknown} the staffing unknown")
            if said_nl:
                reports_nl += f" volgens het register ({'; '.join(said_nl)})"
                reports_en += f" according to the register ({'; '.join(said_en)})"
        lines.append(
            (
                f"{n} {'leidinggevende' if n == 1 else 'leidinggevenden'} in {layers} {'laag' if layers == 1 else 'lagen'}; "
                f"{reports_nl}; {number(span['formation']['mean_fte'], lang)} fte formatie per leidinggevende."
            )
            if nl
            else (
                f"{n} {'manager' if n == 1 else 'managers'} in {layers} {'layer' if layers == 1 else 'layers'}; "
                f"{reports_en}; {number(span['formation']['mean_fte'], lang)} budgeted FTE per manager."
            )
        )
    else:
        lines.append("Geen leidinggevende functies vastgelegd." if nl else "No manager posts recorded.")
    scored = [i for i in (vul["task_fields"] or vul["units"]) if i.get("score") is not None]
    worst = scored[0] if scored else None
    if worst is None and (vul["task_fields"] or vul["units"]):
        lines.append(
            "Kwetsbaarheid: onvoldoende gegevens (de bezetting is niet vastgelegd); zie wat ontbreekt."
            if nl
            else "Vulnerability: insufficient data (the staffing is not recorded); see what is missing."
        )
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
                "assumption": v.get("assumption"),
            }
        )
    return rows


def distribution_items(result: dict[str, Any]) -> list[tuple[str, float]]:
    return [(k, float(v)) for k, v in result["span"]["distribution"].items()]


def vulnerability_items(result: dict[str, Any], limit: int = 12) -> list[tuple[str, float]]:
    vul = result["vulnerability"]
    items = vul["task_fields"] or vul["units"]
    scored = [i for i in items if i.get("score") is not None]
    return [
        (f"{i['id']} {i['name']}" if i["kind"] == "task_field" else i["name"], float(i["score"]))
        for i in scored[:limit]
    ]
