"""How fast the game starts, next to a minimal Textual app on the same machine, in the same run.

Run from the repository root:  python bench/startup.py [--runs N] [--tmux] [--instructions] [--only play,load]

Each launch is a fresh Python process; the clock starts just before it is spawned. The apps
are launched in turn (minimal, then each of ours, then minimal again...) so that all of them
see the same machine, and medians are printed beside the minimal app's.

- headless (always): the real `warm-intro` command line runs with Textual's headless driver;
  a frame counts once it has been turned into terminal output (as a real terminal would be
  sent it) and holds the screen's markers: "hello" for the minimal app; the title's tagline,
  and for the board "trust" (the people list's meters, so the board has real content), each
  with "palette" (the footer's last key: the screen is whole, keys and all).
- tmux (--tmux): the command runs in a tmux pane at 100x30 and the pane is polled until the
  marker is on screen: what a player waits for.
- instructions (--instructions, needs valgrind): the headless launch once more under
  callgrind, which counts the instructions the process runs from its start to the frame
  (it leaves there). A count barely moves from run to run or from a busy machine to a
  quiet one, where wall time on a shared machine swings by half: the ratio to the minimal
  app's count is the figure to compare between two versions of the game.

What is launched:
  minimal   a bare App with one Static
  title     warm-intro                                  (the title screen)
  play      warm-intro play --campaign second-act --seed 1   (the board of a new game)
  load      warm-intro play --load long-game             (the board of a game at week 21)
  continue  warm-intro, then Continue at once           (title, then the same saved game)
  continue-later  the same, Continue pressed a second after the title is up

Prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_game import NAME, save_long_game  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

MINIMAL = r"""
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

if __name__ == "__main__":
    Minimal().run()
"""

# the headless child: the real command line, with the frame written to a string instead of a terminal
CHILD = r"""
import os, re, sys, time
which, markers = sys.argv[1], sys.argv[2].split("|")
from textual.app import App

_display = App._display
_ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_asked = []
_drawn = set()

def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is None or self._batch_count:
        return
    text = renderable.render_segments(self.console)  # what a terminal would be sent
    if which.startswith("continue") and not _asked and "finding work" in _ansi.sub("", text):
        _asked.append(0.0)
        def press():
            _asked[0] = time.time()
            self.screen.action_continue()
        # the player presses Continue at once, or after reading the title for a second
        self.set_timer(1.0, press) if which == "continue-later" else self.call_later(press)
        return
    if which.startswith("continue") and not (_asked and _asked[0]):
        return  # the title, before Continue: the board's markers count from the key on
    # a later frame may redraw only a part (the footer's keys, say): what counts is the frame
    # after which every marker has been drawn
    _drawn.update(marker for marker in markers if marker in _ansi.sub("", text))
    if _drawn.issuperset(markers):
        print(time.time(), time.process_time(), *_asked, flush=True)
        if os.environ.get("WI_BENCH_LEAVE_AT_FRAME"):
            os._exit(0)  # counting instructions: what the app does after its frame is not counted
        self.exit()

App._display = display
_run = App.run
App.run = lambda self, *a, **k: _run(self, headless=True, size=(80, 24))
if which == "minimal":
    # the minimal app's own source, run as a module rather than as a script, so that its
    # `if __name__ == "__main__"` stays out and the app is run once, here
    minimal = {"__name__": "minimal"}
    exec(sys.argv[3], minimal)
    minimal["Minimal"]().run()
else:
    import game.cli.terminal
    game.cli.terminal.needs_terminal = lambda *a: None  # no terminal here: that is the point
    from game.cli import main
    main(sys.argv[3:])
"""

APPS = {
    # which: (markers, all in one frame, joined by |; warm-intro arguments)
    "minimal": ("hello", []),
    "title": ("finding work|palette", []),
    "play": ("trust|palette", ["play", "--campaign", "second-act", "--seed", "1"]),
    "load": ("trust|palette", ["play", "--load", NAME]),
    "continue": ("trust|palette", []),
    "continue-later": ("trust|palette", []),
}
LABELS = {
    "minimal": "minimal Textual app",
    "title": "warm-intro (title)",
    "play": "play --campaign (board)",
    "load": "play --load (board, week 21)",
    "continue": "title, Continue at once",
    "continue-later": "title, Continue after 1 s",
}


def _env(saves: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["WARM_INTRO_SAVES"] = str(saves)
    # a validated-pack cache of the benchmark's own, filled by the first (warm-up) launches
    env["WARM_INTRO_CACHE"] = str(saves.parent.parent / "cache")
    # like a player's install: compiled bytecode is kept (installed packages such as Textual
    # already have theirs), so the game is not recompiled from source on every launch
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(which: str) -> list[str]:
    """The command of the headless child for one app."""
    marker, argv = APPS[which]
    return [sys.executable, "-c", CHILD, which, marker, *([MINIMAL] if which == "minimal" else argv)]


def headless(which: str, saves: Path) -> tuple[float, float | None, float]:
    """Seconds from spawn to the marker's frame, for continue from the key to it, and the
    processor time the process had used by then (less swayed by a loaded machine)."""
    start = time.time()
    out = subprocess.run(_child(which), capture_output=True, text=True,
                         env=_env(saves / which), check=False, cwd=ROOT)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{which} failed:\n{out.stdout}\n{out.stderr}")
    stamps = [float(x) for x in lines[-1].split()]
    return stamps[0] - start, (stamps[0] - stamps[2]) if len(stamps) > 2 else None, stamps[1]


def instructions(which: str, saves: Path) -> int:
    """Instructions the headless launch runs from its start to the marker's frame (callgrind's count)."""
    env = _env(saves / which)
    env["WI_BENCH_LEAVE_AT_FRAME"] = "1"
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *_child(which)],
                         capture_output=True, text=True, env=env, check=False, cwd=ROOT)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or found is None:
        raise SystemExit(f"{which} under callgrind failed:\n{out.stdout}\n{out.stderr[-2000:]}")
    return int(found.group(1))


def report_instructions(apps: list[str], runs: int, saves: Path) -> None:
    """Counted after the headless launches, which have written the bytecode and filled the pack cache."""
    counts: dict[str, list[int]] = {which: [] for which in apps}
    for _ in range(runs):
        for which in apps:
            counts[which].append(instructions(which, saves))
    base = statistics.median(counts["minimal"])
    print(f"instructions from launch to that frame (callgrind, headless 80x24), median of {runs}:")
    for which, got in counts.items():
        med = statistics.median(got)
        spread = (max(got) - min(got)) / med
        line = f"  {LABELS[which]:<30} {med / 1e6:7.0f}M  {med / base:4.2f}x minimal   (runs within {spread:.1%})"
        if which in ("play", "load", "continue"):
            line += "   goal 1.30x, next 1.15x"
        print(line)
    print()


# a tmux server of the benchmark's own (not the user's), kept up between launches by a session
# that idles for the whole run: with no session left a server exits, and a launch that came
# just then would find it going
TMUX = ["tmux", "-L", f"wi-bench-{os.getpid()}"]


def start_tmux() -> None:
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "sleep 86400"], check=True)


def stop_tmux() -> None:
    subprocess.run([*TMUX, "kill-server"], capture_output=True)


def in_tmux(which: str, saves: Path, minimal_file: Path) -> tuple[float, float | None, float | None]:
    """Seconds from spawn to the marker being on the pane (polled every 5 ms)."""
    marker, argv = APPS[which]
    session = f"launch-{which}"
    command = [sys.executable, str(minimal_file)] if which == "minimal" else [sys.executable, "-m", "game", *argv]
    env = _env(saves / which)
    # the pane's shell is the benchmark server's, so the launch's own settings go on its command line
    shell = "unset PYTHONDONTWRITEBYTECODE; " + " ".join(
        f"{k}={env[k]!r}" for k in ("WARM_INTRO_SAVES", "WARM_INTRO_CACHE")) + " exec " + \
        " ".join(f"'{c}'" for c in command)
    start = time.time()
    subprocess.run([*TMUX, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", str(ROOT), shell],
                   check=True, env=env)
    asked = seen = None
    try:
        while True:
            pane = subprocess.run([*TMUX, "capture-pane", "-p", "-t", session], capture_output=True,
                                  text=True).stdout
            if which.startswith("continue") and seen is None and "finding work" in pane:
                seen = time.time()
            if seen is not None and asked is None and time.time() >= seen + (1.0 if which == "continue-later" else 0):
                asked = time.time()
                subprocess.run([*TMUX, "send-keys", "-t", session, "c"], check=True)
            elif all(m in pane for m in marker.split("|")) and (not which.startswith("continue") or asked is not None):
                now = time.time()
                return now - start, (now - asked) if asked is not None else None, None
            if time.time() - start > 30:
                raise SystemExit(f"{which}: nothing on the pane after 30 s:\n{pane}")
            time.sleep(0.005)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


Result = tuple[float, float | None, float | None]


def measure(how, apps: list[str], runs: int, saves: Path, *args) -> dict[str, list[Result]]:
    for which in apps:  # warm the disk cache (and the validated-pack cache) for every one
        how(which, saves, *args)
    results: dict[str, list[Result]] = {which: [] for which in apps}
    for _ in range(runs):
        for which in apps:  # interleaved, so all of them see the same machine
            results[which].append(how(which, saves, *args))
    return results


def report(title: str, results: dict[str, list[Result]], runs: int) -> None:
    base = statistics.median(t for t, _, _ in results["minimal"])
    cpus = [c for _, _, c in results["minimal"] if c is not None]
    cpu_base = statistics.median(cpus) if cpus else None
    print(f"{title}, median of {runs}:")
    for which, got in results.items():
        med = statistics.median(t for t, _, _ in got)
        line = f"  {LABELS[which]:<30} {med * 1000:7.1f} ms  {med / base:4.2f}x minimal"
        cpu = [c for _, _, c in got if c is not None]
        if cpu and cpu_base:
            line += f"   cpu {statistics.median(cpu) * 1000:6.1f} ms  {statistics.median(cpu) / cpu_base:4.2f}x"
        keys = [k for _, k, _ in got if k is not None]
        if keys:
            line += f"   (Continue pressed -> board {statistics.median(keys) * 1000:.1f} ms)"
        if which in ("play", "load", "continue"):
            line += "   goal 1.30x, next 1.15x"
        elif which == "continue-later":
            line = line.replace("x minimal", "x minimal (includes the 1 s)")
        print(line)
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each app (default 7)")
    parser.add_argument("--tmux", action="store_true", help="also measure in a tmux pane at 100x30")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions to each first frame under valgrind's callgrind")
    parser.add_argument("--only", default="",
                        help="comma-separated: title,play,load,continue,continue-later (default all)")
    args = parser.parse_args()
    apps = ["minimal", *[a for a in APPS if a != "minimal" and (not args.only or a in args.only.split(","))]]

    work = Path(tempfile.mkdtemp(prefix="warm-intro-bench-"))
    try:
        saves = work / "saves"  # a folder per app: what one saves as it quits is not another's Continue
        for which in apps:
            if which in ("load", "continue", "continue-later"):
                save_long_game(saves / which)
        minimal_file = work / "minimal.py"
        minimal_file.write_text(MINIMAL)
        report("launch to first frame with its content (80x24, headless, the real command line)",
               measure(headless, apps, args.runs, saves), args.runs)
        if args.tmux:
            if shutil.which("tmux") is None:
                print("tmux is not installed: no tmux figures")
            else:
                start_tmux()
                try:
                    report("launch until the marker is on a tmux pane (100x30)",
                           measure(in_tmux, apps, args.runs, saves, minimal_file), args.runs)
                finally:
                    stop_tmux()
        if args.instructions:
            if shutil.which("valgrind") is None:
                print("valgrind is not installed: no instruction counts")
            else:
                # "continue-later" waits a second on the title, which counts nothing more
                report_instructions([a for a in apps if a != "continue-later"], min(args.runs, 3), saves)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
