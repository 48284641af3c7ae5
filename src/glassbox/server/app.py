"""The FastAPI application: the JSON API under ``/api`` and the built web app at ``/``.

``create_app(models, limits)`` loads the named models once; ``glassbox serve`` runs it with uvicorn.
Every error is answered as ``{"error": {"code", "message"}}`` so the page can show it and carry on.
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
from glassbox.errors import GlassboxError, InvalidInputError, ModelNotFoundError
from glassbox.schema.api import ApiError, ErrorCode, ErrorResponse, Limits
from glassbox.server.limits import ApiProblem
from glassbox.server.registry import Registry, UnknownModel
from glassbox.server.routes import router
from glassbox.server.routes_detail import router as detail_router
from glassbox.server.routes_training import router as training_router
from glassbox.server.sequencing import Sequencer

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "_static"
BUILD_HINT = "the web app is not built: run `make web` (or `cd web && npm ci && npm run build`)"


def static_built(folder: Path | None = None) -> bool:
    """Has the frontend been built into the package (``make web``)?"""
    return ((folder or STATIC_DIR) / "index.html").is_file()


def _error(status: int, code: ErrorCode, message: str) -> JSONResponse:
    body = ErrorResponse(error=ApiError(code=code, message=message))
    return JSONResponse(status_code=status, content=body.model_dump())


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "invalid request (" + "; ".join(parts) + ")"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiProblem)
    async def api_problem(_: Request, exc: ApiProblem) -> JSONResponse:
        return _error(exc.status, exc.api_code, str(exc))

    @app.exception_handler(UnknownModel)
    async def unknown_model(_: Request, exc: UnknownModel) -> JSONResponse:
        return _error(404, exc.error.code, exc.error.message)

    @app.exception_handler(InvalidInputError)
    async def invalid_input(_: Request, exc: InvalidInputError) -> JSONResponse:
        return _error(400, "invalid_input", str(exc))

    @app.exception_handler(ModelNotFoundError)
    async def model_not_found(_: Request, exc: ModelNotFoundError) -> JSONResponse:
        return _error(404, "unknown_model", str(exc))

    @app.exception_handler(GlassboxError)
    async def glassbox_error(_: Request, exc: GlassboxError) -> JSONResponse:
        return _error(400, "invalid_input", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_input", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code: ErrorCode = "not_found" if exc.status_code == 404 else "invalid_input"
        return _error(exc.status_code, code, str(exc.detail))


def create_app(models: list[str], limits: Limits | None = None, *, static_dir: Path | None = None) -> FastAPI:
    """The app offering exactly ``models`` (names or folders, loaded now) under ``limits``."""
    registry = Registry.load(models)
    return create_app_for(registry, limits or Limits(), static_dir=static_dir)


def create_app_for(registry: Registry, limits: Limits, *, static_dir: Path | None = None) -> FastAPI:
    """The app around models that are already loaded (tests and benchmarks reuse loaded models)."""
    app = FastAPI(
        title="glassbox",
        version=__version__,
        summary="See inside a language model: next-token prediction and exact sampling over HTTP.",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.registry = registry
    app.state.limits = limits
    app.state.sequencer = Sequencer()
    _install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.include_router(router)
    app.include_router(detail_router)
    app.include_router(training_router)

    folder = static_dir or STATIC_DIR
    if static_built(folder):
        app.mount("/", StaticFiles(directory=folder, html=True), name="web")
    else:

        @app.get("/", include_in_schema=False)
        def not_built() -> JSONResponse:
            return _error(503, "not_found", BUILD_HINT)

    return app
