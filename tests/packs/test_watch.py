"""`pack check --watch`: checks again when a pack file changes and prints only what changed.

The loop is driven with a fake clock: its sleep edits the pack (or presses Ctrl+C), so
nothing here waits on real time."""

import os
import shutil
import signal
import subprocess
import sys

from game.cli import _parser, main
from game.cli import pack as cli_pack
from game.packs.loader import core_pack_path

EXAMPLE = core_pack_path().parent / "example-kitchens"


def _watch(capsys, folder, edits, rounds=None):
    """Run the watch loop; before poll n the fake sleep makes edits[n] (a callable, or KeyboardInterrupt)."""
    polls = iter(edits)

    def sleep(_seconds):
        edit = next(polls, None)
        if edit is KeyboardInterrupt:
            raise KeyboardInterrupt
        if edit is not None:
            edit()

    args = _parser().parse_args(["pack", "check", str(folder)])
    code = cli_pack.watch(lambda: cli_pack.check_report(args, [folder]), lambda: cli_pack._stamps([folder]), sleep,
                          print, rounds=rounds)
    return code, capsys.readouterr().out


def _edit(path, old, new):
    def go():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a clearly later time, on any clock
    return go


def test_a_typo_is_reported_as_new_and_its_fix_as_fixed(capsys, tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    people = pack / "people.toml"
    code, out = _watch(capsys, pack, [
        _edit(people, 'archetype = "peer"', 'archetype = "pear"'),
        None,  # nothing changed: nothing printed
        _edit(people, 'archetype = "pear"', 'archetype = "peer"'),
        KeyboardInterrupt,
    ])
    first, *changes = out.split("-- changed:")
    assert "ok: 0 error(s)" in first and "watching for changes" in first
    assert len(changes) == 2  # the quiet poll printed nothing
    assert "people.toml" in changes[0] and "new:   kitchens/people.toml:" in changes[0]
    assert "unknown archetype 'pear'; did you mean 'peer'?" in changes[0] and "problems found: 1 error(s)" in changes[0]
    assert "fixed: kitchens/people.toml:" in changes[1] and "new:" not in changes[1]
    assert changes[1].rstrip().endswith("stopped watching; ok: 0 error(s), 0 warning(s)")
    assert code == 0


def test_an_edit_that_changes_no_problem_says_so(capsys, tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    code, out = _watch(capsys, pack, [_edit(pack / "people.toml", "Shouts during service", "Sings during service")],
                       rounds=1)
    assert "-- changed: people.toml" in out and "nothing new; ok: 0 error(s), 0 warning(s)" in out and code == 0


def test_a_problem_that_only_moved_down_the_file_is_not_new(capsys, tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    people = pack / "people.toml"
    people.write_text(people.read_text(encoding="utf-8").replace('archetype = "peer"', 'archetype = "pear"'),
                      encoding="utf-8")
    code, out = _watch(capsys, pack, [_edit(people, "# Traits run", "# (a new line)\n# Traits run")], rounds=1)
    assert "nothing new; problems found: 1 error(s)" in out and code == 1


def test_ctrl_c_stops_the_real_command_cleanly(tmp_path):
    pack = tmp_path / "kitchens"
    shutil.copytree(EXAMPLE, pack)
    proc = subprocess.Popen([sys.executable, "-m", "game", "pack", "check", str(pack), "--watch"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:  # wait for the first check, however long it takes
            if line.startswith("watching for changes"):
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "stopped watching; ok" in out and "Traceback" not in err, (out, err)


def test_watch_and_json_do_not_mix(capsys):
    assert main(["pack", "check", str(EXAMPLE), "--watch", "--json"]) == 2
    assert "--watch" in capsys.readouterr().err
