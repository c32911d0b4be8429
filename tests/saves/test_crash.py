"""A save killed mid-write leaves the old or the new version, whole.

A child process saves a game after every action, as fast as it can; the test kills it
with SIGKILL at random moments, many times, and then every save file must load and
verify, and the next save leaves no temporary file behind.
"""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from game.engine.rules import new_game
from game.saves.files import list_saves, load_save, save_game

CHILD = """
import sys
from pathlib import Path
from game.engine.bots import STRATEGIES
from game.engine.rules import apply, new_game
from game.packs.loader import load_core
from game.saves.files import save_game
folder = Path(sys.argv[1])
world = load_core()
print("ready", flush=True)
for seed in range(1000):
    state = new_game(world, "second-act", seed)
    while not state.over:
        state, _ = apply(state, STRATEGIES["pushy"](state))
        save_game(folder, state, "slot")
        save_game(folder, state, f"slot-{seed % 3}")
"""

KILLS = 15


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killing_the_game_mid_save_never_breaks_a_save(tmp_path, world):
    rng = random.Random(20261123)
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        for item in list_saves(tmp_path):
            assert not item.error, f"{item.name}: {item.error}"
            load_save(item.path, world)  # raises if the file is not a whole, verifiable game
            backup = item.path.with_name(item.path.name[: -len(".toml")] + ".toml.bak")
            if backup.exists():
                renamed = tmp_path / "check-backup.toml"
                renamed.write_bytes(backup.read_bytes())
                load_save(renamed, world)
                renamed.unlink()
    assert (tmp_path / "slot.toml").exists()
    # the next save clears what the killed writers left half-written
    save_game(tmp_path, new_game(world, "second-act", 1), "after")
    assert not list(tmp_path.glob(".*.tmp"))
