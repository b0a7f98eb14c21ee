"""Which URLs a page may turn into a link: http, https and mailto only.

A URL comes from a dataset someone typed or imported; ``javascript:alert(1)`` or a
``data:`` URL must never become a live link. Everything else is shown as plain text.
Used by the workbench's templates and the HTML report (Jinja filter ``link_target``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")


def link_target(url: object) -> str | None:
    """``url`` when it is an absolute http(s) or mailto URL, else None (show it as text)."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    # Browsers drop tabs and newlines inside a scheme ("java\tscript:"): refuse them outright.
    if not text or any(ch in text for ch in "\t\r\n") or any(ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return None
    return text
