"""The game's closed sets of names, as string enums.

Each value is the public string that saves, packs, demo scripts and the simulator already
use, so a member compares equal to its text and is written as plain text; the type checker
then catches a missing case where a bare string would not.
"""

from __future__ import annotations

from enum import StrEnum


class Door(StrEnum):
    """How open a person is to you, warmest first (derived from the meters, with hysteresis)."""

    ADVOCATE = "advocate"  # helps unprompted
    WARM = "warm"
    OPEN = "open"
    GUARDED = "guarded"
    AVOIDING = "avoiding"  # "Can I take a message?"
    CLOSED = "closed"  # will never speak to you again; absorbing for the campaign


class Stage(StrEnum):
    """What the player knows of a person."""

    UNKNOWN = "unknown"  # exists in the world; the player has never heard of them
    KNOWN = "known"  # the player has heard the name and could reach out cold
    CONNECTED = "connected"  # they have spoken; meetings and asks are possible


class OppStage(StrEnum):
    """Where a role stands for the player."""

    HIDDEN = "hidden"
    KNOWN = "known"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    EXPIRED = "expired"


class InterviewMode(StrEnum):
    OVERCLAIMED = "overclaimed"  # an uninformed "Yes!": judged on preparation the player lacks
    INFORMED = "informed"  # an honest yes, backed by homework


class PromiseKind(StrEnum):
    INTRODUCTION = "introduction"  # `to` is a contact id
    REFERRAL = "referral"  # `to` is an opportunity id


class PromiseStatus(StrEnum):
    PENDING = "pending"
    FULFILLED = "fulfilled"
    FORGOTTEN = "forgotten"
    ABANDONED = "abandoned"
    RELEASED = "released"


class PromptKind(StrEnum):
    """A question that must be answered before anything else happens."""

    OFFER = "offer"  # a volunteered introduction
    INTEREST = "interest"  # "Are you interested in the position?"


class GameOutcome(StrEnum):
    """How a campaign ended."""

    HIRED = "hired"
    OUT_OF_RUNWAY = "out_of_runway"


class Meter(StrEnum):
    """A contact's meters, each 0-100 and kept as an itemised ledger."""

    TRUST = "trust"
    EMBARRASSMENT = "embarrassment"
    FAMILIARITY = "familiarity"


class PlayerMeter(StrEnum):
    """The player's own quantities (knowledge is per field: see EffectKind.KNOWLEDGE)."""

    CLARITY = "clarity"
    REPUTATION = "reputation"
    RUNWAY = "runway"


class EffectKind(StrEnum):
    """What an Effect is. Screens choose how to show an effect by its kind, never by its words."""

    CONTACT_METER = "contact_meter"  # `meter` says which; before/after are the values
    PLAYER_METER = "player_meter"  # clarity, reputation or runway, named by `meter`
    KNOWLEDGE = "knowledge_gained"  # knowledge of the field named by `meter`
    DOOR = "door_changed"  # before/after are Doors
    HEARD_OF = "heard_of"  # a name the player can now reach out to
    INTRODUCED = "introduced"  # now speaking, through someone or on your own
    ADVOCATE_INTRODUCED = "advocate_introduced"  # an advocate introduced you unprompted
    PROMISE_INTRODUCED = "promise_introduced"  # a promised introduction came through
    TOKEN = "token"  # "mention my name"
    MESSAGE = "message"  # no reply, a message taken, a changed subject
    PROMISE_MADE = "promise_made"  # pressed for a favour, someone promised it anyway
    OFFER_ACCEPTED = "offer_accepted"  # you accepted a volunteered introduction: their promise now
    PROMISE_DOUBTED = "promise_doubted"  # hidden: the promise oversteps
    PROMISE_FORGOTTEN = "promise_forgotten"  # hidden: it slipped their mind
    PROMISE_ABANDONED = "promise_abandoned"  # hidden: they quietly let it drop
    PROMISE_RELEASED = "promise_released"  # you let them off the hook
    REFERRAL = "referral"  # someone put in a word for you
    PROMISE_REFERRAL = "promise_referral"  # a promised word was put in
    ROLE_FOUND = "role_found"  # a posting you found
    ROLE_MENTIONED = "role_mentioned"  # a hiring contact mentioned their opening
    ROLE_REVEALED = "role_revealed"  # a role nobody posted, from someone who knows you
    APPLIED = "applied"
    MOVED_TO_INTERVIEW = "moved_to_interview"  # an informed yes
    INTERVIEW = "interview"  # an overclaimed yes: the talk became an interview
    WITHDREW = "withdrew"
    OFFER = "offer"
    REJECTED = "rejected"
    OFFER_LAPSED = "offer_lapsed"
    ROLE_FILLED = "role_filled"
    MEMORY = "memory"  # hidden: how someone will treat you (or the next seeker)
    LESSON = "lesson"  # a new codex card; `target` is the lesson id
    EVENT = "event"  # a pack's scripted event fired; `after` is its id
    JOURNAL = "journal"  # a pack's event wrote a line in the journal
    HIRED = "hired"
    OUT_OF_RUNWAY = "out_of_runway"


# groups screens ask about
INTRODUCTIONS = frozenset({EffectKind.INTRODUCED, EffectKind.ADVOCATE_INTRODUCED, EffectKind.PROMISE_INTRODUCED})
REFERRALS = frozenset({EffectKind.REFERRAL, EffectKind.PROMISE_REFERRAL})
PROMISES_KEPT = frozenset({EffectKind.PROMISE_INTRODUCED, EffectKind.PROMISE_REFERRAL})
ROLE_NEWS = frozenset({
    EffectKind.ROLE_FOUND, EffectKind.ROLE_MENTIONED, EffectKind.ROLE_REVEALED, EffectKind.APPLIED,
    EffectKind.MOVED_TO_INTERVIEW, EffectKind.INTERVIEW, EffectKind.WITHDREW, EffectKind.OFFER,
    EffectKind.REJECTED, EffectKind.OFFER_LAPSED, EffectKind.ROLE_FILLED,
})
ENDINGS = frozenset({EffectKind.HIRED, EffectKind.OUT_OF_RUNWAY})
NUMBERS = frozenset({EffectKind.CONTACT_METER, EffectKind.PLAYER_METER, EffectKind.KNOWLEDGE})


class Outcome(StrEnum):
    """How an action turned out: the key for a pack's dialogue lines (see actions.OUTCOMES)."""

    DONE = "done"
    LEARNED = "learned"
    FOUND_POSTING = "found_posting"
    WARM_REPLY = "warm_reply"
    REPLY = "reply"
    NO_REPLY = "no_reply"
    ADVICE = "advice"
    ADVICE_UNPREPARED = "advice_unprepared"
    LEARN = "learn"
    LEARN_UNPREPARED = "learn_unprepared"
    OFFER_HELP = "offer_help"
    OFFER_HELP_UNPREPARED = "offer_help_unprepared"
    MESSAGE_TAKEN = "message_taken"
    CUT_SHORT = "cut_short"
    CAUGHT_UP = "caught_up"
    NOTHING_NEW = "nothing_new"  # a note with nothing in it since the last one
    PESTERED = "pestered"  # one message too many this week
    THANKED = "thanked"
    REPORTED_BACK = "reported_back"
    INTRODUCED = "introduced"
    PRESSED_PROMISE = "pressed_promise"
    PRESSED_REFUSED = "pressed_refused"
    REFERRED = "referred"
    PROMISED = "promised"
    PERMISSION = "permission"
    DECLINED = "declined"
    REMINDED = "reminded"
    AVOIDING = "avoiding"
    DOOR_CLOSED = "door_closed"
    NUDGED = "nudged"
    NUDGED_DONE = "nudged_done"
    RELEASED = "released"
    INTERVIEW = "interview"
    INFORMED_YES = "informed_yes"
    EXPLORE = "explore"
    NOT_NOW = "not_now"
    APPLIED_REFERRED = "applied_referred"
    APPLIED_COLD = "applied_cold"
    WITHDREW = "withdrew"
    WITHDREW_AFTER_YES = "withdrew_after_yes"
    HIRED = "hired"
    WEEK_ENDED = "week_ended"
    OUT_OF_RUNWAY = "out_of_runway"


# Module-level names for the members the rules test most often: reading a module global is
# several times faster than an enum class attribute, and the simulator plays these millions
# of times.
ADVOCATE, WARM, OPEN, GUARDED, AVOIDING, CLOSED = Door
UNKNOWN, KNOWN, CONNECTED = Stage
HIDDEN, OPP_KNOWN, APPLIED, INTERVIEWING, OFFER, REJECTED, WITHDRAWN, ACCEPTED, EXPIRED = OppStage
TRUST, EMBARRASSMENT, FAMILIARITY = Meter
PENDING, FULFILLED, FORGOTTEN, ABANDONED, RELEASED = PromiseStatus
