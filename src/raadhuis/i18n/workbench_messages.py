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
    "wb.unknown": {"nl": "onbekend", "en": "unknown"},
    "wb.partly_unknown": {"nl": "deels onbekend", "en": "partly unknown"},
    "web.no_pdf": {
        "nl": "Het maken van een PDF is op deze installatie niet beschikbaar.",
        "en": "Making a PDF is not available on this installation.",
    },
}
