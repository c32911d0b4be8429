"""Warm Intro: a turn-based terminal game about finding work through people."""

__version__ = "0.2.0"
