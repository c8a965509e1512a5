"""Frozen entry point of ggbg (the command line)."""

import sys

if __name__ == "__main__":
    from ggbg_desktop.cli import main

    sys.exit(main())
