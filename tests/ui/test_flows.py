"""Full flows through the game, driven with keys, checked on state and on the screen."""

from __future__ import annotations

import pytest

from game.ui.app import WarmIntroApp
from game.ui.screens.board import BoardScreen
from game.ui.screens.campaigns import CampaignScreen
from game.ui.screens.conversation import ConversationScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.network import NetworkScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.week_summary import WeekSummaryScreen
from tests.ui.ui_helpers import (
    MARK,
    action_named,
    door_closing_seed,
    end_week,
    interest_seed,
    notifications,
    plain,
    screen_text,
    select_contact,
    wait_for,
)


def game(world, seed: int = 1) -> WarmIntroApp:
    return WarmIntroApp(play=True, seed=seed, worlds=[world])


async def meet_mark(pilot) -> None:
    await select_contact(pilot, MARK)
    await pilot.press("m")
    assert isinstance(pilot.app.screen, ConversationScreen)
    await pilot.press("1")  # ask for advice


async def test_new_game_from_the_title_screen(world):
    app = WarmIntroApp(worlds=[world])
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        assert "New game" in screen_text(app)
        assert app.screen.query_one("#menu").get_option("continue").disabled  # no saves yet
        await pilot.press("n")
        assert isinstance(app.screen, CampaignScreen)
        assert "freight schedules" in screen_text(app)  # the campaign's blurb
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.session.state.week == 1
        text = screen_text(app)
        assert "Week 1" in text and "Runway 26 weeks" in text and "8h of 8h left" in text
        assert "Mark Oduya" in text and "○ OPEN" in text


async def test_meeting_mark_brings_an_offer_and_accepting_it_makes_a_promise(world):
    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        state = app.session.state
        assert state.prompt is not None and state.prompt.kind == "offer"
        text = screen_text(app)
        assert "Gordon Pike" in text and "set up a call" in text
        assert "you asked Mark for advice" in text  # the effect, with its cause
        await pilot.press("escape")  # cannot walk away from a question
        assert isinstance(app.screen, ConversationScreen)
        assert "waiting for your answer" in notifications(app)
        await pilot.press("1")  # accept
        assert app.session.state.prompt is None
        assert [m.by for m in app.session.state.commitments.values()] == [MARK]
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        assert "Promised you the introduction to Gordon Pike" in screen_text(app)


async def test_asking_permission_instead_leaves_no_debt(world):
    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("2")  # "Could I reach out to Gordon myself?"
        state = app.session.state
        assert state.prompt is None
        assert state.commitments == {}
        assert state.tokens == {"gordon-pike": MARK}
        assert state.contacts[MARK].embarrassment == 0
        assert "no favour to remember" in screen_text(app)
        await pilot.press("escape")
        await select_contact(pilot, "gordon-pike")
        assert "You may mention Mark's name" in screen_text(app)


async def test_following_up_twice_on_a_slipped_promise_closes_the_door(world):
    app = game(world, door_closing_seed(world))
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("1", "escape")  # accept the offer, leave
        for _ in range(3):
            await end_week(pilot)
            assert isinstance(app.screen, WeekSummaryScreen)
            assert "Mark promised the introduction to Gordon Pike" in screen_text(app)
            await pilot.press("enter")
        board = app.screen
        await select_contact(pilot, MARK)
        board.do(board.query_one("#actions").actions[3])  # follow up
        await pilot.pause()
        assert app.session.state.contacts[MARK].door == "avoiding"
        assert "✗ AVOIDING" in screen_text(app)
        assert "A door is closing" in " ".join(board.last_news)  # told in the journal's title
        assert "A door is closing" in plain(board.query_one("#journal").border_title)
        # the jump in embarrassment is on screen with the engine's own cause
        jump = [e for e in app.session.last if e.target == MARK and e.meter == "embarrassment"]
        assert jump and jump[0].delta > 0
        assert jump[0].cause in screen_text(app)

        await select_contact(pilot, MARK)
        follow_up = next(a for a in board.query_one("#actions").actions if a.name == "follow_up")
        board.do(follow_up)
        await pilot.pause()
        assert app.session.state.contacts[MARK].door == "closed"
        assert "■ CLOSED" in screen_text(app)
        assert "Mark will never speak to you again." in " ".join(board.last_news)
        # the actions now say why nothing works
        assert "Mark will not speak to you again." in screen_text(app)

        await pilot.press("w")
        assert isinstance(app.screen, NetworkScreen)
        text = screen_text(app)
        assert "Lost with the doors that shut" in text
        assert "Mark (for good)" in text and "Gordon Pike" in text


async def test_hidden_effects_never_reach_the_screen(world):
    app = game(world, door_closing_seed(world))
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("1", "escape")
        for _ in range(3):
            await end_week(pilot)
            await pilot.press("enter")
        await pilot.press("j")
        text = screen_text(app)
        hidden = [e.cause for e in app.session.state.journal() if not e.visible]
        assert hidden, "the promise slipped in secret"
        for cause in hidden:
            assert cause not in text


async def test_the_interest_question_answered_by_exploring(world):
    app = game(world, interest_seed(world))
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("3", "escape")  # decline for now
        await select_contact(pilot, "colin-marsh")
        board = app.screen
        board.do(action_named(board, "reach_out"))  # write to Colin
        await wait_for(pilot, lambda: app.session.state.contacts["colin-marsh"].stage == "connected")
        await select_contact(pilot, "colin-marsh")
        await pilot.press("m", "2")
        state = app.session.state
        assert state.prompt is not None and state.prompt.kind == "interest"
        assert "are you interested in the Senior Dispatcher" in screen_text(app)
        trust = state.contacts["colin-marsh"].trust
        await pilot.press("2")  # "I'm still exploring"
        state = app.session.state
        assert state.prompt is None
        assert state.contacts["colin-marsh"].trust >= trust
        assert "still exploring" in screen_text(app)


async def test_illegal_actions_are_shown_with_their_reason(world):
    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await select_contact(pilot, MARK)
        assert "✗ Thank Mark and report back" in screen_text(app)
        actions = app.screen.query_one("#actions")
        actions.highlighted = actions.actions.index(action_named(app.screen, "thank"))
        await pilot.pause()
        # the reason is spelled out under the list, for the highlighted action
        assert "Mark hasn't done anything for you lately to thank them for." in plain(
            str(app.screen.query_one("#intent").render()))


async def test_a_campaign_runs_out_of_runway_into_the_debrief(world):
    app = game(world, 3)
    app.settings.week_summary = False
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("1", "escape")
        for _ in range(40):
            if app.session.state.over:
                break
            await end_week(pilot)
        await pilot.pause()
        assert app.session.state.outcome == "out_of_runway"
        assert isinstance(app.screen, WeekSummaryScreen)  # the last week is always summarised
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        text = screen_text(app)
        assert "Out of runway." in text
        assert "Score:" in text
        assert "Mark Oduya" in text and "trust" in text and "→" in text
        assert "Turning points" in text and "lesson:" in text
        await pilot.press("t")
        assert isinstance(app.screen, TitleScreen)


async def test_codex_shows_only_unlocked_cards(world):
    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("1", "escape", "c")
        text = screen_text(app)
        cards = world.lessons  # the pack's own cards are what the codex shows
        assert cards["relationship-before-leverage"].title in text
        assert "???" in text
        assert cards["caused-commitment"].title not in text or "caused-commitment" in app.session.state.lessons


async def test_no_answer_is_pre_chosen_and_no_toast_covers_the_answers(world):
    app = game(world)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # toasts drawn, as in a terminal
        app.notify("Something from before", title="Old news", timeout=30)
        await meet_mark(pilot)
        assert app.session.state.prompt is not None
        choices = app.screen.query_one("#choices")
        assert choices.highlighted is None
        await pilot.press("enter")  # a stray Enter says nothing
        assert app.session.state.prompt is not None and not app.session.state.commitments
        assert notifications(app) == ""  # old news is cleared, new news is in the transcript
        assert "New codex card" in screen_text(app)
        assert not list(app.screen.query("Toast"))
        await pilot.press("2")  # ask permission instead
        await pilot.pause()
        assert app.session.state.prompt is None
        assert notifications(app) == ""  # what happened here is written in the conversation


async def test_ending_a_week_with_most_hours_unused_asks_first(world):
    from game.ui.screens.confirm import ConfirmScreen

    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "End week 1 with 8 of 8 hours unused?" in text and "runway drops to 25 weeks" in text
        assert app.screen.query_one("#confirm-list").highlighted == 0  # "Not yet" is the default
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen) and app.session.state.week == 1
        await pilot.press("n", "enter")  # Enter on the cautious answer changes nothing
        assert app.session.state.week == 1
        await end_week(pilot)
        assert app.session.state.week == 2
        await pilot.press("enter")  # the week's summary
        # asked again, a week later, after looking at "yes" and going back: the same question
        # for this week, with the cautious answer highlighted again
        await pilot.press("n")
        asked = app.screen
        await pilot.press("down", "escape", "n")
        assert app.screen is asked and "End week 2 with 8 of 8 hours unused?" in screen_text(app)
        assert "End week 1" not in screen_text(app)
        assert asked.query_one("#confirm-list").highlighted == 0


async def test_the_board_behind_the_week_summary_catches_up_and_is_current_when_it_closes(world, monkeypatch):
    # the summary's frame doesn't wait for the board it covers: the board is brought up to
    # date just after, or as it comes back into sight if the summary is closed at once
    from game.ui.screens import board as board_module
    from game.ui.widgets.status_bar import StatusBar

    def board_week(board: BoardScreen) -> str:
        return plain(str(board.query_one(StatusBar).visual)).split("│")[0].strip()

    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        board = app.screen
        assert board_week(board) == "Week 1"
        await end_week(pilot)
        assert isinstance(app.screen, WeekSummaryScreen)
        await wait_for(pilot, lambda: board_week(board) == "Week 2")
        await pilot.press("enter")
        assert app.screen is board and board_week(board) == "Week 2"
        monkeypatch.setattr(board_module, "CATCH_UP_S", 60.0)
        await end_week(pilot)
        assert board_week(board) == "Week 2"  # still behind
        await pilot.press("enter")  # closed before the board caught up
        await pilot.pause()
        assert app.screen is board and board_week(board) == "Week 3"


async def test_taking_a_job_asks_first_because_it_ends_the_campaign(world):
    from game.engine import Action
    from game.engine.kinds import OppStage
    from game.ui.screens.confirm import ConfirmScreen

    app = game(world)
    async with app.run_test(size=(80, 24)) as pilot:
        oid = "junior-ux-researcher"
        app.session.state.opportunities[oid].stage = OppStage.OFFER  # an offer, however it came
        app.screen.do(Action("accept_job", opportunity=oid))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "ends the campaign" in screen_text(app)
        await pilot.press("enter")  # "Not yet"
        assert not app.session.state.over
        app.screen.do(Action("accept_job", opportunity=oid))
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.session.state.over and isinstance(app.screen, DebriefScreen)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_warning_is_on_screen_before_you_choose(world, size):
    """Highlight each risky action on the board: its warning is in the intent line, and the
    intent line is drawn whole inside the screen (not clipped, not covered)."""
    from game.engine.rules import preview

    app = game(world)
    async with app.run_test(size=size, notifications=True) as pilot:  # toasts drawn, as in a terminal
        await meet_mark(pilot)
        await pilot.press("1", "escape")  # accept Mark's offer: now there is a promise to follow up
        board = app.screen
        checked = 0
        for cid in ("beatriz-santos", MARK, "priya-raman"):
            await select_contact(pilot, cid)
            actions = board.query_one("#actions")
            for index, action in enumerate(actions.actions):
                seen = preview(app.session.state, action)
                if not seen.warning:
                    continue
                actions.highlighted = index
                await pilot.pause()
                intent = board.query_one("#intent")
                text = " ".join(plain(str(intent.render())).split())
                assert " ".join(seen.warning.split()) in text
                region = intent.region
                assert region.height > 0 and board.region.contains_region(region)
                needed = intent.get_content_height(intent.size, app.size, intent.content_region.width)
                assert intent.content_region.height >= needed, f"{action.name}: the warning is cut off"
                # nothing else is drawn over it
                assert board.get_widget_at(region.x + 1, region.bottom - 1)[0] is intent
                checked += 1
        assert checked >= 3


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_risky_answer_is_explained_on_screen_under_the_answers(world, size):
    """Mark's offer: accepting a busy, unreliable helper's promise is explained under the
    answers, drawn whole inside the screen."""
    from game.engine import Action
    from game.engine.rules import preview

    app = game(world)
    async with app.run_test(size=size, notifications=True) as pilot:
        await meet_mark(pilot)
        conversation = app.screen
        warning = preview(app.session.state, Action("accept_offer")).warning
        intent = conversation.query_one("#answer-intent")
        text = " ".join(plain(str(intent.render())).split())
        assert warning and " ".join(warning.split()) in text
        region = intent.region
        assert region.height > 0 and conversation.region.contains_region(region)
        assert intent.content_region.height >= intent.get_content_height(intent.size, app.size, intent.content_region.width)
        assert conversation.get_widget_at(region.x + 1, region.bottom - 1)[0] is intent
        choices = conversation.query_one("#choices")
        assert conversation.region.contains_region(choices.region)


async def test_every_week_summary_shows_on_the_one_screen_the_app_keeps_with_that_weeks_news(world):
    app = game(world, door_closing_seed(world))
    async with app.run_test(size=(80, 24)) as pilot:
        await meet_mark(pilot)
        await pilot.press("1", "escape")  # accept the offer, leave
        await end_week(pilot)
        summary = app.screen
        assert isinstance(summary, WeekSummaryScreen)
        assert summary.query_one("#week-box").border_title == "The end of week 1"
        first_text = plain(summary.query_one("#week-text").content)
        summary.query_one("#week-scroll").scroll_end(animate=False)
        await pilot.press("enter")
        assert isinstance(app.screen, BoardScreen)
        await end_week(pilot)
        assert app.screen is summary  # made once, and only its words change
        box = summary.query_one("#week-box")
        assert box.border_title == "The end of week 2"
        assert box.border_subtitle.startswith("Week 3 begins")
        text = plain(summary.query_one("#week-text").content)
        assert text == plain(summary._text()) != first_text  # the second week's news, not the first's
        assert summary.query_one("#week-scroll").scroll_y == 0  # read from the top again
        assert summary.query_one("#week-scroll").has_focus  # Enter and the arrows still reach it


async def test_the_network_and_the_codex_open_again_as_things_stand_now_from_the_top(world):
    app = game(world, door_closing_seed(world))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        network = app.screen
        assert isinstance(network, NetworkScreen)
        before = plain(network.query_one("#network-text").content)
        await pilot.press("escape")
        await meet_mark(pilot)
        await pilot.press("1", "escape")  # accept his offer, leave
        app.session.state.contacts[MARK].door = "warm"  # and let him warm to the player
        await pilot.press("w")
        assert app.screen is network  # the page the app keeps...
        now = plain(network.query_one("#network-text").content)
        assert now == plain(network.body()) != before  # ...with today's network
        await pilot.press("escape", "c")
        codex = app.screen
        codex.query_one("#codex").scroll_end(animate=False)
        await pilot.pause()
        assert codex.query_one("#codex").scroll_y > 0
        await pilot.press("escape", "c")
        assert app.screen is codex and codex.query_one("#codex").scroll_y == 0  # read from the top again
        assert codex.query_one("#codex").has_focus
