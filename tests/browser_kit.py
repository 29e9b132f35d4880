"""What the Chromium journeys share: one user's walk through the app in a page (where it
arrives, what the console and the confirm dialogs say), logging in and out by the forms.

The page itself comes from the ``browser_page`` fixture in tests/conftest.py: Debian's
Chromium driven by Playwright, never downloaded.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from tests.conftest import PASSWORD

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Journey:
    """A user's walk in *page* against the live server at *base_url*."""

    def __init__(self, page, base_url: str) -> None:
        self.page, self.base_url = page, base_url
        self.visited: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        page.on("dialog", self._confirm)

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _confirm(self, dialog) -> None:
        # Forms marked data-confirm ask before submitting; the user says yes.
        self.dialogs.append(dialog.message)
        dialog.accept()

    def arrived(self, path_pattern: str) -> None:
        """The page has loaded at a path matching *path_pattern*, and speaks Vietnamese."""
        page = self.page
        page.wait_for_load_state("load")
        path = page.url.removeprefix(self.base_url)
        assert re.fullmatch(path_pattern, path), (page.url, page.locator("main").inner_text()[:2000])
        assert page.locator("html").get_attribute("lang") == "vi", page.url
        self.visited.append(page.url)

    def go(self, locator, path_pattern: str) -> None:
        """Click *locator* (a link or a submit button), wait for the page it loads."""
        with self.page.expect_navigation():
            locator.click()
        self.arrived(path_pattern)

    def nav(self, name: str | re.Pattern, path_pattern: str) -> None:
        """Follow a link of the main navigation bar, opening its menu first if it is in one."""
        navbar = self.page.locator("nav.navbar")
        link = navbar.get_by_role("link", name=name, exact=True)
        if not link.is_visible():
            # A closed menu hides its links from the accessibility tree.
            hidden = self.page.get_by_role("link", name=name, exact=True, include_hidden=True)
            navbar.locator(".dropdown", has=hidden).get_by_role("button").click()
        self.go(link, path_pattern)

    def log_in(self, username: str) -> None:
        """Open the login page (the one address a user types) and sign in as *username*."""
        self.page.goto(f"{self.base_url}/accounts/login/")
        self.arrived(r"/accounts/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(PASSWORD)
        self.go(self.page.get_by_role("button", name="Đăng nhập"), r"/")

    def log_out(self) -> None:
        logout = self.page.locator("nav.navbar").get_by_role("button", name="Đăng xuất")
        self.go(logout, r"/accounts/login/")

    def messages(self) -> list[str]:
        """The messages shown at the top of the page (saved, sent, refused…)."""
        return [text.strip() for text in self.page.locator(".messages .alert").all_inner_texts()]

    def csp_errors(self) -> list[str]:
        return [e for e in self.console_errors if re.search("Content[ -]Security[ -]Policy", e)]

    def page_errors(self) -> list[str]:
        return [e for e in self.console_errors if e.startswith("pageerror")]
