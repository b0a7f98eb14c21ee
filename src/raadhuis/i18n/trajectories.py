"""Words of the cooperation trajectories (samenwerkingstrajecten) and the 3K assessment.

Merged into the catalogue by one line at the end of i18n/messages.py; the Dutch patterns of
the sections' check messages are added to i18n/errors.py the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from raadhuis.domain.dates import DateError
from raadhuis.domain.written_dates import parse_written
from raadhuis.i18n.formatting import MONTHS, format_day

MESSAGES: dict[str, dict[str, str]] = {
    "traj.trajectories": {"nl": "Samenwerkingstrajecten", "en": "Cooperation trajectories"},
    "traj.trajectory": {"nl": "Samenwerkingstraject", "en": "Cooperation trajectory"},
    "traj.none": {
        "nl": "Geen samenwerkingstrajecten in het register.",
        "en": "No cooperation trajectories in the register.",
    },
    "traj.participants": {"nl": "Deelnemers", "en": "Participants"},
    "traj.origin": {"nl": "Aanleiding", "en": "Origin"},
    "traj.questions": {"nl": "Vragen van de verkenning", "en": "Questions of the exploration"},
    "traj.criteria": {"nl": "Afbakening, doelen en criteria", "en": "Constraints, goals and criteria"},
    "traj.governance": {"nl": "Sturing", "en": "Governance"},
    "traj.members": {"nl": "Leden (naar functie)", "en": "Members (by post)"},
    "traj.phases": {"nl": "Fasen", "en": "Phases"},
    "traj.milestones": {"nl": "Mijlpalen", "en": "Milestones"},
    "traj.time_axis": {"nl": "Mijlpalen op de tijdas", "en": "Milestones on a time axis"},
    "traj.tasks": {"nl": "Kandidaat-taken", "en": "Candidate tasks"},
    "traj.task": {"nl": "Taak", "en": "Task"},
    "traj.task_field": {"nl": "Taakveld", "en": "Task field"},
    "traj.no_task_field": {"nl": "geen taakveld (benoemde taak)", "en": "no task field (a named task)"},
    "traj.pro_memorie": {"nl": "pro memorie", "en": "pro memoria"},
    "traj.pm_help": {
        "nl": "'pm': genoemd, maar (nog) niet opgepakt.",
        "en": "'pm' (pro memoria): named, but not (yet) taken up.",
    },
    "traj.options": {"nl": "Opties", "en": "Options"},
    "traj.options_count": {"nl": "{n} optie(s)", "en": "{n} option(s)"},
    "traj.no_options": {
        "nl": "Voor deze taak zijn nog geen opties vastgelegd.",
        "en": "No options have been recorded for this task yet.",
    },
    "traj.side_by_side": {"nl": "Opties naast elkaar", "en": "Options side by side"},
    "traj.assess": {"nl": "Opties beoordelen", "en": "Assess options"},
    "traj.scores_chart": {"nl": "Scores per criterium", "en": "Scores per criterion"},
    "traj.scale": {"nl": "Schaal", "en": "Scale"},
    "traj.criterion": {"nl": "Criterium", "en": "Criterion"},
    "traj.score": {"nl": "Score", "en": "Score"},
    "traj.reasoning": {"nl": "Onderbouwing", "en": "Reasoning"},
    "traj.by": {"nl": "Beoordeeld door", "en": "Scored by"},
    "traj.not_scored": {"nl": "niet beoordeeld", "en": "not scored"},
    "traj.words_only": {"nl": "oordeel zonder score", "en": "judgement without a score"},
    "traj.register_figures": {
        "nl": "Kwetsbaarheid volgens het register (per deelnemer)",
        "en": "Vulnerability according to the register (per participant)",
    },
    "traj.register_help": {
        "nl": "De eigen cijfers van het register op {at}, naast het oordeel: formatie en bezetting op deze taak, "
        "formatieplaatsen, afhankelijkheid van één persoon en vacatures. Ontbrekende gegevens staan als ontbrekend.",
        "en": "The register's own figures on {at}, beside the judgement: budgeted and staffed FTE on this task, "
        "posts, dependence on a single person and vacancies. Missing data is shown as missing.",
    },
    "traj.budgeted": {"nl": "Formatie (fte)", "en": "Budgeted FTE"},
    "traj.staffed": {"nl": "Bezetting (fte)", "en": "Staffed FTE"},
    "traj.posts": {"nl": "Formatieplaatsen", "en": "Posts"},
    "traj.people": {"nl": "Personen", "en": "People"},
    "traj.single_person": {"nl": "Eén persoon", "en": "Single person"},
    "traj.vacancy": {"nl": "Vacant", "en": "Vacant"},
    "traj.external": {"nl": "Ingehuurd/ingeleend", "en": "Hired/borrowed"},
    "traj.vulnerability_score": {"nl": "Kwetsbaarheidsscore (0–100)", "en": "Vulnerability score (0–100)"},
    "traj.missing": {"nl": "ontbreekt", "en": "missing"},
    "traj.rests_on_assumption": {
        "nl": "rust op aannames (gebeurtenissen {ids})",
        "en": "rests on assumptions (events {ids})",
    },
    "traj.missing.no_units": {
        "nl": "{org} heeft op {at} geen eenheden in het register",
        "en": "{org} has no units in the register on {at}",
    },
    "traj.missing.not_linked": {
        "nl": "de taak is voor {org} niet aan een taakveld of eenheid gekoppeld",
        "en": "the task is not linked to a task field or unit for {org}",
    },
    "traj.missing.no_unit_with_field": {
        "nl": "geen eenheid van {org} draagt taakveld {code}",
        "en": "no unit of {org} carries task field {code}",
    },
    "traj.missing.unit_gone": {
        "nl": "eenheid {unit} bestaat op {at} niet bij {org}",
        "en": "unit {unit} does not exist at {org} on {at}",
    },
    "traj.pool": {"nl": "Regionale pool: verdeling van de kosten", "en": "Regional pool: the cost split"},
    "traj.pool_help": {
        "nl": "Het aandeel van elke deelnemer per verdeelsleutel; de gekozen sleutel is gemarkeerd. Ontbreekt één "
        "gegeven, dan is de hele verdeling onbekend.",
        "en": "Each participant's share per cost key; the chosen key is marked. When one figure is missing, "
        "the whole split is unknown.",
    },
    "traj.pool_cost": {"nl": "Kosten van de pool", "en": "Cost of the pool"},
    "traj.pool_specialists": {"nl": "Gedeelde specialisten", "en": "Shared specialists"},
    "traj.key": {"nl": "Verdeelsleutel", "en": "Cost key"},
    "traj.key.inhabitants": {"nl": "inwoners", "en": "inhabitants"},
    "traj.key.fte": {"nl": "fte op de taak (register)", "en": "FTE on the task (register)"},
    "traj.key.expected_use": {"nl": "verwacht gebruik", "en": "expected use"},
    "traj.chosen_key": {"nl": "gekozen", "en": "chosen"},
    "traj.no_key": {"nl": "nog geen sleutel gekozen", "en": "no key chosen yet"},
    "traj.weight": {"nl": "Grondslag", "en": "Basis"},
    "traj.share": {"nl": "Aandeel", "en": "Share"},
    "traj.amount": {"nl": "Bedrag per jaar", "en": "Amount per year"},
    "traj.split_incomplete": {
        "nl": "onbekend: ontbreekt voor {orgs}",
        "en": "unknown: missing for {orgs}",
    },
    "traj.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "traj.outcomes": {"nl": "Wat het opleverde", "en": "What it brought"},
    "traj.became": {"nl": "Werd samenwerking", "en": "Became cooperation"},
    "traj.from_trajectory": {"nl": "Traject", "en": "Trajectory"},
    "traj.expected": {"nl": "Verwacht", "en": "Expected"},
    "traj.realised": {"nl": "Bereikt", "en": "Brought"},
    "traj.no_outcomes": {
        "nl": "Geen uitkomsten van samenwerkingen vastgelegd.",
        "en": "No cooperation outcomes recorded.",
    },
    "traj.outcome_details": {"nl": "Onderbouwing en citaten", "en": "Reasoning and quotes"},
    "traj.rationale": {"nl": "Waarom gekozen", "en": "Why chosen"},
    "traj.window": {"nl": "Periode", "en": "Window"},
    "traj.as_written": {"nl": "Zoals geschreven", "en": "As written"},
    "traj.approximate": {"nl": "bij benadering", "en": "approximately"},
    "traj.window_passed": {"nl": "periode voorbij", "en": "window passed"},
    "traj.decision_moment": {"nl": "beslismoment", "en": "decision moment"},
    "web.kind.trajectory": {"nl": "Samenwerkingstrajecten", "en": "Cooperation trajectories"},
    "web.kind.assessment": {"nl": "Beoordelingen", "en": "Assessments"},
    "web.kind.cooperation_outcome": {"nl": "Uitkomsten van samenwerkingen", "en": "Cooperation outcomes"},
    "traj.prec.day": {"nl": "dag", "en": "day"},
    "traj.prec.month": {"nl": "maand", "en": "month"},
    "traj.prec.quarter": {"nl": "kwartaal", "en": "quarter"},
    "traj.prec.season": {"nl": "seizoen", "en": "season"},
    "traj.prec.half": {"nl": "halfjaar", "en": "half year"},
    "traj.prec.year": {"nl": "jaar", "en": "year"},
    "traj.precision": {"nl": "Nauwkeurigheid", "en": "Precision"},
    "traj.yes": {"nl": "ja", "en": "yes"},
    "traj.no": {"nl": "nee", "en": "no"},
    "traj.today": {"nl": "vandaag", "en": "today"},
    "traj.body": {"nl": "Wie", "en": "Who"},
    "traj.add_option": {"nl": "Optie toevoegen", "en": "Add an option"},
    "traj.record_milestone": {"nl": "Mijlpaal vastleggen", "en": "Record a milestone"},
    "traj.score_option": {"nl": "Optie beoordelen", "en": "Score an option"},
    "traj.recorded_as": {"nl": "Wordt vastgelegd onder de naam {who}.", "en": "Recorded under the name {who}."},
    "traj.preview": {"nl": "Voorbeeld bekijken", "en": "Preview"},
    "traj.preview_title": {"nl": "Voorbeeld: dit wordt vastgelegd", "en": "Preview: this will be recorded"},
    "traj.preview_help": {
        "nl": "Gecontroleerd zoals een import; er is nog niets opgeslagen. Sla op om het vast te leggen onder uw naam.",
        "en": "Checked as an import is; nothing has been written yet. Save to record it under your name.",
    },
    "traj.saved": {"nl": "Opgeslagen in wijziging {changeset}.", "en": "Saved as changeset {changeset}."},
    "traj.unchanged": {
        "nl": "Niets veranderd; er is niets vastgelegd.",
        "en": "Nothing changed; nothing was recorded.",
    },
    "traj.option_id": {"nl": "Id van de optie", "en": "Option id"},
    "traj.option_kind": {"nl": "Soort optie", "en": "Kind of option"},
    "traj.legal_form": {"nl": "Rechtsvorm", "en": "Legal form"},
    "traj.centre": {"nl": "Centrumgemeente", "en": "Centre municipality"},
    "traj.description": {"nl": "Toelichting", "en": "Description"},
    "traj.source_id": {"nl": "Bron", "en": "Source"},
    "traj.quote": {"nl": "Citaat uit de bron", "en": "Quote from the source"},
    "traj.assumption_text": {
        "nl": "Aanname (wat is aangenomen en waarom)",
        "en": "Assumption (what is assumed and why)",
    },
    "traj.evidence_help": {
        "nl": "Geef een bron (met citaat) of schrijf op wat u aanneemt en waarom.",
        "en": "Give a source (with a quote) or write down what you assume and why.",
    },
    "traj.title": {"nl": "Titel", "en": "Title"},
    "traj.date_written": {"nl": "Datum zoals geschreven", "en": "Date as written"},
    "traj.date_help": {
        "nl": "Zoals de bron schrijft: 'februari 2008', 'na de zomer 2008', 'begin 2009', 'vierde kwartaal 2008'.",
        "en": "As the source writes it: 'februari 2008', 'na de zomer 2008', 'begin 2009', 'vierde kwartaal 2008'.",
    },
    "traj.phase": {"nl": "Fase", "en": "Phase"},
    "traj.figures_at": {"nl": "Registercijfers van", "en": "Register figures of"},
    "traj.score_help": {
        "nl": "Een score op de schaal van het traject ({scale}); laat leeg voor een oordeel zonder score.",
        "en": "A score on the trajectory's scale ({scale}); leave empty for a judgement without a score.",
    },
    "traj.own_criteria": {"nl": "Eigen criteria van het traject", "en": "The trajectory's own criteria"},
    "traj.three_k": {"nl": "De 3K's", "en": "The 3K's"},
    "traj.summary": {
        "nl": "{participants} · {tasks} taken · {milestones} mijlpalen",
        "en": "{participants} · {tasks} tasks · {milestones} milestones",
    },
    "traj.next_milestone": {"nl": "Volgende mijlpaal", "en": "Next milestone"},
    "traj.on_timeline": {
        "nl": "Mijlpalen van samenwerkingstrajecten",
        "en": "Milestones of cooperation trajectories",
    },
    # the 3K's and the kinds of criteria
    "traj.k.kosten": {"nl": "Kosten", "en": "Costs"},
    "traj.k.kwaliteit": {"nl": "Kwaliteit", "en": "Quality"},
    "traj.k.kwetsbaarheid": {"nl": "Kwetsbaarheid", "en": "Vulnerability"},
    "traj.ck.goal": {"nl": "doel", "en": "goal"},
    "traj.ck.constraint": {"nl": "afbakening", "en": "constraint"},
    "traj.ck.criterion": {"nl": "criterium", "en": "criterion"},
    "traj.ck.driver": {"nl": "aanleiding", "en": "driver"},
    "traj.ck.3k": {"nl": "3K", "en": "3K"},
    "traj.ckp.goal": {"nl": "Doelen", "en": "Goals"},
    "traj.ckp.constraint": {"nl": "Afbakening", "en": "Constraints"},
    "traj.ckp.criterion": {"nl": "Criteria", "en": "Criteria"},
    "traj.ckp.driver": {"nl": "Aanleidingen", "en": "Drivers"},
    # statuses
    "traj.st.proposed": {"nl": "voorgesteld", "en": "proposed"},
    "traj.st.exploring": {"nl": "lopend", "en": "exploring"},
    "traj.st.decided": {"nl": "besloten", "en": "decided"},
    "traj.st.stopped": {"nl": "gestopt", "en": "stopped"},
    "traj.st.completed": {"nl": "afgerond", "en": "completed"},
    "traj.ms.planned": {"nl": "gepland", "en": "planned"},
    "traj.ms.realised": {"nl": "gehouden", "en": "took place"},
    "traj.ms.not_realised": {"nl": "niet doorgegaan", "en": "did not take place"},
    # option kinds
    "traj.ok.alone": {"nl": "zelfstandig blijven", "en": "stay alone"},
    "traj.ok.service_agreement": {
        "nl": "dienstverlening door een centrumgemeente",
        "en": "service agreement with a centre municipality",
    },
    "traj.ok.shared_service": {
        "nl": "gezamenlijke uitvoeringsorganisatie (bedrijfsvoeringsorganisatie)",
        "en": "shared service organisation (bedrijfsvoeringsorganisatie)",
    },
    "traj.ok.joint_unit": {"nl": "één gezamenlijke eenheid", "en": "one joint unit"},
    "traj.ok.pool": {"nl": "regionale pool van specialisten", "en": "regional pool of specialists"},
    "traj.ok.other": {"nl": "andere vorm", "en": "other form"},
    # effects
    "traj.ek.expected": {"nl": "verwacht", "en": "expected"},
    "traj.ek.realised": {"nl": "bereikt", "en": "brought"},
    "traj.dir.improved": {"nl": "verbeterd", "en": "improved"},
    "traj.dir.worsened": {"nl": "verslechterd", "en": "worsened"},
    "traj.dir.unchanged": {"nl": "gelijk gebleven", "en": "unchanged"},
    "traj.dir.mixed": {"nl": "gemengd", "en": "mixed"},
    "traj.at_least": {"nl": "ten minste", "en": "at least"},
    "traj.at_most": {"nl": "hoogstens", "en": "at most"},
    "traj.per.year": {"nl": "per jaar", "en": "per year"},
    "traj.per.once": {"nl": "eenmalig", "en": "once"},
    # the default scale (-2..2) when a trajectory declares no labels
    "traj.scale.-2": {"nl": "veel slechter", "en": "much worse"},
    "traj.scale.-1": {"nl": "slechter", "en": "worse"},
    "traj.scale.0": {"nl": "gelijk", "en": "the same"},
    "traj.scale.1": {"nl": "beter", "en": "better"},
    "traj.scale.2": {"nl": "veel beter", "en": "much better"},
}

# The sections' check messages in Dutch: (English pattern, Dutch template), as in i18n/errors.py.
ERROR_PATTERNS: list[tuple[str, str]] = [
    (
        r"organisation '(.+?)' is not in the register; declare it in 'organisations' or import it first \(raadhuis import-cbs\)",
        r"organisatie '\1' staat niet in het register; neem haar op onder 'organisations' of lees haar eerst in (raadhuis import-cbs)",
    ),
    (
        r"organisation '(.+?)' is not a participant of trajectory '(.+?)'",
        r"organisatie '\1' is geen deelnemer van traject '\2'",
    ),
    (
        r"option '(.+?)' is for task '(.+?)', which is not a task of trajectory '(.+?)'",
        r"optie '\1' is voor taak '\2', maar dat is geen taak van traject '\3'",
    ),
    (r"option '(.+?)' is not an option of trajectory '(.+?)'", r"optie '\1' is geen optie van traject '\2'"),
    (r"option '(.+?)' is not an option of task '(.+?)'", r"optie '\1' is geen optie van taak '\2'"),
    (r"option '(.+?)' is for task '(.+?)', not '(.+?)'", r"optie '\1' is voor taak '\2', niet voor '\3'"),
    (r"task '(.+?)' is not a task of trajectory '(.+?)'", r"taak '\1' is geen taak van traject '\2'"),
    (
        r"score (\S+) is off the scale (\S+)(?: step (\S+))? of trajectory '(.+?)'",
        r"score \1 valt buiten de schaal \2 van traject '\4'",
    ),
    (r"unknown criterion '(.+?)'; expected one of (.+)", r"onbekend criterium '\1'; verwacht een van: \2"),
    (r"criterion '(.+?)' is scored twice", r"criterium '\1' is twee keer beoordeeld"),
    (
        r"unknown trajectory '(.+?)'; expected one in the dataset or the register",
        r"onbekend traject '\1'; verwacht een traject uit de dataset of het register",
    ),
    (r"unknown trajectory '(.+?)'", r"onbekend traject '\1'"),
    (
        r"unknown cooperation '(.+?)'; expected one in the dataset or the register",
        r"onbekende samenwerking '\1'; verwacht een samenwerking uit de dataset of het register",
    ),
    (
        r"organisation '(.+?)' does not take part in cooperation '(.+?)'",
        r"organisatie '\1' neemt geen deel aan samenwerking '\2'",
    ),
    (r"cooperation '(.+?)' has two outcome records", r"samenwerking '\1' heeft twee uitkomstrecords"),
    (
        r"unknown source '(.+?)'; expected one of the sources listed",
        r"onbekende bron '\1'; verwacht een van de opgenomen bronnen",
    ),
    (r"unknown phase '(.+?)'; expected one of the phases", r"onbekende fase '\1'; verwacht een van de fasen"),
    (r"task field '(.+?)' is not on the BBV list of task fields", r"taakveld '\1' staat niet op de BBV-lijst"),
    (r"(\w+) '(.+?)' is listed twice", r"'\2' staat twee keer in de lijst"),
    (
        r"option '(.+?)' of '(.+?)' is assessed twice by '(.+?)'",
        r"optie '\1' van '\2' is twee keer beoordeeld door '\3'",
    ),
    (r"a trajectory needs at least one participant", "een traject heeft minstens één deelnemer nodig"),
    (r"only an option of kind 'pool' has a pool", "alleen een optie van soort 'pool' heeft een pool"),
    (r"the phase ends \((.+?)\) before it starts \((.+?)\)", r"de fase eindigt (\1) voordat zij begint (\2)"),
    (
        r"a task or option needs the trajectory it belongs to",
        "een taak of optie heeft het traject nodig waar zij bij hoort",
    ),
    (
        r"'(.+?)' is one of the 3K's, which every trajectory has already",
        r"'\1' is een van de 3K's; die heeft elk traject al",
    ),
    (
        r"expected (a date as written, .+), got (.+)",
        r"verwacht een datum zoals geschreven, bijv. 'februari 2008', 'na de zomer 2008', 'begin 2009', 'vierde kwartaal 2008', '13 september 2011', of JJJJ, JJJJ-MM, JJJJ-MM-DD, JJJJ-Q1..Q4; gevonden: \2",
    ),
    (r"trajectory '(.+?)' not found", r"samenwerkingstraject '\1' niet gevonden"),
    (r"task '(.+?)' not found: in trajectory (.+)", r"taak '\1' niet gevonden in traject \2"),
    (r"a score needs who scored \(by\)", "een beoordeling heeft nodig wie beoordeelde (by)"),
    (
        r"who is required: the name under which the change is recorded",
        "wie is verplicht: de naam waaronder de wijziging wordt vastgelegd",
    ),
    (r"a reason is required", "een reden is verplicht"),
    (r"a quote needs the source it comes from", "een citaat heeft de bron nodig waar het uit komt"),
    (
        r"expected a source or an assumption \(what is assumed and why\)",
        "verwacht een bron of een aanname (wat is aangenomen en waarom)",
    ),
    (r"a score needs its reasoning", "een score heeft een onderbouwing nodig"),
    (r"expected at least one score or judgement", "verwacht minstens één score of oordeel"),
    (r"expected a number, got (.+)", r"verwacht een getal; gevonden: \1"),
    (r"option '(.+?)' already exists in trajectory '(.+?)'", r"optie '\1' bestaat al in traject '\2'"),
    (
        r"milestone '(.+?)' already exists in trajectory '(.+?)'; give it its own id",
        r"mijlpaal '\1' bestaat al in traject '\2'; geef haar een eigen id",
    ),
]


def day_text(day: date, lang: str = "nl") -> str:
    """'1 januari 2012' (English '1 January 2012'): the one rule in i18n/formatting."""
    return format_day(day, lang)


def window_text(start: date, end: date, approximate: bool, lang: str = "nl") -> str:
    """The days a written date is read as: '1 juni – 31 augustus 2008 (bij benadering)'."""
    months = MONTHS["en" if lang == "en" else "nl"]

    def day(d: date, with_year: bool) -> str:
        return f"{d.day} {months[d.month - 1]}" + (f" {d.year}" if with_year else "")

    text = format_day(start, lang) if start == end else f"{day(start, start.year != end.year)} – {day(end, True)}"
    if approximate:
        text += " (" + MESSAGES["traj.approximate"]["en" if lang == "en" else "nl"] + ")"
    return text


CHANGE_MESSAGES: dict[str, dict[str, str]] = {
    "traj.change.option": {
        "nl": "Nieuwe optie ‘{name}’ voor de taak {task}: {kind}",
        "en": "New option ‘{name}’ for the task {task}: {kind}",
    },
    "traj.change.legal_form": {"nl": "Rechtsvorm: {name}", "en": "Legal form: {name}"},
    "traj.change.centre": {"nl": "Centrumgemeente: {name}", "en": "Centre municipality: {name}"},
    "traj.change.pool_key": {"nl": "Verdeelsleutel: {name}", "en": "Cost key: {name}"},
    "traj.change.description": {"nl": "Toelichting: {text}", "en": "Description: {text}"},
    "traj.change.milestone": {
        "nl": "Mijlpaal ‘{title}’ ({date}): {status}",
        "en": "Milestone ‘{title}’ ({date}): {status}",
    },
    "traj.change.phase": {"nl": "In de fase: {name}", "en": "In the phase: {name}"},
    "traj.change.decision_moment": {"nl": "Dit is een beslismoment", "en": "This is a decision moment"},
    "traj.change.body": {"nl": "Wie: {name}", "en": "Who: {name}"},
    "traj.change.decision": {"nl": "Besluit: {text}", "en": "Decision: {text}"},
    "traj.change.assessment": {
        "nl": "Beoordeling van de optie ‘{option}’ door {by}",
        "en": "Assessment of the option ‘{option}’ by {by}",
    },
    "traj.change.on": {"nl": "op {date}", "en": "on {date}"},
    "traj.change.score": {
        "nl": "{criterion}: score {score} — {reasoning}",
        "en": "{criterion}: score {score} — {reasoning}",
    },
    "traj.change.judgement": {
        "nl": "{criterion}: oordeel zonder score — {reasoning}",
        "en": "{criterion}: judgement without a score — {reasoning}",
    },
    "traj.change.figures_at": {"nl": "Registercijfers van {date}", "en": "Register figures of {date}"},
    "traj.change.source": {"nl": "Bron: {title}", "en": "Source: {title}"},
    "traj.change.quote": {"nl": "Citaat: “{quote}”", "en": "Quote: “{quote}”"},
    "traj.change.assumption": {"nl": "Aanname: {text}", "en": "Assumption: {text}"},
}
MESSAGES.update(CHANGE_MESSAGES)


def _t(key: str, lang: str, **values: object) -> str:
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text


def _score_words(value: float, lang: str) -> str:
    text = f"{value:+g}" if value else "0"
    return text if lang == "en" else text.replace(".", ",")


def change_lines(kind: str, item: dict[str, Any], names: dict[str, dict[str, str]], lang: str = "nl") -> list[str]:
    """What a trajectory form will record, in words (the preview): 'Nieuwe optie ‘…’ voor de taak
    Juridische zaken: dienstverlening door een centrumgemeente', 'Mijlpaal ‘…’ (na de zomer 2008,
    1 juni – 31 augustus 2008): gehouden', 'Kosten: score +1 — …'; then the evidence (a source by its
    title, the quote) or the assumption. ``names`` maps ids to names per kind of thing (task, option,
    organisation, phase, criterion, source, legal_form). Never a record key or code."""

    def name(of: str, key: Any) -> str:
        return names.get(of, {}).get(str(key), str(key))

    lines: list[str] = []
    if kind == "option":
        okind = f"traj.ok.{item.get('kind')}"
        words = _t(okind, lang) if okind in MESSAGES else str(item.get("kind", ""))
        lines.append(
            _t("traj.change.option", lang, name=item.get("name", ""), task=name("task", item.get("task")), kind=words)
        )
        if item.get("legal_form"):
            lines.append(_t("traj.change.legal_form", lang, name=name("legal_form", item["legal_form"])))
        if item.get("centre"):
            lines.append(_t("traj.change.centre", lang, name=name("organisation", item["centre"])))
        if (item.get("pool") or {}).get("key"):
            lines.append(_t("traj.change.pool_key", lang, name=_t(f"traj.key.{item['pool']['key']}", lang)))
    elif kind == "milestone":
        when = str(item.get("date", ""))
        try:
            wd = parse_written(when)
            when = f"{when}, {window_text(wd.start, wd.end, wd.approximate, lang)}"
        except DateError:
            pass
        status = f"traj.ms.{item.get('status')}"
        words = _t(status, lang) if status in MESSAGES else str(item.get("status", ""))
        lines.append(_t("traj.change.milestone", lang, title=item.get("title", ""), date=when, status=words))
        if item.get("phase"):
            lines.append(_t("traj.change.phase", lang, name=name("phase", item["phase"])))
        if item.get("decision_moment"):
            lines.append(_t("traj.change.decision_moment", lang))
        if item.get("body"):
            lines.append(_t("traj.change.body", lang, name=name("organisation", item["body"])))
        if item.get("decision"):
            lines.append(_t("traj.change.decision", lang, text=item["decision"]))
    elif kind == "score":
        head = _t("traj.change.assessment", lang, option=name("option", item.get("option")), by=item.get("by", ""))
        if item.get("date"):
            head += " " + _t("traj.change.on", lang, date=item["date"])
        lines.append(head)
        for s in item.get("scores", []):
            criterion = name("criterion", s["criterion"])
            reasoning = s.get("reasoning", "")
            if s.get("score") is not None:
                score = _score_words(float(s["score"]), lang)
                lines.append(_t("traj.change.score", lang, criterion=criterion, score=score, reasoning=reasoning))
            else:
                lines.append(_t("traj.change.judgement", lang, criterion=criterion, reasoning=reasoning))
            if s.get("figures_at"):
                try:
                    at = day_text(date.fromisoformat(s["figures_at"]), lang)
                except ValueError:
                    at = s["figures_at"]
                lines.append(_t("traj.change.figures_at", lang, date=at))
    if item.get("description"):
        lines.append(_t("traj.change.description", lang, text=item["description"]))
    for cited in item.get("sources", []):
        source = cited["source"] if isinstance(cited, dict) else cited
        lines.append(_t("traj.change.source", lang, title=name("source", source)))
        if isinstance(cited, dict) and cited.get("quote"):
            lines.append(_t("traj.change.quote", lang, quote=cited["quote"]))
    if item.get("assumption"):
        lines.append(_t("traj.change.assumption", lang, text=item["assumption"]))
    return lines
