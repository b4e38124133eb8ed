"""WSGI entry point: ``gunicorn --preload dashboard.app:server`` (data from
``$INDICATORS_DATA_DIR``; ``make serve`` has the production settings).

Start-up builds objects that live as long as the process and leaves almost no garbage (a few
hundred unreachable objects), so the cyclic garbage collector is paused while it runs, and what
it built is frozen before gunicorn forks the workers (with ``--preload``), as Python's
documentation of ``gc.freeze`` advises: collections never scan those objects again (about 0.1 s
of every cold start here), and the workers keep sharing their memory pages with the parent.
"""

import gc

gc.disable()

from dashboard.factory import create_app  # noqa: E402  (after pausing the collector)
from dashboard.startup import load_or_exit  # noqa: E402

app = create_app(load_or_exit())
server = app.server
gc.freeze()
gc.enable()
