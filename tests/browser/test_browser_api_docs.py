"""The interactive API documentation renders offline (the Swagger UI shipped by PyPI)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def test_api_docs_render_the_endpoints(page, live_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_url + "/api/v1/docs")
    page.get_by_text("/api/v1/organisations/{org}/timeline", exact=True).wait_for(timeout=15000)
    assert "Unable to render" not in page.content()
    shot(page, "20-api-docs")
