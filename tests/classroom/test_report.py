"""Class mode: a file of students' replay codes becomes the class's results side by side,
read only from what each replayed game recorded; bad codes are listed, never fatal."""

import base64
import json
import zlib

import pytest

from game.demo import classroom
from game.demo.script import load_demos, play
from game.demo.timeline import CODE_PREFIX, encode_replay
from game.engine.kinds import EffectKind
from game.engine.rules import HIRED
from game.engine.state import state_hash
from game.packs.loader import core_pack_path


def recode(code: str, change) -> str:
    """The code with its contents changed by `change(payload)`, re-packed so it still reads."""
    body = code[len(CODE_PREFIX):]
    data = json.loads(zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))))
    change(data)
    return CODE_PREFIX + base64.urlsafe_b64encode(zlib.compress(json.dumps(data).encode())).decode().rstrip("=")


def report_of(world, text, demos=()):
    return classroom.report(classroom.read_codes(text), {world.pack_id: world}, demos)


def test_a_codes_file_may_have_names_bare_codes_blanks_and_comments():
    text = ("\ufeff# Tuesday's class\n\nAna: WI1-abc\nWI1-def   # no name given\n"
            "Ben Okoro\tWI1-ghi\nChloé, WI1-jkl\n  # an indented comment\nDev:\nnot a code at all\n")
    entries = classroom.read_codes(text)
    assert [(e.n, e.line, e.name, e.code) for e in entries] == [
        (1, 3, "Ana", "WI1-abc"), (2, 4, "Student 2", "WI1-def"), (3, 5, "Ben Okoro", "WI1-ghi"),
        (4, 6, "Chloé", "WI1-jkl"), (5, 8, "Dev", ""), (6, 9, "Student 6", "not a code at all")]


def test_every_student_is_the_game_they_played(world, games, codes):
    rep = report_of(world, "\n".join(f"{name}: {code}" for name, code in codes.items()))
    assert [s.name for s in rep.students] == list(codes) and rep.unusable == []
    for s in rep.students:
        game = games[s.name]
        assert state_hash(s.state) == state_hash(game)
        assert s.hired == (game.outcome == HIRED)
        assert classroom.student_row(s)[1] == s.name


def test_bad_codes_are_listed_with_their_reason_and_the_rest_still_report(world, codes):
    good = codes["Ana"]
    flipped = good[:40] + ("A" if good[40] != "A" else "B") + good[41:]
    lines = [
        f"Ana: {good}",
        f"Cut: {good[: len(good) // 2]}",
        f"Flipped: {flipped}",
        "Edited: " + recode(good, lambda d: d["a"].insert(0, {"action": "accept_job", "opportunity": "nope"})),
        "Older: " + recode(good, lambda d: d.update(p=[["core", "0.0.1"]])),
        "Other pack: " + recode(good, lambda d: d.update(p=[["core", world.pack_version], ["my-pack", "1.0"]])),
        "Newer: WI2-" + good[len(CODE_PREFIX):],
        "ana: " + good,
        "Ben: not a code",
        f"Chloé: {codes['Chloé']}",
    ]
    rep = report_of(world, "\n".join(lines))
    assert [s.name for s in rep.students] == ["Ana", "Chloé"]
    reasons = {u.entry.name: u.reason for u in rep.unusable}
    assert "damaged or incomplete" in reasons["Cut"] and "damaged or incomplete" in reasons["Flipped"]
    assert "do not replay" in reasons["Edited"] and "step 1" in reasons["Edited"]
    assert "made with core 0.0.1" in reasons["Older"] and f"this is core {world.pack_version}" in reasons["Older"]
    assert "'my-pack'" in reasons["Other pack"]
    assert "another version of Warm Intro" in reasons["Newer"]
    assert "the same code as #1 (Ana) again" in reasons["ana"]
    assert "not a replay code" in reasons["Ben"]
    text = classroom.to_markdown(rep)
    for u in rep.unusable:
        assert f"#{u.entry.n} {u.entry.name} (line {u.entry.line})" in text


def test_a_closed_door_names_the_rule_and_the_cause_the_game_recorded(world, games):
    for state in games.values():
        journal = {e.cause for e in state.journal()}
        closed = {e.target for e in state.journal() if e.kind == EffectKind.DOOR and e.after == "closed"}
        found = classroom.closed_doors(state)
        assert {c.person for c in found} == closed
        for c in found:
            assert c.cause in journal  # the game's own words, not ours
    ben = games["Ben"]
    mark = next(c for c in classroom.closed_doors(ben) if c.person == "mark-oduya")
    assert mark.lesson == "caused-commitment"  # his door shut over a promise
    blows = {e.cause for e in ben.journal() if e.target == "mark-oduya" and e.kind == EffectKind.CONTACT_METER
             and e.lesson == "caused-commitment" and e.week <= mark.week
             and (e.delta < 0 if e.meter == "trust" else e.delta > 0)}
    assert mark.cause in blows  # what pushed him away, not the door's own words


def test_doors_count_students_not_times(world, codes):
    twice = recode(codes["Ben"], lambda d: d.update(s=d["s"]))  # the same game, written differently
    rep = report_of(world, f"Ben: {codes['Ben']}\nBen again: {twice}\nAna: {codes['Ana']}")
    assert len(rep.students) == 3
    tallies = {d.name: d for d in rep.doors()}
    assert tallies["Mark Oduya"].students == 2
    assert sum(n for *_, n in tallies["Mark Oduya"].rules) == 2


def test_lessons_and_turning_points_count_each_student_once(world, games, codes):
    rep = report_of(world, "\n".join(codes.values()))
    for lid, _title, n in rep.lessons():
        assert n == sum(lid in g.lessons for g in games.values())
    for tally in rep.turning_points():
        assert 1 <= tally.students <= len(games)
    press = next(t for t in rep.turning_points() if t.label.startswith("asked a favour too soon"))
    assert press.students == sum(any(p.kind == "press" for p in s.points) for s in rep.students)


def test_two_students_on_the_same_seed_part_where_their_moves_first_differ(world, games, codes):
    rep = report_of(world, f"Ana: {codes['Ana']}\nBen: {codes['Ben']}\nDev: {codes['Dev']}")
    pair = classroom.compare_students(rep.find("ana"), rep.find("2"))
    moves_a = [n.action for n in games["Ana"].history_nodes()]
    moves_b = [n.action for n in games["Ben"].history_nodes()]
    first = next(i for i, (x, y) in enumerate(zip(moves_a, moves_b, strict=False)) if x != y)
    assert pair.parts_at[0] == first + 1
    assert len(pair.weeks) == max(games["Ana"].week, games["Ben"].week)
    assert dict((k, (x, y)) for k, x, y in pair.ends)["doors shut"][0] == "none"
    other = classroom.compare_students(rep.find("Ana"), rep.find("Dev"))
    assert other.parts_at is None
    text = classroom.to_markdown(rep, [pair])
    assert "#1 Ana and #2 Ben, side by side" in text and f"part at move {first + 1}" in text


@pytest.fixture(scope="module")
def demos(world):
    return [(d, world) for d in load_demos(core_pack_path(), world)]


def test_a_demo_played_by_a_student_counts_its_turning_points(world, demos):
    demo = next(d for d, _ in demos if d.id == "slipped-promise")
    lines = []
    for name, key in (("Ana", "A"), ("Ben", "B"), ("Chloé", "A")):
        run = play(demo, world, {"step 5": key})
        lines.append(f"{name}: {encode_replay(run.state, demo.id, {'step 5': key})}")
    rep = report_of(world, "\n".join(lines), demos)
    assert all(s.demo is demo for s in rep.students)
    assert rep.students[0].played() == "demo slipped-promise (A)"
    tallies = {t.label: t.students for t in rep.turning_points()}
    offer = next(label for label in tallies if label.startswith("in the demo slipped-promise: Mid-conversation"))
    assert tallies[offer] == 3
    shut = next(label for label in tallies if "Now Mark knows that you know" in label)
    assert tallies[shut] == 2  # only the two who accepted the offer


def test_the_exports_carry_the_same_report(world, codes, tmp_path):
    rep = report_of(world, "\n".join(f"{n}: {c}" for n, c in codes.items()) + "\nZed: WI1-broken\n")
    pair = classroom.compare_students(rep.find("Ana"), rep.find("Ben"))
    first = classroom.export(rep, tmp_path, [pair])
    second = classroom.export(rep, tmp_path, [pair])
    assert first.folder != second.folder and first.folder.parent == second.folder.parent == tmp_path
    md, page = first.markdown.read_text(), first.html.read_text()
    for text in (md, page):
        for name in codes:
            assert name in text
        assert "Mark Oduya" in text and "caused" in text.lower()  # a door and its rule
        assert "Lessons met" in text and "The most common turning points" in text
        assert "Ana and #2 Ben, side by side" in text and "Week by week" in text
        assert "Zed" in text and "damaged or incomplete" in text
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert md.count("| Ben |") == 1 and "<td>Ben</td>" in page


def test_a_code_broken_over_lines_when_copied_is_joined_again(world, codes):
    code = codes["Ana"]
    pieces = [code[i:i + 76] for i in range(0, len(code), 76)]
    rep = report_of(world, "Ana: " + "\n".join(pieces) + f"\nBen: {codes['Ben']}\n")
    assert [s.name for s in rep.students] == ["Ana", "Ben"] and rep.unusable == []
    rep = report_of(world, f"Ana: {code[:-3]}\n{code[-3:]}\nBen\n")  # a short last piece; a bare name after it
    assert [s.name for s in rep.students] == ["Ana"] and [u.entry.name for u in rep.unusable] == ["Student 2"]
