"""Dutch first, English on request: message catalogues for the CLI, the API and the pages.

The language is, in order: an explicit choice (``--lang``, ``?lang=``, a cookie), the
``RAADHUIS_LANG`` variable, the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when it is
English, and otherwise Dutch.
"""

from __future__ import annotations

import os

from raadhuis.i18n.messages import MESSAGES
from raadhuis.i18n.workbench_messages import WORKBENCH_MESSAGES

LANGUAGES = ("nl", "en")


def detect(explicit: str | None = None) -> str:
    for value in (explicit, os.environ.get("RAADHUIS_LANG")):
        if value and value[:2].lower() in LANGUAGES:
            return value[:2].lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def t(key: str, lang: str = "nl", **values: object) -> str:
    """The message ``key`` in ``lang`` (Dutch when missing), with ``values`` filled in."""
    entry = MESSAGES.get(key) or WORKBENCH_MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text
