"""The game's markup made into Textual content, without Textual's general parser.

Every line of game text is written in Textual's content markup: "[b]Priya[/b]", "[$success]+3[/]",
"[b $text-muted]── week 3 ──[/]". A widget given a string parses it with Textual's markup
parser, which runs the stylesheet tokenizer over it: about a third of a millisecond for one
person's card, a few more for the first string of a run, and most of what the board's first
frame spent on text before this module (14 cards, the details, the status line, the journal).

The game's markup uses a small part of the grammar: style tags made of words and $variables,
closed by [/] or by the same words. `content` reads exactly that part with string searches and
makes the same Content Textual's parser makes (the same text and the same spans, in the same
order). Anything else (a backslash, a tag holding a value or a colour, a closing tag that does
not close the innermost open one, a bracket that opens nothing) is handed to Textual's parser
unchanged, so what it means and what it refuses stay Textual's (tests/ui/test_markup.py holds
the two side by side).
"""

from __future__ import annotations

import re
from operator import itemgetter

from textual.content import Content, Span

# the control codes Content leaves out of any text it holds (as textual.content does)
_CONTROL = {code: None for code in (7, 8, 11, 12, 13)}
# a tag of style words and $variables, as Textual's tokenizer reads them: nothing in it that
# tokenizer would see as a value, a colour, a percentage or loose text
_STYLE_TAG = re.compile(r"\s*(?:(?:[a-zA-Z_][a-zA-Z0-9_-]*|\$[a-zA-Z0-9_\-]+)\s*)+")


def content(markup: str) -> Content:
    """The Content that `Content.from_markup(markup)` makes, made faster when it can be."""
    markup = markup.translate(_CONTROL)
    if "[" not in markup:
        return Content(markup, strip_control_codes=False)
    if "\\" in markup:
        return Content.from_markup(markup)
    made = _simple(markup)
    return Content.from_markup(markup) if made is None else made


def _simple(markup: str) -> Content | None:
    """The content of markup that uses only style tags (see the module's docstring), or None."""
    text: list[str] = []
    stack: list[tuple[int, str]] = []  # (where the tag opened, the tag as written)
    spans: list[Span] = []
    position = 0
    start = 0
    find, fullmatch = markup.find, _STYLE_TAG.fullmatch
    while (opening := find("[", start)) >= 0:
        if opening > start:
            text.append(markup[start:opening])
            position += opening - start
        end = find("]", opening)
        if end < 0:
            return None
        if markup.startswith("[/", opening):
            name = markup[opening + 2:end]
            if name.strip():
                # named: it must close the innermost tag, written the same way (Textual
                # compares tags by the style they mean; "b" and "bold" are left to it)
                if not stack or not fullmatch(name) or stack[-1][1].strip() != name.strip():
                    return None
            elif not stack:
                return None
            tag_position, tag = stack.pop()
            if tag_position != position:
                spans.append(Span(tag_position, position, tag))
        else:
            tag = markup[opening + 1:end]
            if not fullmatch(tag):
                return None
            stack.append((position, tag))
        start = end + 1
    if start < len(markup):
        text.append(markup[start:])
        position += len(markup) - start
    if stack and position:  # tags left open run to the end
        spans.extend(Span(at, position, tag) for at, tag in reversed(stack) if at != position)
    spans.reverse()
    spans.sort(key=itemgetter(0))  # by start, as Textual sorts them
    return Content("".join(text), spans, strip_control_codes=False)
