"""Property-based fuzzing of every route of the real app, generated from the OpenAPI document it serves.

schemathesis reads the app's ``/openapi.json`` and, for each operation, lets hypothesis make requests that
fit the documented parameters and bodies (and requests that deliberately do not). Each one goes through the
ASGI app in this process (no network) on the embedded model, and the answer must be

- never a 5xx (a crash is a bug, whatever the input),
- a status code the operation documents, with the documented content type,
- a body that validates against the documented response schema (errors included: ``ErrorResponse``),
- a 4xx for a request that breaks the documented schema.

Bounded for ``make test`` (a few examples per route, about a minute in all); ``GLASSBOX_FUZZ_EXAMPLES=500``
runs a long search.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

import glassbox
from glassbox.schema.api import Limits
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry

LONG_RUN = os.environ.get("GLASSBOX_FUZZ_EXAMPLES")
EXAMPLES = int(LONG_RUN or "40")
MODEL = "glassbox-tiny"
OPENAPI_JSON = Path(__file__).resolve().parents[2] / "schema" / "openapi.json"
VERBS = {"get", "post", "put", "patch", "delete"}
HEADERS = {"Host": "localhost"}  # a loopback Host, as a browser on the serving machine sends

load_all_checks()
CHECKED = CHECKS.get_by_names(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "negative_data_rejection",
    ]
)
"""What every answer must satisfy. Left out: ``positive_data_acceptance`` (a schema-valid request must get a 2xx),
since the server rightly refuses some schema-valid requests with a documented 4xx and an ``ErrorResponse``
body that the checks above do verify: a prompt over ``--max-prompt-tokens``, a top-k over the limit, a live
run from ``text`` without a text. Those limits are the operator's, so the schema does not state them."""


@pytest.fixture(scope="module")
def app() -> Iterator[FastAPI]:
    model = glassbox.load_model(MODEL, device="cpu")
    # the limits a classroom server would run with: small enough that the fuzzer reaches them
    application = create_app_for(Registry([model]), Limits(max_prompt_tokens=64, max_new_tokens=16, max_top_k=50))
    yield application
    _stop_live_runs(application)
    application.state.circuits.cancel_all()  # fuzzed graph jobs would otherwise run on after the module


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    assert app.openapi_url, "the app serves no OpenAPI document"
    return schemathesis.openapi.from_asgi(app.openapi_url, app, headers=HEADERS)


def documented_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation in the committed OpenAPI document, read without loading a model.

    The test then fuzzes that operation as the *running* app documents it (a stale committed file is caught
    by ``python -m glassbox.server.openapi --check``, and here by a missing operation).
    """
    document = json.loads(OPENAPI_JSON.read_text(encoding="utf-8"))
    return [(method.upper(), path) for path, item in document["paths"].items() for method in item if method in VERBS]


def test_the_fuzzer_reaches_the_routes(api_schema: Any) -> None:
    """A request made the fuzzer's way gets through: otherwise (a guard refusing the fuzzer's Host, a broken
    app) every fuzzed request would get a documented 4xx and the fuzz below would pass without testing much."""
    case = api_schema["/api/predict"]["POST"].Case(body={"model": MODEL, "prompt": "Hello"})
    response = case.call(headers=HEADERS)
    assert response.status_code == 200, response.text[:500]


@pytest.mark.parametrize(("method", "path"), documented_operations(), ids=lambda x: str(x))
def test_every_route_answers_within_its_documented_schema(api_schema: Any, method: str, path: str) -> None:
    operation = api_schema[path][method]
    # valid requests, and requests that break the documented schema on purpose (they must get a 4xx). A random
    # model name only ever reaches the 404 of an unknown model, so half the valid cases name the served one and
    # their prompts, token ids and settings get through to the forward pass; an invalid case is left alone
    # (its broken part may be the model name itself).
    valid = st.tuples(operation.as_strategy(GenerationMode.POSITIVE), st.booleans())
    cases = valid.map(lambda pair: name_the_served_model(*pair)) | operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,  # a forward pass on a shared CPU has no fixed time
        suppress_health_check=list(HealthCheck),  # the model fixture and slow routes are not the app's fault
        print_blob=True,  # a failure prints the @reproduce_failure line that replays it exactly
        database=None,  # no examples saved in the working tree
        derandomize=LONG_RUN is None,  # `make test` tries the same examples every time; a long run explores
    )
    def fuzz(case: Any) -> None:
        case.call_and_validate(checks=CHECKED, headers=HEADERS)

    fuzz()


def name_the_served_model(case: Any, served: bool) -> Any:
    """``case`` with the served model's name in its body and path when ``served``, else as generated."""
    if served:
        if isinstance(case.body, dict) and "model" in case.body:
            case.body["model"] = MODEL
        for key in ("model", "model_id"):
            if case.path_parameters and key in case.path_parameters:
                case.path_parameters[key] = MODEL
    return case


def _stop_live_runs(app: FastAPI) -> None:
    """A fuzzed ``/live/start`` may have started a real training run in a thread: stop it with the test."""
    manager = getattr(app.state, "live_manager", None)
    if manager is None:
        return
    for run in list(manager.active()):
        run.stop("stopped")
        run.join(10)
