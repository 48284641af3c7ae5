"""Canonical activation names (TransformerLens's vocabulary), built in one place.

=====================================  ==========================================  =======================
name                                   what                                        dims
=====================================  ==========================================  =======================
``hook_embed``                         token embeddings                            pos, d_model
``hook_pos_embed``                     learned position embeddings (GPT-2 only)    pos, d_model
``blocks.{l}.hook_resid_pre``          residual stream entering block l            pos, d_model
``blocks.{l}.ln1.hook_scale``          1/σ of the first norm, per position         pos
``blocks.{l}.ln1.hook_normalized``     the first norm's output                     pos, d_model
``blocks.{l}.attn.hook_q``             queries (after q-norm and RoPE)             pos, head, d_head
``blocks.{l}.attn.hook_k``             keys (after k-norm and RoPE)                pos, kv_head, d_head
``blocks.{l}.attn.hook_v``             values                                      pos, kv_head, d_head
``blocks.{l}.attn.hook_attn_scores``   q·kᵀ × scale, masked positions = -inf       head, query_pos, key_pos
``blocks.{l}.attn.hook_pattern``       softmax of the scores                       head, query_pos, key_pos
``blocks.{l}.attn.hook_z``             pattern · v                                 pos, head, d_head
``blocks.{l}.attn.hook_result``        what each head writes to the residual       pos, head, d_model
``blocks.{l}.hook_attn_out``           the attention sublayer's total output       pos, d_model
``blocks.{l}.hook_resid_mid``          residual between attention and MLP          pos, d_model
``blocks.{l}.ln2.hook_scale``          1/σ of the second norm                      pos
``blocks.{l}.ln1_post.hook_scale``     1/σ of the norm on attention's output       pos
``blocks.{l}.ln2_post.hook_scale``     1/σ of the norm on the MLP's output         pos
``blocks.{l}.mlp.hook_pre``            MLP pre-activation (the gate if gated)      pos, d_mlp
``blocks.{l}.mlp.hook_pre_linear``     the "up" branch of a gated MLP              pos, d_mlp
``blocks.{l}.mlp.hook_post``           MLP activations read by the output proj.    pos, d_mlp
``blocks.{l}.hook_mlp_out``            the MLP sublayer's output                   pos, d_model
``blocks.{l}.hook_resid_post``         residual stream leaving block l             pos, d_model
``ln_final.hook_scale``                1/σ of the final norm                       pos
``ln_final.hook_normalized``           the final norm's output                     pos, d_model
``logits``                             unembedding output                          pos, d_vocab
=====================================  ==========================================  =======================

Mixtures of experts (``blocks.{l}.mlp.hook_router_*``, ``hook_expert_*``) and attention sinks
(``blocks.{l}.attn.hook_sink``): see :mod:`glassbox.capture.moe`; an MoE layer's ``hook_pre``/``hook_post`` span
all experts' neurons, ``expert · d_expert + index`` (:mod:`glassbox.models.adapters.moe`).

For post-norm blocks (OLMo 2/3, Gemma 2/3's sandwich), ``hook_result``/``hook_attn_out``/``hook_mlp_out`` are
what is *added* to the residual, i.e. after the sublayer's output norm (per head: each head's share of the normed
sum, exact because the norm's 1/σ is one number per position); ``ln1_post``/``ln2_post`` are those output norms
(TransformerLens's names for Gemma 2). ``blocks.{l}.hook_resid_mid`` does not exist for parallel blocks (Cohere,
GPT-NeoX); a parallel block's ``ln2`` (GPT-NeoX) reads the block's input, as ``ln1`` does.

Linear-attention layers (Qwen3.5's gated DeltaNet, ``ModelInfo.layer_kinds``) have no ``hook_attn_scores`` and no
``hook_pattern``. They have ``attn.hook_q``/``hook_k`` [pos, k_head, d_k] (after the causal convolution and the L2
norm), ``hook_v`` [pos, v_head, d_v], ``attn.hook_decay`` α_t and ``attn.hook_beta`` β_t [pos, head],
``attn.hook_state_norm`` ‖S_t‖_F and ``attn.hook_state_change`` ‖S_t − S_{t−1}‖_F [pos, head], ``attn.hook_mixing``
(the exact token-mixing matrix M, o_t = Σ_s M[t, s] v_s) [head, query_pos, key_pos], ``attn.hook_core`` (o_t, before
the gated norm) and ``attn.hook_gate`` (silu(z)); ``hook_z`` is the gated norm's output, what ``out_proj`` reads.
Gated full attention (Qwen3.5): ``attn.hook_gate`` is σ(gate) [pos, head, d_head] and ``hook_z`` is pattern·v × gate.

Per-layer inputs and layer scalars (Gemma 4, ``blocks.{l}.hook_ple_*``, ``ple_post.hook_scale``,
``hook_layer_scalar``): see :mod:`glassbox.capture.per_layer`. There, ``hook_resid_post`` is
``(hook_resid_mid + hook_mlp_out + hook_ple_out) × hook_layer_scalar``. A layer that reuses an earlier layer's keys
and values (Gemma 4's KV sharing, ``Adapter.kv_source``) records those as its own ``hook_k``/``hook_v``.

Soft-capped attention (Gemma 2): ``hook_attn_scores`` is what the softmax reads, ``c·tanh(q·kᵀ × scale / c)``
with the mask applied; the value before the cap is ``q·kᵀ × scale`` of the captured ``hook_q``/``hook_k``.
Soft-capped logits (Gemma): ``logits`` is after the cap, ``c·tanh(unembedded / c)``.
"""

from __future__ import annotations

from glassbox.schema.base import Dim

DIMS: dict[str, list[Dim]] = {
    "hook_embed": ["pos", "d_model"],
    "hook_pos_embed": ["pos", "d_model"],
    "hook_resid_pre": ["pos", "d_model"],
    "hook_resid_mid": ["pos", "d_model"],
    "hook_resid_post": ["pos", "d_model"],
    "hook_attn_out": ["pos", "d_model"],
    "hook_mlp_out": ["pos", "d_model"],
    "hook_scale": ["pos"],
    "hook_normalized": ["pos", "d_model"],
    "hook_q": ["pos", "head", "d_head"],
    "hook_k": ["pos", "kv_head", "d_head"],
    "hook_v": ["pos", "kv_head", "d_head"],
    "hook_attn_scores": ["head", "query_pos", "key_pos"],
    "hook_pattern": ["head", "query_pos", "key_pos"],
    "hook_z": ["pos", "head", "d_head"],
    "hook_result": ["pos", "head", "d_model"],
    "hook_pre": ["pos", "d_mlp"],
    "hook_pre_linear": ["pos", "d_mlp"],
    "hook_post": ["pos", "d_mlp"],
    # linear attention (capture/linear_attention.py) and output gates
    "hook_decay": ["pos", "head"],
    "hook_beta": ["pos", "head"],
    "hook_state_norm": ["pos", "head"],
    "hook_state_change": ["pos", "head"],
    "hook_mixing": ["head", "query_pos", "key_pos"],
    "hook_core": ["pos", "head", "d_head"],
    "hook_gate": ["pos", "head", "d_head"],
    "logits": ["pos", "d_vocab"],
    # per-layer inputs and layer scalars (Gemma 4): capture/per_layer.py
    "hook_ple_token": ["pos", "d_ple"],
    "hook_ple_context": ["pos", "d_ple"],
    "hook_ple_input": ["pos", "d_ple"],
    "hook_ple_gate": ["pos", "d_ple"],
    "hook_ple_gated": ["pos", "d_ple"],
    "hook_ple_out": ["pos", "d_model"],
    "hook_layer_scalar": [],
    # mixtures of experts and attention sinks: capture/moe.py
    "hook_router_logits": ["pos", "expert"],
    "hook_router_probs": ["pos", "expert"],
    "hook_expert_index": ["pos", "top_k"],
    "hook_expert_weight": ["pos", "top_k"],
    "hook_expert_out": ["pos", "top_k", "d_model"],
    "hook_sink": ["head", "query_pos"],
}


def act_name(name: str, layer: int | None = None, sub: str | None = None) -> str:
    """Build a canonical name: ``act_name("resid_pre", 3)`` → ``blocks.3.hook_resid_pre``,
    ``act_name("pattern", 0, "attn")`` → ``blocks.0.attn.hook_pattern``, ``act_name("embed")`` → ``hook_embed``.
    """
    hook = name if name.startswith("hook_") or name == "logits" else f"hook_{name}"
    if layer is None:
        return hook if sub is None else f"{sub}.{hook}"
    return f"blocks.{layer}.{hook}" if sub is None else f"blocks.{layer}.{sub}.{hook}"


def dims_of(name: str) -> list[Dim]:
    """The dimension names of a canonical activation (a fresh list: callers may edit it)."""
    return list(DIMS[name.rsplit(".", 1)[-1]])
