"""`warm-intro serve` in a real browser: headless Chromium opens the page from 127.0.0.1 and
the title screen appears, with nothing fetched from anywhere but this machine.

Chromium is driven over its DevTools protocol (aiohttp comes with textual-serve) so the
test can wait for the game's first frame instead of sleeping, read what the game sent,
and list every request the page made. Skipped, with the reason, where textual-serve or
Chromium is not installed (CI installs Chromium when apt is available).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # anything but 127.0.0.1 fails to resolve: the page must not need the internet
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"warm-intro serve exited early:\n{proc.stdout.read()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


class DevTools:
    """Just enough of the DevTools protocol: send a command, await its answer, keep events."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.events: list[dict] = []

    async def send(self, method: str, **params):
        self.next_id += 1
        my_id = self.next_id
        await self.ws.send_json({"id": my_id, "method": method, "params": params})
        while True:
            msg = json.loads((await self.ws.receive(timeout=20)).data)
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise AssertionError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    async def evaluate(self, expression: str):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")


def received_text(events: list[dict]) -> str:
    """Everything the game sent the page over its websocket, as text."""
    out = []
    for e in events:
        if e.get("method") != "Network.webSocketFrameReceived":
            continue
        response = e["params"]["response"]
        data = response.get("payloadData", "")
        if response.get("opcode") == 2:  # binary frames come base64-encoded
            data = base64.b64decode(data).decode("utf-8", "replace")
        out.append(data)
    return "".join(out)


async def open_in_chromium(browser: str, url: str, profile: Path, screenshot: Path) -> tuple[str, list[str]]:
    """Load `url`, wait for the terminal to show the title screen; the rows and every URL fetched."""
    import aiohttp

    proc = subprocess.Popen([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
                             "--window-size=1280,800", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            await asyncio.sleep(0.1)
        devtools_port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as resp:
                pages = [t for t in await resp.json() if t["type"] == "page"]
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                cdp = DevTools(ws)
                await cdp.send("Network.enable")
                await cdp.send("Page.enable")
                await cdp.send("Emulation.setDeviceMetricsOverride", width=1280, height=800,
                               deviceScaleFactor=1, mobile=False)
                await cdp.send("Page.navigate", url=url)
                # the terminal draws on a canvas, so read what the page received instead:
                # the game's output arrives as websocket frames of terminal text
                rows = ""
                deadline = time.monotonic() + 30
                while "New game" not in rows and time.monotonic() < deadline:
                    await cdp.send("Runtime.evaluate", expression="1")  # collects pending events
                    rows = received_text(cdp.events)
                    await asyncio.sleep(0.2)
                first_byte = await cdp.evaluate("document.body.classList.contains('-first-byte')")
                assert first_byte, "the page never showed the terminal"
                await asyncio.sleep(0.5)  # let the frame settle before the picture
                shot = await cdp.send("Page.captureScreenshot", format="png")
                screenshot.write_bytes(base64.b64decode(shot["data"]))
                fetched = [e["params"]["request"]["url"] for e in cdp.events
                           if e.get("method") == "Network.requestWillBeSent"]
                return rows, fetched
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serve_shows_the_title_screen_in_a_browser(tmp_path):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'warm-intro[serve]')")
    pytest.importorskip("aiohttp", reason="aiohttp (a textual-serve dependency) is not installed")
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the browser check needs it")
    port = free_port()
    env = {**os.environ, "WARM_INTRO_SAVES": str(tmp_path / "saves")}
    server = subprocess.Popen([sys.executable, "-m", "game", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, server)
        screenshot = tmp_path / "title.png"
        rows, fetched = asyncio.run(open_in_chromium(browser, f"http://127.0.0.1:{port}/",
                                                     tmp_path / "profile", screenshot))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "New game" in rows, f"the title screen did not appear; the terminal showed:\n{rows}"
    assert "Settings" in rows
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # a blank page compresses to a few kB; the drawn title screen is well over 10 kB
    assert screenshot.stat().st_size > 10_000, "the screenshot looks empty"
    outside = [u for u in fetched if not u.startswith((f"http://127.0.0.1:{port}/", "ws://127.0.0.1", "data:"))]
    assert not outside, f"the page fetched from outside this machine: {outside}"


def test_serve_runs_this_python_and_can_serve_presenter_mode():
    from game.serve import command

    assert command().endswith("-m game")
    assert command("").endswith("-m game demo")
    assert command("slipped-promise").endswith("-m game demo slipped-promise")


def test_the_served_page_loads_nothing_from_outside():
    from game.serve import PAGE

    page = (PAGE / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "https://" not in page
    assert "{{ config.static.url }}fonts/" in page
