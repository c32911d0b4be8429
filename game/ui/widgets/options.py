"""Option lists shown from the game's markup, redrawing only the options that changed."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.ui.markup import content


def show_options(option_list: OptionList, shown: list[tuple[str, str]], options: list[tuple[str, str]],
                 rebuild: bool = False) -> bool:
    """Show (id, markup) options in place of those `shown` before. With the same ids (and not
    `rebuild`), only the options whose markup changed are redrawn, the cursor staying where it
    was, and True is returned; otherwise every option is made anew (a full relayout): False.

    Options are compared by their markup, not their content: Textual's content compares equal
    whenever its words do, whatever their styles. (A function, not a base class: a class between
    OptionList and the lists made Textual parse its bases' default styles again, and walk one
    more class for every message.)"""
    if not rebuild and [oid for oid, _ in shown] == [oid for oid, _ in options]:
        for index, ((_, old), (_, new)) in enumerate(zip(shown, options, strict=True)):
            if old != new:
                option_list.replace_option_prompt_at_index(index, content(new))
        return True
    option_list.set_options([Option(content(text), id=oid) for oid, text in options])
    return False
