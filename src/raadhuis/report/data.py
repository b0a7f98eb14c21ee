"""What the report shows, gathered once: the analyses, the units, the sources and the assumptions."""

from __future__ import annotations

from datetime import date
from typing import Any

from raadhuis.domain.model import View
from raadhuis.i18n import t
from raadhuis.i18n.engine import uncertain_labels, window_label
from raadhuis.i18n.events import event_words
from raadhuis.i18n.formatting import format_date
from raadhuis.reference.legal_forms import legal_form
from raadhuis.services import analysis, programmes, register, studies
from raadhuis.services import trajectories as traj
from raadhuis.services.sources import reference_text, source_records, titled
from raadhuis.store.database import Store


def _cited_ids(raw: Any) -> list[str]:
    return [c if isinstance(c, str) else str(c.get("source")) for c in raw or [] if c]


def _legal_form_label(key: Any, lang: str) -> str:
    """The glossary name of a legal form; a text that is no known form as recorded."""
    if not key:
        return ""
    try:
        return legal_form(str(key)).label(lang)
    except KeyError:
        return str(key)


def _assumption_text(value: Any, lang: str) -> str:
    if isinstance(value, str) and value.strip():
        return value
    return "aangenomen" if lang == "nl" else "assumed"


def report_data(
    store: Store, organisation: str, at: date, view: View = View.ACTUAL, lang: str = "nl"
) -> dict[str, Any]:
    """The analyses plus the org chart rows, the sources the organisation's facts cite, and
    every fact that is an assumption rather than a quote from a source."""
    result = analysis.analyse(store, organisation, at, view)
    org_id = result["organisation"]["id"]
    shown = register.show(store, org_id, at, view)
    # Units an event with an imprecise date touches on this day carry the words (the chart marks them).
    labels = uncertain_labels(shown["uncertain"], lang)
    units = [dict(u, uncertain=labels[u["id"]]) if u["id"] in labels else u for u in shown["units"]]
    events = [e for e in register.timeline(store, org_id, lang=lang)["events"] if e["effective"] <= at.isoformat()]
    names = register.unit_names(store, org_id, view)
    # The event by its title, else its kind (the units it touches follow by name); the date in words.
    told = {e["id"]: e.get("title") or t("event." + e["type"], lang) for e in events}
    uncertain = [
        {
            "event": told.get(e["event"], e["event"]),
            "date": format_date(e["date"], lang),
            "units": ", ".join(names.get(uid, uid) for uid in e["units"]),
            "label": window_label(date.fromisoformat(e["window"]["from"]), date.fromisoformat(e["window"]["to"]), lang),
        }
        for e in shown["uncertain"]
    ]
    cited: dict[str, list[str]] = {}  # source id → what cites it

    def cite(ids: list[str], what: str) -> None:
        for sid in ids:
            cited.setdefault(sid, [])
            if what not in cited[sid]:
                cited[sid].append(what)

    assumptions: list[dict[str, str]] = []
    for e in events:
        label = event_words(e["data"], lang, names, e["units"])  # the one rule for an event in words
        cite([s["source"] for s in e["sources"]], label)
        if e["assumption"]:
            assumptions.append(
                {
                    "fact": f"{e['date_label']}: {label}",
                    "assumption": _assumption_text(e["data"].get("assumption"), lang),
                }
            )
    # Cooperations in words: the status, the legal form and the partners by name (issue 13).
    org_names = register.organisation_names(store)
    result["cooperations"] = [
        dict(
            c,
            status_label=t("status." + (c.get("status") or "realised"), lang),
            legal_form_label=_legal_form_label(c.get("legal_form"), lang),
            partner_names=[org_names.get(p, p) for p in c["partners"] if p],
        )
        for c in result["cooperations"]
    ]
    for c in result["cooperations"]:
        cite(_cited_ids(c["sources"]), c["name"])
        if c.get("assumption"):
            assumptions.append({"fact": c["name"], "assumption": _assumption_text(c["assumption"], lang)})
    # The trajectories it takes part in, and what its cooperations brought (docs/samenwerking.md).
    trajectories = traj.trajectories(store, org_id, at, lang)["trajectories"]
    outcomes = list(traj.outcomes(store, lang, org_id).values())
    for o in outcomes:
        for e in o["effects"]:
            cite(_cited_ids(e["sources"]), o["name"] or o["cooperation"])
            if e["assumption"]:
                assumptions.append(
                    {"fact": traj.effect_line(e, lang), "assumption": _assumption_text(e["assumption"], lang)}
                )
        o["lines"] = [traj.effect_line(e, lang) for e in o["effects"]]
    for year, raw in result["indicators"]["figure_sources"].items():
        cite(_cited_ids(raw), f"jaarcijfers {year}" if lang == "nl" else f"figures {year}")
    for year, text in result["indicators"]["assumptions"].items():
        assumptions.append(
            {
                "fact": f"jaarcijfers {year}" if lang == "nl" else f"figures {year}",
                "assumption": _assumption_text(text, lang),
            }
        )
    # Recommendations of audit studies not done on the day: the study's report is a source too.
    recommendations = studies.open_recommendations(store, org_id, at, lang)
    for rec in recommendations:
        what = f"{t('study.recommendation', lang)} {rec['number']} ({rec['study_title']})"
        cite([c["source"] for c in rec["sources"] + rec["status"]["sources"]], what)
    # Programmes running on the day: budget and what for, progress, who leads (services/programmes.py).
    running = programmes.overview(store, org_id, at, lang)
    for p in running:
        cite([c["source"] for c in p["quotes"]], p["name"])
        for a in p["assumptions"]:
            assumptions.append({"fact": p["name"], "assumption": _assumption_text(a, lang)})
    known = source_records(store)
    sources = []
    for sid, uses in cited.items():
        d = known.get(sid, {"id": sid, "title": sid})
        sources.append(
            {
                "id": sid,
                "title": d.get("title") or sid,
                "publisher": d.get("publisher"),
                "date": d.get("date"),
                "reference": reference_text(d, known),
                "url": d.get("url"),
                "cited_by": uses,
            }
        )
    sources.sort(key=lambda x: (str(x.get("date") or ""), x["title"]))
    for a in assumptions:
        a["assumption"] = titled(a["assumption"], known)
    return {
        "lang": lang,
        "analysis": result,
        "units": units,
        "uncertain": uncertain,
        "events": len(events),
        "sources": sources,
        "assumptions": assumptions,
        "trajectories": trajectories,
        "outcomes": outcomes,
        "recommendations": recommendations,
        "programmes": running,
    }
