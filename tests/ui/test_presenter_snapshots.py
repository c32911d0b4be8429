"""Snapshots of presenter mode at the smallest supported size and a projector-sized one.

Update baselines after an intended change with:
pytest tests/ui/test_presenter_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from game.demo.script import load_demos
from game.packs.loader import core_pack_path, load_core
from game.ui.presenter import PresenterApp
from game.ui.screens.presenter_compare import ComparisonScreen

SIZES = [(80, 24), (120, 40)]
WORLD = load_core()
FOUND = [(d, WORLD) for d in load_demos(core_pack_path(), WORLD)]
SLIPPED = next(d for d, _ in FOUND if d.id == "slipped-promise")


def at(kind: str, marker: str = ""):
    """A run_before that puts the stage on the first beat of this kind (and marker name)."""

    async def go(pilot) -> None:
        stage = pilot.app.screen
        show = stage.show_
        show.jump(next(i for i, b in enumerate(show.beats) if b.kind == kind and b.marker == marker))
        stage.refresh_stage()
        await pilot.pause()

    return go


async def comparison(pilot) -> None:
    show = pilot.app.screen.show_
    pilot.app.push_screen(ComparisonScreen(show.comparison(), WORLD))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_picker(snap_compare, size):
    assert snap_compare(PresenterApp(FOUND), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_audience_choice(snap_compare, size):
    assert snap_compare(PresenterApp(FOUND, SLIPPED), terminal_size=size, run_before=at("choose"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_turning_point_with_inner_thoughts(snap_compare, size):
    assert snap_compare(PresenterApp(FOUND, SLIPPED), terminal_size=size, run_before=at("marker", "silence"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_comparison(snap_compare, size):
    assert snap_compare(PresenterApp(FOUND, SLIPPED), terminal_size=size, run_before=comparison)


def test_debrief(snap_compare):
    async def to_the_end(pilot) -> None:
        stage = pilot.app.screen
        stage.show_.jump(stage.show_.total - 1)
        stage.action_next()
        await pilot.pause()

    assert snap_compare(PresenterApp(FOUND, SLIPPED), terminal_size=(120, 40), run_before=to_the_end)
