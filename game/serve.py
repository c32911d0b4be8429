"""`warm-intro serve`: the game in a browser, for projecting or for a remote class.

textual-serve runs `warm-intro` in a subprocess per browser tab and streams it over a
websocket. The page it sends is our own (`serve_page/app_index.html`): textual-serve's
stock page fetches a web font from the internet, and a workshop room may have none, so
ours loads the font textual-serve ships instead. It listens on 127.0.0.1 only; the guards
that make it safe to leave running (same-origin websockets, a cap on games, capped
terminal sizes, games ended with the server) are in game/serve_server.py.

textual-serve is optional: `pip install "warm-intro[serve]"`.
"""

from __future__ import annotations

import argparse
import errno
import shlex
import sys
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# games at once: a workshop room or a remote class, each game a process of a few tens of MB
DEFAULT_SESSIONS = 30
PAGE = Path(__file__).parent / "serve_page"


def register(sub) -> None:
    serve = sub.add_parser("serve", help="serve the game to a web browser on this computer (127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    serve.add_argument("--demo", nargs="?", const="", metavar="ID",
                       help="serve presenter mode instead of the game (optionally straight into one demo)")
    serve.add_argument("--max-sessions", type=int, default=DEFAULT_SESSIONS, metavar="N",
                       help=f"games running at once; the next browser is told the game is full "
                            f"(default {DEFAULT_SESSIONS})")


def argv(demo: str | None = None) -> list[str]:
    """The command each browser tab runs: this same Python, so the same install and packs."""
    parts = [sys.executable, "-m", "game"]
    if demo is not None:
        parts.append("demo")
        if demo:
            parts.append(demo)
    return parts


def command(demo: str | None = None) -> str:
    return shlex.join(argv(demo))


def _unknown_demo(demo: str) -> str | None:
    """Why `--demo ID` cannot be served (an id core does not have), or None if it can."""
    from game.demo.script import DemoError, load_demos
    from game.packs.loader import PackError, core_pack_path, load_core

    try:
        ids = [d.id for d in load_demos(core_pack_path(), load_core())]
    except (PackError, DemoError) as exc:
        return f"the demos could not be read: {exc}"
    return None if demo in ids else f"no demo called {demo!r}; demos: {', '.join(ids)}"


def run(args: argparse.Namespace) -> int:
    try:
        from game.serve_server import GameServer
    except ImportError:
        print("warm-intro serve needs textual-serve, which is optional. Install it with:\n"
              "  pip install \"warm-intro[serve]\"", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"warm-intro serve: --port must be between 1 and 65535 (got {args.port})", file=sys.stderr)
        return 2
    if args.max_sessions < 1:
        print(f"warm-intro serve: --max-sessions must be at least 1 (got {args.max_sessions})", file=sys.stderr)
        return 2
    if args.demo and (why := _unknown_demo(args.demo)):
        print(f"warm-intro serve: {why}", file=sys.stderr)
        return 2
    server = GameServer(argv(args.demo), port=args.port, max_sessions=args.max_sessions)
    try:
        server.serve(on_listening=lambda: print(f"Open http://{HOST}:{args.port} in a browser. Ctrl+C stops "
                                                "the server.", file=sys.stderr, flush=True))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"warm-intro serve: port {args.port} is already in use on {HOST}, perhaps by another "
                  "`warm-intro serve`; stop that or choose another with --port", file=sys.stderr)
        else:
            print(f"warm-intro serve: cannot listen on {HOST}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
