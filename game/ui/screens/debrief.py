"""The debrief: how it ended, the score, every person's meters over time, and the
turning points, each tied to the lesson behind it."""

from __future__ import annotations

from textual.binding import Binding
from textual.markup import escape

from game.engine import score
from game.engine.kinds import EffectKind
from game.engine.rules import score_parts
from game.ui.codex import titles
from game.ui.screens.page import PageScreen
from game.ui.words import door_badge, effect_text, role

SPARK = "▁▂▃▄▅▆▇█"


def spark(values: list[int]) -> str:
    """One character per week, 0-100 mapped onto eight heights (the numbers sit beside it)."""
    return "".join(SPARK[min(7, v * 8 // 101)] for v in values)


def debrief_text(session) -> str:
    s = session.state
    camp = s.world.campaigns[s.campaign]
    names = titles(session.world)
    out: list[str] = []
    if s.outcome == "hired" and s.job:
        out.append(f"[b]Hired:[/b] {escape(role(s, s.job))}, in week {s.week} "
                   f"with {s.runway} weeks of savings to spare.")
    elif s.outcome == "out_of_runway":
        out.append(f"[b]Out of runway.[/b] After {camp.runway_weeks} weeks the savings ran out.")
    else:
        out.append(f"[b]Still searching[/b] in week {s.week}.")
    counts: dict[str, int] = {}
    for cid in session.people():
        if s.contacts[cid].stage == "connected":
            counts[s.contacts[cid].door] = counts.get(s.contacts[cid].door, 0) + 1
    out.append(f"[b]Score: {score(s)}[/b] of 100  ·  advocates {counts.get('advocate', 0)}  ·  "
               f"warm {counts.get('warm', 0)}  ·  closed doors {counts.get('closed', 0)}")
    # what the score is made of, from the same parts the score sums
    out += [f"  [dim]{points:+4d}[/]  {escape(what)}" for what, points in score_parts(s)]
    out.append(f"[dim]{len(s.lessons)} of 7 codex cards learned · seed {s.seed}[/]")
    out += ["", "[b]People, week by week[/b]  [dim](one mark per week; numbers are start → end)[/]"]
    for cid in session.people():
        c = s.contacts[cid]
        if c.stage != "connected":
            continue
        trust = session.timeline(cid, "trust")
        emb = session.timeline(cid, "embarrassment")
        start = next((e.week for e in c.ledger), 0)
        t_vals = [p.value for p in trust if p.week >= start]
        e_vals = [p.value for p in emb if p.week >= start]
        out.append(f"{door_badge(c.door)}  [b]{escape(s.world.people[cid].name)}[/b]  [dim]from week {start}[/]")
        out.append(f"    trust         {spark(t_vals)} {t_vals[0]:>3} → {t_vals[-1]:<3}")
        out.append(f"    embarrassment {spark(e_vals)} {e_vals[0]:>3} → {e_vals[-1]:<3}")
    points = session.turning_points()
    out += ["", "[b]Turning points[/b]"]
    if not points:
        out.append("  [dim]None yet.[/]")
    for e in points:
        if e.kind == EffectKind.LESSON:
            continue
        lesson = names.get(e.lesson, e.lesson)
        out.append(f"  week {e.week:>2}  {escape(effect_text(s, e, names))}")
        out.append(f"           [dim]lesson: {escape(lesson)}[/]")
    # class mode: the student shares this, and the instructor's class report replays it
    out += ["", "[b]Your replay code[/b]  [dim](y copies it: give it to your instructor for the class report)[/]",
            escape(replay_code(s))]
    return "\n".join(out)


def replay_code(state) -> str:
    from game.demo.timeline import encode_replay

    return encode_replay(state)


class DebriefScreen(PageScreen):
    PAGE_ID = "debrief"
    PAGE_TITLE = "Debrief"

    BINDINGS = [
        Binding("c", "codex", "Codex", id="debrief.codex"),
        Binding("w", "network", "Network", id="debrief.network"),
        Binding("t", "title", "Title screen", id="debrief.title"),
        Binding("escape", "back", "Back", id="debrief.back"),
        Binding("y", "copy_code", "Copy code", id="debrief.copy_code"),
    ]

    def body(self) -> str:
        return debrief_text(self.app.session)

    def action_copy_code(self) -> None:
        self.app.copy_to_clipboard(replay_code(self.app.session.state))
        self.notify("Replay code copied. Paste it where your instructor collects the class's codes.")

    def action_codex(self) -> None:
        self.app.action_codex()

    def action_network(self) -> None:
        from game.ui.screens.network import NetworkScreen

        self.app.open_page("network", NetworkScreen)

    def action_title(self) -> None:
        self.app.to_title()

    def action_back(self) -> None:
        if self.app.session is not None and self.app.session.state.over:
            self.app.to_title()
        else:
            self.dismiss()
