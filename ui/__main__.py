"""The `ventanilla` command: the GUI with no arguments, admin subcommands otherwise.

Subcommands go to `desktop.cli` before Qt is imported, so they run on servers too.
"""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) > 1:
        from desktop.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from desktop.updates import install_at_start

    install_at_start()  # a frozen bundle installs a staged update and restarts into it
    from ui.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
