"""`python -m game` runs the same command as `warm-intro`."""

from game.cli import main

raise SystemExit(main())
