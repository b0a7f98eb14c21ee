"""Words of the workbench's chart, differences, analyses overview and CLI help: key → {"nl", "en"}.

The shape of :data:`raadhuis.i18n.messages.MESSAGES`; looked up by ``web.common.tr`` and ``i18n.t``.
"""

from __future__ import annotations

WORKBENCH_MESSAGES: dict[str, dict[str, str]] = {
    # dates typed by people
    "wb.date_placeholder": {"nl": "dd-mm-jjjj", "en": "dd-mm-yyyy"},
    "wb.date_hint": {"nl": "bijv. 31-12-2011 of 2011-12-31", "en": "e.g. 31-12-2011 or 2011-12-31"},
    # the chart
    "wb.levels": {"nl": "Niveaus", "en": "Levels"},
    "wb.levels_all": {"nl": "Alle niveaus", "en": "All levels"},
    "wb.levels_note": {
        "nl": "Getoond: {levels} van {depth} — {drawn} van {n}. Klap een eenheid uit met + of kies:",
        "en": "Shown: {levels} of {depth} — {drawn} of {n}. Expand a unit with + or choose:",
    },
    "wb.focus_missing": {
        "nl": "Eenheid '{unit}' bestaat niet op {at}; de hele organisatie wordt getoond.",
        "en": "Unit '{unit}' does not exist on {at}; the whole organisation is shown.",
    },
    "wb.focus_path": {"nl": "Plaats in de organisatie", "en": "Place in the organisation"},
    "wb.focus_shown": {
        "nl": "Getoond: alleen {unit} en wat eronder valt ({n}).",
        "en": "Shown: only {unit} and what falls under it ({n}).",
    },
    "wb.whole_org": {"nl": "Hele organisatie tonen", "en": "Show the whole organisation"},
    "wb.focus_on": {"nl": "Alleen {unit} en onderdelen tonen", "en": "Show only {unit} and its parts"},
    "wb.skip_chart": {"nl": "Sla het organogram over: naar de lijst", "en": "Skip the chart: go to the list"},
    "wb.hits": {"nl": "{n} gevonden", "en": "{n} found"},
    "wb.hit_of": {"nl": "{i} van {n} gevonden", "en": "{i} of {n} found"},
    "wb.no_hits": {"nl": "Geen eenheid gevonden met '{q}'.", "en": "No unit found with '{q}'."},
    "wb.zoom_tools": {"nl": "Zoomen", "en": "Zoom"},
    "wb.zoom_in": {"nl": "Inzoomen", "en": "Zoom in"},
    "wb.zoom_out": {"nl": "Uitzoomen", "en": "Zoom out"},
    "wb.fit": {"nl": "Passend maken", "en": "Fit to screen"},
    "wb.actual_size": {"nl": "Ware grootte", "en": "Actual size"},
    "wb.chart_area": {
        "nl": "Organogram; pijltjestoetsen verschuiven, + en − zoomen, 0 maakt passend",
        "en": "Organisation chart; arrow keys pan, + and − zoom, 0 fits",
    },
    "wb.chart_help": {
        "nl": "Slepen verschuift, Ctrl + scrollwiel (of knijpen) zoomt. Klik op een eenheid (of Enter) voor de "
        "details; +/− (of de spatiebalk) klapt onderdelen in of uit.",
        "en": "Drag to pan, Ctrl + scroll wheel (or pinch) to zoom. Click a unit (or Enter) for its details; "
        "+/− (or the space bar) collapses or expands its parts.",
    },
    "wb.paper": {"nl": "Papier", "en": "Paper"},
    "wb.paper.a4": {"nl": "A4 liggend", "en": "A4 landscape"},
    "wb.paper.a4-staand": {"nl": "A4 staand", "en": "A4 portrait"},
    "wb.paper.a3": {"nl": "A3 liggend", "en": "A3 landscape"},
    "wb.paper.a3-staand": {"nl": "A3 staand", "en": "A3 portrait"},
    "wb.paper.poster": {"nl": "Poster (één vel, A3 tot A0)", "en": "Poster (one sheet, A3 to A0)"},
    "wb.as_list": {"nl": "Organogram als lijst", "en": "Organisation chart as a list"},
    "wb.as_list_help": {
        "nl": "Dezelfde eenheden als in het organogram, als lijst in lijst: wat eronder valt, staat ingesprongen.",
        "en": "The same units as in the chart, as nested lists: what falls under a unit is indented.",
    },
    "wb.below": {"nl": "eronder", "en": "below"},
    "wb.temporary": {"nl": "tijdelijk", "en": "temporary"},
    "wb.temporary_until": {"nl": "tijdelijk, tot {end}", "en": "temporary, until {end}"},
    "wb.unit_uncertain": {
        "nl": "Op deze dag staat niet vast of een gebeurtenis met een onscherpe datum al had plaatsgevonden; "
        "deze pagina neemt aan dat ze op de eerste dag van haar periode gebeurde.",
        "en": "On this day it is not certain whether an event with an imprecise date had happened yet; "
        "this page assumes it happened on the first day of its period.",
    },
    "wb.unknown": {"nl": "onbekend", "en": "unknown"},
    "wb.partly_unknown": {"nl": "deels onbekend", "en": "partly unknown"},
    "web.no_pdf": {
        "nl": "Het maken van een PDF is op deze installatie niet beschikbaar.",
        "en": "Making a PDF is not available on this installation.",
    },
    # the difference in words (web/differences.py); ".planned": decided or proposed, ".not": not realised
    "diff.say.merge": {"nl": "{units} samengevoegd tot {new} (nieuw)", "en": "{units} merged into {new} (new)"},
    "diff.say.merge.planned": {
        "nl": "{units} worden samengevoegd tot {new} (nieuw)",
        "en": "{units} are to merge into {new} (new)",
    },
    "diff.say.merge.not": {"nl": "{units} zouden samengaan tot {new}", "en": "{units} were to merge into {new}"},
    "diff.say.absorb": {"nl": "{units} opgegaan in {into}", "en": "{units} absorbed into {into}"},
    "diff.say.absorb.planned": {"nl": "{units} gaan op in {into}", "en": "{units} are to be absorbed into {into}"},
    "diff.say.absorb.not": {"nl": "{units} zouden opgaan in {into}", "en": "{units} were to be absorbed into {into}"},
    "diff.say.split": {"nl": "{unit} gesplitst in {into} (nieuw)", "en": "{unit} split into {into} (new)"},
    "diff.say.split.planned": {
        "nl": "{unit} wordt gesplitst in {into} (nieuw)",
        "en": "{unit} is to split into {into} (new)",
    },
    "diff.say.split.not": {"nl": "{unit} zou worden gesplitst in {into}", "en": "{unit} was to split into {into}"},
    "diff.say.transfer_out": {"nl": "{unit} overgegaan naar {org}", "en": "{unit} transferred to {org}"},
    "diff.say.transfer_out.planned": {"nl": "{unit} gaat over naar {org}", "en": "{unit} is to transfer to {org}"},
    "diff.say.transfer_out.not": {"nl": "{unit} zou overgaan naar {org}", "en": "{unit} was to transfer to {org}"},
    "diff.say.transfer_in": {"nl": "{unit} overgenomen van {org} (nieuw)", "en": "{unit} taken over from {org} (new)"},
    "diff.say.transfer_in.planned": {
        "nl": "{unit} wordt overgenomen van {org}",
        "en": "{unit} is to be taken over from {org}",
    },
    "diff.say.transfer_in.not": {
        "nl": "{unit} zou worden overgenomen van {org}",
        "en": "{unit} was to be taken over from {org}",
    },
    "diff.say.establish": {"nl": "{unit} opgericht (nieuw)", "en": "{unit} established (new)"},
    "diff.say.establish.planned": {"nl": "{unit} wordt opgericht (nieuw)", "en": "{unit} is to be established (new)"},
    "diff.say.establish.not": {"nl": "{unit} zou worden opgericht", "en": "{unit} was to be established"},
    "diff.say.establish.under": {
        "nl": "{unit} opgericht onder {parent} (nieuw)",
        "en": "{unit} established under {parent} (new)",
    },
    "diff.say.establish.under.planned": {
        "nl": "{unit} wordt opgericht onder {parent} (nieuw)",
        "en": "{unit} is to be established under {parent} (new)",
    },
    "diff.say.establish.under.not": {
        "nl": "{unit} zou worden opgericht onder {parent}",
        "en": "{unit} was to be established under {parent}",
    },
    "diff.say.rename": {"nl": "{old} heet voortaan {new}", "en": "{old} is now called {new}"},
    "diff.say.rename.planned": {"nl": "{old} gaat {new} heten", "en": "{old} is to be called {new}"},
    "diff.say.rename.not": {"nl": "{old} zou {new} gaan heten", "en": "{old} was to be called {new}"},
    "diff.say.move": {"nl": "{unit} valt voortaan onder {parent}", "en": "{unit} now falls under {parent}"},
    "diff.say.move.planned": {"nl": "{unit} gaat vallen onder {parent}", "en": "{unit} is to fall under {parent}"},
    "diff.say.move.not": {"nl": "{unit} zou gaan vallen onder {parent}", "en": "{unit} was to fall under {parent}"},
    "diff.say.move.top": {"nl": "{unit} staat voortaan bovenaan", "en": "{unit} is now at the top"},
    "diff.say.move.top.planned": {"nl": "{unit} komt bovenaan te staan", "en": "{unit} is to be at the top"},
    "diff.say.move.top.not": {"nl": "{unit} zou bovenaan komen te staan", "en": "{unit} was to be at the top"},
    "diff.say.dissolve": {"nl": "{unit} opgeheven", "en": "{unit} dissolved"},
    "diff.say.dissolve.planned": {"nl": "{unit} wordt opgeheven", "en": "{unit} is to be dissolved"},
    "diff.say.dissolve.not": {"nl": "{unit} zou worden opgeheven", "en": "{unit} was to be dissolved"},
    "diff.say.convert": {
        "nl": "{unit} van tijdelijk omgezet in definitief",
        "en": "{unit} converted from temporary to definitive",
    },
    "diff.say.convert.planned": {"nl": "{unit} wordt van tijdelijk definitief", "en": "{unit} is to become definitive"},
    "diff.say.convert.not": {"nl": "{unit} zou definitief worden", "en": "{unit} was to become definitive"},
    "diff.say.bundle": {"nl": "{function} gebundeld bij {into}", "en": "{function} bundled in {into}"},
    "diff.say.bundle.planned": {
        "nl": "{function} wordt gebundeld bij {into}",
        "en": "{function} is to be bundled in {into}",
    },
    "diff.say.bundle.not": {
        "nl": "{function} zou worden gebundeld bij {into}",
        "en": "{function} was to be bundled in {into}",
    },
    "diff.say.change": {"nl": "{unit}: {what} gewijzigd", "en": "{unit}: {what} changed"},
    "diff.say.change.planned": {"nl": "{unit}: {what} wordt gewijzigd", "en": "{unit}: {what} is to change"},
    "diff.say.change.not": {"nl": "{unit}: {what} zou worden gewijzigd", "en": "{unit}: {what} was to change"},
    "diff.say.add_post": {
        "nl": "Nieuwe formatieplaats {title} bij {unit} ({fte} fte)",
        "en": "New post {title} in {unit} ({fte} FTE)",
    },
    "diff.say.add_post.planned": {
        "nl": "Nieuwe formatieplaats {title} bij {unit} ({fte} fte) gepland",
        "en": "New post {title} in {unit} ({fte} FTE) planned",
    },
    "diff.say.add_post.not": {
        "nl": "Formatieplaats {title} bij {unit} ({fte} fte) zou er komen",
        "en": "Post {title} in {unit} ({fte} FTE) was to come",
    },
    "diff.say.change_post": {"nl": "Formatieplaats {post} bij {unit} gewijzigd", "en": "Post {post} in {unit} changed"},
    "diff.say.change_post.planned": {
        "nl": "Formatieplaats {post} bij {unit} wordt gewijzigd",
        "en": "Post {post} in {unit} is to change",
    },
    "diff.say.change_post.not": {
        "nl": "Formatieplaats {post} bij {unit} zou worden gewijzigd",
        "en": "Post {post} in {unit} was to change",
    },
    "diff.say.remove_post": {"nl": "Formatieplaats {post} bij {unit} vervallen", "en": "Post {post} in {unit} removed"},
    "diff.say.remove_post.planned": {
        "nl": "Formatieplaats {post} bij {unit} vervalt",
        "en": "Post {post} in {unit} is to be removed",
    },
    "diff.say.remove_post.not": {
        "nl": "Formatieplaats {post} bij {unit} zou vervallen",
        "en": "Post {post} in {unit} was to be removed",
    },
    "diff.say.move_post": {"nl": "Formatieplaats {post} verplaatst naar {unit}", "en": "Post {post} moved to {unit}"},
    "diff.say.move_post.planned": {
        "nl": "Formatieplaats {post} gaat naar {unit}",
        "en": "Post {post} is to move to {unit}",
    },
    "diff.say.move_post.not": {
        "nl": "Formatieplaats {post} zou naar {unit} gaan",
        "en": "Post {post} was to move to {unit}",
    },
    "diff.bare.added": {"nl": "{unit} is er bij gekomen", "en": "{unit} was added"},
    "diff.bare.removed": {"nl": "{unit} is er niet meer", "en": "{unit} is gone"},
    "diff.bare.moved": {"nl": "{unit} valt onder een andere eenheid", "en": "{unit} falls under another unit"},
    "diff.bare.renamed": {"nl": "{unit} heeft een andere naam", "en": "{unit} has another name"},
    "diff.bare.merged": {"nl": "{unit} is samengevoegd", "en": "{unit} was merged"},
    "diff.bare.split": {"nl": "{unit} is gesplitst", "en": "{unit} was split"},
    "diff.bare.changed": {"nl": "{unit} is gewijzigd", "en": "{unit} changed"},
    "diff.bare.fte_changed": {"nl": "De formatie van {unit} is gewijzigd", "en": "The budgeted FTE of {unit} changed"},
    "diff.fte": {"nl": "{unit}: {before} → {after} fte", "en": "{unit}: {before} → {after} FTE"},
    "diff.fte_assumed": {
        "nl": "{unit}: {before} → {after} fte (aanname)",
        "en": "{unit}: {before} → {after} FTE (assumption)",
    },
    "diff.a_function": {"nl": "Een functie", "en": "A function"},
    "diff.field.kind": {"nl": "soort", "en": "kind"},
    "diff.field.abbreviation": {"nl": "afkorting", "en": "abbreviation"},
    "diff.field.task_fields": {"nl": "taakvelden", "en": "task fields"},
    "diff.field.temporary": {"nl": "tijdelijk of definitief", "en": "temporary or definitive"},
    "diff.field.expected_end": {"nl": "verwachte einddatum", "en": "expected end"},
    "diff.field.functional": {"nl": "functionele relaties", "en": "functional relations"},
    "diff.field.parent": {"nl": "bovenliggende eenheid", "en": "parent unit"},
    "diff.field.other": {"nl": "gegevens", "en": "details"},
    "wb.diff_title": {
        "nl": "Wat veranderde bij {org} van {start} tot {end} ({view})",
        "en": "What changed at {org} from {start} to {end} ({view})",
    },
    "wb.diff_since": {"nl": "Van de dag ervoor ({start}) tot {end}", "en": "From the day before ({start}) to {end}"},
    "wb.diff_none": {
        "nl": "Tussen deze twee dagen veranderde er niets.",
        "en": "Nothing changed between these two days.",
    },
    "wb.not_realised_h": {
        "nl": "Gepland in deze periode, maar niet (of nog niet) gerealiseerd",
        "en": "Planned in this period, but not (or not yet) realised",
    },
    "wb.planned_view_hint": {"nl": "Bekijk dit als gepland", "en": "See this as planned"},
    "wb.event": {"nl": "Gebeurtenis", "en": "Event"},
    "wb.decision": {"nl": "Besluit", "en": "Decision"},
    "wb.sources": {"nl": "Bronnen", "en": "Sources"},
    "wb.source": {"nl": "Bron", "en": "Source"},
    "wb.fte_h": {"nl": "Formatie per eenheid", "en": "Budgeted FTE per unit"},
    "wb.no_source": {"nl": "geen bron vastgelegd", "en": "no source recorded"},
    "wb.no_decision": {"nl": "geen besluit vastgelegd", "en": "no decision recorded"},
    "wb.chart_end": {
        "nl": "Organogram op {end}; wat er niet meer is, staat doorgestreept",
        "en": "Chart on {end}; what is gone is struck through",
    },
    "wb.assumption_mark": {"nl": "aanname", "en": "assumption"},
    "change.transferred": {"nl": "naar andere organisatie", "en": "to another organisation"},
    # decisions never carried out (services/follow_up.py)
    "wb.why.overdue": {
        "nl": "besloten, datum verstreken, niet als gerealiseerd vastgelegd",
        "en": "decided, date passed, not recorded as realised",
    },
    "wb.why.not_realised": {"nl": "besloten, niet gerealiseerd", "en": "decided, not realised"},
    "wb.latest_day": {
        "nl": "Peildatum {date}: de laatste datum met gegevens in het register (vandaag is {today}).",
        "en": "Date {date}: the latest date with data in the register (today is {today}).",
    },
    "wb.undone_title": {"nl": "Besloten, niet uitgevoerd", "en": "Decided, not carried out"},
    "wb.undone_nav": {"nl": "Niet uitgevoerd", "en": "Not carried out"},
    "wb.undone_intro": {
        "nl": "Besluiten die nooit zijn uitgevoerd, bij alle organisaties: wat als niet gerealiseerd is vastgelegd, "
        "en wat besloten is maar waarvan de datum is verstreken zonder dat het als gerealiseerd is vastgelegd.",
        "en": "Decisions never carried out, in all organisations: what is recorded as not realised, and what was "
        "decided but whose date has passed without being recorded as realised.",
    },
    "wb.undone_none": {
        "nl": "Geen: elk besluit is uitgevoerd of nog niet aan de beurt.",
        "en": "None: every decision was carried out or is still to come.",
    },
    "wb.undone_count": {"nl": "{n} bij {orgs}", "en": "{n} in {orgs}"},
    "wb.what": {"nl": "Wat", "en": "What"},
    "wb.when": {"nl": "Wanneer", "en": "When"},
    "wb.why": {"nl": "Stand", "en": "Where it stands"},
    "wb.evidence": {"nl": "Besluit en bronnen", "en": "Decision and sources"},
    "wb.says_so": {"nl": "Waaruit blijkt dat", "en": "What says so"},
    "wb.in_timeline": {"nl": "in de tijdlijn", "en": "in the timeline"},
    # the timeline's filters and pages
    "wb.period": {"nl": "van {start} tot en met {end}", "en": "from {start} to {end}"},
    "wb.found_events": {"nl": "{n} gevonden", "en": "{n} found"},
    "wb.page_of": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "wb.pages": {"nl": "Pagina's", "en": "Pages"},
    "wb.prev_page": {"nl": "Vorige pagina", "en": "Previous page"},
    "wb.next_page": {"nl": "Volgende pagina", "en": "Next page"},
    "wb.all_events": {"nl": "Alle gebeurtenissen", "en": "All events"},
}
