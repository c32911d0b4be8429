"""Exporting a demo's debrief the way an instructor does: one new folder per export, a page
that prints, and the same story in Markdown and HTML."""

from __future__ import annotations

import re
from datetime import datetime

from game.cli import main
from game.demo.debrief import build, to_html, to_markdown
from game.demo.script import load_demos, marker_title, play
from game.demo.session import export_run, new_export_folder
from game.packs.loader import core_pack_path

WHEN = datetime(2026, 12, 1, 14, 32)
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><style>@font-face { src: url("https://example.org/f.woff2") }</style>' \
      '<text>on screen</text></svg>'


def demo_of(world, demo_id):
    return next(d for d in load_demos(core_pack_path(), world) if d.id == demo_id)


def test_two_exports_of_one_demo_make_two_folders_and_leave_the_first_alone(world, tmp_path):
    demo = demo_of(world, "eager-yes")
    run = play(demo, world)
    first = export_run(demo, world, run, tmp_path, when=WHEN)
    assert first.folder.name == "eager-yes-A-2026-12-01-1432"
    before = {p.name: p.read_bytes() for p in first.folder.iterdir()}
    second = export_run(demo, world, run, tmp_path, when=WHEN)
    assert second.folder.name == "eager-yes-A-2026-12-01-1432-2"
    assert {p.name: p.read_bytes() for p in first.folder.iterdir()} == before
    assert new_export_folder(tmp_path, "eager-yes-A", WHEN).name == "eager-yes-A-2026-12-01-1432-3"


def test_the_folder_names_the_path_the_class_took(world, tmp_path):
    demo = demo_of(world, "eager-yes")
    fork = next(b for b in play(demo, world).forks)
    out = export_run(demo, world, play(demo, world, {fork.where: "B"}), tmp_path, when=WHEN)
    assert out.folder.name == "eager-yes-B-2026-12-01-1432"


def test_the_page_shows_each_turning_point_with_its_screenshot_and_caption(world, tmp_path):
    demo = demo_of(world, "slipped-promise")
    run = play(demo, world)
    markers = [(i, b) for i, b in enumerate(run.beats) if b.kind == "marker"]
    out = export_run(demo, world, run, tmp_path, {i: SVG for i, _ in markers}, when=WHEN)
    page, md = out.html.read_text(), out.markdown.read_text()
    assert page.count("<figure>") == len(markers) and page.count("on screen") == len(markers)
    for _, beat in markers:
        assert beat.title in page and beat.title in md
        assert beat.marker not in page.replace(f"-{beat.marker}.svg", "")  # a title in words, not a slug
        assert (out.folder / f"turning-point-{markers.index((_, beat)) + 1}-{beat.marker}.svg").exists()
    assert "door-shuts" not in md.replace("-door-shuts.svg", "")
    # self-contained: the screenshots' web fonts are not fetched
    assert "@font-face" not in page and not re.search(r"url\(|(src|href)=\"https?://", page)
    assert "@media print" in page and "overflow-wrap: anywhere" in page


def test_markdown_and_html_chart_the_same_weeks(world):
    demo = demo_of(world, "slipped-promise")
    d = build(play(demo, world).state)
    md, page = to_markdown(d), to_html(d)
    for name, series in d.series.items():
        row = next(line for line in md.splitlines() if line.startswith(f"| {name} |"))
        trust = row.split("|")[3].split()
        assert trust == [str(v) for _, v in series["trust"]]
        drawn = re.search(rf"{re.escape(name)}: trust and embarrassment by week\"><polyline [^>]*points=\"([^\"]+)\"",
                          page)
        assert drawn and len(drawn.group(1).split()) == len(trust)
        assert f"trust {' '.join(trust)}<br>" in page


def test_a_presented_demo_has_no_score_and_is_not_still_playing(world, tmp_path):
    demo = demo_of(world, "eager-yes")
    out = export_run(demo, world, play(demo, world), tmp_path, when=WHEN)
    for text in (out.markdown.read_text(), out.html.read_text()):
        assert "Still playing" not in text and "/100" not in text
        assert "the story ends in week" in text.lower()


def test_a_title_is_the_captions_first_clause():
    assert marker_title("Mark is relieved: helping you cost him nothing.") == "Mark is relieved"
    assert marker_title("Two weeks, nothing. On the player's screen...") == "Two weeks, nothing"
    assert marker_title("", "door-shuts") == "Door shuts"
    long = marker_title("Tomás feels his time was wasted, and Lena, who vouched for you, is embarrassed and also "
                        "says so to everyone she knows at the meetup.")
    assert len(long) <= 80 and not long.endswith(",")


def test_a_headless_export_draws_the_turning_points(tmp_path, capsys):
    assert main(["demo", "eager-yes", "--headless", "--export", str(tmp_path)]) == 0
    assert main(["demo", "eager-yes", "--headless", "--export", str(tmp_path)]) == 0
    folders = sorted(p for p in tmp_path.iterdir())
    assert len(folders) == 2 and folders[1].name == folders[0].name + "-2"
    svgs = sorted(p.name for p in folders[0].glob("*.svg"))
    assert svgs and all(name.startswith("turning-point-") for name in svgs)
    assert all("guide" not in name and "hidden-role" not in name for name in svgs)  # option B's, not taken
    page = (folders[0] / "eager-yes.html").read_text()
    assert page.count("<svg class=\"rich-terminal\"") == len(svgs)
    assert "Turning point: Tomás leans back" in page.replace("&#160;", " ")
    assert "screenshots" in capsys.readouterr().out
