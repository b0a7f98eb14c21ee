"""Error messages in Dutch.

The checks (schema, dataset, engine, Excel, CBS) write their messages in English with
fixed wording; this module turns them into Dutch for the people who read them, by
pattern. A message without a pattern is shown as it is, so nothing is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from raadhuis.i18n.engine import ENGINE_ERROR_PATTERNS
from raadhuis.i18n.studies import STUDY_ERROR_PATTERNS
from raadhuis.i18n.trajectories import ERROR_PATTERNS as TRAJECTORY_PATTERNS

# (English pattern, Dutch template). Groups are re-used by number.
_PATTERNS: list[tuple[str, str]] = [
    (r"unit '(.+?)' does not exist on (\S+)", r"eenheid '\1' bestaat niet op \2"),
    (r"post '(.+?)' does not exist on (\S+)", r"formatieplaats '\1' bestaat niet op \2"),
    (r"parent unit '(.+?)' does not exist on (\S+)", r"bovenliggende eenheid '\1' bestaat niet op \2"),
    (
        r"unit '(.+?)' already exists on (\S+); a unit has one line parent at a time \(end it or move it instead\)",
        r"eenheid '\1' bestaat al op \2; een eenheid valt op elk moment onder één lijnparent (beëindig of verplaats haar)",
    ),
    (r"unit '(.+?)' already exists on (\S+)", r"eenheid '\1' bestaat al op \2"),
    (r"post '(.+?)' already exists on (\S+)", r"formatieplaats '\1' bestaat al op \2"),
    (r"unit '(.+?)' is its own parent \(on (\S+)\)", r"eenheid '\1' is haar eigen bovenliggende eenheid (op \2)"),
    (
        r"units (.+) form a cycle: each has the next as its parent \(on (\S+)\)",
        r"de eenheden \1 vormen een kringloop: elk heeft de volgende als bovenliggende eenheid (op \2)",
    ),
    (
        r"making '(.+?)' the parent of '(.+?)' creates a cycle",
        r"'\1' boven '\2' plaatsen maakt een kringloop in de hiërarchie",
    ),
    (
        r"unit '(.+?)' still has sub-unit '(.+?)'; move or end it first",
        r"eenheid '\1' heeft nog onderdeel '\2'; verplaats of beëindig dat eerst",
    ),
    (
        r"unit '(.+?)' is not temporary; only a temporary unit converts",
        r"eenheid '\1' is niet tijdelijk; alleen een tijdelijke eenheid kan worden omgezet",
    ),
    (r"unit '(.+?)' cannot be absorbed into itself", r"eenheid '\1' kan niet in zichzelf opgaan"),
    (
        r"(unit|post) '(.+?)' overlaps its period at (\S+) \((.+?) to (.+?)\): two parents at once",
        r"'\2' overlapt met de periode in \3 (\4 tot \5): twee lijnparents tegelijk",
    ),
    (
        r"(unit|post) '(.+?)' overlaps its period at (\S+) \((.+?) to (.+?)\): overlapping periods",
        r"'\2' overlapt met de periode in \3 (\4 tot \5): overlappende perioden",
    ),
    (r"a merge needs at least two units", "een samenvoeging heeft minstens twee eenheden nodig"),
    (r"a split needs at least two resulting units", "een splitsing heeft minstens twee nieuwe eenheden nodig"),
    (r"a (\w+) event needs '(\w+)': (.+)", r"een gebeurtenis van type \1 heeft '\2' nodig: \3"),
    (r"expected one of (.+), got (.+)", r"verwacht een van: \1; gevonden: \2"),
    (r"expected a number of at least (\S+), got (.+)", r"verwacht een getal van minstens \1; gevonden: \2"),
    (r"expected a number of at most (\S+), got (.+)", r"verwacht een getal van hoogstens \1; gevonden: \2"),
    (r"expected an FTE of at least 0, got (.+)", r"verwacht een fte van minstens 0; gevonden: \1"),
    (
        r"expected a valid date \(YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1\.\.Q4, YYYY-H1/H2 or YYYY-spring/summer/autumn/winter\), "
        r"got (.+?): (.+)",
        r"verwacht een bestaande datum (JJJJ-MM-DD, JJJJ-MM, JJJJ, JJJJ-Q1..Q4, JJJJ-H1/H2 of JJJJ-voorjaar/zomer/najaar/winter); "
        r"gevonden: \1",
    ),
    (
        r"expected a date \(YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Q1\.\.Q4, YYYY-H1/H2 or YYYY-spring/summer/autumn/winter\), "
        r"got (.+)",
        r"verwacht een datum als 2011-12-31 (JJJJ-MM-DD), 2011-12, 2011, 2011-Q1..Q4, 2011-H1/H2 of "
        r"2011-voorjaar/zomer/najaar/winter; gevonden: \1",
    ),
    (r"expected a valid date \((.+?)\), got (.+?): (.+)", r"verwacht een geldige datum (\1); gevonden: \2 (\3)"),
    (r"expected a date \((.+?)\), got (.+)", r"verwacht een datum (\1); gevonden: \2"),
    (r"expected a day YYYY-MM-DD, got (.+)", r"verwacht een dag JJJJ-MM-DD; gevonden: \1"),
    (
        r"expected a date such as 31-12-2011 or 2011-12-31, or a date and time; got: (.+)",
        r"verwacht een datum als 31-12-2011 of 2011-12-31, of een datum met tijdstip; gevonden: \1",
    ),
    (
        r"expected a date such as 31-12-2011 or 2011-12-31; got: (.+)",
        r"verwacht een datum als 31-12-2011 of 2011-12-31; gevonden: \1",
    ),
    (r"expected view 'actual' or 'planned', got (.+)", r"verwacht weergave 'feitelijk' of 'gepland'; gevonden: \1"),
    (r"expected a date after 'from' \((.+?)\), got (.+)", r"verwacht een datum na 'from' (\1); gevonden: \2"),
    (r"expected a finite number, got (.+)", r"verwacht een eindig getal; gevonden: \1"),
    (r"expected (\[?[\w', ]+\]?), got (.+)", r"verwacht \1; gevonden: \2"),
    (
        r"unknown field: Additional properties are not allowed \((.+) (?:was|were) unexpected\)",
        r"onbekend veld: \1 hoort hier niet",
    ),
    (r"'(.+?)' is required", r"'\1' is verplicht"),
    (r"not valid YAML: (.+)", r"geen geldige YAML: \1"),
    (r"not valid JSON: (.+)", r"geen geldige JSON: \1"),
    (r"not one of the accepted forms: (.+)", r"geen van de toegestane vormen: \1"),
    (r"event id '(.+?)' is used twice \(also at (.+)\)", r"gebeurtenis-id '\1' komt twee keer voor (ook bij \2)"),
    (
        r"unknown decision '(.+?)'; expected one of the decisions listed",
        r"onbekend besluit '\1'; verwacht een van de opgenomen besluiten",
    ),
    (
        r"organisation '(.+?)' is used but not declared in 'organisations' nor in the store",
        r"organisatie '\1' wordt gebruikt maar staat niet in 'organisations' en niet in het register",
    ),
    (
        r"expected the organisation \(here or as the dataset's 'organisation'\)",
        "verwacht de organisatie (hier of als 'organisation' van de dataset)",
    ),
    (r"cannot read the file: the file does not exist", "kan het bestand niet lezen: het bestaat niet"),
    (r"cannot read the file: this is a folder, not a file", "kan het bestand niet lezen: dit is een map, geen bestand"),
    (
        r"cannot read the file: a part of the path is not a folder",
        "kan het bestand niet lezen: een deel van het pad is geen map",
    ),
    (r"cannot read the file: no permission to read it", "kan het bestand niet lezen: geen toestemming"),
    (
        r"cannot read the file: the operating system could not read it",
        "kan het bestand niet lezen: het besturingssysteem kon het niet lezen",
    ),
    (r"cannot read the file(?: as UTF-8 text)?: (.+)", r"kan het bestand niet lezen: \1"),
    (
        r"not a readable Excel workbook \(\.xlsx\): damaged, or of another kind",
        "geen leesbare Excel-werkmap (.xlsx): beschadigd, of een ander soort bestand",
    ),
    (
        r"expected UTF-8 text \(a character at byte (\d+) is not\)",
        r"verwacht UTF-8-tekst (het teken op byte \1 is dat niet)",
    ),
    (
        r"expected a mapping with sections such as organisations, units, events",
        "verwacht een dataset met onderdelen als organisations, units en events",
    ),
    (r"expected UTF-8 text", "verwacht UTF-8-tekst"),
    (r"(\S+) '(.+?)' not found: (.+)", r"\1 '\2' niet gevonden: \3"),
    (r"(\S+) '(.+?)' not found", r"\1 '\2' niet gevonden"),
    # Writers waiting for each other, and the limits on input (docs/schrijven.md)
    (
        r"another change is being saved; try again shortly \(a change waits at most (\S+) s; (\S+) sets how long\)",
        r"er wordt al een andere wijziging opgeslagen; probeer het zo opnieuw (een wijziging wacht hoogstens \1 s; "
        r"\2 bepaalt hoe lang)",
    ),
    (
        r"the request is too large \(the largest accepted is (.+?), (\S+)\)",
        r"het verzoek is te groot (de grootste die wordt aangenomen is \1, \2)",
    ),
    (
        r"the dataset is (.+?); the largest that is read is (.+?) \((\S+)\)",
        r"de dataset is \1; de grootste die wordt ingelezen is \2 (\3)",
    ),
    (r"nested deeper than (\d+) levels \(the limit is (\S+)\)", r"dieper genest dan \1 niveaus (de grens is \2)"),
    (
        r"aliases repeat more than (\d+) nodes \(here the node on line (\d+); the limit is (\S+)\)",
        r"aliassen (*naam) herhalen meer dan \1 knopen (hier de knoop op regel \2; de grens is \3)",
    ),
    (
        r"an alias repeats the node on line (\d+) inside itself",
        r"een alias (*naam) herhaalt de knoop op regel \1 binnen zichzelf",
    ),
    (
        r"key '(.+?)' is given twice in one mapping: on line (\d+) and on line (\d+)",
        r"sleutel '\1' staat twee keer in dezelfde mapping: op regel \2 en op regel \3",
    ),
    (r"key '(.+?)' is given twice in one mapping", r"sleutel '\1' staat twee keer in dezelfde mapping"),
    (
        r"expected the @context inline; a remote context is not fetched \((.+)\)",
        r"verwacht de @context in het bestand zelf; een context elders wordt niet opgehaald (\1)",
    ),
    (r"(RAADHUIS_\w+): expected a number, got (.+)", r"\1: verwacht een getal; gevonden: \2"),
    (
        r"(RAADHUIS_\w+): expected a number of at least (\S+) and at most (\S+), got (.+)",
        r"\1: verwacht een getal van minstens \2 en hoogstens \3; gevonden: \4",
    ),
    (
        r"(RAADHUIS_\w+): expected a number of at least (\S+), got (.+)",
        r"\1: verwacht een getal van minstens \2; gevonden: \3",
    ),
]
_PATTERNS[0:0] = ENGINE_ERROR_PATTERNS
# The sections' own patterns first: they are more specific than the general ones below.
_PATTERNS[:0] = TRAJECTORY_PATTERNS
_PATTERNS[:0] = STUDY_ERROR_PATTERNS  # the studies' checks (i18n/studies.py)
_COMPILED = [(re.compile(f"^{p}$", re.DOTALL), d) for p, d in _PATTERNS]
# Messages that wrap another message (the last group), translated in turn.
_WRAPPERS = [
    (
        r"event '(.+?)' already in the register \(on (\S+)\) no longer fits: (.+)",
        "gebeurtenis '{0}' die al in het register staat (op {1}) past niet meer: {2}",
    ),
]
_WRAPPERS_COMPILED = [(re.compile(f"^{p}$", re.DOTALL), d) for p, d in _WRAPPERS]
_WORDS = {"organisation": "organisatie", "unit": "eenheid", "event": "gebeurtenis", "post": "formatieplaats"}


def translate(message: str, lang: str = "nl") -> str:
    """``message`` in ``lang``; English messages pass through unchanged for lang="en"."""
    if lang != "nl":
        return message
    for pattern, template in _WRAPPERS_COMPILED:
        m = pattern.match(message)
        if m:
            *outer, inner = m.groups()
            return template.format(*outer, translate(inner, lang))
    for pattern, dutch in _COMPILED:
        m = pattern.match(message)
        if m:
            out = m.expand(dutch)
            for en, nl in _WORDS.items():
                out = out.replace(f"{en} '", f"{nl} '") if out.startswith(en) else out
            return out
    return message


def add_patterns(patterns: list[tuple[str, str]]) -> None:
    """Dutch patterns of a feature's own check messages (its i18n module calls this), tried
    before the general ones so that a specific message is not half translated by a general one."""
    _COMPILED[:0] = [(re.compile(f"^{p}$", re.DOTALL), d) for p, d in patterns]


def add_wrappers(patterns: list[tuple[str, str]]) -> None:
    """Dutch templates of messages that wrap another message (their last group), which is
    translated in turn: ``"without X, event Y would no longer fit: {inner}"``."""
    _WRAPPERS_COMPILED[:0] = [(re.compile(f"^{p}$", re.DOTALL), d) for p, d in patterns]


def _kind_patterns() -> list[tuple[str, str]]:
    """'this is an Excel workbook, not a dataset ...' (services/exchange.FileKindError) in Dutch."""
    from raadhuis.i18n.cli import CLI_MESSAGES

    reads = CLI_MESSAGES["expected.dataset"]
    return [
        (re.escape(f"this is {m['en']}, not {reads['en']}"), f"dit is {m['nl']}, geen {reads['nl']}")
        for key, m in CLI_MESSAGES.items()
        if key.startswith("kind.")
    ]


add_patterns(_kind_patterns())


_CONFLICT = re.compile(
    r"^event (?P<event>.+?) \((?P<kind>[a-z_]+), (?P<date>[^)]+)\): (?P<field>[^:]+): (?P<message>.*)$", re.S
)


_QUOTED = re.compile(r"'([^']+)'")


def in_words(text: str, lang: str = "nl", names: Mapping[str, str] | None = None) -> str:
    """A check's message as a reader reads it: each quoted id of a unit (or other thing ``names``
    knows) by its name, and each day in words (the one rule of :func:`formatting.dates_in_words`).
    Text that is neither stays."""
    from raadhuis.i18n.formatting import dates_in_words

    known = names or {}
    text = _QUOTED.sub(lambda m: f"'{known[m.group(1)]}'" if m.group(1) in known else m.group(0), text)
    return dates_in_words(text, lang)


def conflict_words(text: str, lang: str = "nl") -> str:
    """A planned event that no longer fits, in the reader's words: its kind and date in words and
    the engine's message translated ("gebeurtenis hoofd-wiz-2017 (nieuwe formatieplaats, 2017):
    eenheid 'WIZ' bestaat niet op 2017-01-01"). The import result's ``conflicts`` (JSON) keep the
    engine's own text; a text of another form is returned translated as it is."""
    from raadhuis.i18n import t
    from raadhuis.i18n.formatting import dates_in_words, format_date

    m = _CONFLICT.match(text)
    if m is None:
        return dates_in_words(translate(text, lang), lang)
    kind = t("event." + m["kind"], lang)
    return t(
        "conflict.words",
        lang,
        event=m["event"],
        kind=kind if kind != "event." + m["kind"] else m["kind"],
        date=format_date(m["date"], lang),
        message=dates_in_words(translate(m["message"], lang), lang),
    )
