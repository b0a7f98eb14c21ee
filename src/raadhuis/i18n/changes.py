"""Words of the change forms (units and posts by name, no ids), Dutch and English.

Merged into the catalogue by one line at the end of ``i18n/messages.py``. The form's own
problems are said in the reader's language directly (services/changes.py), each naming its field.
"""

from __future__ import annotations

CHANGE_MESSAGES: dict[str, dict[str, str]] = {
    "chg.nav": {"nl": "Wijziging vastleggen", "en": "Record a change"},
    "chg.title": {"nl": "Wijziging vastleggen — {org}", "en": "Record a change — {org}"},
    "chg.intro": {
        "nl": "Kies wat er verandert, vul de velden in en bekijk het effect op het organogram. Pas daarna slaat u op; "
        "niets wordt bewaard zolang er een fout in staat.",
        "en": "Choose what changes, fill in the fields and look at the effect on the chart. Only then do you save; "
        "nothing is stored while there is an error.",
    },
    "chg.what": {"nl": "Wat verandert er?", "en": "What changes?"},
    "chg.pick": {"nl": "Kiezen", "en": "Choose"},
    "chg.expert": {
        "nl": "Voor ervaren gebruikers: de invoer met codes en in het datasetformaat",
        "en": "For experienced users: the form with codes and in the dataset format",
    },
    "chg.act.establish": {"nl": "Een nieuwe eenheid oprichten", "en": "Establish a new unit"},
    "chg.act.rename": {"nl": "Een eenheid hernoemen", "en": "Rename a unit"},
    "chg.act.move": {"nl": "Een eenheid ergens anders onder hangen", "en": "Move a unit under another"},
    "chg.act.merge": {"nl": "Eenheden samenvoegen tot een nieuwe", "en": "Merge units into a new one"},
    "chg.act.absorb": {"nl": "Eenheden laten opgaan in een bestaande", "en": "Absorb units into an existing one"},
    "chg.act.split": {"nl": "Een eenheid splitsen", "en": "Split a unit"},
    "chg.act.dissolve": {"nl": "Een eenheid opheffen", "en": "Dissolve a unit"},
    "chg.act.convert": {"nl": "Een tijdelijke eenheid definitief maken", "en": "Make a temporary unit permanent"},
    "chg.act.change": {
        "nl": "Soort, afkorting of taakvelden van een eenheid wijzigen",
        "en": "Change a unit's kind, abbreviation or task fields",
    },
    "chg.act.bundle": {
        "nl": "Een functie bundelen (formatieplaatsen naar één eenheid)",
        "en": "Bundle a function (posts into one unit)",
    },
    "chg.act.transfer_out": {
        "nl": "Een eenheid laten overgaan naar een andere organisatie",
        "en": "Transfer a unit to another organisation",
    },
    "chg.act.transfer_in": {
        "nl": "Een eenheid overnemen van een andere organisatie",
        "en": "Take over a unit from another organisation",
    },
    "chg.act.add_post": {"nl": "Een formatieplaats toevoegen", "en": "Add a post"},
    "chg.act.change_post": {
        "nl": "Een formatieplaats wijzigen (fte, schaal, bezetting)",
        "en": "Change a post (FTE, scale, staffing)",
    },
    "chg.act.move_post": {"nl": "Een formatieplaats naar een andere eenheid", "en": "Move a post to another unit"},
    "chg.act.remove_post": {"nl": "Een formatieplaats laten vervallen", "en": "Remove a post"},
    # fields
    "chg.f.when": {"nl": "Wanneer", "en": "When"},
    "chg.f.date": {"nl": "Met ingang van", "en": "From"},
    "chg.f.status": {"nl": "Stand van zaken", "en": "Status"},
    "chg.f.unit": {"nl": "Eenheid", "en": "Unit"},
    "chg.f.units": {"nl": "Eenheden", "en": "Units"},
    "chg.f.units_help": {
        "nl": "Typ de naam of afkorting; kies uit de lijst. Eén eenheid per vak.",
        "en": "Type the name or abbreviation; pick from the list. One unit per box.",
    },
    "chg.f.unit_n": {"nl": "Eenheid {n}", "en": "Unit {n}"},
    "chg.f.unit_help": {
        "nl": "Typ een deel van de naam of de afkorting en kies uit de lijst (de eenheden op de gekozen datum).",
        "en": "Type part of the name or the abbreviation and pick from the list (the units on the chosen date).",
    },
    "chg.f.name": {"nl": "Naam", "en": "Name"},
    "chg.f.new_name": {"nl": "Nieuwe naam", "en": "New name"},
    "chg.f.definitive_name": {"nl": "Definitieve naam (leeg: blijft)", "en": "Permanent name (empty: unchanged)"},
    "chg.f.names": {"nl": "Namen van de nieuwe eenheden", "en": "Names of the new units"},
    "chg.f.name_n": {"nl": "Nieuwe eenheid {n}", "en": "New unit {n}"},
    "chg.f.split_help": {
        "nl": "Kies hieronder per formatieplaats en onderdeel naar welke nieuwe eenheid het gaat (standaard de eerste).",
        "en": "Choose below for each post and sub-unit which new unit it goes to (the first by default).",
    },
    "chg.f.alloc": {"nl": "Verdeling over de nieuwe eenheden", "en": "Division over the new units"},
    "chg.f.alloc_help": {
        "nl": "Naar welke nieuwe eenheid gaat elke formatieplaats en elk onderdeel? Vul eerst de namen in en kies "
        "‘Effect bekijken’; zonder keuze gaat het naar de eerste nieuwe eenheid.",
        "en": "Which new unit does each post and sub-unit go to? Fill in the names first and choose "
        "‘Show the effect’; without a choice it goes to the first new unit.",
    },
    "chg.f.alloc_pick_unit": {
        "nl": "Kies de eenheid die splitst en kies ‘Effect bekijken’ om haar formatieplaatsen en onderdelen te verdelen.",
        "en": "Choose the unit that splits and choose ‘Show the effect’ to divide its posts and sub-units.",
    },
    "chg.f.alloc_none": {
        "nl": "Deze eenheid heeft op die dag geen formatieplaatsen of onderdelen.",
        "en": "This unit has no posts or sub-units on that day.",
    },
    "chg.f.alloc_post": {
        "nl": "Formatieplaats {what}: naar welke nieuwe eenheid",
        "en": "Post {what}: to which new unit",
    },
    "chg.f.alloc_unit": {
        "nl": "Onderdeel {what}: naar welke nieuwe eenheid",
        "en": "Sub-unit {what}: to which new unit",
    },
    "chg.f.alloc_to": {"nl": "Naar welke nieuwe eenheid", "en": "To which new unit"},
    "chg.f.alloc_first": {"nl": "de eerste nieuwe eenheid", "en": "the first new unit"},
    "chg.alloc_effect": {"nl": "Verdeling", "en": "Division"},
    "chg.alloc_line": {"nl": "{what} gaat naar {to}", "en": "{what} goes to {to}"},
    "chg.err.not_successor": {
        "nl": "‘{name}’ is geen van de nieuwe eenheden ({names}); kies naar welke nieuwe eenheid {what} gaat.",
        "en": "‘{name}’ is none of the new units ({names}); choose which new unit {what} goes to.",
    },
    "chg.err.alloc_gone": {
        "nl": "Dit hoort op die dag niet (meer) bij {unit}; kies ‘Effect bekijken’ voor de verdeling van die dag.",
        "en": "This does not belong to {unit} (any more) on that day; choose ‘Show the effect’ for that day's division.",
    },
    "chg.f.abbreviation": {"nl": "Afkorting (mag leeg)", "en": "Abbreviation (may be empty)"},
    "chg.f.kind": {"nl": "Soort eenheid", "en": "Kind of unit"},
    "chg.f.kind_auto": {
        "nl": "vanzelf (één niveau onder de bovenliggende)",
        "en": "automatic (one level below the parent)",
    },
    "chg.f.kind_same": {
        "nl": "vanzelf (als de eenheid waaruit zij ontstaat)",
        "en": "automatic (as the unit it comes from)",
    },
    "chg.f.kind_keep": {"nl": "ongewijzigd", "en": "unchanged"},
    "chg.f.parent": {"nl": "Valt onder", "en": "Part of"},
    "chg.f.parent_help": {
        "nl": "De bovenliggende eenheid; leeg: bovenaan de organisatie.",
        "en": "The parent unit; empty: at the top of the organisation.",
    },
    "chg.f.new_parent": {"nl": "Komt te vallen onder", "en": "Moves under"},
    "chg.f.top": {"nl": "Bovenaan de organisatie plaatsen", "en": "Place at the top of the organisation"},
    "chg.f.into": {"nl": "Gaat naar", "en": "Goes to"},
    "chg.f.into_absorb": {"nl": "Gaan op in", "en": "Absorbed into"},
    "chg.f.to": {"nl": "Naar organisatie", "en": "To organisation"},
    "chg.f.from": {"nl": "Van organisatie", "en": "From organisation"},
    "chg.f.function": {"nl": "Functie (bijvoorbeeld communicatie)", "en": "Function (for example communications)"},
    "chg.f.bundle_help": {
        "nl": "Alle formatieplaatsen van de gekozen eenheden gaan naar de eenheid hieronder.",
        "en": "All posts of the chosen units go to the unit below.",
    },
    "chg.f.task_fields": {"nl": "Taakvelden", "en": "Task fields"},
    "chg.f.task_fields_help": {
        "nl": "BBV-taakvelden met hun aandeel, bijvoorbeeld: 0.1 50%, 6.3 50%",
        "en": "BBV task fields with their share, for example: 0.1 50%, 6.3 50%",
    },
    "chg.f.post": {"nl": "Formatieplaats", "en": "Post"},
    "chg.f.post_help": {
        "nl": "Typ de functie of de eenheid en kies uit de lijst.",
        "en": "Type the job title or the unit and pick from the list.",
    },
    "chg.f.post_title": {"nl": "Functie", "en": "Job title"},
    "chg.f.post_title_change": {"nl": "Nieuwe functienaam (leeg: blijft)", "en": "New job title (empty: unchanged)"},
    "chg.f.fte": {"nl": "Formatie (fte)", "en": "Budgeted FTE"},
    "chg.f.fte_change": {"nl": "Nieuwe formatie in fte (leeg: blijft)", "en": "New budgeted FTE (empty: unchanged)"},
    "chg.f.fte_help": {"nl": "Bijvoorbeeld 0,8 of 1", "en": "For example 0.8 or 1"},
    "chg.f.scale": {"nl": "Schaal (mag leeg)", "en": "Scale (may be empty)"},
    "chg.f.manager": {"nl": "Leidinggevende functie", "en": "Management post"},
    "chg.f.staffing": {"nl": "Bezetting", "en": "Staffing"},
    "chg.f.staffing_help": {
        "nl": "Eén regel per persoon of vacature. Leeg laten als de bezetting onbekend is (dan telt zij als onbekend, "
        "niet als vacature).",
        "en": "One line per person or vacancy. Leave empty when the staffing is unknown (it then counts as unknown, "
        "not as vacant).",
    },
    "chg.f.staffing_kind": {"nl": "Ingevuld door", "en": "Filled by"},
    "chg.f.staffing_kind_n": {"nl": "Regel {n}: ingevuld door", "en": "Line {n}: filled by"},
    "chg.f.staffing_none": {"nl": "onbekend / niet opgeven", "en": "unknown / not given"},
    "chg.f.staffed_fte": {"nl": "Bezet (fte)", "en": "Filled (FTE)"},
    "chg.f.person": {"nl": "Naam medewerker (mag leeg)", "en": "Employee's name (may be empty)"},
    "chg.f.title_event": {"nl": "Korte omschrijving (mag leeg)", "en": "Short title (may be empty)"},
    "chg.f.evidence": {"nl": "Besluit en bron", "en": "Decision and source"},
    "chg.f.decision": {"nl": "Besluit", "en": "Decision"},
    "chg.f.decision_help": {
        "nl": "Typ een deel van de titel en kies uit de lijst, of vul hieronder een nieuw besluit in.",
        "en": "Type part of the title and pick from the list, or fill in a new decision below.",
    },
    "chg.f.new_decision": {"nl": "Nieuw besluit vastleggen", "en": "Record a new decision"},
    "chg.f.decision_body": {"nl": "Genomen door", "en": "Taken by"},
    "chg.f.decision_date": {"nl": "Datum van het besluit", "en": "Date of the decision"},
    "chg.f.decision_title": {"nl": "Onderwerp van het besluit", "en": "Subject of the decision"},
    "chg.f.decision_reference": {"nl": "Kenmerk (mag leeg)", "en": "Reference (may be empty)"},
    "chg.f.source": {"nl": "Bron", "en": "Source"},
    "chg.f.source_help": {
        "nl": "Het document waar de wijziging in staat: typ een deel van de titel en kies, of voeg hieronder een nieuw document toe.",
        "en": "The document that records the change: type part of its title and pick, or add a new document below.",
    },
    "chg.f.new_source": {"nl": "Nieuwe bron toevoegen", "en": "Add a new source"},
    "chg.f.source_title": {"nl": "Titel van het document", "en": "Title of the document"},
    "chg.f.source_kind": {"nl": "Soort bron", "en": "Kind of source"},
    "chg.f.source_publisher": {"nl": "Uitgegeven door (mag leeg)", "en": "Published by (may be empty)"},
    "chg.f.source_date": {"nl": "Datum van het document (mag leeg)", "en": "Date of the document (may be empty)"},
    "chg.f.source_url": {"nl": "Internetadres (mag leeg)", "en": "Web address (may be empty)"},
    "chg.f.quote": {"nl": "Citaat uit de bron (mag leeg)", "en": "Quote from the source (may be empty)"},
    "chg.f.page": {"nl": "Pagina (mag leeg)", "en": "Page (may be empty)"},
    "chg.f.reason": {"nl": "Waarom legt u dit vast?", "en": "Why do you record this?"},
    "chg.f.reason_help": {
        "nl": "Komt in de geschiedenis, met uw naam en het tijdstip.",
        "en": "Goes into the history, with your name and the time.",
    },
    "chg.f.other": {"nl": "Wijziging", "en": "Change"},
    "chg.source_kind.document": {"nl": "document", "en": "document"},
    "chg.source_kind.interview": {"nl": "interview", "en": "interview"},
    "chg.source_kind.dataset": {"nl": "gegevensbestand", "en": "dataset"},
    "chg.body.college": {"nl": "college van B&W", "en": "municipal executive (college)"},
    "chg.body.raad": {"nl": "gemeenteraad", "en": "municipal council"},
    "chg.body.burgemeester": {"nl": "burgemeester", "en": "mayor"},
    "chg.body.directie": {"nl": "directie", "en": "management board"},
    "chg.body.gemeentesecretaris": {"nl": "gemeentesecretaris", "en": "municipal secretary"},
    "chg.body.algemeen bestuur": {"nl": "algemeen bestuur", "en": "general board"},
    "chg.staffing.employee": {"nl": "eigen personeel", "en": "own staff"},
    "chg.staffing.vacancy": {"nl": "vacature", "en": "vacancy"},
    "chg.staffing.external_hire": {"nl": "inhuur", "en": "external hire"},
    "chg.staffing.loan_in": {"nl": "inleen van een andere organisatie", "en": "loan from another organisation"},
    "chg.staffing.secondment_out": {"nl": "gedetacheerd naar buiten", "en": "seconded out"},
    # buttons, preview
    "chg.preview": {"nl": "Effect bekijken", "en": "Show the effect"},
    "chg.save": {"nl": "Opslaan", "en": "Save"},
    "chg.effect": {"nl": "Effect van de wijziging", "en": "Effect of the change"},
    "chg.effect_on": {
        "nl": "Zo ziet de organisatie er op {day} uit ({view}); het gewijzigde is gemarkeerd.",
        "en": "This is the organisation on {day} ({view}); what changes is marked.",
    },
    "chg.effect_none": {
        "nl": "Deze wijziging verandert niets aan de eenheden (wel aan de formatieplaatsen).",
        "en": "This change alters no units (it does alter the posts).",
    },
    "chg.effect_stale": {
        "nl": "U hebt de velden veranderd na het bekijken van het effect; bekijk het effect opnieuw.",
        "en": "You changed the fields after looking at the effect; look at the effect again.",
    },
    "chg.effect_live": {
        "nl": "Het effect verschijnt hieronder zodra de velden zijn ingevuld.",
        "en": "The effect appears below as soon as the fields are filled in.",
    },
    "chg.also_new": {"nl": "Ook nieuw in het register", "en": "Also new in the register"},
    "chg.new_decision": {"nl": "besluit ‘{title}’", "en": "decision ‘{title}’"},
    "chg.new_source": {"nl": "bron ‘{title}’", "en": "source ‘{title}’"},
    "chg.saved": {
        "nl": "Opgeslagen. De wijziging staat met uw naam en reden in de geschiedenis.",
        "en": "Saved. The change is in the history with your name and reason.",
    },
    "chg.to_chart": {"nl": "Naar het organogram op {day}", "en": "To the chart on {day}"},
    "chg.history_link": {"nl": "Geschiedenis van deze wijziging", "en": "History of this change"},
    "chg.add_below": {"nl": "Nieuwe eenheid hieronder", "en": "New unit below this one"},
    # problems, each next to its field
    "chg.err.required": {"nl": "Vul dit veld in.", "en": "Fill in this field."},
    "chg.err.number": {
        "nl": "Verwacht een getal van minstens 0, zoals 0,8; gevonden: {value}",
        "en": "Expected a number of at least 0, such as 0.8; got: {value}",
    },
    "chg.err.action": {"nl": "Kies wat er verandert.", "en": "Choose what changes."},
    "chg.err.choice": {
        "nl": "Kies een van de mogelijkheden uit de lijst.",
        "en": "Choose one of the options in the list.",
    },
    "chg.err.date": {
        "nl": "Verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: {value}",
        "en": "Expected a date such as 31-12-2011 or 2011-12-31; got: {value}",
    },
    "chg.err.no_unit": {
        "nl": "Er is geen eenheid ‘{name}’ op {day}. Kies een naam uit de lijst.",
        "en": "There is no unit ‘{name}’ on {day}. Pick a name from the list.",
    },
    "chg.err.two_units": {
        "nl": "Meer dan één eenheid heet ‘{name}’; typ de naam met de afkorting, zoals in de lijst.",
        "en": "More than one unit is called ‘{name}’; type the name with its abbreviation, as in the list.",
    },
    "chg.err.no_post": {
        "nl": "Er is geen formatieplaats ‘{name}’ op {day}. Kies er een uit de lijst.",
        "en": "There is no post ‘{name}’ on {day}. Pick one from the list.",
    },
    "chg.err.two_posts": {
        "nl": "Meer dan één formatieplaats past bij ‘{name}’; kies er een uit de lijst.",
        "en": "More than one post matches ‘{name}’; pick one from the list.",
    },
    "chg.err.no_org": {
        "nl": "Er is geen andere organisatie ‘{name}’ in het register. Kies er een uit de lijst.",
        "en": "There is no other organisation ‘{name}’ in the register. Pick one from the list.",
    },
    "chg.err.parent_or_top": {
        "nl": "Kies de eenheid waaronder zij komt te vallen, of vink ‘bovenaan’ aan.",
        "en": "Choose the unit it moves under, or tick ‘at the top’.",
    },
    "chg.err.not_temporary": {
        "nl": "{name} is geen tijdelijke eenheid; alleen een tijdelijke eenheid wordt definitief gemaakt.",
        "en": "{name} is not a temporary unit; only a temporary unit is made permanent.",
    },
    "chg.err.something": {
        "nl": "Vul ten minste één van soort, afkorting of taakvelden in.",
        "en": "Fill in at least one of kind, abbreviation or task fields.",
    },
    "chg.err.something_post": {
        "nl": "Vul ten minste één van functie, formatie, schaal of bezetting in.",
        "en": "Fill in at least one of job title, FTE, scale or staffing.",
    },
    "chg.err.two_names": {
        "nl": "Geef ten minste twee namen voor de eenheden waarin zij splitst.",
        "en": "Give at least two names for the units it splits into.",
    },
    "chg.err.twice": {"nl": "Een eenheid staat er twee keer in.", "en": "A unit is listed twice."},
    "chg.err.two_units_needed": {
        "nl": "Kies ten minste twee eenheden die samengaan.",
        "en": "Choose at least two units that merge.",
    },
    "chg.err.no_posts": {
        "nl": "De gekozen eenheden hebben geen formatieplaatsen om te bundelen.",
        "en": "The chosen units have no posts to bundle.",
    },
    "chg.err.task_field": {
        "nl": "Verwacht een taakveld met aandeel, zoals 6.3 50%; gevonden: {value}",
        "en": "Expected a task field with its share, such as 6.3 50%; got: {value}",
    },
    "chg.err.no_source": {
        "nl": "Er is geen bron ‘{name}’ in het register. Kies er een uit de lijst of voeg hieronder een nieuwe toe.",
        "en": "There is no source ‘{name}’ in the register. Pick one from the list or add a new one below.",
    },
    "chg.err.source_both": {
        "nl": "Kies een bestaande bron óf voeg een nieuwe toe, niet allebei.",
        "en": "Pick an existing source or add a new one, not both.",
    },
    "chg.err.url": {
        "nl": "Verwacht een internetadres dat begint met https:// of http://",
        "en": "Expected a web address starting with https:// or http://",
    },
    "chg.err.quote_without_source": {
        "nl": "Een citaat of pagina hoort bij een bron; kies of voeg de bron toe.",
        "en": "A quote or page belongs to a source; pick or add the source.",
    },
    "chg.err.no_decision": {
        "nl": "Er is geen besluit ‘{name}’ in het register. Kies er een uit de lijst of vul hieronder een nieuw in.",
        "en": "There is no decision ‘{name}’ in the register. Pick one from the list or fill in a new one below.",
    },
    "chg.err.decision_both": {
        "nl": "Kies een bestaand besluit óf vul een nieuw in, niet allebei.",
        "en": "Pick an existing decision or fill in a new one, not both.",
    },
    "chg.err.reason": {"nl": "Geef een reden op.", "en": "Give a reason."},
    # the formatieplan in Excel
    "chg.xlsx": {"nl": "Formatieplan (Excel)", "en": "Formatieplan (Excel)"},
    "chg.xlsx_help": {
        "nl": "Eenheden, formatieplaatsen, bezetting en taakvelden op de peildatum, als Excel-bestand.",
        "en": "Units, posts, staffing and task fields on the date, as an Excel file.",
    },
}
