"""UI test setup: settings, saves and the stage's cue sheets always go to a temporary folder."""

import pytest


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("WARM_INTRO_SAVES", str(folder))
    monkeypatch.setenv("WARM_INTRO_RUNTIME_DIR", str(tmp_path / "run"))  # the stage's cue sheets for the notes view
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
