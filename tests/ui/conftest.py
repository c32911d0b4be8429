"""UI test setup: settings and saves always go to a temporary folder."""

import pytest


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("WARM_INTRO_SAVES", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
