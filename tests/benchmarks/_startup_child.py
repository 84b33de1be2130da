"""Child process of bench_startup: start a window, print milestone times, quit.

Run by bench_startup as `python tests/benchmarks/_startup_child.py MODE`; not meant to be
run by hand. The parent puts its `time.time()` taken right before Popen into the
environment variable BENCH_T0; every milestone is printed as seconds since then, so the
numbers include interpreter start-up. Only the standard library is imported before the
measured imports. MODE is one of:

- bare: a QMainWindow with a QLineEdit and a QPushButton (the floor for any PySide6 window);
- app: `ui.app.launch()` as the `ventanilla` command does (VENTANILLA_HOME set by the parent);
- deferred: the same window as `launch()` but `window.prepare()` (the background loading of
  the core) is started only after the first event-loop iteration: a diagnostic that shows
  how much the background work delays the window;
- trace: like app, plus an import spy that records which thread first imported each heavy
  module and through which project import lines.
"""

import json
import os
import sys
import time
from collections.abc import Callable

T0 = float(os.environ.get("BENCH_T0", time.time()))
T_SCRIPT = time.time() - T0
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pypdf", "PIL", "segno", "argon2", "stdnum",
         "phonenumbers", "email_validator", "keyring")
POLL_MS = 2
TIMEOUT_S = 300


def since_start() -> float:
    return time.time() - T0


def heavy_loaded() -> dict[str, bool]:
    return {name: name in sys.modules for name in HEAVY}


def install_import_spy(found: dict[str, dict[str, object]]) -> None:
    """Record the first import of each HEAVY module: thread, time, project import chain."""
    import threading
    import traceback

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    class Spy:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name in HEAVY and name not in found:
                chain = [
                    f"{os.path.relpath(frame.filename, root)}:{frame.lineno}: {frame.line}"
                    for frame in traceback.extract_stack()[:-1]
                    if frame.filename.startswith(root) and "benchmarks" not in frame.filename
                ]
                found[name] = {"thread": threading.current_thread().name,
                               "at": round(since_start(), 4), "chain": chain}

    sys.meta_path.insert(0, Spy())


def qlocale_shim(result: dict[str, object]) -> None:
    """ui/app.py uses QLocale.Territory, which PySide6 6.12 does not expose (Qt's C++ alias
    of QLocale.Country): without this shim launch() raises AttributeError. Reported, not
    fixed here; the parent prints a warning when the shim was needed."""
    from PySide6.QtCore import QLocale

    if not hasattr(QLocale, "Territory"):
        QLocale.Territory = QLocale.Country  # type: ignore[attr-defined]
        result["qlocale_shim"] = True


def report(result: dict[str, object]) -> None:
    print("BENCH " + json.dumps(result), flush=True)


def run_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QMainWindow,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    result: dict[str, object] = {"script": T_SCRIPT, "imported": since_start()}
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    field = QLineEdit()
    button = QPushButton("Ingresar")
    layout.addWidget(field)
    layout.addWidget(button)
    window.setCentralWidget(central)
    window.resize(1024, 768)
    window.show()
    field.setFocus()
    result["shown"] = since_start()

    def first_iteration() -> None:
        result["loop"] = since_start()
        wait_for(field.hasFocus, "interactive", result, app.quit)

    QTimer.singleShot(0, first_iteration)
    app.exec()
    report(result)


def wait_for(condition: Callable[[], bool], name: str, result: dict[str, object],
             then: Callable[[], None]) -> None:
    """Poll `condition` on the event loop; record the time it first holds, then call `then`."""
    from PySide6.QtCore import QTimer

    deadline = time.time() + TIMEOUT_S

    def check() -> None:
        if condition():
            result[name] = since_start()
            then()
        elif time.time() > deadline:
            result[name] = None
            result.setdefault("error", f"timeout waiting for {name}")
            then()
        else:
            QTimer.singleShot(POLL_MS, check)

    check()


def run_app(mode: str) -> None:
    spied: dict[str, dict[str, object]] = {}
    if mode == "trace":
        install_import_spy(spied)
    result: dict[str, object] = {"script": T_SCRIPT}
    qlocale_shim(result)
    if mode == "deferred":
        from PySide6.QtCore import QTimer

        from desktop.config import load_settings
        from desktop.logs import configure_logging
        from ui.app import _application
        from ui.main_window import MainWindow
    else:
        from PySide6.QtCore import QTimer

        from ui.app import launch
    result["imported"] = since_start()
    result["heavy_after_imports"] = heavy_loaded()
    if mode == "deferred":
        app = _application()
        settings = load_settings()
        configure_logging(settings.paths.log_dir)
        window = MainWindow(settings)
        window.show()
        window.login.username.setFocus()
    else:
        window = launch()
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()  # type: ignore[assignment]
    result["shown"] = since_start()
    result["heavy_after_launch"] = heavy_loaded()
    login = window.login

    def ready() -> bool:
        if login.retry.isVisible():
            result["error"] = "preparation failed: " + login.message.text()
            return True
        return login.submit.isEnabled()

    def finish() -> None:
        window.close()
        app.quit()

    def interactive() -> None:
        result["heavy_at_interactive"] = heavy_loaded()
        if mode == "deferred":
            window.prepare()
        wait_for(ready, "ready", result, finish)

    def first_iteration() -> None:
        result["loop"] = since_start()
        wait_for(login.username.hasFocus, "interactive", result, interactive)

    QTimer.singleShot(0, first_iteration)
    app.exec()
    if spied:
        result["imports"] = spied
    report(result)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1] if len(sys.argv) > 1 else "bare"
    if mode == "bare":
        run_bare()
    elif mode in {"app", "deferred", "trace"}:
        run_app(mode)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
