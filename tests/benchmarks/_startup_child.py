"""Child process of bench_startup: open a window, print milestone times, quit.

Run by bench_startup as `python tests/benchmarks/_startup_child.py MODE`, not by hand. The
parent's `time.time()` taken right before Popen arrives in BENCH_T0 and every milestone is
seconds since then, so interpreter start-up counts. Only the standard library is imported
before the measured imports. MODE is one of:

- bare: a QMainWindow with a QLineEdit and a QPushButton (the floor for any PySide6 window);
- app: `ui.app.launch()` as the `ventanilla` command runs it (VENTANILLA_HOME set by the
  parent), then waits for the login button to be enabled (the core loaded in the background);
- trace: app, plus an import hook recording which thread first imported each WATCHED module
  and through which project import lines.
"""

import json
import os
import sys
import time
from collections.abc import Callable

T0 = float(os.environ.get("BENCH_T0", time.time()))
T_SCRIPT = time.time() - T0
WATCHED = ("sqlalchemy", "reportlab", "alembic")
POLL_MS = 2
TIMEOUT_S = 300


def since_start() -> float:
    return time.time() - T0


def watched_loaded() -> dict[str, bool]:
    return {name: name in sys.modules for name in WATCHED}


def install_import_spy(found: dict[str, dict[str, object]]) -> None:
    """Record the first import of each WATCHED module: thread, time, project import chain."""
    import threading
    import traceback

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    class Spy:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name in WATCHED and name not in found:
                found[name] = {
                    "thread": threading.current_thread().name,
                    "at": since_start(),
                    "chain": [f"{os.path.relpath(f.filename, root)}:{f.lineno}: {f.line}"
                              for f in traceback.extract_stack()[:-1]
                              if f.filename.startswith(root) and "benchmarks" not in f.filename],
                }

    sys.meta_path.insert(0, Spy())


def wait_for(condition: Callable[[], bool], name: str, result: dict[str, object],
             then: Callable[[], None]) -> None:
    """Poll `condition` on the event loop; record when it first holds, then call `then`."""
    from PySide6.QtCore import QTimer

    deadline = time.time() + TIMEOUT_S

    def check() -> None:
        if condition():
            result[name] = since_start()
        elif time.time() > deadline:
            result["error"] = f"timeout waiting for {name}"
        else:
            QTimer.singleShot(POLL_MS, check)
            return
        then()

    check()


def main() -> None:
    mode = sys.argv[1]
    spied: dict[str, dict[str, object]] = {}
    if mode == "trace":
        install_import_spy(spied)
    result: dict[str, object] = {"script": T_SCRIPT}
    if mode == "bare":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import (
            QApplication,
            QLineEdit,
            QMainWindow,
            QPushButton,
            QVBoxLayout,
            QWidget,
        )

        result["imported"] = since_start()
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        central = QWidget()
        layout = QVBoxLayout(central)
        field = QLineEdit()
        layout.addWidget(field)
        layout.addWidget(QPushButton("Ingresar"))
        window.setCentralWidget(central)
        window.resize(1024, 768)
        window.show()
        field.setFocus()
        ready: Callable[[], bool] | None = None
    else:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from ui.app import launch

        result["imported"] = since_start()
        result["watched_after_imports"] = watched_loaded()
        window = launch()  # queues window.prepare() for the first event-loop iteration
        result["watched_after_launch"] = watched_loaded()
        app = QApplication.instance()  # type: ignore[assignment]
        login = window.login
        field = login.username

        def login_enabled() -> bool:
            if login.retry.isVisible():
                result["error"] = "preparation failed: " + login.message.text()
                return True
            return login.submit.isEnabled()

        ready = login_enabled

    result["shown"] = since_start()

    def finish() -> None:
        window.close()
        app.quit()

    def interactive() -> None:
        result["watched_at_interactive"] = watched_loaded()
        if ready is None:
            finish()
        else:
            wait_for(ready, "ready", result, finish)

    def first_iteration() -> None:
        result["loop"] = since_start()
        wait_for(field.hasFocus, "interactive", result, interactive)

    QTimer.singleShot(0, first_iteration)
    app.exec()
    if spied:
        result["imports"] = spied
    print("BENCH " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
