"""Running a pack's scenario tests and its balance check.

A scenario is a campaign, a seed and steps in the public action format (the same one demo
scripts use). Each expectation that fails is reported with the step where it failed, so
an author learns exactly where their story stopped teaching what it should.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.engine.actions import Impossible, action_from_dict
from game.engine.rules import apply, new_game
from game.engine.state import State
from game.engine.world import Expectation, ScenarioDef, World
from game.packs.loader import Problem

if TYPE_CHECKING:
    from game.engine.sim import Gather


@dataclass(slots=True)
class ScenarioResult:
    id: str
    campaign: str
    passed: bool
    steps_run: int
    failures: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "campaign": self.campaign, "passed": self.passed, "steps_run": self.steps_run,
                "failures": [p.to_dict() for p in self.failures]}


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _bounds(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"between {low} and {high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def failed_expectations(state: State, x: Expectation) -> list[str]:
    """What does not hold of `state`, in words (empty if everything does)."""
    out = []
    for cid, doors in x.doors:
        c = state.contacts.get(cid)
        got = "not in this campaign" if c is None else c.door if c.stage == "connected" else f"{c.stage} (no door yet)"
        if c is None or c.door not in doors or c.stage != "connected":
            out.append(f"{cid}'s door is {got}; expected {' or '.join(doors)}")
    for cid, stages in x.stages:
        c = state.contacts.get(cid)
        if c is None or c.stage not in stages:
            out.append(f"{cid} is {c.stage if c else 'not in this campaign'}; expected {' or '.join(stages)}")
    for cid, meter, low, high in x.meters:
        c = state.contacts.get(cid)
        if c is None:
            out.append(f"{cid} is not in this campaign")
        elif not _within(getattr(c, meter), low, high):
            out.append(f"{cid}'s {meter} is {getattr(c, meter)}; expected {_bounds(low, high)}")
    for name, low, high in x.player:
        if name.startswith("knowledge:"):
            value = state.knowledge.get(name.split(":", 1)[1], 0)
        else:
            value = getattr(state, name)
        if not _within(value, low, high):
            out.append(f"{name} is {value}; expected {_bounds(low, high)}")
    for lesson in x.lessons:
        if lesson not in state.lessons:
            out.append(f"the lesson {lesson!r} is not unlocked")
    for lesson in x.lessons_locked:
        if lesson in state.lessons:
            out.append(f"the lesson {lesson!r} is unlocked; expected it still locked")
    for oid, stages in x.opportunities:
        o = state.opportunities.get(oid)
        if o is None or o.stage not in stages:
            out.append(f"{oid} is {o.stage if o else 'not in this campaign'}; expected {' or '.join(stages)}")
    if x.outcome is not None:
        got = state.outcome or "playing"
        if got != x.outcome:
            out.append(f"the campaign is {got}; expected {x.outcome}")
    if x.job is not None and state.job != x.job:
        out.append(f"the job taken is {state.job or 'none'}; expected {x.job}")
    if x.last_outcome is not None:
        got = str(state.history.outcome) if state.history is not None else "nothing yet"
        if got != x.last_outcome:
            out.append(f"the last action turned out {got!r}; expected {x.last_outcome!r}")
    if x.prompt is not None:
        got = state.prompt.kind if state.prompt is not None else "none"
        if got != x.prompt:
            out.append(f"the open question is {got}; expected {x.prompt}")
    return out


def run_scenario(world: World, sc: ScenarioDef) -> ScenarioResult:
    """Play a scenario's steps; stop at the first step the rules refuse."""
    result = ScenarioResult(sc.id, sc.campaign, True, 0)

    def fail(step_no: int, line: int | None, code: str, message: str) -> None:
        result.passed = False
        final = step_no == len(sc.steps) and not sc.steps[-1].action
        where = "after the last step" if final else f"step {step_no}"
        result.failures.append(Problem(sc.source, line, f"scenarios.{sc.id}.steps[{step_no - 1}]",
                                       f"scenario {sc.id!r}, {where}: {message}", "error", code))

    state = new_game(world, sc.campaign, sc.seed)
    for n, step in enumerate(sc.steps, 1):
        if step.action:
            action = action_from_dict(dict(step.action))
            for _ in range(step.repeat):
                try:
                    state, _ = apply(state, action)
                except Impossible as exc:
                    fail(n, step.line, "P803", f"{action.label()} was refused in week {state.week}: {exc}")
                    return result
            result.steps_run = n
        if step.expect is not None:
            for message in failed_expectations(state, step.expect):
                fail(n, step.line, "P802", f"{message} (week {state.week})")
    return result


def run_scenarios(world: World, only: set[str] | None = None) -> list[ScenarioResult]:
    """Run the world's scenarios (or just those with ids in `only`)."""
    return [run_scenario(world, sc) for sc in world.scenarios if only is None or sc.id in only]


# --------------------------------------------------------------------------------------
# balance


BALANCE_STRATEGIES = ("patient", "pushy", "overclaimer")
RARELY_WINNABLE = 0.35  # below this share of patient runs hired, a campaign is too hard

# why a game without a job ended that way, judged from where its roles stood (first that holds)
LOST_WHY: tuple[tuple[tuple[str, ...], str], ...] = (
    (("rejected",), "turned down"),
    (("applied", "interviewing", "offer"), "still waiting on a decision when the savings ran out"),
    (("withdrawn",), "withdrew"),
    (("known", "expired"), "knew of a role but never applied in time"),
)
NEVER_LEARNED = "never learned of a role"


@dataclass(frozen=True, slots=True)
class Explained:
    """One bot game, summed up for the balance report: the result, the job, and why it ended."""

    result: Any  # game.engine.sim.GameResult, without its final state
    job: str | None
    lost_why: str | None
    events: tuple[str, ...]
    lines: frozenset[tuple[str, str, str]] = frozenset()  # (action, outcome, line id) of each line said


class _LinesSaid:
    """Watches a bot's game and keeps (action, outcome, line id) of every line a player would read."""

    def __init__(self) -> None:
        self.said: set[tuple[str, str, str]] = set()

    def __call__(self, before: State, after: State) -> None:
        from game.engine.dialogue import spoken

        line = spoken(before, after)
        if line is not None:
            self.said.add((line[0].action, line[0].outcome, line[0].id))


def _why_lost(state: State) -> str:
    for kinds, why in LOST_WHY:
        roles = sorted(oid for oid, o in state.opportunities.items() if o.stage in kinds)
        if roles:
            return f"{why} ({', '.join(roles)})"
    return NEVER_LEARNED


def explain_runs(world: World, piece: Any) -> list[Explained]:
    """The games of one piece (a game.engine.sim.Runs), each with what the report says about it.

    A module-level function, so a pool of workers can play pieces with it."""
    import dataclasses

    from game.engine.kinds import EffectKind
    from game.engine.sim import play, run_seed

    out = []
    for i in piece.runs:
        lines = _LinesSaid()
        played = play(world, piece.campaign, piece.strategy, run_seed(piece.seed, i), keep_state=True, watch=lines)
        state = played.final_state
        assert state is not None
        events = tuple(sorted({str(e.after) for e in state.journal() if e.kind == EffectKind.EVENT}))
        out.append(Explained(dataclasses.replace(played, final_state=None), state.job,
                             None if played.hired else _why_lost(state), events, frozenset(lines.said)))
    return out


def _explain(world: World, cid: str, games: dict[str, list[Explained]],
             own_lines: set[str] | None = None) -> dict[str, Any]:
    """Roles taken, why games were lost, how often each of the campaign's events fired, and
    the dialogue lines no bot's game showed."""
    scope = sorted(ev.id for ev in world.events if not ev.campaigns or cid in ev.campaigns)
    out: dict[str, Any] = {"jobs": {}, "lost": {}, "events": {}, "lines_unseen": _unseen(world, cid, games, own_lines)}
    for name, played in games.items():
        jobs: dict[str, int] = {}
        lost: dict[str, int] = {}
        for g in played:
            if g.job is not None:
                jobs[g.job] = jobs.get(g.job, 0) + 1
            if g.lost_why is not None:
                lost[g.lost_why] = lost.get(g.lost_why, 0) + 1
        out["jobs"][name] = dict(sorted(jobs.items(), key=lambda kv: (-kv[1], kv[0])))
        out["lost"][name] = dict(sorted(lost.items(), key=lambda kv: (-kv[1], kv[0])))
        out["events"][name] = {eid: sum(eid in g.events for g in played) for eid in scope}
    return out


def _unseen(world: World, cid: str, games: dict[str, list[Explained]], own: set[str] | None) -> list[str]:
    """The lines that could be said in this campaign (for everyone, or for one of its people)
    that no bot game said, as 'action/outcome/id'; only the pack's own lines (ids in `own`) if given."""
    said = frozenset().union(*(g.lines for played in games.values() for g in played))
    people = set(world.campaigns[cid].people) if world.campaigns[cid].people else set(world.people)
    return [f"{line.action}/{line.outcome}/{line.id}"
            for (action, outcome), lines in sorted(world.dialogue.items())
            for line in lines
            if (own is None or line.id in own) and (line.contact is None or line.contact in people)
            and (action, outcome, line.id) not in said]


def balance(world: World, runs: int = 60, seed: int = 0, campaigns: list[str] | None = None,
            source: str = "", gather: Gather | None = None,
            lines: dict[str, int] | None = None,
            own_lines: set[str] | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Play the strategy bots on each campaign; warn where the pack stops teaching its lessons,
    and say what happened: the roles the bots were hired into, why the games without a job
    ended as they did, and how often each scripted event fired.

    `gather` plays the games in pieces, as in `simulate` (by default here, in turn); the
    hired rates are the simulator's own summary of the same games. `lines` gives each
    campaign's line in `source`, so the warnings point at it. `own_lines` limits the lines
    reported as never shown to the pack's own (a pack building on core need not hear of core's).
    """
    from game.engine.paired import lesson_table
    from game.engine.sim import InTurn, Runs, chunks, summarise

    report: dict[str, Any] = {"runs": runs, "seed": seed, "campaigns": {}, "explain": {}}
    problems: list[Problem] = []
    lines = lines or {}
    for cid in list(world.campaigns) if campaigns is None else campaigns:
        pieces = [Runs(cid, name, seed, r) for name in BALANCE_STRATEGIES for r in chunks(runs)]
        games: dict[str, list[Explained]] = {name: [] for name in BALANCE_STRATEGIES}
        for piece, played in zip(pieces, (gather or InTurn(world))(explain_runs, pieces), strict=True):
            games[piece.strategy].extend(played)
        rows = {name: summarise([g.result for g in played]) for name, played in games.items()}
        report["campaigns"][cid] = rows
        report["explain"][cid] = _explain(world, cid, games, own_lines)
        patient = rows["patient"]["hired_rate"]
        where = lines.get(cid)
        for bad in ("pushy", "overclaimer"):
            # nobody winning is the rarely-winnable warning below, not a lesson that stopped holding
            if rows[bad]["hired_rate"] >= patient and rows[bad]["hired_rate"] > 0:
                problems.append(Problem(source, where, f"campaigns.{cid}", f"in {cid!r}, {bad} play is hired "
                                        f"{rows[bad]['hired_rate']:.0%} of the time and patient play "
                                        f"{patient:.0%}; expected patience to win more often", "warning", "P901"))
        report.setdefault("lessons", {})[cid] = lesson_table(world, cid, runs, seed, gather=gather)["forks"]
        if patient < RARELY_WINNABLE:
            problems.append(Problem(source, where, f"campaigns.{cid}", f"{cid!r} is rarely winnable: patient play is "
                                    f"hired in {patient:.0%} of {runs} runs; expected at least "
                                    f"{RARELY_WINNABLE:.0%} (more runway, warmer contacts, easier roles)",
                                    "warning", "P902"))
    return report, problems
