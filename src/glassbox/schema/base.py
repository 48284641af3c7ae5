"""The one strict base of every wire shape, and the closed vocabularies every payload shares.

Every payload that crosses a process or file boundary (HTTP, a file glassbox writes, a server-sent event)
is a pydantic model derived from :class:`Strict` (no unknown keys); a top-level payload derives from
:class:`Payload` and adds its own ``kind`` literal. Dimension names are the closed :data:`Dim` type, so a
typo in a tensor's ``dims`` fails validation instead of reaching the browser.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

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
]
"""Names of tensor axes (TransformerLens's vocabulary; ``pair`` = a RoPE frequency pair)."""


class Strict(BaseModel):
    """Base of every wire shape: unknown keys are an error, in both directions."""

    model_config = ConfigDict(extra="forbid")


class Payload(Strict):
    """A top-level payload: carries the schema version it was written with (each subclass adds ``kind``)."""

    schema_version: str = SCHEMA_VERSION


SitePart = Literal["embed", "pos_embed", "attn", "mlp", "attn_mlp", "block", "ln1", "ln2", "ln_final", "unembed"]
"""Where in the model: the embeddings, a block's attention or MLP sublayer (``attn_mlp``: the two in parallel, as in
Cohere's blocks), a whole block, one of its norms, the final norm, or the unembedding."""


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
