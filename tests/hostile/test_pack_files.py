"""Hostile pack files: every file of a pack, pack.toml and demos.toml included, is read with the same guards."""

from __future__ import annotations

import os
import shutil

import pytest

from game.packs.loader import check_pack, core_pack_path
from tests.hostile.conftest import bounded


@pytest.fixture
def pack(tmp_path):
    dest = tmp_path / "mypack"
    shutil.copytree(core_pack_path(), dest)
    return dest


def problems(folder, name: str) -> list[str]:
    """What the loader (or, for demos.toml, the demo reader) says about one file of a pack."""
    if name == "demos.toml":
        from game.demo.script import read_demos
        from game.packs.loader import load_core

        _, found = read_demos(folder, load_core())
    else:
        _, found = check_pack(folder)
    return [f"{p.code} {p}" for p in found if p.file.endswith(f"/{name}")]


@pytest.mark.parametrize("name", ["pack.toml", "demos.toml", "people.toml"])
def test_a_link_out_of_the_pack_is_refused(pack, tmp_path, name):
    (tmp_path / "secret.toml").write_text("id = 'x'\n")
    (pack / name).unlink(missing_ok=True)
    (pack / name).symlink_to(tmp_path / "secret.toml")
    found = problems(pack, name)
    assert any(p[:4] in ("P104", "P851") and "outside the pack" in p for p in found), found


@pytest.mark.parametrize("name", ["pack.toml", "demos.toml"])
def test_a_huge_file_is_refused_before_it_is_read(pack, name):
    with open(pack / name, "wb") as f:
        f.truncate(60_000_000)  # sparse: 60 MB on paper, nothing on disk
    found = problems(pack, name)
    assert any(p[:4] in ("P103", "P851") and "limit" in p for p in found), found


@pytest.mark.parametrize(("text", "says"), [
    ("id = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than"),
    (".".join(["a"] * 50_000) + " = 1\n", "more than 32 parts"),
], ids=["deep", "dotted"])
def test_a_parser_bomb_in_pack_toml_is_refused(pack, text, says):
    (pack / "pack.toml").write_text(text)
    found = problems(pack, "pack.toml")
    assert any(p.startswith("P101") and says in p for p in found), found


def test_a_byte_order_mark_is_accepted(pack):
    for name in ("pack.toml", "people.toml"):
        (pack / name).write_bytes(b"\xef\xbb\xbf" + (pack / name).read_bytes())
    world, found = check_pack(pack)
    assert world is not None and not [p for p in found if p.severity == "error"]


def test_a_folder_named_like_a_pack_file_is_not_a_file(pack):
    (pack / "fields.toml").unlink()
    (pack / "fields.toml").mkdir()
    assert any(p.startswith("P108") and "a folder" in p for p in problems(pack, "fields.toml"))


FIFO = """
import sys
from pathlib import Path
from game.demo.script import read_demos
from game.packs.loader import check_pack, load_core
folder = Path(sys.argv[1])
world, found = check_pack(folder)
found += read_demos(folder, load_core())[1]
print("\\n".join(f"{p.code} {p}" for p in found if p.severity == "error"))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and devices (POSIX)")
def test_pipes_and_devices_never_hang_or_fill_memory(pack, tmp_path):
    (pack / "pack.toml").unlink()
    os.mkfifo(pack / "pack.toml")
    (pack / "demos.toml").unlink()
    os.mkfifo(pack / "demos.toml")
    (pack / "people.toml").unlink()
    os.mkfifo(pack / "people.toml")
    run = bounded(["-c", FIFO, str(pack)], tmp_path)
    assert run.returncode == 0 and "Traceback" not in run.stderr
    for code, name in (("P108", "pack.toml"), ("P108", "people.toml"), ("P851", "demos.toml")):
        assert f"{code} mypack/{name}" in run.stdout, run.stdout
    assert "a pipe" in run.stdout
