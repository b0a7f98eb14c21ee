"""Words of the temporal engine's answers: conversions, transfers between organisations, and
dates whose imprecision leaves an answer open (merged into the catalogue in messages.py)."""

from __future__ import annotations

from datetime import date

from raadhuis.i18n.formatting import MONTHS

ENGINE_MESSAGES: dict[str, dict[str, str]] = {
    # diff: kinds of change (domain/compare.py)
    "change.converted": {"nl": "omgezet (tijdelijk → definitief)", "en": "converted (temporary → definitive)"},
    "change.transferred_out": {"nl": "naar andere organisatie", "en": "to another organisation"},
    "change.transferred_in": {"nl": "van andere organisatie", "en": "from another organisation"},
    # ... said plainly when no event of the period explains them (services/differences.py)
    "diff.bare.converted": {"nl": "{unit} is van tijdelijk definitief geworden", "en": "{unit} became definitive"},
    "diff.bare.transferred_out": {
        "nl": "{unit} is met de eenheid erboven naar een andere organisatie gegaan",
        "en": "{unit} went to another organisation with the unit above it",
    },
    "diff.bare.transferred_in": {
        "nl": "{unit} is met de eenheid erboven van een andere organisatie gekomen",
        "en": "{unit} came from another organisation with the unit above it",
    },
    # lineage: the unit itself before a conversion that kept its id
    "lineage.earlier_form": {"nl": "tijdelijke vorm, tot {until}", "en": "temporary form, until {until}"},
    # imprecise dates (FuzzyDate.uncertain_on)
    "uncertain.label": {
        "nl": "datum onzeker: tussen {start} en {end}",
        "en": "date uncertain: between {start} and {end}",
    },
    "uncertain.short": {"nl": "datum onzeker", "en": "date uncertain"},
    "uncertain.title": {"nl": "Onzekere datums op deze dag", "en": "Uncertain dates on this day"},
    "uncertain.help": {
        "nl": "Deze gebeurtenissen hebben een onscherpe datum; de stand hierboven neemt aan dat ze op de "
        "eerste dag van hun periode gebeurden.",
        "en": "These events have an imprecise date; the state above assumes they happened on the first "
        "day of their period.",
    },
    "uncertain.event": {"nl": "{event} ({date}): {units}", "en": "{event} ({date}): {units}"},
    # a planned event that no longer fits (EngineError's text, as import results and timelines keep it)
    "conflict.words": {
        "nl": "gebeurtenis {event} ({kind}, {date}): {message}",
        "en": "event {event} ({kind}, {date}): {message}",
    },
}


def day_text(day: date, lang: str = "nl", year: bool = True) -> str:
    """A day as people write it: "1 april 2017" (Dutch), "1 April 2017" (English)."""
    text = f"{day.day} {MONTHS.get(lang, MONTHS['nl'])[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def window_label(start: date, end: date, lang: str = "nl") -> str:
    """ "datum onzeker: tussen 1 april en 30 april 2017" — the year once when both days share it."""
    from raadhuis.i18n import t

    same_year = start.year == end.year
    return t("uncertain.label", lang, start=day_text(start, lang, year=not same_year), end=day_text(end, lang))


# The engine's error messages in Dutch (i18n/errors.py puts these first: they are the more specific).
ENGINE_ERROR_PATTERNS: list[tuple[str, str]] = [
    (
        r"post '(.+?)' of unit '(.+?)' is not allocated on (\S+); name it in the 'posts' of one of the resulting units",
        r"formatieplaats '\1' van eenheid '\2' is op \3 niet toegewezen; noem haar bij 'posts' van een van de "
        r"nieuwe eenheden",
    ),
    (
        r"sub-unit '(.+?)' of unit '(.+?)' is not allocated on (\S+); name it in the 'units' of one of the resulting units",
        r"onderdeel '\1' van eenheid '\2' is op \3 niet toegewezen; noem het bij 'units' van een van de nieuwe eenheden",
    ),
    (
        r"(posts|sub-units) are allocated to '(.+?)', which is not a resulting unit",
        r"er worden onderdelen of formatieplaatsen toegewezen aan '\2', maar dat is geen nieuwe eenheid",
    ),
    (r"(post|sub-unit) '(.+?)' is not in unit '(.+?)'", r"'\2' hoort niet bij eenheid '\3'"),
    (
        r"(post|sub-unit) '(.+?)' is allocated twice \('(.+?)' and '(.+?)'\)",
        r"'\2' is twee keer toegewezen ('\3' en '\4')",
    ),
    (
        r"unit '(.+?)' already exists in (\S+) on (\S+); give the unit its id there with 'other_unit'",
        r"eenheid '\1' bestaat al in \2 op \3; geef de eenheid daar een eigen id met 'other_unit'",
    ),
    (r"post '(.+?)' already exists in (\S+) on (\S+)", r"formatieplaats '\1' bestaat al in \2 op \3"),
    (r"parent unit '(.+?)' does not exist in (\S+) on (\S+)", r"bovenliggende eenheid '\1' bestaat niet in \2 op \3"),
    (
        r"give the definitive unit's attributes in 'into' or in 'set', not both",
        "geef de kenmerken van de definitieve eenheid in 'into' of in 'set', niet in beide",
    ),
    (
        r"expected the definitive unit as a mapping with id and name",
        "verwacht de definitieve eenheid als een mapping met id en naam",
    ),
]


def uncertain_labels(entries: list[dict[str, object]], lang: str = "nl") -> dict[str, list[str]]:
    """Per unit the words for the uncertain dates that touch it, from ``show``'s ``uncertain`` list:
    ``{"OCW": ["datum onzeker: tussen 1 april en 30 april 2017"]}``. The pages, the chart and the
    report mark the units with these."""
    out: dict[str, list[str]] = {}
    for entry in entries:
        window = entry["window"]
        assert isinstance(window, dict)
        label = window_label(date.fromisoformat(window["from"]), date.fromisoformat(window["to"]), lang)
        units = entry.get("units") or []
        assert isinstance(units, list)
        for uid in units:
            if label not in out.setdefault(str(uid), []):
                out[str(uid)].append(label)
    return out
