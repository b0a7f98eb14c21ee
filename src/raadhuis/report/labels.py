"""Words of the report, the dashboard and the analysis commands, in Dutch and English."""

from __future__ import annotations

from raadhuis.i18n import t

LABELS: dict[str, dict[str, str]] = {
    "title": {"nl": "Stand van de organisatie op {date}", "en": "State of the organisation on {date}"},
    "subtitle": {"nl": "Is de organisatie toegerust?", "en": "Is the organisation equipped for its tasks?"},
    "made_by": {
        "nl": "Gemaakt met Raadhuis uit het register; weergave: {view}.",
        "en": "Made with Raadhuis from the register; view: {view}.",
    },
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "summary": {"nl": "In het kort", "en": "In short"},
    "chart": {"nl": "Organogram", "en": "Organisation chart"},
    "span": {"nl": "Spanwijdte van leidinggevenden", "en": "Span of control"},
    "span.intro": {
        "nl": "Hoeveel medewerkers werken direct onder één leidinggevende? Te veel maakt begeleiden lastig, te weinig maakt de organisatie duur en traag.",
        "en": "How many staff report directly to one manager? Too many makes guidance hard; too few makes the organisation costly and slow.",
    },
    "managers": {"nl": "Leidinggevenden", "en": "Managers"},
    "layers": {"nl": "Lagen", "en": "Layers"},
    "mean_reports": {"nl": "Gemiddeld aantal directe medewerkers", "en": "Mean direct reports"},
    "median_reports": {"nl": "Mediaan directe medewerkers", "en": "Median direct reports"},
    "max_reports": {"nl": "Hoogste aantal directe medewerkers", "en": "Highest number of direct reports"},
    "outside_band": {"nl": "Buiten de band {low}–{high}", "en": "Outside the band {low}–{high}"},
    "formation_mean": {"nl": "Formatie per leidinggevende (gemiddeld, fte)", "en": "Formation per manager (mean, FTE)"},
    "distribution": {
        "nl": "Verdeling van de spanwijdte (aantal leidinggevenden)",
        "en": "Distribution of span of control (number of managers)",
    },
    "post": {"nl": "Functie", "en": "Post"},
    "reports": {"nl": "Directe medewerkers", "en": "Direct reports"},
    "fte": {"nl": "fte", "en": "FTE"},
    "vulnerability": {"nl": "Kwetsbaarheid", "en": "Vulnerability"},
    "vulnerability.intro": {
        "nl": "Score van 0 (robuust) tot 100 (zeer kwetsbaar): onderbezetting, afhankelijkheid van één persoon, vacatures, inhuur en leunen op anderen.",
        "en": "Score from 0 (robust) to 100 (very vulnerable): under-staffing, dependence on one person, vacancies, hired staff and reliance on others.",
    },
    "task_field": {"nl": "Taakveld", "en": "Task field"},
    "score": {"nl": "Score", "en": "Score"},
    "why": {"nl": "Waarom", "en": "Why"},
    "people": {"nl": "Personen", "en": "People"},
    "capacity": {"nl": "Capaciteit", "en": "Capacity"},
    "capacity.intro": {
        "nl": "Bezette fte per taakveld tegenover de vraag, en hoeveel capaciteit er is voor strategie en beleid.",
        "en": "Staffed FTE per task field against demand, and how much capacity there is for strategy and policy.",
    },
    "staffed": {"nl": "Bezet (fte)", "en": "Staffed (FTE)"},
    "budgeted": {"nl": "Formatie (fte)", "en": "Budgeted (FTE)"},
    "demand": {"nl": "Vraag (fte)", "en": "Demand (FTE)"},
    "gap": {"nl": "Verschil (fte)", "en": "Gap (FTE)"},
    "strategic_share": {"nl": "Aandeel strategie en beleid", "en": "Strategy and policy share"},
    "execution_share": {"nl": "Aandeel uitvoering", "en": "Execution share"},
    "doers": {"nl": "Organisatie van doeners", "en": "Organisation of doers"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "undetermined": {"nl": "niet te bepalen", "en": "cannot be determined"},
    "assumption_mark": {"nl": "aanname", "en": "assumption"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "insufficient": {"nl": "onvoldoende gegevens", "en": "insufficient data"},
    "missing": {"nl": "Ontbreekt", "en": "Missing"},
    "as_of_latest": {
        "nl": "Peildatum {date}: de laatste datum met gegevens in het register (vandaag is {today}).",
        "en": "Date {date}: the latest date with data in the register (today is {today}).",
    },
    "def.span_of_control": {"nl": "Spanwijdte", "en": "Span of control"},
    "def.span_formation": {"nl": "Formatie per leidinggevende", "en": "Formation per manager"},
    "def.vulnerability": {"nl": "Kwetsbaarheid", "en": "Vulnerability"},
    "def.capacity": {"nl": "Capaciteit per taakveld", "en": "Capacity per task field"},
    "def.strategic_capacity": {"nl": "Strategische capaciteit", "en": "Strategic capacity"},
    "def.indicators": {"nl": "BBV-beleidsindicatoren", "en": "BBV policy indicators"},
    "def.peers": {"nl": "Vergelijking met andere gemeenten", "en": "Comparison with other municipalities"},
    "indicators": {"nl": "BBV-beleidsindicatoren {year}", "en": "BBV policy indicators {year}"},
    "indicators.intro": {
        "nl": "De vijf verplichte indicatoren over de eigen organisatie (taakveld 0 Bestuur en ondersteuning).",
        "en": "The five mandatory indicators about the organisation itself (task field 0, governance and support).",
    },
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "value": {"nl": "Waarde", "en": "Value"},
    "unit_of": {"nl": "Eenheid", "en": "Unit"},
    "change": {"nl": "Verschil met vorig jaar", "en": "Change on previous year"},
    "trend": {"nl": "Verloop", "en": "Trend"},
    "not_computable": {"nl": "niet te berekenen", "en": "cannot be computed"},
    "peers": {"nl": "Vergelijking met andere gemeenten", "en": "Comparison with other municipalities"},
    "peer_median": {"nl": "Mediaan groep", "en": "Group median"},
    "rank": {"nl": "Positie", "en": "Rank"},
    "cooperations": {"nl": "Samenwerkingen", "en": "Cooperations"},
    "legal_form": {"nl": "Vorm", "en": "Form"},
    "partners": {"nl": "Partners", "en": "Partners"},
    "in_force": {"nl": "Van kracht", "en": "In force"},
    "sources.intro": {
        "nl": "De documenten waarop de feiten in dit rapport rusten.",
        "en": "The documents the facts in this report rest on.",
    },
    "assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "assumptions.intro": {
        "nl": "Deze feiten staan niet letterlijk in een bron; ze zijn aangenomen. Lees ze met voorzichtigheid.",
        "en": "These facts are not stated as such in a source; they are assumed. Read them with care.",
    },
    "definitions": {"nl": "Definities", "en": "Definitions"},
    "definitions.intro": {
        "nl": "Elke definitie staat in docs/definities.md.",
        "en": "Every definition is in docs/definities.md.",
    },
    "none": {"nl": "Geen.", "en": "None."},
    "download": {"nl": "Rapport downloaden (PDF)", "en": "Download the report (PDF)"},
    "download_html": {"nl": "Rapport als webpagina", "en": "Report as a web page"},
    "dashboard": {"nl": "Toegerust?", "en": "Equipped?"},
    "page": {"nl": "pagina {n}", "en": "page {n}"},
    "fact": {"nl": "Feit", "en": "Fact"},
    "assumed": {"nl": "Aangenomen", "en": "Assumed"},
    "no_units": {"nl": "Geen eenheden op deze datum.", "en": "No units on this date."},
    "more": {"nl": "en nog {n}", "en": "and {n} more"},
}

DEFINITION_TEXT: dict[str, dict[str, str]] = {
    "span_of_control": {
        "nl": "Directe medewerkers per leidinggevende: koppen in de werkende bezetting (eigen personeel, inhuur, inleen) van de functies die aan haar rapporteren.",
        "en": "Direct reports per manager: heads in the working staffing (employees, hired, borrowed) of the posts that report to the manager.",
    },
    "span_formation": {
        "nl": "Formatie per leidinggevende: som van de formatie-fte van de functies die aan haar rapporteren, alsof elke functie bezet is.",
        "en": "Formation per manager: the sum of budgeted FTE of the posts that report to the manager, as if every post were filled.",
    },
    "vulnerability": {
        "nl": "Score 0–100: dekkingstekort (30), één persoon (25), vacatures (15), inhuur/inleen (15), samenwerking (15 leunen, 5 formeel).",
        "en": "Score 0–100: coverage gap (30), single person (25), vacancies (15), hire/loan (15), cooperation (15 informal, 5 formal).",
    },
    "capacity": {
        "nl": "Bezette fte per taakveld = Σ bezette fte van de eenheid × haar aandeel; vraag = ingevoerde fte of norm × inwoners ÷ 1.000.",
        "en": "Staffed FTE per task field = Σ unit staffed FTE × its share; demand = entered FTE or norm × inhabitants ÷ 1,000.",
    },
    "strategic_capacity": {
        "nl": "Bezette fte naar rol: strategie/beleid, leiding, uitvoering. Organisatie van doeners: uitvoering ≥ 80%.",
        "en": "Staffed FTE by role: strategy/policy, management, execution. Organisation of doers: execution ≥ 80%.",
    },
    "indicators": {
        "nl": "BBV-beleidsindicatoren: formatie en bezetting eigen personeel (fte per 1.000 inwoners; inhuur en inleen tellen niet mee), apparaatskosten (€ per inwoner), externe inhuur (%), overhead (%).",
        "en": "BBV policy indicators: establishment and staffing by own employees (FTE per 1,000 inhabitants; hire and loans in do not count), operating cost (€ per inhabitant), external hire (%), overhead (%).",
    },
    "peers": {
        "nl": "Mediaan van dezelfde indicator bij gemeenten in dezelfde CBS-grootteklasse of provincie, zonder de gemeente zelf.",
        "en": "Median of the same indicator among municipalities in the same CBS size class or province, excluding the municipality itself.",
    },
}


def L(key: str, lang: str = "nl", **values: object) -> str:  # noqa: N802 - short on purpose, used in templates
    entry = LABELS.get(key)
    if entry is None:  # words the whole product shares (view, unit, name, status, sources) live in the catalogue
        return t(key, lang, **values)
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text
