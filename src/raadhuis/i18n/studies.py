"""Words of audit studies and their follow-up (CLI, API, pages, report), in Dutch and English.

Merged into the shared catalogue with one line at the end of ``i18n/messages.py``; the error
patterns at the end are added to ``i18n/errors.py`` the same way.
"""

from __future__ import annotations

from typing import Any

from raadhuis.i18n.formatting import format_date


def date_label(value: Any, lang: str = "nl", empty: str = "") -> str:
    """A date as people read it ('14 december 2017', '2e kwartaal 2018'): the one rule of i18n/formatting."""
    return format_date(value, lang, empty)


def status_lines(entry: dict[str, Any], titles: dict[str, str], lang: str = "nl") -> list[str]:
    """A status change as the preview says it: 'Stand: in uitvoering, per 2e kwartaal 2019', the
    source by its title (page, quote) and what was done. Never a record key or a status code."""

    def _t(key: str, **values: object) -> str:
        entry_ = STUDY_MESSAGES[key]
        return (entry_.get(lang) or entry_["nl"]).format(**values)

    status = str(entry.get("status") or "")
    words = _t(f"study.state.{status}") if f"study.state.{status}" in STUDY_MESSAGES else status
    lines = [_t("study.change.status", status=words, date=date_label(entry.get("date"), lang))]
    for c in entry.get("sources") or []:
        line = _t("study.change.source", title=titles.get(c.get("source"), c.get("source")))
        if c.get("page"):
            line += f", {_t('study.status_form.page').lower()} {c['page']}"
        lines.append(line)
        if c.get("quote"):
            lines.append(_t("study.change.quote", quote=c["quote"]))
    if entry.get("text"):
        lines.append(f"{_t('study.status_form.text')}: {entry['text']}")
    return lines


STUDY_MESSAGES: dict[str, dict[str, str]] = {
    "study.change.status": {"nl": "Stand: {status}, per {date}", "en": "Status: {status}, as of {date}"},
    "study.change.source": {"nl": "Bron: {title}", "en": "Source: {title}"},
    "study.change.quote": {"nl": "Citaat: “{quote}”", "en": "Quote: “{quote}”"},
    # nouns and headings
    "study.studies": {"nl": "Onderzoeken", "en": "Studies"},
    "study.study": {"nl": "Rekenkameronderzoek", "en": "Audit study"},
    "study.title": {"nl": "Titel", "en": "Title"},
    "study.contents": {"nl": "Inhoud van het onderzoek", "en": "Contents of the study"},
    "study.audit_body": {"nl": "Onderzocht door", "en": "Audit body"},
    "study.about": {"nl": "Over", "en": "About"},
    "study.kind": {"nl": "Soort onderzoek", "en": "Kind of study"},
    "study.authors": {"nl": "Uitgevoerd door", "en": "Carried out by"},
    "study.dates": {"nl": "Datums", "en": "Dates"},
    "study.date.start": {"nl": "Start", "en": "Start"},
    "study.date.draft": {"nl": "Conceptrapport", "en": "Draft report"},
    "study.date.hearing": {"nl": "Hoor en wederhoor", "en": "Hearing (wederhoor)"},
    "study.date.final": {"nl": "Definitief rapport", "en": "Final report"},
    "study.date.council_debate": {"nl": "Behandeling in de raad", "en": "Council debate"},
    "study.question": {"nl": "Onderzoeksvraag", "en": "Research question"},
    "study.questions": {"nl": "Vraag en deelvragen", "en": "Question and sub-questions"},
    "study.sub_question": {"nl": "Deelvraag", "en": "Sub-question"},
    "study.norms": {"nl": "Normenkader", "en": "Norms"},
    "study.method": {"nl": "Aanpak", "en": "Method"},
    "study.documents": {"nl": "Documentenstudie", "en": "Document study"},
    "study.interviews": {"nl": "Interviews", "en": "Interviews"},
    "study.sessions": {"nl": "Werksessies en enquêtes", "en": "Workshops and surveys"},
    "study.person": {"nl": "Gesprekspartner", "en": "Interviewee"},
    "study.date": {"nl": "Datum", "en": "Date"},
    "study.listed_in": {"nl": "genoemd in", "en": "listed in"},
    "study.role": {"nl": "Functie", "en": "Role"},
    "study.findings": {"nl": "Bevindingen", "en": "Findings"},
    "study.finding": {"nl": "Bevinding", "en": "Finding"},
    "study.conclusions": {"nl": "Conclusies", "en": "Conclusions"},
    "study.conclusion": {"nl": "Conclusie", "en": "Conclusion"},
    "study.rests_on": {"nl": "Rust op de bevindingen", "en": "Rests on the findings"},
    "study.recommendations": {"nl": "Aanbevelingen", "en": "Recommendations"},
    "study.recommendation": {"nl": "Aanbeveling", "en": "Recommendation"},
    "study.follows_from": {"nl": "Volgt uit conclusie", "en": "Follows from conclusion"},
    "study.addressee": {"nl": "Gericht aan", "en": "Addressed to"},
    "study.response": {"nl": "Reactie van het college", "en": "The college's response"},
    "study.general_response": {"nl": "Bestuurlijke reactie", "en": "Administrative response"},
    "study.nawoord": {"nl": "Nawoord", "en": "Afterword (nawoord)"},
    "study.hearing": {"nl": "Hoor en wederhoor", "en": "Hearing (wederhoor)"},
    "study.hearing.page": {"nl": "Pag.", "en": "Page"},
    "study.hearing.draft_text": {"nl": "Tekst in het concept", "en": "Text of the draft"},
    "study.hearing.comment": {"nl": "Reactie", "en": "Comment"},
    "study.hearing.processing": {"nl": "Verwerking in eindrapport", "en": "Processing in the final report"},
    "study.hearing.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "study.hearing.by": {"nl": "Reactie van", "en": "Comments by"},
    "study.hearing.changed": {
        "nl": "{n} van de {total} reacties veranderden de tekst",
        "en": "{n} of the {total} comments changed the text",
    },
    "study.council": {"nl": "Besluit van de raad", "en": "The council's decision"},
    "study.amendments": {"nl": "Amendementen", "en": "Amendments"},
    "study.adopted": {"nl": "Aangenomen door de raad", "en": "Adopted by the council"},
    "study.follow_up": {"nl": "Opvolging", "en": "Follow-up"},
    "study.status": {"nl": "Stand", "en": "Status"},
    "study.since": {"nl": "sinds", "en": "since"},
    "study.deadline": {"nl": "Termijn", "en": "Term"},
    "study.deadline.assumed": {
        "nl": "aanname: standaardtermijn van {months} maanden na {basis}",
        "en": "assumption: default term of {months} months after {basis}",
    },
    "study.basis.council": {"nl": "het raadsbesluit", "en": "the council's decision"},
    "study.basis.final": {"nl": "het definitieve rapport", "en": "the final report"},
    "study.overdue": {"nl": "Over de termijn", "en": "Overdue"},
    "study.overdue_by": {"nl": "{days} dagen over de termijn", "en": "{days} days overdue"},
    "study.past_term_unknown": {
        "nl": "Termijn verstreken, stand onbekend",
        "en": "Term passed, status unknown",
    },
    "study.past_term_by": {"nl": "termijn {days} dagen verstreken", "en": "term passed {days} days ago"},
    "study.history": {"nl": "Verloop", "en": "History"},
    "study.recorded": {"nl": "vastgelegd door {who} op {when}", "en": "recorded by {who} on {when}"},
    "study.unknown": {"nl": "onbekend", "en": "unknown"},
    "study.unknown_because": {"nl": "onbekend: {why}", "en": "unknown: {why}"},
    "study.unchecked": {
        "nl": "niet gecontroleerd (programma's zijn nog geen onderdeel van het register)",
        "en": "not checked (programmes are not yet part of the register)",
    },
    "study.none": {"nl": "Geen onderzoeken in het register.", "en": "No studies in the register."},
    "study.findings_about": {"nl": "Bevindingen uit onderzoeken", "en": "Findings of audit studies"},
    "study.links": {"nl": "Gaat over", "en": "About"},
    "study.record_status": {"nl": "Stand vastleggen", "en": "Record a status"},
    "study.status_form.intro": {
        "nl": "Leg vast hoe het staat met de opvolging van deze aanbeveling: op welke datum, volgens welke bron en waarom. U ziet eerst een voorbeeld; pas daarna wordt het opgeslagen, op uw naam.",
        "en": "Record where the follow-up of this recommendation stands: on which date, according to which source and why. You see a preview first; only then is it saved, in your name.",
    },
    "study.status_form.source": {"nl": "Bron", "en": "Source"},
    "study.status_form.date": {"nl": "Datum waarop de stand gold", "en": "Date on which the status held"},
    "study.status_form.date_help": {
        "nl": "Mag onscherp zijn, zoals de bron het zegt: 15-03-2019, 2019-03, 2019-Q1 of 2019.",
        "en": "May be imprecise, as the source puts it: 2019-03-15, 2019-03, 2019-Q1 or 2019.",
    },
    "study.status_form.new_source": {"nl": "Of een nieuwe bron (titel)", "en": "Or a new source (title)"},
    "study.status_form.quote": {"nl": "Citaat uit de bron", "en": "Quote from the source"},
    "study.status_form.page": {"nl": "Pagina", "en": "Page"},
    "study.status_form.text": {"nl": "Wat er is gedaan", "en": "What was done"},
    "study.status_form.reason": {"nl": "Reden van de wijziging", "en": "Reason for the change"},
    "study.status_form.who": {"nl": "Vastgelegd door", "en": "Recorded by"},
    "study.status_form.preview": {"nl": "Voorbeeld bekijken", "en": "Preview"},
    "study.status_form.save": {"nl": "Opslaan", "en": "Save"},
    "study.status_form.preview_title": {
        "nl": "Voorbeeld: zo komt het in het register",
        "en": "Preview: this is what will be recorded",
    },
    "study.status_form.before": {"nl": "Nu", "en": "Now"},
    "study.status_form.after": {"nl": "Na opslaan", "en": "After saving"},
    "study.status_form.saved": {"nl": "Opgeslagen in wijziging {changeset}.", "en": "Saved in changeset {changeset}."},
    "study.status_form.unchanged": {
        "nl": "Niets veranderd: deze stand staat al zo in het register.",
        "en": "Nothing changed: this status is already recorded.",
    },
    "study.source_required": {
        "nl": "kies een bron of geef de titel van een nieuwe bron",
        "en": "choose a source or give the title of a new source",
    },
    # the monitor
    "monitor.title": {"nl": "Opvolging van aanbevelingen", "en": "Follow-up of recommendations"},
    "monitor.intro": {
        "nl": "Hoe staat het met de aanbevelingen van rekenkamers en rekenkamercommissies, per organisatie en per onderzoeker, op de gekozen datum? Een stand die geen bron geeft, telt als onbekend.",
        "en": "Where do the recommendations of audit offices stand, per organisation and per audit body, on the chosen date? A status no source gives counts as unknown.",
    },
    "monitor.at": {"nl": "Stand op", "en": "Status on"},
    "monitor.known_at": {"nl": "Zoals bekend op", "en": "As known on"},
    "monitor.by_organisation": {"nl": "Per organisatie", "en": "Per organisation"},
    "monitor.by_audit_body": {"nl": "Per rekenkamer(commissie)", "en": "Per audit body"},
    "monitor.total": {"nl": "Totaal", "en": "Total"},
    "monitor.share": {"nl": "Verdeling", "en": "Distribution"},
    "monitor.audit_body": {"nl": "Rekenkamer(commissie)", "en": "Audit body"},
    "monitor.all": {"nl": "alle", "en": "all"},
    "monitor.term_note": {
        "nl": "Zonder eigen termijn geldt een aanbeveling als verlopen {months} maanden na het raadsbesluit (of, zonder raadsbesluit, na het definitieve rapport); zo'n termijn is gemarkeerd als aanname.",
        "en": "Without a term of its own, a recommendation falls due {months} months after the council's decision (or, without one, after the final report); such a term is marked as an assumption.",
    },
    "monitor.none_overdue": {"nl": "Geen aanbevelingen over de termijn.", "en": "No overdue recommendations."},
    "monitor.orgs_without": {
        "nl": "{n} organisaties in het register zonder onderzoek met aanbevelingen.",
        "en": "{n} organisations in the register without a study with recommendations.",
    },
    # enum labels
    "study.state.open": {"nl": "open", "en": "open"},
    "study.state.in_uitvoering": {"nl": "in uitvoering", "en": "in progress"},
    "study.state.uitgevoerd": {"nl": "uitgevoerd", "en": "done"},
    "study.state.niet_uitgevoerd": {"nl": "niet uitgevoerd", "en": "not done"},
    "study.state.vervallen": {"nl": "vervallen", "en": "lapsed"},
    "study.state.niet_overgenomen": {"nl": "niet overgenomen door de raad", "en": "not adopted by the council"},
    "study.state.onbekend": {"nl": "onbekend", "en": "unknown"},
    "study.response.overgenomen": {"nl": "overgenomen", "en": "adopted"},
    "study.response.deels": {"nl": "deels overgenomen", "en": "partly adopted"},
    "study.response.niet": {"nl": "niet overgenomen", "en": "not adopted"},
    "study.response.onbekend": {"nl": "onbekend", "en": "unknown"},
    "study.addressee.raad": {"nl": "de raad", "en": "the council"},
    "study.addressee.college": {"nl": "het college", "en": "the college"},
    "study.addressee.raad_en_college": {"nl": "raad en college", "en": "council and college"},
    "study.addressee.onbekend": {"nl": "onbekend", "en": "unknown"},
    "study.outcome.aangepast": {"nl": "tekst aangepast", "en": "text changed"},
    "study.outcome.deels_aangepast": {"nl": "tekst deels aangepast", "en": "text partly changed"},
    "study.outcome.niet_aangepast": {"nl": "tekst niet aangepast", "en": "text not changed"},
    "study.method.documentstudie": {"nl": "documentenstudie", "en": "document study"},
    "study.method.interview": {"nl": "interview", "en": "interview"},
    "study.method.enquete": {"nl": "enquête", "en": "survey"},
    "study.method.werksessie": {"nl": "werksessie", "en": "workshop"},
    "study.link.units": {"nl": "Eenheden", "en": "Units"},
    "study.link.posts": {"nl": "Functies", "en": "Posts"},
    "study.link.cooperations": {"nl": "Samenwerkingen", "en": "Cooperations"},
    "study.link.events": {"nl": "Gebeurtenissen", "en": "Events"},
    "study.link.decisions": {"nl": "Besluiten", "en": "Decisions"},
    "study.link.programmes": {"nl": "Programma's", "en": "Programmes"},
    # the report
    "report.recommendations": {"nl": "Openstaande aanbevelingen", "en": "Open recommendations"},
    "report.recommendations.intro": {
        "nl": "Aanbevelingen van rekenkameronderzoeken over deze organisatie die op {date} niet zijn uitgevoerd, vervallen of door de raad verworpen — ook die waarvan de stand onbekend is.",
        "en": "Recommendations of audit studies about this organisation that on {date} are not done, lapsed or rejected by the council — including those whose status is unknown.",
    },
    "report.recommendations.assumed": {
        "nl": "Gemarkeerde rijen: de termijn is een aanname (de standaardtermijn), geen termijn uit een bron.",
        "en": "Marked rows: the term is an assumption (the default term), not a term from a source.",
    },
    "report.recommendations.none": {
        "nl": "Geen openstaande aanbevelingen in het register.",
        "en": "No open recommendations in the register.",
    },
    # the CLI
    "cli.studies.none": {"nl": "Geen onderzoeken gevonden.", "en": "No studies found."},
    "cli.recommendations.none": {"nl": "Geen aanbevelingen gevonden.", "en": "No recommendations found."},
    "cli.follow_up.saved": {
        "nl": "Stand vastgelegd in wijziging {changeset}.",
        "en": "Status recorded in changeset {changeset}.",
    },
    "cli.follow_up.dry_run": {"nl": "Proefrun: er is niets opgeslagen.", "en": "Dry run: nothing was saved."},
}

# (English pattern, Dutch template) for the checks' messages, added to i18n/errors.py.
STUDY_ERROR_PATTERNS: list[tuple[str, str]] = [
    (
        r"unknown conclusion '(.+?)'; expected one of (.+)",
        r"onbekende conclusie '\1'; verwacht een van: \2",
    ),
    (r"unknown finding '(.+?)' in this study", r"onbekende bevinding '\1' in dit onderzoek"),
    (
        r"unknown sub-question '(.+?)'; expected one of (.+)",
        r"onbekende deelvraag '\1'; verwacht een van: \2",
    ),
    (
        r"recommendation number '(.+?)' is used twice in this study \(also at (.+)\)",
        r"aanbeveling '\1' komt twee keer voor in dit onderzoek (ook bij \2)",
    ),
    (
        r"conclusion number '(.+?)' is used twice in this study \(also at (.+)\)",
        r"conclusie '\1' komt twee keer voor in dit onderzoek (ook bij \2)",
    ),
    (
        r"finding id '(.+?)' is used twice in this study \(also at (.+)\)",
        r"bevinding-id '\1' komt twee keer voor in dit onderzoek (ook bij \2)",
    ),
    (
        r"sub-question number '(.+?)' is used twice in this study",
        r"deelvraag '\1' komt twee keer voor in dit onderzoek",
    ),
    (
        r"an interview needs its date \(a fuzzy date such as 2017 or 2017-10\)",
        "een interview heeft een datum nodig (ook een onscherpe, zoals 2017 of 2017-10)",
    ),
    (
        r"a (documentstudie|interview) needs its source \(the id of a source in 'sources'\)",
        r"een \1 heeft een bron nodig (de id van een bron in 'sources')",
    ),
    (
        r"the status is dated (.+?), before the study '(.+?)' \((.+?)\); expected a date on or after it",
        r"de stand is gedateerd \1, vóór het onderzoek '\2' (\3); verwacht een datum op of na die dag",
    ),
    (
        r"unknown recommendation '(.+?)' of study '(.+?)'; expected one of (.+)",
        r"onbekende aanbeveling '\1' van onderzoek '\2'; verwacht een van: \3",
    ),
    (r"unknown recommendation '(.+?)'", r"onbekende aanbeveling '\1'"),
    (r"unknown study '(.+?)'; expected one of (.+)", r"onbekend onderzoek '\1'; verwacht een van: \2"),
    (r"study id '(.+?)' is used twice \(also at (.+)\)", r"onderzoek-id '\1' komt twee keer voor (ook bij \2)"),
    (
        r"unknown organisation '(.+?)'; the audit body must be an organisation in the register",
        r"onbekende organisatie '\1'; de rekenkamer(commissie) moet een organisatie in het register zijn",
    ),
    (r"unknown organisation '(.+?)'", r"onbekende organisatie '\1'"),
    (r"unknown source '(.+?)'", r"onbekende bron '\1'"),
    (r"unknown decision '(.+?)'", r"onbekend besluit '\1'"),
    (r"unknown unit '(.+?)' of (.+)", r"onbekende eenheid '\1' van \2"),
    (r"unknown post '(.+?)' of (.+)", r"onbekende functie '\1' van \2"),
    (r"unknown event '(.+?)' of (.+)", r"onbekende gebeurtenis '\1' van \2"),
    (r"unknown decision '(.+?)' of (.+)", r"onbekend besluit '\1'"),
    (r"unknown cooperation '(.+?)' of (.+)", r"onbekende samenwerking '\1'"),
    (r"unknown programme '(.+?)' of (.+)", r"onbekend programma '\1'"),
    (
        r"organisation '(.+?)' is not one the study(?: '(.+?)')? is about(.*)",
        r"organisatie '\1' is geen organisatie waarover het onderzoek gaat\3",
    ),
    (
        r"a status for recommendation '(.+?)' on (.+?) is given twice \(also at (.+?)\); give each its own id",
        r"een stand voor aanbeveling '\1' op \2 staat er twee keer (ook bij \3); geef elk een eigen id",
    ),
    (r"expected the date on which the status held", "verwacht de datum waarop de stand gold"),
    (
        r"the final report \((.+?)\) is dated before the start \((.+?)\)",
        r"het definitieve rapport (\1) is gedateerd vóór de start (\2)",
    ),
    (
        r"expected the audit body \(an organisation in the register\)",
        "verwacht de rekenkamer(commissie) (een organisatie in het register)",
    ),
    (
        r"expected the organisations the study is about \(or the dataset's 'organisation'\)",
        "verwacht de organisaties waarover het onderzoek gaat (of de 'organisation' van de dataset)",
    ),
    (r"a reason is required", "een reden is verplicht"),
    (
        r"choose a source or give the title of a new source",
        "kies een bron of geef de titel van een nieuwe bron",
    ),
    (r"study '(.+?)' not found: (.+)", r"onderzoek '\1' niet gevonden: \2"),
    (r"recommendation '(.+?)' not found: (.+)", r"aanbeveling '\1' niet gevonden: \2"),
]
