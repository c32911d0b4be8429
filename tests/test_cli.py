"""The `warm-intro sim` command, as a user runs it."""

import json
import subprocess
import sys

from game.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=120)


def test_sim_json_has_the_documented_shape():
    out = run("sim", "--campaign", "second-act", "--strategy", "patient,pushy", "--runs", "20", "--seed", "7", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["campaign"] == "second-act" and data["runs"] == 20 and data["seed"] == 7
    assert set(data["strategies"]) == {"patient", "pushy"}
    for row in data["strategies"].values():
        assert set(row) == {"hired_rate", "mean_fit", "mean_weeks", "mean_doors_closed", "mean_advocates", "mean_score"}
        assert 0 <= row["hired_rate"] <= 1 and 0 <= row["mean_fit"] <= 1
    assert out.stderr == ""  # piped: no progress line


def test_sim_output_is_identical_for_the_same_seed(capsys):
    args = ["sim", "--campaign", "second-act", "--strategy", "overclaimer", "--runs", "15", "--seed", "3"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    assert "overclaimer" in first and "hired" in first


def test_sim_rejects_an_unknown_strategy_with_the_choices(capsys):
    assert main(["sim", "--campaign", "second-act", "--strategy", "patient,sneaky", "--runs", "1"]) == 2
    err = capsys.readouterr().err
    assert "sneaky" in err and "patient" in err and "pushy" in err


def test_sim_rejects_an_unknown_campaign_and_lists_the_real_ones(capsys):
    assert main(["sim", "--campaign", "nope", "--strategy", "patient", "--runs", "1"]) == 2
    assert "second-act" in capsys.readouterr().err


def test_sim_reports_a_broken_pack_without_a_traceback(tmp_path, capsys):
    (tmp_path / "pack.toml").write_text('id = "x"\nname = "X"\nversion = "1"\nformat = 1\n')
    (tmp_path / "people.toml").write_text("[[people]\nid = 'a'\n")
    assert main(["sim", "--campaign", "c", "--strategy", "patient", "--runs", "1", "--pack", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "people.toml:1" in err and "Traceback" not in err


def test_sim_can_save_a_bot_game_that_saves_verify_accepts(tmp_path):
    out = run("sim", "--campaign", "second-act", "--strategy", "pushy", "--runs", "1", "--seed", "4",
              "--save", "pushy lost", "--saves-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "pushy lost.toml").exists()
    listing = run("saves", "--saves-dir", str(tmp_path), "list")
    assert "pushy lost" in listing.stdout and "second-act" in listing.stdout
    verify = run("saves", "--saves-dir", str(tmp_path), "verify", "pushy lost")
    assert verify.returncode == 0 and verify.stdout.startswith("ok")


def test_saves_verify_reports_a_damaged_save_and_fails(tmp_path):
    (tmp_path / "bad.toml").write_text("format = 2\n")
    out = run("saves", "--saves-dir", str(tmp_path), "verify")
    assert out.returncode == 1 and "FAIL bad.toml" in out.stdout and "Traceback" not in out.stderr


def test_sim_save_needs_a_single_run(tmp_path, capsys):
    assert main(["sim", "--campaign", "second-act", "--strategy", "pushy", "--runs", "2", "--save", "x",
                 "--saves-dir", str(tmp_path)]) == 2
    assert "--runs 1" in capsys.readouterr().err


def test_play_load_explains_a_missing_or_damaged_save_before_opening_the_screen(tmp_path):
    out = run("play", "--load", "nope", "--saves-dir", str(tmp_path))
    assert out.returncode == 1 and "no save called 'nope'" in out.stderr
    (tmp_path / "bad.toml").write_text("format = 2\nname = 'bad'\n")
    out = run("play", "--load", "bad", "--saves-dir", str(tmp_path))
    assert out.returncode == 1 and "bad.toml" in out.stderr and "Traceback" not in out.stderr
