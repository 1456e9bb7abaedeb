"""What the browser tests share: the console's folders, Debian's Chromium, axe-core, screenshots."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import ViewportSize

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

REPO = Path(__file__).resolve().parents[2]
CONSOLE = REPO / "console"
DIST = CONSOLE / "dist"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# As root on this machine: no sandbox, and no background calls to a network that is not there.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OFFICE_SCREEN: ViewportSize = {"width": 1366, "height": 768}
PHONE_SCREEN: ViewportSize = {"width": 390, "height": 844}


def open_context(
    browser: Browser, viewport: ViewportSize = OFFICE_SCREEN, *, phone: bool = False
) -> BrowserContext:
    """A fresh profile (no cookies) in Chinese, in Beijing's time zone. axe-core goes in as an
    inline script, which the console's Content-Security-Policy (script-src 'self') rightly
    refuses: the test's own context bypasses it, the console's pages do not change."""
    context = browser.new_context(
        viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai", is_mobile=phone,
        bypass_csp=True,
    )  # fmt: skip
    context.set_default_timeout(15_000)
    return context


def require_node_modules() -> None:
    if not (CONSOLE / "node_modules" / ".package-lock.json").exists():
        pytest.fail("console/node_modules is missing: run `make console-deps` (npm ci in console/)")


def require_built_console() -> None:
    require_node_modules()
    if not (DIST / "index.html").exists():
        pytest.fail("console/dist is missing: run `make console` (vite build)")


def chromium_path() -> str:
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if found is None:
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does)")
    return found


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save what the person sees under tests/browser/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


def axe_violations(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[Any]:
    """axe-core's violations of the given impacts on the page as it is now."""
    script = CONSOLE / "node_modules" / "axe-core" / "axe.min.js"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(script))
    result = page.evaluate("() => window.axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(violations: list[Any]) -> str:
    return json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        ensure_ascii=False, indent=1,
    )  # fmt: skip


def gzipped_size(paths: list[Path]) -> int:
    """Bytes of these files once gzipped (as a server sending them compressed would)."""
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in paths)
