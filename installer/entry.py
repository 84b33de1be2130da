"""The frozen executable's script: the same `ventanilla` entry point as a checkout's."""

import sys

from ui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
