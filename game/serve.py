"""`warm-intro serve`: the game in a browser, for projecting or for a remote class.

textual-serve runs `warm-intro` in a subprocess per browser tab and streams it over a
websocket. The page it sends is our own (`serve_page/app_index.html`): textual-serve's
stock page fetches a web font from the internet, and a workshop room may have none, so
ours loads the font textual-serve ships instead. It listens on 127.0.0.1 only.

textual-serve is optional: `pip install "warm-intro[serve]"`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE = Path(__file__).parent / "serve_page"


def register(sub) -> None:
    serve = sub.add_parser("serve", help="serve the game to a web browser on this computer (127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    serve.add_argument("--demo", nargs="?", const="", metavar="ID",
                       help="serve presenter mode instead of the game (optionally straight into one demo)")


def command(demo: str | None = None) -> str:
    """The command each browser tab runs: this same Python, so the same install and packs."""
    parts = [sys.executable, "-m", "game"]
    if demo is not None:
        parts.append("demo")
        if demo:
            parts.append(demo)
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        print("warm-intro serve needs textual-serve, which is optional. Install it with:\n"
              "  pip install \"warm-intro[serve]\"", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"warm-intro serve: --port must be between 1 and 65535 (got {args.port})", file=sys.stderr)
        return 2
    server = Server(command(args.demo), host=HOST, port=args.port, title="Warm Intro",
                    templates_path=PAGE)
    print(f"Open http://{HOST}:{args.port} in a browser. Ctrl+C stops the server.", file=sys.stderr)
    server.serve()
    return 0
