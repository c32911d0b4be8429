"""Saves: TOML files of a game's log, written atomically, verified by replay.

The API lives in `game.saves.files`; this package imports nothing on its own, so the
command line can register `warm-intro saves` without slowing the game's start.
"""
