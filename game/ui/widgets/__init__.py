"""Widgets of the game, one per file."""
