"""What the command line does when it cannot go on: no terminal to draw on, nowhere to write
output, or a pack that will not load."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable

# what writing to a full disk, a closed pipe or a gone terminal raises
_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT}


def needs_terminal(verb: str, instead: str) -> int | None:
    """Exit code 2 with a message if the screen cannot start here (stdin or stdout not a terminal), else None.

    Textual started on a pipe either fails with a traceback or waits for keys that never
    come; a script that runs `warm-intro play </dev/null | cat` should get an answer instead.
    A driver chosen through TEXTUAL_DRIVER (textual-serve's web driver, for `serve`) brings
    its own input and output, so it is left alone.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout)):
        return None
    print(f"warm-intro {verb}: the game needs a terminal to draw on, and its input or output is not one "
          f"(a pipe, a file or closed); run it in a terminal window, or {instead}.", file=sys.stderr)
    return 2


def is_output_error(exc: OSError) -> bool:
    """True for a failed write to standard output: a file the game writes names itself in the error."""
    return exc.filename is None and exc.errno in _OUTPUT_ERRNOS


def output_failed(exc: OSError) -> int:
    """Exit code 1 when stdout cannot be written (a full disk, a closed pipe), without a traceback.

    Standard output is pointed at the null device so Python's own flush at exit does not
    fail a second time; a reader that went away (`| head`) needs no message.
    """
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    if not isinstance(exc, BrokenPipeError):
        print(f"warm-intro: could not write the output: {exc.strerror or exc}", file=sys.stderr)
    return 1


def tell_pack_problems(heading: str, problems: Iterable[object]) -> None:
    """A pack that would not load, on standard error: the heading, then every problem
    (FILE:LINE: error[CODE]: ...) on a line of its own."""
    print(heading, file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
