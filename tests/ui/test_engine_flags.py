"""The Chromium switches the app starts QtWebEngine with."""

from localpro_desktop.ui.map.engine_flags import apply_chromium_flags


def test_software_rendering_by_default_keeping_the_users_own_switches() -> None:
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--lang=fr  --no-sandbox"}
    apply_chromium_flags(environ)
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=fr --no-sandbox --disable-gpu"
    apply_chromium_flags(environ)  # twice (tests, the smoke test): still once
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"].split().count("--disable-gpu") == 1


def test_nothing_set_becomes_the_software_switch() -> None:
    environ: dict[str, str] = {}
    apply_chromium_flags(environ)
    assert environ == {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}


def test_the_graphics_card_on_request() -> None:
    environ = {"LOCALPRO_MAP_GPU": "1"}
    apply_chromium_flags(environ)
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in environ
    environ = {"LOCALPRO_MAP_GPU": "1", "QTWEBENGINE_CHROMIUM_FLAGS": "--lang=fr"}
    apply_chromium_flags(environ)
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=fr"
