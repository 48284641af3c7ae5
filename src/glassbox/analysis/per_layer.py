"""The per-layer input panel's slice of a trace (Gemma 4): everything is read from the trace's hooks
(:mod:`glassbox.capture.per_layer`); the only arithmetic is the norms per position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glassbox.capture.names import act_name
from glassbox.errors import InvalidInputError
from glassbox.schema.models import tensor_payload
from glassbox.schema.per_layer import PerLayerInput

if TYPE_CHECKING:
    from glassbox.tracing import Trace


def per_layer_input(trace: Trace, layer: int, pos: int) -> PerLayerInput:
    """Layer ``layer``'s per-layer input at ``pos``, its gate, and the size of what the step adds at every position."""
    a = trace.model.adapter
    info = trace.model.info
    if not a.d_ple:
        raise InvalidInputError(f"model {info.name!r} has no per-layer inputs (Gemma 4's per-layer embeddings)")
    if not 0 <= layer < info.n_layers:
        raise InvalidInputError(f"layer {layer} does not exist (0..{info.n_layers - 1})")
    if not 0 <= pos < trace.n_pos:
        raise InvalidInputError(f"position {pos} does not exist (0..{trace.n_pos - 1})")

    def at(hook: str) -> object:
        return tensor_payload(trace[act_name(hook, layer)][pos], ["d_ple"])

    scalar = a.layer_scalar(layer)
    return PerLayerInput(
        layer=layer,
        pos=pos,
        d_ple=a.d_ple,
        token_part=at("ple_token"),
        context_part=at("ple_context"),
        input=at("ple_input"),
        gate=at("ple_gate"),
        gated=at("ple_gated"),
        out_norm=trace[act_name("ple_out", layer)].float().norm(dim=-1).tolist(),
        mlp_out_norm=trace[act_name("mlp_out", layer)].float().norm(dim=-1).tolist(),
        layer_scalar=1.0 if scalar is None else float(scalar.float().item()),
        kv_source=a.kv_source(layer),
    )
