"""Browser tests of the console: Debian's Chromium driven by Playwright against the embedded
platform over real HTTP (the `embedded` fixture of tests/conftest.py), through the realm's login
page. Playwright downloads no browser here: it launches /usr/bin/chromium (`make browser`).

Nothing is skipped: without Chromium or a build of the console the tests fail and say which
`make` target provides it. Each test saves screenshots under artifacts/screenshots/ (git
ignores the folder; CI keeps it), so a reviewer can look at every page.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from shouhu.platform.idp import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# As the machine's notes have it: no sandbox as root, and none of Chromium's calls home, which
# this closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILD = ROOT / "gateway" / "console" / "dist" / "index.html"
AXE = ROOT / "gateway" / "console" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("SHOUHU_SCREENSHOTS", ROOT / "artifacts" / "screenshots"))
# What a browser test waits for at most: a wait, not a measure (the machine is shared).
WAIT_MS = 60_000
LOGIN_PATH = "/realms/shouhu/protocol/openid-connect/auth"

expect.set_options(timeout=WAIT_MS)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, for one test module."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is not installed: `make browser` installs it")
    if not BUILD.exists():
        pytest.fail("the console is not built: `make console` builds it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """One browser tab on the console, with what went wrong in it."""

    page: Page
    base: str
    problems: list[str] = field(default_factory=list)

    def url(self, path: str = "/") -> str:
        return f"{self.base}/console{path}"

    def goto(self, path: str = "/") -> None:
        self.page.goto(self.url(path))

    def at_login_page(self) -> None:
        """The realm's login page: the inputs named as Keycloak names them."""
        expect(self.page.locator("input[name=username]")).to_be_visible()
        expect(self.page.locator("input[name=password]")).to_be_visible()
        assert LOGIN_PATH in self.page.url or "login-actions" in self.page.url, self.page.url

    def sign_in(self, username: str, path: str = "/", password: str = DEMO_PASSWORD) -> None:
        """Through the login page, as a person does; back on the console at `path`."""
        self.goto(path)
        self.at_login_page()
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        self.page.locator("form [type=submit]").click()
        expect(self.page.get_by_test_id("current-user")).to_contain_text(username)
        self.page.wait_for_url(re.compile(re.escape(self.url(path)) + r"(\?.*)?$"))

    def sign_out(self) -> None:
        self.page.get_by_test_id("sign-out").click()
        self.at_login_page()

    def live(self) -> None:
        """The notification subscription is open (home page)."""
        expect(self.page.get_by_test_id("live-status")).to_have_attribute("data-live", "open")

    def choose(self, label: str, option: str) -> None:
        """An Element Plus select: open it by its label, pick the option by its text, and see it
        chosen. A forced click while another list is still closing lands on that list's option
        under the pointer (it once chose another town, whose police were not watching)."""
        box = self.page.get_by_role("combobox", name=label, exact=True)
        expect(box).to_be_enabled()
        select = self.page.locator(".el-select").filter(has=box)
        item = self.page.locator(".el-select-dropdown__item:visible").filter(
            has_text=re.compile(f"^{re.escape(option)}$")
        )
        for _ in range(5):
            # Another list still closing over this box would take the click (force skips the check).
            expect(self.page.locator(".el-select-dropdown:visible")).to_have_count(0)
            box.click(force=True)
            try:
                expect(item).to_have_count(1, timeout=3_000)
                item.click()
                expect(select).to_contain_text(option, timeout=3_000)
                return
            except AssertionError:
                self.page.keyboard.press("Escape")
        expect(select).to_contain_text(option)

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        # The console scrolls inside its main area (the header and menu stay): for the picture,
        # the page grows to its content, so the whole of it is seen, then scrolls as before.
        grown = self.page.evaluate(
            """() => {
              const style = document.createElement('style')
              style.textContent = `html, body, #app, .shell, .shell-body, .el-main
                { height: auto !important; overflow: visible !important; }`
              document.head.append(style)
              return true
            }"""
        )
        try:
            self.page.screenshot(path=str(path), full_page=True, animations="disabled")
        finally:
            if grown:
                self.page.evaluate("() => document.head.lastElementChild.remove()")
        return path

    def axe(self) -> list[dict[str, Any]]:
        """axe-core's serious and critical violations on the page, its transitions ended."""
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        found: list[dict[str, Any]] = self.page.evaluate(
            """async () => {
              // The page at rest: a dialog fading in is judged once it has, not half-transparent
              // (endless ones, a spinner's, are not waited for).
              const ending = document.getAnimations().filter(
                (a) => a.effect?.getComputedTiming().endTime !== Infinity)
              await Promise.all(ending.map((a) => a.finished.catch(() => null)))
              const result = await axe.run(document, { resultTypes: ['violations'] })
              return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
              }))
            }"""
        )
        return [v for v in found if v["impact"] in ("serious", "critical")]

    def assert_accessible(self) -> None:
        violations = self.axe()
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


@contextmanager
def open_tab(chromium: Browser, gateway: str) -> Iterator[Tab]:
    """A fresh browser context (no cookies, no session storage) at an office screen's size;
    a page error or a refusal by the page's security policy fails the test."""
    context = chromium.new_context(
        viewport={"width": 1366, "height": 768}, locale="zh-CN", timezone_id="Asia/Shanghai"
    )
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    opened = Tab(page, gateway)
    page.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))

    def console_message(message: Any) -> None:
        if "Content Security Policy" in message.text:
            opened.problems.append(f"CSP: {message.text}")

    page.on("console", console_message)
    try:
        yield opened
    finally:
        context.close()
    assert opened.problems == [], opened.problems


@pytest.fixture
def tab(chromium: Browser, embedded: Any) -> Iterator[Tab]:
    """A tab on the embedded platform's console (`make run`'s)."""
    with open_tab(chromium, embedded.urls["gateway"]) as opened:
        yield opened
