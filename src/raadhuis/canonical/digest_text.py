"""A post's canonical JSON text, as :func:`json.dumps` of its canonical dict writes it with sorted keys.

The fingerprint of a scenario's branch day (``canonical.scenarios.snapshot_digest``) hashes the text
of every post of the organisation on that day: 10,000 posts at 1,000 units. ``json.dumps`` of
``post_to_dict`` makes a dict and an encoder per post; this writes the same characters directly
(the keys in sorted order, strings by the json module's own escaping, numbers as ``repr``), which
takes a third of the time. The fingerprints are stored with the scenarios, so the text must be
exactly json's: a post holding anything but plain strings and finite numbers is written by json.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring_ascii as _quote  # what json.dumps uses for a str (ensure_ascii)

from raadhuis.canonical.encode import post_to_dict
from raadhuis.domain.model import Post, Staffing


class _NotPlain(Exception):
    """A value json would write otherwise than repr (a subclass, bool, NaN, infinity, another type)."""


def _number(value: object) -> str:
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    if type(value) is int:
        return int.__repr__(value)
    raise _NotPlain


def _staffing(s: Staffing) -> str:
    # The keys of encode._staffing_dict in sorted order: cost, fte, kind, organisation, person.
    kind, person, organisation = s.kind._value_, s.person, s.organisation
    if type(kind) is not str or (person is not None and type(person) is not str):
        raise _NotPlain
    if organisation is not None and type(organisation) is not str:
        raise _NotPlain
    text = "{" if s.cost is None else '{"cost": ' + _number(s.cost) + ", "
    text += '"fte": ' + _number(s.fte) + ', "kind": ' + _quote(kind)
    if organisation is not None:
        text += ', "organisation": ' + _quote(organisation)
    if person is not None:
        text += ', "person": ' + _quote(person)
    return text + "}"


def _plain(post: Post) -> str:
    # The keys of encode.post_to_dict in sorted order: fte, id, reports_to, roles, scale, staffing, title, unit.
    pid, title, unit, scale, reports_to = post.id, post.title, post.unit, post.scale, post.reports_to
    if type(pid) is not str or type(title) is not str or type(unit) is not str:
        raise _NotPlain
    text = '{"fte": ' + _number(post.fte) + ', "id": ' + _quote(pid)
    if reports_to:
        if type(reports_to) is not str:
            raise _NotPlain
        text += ', "reports_to": ' + _quote(reports_to)
    if post.roles:
        if any(type(r) is not str for r in post.roles):
            raise _NotPlain
        text += ', "roles": [' + ", ".join(map(_quote, post.roles)) + "]"
    if scale is not None:
        if type(scale) is not str:
            raise _NotPlain
        text += ', "scale": ' + _quote(scale)
    if post.staffing:
        text += ', "staffing": [' + ", ".join(map(_staffing, post.staffing)) + "]"
    return text + ', "title": ' + _quote(title) + ', "unit": ' + _quote(unit) + "}"


def post_text(post: Post) -> str:
    """``json.dumps(post_to_dict(post), sort_keys=True, default=str)``, the same characters."""
    try:
        return _plain(post)
    except _NotPlain:
        return json.dumps(post_to_dict(post), sort_keys=True, default=str)
