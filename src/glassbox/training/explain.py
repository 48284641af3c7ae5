"""One real training step, stage by stage, and random initialisation vs trained weights.

Everything here works on a **copy** of a model's weights (a checkpoint's folder, or a deep copy of the served
model): the served model never changes. The step is the training loop's own recipe
(:mod:`glassbox.training.recipe`): cross-entropy over next tokens, backward, gradient clipping at
``grad_clip``, AdamW with the run's betas and weight decay at the learning rate the schedule gives that step.
The optimizer's moments start fresh (the run's moments are not shipped), so the update is AdamW's *first*
step: each weight moves by about ``lr`` in the direction that lowers this sentence's loss.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from glassbox.errors import InvalidInputError, TrainingError
from glassbox.schema.base import Site, SitePart
from glassbox.schema.history import TrainingHistory
from glassbox.training.checkpoint import load_weights_snapshot
from glassbox.training.config import TrainConfig
from glassbox.training.history import HISTORY_FILE, load_history
from glassbox.training.recipe import build_model, build_optimizer, lr_at

#: A GPT-2 parameter group's place in the model, as a hashable key: (layer or None, part).
SiteKey = tuple[int | None, SitePart]

#: Hugging Face GPT-2's module names → the house's sites. ``wte`` is also the unembedding (tied weights).
_GPT2_OUTSIDE: dict[str, SitePart] = {"wte": "embed", "wpe": "pos_embed", "ln_f": "ln_final"}
_GPT2_BLOCK: dict[str, SitePart] = {"attn": "attn", "mlp": "mlp", "ln_1": "ln1", "ln_2": "ln2"}
#: the same for the Llama-style blocks (``arch="llama"``); ``embed_tokens`` is also the unembedding (tied)
_LLAMA_OUTSIDE: dict[str, SitePart] = {"embed_tokens": "embed", "norm": "ln_final", "lm_head": "unembed"}
_LLAMA_BLOCK: dict[str, SitePart] = {
    "self_attn": "attn",
    "mlp": "mlp",
    "input_layernorm": "ln1",
    "post_attention_layernorm": "ln2",
}


def history_of(folder: Path | None) -> TrainingHistory | None:
    """The training history next to a model folder, or None when the model has none."""
    if folder is None or not (folder / HISTORY_FILE).is_file():
        return None
    return load_history(folder / HISTORY_FILE)


def step_checkpoints(history: TrainingHistory) -> list[int]:
    """Checkpoint steps whose weights exist (kept snapshots and the final model): where a step can start."""
    steps = [c.step for c in history.checkpoints if c.weights is not None]
    final = history.checkpoints[-1].step if history.completed and history.checkpoints else None
    if final is not None and final not in steps:
        steps.append(final)
    return sorted(steps)


def load_checkpoint(folder: Path, history: TrainingHistory, step: int, final_model: Any) -> Any:
    """A float32 copy of the weights at checkpoint ``step`` (the final one is a copy of ``final_model``); a snapshot
    is verified against the folder's checksums first, and a corrupted one is a clear error naming its file."""
    record = next((c for c in history.checkpoints if c.step == step), None)
    if record is None or step not in step_checkpoints(history):
        raise InvalidInputError(f"no weights for step {step}: choose one of {step_checkpoints(history)}")
    if record.weights is None:  # the final model
        model = copy.deepcopy(final_model)
    else:
        return load_weights_snapshot(folder, record.weights)
    return model.to("cpu", dtype=torch.float32)


def init_model(history: TrainingHistory) -> Any:
    """The run's real initial weights: the same architecture built with the run's seed (= step 0)."""
    return build_model(TrainConfig.from_dict(history.config))


def param_site(name: str) -> SiteKey:
    """The group of a parameter of a model glassbox trains: GPT-2's ``transformer.h.1.attn.c_attn.weight`` →
    ``(1, "attn")``, ``transformer.wte.weight`` → ``(None, "embed")``; Llama's ``model.layers.1.mlp.up_proj.weight``
    → ``(1, "mlp")``, ``model.norm.weight`` → ``(None, "ln_final")``."""
    if name.startswith("model.") or name.startswith("lm_head."):
        parts = name.removeprefix("model.").split(".")
        if parts[0] in _LLAMA_OUTSIDE:
            return None, _LLAMA_OUTSIDE[parts[0]]
        if len(parts) >= 3 and parts[0] == "layers" and parts[1].isdigit() and parts[2] in _LLAMA_BLOCK:
            return int(parts[1]), _LLAMA_BLOCK[parts[2]]
        raise TrainingError(f"parameter {name!r} is not part of a Llama-style model glassbox trains")
    parts = name.removeprefix("transformer.").split(".")
    if parts[0] in _GPT2_OUTSIDE:
        return None, _GPT2_OUTSIDE[parts[0]]
    if len(parts) >= 3 and parts[0] == "h" and parts[1].isdigit() and parts[2] in _GPT2_BLOCK:
        return int(parts[1]), _GPT2_BLOCK[parts[2]]
    raise TrainingError(f"parameter {name!r} is not part of a GPT-2 model glassbox trains")


@dataclass
class Position:
    pos: int  # the position whose output predicts the next token
    target_id: int
    prob_before: float
    prob_after: float
    top_ids: list[int]
    top_probs: list[float]


@dataclass
class GroupNorms:
    site: Site
    grad_norm: float
    update_norm: float
    weight_norm: float
    numel: int


@dataclass
class StepResult:
    ids: list[int]
    lr: float
    step: int
    loss_before: float
    loss_after: float
    grad_norm_total: float
    clip_scale: float
    positions: list[Position]
    groups: list[GroupNorms]


def _group_norms(values: dict[str, torch.Tensor], names: list[str]) -> dict[SiteKey, float]:
    sq: dict[SiteKey, float] = {}
    for n in names:
        g = param_site(n)
        sq[g] = sq.get(g, 0.0) + float(values[n].double().pow(2).sum())
    return {g: math.sqrt(v) for g, v in sq.items()}


def real_step(model: Any, ids: list[int], config: TrainConfig, step: int, top_k: int = 5) -> StepResult:
    """One training step of ``model`` (modified in place: pass a copy) on the sequence ``ids``.

    ``step`` is the 0-based index of the step in the run's schedule (a checkpoint after ``s`` steps takes
    step ``s`` next), which fixes the learning rate.
    """
    if len(ids) < 2:
        raise InvalidInputError(
            "a training step needs at least two tokens (one to read, one to predict): type a longer sentence"
        )
    x = torch.tensor([ids])
    model.train()
    model.requires_grad_(True)
    opt, _ = build_optimizer(model, config)
    lr = lr_at(config, step)
    for group in opt.param_groups:
        group["lr"] = lr
    named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    names = [n for n, _ in named]

    logits = model(input_ids=x).logits[0, :-1].float()  # [pos, d_vocab]
    targets = x[0, 1:]
    logp = torch.log_softmax(logits, -1)
    loss = -logp.gather(1, targets[:, None]).mean()
    probs_before = logp.detach().exp()
    loss.backward()  # type: ignore[no-untyped-call]
    grads = {n: p.grad.detach().clone() for n, p in named if p.grad is not None}
    total = float(torch.nn.utils.clip_grad_norm_([p for _, p in named], config.grad_clip))
    before = {n: p.detach().clone() for n, p in named}
    opt.step()
    opt.zero_grad(set_to_none=True)
    deltas = {n: p.detach() - before[n] for n, p in named}
    weights = {n: p.detach() for n, p in named}

    model.eval()
    with torch.no_grad():
        probs_after = torch.softmax(model(input_ids=x).logits[0, :-1].float(), -1)
    model.requires_grad_(False)
    loss_after = float(-probs_after.gather(1, targets[:, None]).log().mean())

    gnorm, unorm, wnorm = _group_norms(grads, names), _group_norms(deltas, names), _group_norms(weights, names)
    counts: dict[SiteKey, int] = {}
    for n, p in named:
        counts[param_site(n)] = counts.get(param_site(n), 0) + p.numel()
    groups = [GroupNorms(Site(layer=g[0], part=g[1]), gnorm.get(g, 0.0), unorm[g], wnorm[g], counts[g]) for g in counts]
    top = torch.topk(probs_before, min(top_k, probs_before.shape[-1]), -1)
    positions = [
        Position(
            pos=i,
            target_id=int(targets[i]),
            prob_before=float(probs_before[i, targets[i]]),
            prob_after=float(probs_after[i, targets[i]]),
            top_ids=[int(v) for v in top.indices[i]],
            top_probs=[float(v) for v in top.values[i]],
        )
        for i in range(len(targets))
    ]
    return StepResult(
        ids=list(ids),
        lr=lr,
        step=step,
        loss_before=float(loss.detach()),
        loss_after=loss_after,
        grad_norm_total=total,
        clip_scale=min(1.0, config.grad_clip / (total + 1e-6)),
        positions=positions,
        groups=groups,
    )


@dataclass
class Side:
    loss: float
    top_ids: list[int]
    top_probs: list[float]
    attention: list[list[float]]  # [query_pos, key_pos] of the chosen head


@torch.no_grad()
def look(model: Any, ids: list[int], layer: int, head: int, top_k: int = 5) -> Side:
    """Loss on ``ids``, the next-token distribution after them, and one head's attention pattern (``model`` is
    switched to eager attention: a fused kernel returns no pattern)."""
    model.eval()
    if getattr(model.config, "_attn_implementation", "eager") != "eager":
        model.set_attn_implementation("eager")
    x = torch.tensor([ids])
    out = model(input_ids=x, output_attentions=True)
    logits = out.logits[0].float()
    loss = float(torch.nn.functional.cross_entropy(logits[:-1], x[0, 1:])) if len(ids) > 1 else float("nan")
    probs = torch.softmax(logits[-1], -1)
    top = torch.topk(probs, top_k)
    attn = out.attentions[layer][0, head].float()  # [query_pos, key_pos]
    return Side(loss, [int(i) for i in top.indices], [float(v) for v in top.values], attn.tolist())
