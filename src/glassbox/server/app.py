"""The FastAPI application: the JSON API under ``/api`` and the built web app at ``/``.

``create_app(models, limits)`` loads the named models once; ``glassbox serve`` runs it with uvicorn.
Every error is answered as ``{"error": {"code", "message"}}`` (:class:`~glassbox.schema.errors.ErrorResponse`)
so the page can show it and carry on: a :class:`~glassbox.errors.GlassboxError` with its class's status and
code, a request that fails validation as 422 ``invalid_input``, a bug as 500 ``internal`` (its traceback logged).

In front of everything sits :class:`~glassbox.server.security.HostOriginGuard` (foreign ``Host`` → 400, a
cross-site or non-JSON write → 403/415, a body over ``max_body_bytes`` → 413). The built web app answers every
path outside ``/api``; under ``/api`` a path no route has is a JSON 404 ``not_found`` and a known path asked
with the wrong method a JSON 405 ``method_not_allowed`` with an ``Allow`` header.

Shutting down (:func:`begin_shutdown`, called by ``glassbox serve`` on SIGINT/SIGTERM and by the app's lifespan)
stops every live run and ends every open event stream, so that the server exits within seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import Scope

from glassbox import __version__
from glassbox.errors import GlassboxError, NotBuiltError
from glassbox.schema.api import Limits
from glassbox.schema.errors import ApiError, ErrorCode, ErrorResponse
from glassbox.server.circuits_service import CircuitsService
from glassbox.server.registry import Registry
from glassbox.server.routes import router
from glassbox.server.routes_checkpoints import router as checkpoints_router
from glassbox.server.routes_circuits import router as circuits_router
from glassbox.server.routes_compare import router as compare_router
from glassbox.server.routes_detail import router as detail_router
from glassbox.server.routes_moe import router as moe_router
from glassbox.server.routes_per_layer import router as per_layer_router
from glassbox.server.routes_tokenizers import files_router as tokenizers_files_router
from glassbox.server.routes_tokenizers import router as tokenizers_router
from glassbox.server.routes_traces import TraceFolder
from glassbox.server.routes_traces import router as traces_router
from glassbox.server.routes_training import router as training_router
from glassbox.server.routes_why import router as why_router
from glassbox.server.security import HostOriginGuard
from glassbox.server.sequencing import Sequencer
from glassbox.server.trace_cache import DEFAULT_TRACE_CACHE_MB, TraceCache
from glassbox.training.checkpoint_replay import CheckpointSet

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "_static"
BUILD_HINT = "the web app is not built: run `make web` (or `cd web && npm ci && npm run build`)"

MAX_BODY_BYTES = 4 << 20
"""The largest request body the server reads: 4 MiB (4,194,304 bytes). The largest schema-valid body is a live
training text of 200,000 characters (``MAX_TEXT_CHARS``). A browser's ``JSON.stringify`` sends it as UTF-8, at
most 4 bytes a character (800 KB), but an ASCII-only encoder (Python's ``json.dumps`` by default) writes a
character beyond the Basic Multilingual Plane as a ``\\uXXXX\\uXXXX`` pair, 12 bytes: 2.4 MB for a text of
emoji, 1.2 MB for one in Czech or Japanese. 4 MiB takes every such body, and a request that would be refused
anyway for its length still gets the route's own message; yet a 200 MB body costs at most 4 MiB."""

SHUTDOWN_WAIT_S = 3.0
"""How long a shutdown waits in all for live runs to finish their current step."""

HTTP_CODES: dict[int, ErrorCode] = {404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED}
"""Codes of the errors Starlette raises itself (no route, wrong method); any other status is ``invalid_input``."""


def static_built(folder: Path | None = None) -> bool:
    """Has the frontend been built into the package (``make web``)?"""
    return ((folder or STATIC_DIR) / "index.html").is_file()


def _error(status: int, code: ErrorCode, message: str) -> JSONResponse:
    body = ErrorResponse(error=ApiError(code=code, message=message))
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    # say what to do too: every route's request format is documented by the server itself
    return "invalid request (" + "; ".join(parts) + "): fix these fields; every route's request format is at /api/docs"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GlassboxError)
    async def glassbox_error(_: Request, exc: GlassboxError) -> JSONResponse:
        return _error(exc.status, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, ErrorCode.INVALID_INPUT, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, HTTP_CODES.get(exc.status_code, ErrorCode.INVALID_INPUT), str(exc.detail))
        response.headers.update(exc.headers or {})  # a 405's Allow header
        return response

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, RuntimeError) and "same device" in str(exc):  # only a model over several devices
            log.warning("%s %s: %s", request.method, request.url.path, exc)
            return _error(
                422,
                ErrorCode.UNSUPPORTED_ARCHITECTURE,
                "this view does not run yet on a model spread over several devices (glassbox serve --device-map): "
                "serve the model on one device to use it",
            )
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(500, ErrorCode.INTERNAL, f"the server failed ({type(exc).__name__}): this is a bug in glassbox")


class WebApp(Mount):
    """The built web app at ``/``, for every path outside ``/api``.

    A plain ``Mount("/")`` matches every path, so a request the API's routes do not take fully (an unknown
    ``/api`` path, or a known one with the wrong method) would reach the static files and answer an HTML 404;
    leaving ``/api`` to the router lets it answer a JSON 404, or a 405 with the methods the path takes.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = scope.get("path", "")
        if path == "/api" or path.startswith("/api/"):
            return Match.NONE, {}
        return super().matches(scope)


def begin_shutdown(app: FastAPI) -> None:
    """Start stopping: every event stream ends at its next poll, every live run stops after its current step.

    Safe to call from a signal handler (it only sets flags) and more than once.
    """
    app.state.shutting_down.set()
    manager = getattr(app.state, "live_manager", None)
    if manager is not None:
        for run in manager.active():
            run.stop("shutdown")
    circuits = getattr(app.state, "circuits", None)
    if circuits is not None:  # graph jobs stop at their next batch
        circuits.cancel_all()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    begin_shutdown(app)
    manager = getattr(app.state, "live_manager", None)
    if manager is not None:
        manager.stop_all(SHUTDOWN_WAIT_S)


def create_app(models: list[str], limits: Limits | None = None, *, static_dir: Path | None = None) -> FastAPI:
    """The app offering exactly ``models`` (names or folders, loaded now) under ``limits``."""
    registry = Registry.load(models)
    return create_app_for(registry, limits or Limits(), static_dir=static_dir)


def build_api() -> FastAPI:
    """The routes, their models and the error handlers, with no models loaded: what ``/openapi.json`` documents
    (:mod:`glassbox.server.openapi` writes it to ``schema/openapi.json`` without loading a model)."""
    app = FastAPI(
        title="glassbox",
        version=__version__,
        summary="See inside a language model: next-token prediction and exact sampling over HTTP.",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=_lifespan,
    )
    _install_error_handlers(app)
    app.include_router(router)
    app.include_router(detail_router)
    app.include_router(moe_router)
    app.include_router(per_layer_router)
    app.include_router(training_router)
    app.include_router(checkpoints_router)
    app.include_router(compare_router)
    app.include_router(tokenizers_router)
    app.include_router(tokenizers_files_router)
    app.include_router(why_router)
    app.include_router(circuits_router)
    app.include_router(traces_router)
    return app


def create_app_for(
    registry: Registry,
    limits: Limits,
    *,
    static_dir: Path | None = None,
    allowed_hosts: Iterable[str] = (),
    max_body_bytes: int = MAX_BODY_BYTES,
    traces_dir: Path | None = None,
    transcoders: Mapping[str, Path] | None = None,
    checkpoints: Mapping[str, CheckpointSet] | None = None,
    trace_cache_mb: int = DEFAULT_TRACE_CACHE_MB,
) -> FastAPI:
    """The app around models that are already loaded (tests and benchmarks reuse loaded models).

    ``allowed_hosts``: names besides loopback the server answers to (``glassbox serve --allowed-host``);
    ``max_body_bytes``: the largest request body it reads; ``traces_dir``: the folder of trace files it offers
    (``glassbox serve --traces``); ``transcoders``: the Circuits view's transcoder folder per model id, besides
    each model's own (``glassbox serve --transcoders MODEL=DIR``); ``checkpoints``: a model id's training checkpoints
    (``glassbox serve --checkpoints``), fixed here; ``trace_cache_mb``: the budget of the cache of full traces
    (``glassbox serve --trace-cache-mb``).
    """
    app = build_api()
    app.state.registry = registry
    app.state.limits = limits
    app.state.sequencer = Sequencer()
    app.state.trace_cache = TraceCache(max_bytes=trace_cache_mb * 2**20)
    app.state.shutting_down = threading.Event()
    app.state.circuits = CircuitsService(dict(transcoders or {}))
    app.state.traces = TraceFolder(traces_dir) if traces_dir is not None else None
    app.state.checkpoints = dict(checkpoints or {})
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    # added last, so outermost: a refused request costs no routing, no decompression and no body read
    app.add_middleware(HostOriginGuard, allowed_hosts=list(allowed_hosts), max_body_bytes=max_body_bytes)

    folder = static_dir or STATIC_DIR
    if static_built(folder):
        app.router.routes.append(WebApp("/", app=StaticFiles(directory=folder, html=True), name="web"))
    else:

        @app.get("/", include_in_schema=False)
        def not_built() -> JSONResponse:
            raise NotBuiltError(BUILD_HINT)

    return app
