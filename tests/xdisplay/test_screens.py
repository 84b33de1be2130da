"""Every page and every dialog, for each role, fits a counter monitor (issue 9): in a real X
display (Xvfb + openbox, xcb) at 1024×768 and 1366×768, every visible interactive widget lies
inside the screen's available geometry, or inside a scroll area that does; the intake page's
messages are in view without scrolling. The walk also registers a case through the window
and times «Registrar» → receipt on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.xdisplay.xserver import SIZES, run_child, x_display

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("size", SIZES)
def test_every_page_and_dialog_fits_the_screen(size: str, home, tmp_path: Path) -> None:
    with x_display(size) as env:
        result = run_child("walk_geometry.py", env, home.config_dir.parent,
                           tmp_path / "walk.json")
    assert not result["violations"], "\n".join(result["violations"]) + result["stderr"][-3000:]
    # the walk really went everywhere (a walk that stopped early checks nothing)
    checked = result["checked"]
    for where in ("sign-in page", "clerk: receipt dialog", "clerk: print dialog",
                  "clerk: correction dialog", "clerk: acuerdo dialog", "clerk: lock page",
                  "supervisor: review, preview tab", "administrator: move question",
                  "clerk: complaint constancia dialog", "clerk: attention dialog (open)",
                  "supervisor: complaints page", "supervisor: reports, charts tab"):
        assert where in checked, checked
    assert result["notes"]["window maximized"]
    assert "Archivos de &tipo:" in result["notes"]["file dialog labels"]  # Qt's, in Spanish
    assert "Traceback" not in result["stderr"], result["stderr"][-3000:]
    timings = result["timings"]["Registrar → comprobante en pantalla (s)"]
    print(f"{size}: Registrar → comprobante en pantalla {timings[0]:.2f} s")
