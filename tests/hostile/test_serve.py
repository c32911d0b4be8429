"""Hostile browsers against `warm-intro serve`: other sites, too many tabs, huge terminals, garbage messages.

Most cases run the server in this process with a stand-in game (a few lines of Python
that speak the same pipe protocol as a Textual app under textual-serve and echo what they
get), so a test can open dozens of sessions in a second. The last ones start the real
command. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'warm-intro[serve]')")

import aiohttp  # noqa: E402  (a textual-serve dependency)
from aiohttp.test_utils import TestServer  # noqa: E402

from game import serve, serve_server  # noqa: E402
from game.serve_server import GameServer  # noqa: E402
from tests.hostile.conftest import game  # noqa: E402

# A stand-in for the game: says it is ready, reports its terminal size, echoes keys, quits on "quit".
STAND_IN = r"""
import json, os, sys
out, inp = sys.stdout.buffer, sys.stdin.buffer
def send(text):
    data = text.encode()
    out.write(b"D" + len(data).to_bytes(4, "big") + data); out.flush()
out.write(b"__GANGLION__\n")
send(f"size {os.environ['COLUMNS']}x{os.environ['ROWS']}")
while len(head := inp.read(5)) == 5:
    body = inp.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D":
        send("echo " + body.decode())
        continue
    meta = json.loads(body)
    if meta["type"] == "resize":
        send(f"size {meta['width']}x{meta['height']}")
    elif meta["type"] == "quit" and not os.environ.get("STUBBORN"):
        break
"""


def stand_in() -> list[str]:
    return [sys.executable, "-S", "-c", STAND_IN]


class Served:
    """A GameServer on a free local port, and a way to open browser-like websockets to it."""

    def __init__(self, server: GameServer, test_server: TestServer, http: aiohttp.ClientSession):
        self.server, self.test_server, self.http = server, test_server, http
        self.base = f"http://127.0.0.1:{test_server.port}"

    async def open(self, origin: str | None = "own", query: str = "") -> aiohttp.ClientWebSocketResponse:
        headers = {"Origin": self.base if origin == "own" else origin} if origin else {}
        return await self.http.ws_connect(f"{self.base.replace('http', 'ws')}/ws{query}", headers=headers)


async def start(argv: list[str], max_sessions: int) -> Served:
    server = GameServer(argv, port=0, max_sessions=max_sessions)
    test_server = TestServer(await server._make_app(), host="127.0.0.1")
    await test_server.start_server()
    return Served(server, test_server, aiohttp.ClientSession())


async def stop(served: Served) -> None:
    await served.http.close()
    await served.test_server.close()


async def text_from(ws: aiohttp.ClientWebSocketResponse, wanted: str) -> str:
    """Game output until `wanted` appears (or the socket closes); fails after a few seconds."""
    got = ""
    while wanted not in got:
        msg = await ws.receive(timeout=5)
        if msg.type != aiohttp.WSMsgType.BINARY:
            break
        got += msg.data.decode()
    return got


@pytest.fixture
async def served():
    served = await start(stand_in(), max_sessions=2)
    yield served
    await stop(served)


async def test_a_websocket_from_another_site_is_refused(served):
    for origin in ("http://evil.example", None, "null", f"{served.base}.evil.example"):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await served.open(origin)
        assert refused.value.status == 403, origin
    # a site whose name was pointed at 127.0.0.1 matches its own Origin, but not this host
    rebound = f"evil.example:{served.test_server.port}"
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await served.http.ws_connect(f"ws://127.0.0.1:{served.test_server.port}/ws",
                                     headers={"Origin": f"http://{rebound}", "Host": rebound})
    assert not served.server.sessions
    ws = await served.open()
    assert "size 80x24" in await text_from(ws, "size")
    await ws.close()


async def test_over_the_cap_a_browser_is_told_it_is_full_and_running_games_carry_on(served):
    first, second = await served.open(), await served.open()
    for ws in (first, second):
        await text_from(ws, "size")
    for _ in range(50):
        extra = await served.open()
        assert "Warm Intro is full: 2 games" in await text_from(extra, "max-sessions")
        assert (await extra.receive(timeout=5)).type == aiohttp.WSMsgType.CLOSE
        assert extra.close_code == 1013
    async with served.http.get(served.base + "/") as page:
        assert page.status == 503 and "Warm Intro is full" in await page.text()
    await first.send_json(["stdin", "still here"])
    assert "echo still here" in await text_from(first, "still here")
    await second.close()
    await asyncio.sleep(0.2)
    third = await served.open()  # a place came free
    assert "size" in await text_from(third, "size")


async def test_the_default_cap_holds_for_a_class_sized_crowd():
    served = await start(stand_in(), max_sessions=serve.DEFAULT_SESSIONS)
    try:
        games = await asyncio.gather(*(served.open() for _ in range(serve.DEFAULT_SESSIONS)))
        await asyncio.gather(*(text_from(ws, "size") for ws in games))
        extra = await asyncio.gather(*(served.open() for _ in range(50)))
        told = await asyncio.gather(*(text_from(ws, "max-sessions") for ws in extra))
        assert all(f"full: {serve.DEFAULT_SESSIONS} games" in t for t in told)
        assert len(served.server.sessions) == serve.DEFAULT_SESSIONS
        await games[0].send_json(["stdin", "hello"])
        assert "echo hello" in await text_from(games[0], "hello")
    finally:
        await stop(served)


async def test_a_huge_terminal_is_capped(served):
    ws = await served.open(query="?width=5000&height=2000")
    assert "size 300x100" in await text_from(ws, "size")
    for asked, given in (({"width": 99999, "height": 99999}, "300x100"), ({"width": -5, "height": 0}, "1x1"),
                         ({"width": 120, "height": 40}, "120x40")):
        await ws.send_json(["resize", asked])
        assert f"size {given}" in await text_from(ws, given), asked


async def test_messages_a_page_never_sends_are_ignored(served, caplog):
    ws = await served.open()
    await text_from(ws, "size")
    for junk in ("not json", "[" * 100_000, '{"a": 1}', "[]", '["resize", "big"]', '["stdin", 5]',
                 '["stdin", "\\ud800"]', '["ping", {"deep": [1]}]', "x" * 500_000):
        await ws.send_str(junk)
    await ws.send_json(["stdin", "ok"])
    assert "echo ok" in await text_from(ws, "echo ok")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_the_static_folder_serves_files_but_no_listing(served):
    async with served.http.get(served.base + "/static/") as listing:
        assert listing.status in (403, 404)
        assert "textual.js" not in await listing.text()
    async with served.http.get(served.base + "/static/js/textual.js") as script:
        assert script.status == 200


async def test_a_game_that_will_not_quit_is_killed_with_the_server(monkeypatch):
    monkeypatch.setattr(serve_server, "QUIT_GRACE", 0.3)
    monkeypatch.setenv("STUBBORN", "1")
    served = await start(stand_in(), max_sessions=2)
    ws = await served.open()
    await text_from(ws, "size")
    [session] = served.server.sessions
    process = session._process
    assert process is not None
    await stop(served)
    assert process.returncode is not None


async def test_a_closed_tab_whose_game_will_not_quit_still_has_it_killed_and_counted_until_then(monkeypatch):
    # aiohttp cancels a tab's handler as the tab closes; the game must still be ended after it
    monkeypatch.setattr(serve_server, "QUIT_GRACE", 0.3)
    monkeypatch.setenv("STUBBORN", "1")
    served = await start(stand_in(), max_sessions=2)
    try:
        ws = await served.open()
        await text_from(ws, "size")
        [session] = served.server.sessions
        process = session._process
        assert process is not None
        await ws.close()
        await asyncio.sleep(0.1)
        assert process.returncode is None and served.server.sessions == {session}  # still quitting: a place taken
        for _ in range(60):
            if process.returncode is not None:
                break
            await asyncio.sleep(0.05)
        assert process.returncode is not None  # killed after the grace, with the server still up
        await asyncio.sleep(0)
        assert not served.server.sessions
    finally:
        await stop(served)


def test_logged_tracebacks_carry_no_local_variables(monkeypatch):
    server = GameServer(stand_in(), port=0, max_sessions=1)
    from rich.console import Console

    server.console = Console(file=io.StringIO(), width=200)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    server.initialize_logging()
    try:
        secret = "-".join(["a", "local", "value"])  # noqa: F841  (what a traceback with locals would show)
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("textual-serve").exception("a browser session failed")
    out = server.console.file.getvalue()  # type: ignore[attr-defined]
    assert "boom" in out and "a-local-value" not in out


# --------------------------------------------------------------------------------------
# the real command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_port_in_use_is_a_clear_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = game("serve", "--port", str(port), cwd=tmp_path, WARM_INTRO_SAVES=str(tmp_path / "saves"))
    assert done.returncode == 2
    assert f"port {port} is already in use" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout and "Open http" not in done.stderr


@pytest.mark.parametrize("args", [["--demo", "no-such-demo"], ["--max-sessions", "0"], ["--port", "70000"]])
def test_bad_serve_arguments_are_refused_before_serving(tmp_path, args):
    done = game("serve", "--port", str(free_port()), *args, cwd=tmp_path, WARM_INTRO_SAVES=str(tmp_path / "saves"))
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("warm-intro serve: ") and "Traceback" not in done.stderr
    assert "Open http" not in done.stderr
    assert "no-such-demo" not in args or "demos: " in done.stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads a process's children from /proc")
def test_the_real_game_ends_with_the_server_on_sigterm(tmp_path):
    port = free_port()
    env = {**os.environ, "WARM_INTRO_SAVES": str(tmp_path / "saves")}
    server = subprocess.Popen([sys.executable, "-m", "game", "serve", "--port", str(port)], env=env, cwd=tmp_path,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    async def play_then_stop() -> list[int]:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 15
            while True:
                try:
                    ws = await http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=5000&height=2000",
                                               headers={"Origin": f"http://127.0.0.1:{port}"})
                    break
                except aiohttp.ClientConnectionError:
                    assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
                    await asyncio.sleep(0.1)
            msg = await ws.receive(timeout=15)
            assert msg.type == aiohttp.WSMsgType.BINARY  # the game is drawing
            children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            server.send_signal(signal.SIGTERM)
            while not ws.closed and (await ws.receive(timeout=10)).type == aiohttp.WSMsgType.BINARY:
                pass
            return [int(pid) for pid in children]

    try:
        children = asyncio.run(play_then_stop())
        assert server.wait(timeout=10) == 0
    finally:
        if server.poll() is None:
            server.kill()
    _, err = server.communicate()
    assert children, "no game process was started"
    for pid in children:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    assert "Traceback" not in err
