"""`--jobs N`: the simulator's pieces played on several processes, put back in order.

A simulation splits into pieces that stand alone (ranges of runs, each with its own seeds),
and every engine function that plays them takes a gather: something that plays the pieces
and hands back their results in order. `Workers` is that gather for the command line.
Because the order is kept, the output is the same for any number of jobs.

This module is imported when the command line is parsed, so it imports nothing heavy at
the top.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

Piece = TypeVar("Piece")
Played = TypeVar("Played")

_WORLD: Any = None  # the pack a worker process plays, loaded once when it starts


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, got {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 process, got {jobs}")
    return jobs


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """The `--jobs N` option (a bad value is a usage error: exit 2)."""
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="processes to play on (default: one per core); the output is the same for any N")


def _start(pack: str | None, bases: dict[str, Path] | None) -> None:
    # A World cannot be sent to another process, so each worker loads the pack itself from its folder, once.
    global _WORLD
    from game.packs.loader import load_core, load_pack

    _WORLD = load_pack(pack, bases) if pack else load_core()


def _play(job: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    play, piece = job
    return play(_WORLD, piece)


class Workers:
    """A gather on `jobs` processes that each load the pack at `pack` (None: the core pack).

    With one job, or a single piece, everything is played here on `world`, with no pool to
    start. Use it as a context manager so the processes end with the command.
    """

    def __init__(self, world: Any, jobs: int | None, pack: str | Path | None = None,
                 bases: dict[str, Path] | None = None) -> None:
        self.world = world
        self.jobs = jobs or cores()
        self.pack = str(pack) if pack is not None else None
        self.bases = bases
        self._pool: Pool | None = None

    def __call__(self, play: Callable[[Any, Piece], Played], pieces: Sequence[Piece]) -> Iterable[Played]:
        if self.jobs == 1 or len(pieces) < 2:
            return (play(self.world, piece) for piece in pieces)
        if self._pool is None:
            from multiprocessing import Pool

            self._pool = Pool(min(self.jobs, len(pieces)), initializer=_start, initargs=(self.pack, self.bases))
        # imap hands results back in the order of `pieces`, each as soon as it and those before it are done
        return self._pool.imap(_play, [(play, piece) for piece in pieces])

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is None:
            return
        if kind is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()
