"""glassbox inside a notebook: the web app as an anywidget, answered by this Python session's model.

``glassbox.widget()`` returns an :class:`anywidget.AnyWidget` whose JavaScript is the app bundle shipped in the
package (``glassbox/_widget/widget.js``, built by ``make web``: no CDN, so it works offline). The page's data
source (``KernelSource``, ``web/src/widget-main.ts``) sends each request as a custom message
``{id, method, args}``; :class:`KernelBridge` answers ``{id, ok, payload}`` or ``{id, ok: false, error}``.

Each request goes through the server's own ASGI app, called in-process (no socket, no server process): the very
routes, pydantic validation and error bodies of ``glassbox serve``, so a payload here is the route's payload and a
failure is the server's error body (the browser's ``ApiFailure`` reads it unchanged).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import MutableMapping
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from glassbox.server.app import create_app_for
from glassbox.server.limits import Limits
from glassbox.server.registry import Registry

if TYPE_CHECKING:
    from fastapi import FastAPI

    from glassbox.models.loading import LoadedModel
    from glassbox.schema.models import Generation
    from glassbox.tracing import Trace

WIDGET_JS = "widget.js"
WIDGET_CSS = "widget.css"
BUILD_HINT = "the notebook widget's bundle is not built: run `make web` (it writes src/glassbox/_widget/)"

# DataSource method → (HTTP method, path template, names of the positional args filling the template).
# A method with a body takes it as its single argument (the request object the views build).
_ROUTES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "models": ("GET", "/api/models", ()),
    "vocab": ("GET", "/api/models/{model_id}/vocab", ("model_id",)),
    "predict": ("POST", "/api/predict", ()),
    "overview": ("POST", "/api/detail/overview", ()),
    "attentionHead": ("POST", "/api/detail/attention_head", ()),
    "attentionGrid": ("POST", "/api/detail/attention_grid", ()),
    "linearAttentionHead": ("POST", "/api/detail/linear_attention_head", ()),
    "embedding": ("POST", "/api/detail/embedding", ()),
    "mlp": ("POST", "/api/detail/mlp", ()),
    "routing": ("POST", "/api/detail/routing", ()),
    "perLayerInput": ("POST", "/api/detail/per_layer_input", ()),
    "logitLens": ("POST", "/api/detail/logit_lens", ()),
    "tokenAcrossLayers": ("POST", "/api/detail/token", ()),
    "trainingInfo": ("GET", "/api/training/{model}/info", ("model",)),
    "trainingHistory": ("GET", "/api/training/{model}/history", ("model",)),
    "trainStep": ("POST", "/api/training/step", ()),
    "initVsTrained": ("POST", "/api/training/init_vs_trained", ()),
    "checkpointReplay": ("GET", "/api/training/{model}/checkpoints", ("model",)),
    "compareCheckpoints": ("POST", "/api/training/checkpoints/compare", ()),
    "compareModels": ("POST", "/api/compare", ()),
    "startLive": ("POST", "/api/training/live/start", ()),
    "liveStatus": ("GET", "/api/training/live/{run_id}", ("run_id",)),
    "stopLive": ("POST", "/api/training/live/{run_id}/stop", ("run_id",)),
    "resumeLive": ("POST", "/api/training/live/{run_id}/resume", ("run_id",)),
    "attribute": ("POST", "/api/why/attribute", ()),
    "attributionMatrix": ("POST", "/api/why/attribution_matrix", ()),
    "dla": ("POST", "/api/why/dla", ()),
    "ablate": ("POST", "/api/why/ablate", ()),
    "patch": ("POST", "/api/why/patch", ()),
    "patchCell": ("POST", "/api/why/patch_cell", ()),
    "scoreText": ("POST", "/api/why/score", ()),
    "tokenizerCatalogue": ("GET", "/api/tokenizers", ()),
    "parallelSet": ("GET", "/api/tokenizers/parallel", ()),
    "tokenizeText": ("POST", "/api/tokenizers/tokenize", ()),
    "tokenTax": ("POST", "/api/tokenizers/tax", ()),
    "bpeMerges": ("POST", "/api/tokenizers/merges", ()),
    "renderChat": ("POST", "/api/tokenizers/chat", ()),
    "circuitsInfo": ("GET", "/api/circuits/{model}/info", ("model",)),
    "circuitsStart": ("POST", "/api/circuits/jobs", ()),
    "circuitsJob": ("GET", "/api/circuits/jobs/{job_id}", ("job_id",)),
    "circuitsGraph": ("GET", "/api/circuits/jobs/{job_id}/graph", ("job_id",)),
    "circuitsFeature": ("GET", "/api/circuits/feature/{model}/{layer}/{feature}", ("model", "layer", "feature")),
    "circuitsIntervene": ("POST", "/api/circuits/intervene", ()),
    "traces": ("GET", "/api/traces", ()),
    "trace": ("GET", "/api/traces/{name}", ("name",)),
}
METHODS = frozenset(_ROUTES)


def _error(code: str, message: str) -> dict[str, Any]:
    """The server's error body (``glassbox.schema.errors.ErrorResponse``), for what fails before any route."""
    return {"error": {"code": code, "message": message}}


def _call_asgi(app: FastAPI, verb: str, path: str, body: bytes | None) -> tuple[int, bytes]:
    """One request through the ASGI app, in-process: (status, body). Run in a thread of its own, since a notebook
    kernel's own event loop is already running where the comm's handler is called."""

    async def run() -> tuple[int, bytes]:
        headers = [(b"host", b"127.0.0.1"), (b"accept", b"application/json")]
        if body is not None:
            headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": verb,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 0),
            "server": ("127.0.0.1", 80),
        }
        sent = False
        status = 500
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body or b"", "more_body": False}
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await app(scope, receive, send)
        return status, b"".join(chunks)

    return asyncio.run(run())


class KernelBridge:
    """Answers the widget's requests from this session's models, through the server's routes in-process."""

    def __init__(self, models: list[LoadedModel], limits: Limits | None = None) -> None:
        self.app = create_app_for(Registry(models), limits or Limits())
        # one worker: requests are answered in order, as one page's requests are by the server
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="glassbox-widget")

    def handle(self, message: Any) -> dict[str, Any]:
        """One request ``{id, method, args}`` → its answer ``{id, ok, payload}`` or ``{id, ok: false, error}``."""
        if not isinstance(message, dict):
            return {"id": None, "ok": False, "error": _error("invalid_input", "a request must be an object")}
        rid = message.get("id")
        method = message.get("method")
        args = message.get("args", [])
        if not isinstance(method, str) or method not in _ROUTES:
            return {"id": rid, "ok": False, "error": _error("invalid_input", f"unknown method {method!r}")}
        if not isinstance(args, list):
            return {"id": rid, "ok": False, "error": _error("invalid_input", "args must be a list")}
        verb, template, names = _ROUTES[method]
        if len(args) < len(names):
            return {"id": rid, "ok": False, "error": _error("invalid_input", f"{method} takes {len(names)} args")}
        # path values are quoted, so a name can never reach another route (or a file path)
        path = template.format(**{n: quote(str(a), safe="") for n, a in zip(names, args, strict=False)})
        body: bytes | None = None
        if verb == "POST":
            rest = args[len(names) :]
            body = json.dumps(rest[0] if rest else {}).encode()
        status, raw = self._pool.submit(_call_asgi, self.app, verb, path, body).result()
        try:
            answer = json.loads(raw) if raw else None
        except ValueError:
            return {"id": rid, "ok": False, "error": _error("internal", f"the route answered {status}, not JSON")}
        if 200 <= status < 300:
            return {"id": rid, "ok": True, "payload": answer}
        if not (isinstance(answer, dict) and isinstance(answer.get("error"), dict)):
            answer = _error("internal", f"the route answered {status}")
        return {"id": rid, "ok": False, "error": answer, "status": status}


def widget_bundle() -> tuple[str, str]:
    """The built widget's (JavaScript, CSS), read from the package; a clear error when ``make web`` has not run."""
    folder = files("glassbox") / "_widget"
    js = folder / WIDGET_JS
    if not js.is_file():
        raise FileNotFoundError(BUILD_HINT)
    css = folder / WIDGET_CSS
    return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8") if css.is_file() else ""


def _widget_class() -> type[Any]:
    try:
        import anywidget
        import traitlets
    except ImportError:
        from glassbox.errors import InvalidInputError

        raise InvalidInputError(
            "glassbox.widget needs anywidget: pip install 'glassbox[notebook]' (or pip install anywidget)"
        ) from None

    js, css = widget_bundle()

    class GlassboxWidget(anywidget.AnyWidget):
        """The glassbox app in a notebook cell. ``query`` is the app's state as a link's query string (view, prompt,
        settings, selection): glassbox.widget's arguments open it, and the page writes every change back here (never
        into the notebook's own URL), so each widget keeps its own state and Python reads what the reader sees."""

        _esm = js
        _css = css
        query = traitlets.Unicode("").tag(sync=True)
        height = traitlets.Int(720).tag(sync=True)

    return GlassboxWidget


_CLASS: type[Any] | None = None
_LOCK = threading.Lock()


def widget(model: LoadedModel | None = None, *, prompt: str = "", view: str = "next", **state: str) -> Any:
    """The glassbox app as a notebook widget on ``model`` (default: the embedded model), opened on ``prompt`` in
    ``view``; extra keyword arguments are further URL state (e.g. ``layer="2"``). Works offline: the JavaScript
    is the package's own bundle."""
    global _CLASS
    if model is None:
        from glassbox.models.loading import load_model

        model = load_model()
    with _LOCK:
        if _CLASS is None:
            _CLASS = _widget_class()
    bridge = KernelBridge([model])
    params = {"view": view, **({"prompt": prompt} if prompt else {}), **state}
    query = "&".join(f"{quote(k)}={quote(str(v))}" for k, v in params.items())
    w = _CLASS(query=query)
    w._glassbox_bridge = bridge  # kept alive with the widget

    def on_msg(_widget: Any, content: Any, _buffers: Any) -> None:
        w.send(bridge.handle(content))

    w.on_msg(on_msg)
    return w


def show(obj: Trace | Generation | Any, model: LoadedModel | None = None) -> Any:
    """A widget opened on ``obj``: a :class:`~glassbox.tracing.Trace` (its model and prompt, in the detailed view),
    a :class:`~glassbox.schema.models.Generation` (its prompt and its tokens, stepped to its end, in the Next token
    view; pass the ``model`` it came from unless it is the embedded one) or a prompt trace
    (``glassbox.load_prompt_trace``: its prompt)."""
    from glassbox.schema.models import Generation
    from glassbox.tracing import Trace

    if isinstance(obj, Trace):
        return widget(obj.model, prompt=obj.prompt or "", view="detail")
    if isinstance(obj, Generation):
        # the app replays a generation from its link: the prompt, then each token by id (`f`: forced by hand)
        gen = ".".join(f"{s.token.id}{'f' if s.forced else ''}" for s in obj.steps)
        return widget(model, prompt=obj.prompt, view="next", **({"gen": gen} if gen else {}))
    prompt = getattr(obj, "prompt", None)
    if isinstance(prompt, str):
        return widget(model, prompt=prompt, view="next")
    raise TypeError(f"glassbox.show takes a Trace, a Generation or a prompt trace, not {type(obj).__name__}")
