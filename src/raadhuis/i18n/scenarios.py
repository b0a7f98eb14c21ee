"""Words for scenarios and salary tables, Dutch and English; the Dutch of their checks' messages.

Merged into the catalogue by one line at the end of ``i18n/messages.py``. The checks write fixed
English; the patterns below turn each into one Dutch sentence (``i18n/errors``), ahead of the
general ones.
"""

from __future__ import annotations

from raadhuis.i18n import errors as _errors

SCENARIO_MESSAGES: dict[str, dict[str, str]] = {
    "web.kind.scenario": {"nl": "scenario", "en": "scenario"},
    "web.kind.salary_table": {"nl": "salaristabel", "en": "salary table"},
    "scn.status.draft": {"nl": "concept", "en": "draft"},
    "scn.status.submitted": {"nl": "ter besluitvorming", "en": "submitted for decision"},
    "scn.status.decided": {"nl": "besloten", "en": "decided"},
    "scn.status.rejected": {"nl": "verworpen", "en": "rejected"},
    "scn.after.register": {"nl": "bovenop het register", "en": "on top of the register"},
    "scn.after.scenario_only": {"nl": "wat-als (alleen dit scenario)", "en": "what if (this scenario only)"},
}

ERROR_PATTERNS: list[tuple[str, str]] = [
    (
        r"expected a date after the branch day (\S+), got (\S+): a scenario changes the organisation from the day "
        r"after it branches",
        r"verwacht een datum na de aftakdag \1; gevonden: \2 (een scenario verandert de organisatie vanaf de dag na "
        r"de aftakdag)",
    ),
    (
        r"a scenario's events are proposals: expected status 'proposed', got '(.+?)'",
        r"de gebeurtenissen van een scenario zijn voorstellen: verwacht status 'voorgesteld'; gevonden: '\1'",
    ),
    (
        r"event id '(.+?)' is given twice in the scenario \(also at (.+)\)",
        r"gebeurtenis-id '\1' staat twee keer in het scenario (ook bij \2)",
    ),
    (
        r"event id '(.+?)' is already an event of (\S+) in the register; a proposal needs an id of its own",
        r"gebeurtenis-id '\1' is al een gebeurtenis van \2 in het register; een voorstel heeft een eigen id nodig",
    ),
    (r"event id '(.+?)' is already an event of the register", r"gebeurtenis-id '\1' staat al in het register"),
    (
        r"expected the scenario's organisation '(.+?)', got '(.+?)'",
        r"verwacht de organisatie van het scenario '\1'; gevonden: '\2'",
    ),
    (
        r"scenario '(.+?)' was promoted to plan \(decision (.+?)\); it is not changed any more: copy it to go on",
        r"scenario '\1' is bevorderd tot plan (besluit \2) en verandert niet meer: kopieer het om verder te gaan",
    ),
    (
        r"the organisation on the branch day changed since the scenario was made; look at the changes and rebase "
        r"the scenario before promoting it",
        r"de uitgangssituatie is veranderd sinds het scenario is gemaakt; bekijk de wijzigingen en werk het "
        r"uitgangspunt bij voordat u het scenario bevordert",
    ),
    (r"expected one to four scenarios to compare", r"verwacht één tot vier scenario's om te vergelijken"),
    (r"expected at most (\d+) scenarios, got (\d+)", r"verwacht hoogstens \1 scenario's; gevonden: \2"),
    (
        r"scenario '(.+?)' branches on (\S+): compare on that day or later, not (\S+)",
        r"scenario '\1' takt af op \2: vergelijk op die dag of later, niet op \3",
    ),
    (r"the decision needs its body", r"het besluit heeft een orgaan nodig (college, raad, …)"),
    (r"the decision needs its date", r"het besluit heeft een datum nodig"),
    (r"the decision needs its title", r"het besluit heeft een titel nodig"),
    (r"unknown decision '(.+?)'", r"onbekend besluit '\1'"),
    (r"expected the scenario's name", r"verwacht de naam van het scenario"),
    (r"expected the day the scenario branches from", r"verwacht de dag waarop het scenario aftakt"),
    (r"expected the day the scenario branches from \('from'\)", r"verwacht de aftakdag ('from')"),
    (
        r"a scenario becomes decided by promoting it to plan, with its decision",
        r"een scenario wordt besloten door het met zijn besluit tot plan te bevorderen",
    ),
    (r"a (\w+) scenario cannot become (\w+)", r"een scenario met status \1 kan niet \2 worden"),
    (
        r"register event '(.+?)' \((.+?), (.+?)\) would no longer fit the plan: (.+)",
        r"gebeurtenis '\1' van het register (\2, \3) past dan niet meer in het plan: \4",
    ),
    (r"the scenario holds no events to promote", r"het scenario heeft geen gebeurtenissen om te bevorderen"),
    (
        r"scenario '(.+?)' was rejected; copy it or make it a concept again",
        r"scenario '\1' is verworpen; kopieer het of maak het weer concept",
    ),
    (
        r"scenario '(.+?)' changed since version (\d+) \(now (\d+)\)",
        r"scenario '\1' is gewijzigd sinds versie \2 (nu \3)",
    ),
    (r"scenario '(.+?)' changed meanwhile; look again", r"scenario '\1' is intussen gewijzigd; kijk opnieuw"),
    (r"scenario '(.+?)' already exists in (\S+)", r"scenario '\1' bestaat al in \2"),
    (r"scenario '(.+?)' is given twice \(also at (.+)\)", r"scenario '\1' staat twee keer in het bestand (ook bij \2)"),
    (
        r"'(.+?)' is not an event this scenario was promoted into",
        r"'\1' is geen gebeurtenis waartoe dit scenario is bevorderd",
    ),
    (r"expected at least one event", r"verwacht minstens één gebeurtenis"),
    (
        r"expected an event in the dataset format \(a mapping with id, type and date\)",
        r"verwacht een gebeurtenis in het datasetformaat (met id, type en datum)",
    ),
    (r"an event needs '(\w+)'", r"een gebeurtenis heeft '\1' nodig"),
    (r"not events of the scenario: (.+)", r"geen gebeurtenissen van het scenario: \1"),
    (
        r"expected the change to take effect on or after the decision's target date",
        r"verwacht dat de verandering ingaat op of na de streefdatum van het besluit",
    ),
    (
        r"a promoted scenario is decided; expected status 'decided', got '(.+?)'",
        r"een bevorderd scenario is besloten; verwacht status 'besloten'; gevonden: '\1'",
    ),
    # salary tables
    (
        r"expected a monthly amount above 0 such as (\S+), got (.+)",
        r"verwacht een maandbedrag boven 0 zoals \1; gevonden: \2",
    ),
    (
        r"expected a salary scale such as 8, 10A or 11, got (.+)",
        r"verwacht een salarisschaal zoals 8, 10A of 11; gevonden: \1",
    ),
    (
        r"expected a step as a whole number from 0, got (.+)",
        r"verwacht een periodiek als geheel getal vanaf 0; gevonden: \1",
    ),
    (
        r"expected a day such as 2020-07-01 or 1-7-2020, got (.+)",
        r"verwacht een dag zoals 1-7-2020 of 2020-07-01; gevonden: \1",
    ),
    (
        r"expected a header row with the columns (.+); missing: (.+)",
        r"verwacht een kopregel met de kolommen \1; ontbreekt: \2",
    ),
    (
        r"scale (\S+) step (\d+) from (\S+) is given twice \(also on row (\d+)\)",
        r"schaal \1 periodiek \2 vanaf \3 staat twee keer in het bestand (ook op rij \4)",
    ),
    (r"the file holds no rows", r"het bestand bevat geen regels"),
    (r"the file holds a header row but no amounts", r"het bestand heeft een kopregel maar geen bedragen"),
    (r"expected a CSV file in UTF-8", r"verwacht een CSV-bestand in UTF-8"),
    (r"not a readable Excel file \(\.xlsx\): (.+)", r"geen leesbaar Excel-bestand (.xlsx): \1"),
    (
        r"say where the table comes from \(--source with the publication's title\) or that it is illustrative "
        r"\(--illustrative with the reason\)",
        r"zeg waar de tabel vandaan komt (de titel van de publicatie) of dat zij illustratief is (met de reden)",
    ),
    (
        r"expected the publication the table comes from \(sources\), or 'assumption' saying it is illustrative",
        r"verwacht de publicatie waar de tabel uit komt (bronnen), of een aanname die zegt dat zij illustratief is",
    ),
    (r"unknown salary table '(.+?)'; known: (.*)", r"onbekende salaristabel '\1'; bekend: \2"),
    (r"expected a step rule among (.+), got (.+)", r"verwacht een tredenregel uit \1; gevonden: \2"),
    (
        r"expected a percentage between 0 and 200, got (.+)",
        r"verwacht een percentage tussen 0 en 200; gevonden: \1",
    ),
]

WRAPPERS: list[tuple[str, str]] = [
    (r"without (\S+), event (\S+) would no longer fit: (.+)", "zonder {0} past gebeurtenis {1} niet meer: {2}"),
]

_errors.add_patterns(ERROR_PATTERNS)
_errors.add_wrappers(WRAPPERS)
