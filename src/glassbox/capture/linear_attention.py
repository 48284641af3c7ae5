"""Linear attention (gated DeltaNet, Qwen3.5) traced exactly: the recurrence, its state, its token-mixing matrix.

A gated-DeltaNet head keeps a state ``S`` of ``d_k × d_v`` numbers instead of attending over the past. At token t
(``α_t = exp(g_t)`` the decay, ``β_t`` the step size, q and k L2-normalised, q scaled by ``1/√d_k``)::

    S_t = α_t (I − β_t k_t k_tᵀ) S_{t−1} + β_t k_t v_tᵀ        o_t = S_tᵀ q_t

Unrolled, ``S_t = Σ_{s≤t} P_{t,s} β_s k_s v_sᵀ`` with ``P_{t,s} = A_t A_{t−1} ⋯ A_{s+1}``
(``A_r = α_r (I − β_r k_r k_rᵀ)``, ``P_{t,t} = I``), so the output is an exact weighted sum of the values::

    o_t = Σ_{s≤t} M[t, s] v_s      M[t, s] = β_s · q_tᵀ P_{t,s} k_s   (one number per head, query and key position)

:func:`mixing_matrix` computes M by carrying ``w_s = P_{t,s} β_s k_s`` forward for every s at once; the tests check
that ``M · v`` reproduces the recurrence's output. Unlike a softmax pattern, a row of M need not sum to 1 and its
entries can be negative (the delta rule subtracts what the state already predicts). The values are those *after*
the layer's short causal convolution, which itself reads the previous ``conv_kernel − 1`` positions' projections.
Derivation and pictures: ``docs/inside-the-model.md``.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from glassbox.capture.names import act_name
from glassbox.models.adapters.base import Adapter, DeltaInputs

#: the L2 norm's epsilon, as HF's (and the FLA library's) ``l2norm``
L2_EPS = 1e-6


def l2norm(x: torch.Tensor) -> torch.Tensor:
    return x * torch.rsqrt((x * x).sum(dim=-1, keepdim=True) + L2_EPS)


def prepare(inp: DeltaInputs) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """q, k [..., pos, v_head, d_k] (L2-normalised, each key head repeated for the value heads it serves, q scaled
    by 1/√d_k), v [..., pos, v_head, d_v], α and β [..., pos, v_head]; all float32, as the model computes them."""
    group = inp.v.shape[-2] // inp.q.shape[-2]
    q, k = l2norm(inp.q.float()), l2norm(inp.k.float())
    if group > 1:  # consecutive value heads share a key head
        q, k = q.repeat_interleave(group, dim=-2), k.repeat_interleave(group, dim=-2)
    q = q * q.shape[-1] ** -0.5
    return q, k, inp.v.float(), inp.log_decay.float().exp(), inp.beta.float()


def recurrence(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, alpha: torch.Tensor, beta: torch.Tensor, stats: bool = False
) -> tuple[torch.Tensor, torch.Tensor | None, torch.Tensor | None]:
    """Run the delta rule over [batch, pos, head, ·] inputs; return the outputs o [batch, pos, head, d_v] and, with
    ``stats``, ‖S_t‖_F and ‖S_t − S_{t−1}‖_F [batch, pos, head]. Out of place, so gradients flow (attribution)."""
    b, n, h, dk = k.shape
    state = torch.zeros(b, h, dk, v.shape[-1], dtype=torch.float32, device=v.device)
    outs, norms, changes = [], [], []
    for t in range(n):
        prev = state
        decayed = prev * alpha[:, t, :, None, None]
        predicted = torch.einsum("bhkv,bhk->bhv", decayed, k[:, t])  # what the state already says for this key
        delta = (v[:, t] - predicted) * beta[:, t, :, None]
        state = decayed + k[:, t, :, :, None] * delta[:, :, None, :]
        outs.append(torch.einsum("bhkv,bhk->bhv", state, q[:, t]))
        if stats:
            norms.append(state.flatten(2).norm(dim=-1))
            changes.append((state - prev).flatten(2).norm(dim=-1))
    o = torch.stack(outs, dim=1)
    if not stats:
        return o, None, None
    return o, torch.stack(norms, dim=1), torch.stack(changes, dim=1)


@torch.no_grad()
def mixing_matrix(q: torch.Tensor, k: torch.Tensor, alpha: torch.Tensor, beta: torch.Tensor) -> torch.Tensor:
    """The exact token-mixing matrix M [head, query_pos, key_pos] of one sequence (q, k [pos, head, d_k]; α, β
    [pos, head]): ``o_t = Σ_s M[t, s] v_s``. Zero above the diagonal (causal)."""
    n, h, dk = k.shape
    # column s of w holds P_{t,s} β_s k_s; columns of later tokens stay 0 until their token arrives, and A_t of 0 is 0
    w = torch.zeros(h, dk, n, dtype=torch.float32, device=k.device)
    m = torch.zeros(h, n, n, dtype=torch.float32, device=k.device)
    for t in range(n):
        kt = k[t][:, :, None]  # [head, d_k, 1]
        w = alpha[t][:, None, None] * (w - beta[t][:, None, None] * kt * (kt.transpose(1, 2) @ w))
        w[:, :, t] = beta[t][:, None] * k[t]
        m[:, t] = (q[t][:, None, :] @ w)[:, 0]
    return m


def _delta_core(a: Adapter, layer: int, x: torch.Tensor) -> tuple[DeltaInputs, torch.Tensor]:
    """The inputs and the recurrence's output [batch, pos, v_head, d_v] (float32) of a batch x [batch, pos, d_model]."""
    rows = [a.delta_inputs(layer, xi) for xi in x]  # the convolution runs along positions: one sequence at a time
    inp = DeltaInputs(
        q=torch.stack([r.q for r in rows]),
        k=torch.stack([r.k for r in rows]),
        v=torch.stack([r.v for r in rows]),
        log_decay=torch.stack([r.log_decay for r in rows]),
        beta=torch.stack([r.beta for r in rows]),
        z=torch.stack([r.z for r in rows]),
        conv_kernel=rows[0].conv_kernel,
    )
    q, k, v, alpha, beta = prepare(inp)
    core, _, _ = recurrence(q, k, v, alpha, beta)
    return inp, core


def linear_attention_batched(a: Adapter, layer: int, x: torch.Tensor) -> torch.Tensor:
    """What the output projection reads, [batch, pos, v_head, d_v], for normed inputs x [batch, pos, d_model]."""
    inp, core = _delta_core(a, layer, x)
    return torch.stack([a.delta_out_norm(layer, c.to(x.dtype), z) for c, z in zip(core, inp.z, strict=True)])


def linear_attention(
    a: Adapter, layer: int, x: torch.Tensor, put: Callable[[str, torch.Tensor], None], keep: Callable[[str], bool]
) -> torch.Tensor:
    """One linear-attention layer of the traced forward over x [pos, d_model] (its first norm's output): capture
    what is there and return what the output projection reads, [pos, v_head, d_v] (``hook_z``).

    Captured: ``hook_q``/``hook_k`` [pos, k_head, d_k] (L2-normalised, before 1/√d_k), ``hook_v`` [pos, v_head, d_v],
    ``hook_decay`` α and ``hook_beta`` β [pos, v_head], ``hook_state_norm`` ‖S_t‖_F and ``hook_state_change``
    ‖S_t − S_{t−1}‖_F [pos, v_head], ``hook_core`` (o_t, before the gated norm), ``hook_gate`` (silu(z)), and
    ``hook_mixing`` M [v_head, query_pos, key_pos]."""
    inp = a.delta_inputs(layer, x)
    q, k, v, alpha, beta = prepare(inp)
    put(act_name("q", layer, "attn"), l2norm(inp.q.float()).to(x.dtype))
    put(act_name("k", layer, "attn"), l2norm(inp.k.float()).to(x.dtype))
    put(act_name("v", layer, "attn"), inp.v)
    put(act_name("decay", layer, "attn"), alpha)
    put(act_name("beta", layer, "attn"), beta)
    stats = keep(act_name("state_norm", layer, "attn")) or keep(act_name("state_change", layer, "attn"))
    core, norms, changes = recurrence(q[None], k[None], v[None], alpha[None], beta[None], stats=stats)
    if norms is not None and changes is not None:
        put(act_name("state_norm", layer, "attn"), norms[0])
        put(act_name("state_change", layer, "attn"), changes[0])
    if keep(act_name("mixing", layer, "attn")):
        put(act_name("mixing", layer, "attn"), mixing_matrix(q, k, alpha, beta))
    core_x = core[0].to(x.dtype)
    put(act_name("core", layer, "attn"), core_x)
    put(act_name("gate", layer, "attn"), torch.nn.functional.silu(inp.z.float()))
    return a.delta_out_norm(layer, core_x, inp.z)
