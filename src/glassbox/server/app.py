"""The FastAPI application: the JSON API under ``/api`` and the built web app at ``/``.

``create_app(models, limits)`` loads the named models once; ``glassbox serve`` runs it with uvicorn.
Every error is answered as ``{"error": {"code", "message"}}`` (:class:`~glassbox.schema.errors.ErrorResponse`)
so the page can show it and carry on: a :class:`~glassbox.errors.GlassboxError` with its class's status and
code, a request that fails validation as 422 ``invalid_input``, a bug as 500 ``internal`` (its traceback logged).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from glassbox import __version__
from glassbox.errors import GlassboxError, NotBuiltError
from glassbox.schema.api import Limits
from glassbox.schema.errors import ApiError, ErrorCode, ErrorResponse
from glassbox.server.registry import Registry
from glassbox.server.routes import router
from glassbox.server.routes_detail import router as detail_router
from glassbox.server.routes_training import router as training_router
from glassbox.server.sequencing import Sequencer
from glassbox.server.trace_cache import TraceCache

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "_static"
BUILD_HINT = "the web app is not built: run `make web` (or `cd web && npm ci && npm run build`)"

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
    return "invalid request (" + "; ".join(parts) + ")"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GlassboxError)
    async def glassbox_error(_: Request, exc: GlassboxError) -> JSONResponse:
        return _error(exc.status, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, ErrorCode.INVALID_INPUT, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, HTTP_CODES.get(exc.status_code, ErrorCode.INVALID_INPUT), str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(500, ErrorCode.INTERNAL, f"the server failed ({type(exc).__name__}): this is a bug in glassbox")


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
    )
    _install_error_handlers(app)
    app.include_router(router)
    app.include_router(detail_router)
    app.include_router(training_router)
    return app


def create_app_for(registry: Registry, limits: Limits, *, static_dir: Path | None = None) -> FastAPI:
    """The app around models that are already loaded (tests and benchmarks reuse loaded models)."""
    app = build_api()
    app.state.registry = registry
    app.state.limits = limits
    app.state.sequencer = Sequencer()
    app.state.trace_cache = TraceCache()
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    folder = static_dir or STATIC_DIR
    if static_built(folder):
        app.mount("/", StaticFiles(directory=folder, html=True), name="web")
    else:

        @app.get("/", include_in_schema=False)
        def not_built() -> JSONResponse:
            raise NotBuiltError(BUILD_HINT)

    return app
