"""Attribution graphs (circuit-tracer's method): the local replacement model, the graph, pruning, files.

``attribution_graph`` is re-exported lazily as ``glassbox.attribution_graph``.
"""
