"""Frozen entry point of ggbg-desktop (the window)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # in case the editor runs work in child processes
    from ggbg_desktop.app import main

    sys.exit(main())
