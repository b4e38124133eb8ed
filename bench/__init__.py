"""Benchmarks: ``python -m bench`` (see ``bench.__main__``)."""
