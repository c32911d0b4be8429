"""Shared test setup: the hypothesis profiles and the core pack."""

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

# "ci" keeps the suite fast and deterministic; "soak" is for long local runs:
#   HYPOTHESIS_PROFILE=soak python -m pytest tests/engine
settings.register_profile(
    "ci", derandomize=True, max_examples=40, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "soak", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# the validated-pack cache goes to a scratch folder, never the tester's own cache
os.environ.setdefault("WARM_INTRO_CACHE", tempfile.mkdtemp(prefix="warm-intro-cache-"))


@pytest.fixture(scope="session")
def world():
    from game.packs.loader import load_core

    return load_core()
