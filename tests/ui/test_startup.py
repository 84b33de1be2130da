"""First start on a machine with nothing configured: the demo is set up in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.config import HOME_ENV, Paths
from ui.app import launch


def test_first_start_sets_up_the_demo_while_the_login_is_shown(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    window = launch()
    qtbot.addWidget(window)
    submit = window.findChild(QPushButton, "login.submit")
    assert window.isVisible() and not submit.isEnabled()
    qtbot.waitUntil(submit.isEnabled, timeout=60_000)
    assert Paths.discover().settings_file.exists()
    assert "DEMOSTRACIÓN" in window.windowTitle()
    assert "UIO01" in window.windowTitle() and "UIO01" in window.login.station.text()
    window.close()


def test_a_cancelled_first_start_leaves_nothing_configured_and_can_retry(qtbot, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    window = launch()
    qtbot.addWidget(window)
    cancel = window.findChild(QPushButton, "login.cancel")
    qtbot.waitUntil(cancel.isVisible)
    cancel.click()
    retry = window.findChild(QPushButton, "login.retry")
    qtbot.waitUntil(retry.isVisible, timeout=60_000)
    assert "cancelada" in window.findChild(QLabel, "login.message").text()
    assert not Paths.discover().settings_file.exists()
    retry.click()
    submit = window.findChild(QPushButton, "login.submit")
    qtbot.waitUntil(submit.isEnabled, timeout=60_000)
    assert Paths.discover().settings_file.exists()
    window.close()


def test_wrong_password_is_refused_with_a_message(qtbot, home, main_window):
    window = main_window()
    submit = window.findChild(QPushButton, "login.submit")
    window.login.username.setText("oficinista.uio")
    window.login.password.setText("equivocada")
    submit.click()
    message = window.findChild(QLabel, "login.message")
    qtbot.waitUntil(lambda: "incorrectos" in message.text(), timeout=10_000)
    assert window.actor is None and window.login.password.text() == ""
    window.close()


def test_a_production_station_without_a_keyring_says_what_to_set_up(qtbot, tmp_path,
                                                                   monkeypatch):
    import keyring
    from keyring.backends import fail

    from desktop.config import Settings

    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    paths = Paths.discover()
    Settings(paths=paths, centre="UIO01", counter=1, demo=False,
             central_url="postgresql+psycopg://uio01@127.0.0.1:5432/ventanilla").save()
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        window = launch()
        qtbot.addWidget(window)
        retry = window.findChild(QPushButton, "login.retry")
        qtbot.waitUntil(retry.isVisible, timeout=30_000)
        message = window.findChild(QLabel, "login.message").text()
        assert "almacén seguro de contraseñas" in message and "Secret Service" in message
        assert not window.findChild(QPushButton, "login.submit").isEnabled()
        assert "DEMOSTRACIÓN" not in window.windowTitle()
        assert not paths.cache_db.exists()  # no plaintext fallback, not even an empty cache
        window.close()
    finally:
        keyring.set_keyring(previous)


def test_signing_in_before_sync_has_started_starts_it(qtbot, home, monkeypatch):
    """The sign-in button is ready as soon as the cache opens; sync starts once the session
    modules loaded on a worker. A quick clerk can sign in first: the window then starts sync
    itself instead of failing."""
    import threading

    import ui.main_window

    release = threading.Event()
    loaded = ui.main_window._load_session_modules

    def slow_load() -> None:
        release.wait(30)
        loaded()

    monkeypatch.setattr(ui.main_window, "_load_session_modules", slow_load)
    sync_starts: list[object] = []  # each call of the window's sync start, at sign-in or late
    start_sync = ui.main_window.MainWindow._start_sync

    def counted_start(self, runtime) -> None:  # type: ignore[no-untyped-def]
        start_sync(self, runtime)
        sync_starts.append(runtime)

    monkeypatch.setattr(ui.main_window.MainWindow, "_start_sync", counted_start)
    window = launch()
    qtbot.addWidget(window)
    submit = window.findChild(QPushButton, "login.submit")
    qtbot.waitUntil(submit.isEnabled, timeout=30_000)
    assert window.sync is None  # the modules are still "loading"
    window.login.username.setText("oficinista.uio")
    window.login.password.setText("uio-oficinista-2026")
    submit.click()
    qtbot.waitUntil(lambda: window.actor is not None, timeout=30_000)
    assert window.sync is not None and window.workspace is not None
    started = window.sync
    starts = len(sync_starts)
    release.set()
    qtbot.waitUntil(lambda: len(sync_starts) > starts, timeout=30_000)  # the late start ran
    assert window.sync is started  # the late start found it running
    window.close()
