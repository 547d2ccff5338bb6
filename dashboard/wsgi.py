"""The WSGI entry point the Procfile serves: ``gunicorn dashboard.wsgi:server``."""

from dashboard.app import create_app
from dashboard.cli import open_default_store

app = create_app(open_default_store())
server = app.server
