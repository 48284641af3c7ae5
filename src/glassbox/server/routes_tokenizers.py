"""Routes of the tokenizer lab: the catalogue, tokenizing with several tokenizers, the token tax, BPE merges of one
word, chat templates.

``GET /api/tokenizers`` · ``GET /api/tokenizers/parallel`` · ``POST /api/tokenizers/{tokenize,tax,merges,chat}``,
and the catalogue's files as static files beside the page, ``GET /tokenizers/<name>.json.gz`` (``files_router``),
which the page reads to tokenize in the browser (a static copy of the app serves the same files the same way).
A page names a tokenizer by a catalogue name or a served model's id, never by a path: local folders and Hub cache
names are for the CLI and Python, which run as the person who owns those files. A catalogue name wins over a served
model of the same id, which is then named ``model:<id>`` (``model:<id>`` names any served model).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from fastapi import APIRouter
from fastapi.responses import FileResponse

from glassbox.errors import ModelNotFoundError, NotFoundError
from glassbox.schema.tokenizers import (
    ChatRendering,
    ChatRequest,
    Comparison,
    MergesRequest,
    MergeTrace,
    ParallelSet,
    TaxRequest,
    TokenizerCatalogue,
    TokenizeRequest,
    TokenTax,
)
from glassbox.server.registry import Registry
from glassbox.server.routes import ERRORS, RegistryDep
from glassbox.tokenizers import (
    CATALOGUE_NAMES,
    LabTokenizer,
    catalogue_entries,
    catalogue_size,
    compare,
    from_hf,
    load_tokenizer,
    parallel_set,
    token_tax,
)
from glassbox.tokenizers.catalogue import CATALOGUE_DIR
from glassbox.tokenizers.chat import render_chat
from glassbox.tokenizers.merges import merge_trace

router = APIRouter(prefix="/api/tokenizers", responses=ERRORS, tags=["tokenizers"])
files_router = APIRouter(include_in_schema=False)

T = TypeVar("T")


def served_name(model_id: str) -> str:
    """The lab's name of a served model's tokenizer: its id, or ``model:<id>`` when a catalogue name has it."""
    return f"model:{model_id}" if model_id in CATALOGUE_NAMES else model_id


@contextmanager
def _resolved(registry: Registry, names: list[str]) -> Iterator[list[LabTokenizer]]:
    """The named tokenizers; a served model's is used under its model's lock (its tokenizer is shared)."""
    served = {served_name(i): i for i in registry.ids} | {f"model:{i}": i for i in registry.ids}
    with ExitStack() as stack:
        out: list[LabTokenizer] = []
        for name in names:
            if name in CATALOGUE_NAMES:
                out.append(load_tokenizer(name))
            elif name in served:
                entry = registry.get(served[name])
                stack.enter_context(entry.model.lock)
                out.append(from_hf(name, entry.model.tokenizer, source=f"served model {served[name]}"))
            else:
                raise NotFoundError(
                    f"no tokenizer called {name!r} here: choose one of {', '.join(CATALOGUE_NAMES)} "
                    f"or a served model ({', '.join(sorted(map(served_name, registry.ids)))})"
                )
        yield out


def _with(registry: Registry, names: list[str], fn: Callable[[list[LabTokenizer]], T]) -> T:
    # a served model and a catalogue name may both appear; each served model's lock is taken once
    unique = list(dict.fromkeys(names))
    with _resolved(registry, unique) as toks:
        return fn(toks)


@router.get("", summary="the tokenizers this server offers: the built catalogue and the served models")
def catalogue(registry: RegistryDep) -> TokenizerCatalogue:
    entries = catalogue_entries()
    for model_id in registry.ids:
        entry = registry.get(model_id)
        with entry.model.lock:
            lab = from_hf(served_name(model_id), entry.model.tokenizer, source=f"served model {model_id}")
            entries.append(lab.entry())
    return TokenizerCatalogue(tokenizers=entries, total_gzip_bytes=catalogue_size())


@router.get("/parallel", summary="glassbox's own parallel text: the same sentences in 13 languages")
def parallel() -> ParallelSet:
    return parallel_set()


@router.post("/tokenize", summary="one text through several tokenizers, side by side")
def tokenize(req: TokenizeRequest, registry: RegistryDep) -> Comparison:
    return _with(registry, req.tokenizers, lambda toks: compare(req.text, toks))


@router.post("/tax", summary="the token tax: tokens of each language's version of a text, per tokenizer")
def tax(req: TaxRequest, registry: RegistryDep) -> TokenTax:
    return _with(registry, req.tokenizers, lambda toks: token_tax(toks, req.texts, reference_lang=req.reference_lang))


@router.post("/merges", summary="the BPE merges of one word, step by step, with their ranks")
def merges(req: MergesRequest, registry: RegistryDep) -> MergeTrace:
    return _with(registry, [req.tokenizer], lambda toks: merge_trace(toks[0], req.word))


@router.post("/chat", summary="a conversation through a tokenizer's chat template: the exact text and tokens")
def chat(req: ChatRequest, registry: RegistryDep) -> ChatRendering:
    return _with(
        registry,
        [req.tokenizer],
        lambda toks: render_chat(toks[0], req.messages, add_generation_prompt=req.add_generation_prompt),
    )


@files_router.get("/tokenizers/{file_name}")
def catalogue_file(file_name: str) -> FileResponse:
    """One catalogue file, gzip bytes as built, for the page's own tokenizer (``web/src/lib/tokenizers/browser.ts``).

    Sent as ``application/gzip`` with ``Content-Encoding: identity`` so the gzip middleware leaves the already
    compressed bytes alone; the page decompresses them itself, as it must from any static server.
    """
    name = file_name.removesuffix(".json.gz")
    if not file_name.endswith(".json.gz") or name not in CATALOGUE_NAMES:
        raise NotFoundError(
            f"no catalogue file {file_name!r}: the files are <name>.json.gz for {', '.join(CATALOGUE_NAMES)}"
        )
    path = CATALOGUE_DIR / file_name
    if not path.is_file():
        raise ModelNotFoundError(f"{path} is missing: build the catalogue with `make tokenizers`")
    return FileResponse(
        path,
        media_type="application/gzip",
        headers={"Content-Encoding": "identity", "Cache-Control": "public, max-age=86400"},
    )
