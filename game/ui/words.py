"""How the game's numbers and events read on screen.

Everything here turns engine values into short text: door badges, meter bars, action
labels, journal lines. Meaning never rides on colour alone: every meter has a bar and a
number, every door a symbol and a word. Markup uses theme variables only.
"""

from __future__ import annotations

from textual.markup import escape

from game.engine import Action, Effect, State
from game.engine.actions import RULES
from game.engine.kinds import ENDINGS, INTRODUCTIONS, NUMBERS, REFERRALS, Door, EffectKind, Meter
from game.engine.rules import role_words

# door -> (symbol, word); symbol + word read the same with or without colour
DOOR_BADGES: dict[Door, tuple[str, str]] = {
    Door.ADVOCATE: ("★", "ADVOCATE"),
    Door.WARM: ("♥", "WARM"),
    Door.OPEN: ("○", "OPEN"),
    Door.GUARDED: ("◑", "GUARDED"),
    Door.AVOIDING: ("✗", "AVOIDING"),
    Door.CLOSED: ("■", "CLOSED"),
}

DOOR_STYLES: dict[Door, str] = {
    Door.ADVOCATE: "bold $success",
    Door.WARM: "$success",
    Door.OPEN: "$foreground",
    Door.GUARDED: "$warning",
    Door.AVOIDING: "bold $error",
    Door.CLOSED: "bold reverse $error",
}

DOOR_MEANINGS: dict[Door, str] = {
    Door.ADVOCATE: "In your corner: helps you without being asked.",
    Door.WARM: "Glad to hear from you; a small ask is easy between you.",
    Door.OPEN: "Willing to talk. There is no relationship to lean on yet.",
    Door.GUARDED: "Wary of you. Asks will land badly.",
    Door.AVOIDING: "Avoiding you: \"Can I take a message?\" Leave them be.",
    Door.CLOSED: "Will never speak to you again.",
}

SHUT = (Door.AVOIDING, Door.CLOSED)



def door_badge(door: str, markup: bool = True) -> str:
    """A door as a symbol and a word (every door has both: a test holds the tables complete)."""
    symbol, word = DOOR_BADGES[Door(door)]
    text = f"{symbol} {word}"
    return f"[{DOOR_STYLES[Door(door)]}]{text}[/]" if markup else text


def bar(value: int, width: int = 10) -> str:
    """A bar of `width` cells for a 0-100 meter: full blocks plus one partial block."""
    value = max(0, min(100, value))
    eighths = round(value * width * 8 / 100)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    text = "█" * full + partial.strip()
    return text + "░" * (width - len(text))


def meter_line(label: str, value: int, delta: int = 0, width: int = 10, style: str = "$accent",
               label_width: int = 13) -> str:
    change = ""
    if delta:
        change = f" [b]({delta:+d})[/b]"
    return f"{escape(label):<{label_width}} [{style}]{bar(value, width)}[/] {value:>3}{change}"


def person(state: State, cid: str) -> str:
    return state.world.people[cid].name


def first(state: State, cid: str) -> str:
    return state.world.people[cid].first_name


def role(state: State, oid: str) -> str:
    return role_words(state.world, oid)


def field_name(state: State, fid: str) -> str:
    f = state.world.fields.get(fid)
    return f.name if f else fid


MEET_CHOICES = RULES["meet"].choice_words
INTEREST_ANSWERS = RULES["answer_interest"].choice_words


def offer_answers(state: State) -> dict[str, str]:
    p = state.prompt
    who = first(state, p.contact) if p else "them"
    target = first(state, p.subject) if p else "them"
    return {
        "accept_offer": f"\"That would be wonderful, thank you!\" ({who} sets up the call)",
        "ask_permission": f"\"Could I reach out to {target} myself, and mention your name?\"",
        "decline_offer": "\"That's kind. Let me come back to you on that.\"",
    }


def action_label(state: State, action: Action) -> str:
    """What an action is called on a button or in a list, in the game's words (its rule says)."""
    rule = RULES.get(action.name)
    return rule.label(state.world, action) if rule is not None else action.name


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def effect_text(state: State, effect: Effect, titles: dict[str, str] | None = None) -> str:
    """One effect as a plain line of text (no markup): the change and its cause."""
    kind, m = effect.kind, effect.meter
    if kind == EffectKind.CONTACT_METER:
        who = first(state, effect.target) if effect.target in state.world.people else effect.target
        return f"{who}: {effect.delta:+d} {m} ({effect.after}) - {effect.cause}"
    if kind == EffectKind.DOOR:
        return f"{door_badge(str(effect.after), markup=False)}  {effect.cause}"
    if kind == EffectKind.LESSON:
        title = (titles or {}).get(effect.target, effect.target)
        return f"New codex card: {title}"
    if kind == EffectKind.PLAYER_METER and m == "runway":
        return f"Runway {effect.delta:+d} week ({effect.after} left) - {effect.cause}"
    if kind == EffectKind.PLAYER_METER:
        return f"You: {effect.delta:+d} {m} ({effect.after}) - {effect.cause}"
    if kind == EffectKind.KNOWLEDGE:
        return f"You: {effect.delta:+d} knowledge of {field_name(state, m)} ({effect.after}) - {effect.cause}"
    return _sentence(effect.cause)


def effect_markup(state: State, effect: Effect, titles: dict[str, str] | None = None) -> str:
    """One effect as a line of markup for the journal and the conversation."""
    text = escape(effect_text(state, effect, titles))
    kind = effect.kind
    if kind == EffectKind.DOOR:
        style = "bold $error" if effect.after in SHUT else "bold $success"
        return f"[{style}]{text}[/]"
    if kind == EffectKind.LESSON:
        return f"[bold $accent]✦ {text}[/]"
    if kind in NUMBERS and effect.meter != "runway":
        good = effect.delta > 0 if effect.meter != Meter.EMBARRASSMENT else effect.delta < 0
        sign = "▲" if effect.delta > 0 else "▼"
        return f"[{'$success' if good else '$warning'}]{sign}[/] {text}"
    if kind == EffectKind.OFFER or kind == EffectKind.TOKEN or kind in INTRODUCTIONS | REFERRALS | ENDINGS:
        return f"[bold]{text}[/]"
    return text


def plain_text(markup: str) -> str:
    """Markup as the words a player reads (for logs and tests: no styles)."""
    from game.ui.markup import content

    try:
        return content(markup).plain
    except Exception:  # not markup after all: the text as it is
        return markup
