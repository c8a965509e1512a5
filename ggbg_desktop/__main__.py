"""``python -m ggbg_desktop`` starts the editor window."""

import sys

from .app import main

sys.exit(main())
