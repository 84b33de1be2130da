"""`python -m desktop SUBCOMMAND`: the admin commands without loading Qt."""

import sys

from desktop.cli import main

sys.exit(main(sys.argv[1:]))
