"""Words for programmes, progress readings, milestones and challenges (opgaven), Dutch and English.

Merged into the catalogue by one line at the end of ``i18n/messages.py``. The error messages of
the programme and challenge checks are written in English; their Dutch patterns are added to
``i18n/errors`` here, ahead of the general ones, so they read as one Dutch sentence.
"""

from __future__ import annotations

from typing import Any

from raadhuis.i18n import errors as _errors
from raadhuis.i18n.formatting import format_date, format_money, format_number


def date_label(value: Any, lang: str = "nl") -> str:
    """A date as people read it ('augustus 2024', '2e kwartaal 2018'); '' when unknown."""
    return format_date(value, lang)


def amount_label(value: float | None, currency: str = "EUR", lang: str = "nl") -> str:
    """'€ 150.000' ('€ 12.500,50'); another currency by its code. '' when unknown."""
    if value is None:
        return ""
    digits = 0 if float(value).is_integer() else 2
    if currency == "EUR":
        return format_money(value, lang, digits)
    return f"{currency} {format_number(value, lang, digits, fixed=digits > 0)}"


def _t(key: str, lang: str, **values: object) -> str:
    entry = PROGRAMME_MESSAGES[key]
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text


def budget_text(b: dict[str, Any], lang: str = "nl") -> str:
    """A programme answer's budget in words: '€ 150.000, besteding onbekend' or
    '€ 12.500 van € 150.000 besteed (8%)'. Unknown stays unknown, never zero."""
    if b["total"] is None and not b["years"]:
        return _t("programme.no_budget", lang)
    total = amount_label(b["total"], b["currency"], lang) if b["total"] is not None else _t("programme.no_budget", lang)
    if b["spent"] is None:
        return f"{total}, {_t('programme.spent_unknown', lang)}"
    spent = amount_label(b["spent"], b["currency"], lang)
    if b["spent_share"] is None:
        return f"{_t('programme.spent', lang)}: {spent} ({total})"
    return _t("programme.spent_of", lang, spent=spent, total=total, share=f"{round(100 * b['spent_share'])}%")


def reading_text(r: dict[str, Any] | None, lang: str = "nl") -> str:
    """A reading in words: 'G (groen, betekenis aangenomen) sinds 2024' — the value as the source
    wrote it, what it means (marked when that is assumed), since when."""
    if r is None:
        return _t("programme.no_reading", lang)
    meaning = _t(f"reading.{r['reading']}", lang) if r["reading"] else _t("programme.reading_unknown", lang)
    assumed = f", {_t('programme.reading_assumed', lang)}" if r.get("reading_assumption") else ""
    since = f" {_t('programme.since', lang, date=r['since_label'])}" if r.get("since_label") else ""
    return f"{r['value']} ({meaning}{assumed}){since}"


def lead_text(x: dict[str, Any], lang: str = "nl") -> str:
    """Who leads and until when: 'Projectleider dienstverlening, vanaf augustus 2024 tot augustus 2025 (besloten)'."""
    out = str(x.get("title") or x["role"])
    if x.get("from_label"):
        out += f", {_t('programme.from', lang).lower()} {x['from_label']}"
    if x.get("until_label"):
        out += f" {_t('programme.until', lang).lower()} {x['until_label']}"
        if x.get("until_status"):
            out += f" ({_t('programme.until_status.' + x['until_status'], lang)})"
    elif x.get("post"):
        out += f", {_t('programme.until_unknown', lang)}"
    return out


def change_lines(
    what: str,
    fields: dict[str, str],
    p: dict[str, Any],
    sources: dict[str, str],
    lang: str = "nl",
    spent: float | None = None,
    currency: str = "EUR",
) -> list[str]:
    """What a programme form will record, in words (the preview): 'Voortgangsmeting van 1 maart 2024:
    G (groen)', 'Mijlpaal ‘Plan klaar’: gehaald op 1 mei 2024', 'Uitgave in 2024: € 12.500'; then
    the evidence (source by its title, quote, page) or the assumption. Never a record key or code."""
    lines: list[str] = []
    if what == "reading":
        scale = next((x for x in p.get("scales", []) if x["id"] == fields.get("scale")), None)
        scale = scale or (p["scales"][0] if p.get("scales") else None)
        level = next((lv for lv in (scale["levels"] if scale else []) if str(lv["value"]) == fields.get("value")), None)
        r = {"value": fields.get("value", ""), "reading": level["reading"] if level else None}
        lines.append(
            _t(
                "programme.change.reading",
                lang,
                date=date_label(fields.get("date"), lang),
                reading=reading_text(r, lang),
            )
        )
        if scale:
            lines.append(_t("programme.change.scale", lang, name=scale["name"]))
        if fields.get("note"):
            lines.append(_t("programme.change.note", lang, note=fields["note"]))
    elif what == "milestone":
        known = next((m for m in p.get("milestones", []) if m["id"] == fields.get("milestone")), None)
        title = fields.get("title") or (known["title"] if known else "")
        status = fields.get("status") or "planned"
        if status == "reached" and fields.get("status_date"):
            words = _t("mstatus.reached_on", lang, date=date_label(fields["status_date"], lang))
        else:
            words = _t(f"mstatus.{status}", lang) if f"mstatus.{status}" in PROGRAMME_MESSAGES else status
            if fields.get("status_date"):
                words += f" ({date_label(fields['status_date'], lang)})"
        key = "programme.change.milestone" if known else "programme.change.milestone_new"
        lines.append(_t(key, lang, title=title, status=words))
        if fields.get("date"):
            lines.append(_t("programme.change.milestone_date", lang, date=date_label(fields["date"], lang)))
    elif what == "spend":
        amount = amount_label(spent, currency, lang) if spent is not None else fields.get("amount", "")
        line = _t("programme.change.spend", lang, year=fields.get("year", ""), amount=amount)
        if fields.get("date"):
            line += ", " + _t("programme.change.on", lang, date=date_label(fields["date"], lang))
        if fields.get("purpose"):
            line += ", " + _t("programme.change.for", lang, purpose=fields["purpose"])
        lines.append(line)
    if fields.get("source"):
        src = _t("programme.change.source", lang, title=sources.get(fields["source"], fields["source"]))
        if fields.get("page"):
            src += f", {_t('programme.page', lang).lower()} {fields['page']}"
        lines.append(src)
        if fields.get("quote"):
            lines.append(_t("programme.change.quote", lang, quote=fields["quote"]))
    if fields.get("assumption"):
        lines.append(_t("programme.change.assumption", lang, text=fields["assumption"]))
    return lines


PROGRAMME_MESSAGES: dict[str, dict[str, str]] = {
    "programme.change.reading": {
        "nl": "Voortgangsmeting van {date}: {reading}",
        "en": "Progress reading of {date}: {reading}",
    },
    "programme.change.scale": {"nl": "Gemeten op de schaal: {name}", "en": "Measured on the scale: {name}"},
    "programme.change.note": {"nl": "Toelichting: {note}", "en": "Note: {note}"},
    "programme.change.milestone": {"nl": "Mijlpaal ‘{title}’: {status}", "en": "Milestone ‘{title}’: {status}"},
    "programme.change.milestone_new": {
        "nl": "Nieuwe mijlpaal ‘{title}’: {status}",
        "en": "New milestone ‘{title}’: {status}",
    },
    "programme.change.milestone_date": {"nl": "Datum van de mijlpaal: {date}", "en": "Date of the milestone: {date}"},
    "programme.change.spend": {
        "nl": "Uitgave in begrotingsjaar {year}: {amount}",
        "en": "Spend in budget year {year}: {amount}",
    },
    "programme.change.on": {"nl": "op {date}", "en": "on {date}"},
    "programme.change.for": {"nl": "voor {purpose}", "en": "for {purpose}"},
    "programme.change.source": {"nl": "Bron: {title}", "en": "Source: {title}"},
    "programme.change.quote": {"nl": "Citaat: “{quote}”", "en": "Quote: “{quote}”"},
    "programme.change.assumption": {"nl": "Aanname: {text}", "en": "Assumption: {text}"},
    "programmes": {"nl": "Programma's", "en": "Programmes"},
    "programme": {"nl": "Programma", "en": "Programme"},
    "challenges": {"nl": "Opgaven", "en": "Challenges"},
    "challenge": {"nl": "Opgave", "en": "Challenge"},
    "programmes.title": {"nl": "Programma's — {org}", "en": "Programmes — {org}"},
    "challenges.title": {"nl": "Opgaven — {org}", "en": "Challenges — {org}"},
    "programmes.none": {"nl": "Geen programma's vastgelegd.", "en": "No programmes recorded."},
    "challenges.none": {"nl": "Geen opgaven vastgelegd.", "en": "No challenges recorded."},
    "programme.goal": {"nl": "Doel", "en": "Goal"},
    "programme.approach": {"nl": "Aanpak", "en": "Approach"},
    "programme.principles": {"nl": "Principes", "en": "Principles"},
    "programme.period": {"nl": "Looptijd", "en": "Period"},
    "programme.owner": {"nl": "Eigenaar", "en": "Owner"},
    "programme.status": {"nl": "Stand", "en": "Status"},
    "programme.part_of": {"nl": "Onderdeel van", "en": "Part of"},
    "programme.parts": {"nl": "Onderdelen", "en": "Parts"},
    "programme.budget": {"nl": "Budget", "en": "Budget"},
    "programme.total": {"nl": "Totaal", "en": "Total"},
    "programme.allocations": {"nl": "Verdeling", "en": "Allocations"},
    "programme.purpose": {"nl": "Waarvoor", "en": "Purpose"},
    "programme.amount": {"nl": "Bedrag", "en": "Amount"},
    "programme.year": {"nl": "Jaar", "en": "Year"},
    "programme.unallocated": {"nl": "Niet verdeeld in de bron", "en": "Not allocated in the source"},
    "programme.spent": {"nl": "Besteed", "en": "Spent"},
    "programme.spent_unknown": {"nl": "besteding onbekend", "en": "spending unknown"},
    "programme.spent_of": {
        "nl": "{spent} van {total} besteed ({share})",
        "en": "{spent} of {total} spent ({share})",
    },
    "programme.no_budget": {"nl": "budget onbekend", "en": "budget unknown"},
    "programme.people": {"nl": "Mensen en rollen", "en": "People and roles"},
    "programme.role": {"nl": "Rol", "en": "Role"},
    "programme.post": {"nl": "Functie in het register", "en": "Post in the register"},
    "programme.serves": {"nl": "Voor", "en": "Serves"},
    "programme.count": {"nl": "Aantal", "en": "Number"},
    "programme.from": {"nl": "Vanaf", "en": "From"},
    "programme.until": {"nl": "Tot", "en": "Until"},
    "programme.until_unknown": {"nl": "einde onbekend", "en": "end unknown"},
    "programme.created_for": {"nl": "voor het programma ingesteld", "en": "created for the programme"},
    "programme.leads": {"nl": "leidt", "en": "leads"},
    "programme.leader": {"nl": "Leiding", "en": "Lead"},
    "programme.milestones": {"nl": "Mijlpalen", "en": "Milestones"},
    "programme.milestone": {"nl": "Mijlpaal", "en": "Milestone"},
    "programme.progress": {"nl": "Voortgang", "en": "Progress"},
    "programme.latest": {"nl": "Laatste meting", "en": "Latest reading"},
    "programme.since": {"nl": "sinds {date}", "en": "since {date}"},
    "programme.no_reading": {"nl": "geen voortgangsmeting bekend", "en": "no progress reading known"},
    "programme.value": {"nl": "Waarde in de bron", "en": "Value in the source"},
    "programme.reading": {"nl": "Betekenis", "en": "Reading"},
    "programme.scale": {"nl": "Schaal", "en": "Scale"},
    "programme.recorded": {"nl": "Vastgelegd", "en": "Recorded"},
    "programme.recorded_by": {"nl": "door {who} op {when}", "en": "by {who} on {when}"},
    "programme.links": {"nl": "Samenhang", "en": "Links"},
    "programme.units": {"nl": "Eenheden", "en": "Units"},
    "programme.task_fields": {"nl": "Taakvelden", "en": "Task fields"},
    "programme.events": {"nl": "Gebeurtenissen in het register", "en": "Events in the register"},
    "programme.history": {"nl": "Versies", "en": "Versions"},
    "programme.version": {"nl": "Versie", "en": "Version"},
    "programme.excel": {"nl": "Budgetten als Excel", "en": "Budgets as Excel"},
    "programme.record": {"nl": "Vastleggen", "en": "Record"},
    "programme.record_reading": {"nl": "Voortgangsmeting vastleggen", "en": "Record a progress reading"},
    "programme.record_milestone": {"nl": "Mijlpaal bijwerken", "en": "Update a milestone"},
    "programme.record_spend": {"nl": "Uitgave vastleggen", "en": "Record a spend"},
    "programme.preview": {"nl": "Voorbeeld bekijken", "en": "Preview"},
    "programme.save": {"nl": "Opslaan", "en": "Save"},
    "programme.preview_intro": {
        "nl": "Zo wordt het vastgelegd, als nieuwe versie {version} van het programma. Er is nog niets opgeslagen.",
        "en": "This is what will be recorded, as new version {version} of the programme. Nothing is saved yet.",
    },
    "programme.saved": {
        "nl": "Opgeslagen als wijziging {changeset}.",
        "en": "Saved as changeset {changeset}.",
    },
    "programme.unchanged": {
        "nl": "Niets gewijzigd: dit staat er al.",
        "en": "Nothing changed: this is already recorded.",
    },
    "programme.source": {"nl": "Bron", "en": "Source"},
    "programme.quote": {"nl": "Citaat uit de bron", "en": "Quote from the source"},
    "programme.page": {"nl": "Pagina", "en": "Page"},
    "programme.assumption_field": {
        "nl": "Of: aanname (wat is aangenomen en waarom)",
        "en": "Or: assumption (what is assumed and why)",
    },
    "programme.note": {"nl": "Toelichting", "en": "Note"},
    "programme.status_date": {"nl": "Datum van de nieuwe stand", "en": "Date of the new status"},
    "programme.new_milestone": {"nl": "(nieuwe mijlpaal)", "en": "(new milestone)"},
    "programme.title_field": {"nl": "Titel", "en": "Title"},
    "programme.sources": {"nl": "Bronnen en citaten", "en": "Sources and quotes"},
    "programme.about": {"nl": "Over", "en": "About"},
    "programme.running_on": {"nl": "Lopend op", "en": "Running on"},
    "programme.axis": {"nl": "Mijlpalen op de tijdas", "en": "Milestones on a time axis"},
    "programme.readings_chart": {"nl": "Voortgangsmetingen door de tijd", "en": "Progress readings over time"},
    "programme.budget_bar": {"nl": "Budget besteed", "en": "Budget spent"},
    "programme.timeline": {"nl": "Programma's en mijlpalen", "en": "Programmes and milestones"},
    "programme.of_challenges": {"nl": "Opgaven erachter", "en": "Challenges behind it"},
    "programme.scale_levels": {"nl": "Schaal {name}", "en": "Scale {name}"},
    "programme.reading_assumed": {"nl": "betekenis aangenomen", "en": "reading assumed"},
    "programme.reading_unknown": {"nl": "betekenis onbekend", "en": "meaning unknown"},
    "programme.start_unknown": {"nl": "begin onbekend", "en": "start unknown"},
    "programme.task_field": {"nl": "Taakveld", "en": "Task field"},
    "programme.unknown": {"nl": "onbekend", "en": "unknown"},
    "programme.until_status.decided": {"nl": "besloten", "en": "decided"},
    "programme.until_status.proposed": {"nl": "voorgesteld", "en": "proposed"},
    "programme.until_status.realised": {"nl": "gerealiseerd", "en": "realised"},
    "programme.until_status.not_realised": {"nl": "niet gerealiseerd", "en": "not realised"},
    "programme.all": {"nl": "alle", "en": "all"},
    "programme.today": {"nl": "vandaag", "en": "today"},
    "programme.new_milestone_button": {"nl": "Mijlpaal toevoegen", "en": "Add a milestone"},
    "programme.form_intro": {
        "nl": "U ziet eerst een voorbeeld; er wordt pas iets opgeslagen als u daarna op Opslaan klikt. "
        "Noem de bron met het citaat, of beschrijf de aanname.",
        "en": "You see a preview first; nothing is saved until you click Save after it. "
        "Name the source with its quote, or describe the assumption.",
    },
    "programme.date_help": {
        "nl": "Een dag, maand, kwartaal of jaar: 14-03-2025, maart 2025, 1e kwartaal 2025 of 2025.",
        "en": "A day, month, quarter or year: 14-03-2025, 2025-03, 2025-Q1 or 2025.",
    },
    "programme.milestone_help": {
        "nl": "Kies een bestaande mijlpaal om haar stand bij te werken, of laat leeg voor een nieuwe (met titel).",
        "en": "Pick an existing milestone to update its status, or leave empty for a new one (with a title).",
    },
    "programme.milestone_date": {"nl": "Datum van de mijlpaal", "en": "Date of the milestone"},
    "programme.amount_help": {"nl": "In euro, bijv. 12500 of 12.500", "en": "In euros, e.g. 12500"},
    "programme.evidence_help": {
        "nl": "Een bron met citaat, of een aanname: wat is aangenomen en waarom.",
        "en": "A source with a quote, or an assumption: what is assumed and why.",
    },
    "programme.who": {"nl": "Vastgelegd onder de naam", "en": "Recorded under the name"},
    "programme.preview_title": {"nl": "Voorbeeld", "en": "Preview"},
    "programme.dashboard_intro": {
        "nl": "Programma's die op deze dag lopen, met hun laatste voortgangsmeting en budget.",
        "en": "Programmes running on this day, with their latest progress reading and budget.",
    },
    "programme.report_intro": {
        "nl": "Programma's en projecten die op {date} lopen: budget en waarvoor, voortgang, leiding — met bronnen.",
        "en": "Programmes and projects running on {date}: budget and what for, progress, lead — with sources.",
    },
    "programme.to_page": {"nl": "Alle programma's en opgaven", "en": "All programmes and challenges"},
    "programme.about.programme": {"nl": "het programma", "en": "the programme"},
    "programme.about.period": {"nl": "looptijd", "en": "period"},
    "programme.about.owner": {"nl": "eigenaar", "en": "owner"},
    "programme.about.budget": {"nl": "budget", "en": "budget"},
    "programme.about.progress": {"nl": "voortgang", "en": "progress"},
    "programme.about.milestones": {"nl": "mijlpalen", "en": "milestones"},
    "programme.about.posts": {"nl": "mensen en rollen", "en": "people and roles"},
    "programme.about.goal": {"nl": "doel", "en": "goal"},
    "programme.about.approach": {"nl": "aanpak", "en": "approach"},
    "programme.about.principles": {"nl": "principes", "en": "principles"},
    "programme.about.events": {"nl": "gebeurtenissen", "en": "events"},
    "programme.about.units": {"nl": "eenheden", "en": "units"},
    "programme.about.task_fields": {"nl": "taakvelden", "en": "task fields"},
    "programme.about.parts": {"nl": "onderdelen", "en": "parts"},
    "programme.date": {"nl": "Datum", "en": "Date"},
    "programme.currency": {"nl": "Munteenheid", "en": "Currency"},
    "programme.xlsx.written": {"nl": "Excel geschreven: {path}", "en": "Excel written: {path}"},
    "programme.xlsx.budgets": {"nl": "Budgetten", "en": "Budgets"},
    "programme.xlsx.spending": {"nl": "Uitgaven", "en": "Spending"},
    "programme.xlsx.assumption": {"nl": "Aanname", "en": "Assumption"},
    "pstatus.planned": {"nl": "gepland", "en": "planned"},
    "pstatus.running": {"nl": "lopend", "en": "running"},
    "pstatus.completed": {"nl": "afgerond", "en": "completed"},
    "pstatus.stopped": {"nl": "gestopt", "en": "stopped"},
    "pstatus.unknown": {"nl": "stand onbekend", "en": "status unknown"},
    "mstatus.planned": {"nl": "gepland", "en": "planned"},
    "mstatus.reached": {"nl": "gehaald", "en": "reached"},
    "mstatus.missed": {"nl": "niet gehaald", "en": "missed"},
    "mstatus.cancelled": {"nl": "vervallen", "en": "cancelled"},
    "mstatus.reached_on": {"nl": "gehaald op {date}", "en": "reached on {date}"},
    "reading.green": {"nl": "groen", "en": "green"},
    "reading.amber": {"nl": "oranje", "en": "amber"},
    "reading.red": {"nl": "rood", "en": "red"},
    "relation.reason": {"nl": "aanleiding", "en": "reason"},
    "relation.part": {"nl": "onderdeel", "en": "part"},
    "relation.result": {"nl": "gevolg", "en": "result"},
    "challenge.from": {"nl": "Vanaf", "en": "From"},
    "challenge.demand": {"nl": "Vraag", "en": "Demand"},
    "challenge.demand_unknown": {
        "nl": "vraag onbekend (geen bron noemt fte of geld); telt niet mee",
        "en": "demand unknown (no source gives FTE or money); not counted",
    },
    "challenge.no_task_field": {"nl": "geen taakveld genoemd", "en": "no task field named"},
    "challenge.programmes": {"nl": "Programma's", "en": "Programmes"},
    "challenge.in_capacity": {
        "nl": "Opgaven in de capaciteitsanalyse",
        "en": "Challenges in the capacity analysis",
    },
    "challenge.counted": {"nl": "telt mee", "en": "counted"},
    "challenge.listed": {"nl": "genoemd, telt niet mee", "en": "listed, not counted"},
}

# English check messages → Dutch (see i18n/errors.py); groups re-used by number.
ERROR_PATTERNS: list[tuple[str, str]] = [
    (
        r"the allocations add up to (.+), more than the total of (.+) for (\d+)",
        r"de verdeling telt op tot \1, meer dan het totaal van \2 voor \3",
    ),
    (
        r"milestone date (\S+) lies outside the programme's period \((.+?) to (.+?)\); "
        r"say so with 'outside_period' if that is right",
        r"mijlpaaldatum \1 ligt buiten de looptijd van het programma (\2 tot en met \3); "
        r"zeg dat met 'outside_period' als het zo is",
    ),
    (
        r"unknown progress scale '(.+?)'; expected one of: (.+)",
        r"onbekende voortgangsschaal '\1'; verwacht een van: \2",
    ),
    (
        r"value '(.+?)' is not on scale '(.+?)'; expected one of: (.+)",
        r"waarde '\1' staat niet op schaal '\2'; verwacht een van: \3",
    ),
    (r"an amount cannot be negative, got (.+)", r"een bedrag kan niet negatief zijn; gevonden: \1"),
    (r"unknown unit '(.+?)' in (\S+)", r"onbekende eenheid '\1' in \2"),
    (r"unknown post '(.+?)' in (\S+)", r"onbekende formatieplaats '\1' in \2"),
    (r"unknown event '(.+?)' in (\S+)", r"onbekende gebeurtenis '\1' in \2"),
    (r"unknown challenge '(.+?)' of (\S+)", r"onbekende opgave '\1' van \2"),
    (r"unknown programme '(.+?)' of (\S+)", r"onbekend programma '\1' van \2"),
    (r"unknown organisation '(.+?)'", r"onbekende organisatie '\1'"),
    (
        r"unknown source '(.+?)'; expected one of the sources listed",
        r"onbekende bron '\1'; verwacht een van de opgenomen bronnen",
    ),
    (
        r"unknown task field '(.+?)'; expected a BBV code such as \"8.1\"",
        r"onbekend taakveld '\1'; verwacht een BBV-code zoals \"8.1\"",
    ),
    (
        r"a reached milestone needs 'status_date': when it was reached",
        "een gehaalde mijlpaal heeft 'status_date' nodig: wanneer zij gehaald is",
    ),
    (
        r"a reading needs a scale: give 'scale' here or on the programme",
        "een meting heeft een schaal nodig: geef 'scale' hier of bij het programma",
    ),
    (r"a reading needs 'date': when it was read", "een meting heeft 'date' nodig: wanneer zij is gedaan"),
    (r"the budget of (\d+) is given twice \(also at (.+)\)", r"het budget van \1 staat er twee keer (ook bij \2)"),
    (
        r"expected one currency for the whole programme, got (.+)",
        r"verwacht één munteenheid voor het hele programma; gevonden: \1",
    ),
    (r"a spend of budget year (\d+) dated (.+)", r"een uitgave van begrotingsjaar \1 met datum \2"),
    (r"milestone id '(.+?)' is used twice \(also at (.+)\)", r"mijlpaal-id '\1' komt twee keer voor (ook bij \2)"),
    (
        r"expected an end on or after the start \((.+?)\), got (.+)",
        r"verwacht een einde op of na het begin (\1); gevonden: \2",
    ),
    (r"expected a count of at least 1, got (.+)", r"verwacht een aantal van minstens 1; gevonden: \1"),
    (r"value '(.+?)' is on the scale twice \(also at (.+)\)", r"waarde '\1' staat twee keer op de schaal (ook bij \2)"),
    (r"a scale needs at least one level", "een schaal heeft minstens één waarde nodig"),
    (
        r"progress scale '(.+?)' is declared twice \(also at (.+)\)",
        r"voortgangsschaal '\1' staat er twee keer (ook bij \2)",
    ),
    (r"programme '(.+?)' is given twice \(also at (.+)\)", r"programma '\1' staat er twee keer (ook bij \2)"),
    (r"challenge '(.+?)' is given twice \(also at (.+)\)", r"opgave '\1' staat er twee keer (ook bij \2)"),
    (r"task field '(.+?)' is given twice \(also at (.+)\)", r"taakveld '\1' staat er twee keer (ook bij \2)"),
    (r"expected the ids of one or more change events", "verwacht de id's van een of meer gebeurtenissen"),
    (r"a programme cannot be a part of itself", "een programma kan geen onderdeel van zichzelf zijn"),
    (r"expected a share between 0 and 1, got (.+)", r"verwacht een aandeel tussen 0 en 1; gevonden: \1"),
    (r"the shares add up to (.+), more than 1", r"de aandelen tellen op tot \1, meer dan 1"),
    (r"expected exactly one of 'fte' or 'amount'", "verwacht precies één van 'fte' of 'amount'"),
    (
        r"task field '(.+?)' is not one the challenge lands on \((.+)\)",
        r"taakveld '\1' hoort niet bij de taakvelden van de opgave (\2)",
    ),
    (
        r"(\w+) item '(.+?)' changed since version (\S+) \(now (\S+)\); look at the change again before saving",
        r"'\2' is gewijzigd sinds versie \3 (nu \4); bekijk de wijziging opnieuw voordat u opslaat",
    ),
    (r"expected a budget year such as 2024, got (.+)", r"verwacht een begrotingsjaar zoals 2024; gevonden: \1"),
    (r"expected an amount such as 12500, got (.+)", r"verwacht een bedrag zoals 12500; gevonden: \1"),
    (r"this field is required", "dit veld is verplicht"),
]

_errors.add_patterns(ERROR_PATTERNS)
