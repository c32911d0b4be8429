"""The web server behind `warm-intro serve`: textual-serve's, made safe to leave running in a room.

textual-serve starts one game process per browser tab and streams it over a websocket.
Left as it is, any web page open in the same browser could open that websocket, every tab
adds a process without limit, and a page may ask for a terminal of any size. Here:

- a websocket is accepted only from a page this server sent (its Origin is this host, and
  the host is this computer), so another site cannot start, read or drive a game;
- at most `max_sessions` games run at once; the next browser gets a "full" page instead,
  and the games already running carry on;
- a terminal is at most MAX_COLUMNS x MAX_ROWS, whatever the page asks for;
- each game runs in its own process group and is ended with the server;
- /static/ serves files, never a listing, and logged tracebacks carry no local variables.

Serving presenter mode (`--demo`), `/notes` is the facilitator's notes view: a second tab
whose game is `warm-intro demo --notes`, following the stage running in the first one
through the cue sheet both processes share on this computer (game/demo/cue.py).

Imported only when textual-serve is installed (see game/serve.py).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shlex
import signal
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from rich.logging import RichHandler
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("textual-serve")

HOST = "127.0.0.1"
LOCAL_NAMES = ("127.0.0.1", "localhost")
MAX_COLUMNS, MAX_ROWS = 300, 100  # a wall projector at a small font; anything bigger is a page gone wrong
MAX_MESSAGE_BYTES = 1 << 20  # keys and pastes from the page; far more than a person types
QUIT_GRACE = 3.0  # seconds a game gets to save and quit before it is killed
FULL_MESSAGE = ("\r\n  Warm Intro is full: {n} games are already running on this computer.\r\n"
                "  Try again when someone finishes, or ask the host to restart `warm-intro serve`\r\n"
                "  with a larger --max-sessions.\r\n")


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """The terminal a page asks for, kept between 1x1 and MAX_COLUMNS x MAX_ROWS (80x24 if it makes no sense)."""
    def cells(value: object, default: int, most: int) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            return default
        return min(max(value, 1), most)

    return cells(width, 80, MAX_COLUMNS), cells(height, 24, MAX_ROWS)


def same_origin(request: web.Request) -> bool:
    """True for a request from a page this server sent: Origin is this host, and the host is this computer.

    Checking the host as well refuses a page whose own name was pointed at 127.0.0.1
    (DNS rebinding), which would otherwise match its own Origin.
    """
    origin = request.headers.get("Origin", "")
    return origin == f"http://{request.host}" and request.url.host in LOCAL_NAMES


class GameSession(AppService):
    """One browser tab's game: its own process group, so it can always be ended with the server."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = argv

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        # textual-serve starts the command through a shell; started directly, the pid is the game's
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width=width, height=height),
            start_new_session=True)
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    async def end(self) -> None:
        """Ask the game to quit (it saves as it does), and kill it if it has not within QUIT_GRACE."""
        process = self._process
        if process is not None and process.returncode is None:
            await self.send_meta({"type": "quit"})
            try:
                await asyncio.wait_for(process.wait(), QUIT_GRACE)
            except TimeoutError:
                self.kill()
                await process.wait()
        if self._task is not None:
            await self._task
            self._task = None

    def kill(self) -> None:
        if self._process is not None:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)


class GameServer(Server):
    """textual-serve's server with the guards above; `argv` is the command each tab runs."""

    def __init__(self, argv: list[str], port: int, max_sessions: int) -> None:
        page = Path(__file__).parent / "serve_page"
        super().__init__(shlex.join(argv), host=HOST, port=port, title="Warm Intro", templates_path=page)
        self.argv = argv
        # presenter mode gets a notes view for the facilitator's own tab
        self.notes_argv = [*argv, "--notes"] if "demo" in argv[1:] else None
        self.max_sessions = max_sessions
        self.sessions: set[GameSession] = set()
        self._ending: set[asyncio.Future[None]] = set()  # games being ended (see handle_websocket)

    def initialize_logging(self) -> None:
        logging.basicConfig(level="INFO", format="%(message)s", handlers=[
            RichHandler(show_path=False, show_time=False, rich_tracebacks=True, tracebacks_show_locals=False,
                        console=self.console)])

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/notes", self.handle_notes, name="notes"),
            web.get("/ws/notes", self.handle_notes_websocket, name="notes-websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(session.end() for session in list(self.sessions)), return_exceptions=True)

    def serve(self, debug: bool = False, on_listening: Callable[[], None] | None = None) -> None:
        """Serve until SIGINT or SIGTERM; `on_listening` runs once the port is open. OSError if it cannot be."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.add_signal_handler(signal.SIGINT, self.request_exit)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        try:
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                        shutdown_timeout=QUIT_GRACE + 2, access_log=None,
                        print=lambda *_: on_listening() if on_listening else None)
        finally:
            for session in list(self.sessions):  # a game that outlived the shutdown above
                session.kill()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            return aiohttp_jinja2.render_template("full.html", request, {"sessions": len(self.sessions)},
                                                  status=503)
        return await super().handle_index(request)

    async def handle_notes(self, request: web.Request) -> web.StreamResponse:
        """The facilitator's notes view: the same page, whose game follows the stage instead of being one."""
        if self.notes_argv is None:
            raise web.HTTPNotFound(text="The notes view is for presenter mode: start the server with "
                                        "warm-intro serve --demo.\n")
        if self.full:
            return aiohttp_jinja2.render_template("full.html", request, {"sessions": len(self.sessions)},
                                                  status=503)
        router = request.app.router
        base = f"{self.public_url}{router['notes-websocket'].url_for()}"
        context = {
            "font_size": 16,
            "app_websocket_url": "ws:" + base.split(":", 1)[1],
            "config": {"static": {"url": f"{self.public_url}{router['static'].url_for(filename='/')}".rstrip("/")
                                  + "/"}},
            "application": {"name": "Warm Intro · facilitator notes"},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_notes_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.notes_argv is None:
            raise web.HTTPNotFound()
        return await self.handle_websocket(request, self.notes_argv)

    async def handle_websocket(self, request: web.Request, argv: list[str] | None = None) -> web.WebSocketResponse:
        if not same_origin(request):
            log.warning("refused a game connection from another site (Origin %r)",
                        request.headers.get("Origin", "")[:100])
            raise web.HTTPForbidden(text="Warm Intro only accepts connections from its own page; "
                                         f"open http://{HOST}:{self.port}/ instead.\n")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        await websocket.prepare(request)
        if self.full:
            await websocket.send_bytes(FULL_MESSAGE.format(n=len(self.sessions)).encode())
            await websocket.close(code=1013, message=b"full")  # 1013: try again later
            return websocket
        session = GameSession(argv or self.argv, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                              close=websocket.close, download_manager=self.download_manager)
        self.sessions.add(session)
        try:
            await session.start(*terminal_size(request.query.get("width"), request.query.get("height")))
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception("a browser session failed: %s", error)
        finally:
            # The game is ended on a task of its own: aiohttp cancels this handler as the tab
            # closes, and a game cut off mid-quit was left running, out of the sessions the
            # server ends as it stops. It counts as a session until it has ended.
            ending = asyncio.ensure_future(session.end())
            self._ending.add(ending)

            def ended(done: asyncio.Future[None]) -> None:
                self._ending.discard(done)
                self.sessions.discard(session)

            ending.add_done_callback(ended)
            try:
                await asyncio.shield(ending)
            finally:
                await websocket.close()
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """What the page sends: keys, resizes, pings. Anything the page would never send is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(*terminal_size(data.get("width"), data.get("height")))
            elif kind == "ping" and isinstance(data, (str, int, float)):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
