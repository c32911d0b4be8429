"""Content packs: the TOML format, its validation and loading."""
