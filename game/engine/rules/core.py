"""`apply`, `check`, `legal_actions`, the board's menu and the preview: all ask the action's rule.

`apply(state, action)` is the one way anything changes. It returns a new State and the
Effects it caused; the old State is left as it was.
"""

from __future__ import annotations

from typing import cast

from game.engine.answers import carried
from game.engine.intent import PARAMS, Action, Impossible
from game.engine.kinds import CLOSED, CONNECTED, HIDDEN, UNKNOWN, PromptKind
from game.engine.rules.actions import RULES, Preview, Scope, by_scope
from game.engine.rules.actions.base import ActionRule, ContactRule
from game.engine.rules.turn import Turn
from game.engine.state import Effect, HistoryNode, State
from game.engine.world import Tuning

_SELF = by_scope(Scope.SELF)
_CONTACT = by_scope(Scope.CONTACT)
_OPPORTUNITY = by_scope(Scope.OPPORTUNITY)
_WEEK = by_scope(Scope.WEEK)
_BY_SCOPE = {Scope.SELF: _SELF, Scope.CONTACT: _CONTACT, Scope.OPPORTUNITY: _OPPORTUNITY, Scope.WEEK: _WEEK}
if not all(isinstance(rule, ContactRule) for rule in _CONTACT):
    raise TypeError("every action toward one person is a ContactRule (legal_actions asks its `judge`)")
if any(rule.needs_connection and type(rule).entries is not ContactRule.entries
       for rule in cast(tuple[ContactRule, ...], _CONTACT)):
    # legal_actions lists such a rule's entries_for the people in touch, and nothing for the rest
    raise TypeError("an action that needs a connection lists its entries through `entries_for`")
_NO_QUESTION = {
    PromptKind.OFFER: "Nobody has offered you anything just now.",
    PromptKind.INTEREST: "Nobody has asked about your interest just now.",
}


class _Costs:
    """Every action's hours under one tuning, and the rules of each scope a week with so many
    hours left can afford: asked for every move a bot weighs and every legal list, read from
    the tuning once."""

    __slots__ = ("tuning", "hours", "affordable", "_cheapest")

    def __init__(self, t: Tuning) -> None:
        self.tuning = t
        self.hours = {name: rule.hours(t) for name, rule in RULES.items()}
        self.affordable: dict[int, dict[Scope, tuple[ActionRule, ...]]] = {}
        self._cheapest: dict[frozenset[str], int] = {}

    def cheapest(self, names: frozenset[str]) -> int:
        """The hours of the cheapest of these actions."""
        found = self._cheapest.get(names)
        if found is None:
            found = self._cheapest[names] = min(self.hours[name] for name in names)
        return found

    def within(self, hours: int) -> dict[Scope, tuple[ActionRule, ...]]:
        found = self.affordable.get(hours)
        if found is None:
            found = self.affordable[hours] = {
                scope: tuple(r for r in rules if self.hours[r.name] <= hours) for scope, rules in _BY_SCOPE.items()}
        return found


_COSTS: dict[int, _Costs] = {}  # by the tuning's identity (hashing all its numbers is slow)


def costs(t: Tuning) -> _Costs:
    """The hours table of this tuning."""
    known = _COSTS.get(id(t))
    if known is None or known.tuning is not t:
        if len(_COSTS) >= 64:  # tuning sweeps make many: keep the table small
            _COSTS.clear()
        known = _COSTS[id(t)] = _Costs(t)
    return known


def cost(state: State, action: Action) -> int:
    """Hours the action takes out of the week."""
    return costs(state.world.tuning).hours.get(action.name, 0)


def _shape(rule: ActionRule, action: Action) -> str | None:
    """The parameters are the ones this action takes."""
    given = (action.contact is not None, action.target is not None, action.opportunity is not None,
             action.field is not None, action.choice is not None)
    if given == rule.given and (not rule.choices or action.choice in rule.choices):
        return None
    name = action.name
    for key in PARAMS:
        if key not in rule.params and getattr(action, key) is not None:
            return f"{name} does not take {key}."
    for key in rule.params:
        if getattr(action, key) is None:
            return f"{name} needs {key}."
    if rule.choices and action.choice not in rule.choices:
        return f"{name} takes one of: {', '.join(rule.choices)}."
    return None


def check(state: State, action: Action) -> str | None:
    """None if the action can be taken now, else the reason it cannot, in the game's words."""
    rule = RULES.get(action.name)
    if rule is None:
        return f"There is no action called {action.name!r}."
    if state.over:
        return "The campaign is over."
    reason = _shape(rule, action)
    if reason:
        return reason
    prompt = state.prompt
    if prompt is not None:
        if rule.answers != prompt.kind:
            who = state.world.people[prompt.contact].first_name
            return f"First answer {who}'s {'offer' if prompt.kind == PromptKind.OFFER else 'question'}."
        return None
    if rule.answers is not None:
        return _NO_QUESTION[rule.answers]
    need = rule.hours(state.world.tuning)
    if need > state.hours_left:
        return f"Not enough time left this week: it takes {need}h and you have {state.hours_left}h."
    return rule.check(state, action)


def preview(state: State, action: Action) -> Preview:
    """What the board shows before the player chooses: cost, why not, and what it risks.

    An action listed without its choice (a meeting, whose approach is picked in the
    conversation) is judged as any of its choices would be: they are equally possible.
    """
    rule = RULES[action.name]
    judged = action
    if rule.choices and action.choice is None:
        judged = action._replace(choice=rule.choices[0])
    hours = rule.hours(state.world.tuning)
    reason = check(state, judged)
    if reason is not None:
        return Preview(hours, reason)
    risk = rule.warning(state, judged)
    if risk is None:
        return Preview(hours)
    return Preview(hours, None, risk[0], risk[1])


def menu(state: State, subject: str | None) -> list[Action]:
    """What the board lists for a person (a contact id) or for the player (None), possible or not."""
    if subject is not None:
        return [a for rule in _CONTACT for a in rule.entries(state, subject)]
    out = [a for rule in _SELF for a in rule.entries(state, None)]
    for oid in state.opportunities:
        out.extend(a for rule in _OPPORTUNITY for a in rule.entries(state, oid))
    return out


def _expanded(rule: ActionRule, actions: list[Action]) -> list[Action]:
    if not rule.choices:
        return actions
    return [chosen for a in actions for chosen in _with_choices(rule, a)]


_CHOSEN: dict[Action, tuple[Action, ...]] = {}


def _with_choices(rule: ActionRule, action: Action) -> tuple[Action, ...]:
    """The action listed without its choice, with each of its rule's choices made: values, made
    once for each action (a meeting with each person is judged and listed at every state)."""
    found = _CHOSEN.get(action)
    if found is None:
        if len(_CHOSEN) >= 4096:  # many worlds in one process: keep the table small
            _CHOSEN.clear()
        found = _CHOSEN[action] = tuple([_choosing(action, ch) for ch in rule.choices])
    return found


def _choosing(action: Action, choice: str) -> Action:
    """The action with this choice made (as `_replace(choice=...)`, without its keyword machinery)."""
    return Action(action.name, action.contact, action.target, action.opportunity, action.field, choice)


def legal_actions(state: State) -> list[Action]:
    """Every action that can be taken now, in a stable order.

    The same judgement as `check`, asked of each rule once: its own entries always have
    the right parameters, so only time and the rule's own test remain.
    """
    if state.over:
        return []
    if state.prompt is not None:
        answers = [r for r in RULES.values() if r.answers == state.prompt.kind]
        return [a for r in answers for a in _expanded(r, [Action(r.name)])]
    out: list[Action] = []

    def able(rules: tuple[ActionRule, ...], subject: str | None) -> None:
        for rule in rules:
            for a in rule.entries(state, subject):
                if a.choice is None and rule.choices:
                    # listed without its choice (a meeting, whose approach is picked in the
                    # conversation): its choices are equally possible, as `preview` says
                    chosen = _with_choices(rule, a)
                    if rule.check(state, chosen[0]) is None:
                        out.extend(chosen)
                elif rule.check(state, a) is None:
                    out.append(a)

    def able_toward(rules: tuple[ContactRule, ...], cid: str, in_touch: bool) -> None:
        # the person is known and not closed, and each rule lists them only where they are
        # reachable for it: what is left to judge is the rule's own test. A rule that needs a
        # connection lists nothing for someone not in touch (ContactRule.entries), so those
        # are passed only the others, and for someone in touch its entries are its entries_for
        first = state.world.people[cid].first_name
        owes = bool(state.commitments) and bool(state.outstanding_commitments(cid))
        for rule in rules:
            if owes and not rule.while_owed:
                continue  # its `judge` refuses every entry while a promise is outstanding
            listed = rule.entries_for(state, cid) if in_touch and rule.needs_connection else rule.entries(state, cid)
            for a in listed:
                if a.choice is None and rule.choices:
                    chosen = _with_choices(rule, a)
                    if rule.judge(state, chosen[0], first) is None:
                        out.extend(chosen)
                elif rule.judge(state, a, first) is None:
                    out.append(a)

    affordable = costs(state.world.tuning).within(state.hours_left)
    able(affordable[Scope.SELF], None)
    contact_rules = cast(tuple[ContactRule, ...], affordable[Scope.CONTACT])
    unconnected_rules = tuple([rule for rule in contact_rules if not rule.needs_connection])
    for cid, c in state.contacts.items():
        if c.stage == CONNECTED:
            if c.door != CLOSED:
                able_toward(contact_rules, cid, True)
        elif c.stage != UNKNOWN and c.door != CLOSED:
            able_toward(unconnected_rules, cid, False)
    role_rules = affordable[Scope.OPPORTUNITY]
    for oid, o in state.opportunities.items():
        if o.stage != HIDDEN:
            able(role_rules, oid)
    able(affordable[Scope.WEEK], None)
    return out


def apply(state: State, action: Action) -> tuple[State, list[Effect]]:
    """Take an action. Raises Impossible (with the reason) if it cannot be taken now."""
    # a bot that chose this action has usually judged it already (see game.engine.sight)
    seen = state.sight
    reason = seen.reasons[action] if seen is not None and action in seen.reasons else check(state, action)
    if reason is not None:
        raise Impossible(reason)
    rule = RULES[action.name]
    turn = Turn(state)
    turn.s.hours_left -= rule.hours(turn.t)
    rule.perform(turn, action)
    turn.s.steps += 1
    effects = tuple(turn.effects)
    turn.s.history = HistoryNode(state.history, action, state.week, effects, turn.outcome, turn.fired)
    turn.s.sight = carried(state, turn.s, turn.touched)
    return turn.s, list(effects)
