"""The one strict base of every wire shape, and the closed vocabularies every payload shares.

Every payload that crosses a process or file boundary (HTTP, a file glassbox writes, a server-sent event)
is a pydantic model derived from :class:`Strict` (no unknown keys); a top-level payload derives from
:class:`Payload` and adds its own ``kind`` literal; a request body derives from :class:`Request`, which also
refuses ``inf`` and ``NaN`` anywhere in it. Dimension names are the closed :data:`Dim` type, so a
typo in a tensor's ``dims`` fails validation instead of reaching the browser.
"""

from __future__ import annotations

import math
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, model_validator

SCHEMA_VERSION = "2.0"
"""Version of every wire shape. 2.0: structured labels (``{layer, part}``), one error vocabulary, the
training models' dimension names (``n_layers``, ``d_model``, ``n_ctx``)."""

Dim = Literal[
    "pos",
    "query_pos",
    "key_pos",
    "head",
    "kv_head",
    "d_head",
    "d_model",
    "d_mlp",
    "d_vocab",
    "layer",
    "pair",
    "expert",
    "top_k",
    "d_ple",
]
"""Names of tensor axes (TransformerLens's vocabulary; ``expert``/``top_k``: a mixture of experts' experts and
those chosen per token; ``pair`` = a RoPE frequency pair; ``d_ple``: the size of a Gemma 4 per-layer input)."""


class Strict(BaseModel):
    """Base of every wire shape: unknown keys are an error, in both directions."""

    model_config = ConfigDict(extra="forbid")


class Request(Strict):
    """Base of every request body: like :class:`Strict`, and every float in it must be finite.

    Python's ``json`` reads ``Infinity`` and ``NaN``, which no JSON response can carry back (they would be
    echoed as ``null``) and which no computation should see. ``allow_inf_nan=False`` refuses them in the
    request's own fields; the check after validation also covers the shared models nested in a request
    (e.g. ``SamplingSettings``). Types are strict too: no bool for an int, no string for a number.
    """

    # strict: a JSON `true` is not the token id 1 and "5" is not the number 5 — what the schema says is what is read
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)

    @model_validator(mode="after")
    def _finite_everywhere(self) -> Self:
        bad = non_finite_fields(self)
        if bad:
            raise ValueError(f"{', '.join(bad)}: must be a finite number (not inf or NaN)")
        return self


def non_finite_fields(value: object, path: str = "") -> list[str]:
    """Dotted paths of every ``inf``/``NaN`` float in a model (nested models, lists and dicts included)."""
    if isinstance(value, float):
        return [] if math.isfinite(value) else [path or "value"]
    if isinstance(value, BaseModel):
        items: list[tuple[str, object]] = [(name, getattr(value, name)) for name in type(value).model_fields]
    elif isinstance(value, dict):
        items = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, list | tuple):
        items = [(str(i), v) for i, v in enumerate(value)]
    else:
        return []
    return [bad for name, v in items for bad in non_finite_fields(v, f"{path}.{name}" if path else name)]


class Payload(Strict):
    """A top-level payload: carries the schema version it was written with (each subclass adds ``kind``)."""

    schema_version: str = SCHEMA_VERSION


SitePart = Literal[
    "embed", "pos_embed", "attn", "mlp", "attn_mlp", "block", "ln1", "ln2", "ln_final", "unembed", "ple"
]  # fmt: skip
"""Where in the model: the embeddings, a block's attention or MLP sublayer (``attn_mlp``: the two in parallel, as in
Cohere's blocks), a whole block, one of its norms, the final norm, the unembedding, or (``ple``) a Gemma 4 block's
per-layer input step after its MLP (with the layer scalar that follows it)."""


class Site(Strict):
    """A place in the model as structure, never a label to parse: ``{layer: 3, part: "attn"}``."""

    layer: int | None = None  # None = outside the blocks (embeddings, final norm, unembedding)
    part: SitePart

    def label(self) -> str:
        """The site in English for a terminal or a log line ('L3 attn', 'block 3', 'ln_final'); the browser
        words it itself, in the reader's language."""
        if self.layer is None:
            return self.part
        if self.part == "block":
            return f"block {self.layer}"
        if self.part in ("ln1", "ln2"):
            return f"blocks.{self.layer}.{self.part}"
        return f"L{self.layer} {'attn+mlp' if self.part == 'attn_mlp' else self.part}"
