"""A live workbench on a free loopback port, and Chromium to drive it (Playwright)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from raadhuis.services import register
from raadhuis.store.database import Store
from tests.live import live_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'raadhuis.sqlite'}")
    for name in ("losser.yaml", "den-haag.yaml"):
        register.import_dataset(store, ROOT / "examples" / name, who="test", reason="browser fixture")
    with live_server(store) as url:
        yield url
    store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"Chromium is required in CI (CI=true) at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: object, live_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    # Any request that leaves this server is a failure: the workbench works offline.
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((live_url, "data:", "blob:")) else None)
    # Anything the Content-Security-Policy blocks (an inline script or style) is a failure too.
    blocked: list[str] = []
    pg.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
    assert not outside, f"requests outside the server: {outside}"
    assert not blocked, f"blocked by the Content-Security-Policy: {blocked}"


def shot(page: object, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
