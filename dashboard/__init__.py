"""The Dash app: US–China comparison charts over the validated ``indicators`` catalog.

Run it with ``python -m dashboard``; serve it with ``gunicorn dashboard.app:server``.
"""
