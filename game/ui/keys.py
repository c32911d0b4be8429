"""Every key of the game in one table: it feeds the screens' bindings, the command palette
and the keys table in F1 help, so the three can never disagree.

A row with no `action` only explains a key a widget already handles (arrows, Enter, Tab).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    where: str  # the screen it works on: "board", "title", "app" (anywhere)...
    keys: str  # as Textual names them ("n", "ctrl+s"); "" for a row that only explains
    shown: str  # as help prints them
    what: str  # the help table's description
    action: str = ""  # the screen's action, or "" for a row that only explains
    label: str = ""  # the footer's word for it
    footer: bool = True
    palette: str = ""  # the command palette's title, if it is offered there
    palette_help: str = ""
    id: str = ""  # a stable id for remapping; defaults to WHERE.ACTION

    @property
    def binding_id(self) -> str:
        return self.id or f"{self.where}.{self.action}"


KEYS: tuple[Key, ...] = (
    Key("lists", "", "↑ ↓", "move"),
    Key("people", "", "Enter", "choose what to do with them"),
    Key("actions", "", "Enter", "do it"),
    Key("board", "", "Tab", "move between people, details, actions, journal"),
    Key("board", "n", "n", "end the week", "end_week", "End week",
        palette="End the week", palette_help="Let the week turn: promises, replies, runway"),
    Key("board", "m", "m", "meet the selected person (or write to them if you haven't met)", "meet", "Meet",
        palette="Meet the selected person", palette_help="Open a conversation"),
    Key("board", "w", "w", "the network: who knows whom, and which doors are shut", "network", "Network",
        palette="Network", palette_help="Who knows whom, and which doors are shut"),
    Key("board", "c", "c", "the codex of lessons", "codex", "Codex"),
    Key("board", "j", "j", "the whole journal", "journal", "Journal",
        palette="Journal", palette_help="Everything that has happened, with its cause"),
    Key("board", "u", "u", "undo the last action (not in ironman games)", "undo", "Undo",
        palette="Undo", palette_help="Take back the last action (not in ironman games)"),
    Key("board", "U", "U", "redo: step forward again after an undo or a rewind", "redo", "Redo", footer=False,
        palette="Redo", palette_help="Step forward again after an undo or a rewind"),
    Key("board", "r", "r", "rewind to the start of an earlier week", "rewind", "Rewind", footer=False,
        palette="Rewind to an earlier week", palette_help="Replay the game up to the start of a week"),
    Key("board", "ctrl+s", "Ctrl+S", "save this game under a name of your own", "save_as", "Save as", footer=False,
        palette="Save as…", palette_help="Save this game under a name of your own"),
    Key("board", "escape", "Esc", "back to the people list; elsewhere, back or close", "back_to_people", "People",
        footer=False, id="board.people"),
    Key("board", "s", "s", "settings", "settings", "Settings", footer=False),
    Key("board", "e", "e", "the debrief: how the game went, and why (a finished game opens on it)", "debrief", "Debrief",
        footer=False, palette="Debrief", palette_help="How the game went, and why: the score and its turning points"),
    Key("campaign picker", "", "i", "ironman: no undo, no rewind"),
    Key("title", "", "c / l", "continue the latest game / load a saved game"),
    Key("class report", "", "Enter / e / o", "pick two students to compare / export the report / open another file"),
    Key("conversation", "", "1 2 3", "pick an answer"),
    Key("pages", "", "↑ ↓ PgUp PgDn Home End Space j k", "scroll help, the journal, the codex and the debrief"),
    Key("app", "f1", "F1", "this help", "help", "Help", id="help",
        palette="Help", palette_help="How to play, and every key"),
    Key("app", "", "Ctrl+P", "the command palette: every screen and major action"),
    Key("app", "ctrl+q", "Ctrl+Q", "quit", "quit", "Quit", footer=False, id="quit"),

)

# what help calls the places
_WHERE = {"app": "anywhere"}

# commands only the palette offers (the app's own, available on every screen)
APP_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Settings", "Theme, hints and the week summary", "settings"),
    ("Codex", "The lesson cards you have unlocked", "codex"),
    ("Title screen", "Leave this game and go back to the title", "title"),
    ("Load a saved game", "Every save, with its week and how it stands", "load"),
)


def bindings(where: str) -> list[Binding]:
    """The bindings of one screen (or "app"), in the table's order."""
    return [Binding(k.keys, k.action, k.label, show=k.footer, id=k.binding_id)
            for k in KEYS if k.where == where and k.action]


def palette(where: str) -> list[Key]:
    """The keys of one screen that the command palette also offers."""
    return [k for k in KEYS if k.where == where and k.palette]


def help_table() -> str:
    """The keys table of F1 help, as Markdown."""
    rows = ["| key | where | what |", "|---|---|---|"]
    rows += [f"| {k.shown} | {_WHERE.get(k.where, k.where)} | {k.what} |" for k in KEYS]
    return "\n".join(rows)
