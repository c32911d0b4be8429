"""The headless simulator: bots play whole campaigns, and the results are summarised."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, TypeVar

from game.engine.bots import STRATEGIES
from game.engine.gallery import ALIGNED, GALLERY
from game.engine.replay import play_bot
from game.engine.rules import HIRED, door_counts, fit, score
from game.engine.state import ADVOCATE, CLOSED, State
from game.engine.world import World

# every bot by name: the five built-in ways of playing, the gallery and the aligned variants
BOTS = {**STRATEGIES, **GALLERY, **ALIGNED}

# A bot that never ends its week would loop forever; no real campaign comes near this.
MAX_STEPS = 5000


@dataclass(frozen=True, slots=True)
class GameResult:
    strategy: str
    seed: int
    hired: bool
    fit: float | None
    weeks: int
    doors_closed: int
    advocates: int
    score: int
    final_state: State | None = None


def play(world: World, campaign: str, strategy: str, seed: int, keep_state: bool = False,
         watch: Callable[[State, State], None] | None = None) -> GameResult:
    """One whole campaign played by a bot (`watch` sees each move: see play_bot).

    A game makes no reference cycles (tests/engine/test_sim.py checks every bot), so what it
    drops is freed by reference counting the moment it goes; the cycle collector would only
    walk the game's fresh objects again and again, finding nothing. It rests while the game
    is played, and any cycle a `watch` makes is collected once it resumes.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        state = play_bot(world, campaign, seed, BOTS[strategy], MAX_STEPS, watch)
    except RuntimeError:
        raise RuntimeError(f"{strategy} did not finish {campaign} (seed {seed}) in {MAX_STEPS} steps") from None
    finally:
        if collecting:
            gc.enable()
    doors = door_counts(state)
    hired = state.outcome == HIRED
    return GameResult(
        strategy=strategy,
        seed=seed,
        hired=hired,
        fit=fit(state, state.job) if hired and state.job else None,
        weeks=state.week - 1 if not hired else state.week,
        doors_closed=doors.get(CLOSED, 0),
        advocates=doors.get(ADVOCATE, 0),
        score=score(state),
        final_state=state if keep_state else None,
    )


def summarise(results: list[GameResult]) -> dict[str, float]:
    n = len(results)
    hired = [r for r in results if r.hired]
    return {
        "hired_rate": round(len(hired) / n, 4) if n else 0.0,
        "mean_fit": round(sum(r.fit or 0.0 for r in hired) / len(hired), 4) if hired else 0.0,
        "mean_weeks": round(sum(r.weeks for r in hired) / len(hired), 2) if hired else 0.0,
        "mean_doors_closed": round(sum(r.doors_closed for r in results) / n, 3) if n else 0.0,
        "mean_advocates": round(sum(r.advocates for r in results) / n, 3) if n else 0.0,
        "mean_score": round(sum(r.score for r in results) / n, 2) if n else 0.0,
    }


def run_seed(seed: int, i: int) -> int:
    """The seed of run i: every strategy plays the same worlds."""
    return seed * 1_000_003 + i


# --------------------------------------------------------------------------------------
# pieces: every run stands alone (its own seed), so a simulation splits into ranges of runs
# that may be played anywhere, in any order, and put back together in order


Piece = TypeVar("Piece")
Played = TypeVar("Played")

# Runs per piece: enough that handing a piece to another process costs little beside
# playing it (about 25 games), few enough that every core stays busy to the end.
CHUNK = 25


class Gather(Protocol):
    """Plays every piece with `play` and gives back the results in the order of `pieces`."""

    def __call__(self, play: Callable[[World, Piece], Played], pieces: Sequence[Piece]) -> Iterable[Played]: ...


@dataclass(frozen=True, slots=True)
class InTurn:
    """The plain way to gather: each piece played here on `world`, one after another."""

    world: World

    def __call__(self, play: Callable[[World, Piece], Played], pieces: Sequence[Piece]) -> Iterable[Played]:
        return (play(self.world, piece) for piece in pieces)


def chunks(runs: int, size: int = CHUNK) -> list[range]:
    """Run indices 0..runs-1 in consecutive ranges of at most `size`."""
    return [range(start, min(start + size, runs)) for start in range(0, runs, size)]


class Runs(NamedTuple):
    """A piece of a simulation: one strategy's runs in `runs`."""

    campaign: str
    strategy: str
    seed: int
    runs: range


def play_runs(world: World, piece: Runs) -> list[GameResult]:
    """The games of one piece, in run order."""
    return [play(world, piece.campaign, piece.strategy, run_seed(piece.seed, i)) for i in piece.runs]


def simulate(
    world: World,
    campaign: str,
    strategies: list[str],
    runs: int,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
    gather: Gather | None = None,
) -> dict[str, Any]:
    """Play `runs` campaigns per strategy and summarise them (the `sim --json` object).

    `gather` plays the pieces (by default here, in turn); any gather that keeps their order
    gives the same result, because summarise sees the games in the same order.
    """
    names = list(dict.fromkeys(strategies))
    pieces = [Runs(campaign, name, seed, r) for name in names for r in chunks(runs)]
    games: dict[str, list[GameResult]] = {name: [] for name in names}
    done, total = 0, runs * len(names)
    for piece, played in zip(pieces, (gather or InTurn(world))(play_runs, pieces), strict=True):
        games[piece.strategy].extend(played)
        done += len(played)
        if progress is not None:
            progress(done, total)
    out = {name: summarise(results) for name, results in games.items()}
    return {"campaign": campaign, "runs": runs, "seed": seed, "strategies": out}
