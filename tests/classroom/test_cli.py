"""`warm-intro class report` and `class code`, run as an instructor and a student would."""

import subprocess
import sys

from game.demo.timeline import decode_replay
from game.engine.state import state_hash
from game.saves.files import load_save


def cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "game", "class", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def codes_file(tmp_path, codes, extra=""):
    path = tmp_path / "codes.txt"
    path.write_text("# week 3 workshop\n\n" + "\n".join(f"{n}: {c}" for n, c in codes.items()) + "\n" + extra)
    return path


def test_the_report_prints_the_class_and_lists_bad_codes_without_stopping(tmp_path, codes):
    path = codes_file(tmp_path, codes, "Zed: WI1-AAAA\nYara: hello\n")
    out = cli("report", str(path))
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for heading in ("Results", "Doors that shut", "Lessons met", "The most common turning points",
                    "Codes that could not be used"):
        assert f"\n{heading}\n" in text
    for name in codes:
        assert name in text
    assert "Mark Oduya: shut for" in text
    assert "#7 Zed (line 9)" in text and "#8 Yara (line 10)" in text
    assert f"{len(codes) + 2} codes read: {len(codes)} replayed, 2 could not be used" in text


def test_compare_sets_two_students_side_by_side(tmp_path, codes):
    path = codes_file(tmp_path, codes)
    out = cli("report", str(path), "--compare", "1,Ben")
    assert out.returncode == 0, out.stderr
    assert "#1 Ana and #2 Ben, side by side" in out.stdout and "Week by week" in out.stdout


def test_a_wrong_compare_or_file_is_a_clear_error(tmp_path, codes):
    path = codes_file(tmp_path, codes, "Zed: WI1-AAAA\n")
    for wanted, said in (("1,99", "there is no student '99'"), ("1", "takes two students"),
                         ("1,Zed", "#7 Zed's code could not be used"), ("2,2", "two different students")):
        out = cli("report", str(path), "--compare", wanted)
        assert out.returncode == 2 and said in out.stderr and "Traceback" not in out.stderr, (wanted, out.stderr)
    out = cli("report", str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and "there is no file" in out.stderr
    (tmp_path / "empty.txt").write_text("# nobody yet\n\n")
    out = cli("report", str(tmp_path / "empty.txt"))
    assert out.returncode == 2 and "holds no codes" in out.stderr


def test_export_writes_markdown_and_html_in_a_new_folder_each_time(tmp_path, codes):
    path = codes_file(tmp_path, codes)
    for _ in range(2):
        out = cli("report", str(path), "--export", str(tmp_path / "out"), "--compare", "1,2")
        assert out.returncode == 0, out.stderr
        assert "Report written to" in out.stdout
    first, second = sorted((tmp_path / "out").iterdir())  # two folders: the second never overwrote the first
    assert first.name.startswith("class-report-") and second.name.startswith("class-report-")
    md = (first / "class-report.md").read_text()
    page = (first / "class-report.html").read_text()
    assert "## Results" in md and "| 2 | Ben |" in md and "#1 Ana and #2 Ben, side by side" in md
    assert "<h2>Results</h2>" in page and "<td>Ben</td>" in page and "Mark Oduya" in page


def test_a_student_prints_the_code_of_their_saved_game(tmp_path, world):
    env_saves = tmp_path / "saves"
    made = subprocess.run([sys.executable, "-m", "game", "sim", "--campaign", "second-act", "--strategy", "pushy",
                           "--runs", "1", "--seed", "3", "--save", "my game", "--saves-dir", str(env_saves)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    saved = load_save(env_saves / "my game.toml", world).state
    for args in ((), ("my game",)):
        out = cli("code", *args, "--saves-dir", str(env_saves))
        assert out.returncode == 0, out.stderr
        replay = decode_replay(out.stdout.strip())
        assert (replay.campaign, replay.seed, len(replay.actions)) == (saved.campaign, saved.seed, saved.steps)
    from game.demo.timeline import play_out

    assert state_hash(play_out(world, replay.campaign, replay.seed, replay.actions)[-1]) == state_hash(saved)
    out = cli("code", "nobody", "--saves-dir", str(env_saves))
    assert out.returncode == 1 and "Traceback" not in out.stderr
