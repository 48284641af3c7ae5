"""What the traced forward pass records for per-layer inputs and layer scalars (Gemma 4's text path).

Names (``capture/names.py`` holds their dims; ``d_ple`` is ``hidden_size_per_layer_input``):

- ``blocks.{l}.hook_ple_token`` [pos, d_ple] — the token part of layer l's per-layer input: a lookup of each token
  in the per-layer embedding table (× √d_ple);
- ``blocks.{l}.hook_ple_context`` [pos, d_ple] — the context part: the token embedding projected, scaled by
  1/√d_model and RMS-normed, layer l's slice;
- ``blocks.{l}.hook_ple_input`` [pos, d_ple] — what layer l receives: ``(context + token) / √2``;
- ``blocks.{l}.hook_ple_gate`` [pos, d_ple] — the gate, ``gelu(W_gate · resid)`` of the residual after the MLP;
- ``blocks.{l}.hook_ple_gated`` [pos, d_ple] — what the gate lets through, ``gate × input``;
- ``blocks.{l}.ple_post.hook_scale`` [pos] — 1/σ of the norm on the projected result;
- ``blocks.{l}.hook_ple_out`` [pos, d_model] — what is added to the residual;
- ``blocks.{l}.hook_layer_scalar`` [] — the number the whole residual leaving layer l is multiplied by, so
  ``hook_resid_post = (hook_resid_mid + hook_mlp_out + hook_ple_out) × hook_layer_scalar``.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from glassbox.capture.names import act_name
from glassbox.models.adapters.base import Adapter, PerLayerInputs

Put = Callable[[str, torch.Tensor], None]


def put_per_layer_inputs(put: Put, inputs: PerLayerInputs | None) -> None:
    """Record every layer's per-layer input and its two parts (nothing for a model without them)."""
    if inputs is None:
        return
    for layer in range(inputs.combined.shape[1]):
        put(act_name("ple_token", layer), inputs.token[:, layer])
        put(act_name("ple_context", layer), inputs.context[:, layer])
        put(act_name("ple_input", layer), inputs.combined[:, layer])


def per_layer_and_scalar(
    a: Adapter, layer: int, resid: torch.Tensor, inputs: torch.Tensor | None, put: Put | None = None
) -> torch.Tensor:
    """The residual [pos, d_model] leaving ``layer``: plus what its per-layer input adds (``inputs``: every layer's,
    [pos, layer, d_ple]; None: none), times its layer scalar (if any)."""
    if inputs is not None:
        step = a.per_layer_step(layer, resid, inputs[:, layer])
        if put is not None:
            put(act_name("ple_gate", layer), step.gate)
            put(act_name("ple_gated", layer), step.gated)
            put(act_name("scale", layer, "ple_post"), step.scale)
            put(act_name("ple_out", layer), step.out)
        resid = resid + step.out
    scalar = a.layer_scalar(layer)
    if scalar is not None:
        if put is not None:
            put(act_name("layer_scalar", layer), scalar.reshape(()))
        resid = resid * scalar
    return resid
