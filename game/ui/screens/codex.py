"""The codex: lesson cards, locked until the lesson bites or pays off in play."""

from __future__ import annotations

from textual.binding import Binding
from textual.markup import escape

from game.packs.loader import load_core
from game.ui.codex import cards
from game.ui.screens.page import PageScreen
from game.ui.words import effect_text


def codex_text(session) -> str:
    unlocked = session.state.lessons if session else frozenset()
    deck = cards(session.world if session else load_core())
    out = [f"{len(unlocked)} of {len(deck)} cards unlocked.", ""]
    for lid, card in deck.items():
        if lid not in unlocked:
            out += ["[dim]▢ ???  Not yet learned. Keep playing.[/]", ""]
            continue
        out.append(f"[b]✦ {escape(card.title)}[/b]")
        out.append(escape(card.text))
        out.append(f"[i]Try:[/i] {escape(card.try_)}")
        moment = session.lesson_moment(lid)
        if moment is not None:
            out.append(f"[dim]Learned in week {moment.week}: {escape(effect_text(session.state, moment))}[/]")
        out.append("")
    return "\n".join(out).rstrip()


class CodexScreen(PageScreen):
    PAGE_ID = "codex"
    PAGE_TITLE = "Codex"

    BINDINGS = [
        Binding("c", "back", "Close", id="codex.close", show=False),
    ]

    def body(self) -> str:
        return codex_text(self.app.session)
