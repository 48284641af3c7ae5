"""The web server behind ``glassbox serve``: FastAPI routes that translate between HTTP and glassbox.

Only the models the operator named on the command line can be used; a client refers to them by id and can
never make the server load anything else. See :func:`glassbox.server.app.create_app`.
"""
