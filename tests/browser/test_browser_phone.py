"""At phone width (375 px) no page of the workbench scrolls sideways: a wide table scrolls in
its own box, a long option does not widen its form, a label for screen readers stays inside."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import shot

PAGES = {
    "start": "/",
    "programmes": "/o/GM0168/programmes",
    "scenarios": "/o/GM0168/scenarios",
    "monitor": "/monitor",
    "timeline": "/o/GM0168/timeline",
    "unit": "/o/GM0168/u/BSP?at=31-12-2017",
    "studies": "/o/GM0168/studies",
    "sources": "/o/GM0168/sources",
    "audit": "/o/GM0168/audit",
    "cooperations": "/o/GM0168/cooperations",
}


@pytest.fixture
def phone(browser: Any, live_url: str) -> Any:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone: Any, live_url: str, name: str) -> None:
    phone.goto(live_url + PAGES[name])
    phone.locator("main h1").first.wait_for()
    width = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, f"phone-{name}")
    assert width <= 375, f"{PAGES[name]} is {width} px wide at 375 px"
