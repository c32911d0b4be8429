"""Actions: what a player can do, as small frozen objects with public, stable names.

The names are part of the public vocabulary (saves, demo scripts, scenario tests and the
simulator use them), so never rename one once shipped.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# action name -> the parameters it takes (besides its name)
VOCABULARY: dict[str, tuple[str, ...]] = {
    "research": ("field",),
    "reflect": (),
    "reach_out": ("contact",),
    "meet": ("contact", "choice"),
    "check_in": ("contact",),
    "thank": ("contact",),
    "ask_intro": ("contact", "target"),
    "ask_referral": ("contact", "opportunity"),
    "accept_offer": (),
    "ask_permission": (),
    "decline_offer": (),
    "follow_up": ("contact",),
    "release": ("contact",),
    "answer_interest": ("choice",),
    "apply": ("opportunity",),
    "withdraw": ("opportunity",),
    "accept_job": ("opportunity",),
    "end_week": (),
}

CHOICES: dict[str, tuple[str, ...]] = {
    "meet": ("advice", "learn", "offer_help"),
    "answer_interest": ("eager_yes", "explore", "not_now"),
}

# How each action can turn out. A content pack's dialogue lines are keyed by action and
# outcome; these ids are public like the action names.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "research": ("learned", "found_posting"),
    "reflect": ("done",),
    "reach_out": ("warm_reply", "reply", "no_reply"),
    "meet": ("advice", "advice_unprepared", "learn", "learn_unprepared", "offer_help", "offer_help_unprepared",
             "message_taken", "cut_short"),
    "check_in": ("caught_up", "message_taken", "cut_short"),
    "thank": ("thanked", "reported_back", "message_taken"),
    "ask_intro": ("introduced", "pressed_promise", "pressed_refused", "message_taken"),
    "ask_referral": ("referred", "pressed_promise", "pressed_refused", "message_taken"),
    "accept_offer": ("promised",),
    "ask_permission": ("permission",),
    "decline_offer": ("declined",),
    "follow_up": ("reminded", "avoiding", "door_closed", "nudged", "nudged_done"),
    "release": ("released",),
    "answer_interest": ("interview", "informed_yes", "explore", "not_now"),
    "apply": ("applied_referred", "applied_cold"),
    "withdraw": ("withdrew", "withdrew_after_yes"),
    "accept_job": ("hired",),
    "end_week": ("week_ended", "out_of_runway"),
}

PROMPT_ANSWERS = {
    "offer": ("accept_offer", "ask_permission", "decline_offer"),
    "interest": ("answer_interest",),
}


class Impossible(Exception):
    """An action that cannot be taken now. The message says why, in the game's words."""


class Action(NamedTuple):
    name: str
    contact: str | None = None
    target: str | None = None
    opportunity: str | None = None
    field: str | None = None
    choice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.name}
        for key in ("contact", "target", "opportunity", "field", "choice"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Action:
        """Build an action from its public form, checking names and parameters."""
        data = dict(data)
        name = data.pop("action", None)
        if name not in VOCABULARY:
            raise ValueError(f"unknown action {name!r}; expected one of: {', '.join(VOCABULARY)}")
        wanted = VOCABULARY[name]
        for key in data:
            if key not in wanted:
                expected = ", ".join(wanted) if wanted else "no parameters"
                raise ValueError(f"action {name!r} does not take {key!r} (it takes {expected})")
        for key in wanted:
            if data.get(key) in (None, ""):
                raise ValueError(f"action {name!r} needs {key!r}")
            if not isinstance(data[key], str):
                raise ValueError(f"action {name!r}: {key!r} must be text")
        if name in CHOICES and data["choice"] not in CHOICES[name]:
            raise ValueError(
                f"action {name!r}: choice {data['choice']!r} is not one of {', '.join(CHOICES[name])}"
            )
        return Action(name, **data)  # type: ignore[arg-type]

    def label(self) -> str:
        parts = [self.name]
        for key in ("contact", "target", "opportunity", "field", "choice"):
            value = getattr(self, key)
            if value is not None:
                parts.append(f"{key}={value}")
        return " ".join(parts)
