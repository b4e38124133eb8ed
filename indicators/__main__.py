"""``python -m indicators``: see ``indicators.cli``."""

import sys

from indicators.cli import main

sys.exit(main())
