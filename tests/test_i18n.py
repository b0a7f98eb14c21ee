"""Dutch first: the messages people read are Dutch by default, English on request."""

from __future__ import annotations

import pytest

from raadhuis.i18n import detect, t
from raadhuis.i18n.errors import translate
from raadhuis.i18n.messages import MESSAGES


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("unit 'XYZ' does not exist on 2012-01-01", "eenheid 'XYZ' bestaat niet op 2012-01-01"),
        (
            "making 'T' the parent of 'OW' creates a cycle",
            "'T' boven 'OW' plaatsen maakt een kringloop in de hiërarchie",
        ),
        (
            "unit 'T' overlaps its period at units[2] (2009 to open): two parents at once",
            "'T' overlapt met de periode in units[2] (2009 tot open): twee lijnparents tegelijk",
        ),
        ("expected a number of at least 0, got -0.5", "verwacht een getal van minstens 0; gevonden: -0.5"),
        ("expected one of a, b, got 'c'", "verwacht een van: a, b; gevonden: 'c'"),
        (
            "unknown field: Additional properties are not allowed ('parnet' was unexpected)",
            "onbekend veld: 'parnet' hoort hier niet",
        ),
    ],
)
def test_error_messages_read_in_dutch(english: str, dutch: str) -> None:
    assert translate(english, "nl") == dutch
    assert translate(english, "en") == english


def test_unknown_messages_are_shown_unchanged() -> None:
    assert translate("something new happened", "nl") == "something new happened"


def test_every_message_has_dutch_and_english() -> None:
    for key, entry in MESSAGES.items():
        assert entry.get("nl") and entry.get("en"), key
    assert t("view.planned", "nl") == "gepland" and t("view.planned", "en") == "planned"


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("RAADHUIS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert detect() == "nl"
    assert detect("en") == "en"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert detect() == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert detect() == "nl"
    monkeypatch.setenv("RAADHUIS_LANG", "en")
    assert detect() == "en"
