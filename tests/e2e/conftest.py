"""Browser tests: Debian chromium driven by Playwright against Django's live server."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CHROMIUM = os.environ.get("KOHTAANTO_CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the test itself still touches the
# database synchronously, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found: install Debian's chromium (make browser)")
    for item in items:
        if "e2e" in item.keywords or "a11y" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# --- the demo, loaded once per test session ------------------------------------------------------------
# Loading the demo takes seconds; a browser test takes about as long. On SQLite the demo is loaded once
# per session (per xdist worker) and kept as an in-memory image; each test copies the image into the
# test database with SQLite's online backup (milliseconds), and the flush after the test empties it as
# before. On PostgreSQL the demo is loaded per test as before (CI runs the browser tests on SQLite).


def _image_of(connection) -> sqlite3.Connection:
    connection.ensure_connection()
    image = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(image)
    return image


@pytest.fixture(scope="session")
def demo_image(django_db_setup, django_db_blocker) -> Iterator[sqlite3.Connection | None]:
    from django.db import connection
    from django.test.utils import override_settings

    from kohtaanto.web.plainlang.services import warm_up
    from kohtaanto.web.project import demo

    warm_up()  # the lexicons, loaded once per worker as `kohtaanto serve` does before it serves
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            yield None
            return
        before = _image_of(connection)
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
                demo.load()
            image = _image_of(connection)
        finally:
            before.backup(connection.connection)  # the database as the session had it
        yield image
        image.close()
        before.close()


@pytest.fixture
def demo_world(demo_image, transactional_db, settings):
    """The demo data. Passwords are hashed with a fast hasher here; Argon2 is covered by the db tests."""
    from django.db import connection

    from kohtaanto.web.project import demo

    settings.PASSWORD_HASHERS = FAST_HASHERS
    if demo_image is None:
        demo.load()
    else:
        connection.ensure_connection()
        demo_image.backup(connection.connection)
    return demo


def sign_in(page, username: str, password: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: not url.rstrip("/").endswith("/login"))


def choose_language(page, code: str) -> None:
    page.locator("#language-select").select_option(code)
    with page.expect_navigation():
        page.locator(".language-switcher button[type=submit]").click()
