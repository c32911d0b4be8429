"""Under `warm-intro serve --demo`, a second browser tab opens the facilitator's notes view at /notes."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'warm-intro[serve]')")

import aiohttp  # noqa: E402  (a textual-serve dependency)
from aiohttp.test_utils import TestServer  # noqa: E402

from game.serve_server import GameServer  # noqa: E402

# A stand-in for the game that says which command it was started as, in textual-serve's pipe protocol.
STAND_IN = r"""
import json, sys
out, inp = sys.stdout.buffer, sys.stdin.buffer
data = ("argv " + " ".join(sys.argv[1:])).encode()
out.write(b"__GANGLION__\n"); out.write(b"D" + len(data).to_bytes(4, "big") + data); out.flush()
while len(head := inp.read(5)) == 5:
    body = inp.read(int.from_bytes(head[1:], "big"))
    if head[:1] != b"D" and json.loads(body)["type"] == "quit":
        break
"""


async def serving(*args: str):
    server = GameServer([sys.executable, "-S", "-c", STAND_IN, *args], port=0, max_sessions=4)
    test_server = TestServer(await server._make_app(), host="127.0.0.1")  # noqa: SLF001
    await test_server.start_server()
    return server, test_server, aiohttp.ClientSession(), f"http://127.0.0.1:{test_server.port}"


async def said(ws) -> str:
    got = ""
    while "argv" not in got:
        msg = await ws.receive(timeout=5)
        if msg.type != aiohttp.WSMsgType.BINARY:
            break
        got += msg.data.decode()
    return got


async def test_the_notes_page_runs_the_notes_view_beside_the_stage():
    server, test_server, http, base = await serving("demo", "slipped-promise")
    try:
        async with http.get(base + "/notes") as page:
            text = await page.text()
            assert page.status == 200 and "/ws/notes\"" in text and "facilitator notes" in text
            assert "https://" not in text  # still nothing from outside
        stage = await http.ws_connect(base.replace("http", "ws") + "/ws", headers={"Origin": base})
        notes = await http.ws_connect(base.replace("http", "ws") + "/ws/notes", headers={"Origin": base})
        assert (await said(stage)).strip().endswith("demo slipped-promise")
        assert (await said(notes)).strip().endswith("demo slipped-promise --notes")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # the same guard as the stage's
            await http.ws_connect(base.replace("http", "ws") + "/ws/notes", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        await stage.close()
        await notes.close()
    finally:
        await http.close()
        await test_server.close()


async def test_the_game_itself_has_no_notes_page():
    _, test_server, http, base = await serving()
    try:
        async with http.get(base + "/notes") as page:
            assert page.status == 404 and "warm-intro serve --demo" in await page.text()
    finally:
        await http.close()
        await test_server.close()
