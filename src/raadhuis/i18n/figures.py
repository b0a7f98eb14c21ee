"""Messages of the BBV year figures form (nl first, en complete)."""

from __future__ import annotations

FIGURE_MESSAGES: dict[str, dict[str, str]] = {
    "fig.nav": {"nl": "Jaarcijfers", "en": "Year figures"},
    "fig.title": {"nl": "Jaarcijfers (BBV) — {org}", "en": "Year figures (BBV) — {org}"},
    "fig.intro": {
        "nl": "Vul de cijfers van één jaar in, bekijk het verschil met wat er staat en sla op met een reden. "
        "Een leeg veld is onbekend.",
        "en": "Fill in the figures of one year, look at the difference with what is recorded and save with a "
        "reason. An empty field is unknown.",
    },
    "fig.saved": {"nl": "De jaarcijfers van {year} zijn opgeslagen.", "en": "The year figures of {year} were saved."},
    "fig.f.year_legend": {"nl": "Jaar en cijfers", "en": "Year and figures"},
    "fig.f.year": {"nl": "Jaar", "en": "Year"},
    "fig.f.year_help": {"nl": "Bijvoorbeeld 2017.", "en": "For example 2017."},
    "fig.f.inhabitants": {"nl": "Inwoners", "en": "Inhabitants"},
    "fig.f.formatie_fte": {"nl": "Formatie (fte)", "en": "Budgeted FTE"},
    "fig.f.bezetting_fte": {"nl": "Bezetting (fte)", "en": "Staffed FTE"},
    "fig.f.apparaatskosten": {"nl": "Apparaatskosten (€)", "en": "Operating costs (€)"},
    "fig.f.wage_bill": {"nl": "Loonsom (€)", "en": "Wage bill (€)"},
    "fig.f.external_hire": {"nl": "Inhuur derden (€)", "en": "External hire (€)"},
    "fig.f.overhead": {"nl": "Overhead (€)", "en": "Overhead (€)"},
    "fig.f.total_expenses": {"nl": "Totale lasten (€)", "en": "Total expenses (€)"},
    "fig.f.source": {"nl": "Bron", "en": "Source"},
    "fig.f.evidence": {"nl": "Bron en aanname", "en": "Source and assumption"},
    "fig.f.reason": {"nl": "Reden", "en": "Reason"},
    "fig.f.help_whole": {"nl": "Een geheel getal, zoals 22.500.", "en": "A whole number, such as 22,500."},
    "fig.f.help_fte": {"nl": "In fte, zoals 160,5.", "en": "In FTE, such as 160.5."},
    "fig.f.help_money": {"nl": "In euro's, zoals 14.000.000.", "en": "In euros, such as 14000000."},
    "fig.f.assumption": {"nl": "Aanname (mag leeg)", "en": "Assumption (may be empty)"},
    "fig.f.assumption_help": {
        "nl": "Zijn de cijfers geschat? Zeg wat is aangenomen en waarom; ze dragen dan het aannamemerk.",
        "en": "Are the figures estimated? Say what is assumed and why; they then carry the assumption mark.",
    },
    "fig.preview": {"nl": "Verschil bekijken", "en": "Show the difference"},
    "fig.effect": {"nl": "Wat verandert in {year}", "en": "What changes in {year}"},
    "fig.effect_new": {
        "nl": "Er staan nog geen cijfers voor dit jaar.",
        "en": "No figures are recorded for this year yet.",
    },
    "fig.effect_changed": {
        "nl": "Vet: wat anders wordt dan wat er nu staat.",
        "en": "In bold: what differs from what is recorded now.",
    },
    "fig.col.field": {"nl": "Cijfer", "en": "Figure"},
    "fig.col.before": {"nl": "Nu", "en": "Now"},
    "fig.col.after": {"nl": "Wordt", "en": "Becomes"},
    "fig.assumed": {"nl": "Aanname: {why}", "en": "Assumption: {why}"},
    "fig.assumption_mark": {"nl": "aanname", "en": "assumption"},
    "fig.stored": {"nl": "Vastgelegde jaarcijfers", "en": "Recorded year figures"},
    "fig.none": {"nl": "Er zijn nog geen jaarcijfers vastgelegd.", "en": "No year figures have been recorded yet."},
    "fig.unknown": {"nl": "onbekend", "en": "unknown"},
    "fig.err.year": {
        "nl": "Verwacht een jaar als 2017 (tussen 1800 en 2200); gevonden: {value}",
        "en": "Expected a year such as 2017 (between 1800 and 2200); got: {value}",
    },
    "fig.err.whole": {
        "nl": "Verwacht een geheel getal van 0 of meer, zoals 22.500; gevonden: {value}",
        "en": "Expected a whole number of 0 or more, such as 22500; got: {value}",
    },
    "fig.err.something": {
        "nl": "Vul ten minste één cijfer in.",
        "en": "Fill in at least one figure.",
    },
    "fig.err.changed": {
        "nl": "De cijfers van {year} zijn intussen door iemand anders gewijzigd; bekijk het verschil opnieuw.",
        "en": "The figures of {year} were changed by someone else in the meantime; look at the difference again.",
    },
}
