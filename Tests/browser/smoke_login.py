#!/usr/bin/env python3
"""Browser smoke test for Baomi: log in through the real login form.

Usage:
    python3 Tests/browser/smoke_login.py --base-url http://127.0.0.1:8080 \
        --username admin --password 'secret' --out test-output/browser

Drives Debian's /usr/bin/chromium (headless, --no-sandbox) with Playwright's
sync API; Playwright's own browser downloads are never used.  Install the
dependencies with scripts/install-browser-deps.sh.

Steps:
  1. GET /login, screenshot  -> OUT/login.png
  2. fill username/password, submit, wait for navigation
  3. page must contain "待办" (home page heading), screenshot -> OUT/home.png
  4. if a form posting to /logout is on the page, press its button

Prints exactly "BROWSER OK" on success.  On failure prints
"BROWSER FAIL: <step>: <reason>" to stderr, saves OUT/failure.png if it can,
and exits 1.  Any HTTP 5xx response seen during the run is a failure.

To add steps, write another function taking a `Smoke` and call it from
`run()`; use smoke.step(...), smoke.goto(...), smoke.expect_text(...) and
smoke.shot(...).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Iterator
from urllib.parse import urljoin

CHROMIUM = os.environ.get("BAOMI_CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = int(os.environ.get("BAOMI_BROWSER_TIMEOUT_MS", "60000"))


class SmokeFailure(Exception):
    pass


class Smoke:
    """Thin wrapper around one Playwright page with step bookkeeping."""

    def __init__(self, page, base_url: str, out_dir: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/") + "/"
        self.out_dir = out_dir
        self.current_step = "start"
        self.server_errors: list[str] = []
        self.console_errors: list[str] = []
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))

    # -- event hooks -------------------------------------------------------
    def _on_response(self, response) -> None:
        line = f"{response.status} {response.request.method} {response.url}"
        if response.status >= 500:
            self.server_errors.append(line)
        elif response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.console_errors.append(f"http: {line}")

    def _on_console(self, msg) -> None:
        # Failed loads are reported (with their URL) by _on_response.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.console_errors.append(f"console: {msg.text}")

    # -- helpers -----------------------------------------------------------
    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.current_step = name
        yield
        self.check_server_errors()

    def check_server_errors(self) -> None:
        if self.server_errors:
            raise SmokeFailure("server error response(s): " + "; ".join(self.server_errors))

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    def goto(self, path: str, expect_ok: bool = True):
        response = self.page.goto(self.url(path), wait_until="load")
        if expect_ok and (response is None or not response.ok):
            status = "no response" if response is None else f"HTTP {response.status}"
            raise SmokeFailure(f"GET {path} gave {status}")
        return response

    def shot(self, name: str) -> str:
        path = os.path.join(self.out_dir, f"{name}.png")
        self.page.screenshot(path=path, full_page=True)
        return path

    def text(self) -> str:
        return self.page.inner_text("body")

    def expect_text(self, needle: str) -> None:
        body = self.text()
        if needle not in body:
            snippet = " ".join(body.split())[:300]
            raise SmokeFailure(
                f"expected text {needle!r} not found at {self.page.url}; page text: {snippet!r}"
            )

    def submit(self, form_selector: str) -> None:
        """Press the submit button of the form and wait for the navigation."""
        form = self.page.locator(form_selector).first
        button = form.locator("button[type=submit], input[type=submit]").first
        if button.count() == 0:
            raise SmokeFailure(f"no submit button in form {form_selector!r}")
        with self.page.expect_navigation(wait_until="load"):
            button.click()

    def login(self, username: str, password: str, before_shot: str | None = "login") -> None:
        self.goto("/login")
        user = self.page.locator("[name=username]")
        pw = self.page.locator("[name=password]")
        if user.count() == 0 or pw.count() == 0:
            raise SmokeFailure("login page has no fields named 'username' and 'password'")
        user.first.fill(username)
        pw.first.fill(password)
        if before_shot:
            self.shot(before_shot)
        self.submit("form:has([name=password])")

    def logout(self) -> bool:
        """Submit the form posting to /logout if the page has one."""
        form_sel = 'form[action$="/logout"]'
        form = self.page.locator(form_sel)
        if form.count() == 0 or form.first.locator("button, input[type=submit]").count() == 0:
            return False
        button = form.first.locator("button, input[type=submit]").first
        with self.page.expect_navigation(wait_until="load"):
            button.click()
        return True


def run(smoke: Smoke, args: argparse.Namespace) -> None:
    with smoke.step("login"):
        smoke.login(args.username, args.password, before_shot="login")

    with smoke.step("home"):
        smoke.expect_text("待办")
        smoke.shot("home")

    with smoke.step("logout"):
        if smoke.logout():
            print(f"logged out, now at {smoke.page.url}", file=sys.stderr)
        else:
            print("no logout form on home page; skipped logout", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", required=True, help="directory for screenshots")
    parser.add_argument("--headed", action="store_true", help="show the browser (needs a display)")
    args = parser.parse_args(argv)

    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("BROWSER FAIL: setup: python module 'playwright' missing "
              "(run scripts/install-browser-deps.sh)", file=sys.stderr)
        return 1
    if not os.access(CHROMIUM, os.X_OK):
        print(f"BROWSER FAIL: setup: {CHROMIUM} missing (run scripts/install-browser-deps.sh)",
              file=sys.stderr)
        return 1

    os.makedirs(args.out, exist_ok=True)
    smoke: Smoke | None = None
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=not args.headed,
                args=["--no-sandbox", "--disable-dev-shm-usage"],
            )
            try:
                context = browser.new_context(
                    locale="zh-CN",
                    viewport={"width": 1280, "height": 900},
                )
                context.set_default_timeout(TIMEOUT_MS)
                context.set_default_navigation_timeout(TIMEOUT_MS)
                page = context.new_page()
                smoke = Smoke(page, args.base_url, args.out)
                try:
                    run(smoke, args)
                except (SmokeFailure, PlaywrightError, AssertionError) as exc:
                    with contextlib.suppress(Exception):
                        smoke.shot("failure")
                    raise SmokeFailure(f"{smoke.current_step}: {exc}") from exc
            finally:
                browser.close()
    except SmokeFailure as exc:
        print(f"BROWSER FAIL: {exc}", file=sys.stderr)
        if smoke and smoke.console_errors:
            print("browser console errors:\n  " + "\n  ".join(smoke.console_errors), file=sys.stderr)
        return 1
    except Exception as exc:  # browser failed to launch, etc.
        print(f"BROWSER FAIL: setup: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1

    if smoke.console_errors:
        print("browser console errors (not fatal):\n  " + "\n  ".join(smoke.console_errors),
              file=sys.stderr)
    print("BROWSER OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
