"""The JSON Schema for pack files, generated from the pack models (committed as schema.json)."""

from __future__ import annotations

import json


def schema_text() -> str:
    """The JSON Schema for pack files, as committed in game/packs/schema.json."""
    from game.packs.models import PackSchema

    schema = PackSchema.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://warm-intro.example/pack-format-1.json",
              "title": "Warm Intro content pack file", **{k: v for k, v in schema.items() if k != "title"}}
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
