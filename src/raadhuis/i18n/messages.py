"""The message catalogue: key → {"nl": ..., "en": ...}. Domain words follow the glossary."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # general
    "app.title": {"nl": "Raadhuis", "en": "Raadhuis"},
    "app.tagline": {"nl": "Register van de ambtelijke organisatie", "en": "Register of the municipal civil service"},
    "error": {"nl": "Fout", "en": "Error"},
    "errors.count": {"nl": "{n} fout(en); er is niets opgeslagen.", "en": "{n} error(s); nothing was written."},
    "not_found": {"nl": "Niet gevonden", "en": "Not found"},
    "database": {"nl": "Database", "en": "Database"},
    "schema_revision": {"nl": "Schemaversie", "en": "Schema revision"},
    "organisations": {"nl": "Organisaties", "en": "Organisations"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "units": {"nl": "Eenheden", "en": "Units"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "posts": {"nl": "Formatieplaatsen", "en": "Posts"},
    "events": {"nl": "Gebeurtenissen", "en": "Events"},
    "changesets": {"nl": "Wijzigingen vastgelegd", "en": "Changes recorded"},
    "id": {"nl": "Id", "en": "Id"},
    "name": {"nl": "Naam", "en": "Name"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "parent": {"nl": "Valt onder", "en": "Parent"},
    "fte": {"nl": "Formatie (fte)", "en": "Budgeted FTE"},
    # Filled FTE: employees, hire and loans in — not the BBV bezetting (own employees only, indicators).
    "filled_fte": {"nl": "Bezetting incl. inhuur en inleen (fte)", "en": "Filled FTE (incl. hire and loans in)"},
    "date": {"nl": "Datum", "en": "Date"},
    "type": {"nl": "Type", "en": "Type"},
    "status": {"nl": "Status", "en": "Status"},
    "decision": {"nl": "Besluit", "en": "Decision"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "assumption": {"nl": "aanname", "en": "assumption"},
    "code": {"nl": "Code", "en": "Code"},
    "province": {"nl": "Provincie", "en": "Province"},
    # views and statuses
    "view.actual": {"nl": "feitelijk", "en": "actual"},
    "view.planned": {"nl": "gepland", "en": "planned"},
    "status.proposed": {"nl": "voorgesteld", "en": "proposed"},
    "status.decided": {"nl": "besloten", "en": "decided"},
    "status.realised": {"nl": "gerealiseerd", "en": "realised"},
    "status.not_realised": {"nl": "niet gerealiseerd", "en": "not realised"},
    # event types
    "event.establish": {"nl": "oprichting", "en": "establish"},
    "event.rename": {"nl": "naamswijziging", "en": "rename"},
    "event.move": {"nl": "verplaatsing", "en": "move"},
    "event.merge": {"nl": "samenvoeging", "en": "merge"},
    "event.absorb": {"nl": "opgaan in", "en": "absorb"},
    "event.split": {"nl": "splitsing", "en": "split"},
    "event.transfer_out": {"nl": "overgang naar andere organisatie", "en": "transfer out"},
    "event.transfer_in": {"nl": "overname van andere organisatie", "en": "transfer in"},
    "event.dissolve": {"nl": "opheffing", "en": "dissolve"},
    "event.convert": {"nl": "omzetting tijdelijk → definitief", "en": "convert temporary → definitive"},
    "event.bundle": {"nl": "bundeling van een functie", "en": "bundle a function"},
    "event.change": {"nl": "wijziging", "en": "change"},
    "event.add_post": {"nl": "nieuwe formatieplaats", "en": "new post"},
    "event.change_post": {"nl": "wijziging formatieplaats", "en": "post changed"},
    "event.remove_post": {"nl": "formatieplaats vervalt", "en": "post removed"},
    "event.move_post": {"nl": "formatieplaats verplaatst", "en": "post moved"},
    # what a fact is, said where its sources are listed (issue 13: a word, not the record's kind)
    "fact.organisation": {"nl": "organisatie", "en": "organisation"},
    "fact.event": {"nl": "gebeurtenis", "en": "event"},
    "fact.cooperation": {"nl": "samenwerkingsverband", "en": "cooperation"},
    "fact.decision": {"nl": "besluit", "en": "decision"},
    "fact.unit": {"nl": "eenheid", "en": "unit"},
    "fact.post": {"nl": "formatieplaats", "en": "post"},
    "fact.challenge": {"nl": "opgave", "en": "challenge"},
    "fact.progress_scale": {"nl": "voortgangsschaal", "en": "progress scale"},
    "fact.programme": {"nl": "programma", "en": "programme"},
    "fact.salary_table": {"nl": "salaristabel", "en": "salary table"},
    "fact.scenario": {"nl": "scenario", "en": "scenario"},
    "fact.study": {"nl": "onderzoek", "en": "study"},
    "fact.follow_up": {"nl": "opvolging van een aanbeveling", "en": "follow-up of a recommendation"},
    "fact.trajectory": {"nl": "traject", "en": "trajectory"},
    "fact.assessment": {"nl": "beoordeling", "en": "assessment"},
    "fact.cooperation_outcome": {"nl": "resultaat van een samenwerking", "en": "outcome of a cooperation"},
    "fact.other": {"nl": "gegeven", "en": "fact"},
    # the kind of a source
    "source.kind.document": {"nl": "document", "en": "document"},
    "source.kind.dataset": {"nl": "gegevensbestand", "en": "dataset"},
    "source.kind.interview": {"nl": "interview", "en": "interview"},
    "source.kind.website": {"nl": "website", "en": "website"},
    "source.kind.decision": {"nl": "besluit", "en": "decision"},
    # diff
    "change.added": {"nl": "nieuw", "en": "added"},
    "change.removed": {"nl": "opgeheven", "en": "removed"},
    "change.renamed": {"nl": "hernoemd", "en": "renamed"},
    "change.moved": {"nl": "verplaatst", "en": "moved"},
    "change.merged": {"nl": "samengevoegd", "en": "merged"},
    "change.split": {"nl": "gesplitst", "en": "split"},
    "change.changed": {"nl": "gewijzigd", "en": "changed"},
    "change.fte_changed": {"nl": "formatie gewijzigd", "en": "FTE changed"},
    "diff.title": {
        "nl": "Verschil {org} van {start} tot {end} ({view})",
        "en": "Difference {org} from {start} to {end} ({view})",
    },
    "diff.none": {"nl": "Geen verschillen.", "en": "No differences."},
    # show
    "show.title": {"nl": "{org} op {at} ({view})", "en": "{org} on {at} ({view})"},
    "show.empty": {
        "nl": "Op deze datum heeft {org} geen eenheden in het register.",
        "en": "On this date {org} has no units in the register.",
    },
    "show.totals": {
        "nl": "{units}, {posts}, {fte} formatie, {filled} bezet (incl. inhuur en inleen)",
        "en": "{units}, {posts}, {fte} budgeted, {filled} filled (incl. hire and loans in)",
    },
    # lineage
    "lineage.title": {"nl": "Herkomst en opvolging van {unit}", "en": "Lineage of {unit}"},
    "lineage.predecessors": {"nl": "Voorgangers", "en": "Predecessors"},
    "lineage.successors": {"nl": "Opvolgers", "en": "Successors"},
    "lineage.none": {"nl": "geen", "en": "none"},
    # timeline
    "timeline.title": {"nl": "Tijdlijn {org}", "en": "Timeline {org}"},
    "timeline.empty": {"nl": "Geen gebeurtenissen gevonden.", "en": "No events found."},
    "timeline.conflict": {"nl": "past niet meer in de planning", "en": "no longer fits the plan"},
    # import
    "import.ok": {
        "nl": "Ingelezen: {file} ({events} gebeurtenissen) in wijziging {changeset}.",
        "en": "Imported: {file} ({events} events) as changeset {changeset}.",
    },
    "import.dry": {
        "nl": "Proefrun: {file} is geldig ({events} gebeurtenissen); er is niets opgeslagen.",
        "en": "Dry run: {file} is valid ({events} events); nothing was written.",
    },
    "validate.ok": {
        "nl": "{file} is geldig: {orgs} organisatie(s), {events} gebeurtenissen.",
        "en": "{file} is valid: {orgs} organisation(s), {events} events.",
    },
    "import.conflicts": {
        "nl": "Geplande gebeurtenissen die niet meer passen (zichtbaar in de tijdlijn):",
        "en": "Planned events that no longer fit (shown in the timeline):",
    },
    "export.ok": {"nl": "Geëxporteerd naar {file}.", "en": "Exported to {file}."},
    "init.ok": {"nl": "Database klaar: {url}", "en": "Database ready: {url}"},
    "examples.ok": {"nl": "Voorbeeld geladen: {file}", "en": "Example loaded: {file}"},
}

# Catalogues of their own (one module per subject) join the one catalogue here.
from raadhuis.i18n.cli import CLI_MESSAGES  # noqa: E402
from raadhuis.i18n.engine import ENGINE_MESSAGES  # noqa: E402  (the engine's words, issue 8)
from raadhuis.i18n.programmes import PROGRAMME_MESSAGES  # noqa: E402 - programmes and challenges
from raadhuis.i18n.studies import STUDY_MESSAGES  # noqa: E402 - audit studies and their follow-up
from raadhuis.i18n.trajectories import MESSAGES as TRAJECTORY_MESSAGES  # noqa: E402

MESSAGES.update(CLI_MESSAGES)
MESSAGES.update(PROGRAMME_MESSAGES)
MESSAGES.update(ENGINE_MESSAGES)
MESSAGES.update(TRAJECTORY_MESSAGES)
MESSAGES.update(STUDY_MESSAGES)
from raadhuis.i18n.scenarios import SCENARIO_MESSAGES  # noqa: E402 - scenarios and salary tables

MESSAGES.update(SCENARIO_MESSAGES)
from raadhuis.i18n.changes import CHANGE_MESSAGES  # noqa: E402 - the change forms (no ids)

MESSAGES.update(CHANGE_MESSAGES)
from raadhuis.i18n.figures import FIGURE_MESSAGES  # noqa: E402 - the year figures form

MESSAGES.update(FIGURE_MESSAGES)
from raadhuis.i18n.new_organisation import NEW_ORG_MESSAGES  # noqa: E402 - the form for a new organisation

MESSAGES.update(NEW_ORG_MESSAGES)
