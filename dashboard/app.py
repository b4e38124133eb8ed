"""WSGI entry point: ``gunicorn dashboard.app:server`` (data from ``$INDICATORS_DATA_DIR``)."""

from dashboard.factory import create_app
from dashboard.startup import load_or_exit

app = create_app(load_or_exit())
server = app.server
