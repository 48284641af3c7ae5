"""Capturing what happens inside a forward pass: canonical activation names and the instrumented forward.

Nothing here knows about analyses, HTTP or the public ``Trace``: :mod:`glassbox.tracing` builds on this package.
"""
