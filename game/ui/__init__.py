"""The terminal game. `game.ui.app.WarmIntroApp` is the entry point."""
