"""`--jobs N`: the simulator, the lesson table and the balance check print the same for any N."""

from pathlib import Path

import pytest

from game.cli import main
from game.cli.parallel import Workers
from game.engine.sim import simulate

KITCHENS = Path(__file__).resolve().parents[1] / "content" / "example-kitchens"


def output(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.mark.parametrize("argv", [
    ("sim", "--campaign", "second-act", "--strategy", "patient,pushy", "--runs", "30", "--seed", "3", "--json"),
    ("sim", "--campaign", "the-favour", "--strategy", "overclaimer,patient", "--runs", "27", "--seed", "8"),
    ("sim", "--lessons", "--campaign", "the-favour", "--runs", "4", "--seed", "2", "--json"),
    ("pack", "check", str(KITCHENS), "--balance", "--runs", "6", "--json"),
], ids=["sim-json", "sim-table", "lessons-json", "balance-json"])
def test_one_job_and_two_print_the_same_bytes(capsys, argv):
    assert output(capsys, *argv, "--jobs", "1") == output(capsys, *argv, "--jobs", "2")


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_a_number_of_jobs_below_one_is_a_usage_error(capsys, jobs):
    with pytest.raises(SystemExit) as exit_:
        main(["sim", "--campaign", "second-act", "--strategy", "patient", "--runs", "1", "--jobs", jobs])
    assert exit_.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_one_job_plays_here_without_starting_processes(world):
    with Workers(world, 1) as gather:
        simulate(world, "second-act", ["patient", "pushy"], 30, seed=1, gather=gather)
        assert gather._pool is None


def test_progress_counts_every_game_once_across_the_pieces(world):
    seen: list[tuple[int, int]] = []
    with Workers(world, 2) as gather:
        simulate(world, "the-question", ["patient", "passive"], 30, seed=4, progress=lambda d, t: seen.append((d, t)),
                 gather=gather)
    assert [d for d, _ in seen] == [25, 30, 55, 60] and {t for _, t in seen} == {60}


def test_progress_on_a_terminal_is_wiped_once_every_game_is_played(monkeypatch):
    import io

    from game.cli import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    show = _progress("campaigns")
    show(25, 60)
    assert terminal.getvalue() == "\r  playing 25/60 campaigns"
    show(60, 60)
    assert terminal.getvalue().endswith("\r\x1b[K")  # the count does not stay above the table
