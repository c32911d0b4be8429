"""The debrief of a presented demo tells the story the class watched: its turning points in
order, the lessons as the pack explains them, the facilitator's questions, and who chose what."""

from __future__ import annotations

import html
import re

import pytest

from game.demo import story
from game.demo.script import load_demos, play
from game.demo.session import export_run
from game.packs.loader import core_pack_path


@pytest.fixture(scope="module")
def demos(world):
    return {d.id: d for d in load_demos(core_pack_path(), world)}


def fork_of(demo, world):
    return next(b for b in play(demo, world).beats if b.kind == "choose")


PATHS = [(d, k) for d in ("slipped-promise", "eager-yes") for k in ("A", "B")]


@pytest.mark.parametrize(("demo_id", "key"), PATHS)
def test_the_debrief_names_every_turning_point_of_the_script_in_order(world, demos, demo_id, key):
    demo = demos[demo_id]
    choices = {fork_of(demo, world).where: key}
    run = play(demo, world, choices)
    markers = [b for b in run.beats if b.kind == "marker"]
    laid_out = story.blocks(story.tell(demo, world, choices))
    for text in (story.to_markdown(laid_out), html.unescape(story.to_html(laid_out))):
        happened = text[text.index("2. What happened"):text.index("3. Why")]
        places = [happened.index(b.title) for b in markers]
        assert places == sorted(places), demo_id
        for b in markers:
            assert b.caption.split(":")[0] in happened


@pytest.mark.parametrize(("demo_id", "key"), PATHS)
def test_the_lessons_come_with_the_pack_s_own_words_and_the_notes_questions(world, demos, demo_id, key):
    demo = demos[demo_id]
    told = story.tell(demo, world, {fork_of(demo, world).where: key})
    md = story.to_markdown(story.blocks(told))
    shown = {m.lesson for m in told.moments if m.lesson}
    assert shown
    for lesson in shown:
        card = world.lessons[lesson]
        assert card.title in md and " ".join(card.summary.split()) in md
        assert " ".join(card.body.split()[:8]) in md  # the explanation, not only the title
    for question in ("What could go wrong if you say yes?", "Whose fault was it?") if demo_id == "slipped-promise" \
            else ("Do you know whether you want this job?", "What did honesty buy you?"):
        assert question in md


def test_the_debrief_has_the_shape_a_facilitator_runs_and_no_game_left_unfinished(world, demos):
    demo = demos["slipped-promise"]
    md = story.to_markdown(story.blocks(story.tell(demo, world, {})))
    heads = ["## 1. Reactions", "## 2. What happened", "## 3. Why", "## 4. What if", "## 5. What you'll do differently"]
    assert [md.index(h) for h in heads] == sorted(md.index(h) for h in heads)
    for unfinished in ("Still playing", "score so far", "/100", "Score"):
        assert unfinished not in md


def test_after_a_fork_the_class_answer_and_the_replay_are_told_apart(world, demos):
    demo = demos["slipped-promise"]
    where = fork_of(demo, world).where
    told = story.tell(demo, world, {where: "A"}, shown={where: "B"})
    (answer,) = told.answers
    assert answer.sentence().startswith(f"At \"{answer.question}\" the class chose A: ")
    assert "We then replayed B: " in answer.sentence()
    md = story.to_markdown(story.blocks(told))
    assert "the class chose B" not in md
    # the class's story is A's; B's turning points are the replay, under What if
    happened = md[md.index("## 2. What happened"):md.index("## 3. Why")]
    assert "Now Mark knows that you know" in happened and "Mark is relieved" not in happened
    what_if = md[md.index("## 4. What if"):md.index("## 5.")]
    assert "We replayed it with B" in what_if and "Mark is relieved" in what_if


def test_a_story_stopped_before_the_choice_says_so(world, demos):
    demo = demos["eager-yes"]
    told = story.tell(demo, world, {}, reached=set())
    assert told.answers[0].sentence().startswith("The class did not reach")
    assert not told.others


def test_the_notes_questions_keep_their_cues():
    notes = ('What to notice: something.\n\nWhat to ask: Before the choice: "Is it safe?" After the end: '
             '"Whose fault was it?" (Nobody\'s.)\n\nWhat to try: "Fork it?"')
    asked = story.notes_questions(notes)
    assert [(q.cue, q.question, q.hint) for q in asked] == [
        ("Before the choice", "Is it safe?", ""), ("After the end", "Whose fault was it?", "(Nobody's.)")]


def test_markdown_and_html_carry_the_same_words(world, demos, tmp_path):
    demo = demos["eager-yes"]
    out = export_run(demo, world, play(demo, world), tmp_path)
    md, page = out.markdown.read_text(), html.unescape(re.sub(r"<[^>]+>", "\n", out.html.read_text()))
    for line in md.splitlines():
        words = re.sub(r"^(#+|-|\d+\.|>)\s*|\*\*|!\[.*\]\(.*\)|```|\|", " ", line).split()
        text = " ".join(words)
        if text and not set(text) <= set("-| "):
            assert " ".join(text.split()[:6]) in " ".join(page.split()), line
