"""Where the files Ventanilla loads at run time live (icons, stylesheet, catalogs, Qt's
translations, legal texts): the top-level `resources/` folder of a source checkout, or the
same folder inside a frozen bundle. Every run-time file is found through `resource()`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """`resources/` beside the packages, or inside the PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """The path of one resource, e.g. `resource("icons", "print.svg")`."""
    return resources_root().joinpath(*parts)
