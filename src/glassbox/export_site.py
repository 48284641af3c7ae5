"""``glassbox export``: a static, read-only copy of the web app for a list of prompts, with no server.

The site opens from any static host and from ``file://`` with no network, where Chromium refuses ES modules and
``fetch``: so the app is one classic script (``glassbox-export.js``, built by ``make web`` into
``glassbox/_export``) and every data file is a script that registers its payload,
``window.__glassbox_data__["<key>"] = {...}``, which the page loads on demand by adding a ``<script>`` tag
(``web/src/lib/data/static.ts``). ``data/manifest.js`` (a :class:`StaticManifest`) lists the prompts;
``data/vocab.js`` is the model's vocabulary; ``data/<key>.js`` each prompt's :class:`PromptTrace`;
``data/<key>-why.js`` and ``data/<key>-circuits.js`` its Why and Circuits views (:mod:`glassbox.export_views`), unless
left out (``why=False``, ``circuits=False``; the Circuits file only for a model with its own transcoders).
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox import __version__
from glassbox.errors import NotFoundError
from glassbox.export_views import circuits_export, export_transcoders, why_export
from glassbox.models.tokens import token_infos
from glassbox.schema.api import Limits, ModelList, Vocab
from glassbox.schema.base import Payload
from glassbox.schema.models import SamplingSettings
from glassbox.schema.traces import ExportedPrompt, StaticManifest
from glassbox.traces import model_card, prompts_with_places, trace_prompt

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

__all__ = ["BUNDLE_DIR", "ExportReport", "export_site", "script_of"]

BUNDLE_DIR = Path(__file__).parent / "_export"
"""Where ``make web`` puts the classic-script build of the app (``glassbox-export.js`` and its CSS)."""

BUNDLE_FILES = ("glassbox-export.js", "glassbox-export.css")

GLOBAL = "__glassbox_data__"
"""The window property every data file registers its payload under (the page reads it, ``static.ts``)."""


def script_of(key: str, payload: Payload) -> str:
    """A data file: a classic script that registers ``payload`` under ``key`` (JSON is a JavaScript literal)."""
    body = payload.model_dump_json()
    return f"window.{GLOBAL}=window.{GLOBAL}||{{}};window.{GLOBAL}[{json.dumps(key)}]={body};\n"


def _index_html(model_id: str) -> str:
    title = html.escape(f"glassbox — {model_id} (static export)")
    return f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="generator" content="glassbox {html.escape(__version__)} export" />
    <title>{title}</title>
    <link rel="stylesheet" href="glassbox-export.css" />
  </head>
  <body>
    <div id="export-bar"></div>
    <div id="app"></div>
    <script src="data/manifest.js"></script>
    <script src="glassbox-export.js"></script>
  </body>
</html>
"""


class ExportReport:
    """What an export wrote: the folder, each prompt's data file size and the total."""

    def __init__(self, out: Path, manifest: StaticManifest) -> None:
        self.out = out
        self.manifest = manifest

    @property
    def total_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.out.rglob("*") if p.is_file())


def export_site(
    model: LoadedModel,
    prompts: Sequence[str] | Path | str,
    out: Path | str,
    *,
    max_new_tokens: int = 16,
    settings: SamplingSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
    why: bool = True,
    circuits: bool = True,
) -> ExportReport:
    """Write the static site for ``prompts`` (a list, or a file with one per line) into ``out``.

    ``why``, ``circuits``: also precompute the Why view and (for a model with its own transcoders) the Circuits
    view of every prompt. ``progress(done, total)`` counts stages: a prompt's trace, its Why file, its graph.

    Raises :class:`~glassbox.errors.NotFoundError` when this glassbox was installed without the export bundle.
    """
    missing = [name for name in BUNDLE_FILES if not (BUNDLE_DIR / name).is_file()]
    if missing:
        raise NotFoundError(
            f"this glassbox has no export bundle ({', '.join(missing)} missing in {BUNDLE_DIR}): build it with make web"
        )
    lines = prompts_with_places(prompts)
    out = Path(out)
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in BUNDLE_FILES:
        shutil.copyfile(BUNDLE_DIR / name, out / name)
    card = model_card(model)
    infos = token_infos(model.tokenizer, list(range(model.info.d_vocab)))
    vocab = Vocab(model=card.id, texts=[i.text for i in infos], special_ids=[i.id for i in infos if i.is_special])
    (data / "vocab.js").write_text(script_of("vocab", vocab), encoding="utf-8")
    transcoders = export_transcoders(model) if circuits else None
    per_prompt = 1 + int(why) + int(transcoders is not None)
    done = 0

    def stage() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(lines) * per_prompt)

    exported: list[ExportedPrompt] = []
    for i, (where, prompt) in enumerate(lines):
        trace = trace_prompt(model, prompt, max_new_tokens=max_new_tokens, settings=settings, where=where)
        key = f"p{i + 1:04d}"
        path = data / f"{key}.js"
        path.write_text(script_of(key, trace), encoding="utf-8")
        stage()
        why_key = circuits_key = None
        if why:
            why_key = f"{key}-why"
            (data / f"{why_key}.js").write_text(script_of(why_key, why_export(model, trace, card.id)), encoding="utf-8")
            stage()
        if transcoders is not None:
            circuits_key = f"{key}-circuits"
            payload = circuits_export(model, prompt, card.id, transcoders)
            (data / f"{circuits_key}.js").write_text(script_of(circuits_key, payload), encoding="utf-8")
            stage()
        exported.append(
            ExportedPrompt(
                key=key,
                prompt=prompt,
                n_tokens=len(trace.tokens),
                n_generated=len(trace.steps),
                bytes=path.stat().st_size,
                why=why_key,
                circuits=circuits_key,
            )
        )
    # the page's limits: no prompt longer than the model's context, no generation past what was exported
    limits = Limits(
        max_prompt_tokens=model.info.n_ctx,
        max_new_tokens=max(1, max(p.n_generated for p in exported)),
    )
    manifest = StaticManifest(
        glassbox_version=__version__,
        models=ModelList(models=[card], default_model=card.id, limits=limits),
        prompts=exported,
    )
    (data / "manifest.js").write_text(script_of("manifest", manifest), encoding="utf-8")
    (out / "index.html").write_text(_index_html(card.id), encoding="utf-8")
    return ExportReport(out, manifest)
