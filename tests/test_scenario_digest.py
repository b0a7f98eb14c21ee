"""The branch day's fingerprint: a post's text is json's text of its canonical dict, character for
character (the fingerprints are stored with the scenarios), whatever the post holds."""

from __future__ import annotations

import json
from dataclasses import replace

from raadhuis.canonical.digest_text import post_text
from raadhuis.canonical.encode import post_to_dict
from raadhuis.domain.model import Post, Staffing, StaffingKind

BASE = Post("p-1", "U1", "Beleidsmedewerker", 0.8)
ODD: list[Post] = [
    BASE,
    replace(BASE, fte=1),  # an int
    replace(BASE, fte=float("nan")),
    replace(BASE, fte=float("inf")),
    replace(BASE, fte=True),  # json writes true, not 1
    replace(BASE, fte=1e-7),
    replace(BASE, title='Hoofd "Zorg" \\ Welzijn\n\tën ∑ 😀', id="p/é"),
    replace(BASE, scale="10", roles=("manager", "policy"), reports_to="p-0"),
    replace(BASE, scale="", roles=(), reports_to=""),  # empty: scale kept, reports_to left out
    replace(
        BASE,
        staffing=(
            Staffing(StaffingKind.EMPLOYEE, 0.8, person="Jan"),
            Staffing(StaffingKind.EXTERNAL_HIRE, 0.2, organisation="Bureau X", cost=12000.5),
            Staffing(StaffingKind.LOAN_IN, 0.1, person="Ann", organisation="GM0002", cost=5),
            Staffing(StaffingKind.VACANCY, 0.0),
        ),
    ),
    replace(BASE, staffing=(Staffing(StaffingKind.EMPLOYEE, float("nan")),)),
    replace(BASE, roles=("manager", 3)),  # type: ignore[arg-type] - bad data still gets json's text
]


def test_a_posts_text_is_jsons_text_of_its_canonical_dict() -> None:
    for post in ODD:
        assert post_text(post) == json.dumps(post_to_dict(post), sort_keys=True, default=str), post
