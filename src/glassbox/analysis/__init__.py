"""Analyses over traces and logits: sampling, logit lens, direct logit attribution, the detailed view's slices.

Each analysis takes the trace it reads as an argument; none imports :mod:`glassbox.tracing` (which builds on
this package) except for the ``Trace`` type under ``TYPE_CHECKING``. :mod:`~glassbox.analysis.sampling` is a leaf:
numpy, :mod:`glassbox.errors` and :mod:`glassbox.schema` only, so it can be ported and tested on its own.
"""
