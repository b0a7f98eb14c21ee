"""An event in words by one rule (i18n.events.event_words) and a check's message with names and days
in words (i18n.errors.in_words): no id, no ISO date (issue 13)."""

from __future__ import annotations

from raadhuis.i18n.errors import in_words
from raadhuis.i18n.events import event_words

NAMES = {"OW": "Openbare Werken", "BSP": "Beleid, Strategie en Projecten"}


def test_an_event_by_its_title_else_its_kind_and_units_by_name() -> None:
    titled = {"id": "bsp-samenvoeging", "type": "merge", "date": "2012-01-01", "title": "REO en Welzijn gaan op in BSP"}
    assert event_words(titled) == "REO en Welzijn gaan op in BSP"
    assert event_words(titled, dated=True) == "REO en Welzijn gaan op in BSP, 1 januari 2012"
    founded = {"id": "OW@2011-09-13", "type": "establish", "date": "2011-09-13", "unit": {"id": "OW", "name": "OW oud"}}
    assert event_words(founded, "nl", NAMES, ["OW"], dated=True) == "oprichting: OW oud, 13 september 2011"
    assert event_words(founded, "en", {}, ["OW"], dated=True) == "establish: OW oud, 13 September 2011"
    post = {"type": "add_post", "date": "2017", "post": {"id": "BSP-hoofd", "unit": "BSP", "title": "Afdelingshoofd"}}
    assert event_words(post, "nl", NAMES, ["BSP"], dated=True) == (
        "nieuwe formatieplaats: Afdelingshoofd (Beleid, Strategie en Projecten), 2017"
    )
    # A unit nobody names stays out of sight, and so does a type the catalogue does not know.
    assert event_words({"type": "rename", "unit": "X9"}, "nl", NAMES, ["X9"]) == "naamswijziging"
    assert event_words({"type": "nieuw-soort"}, "nl") == "gebeurtenis"


def test_a_message_with_its_days_and_units_in_words() -> None:
    said = in_words("eenheid 'OW' bestaat niet op 2017-01-01", "nl", NAMES)
    assert said == "eenheid 'Openbare Werken' bestaat niet op 1 januari 2017"
    assert in_words("unit 'ZZ' does not exist on 2017-01-01", "en") == "unit 'ZZ' does not exist on 1 January 2017"
