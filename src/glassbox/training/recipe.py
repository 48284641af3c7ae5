"""The training recipe the loop, the live run and the single explained step share.

A GPT-2 or a Llama-style model built from a :class:`~glassbox.training.config.TrainConfig` (the one place where the
house's dimension names meet Hugging Face's), AdamW with decoupled weight decay on matrices only, a linear warmup then
cosine decay of the learning rate, and one optimizer step with gradient clipping. Keeping these in one module
is what lets the pre-training view claim that its single step *is* the training loop's step.
"""

from __future__ import annotations

import math
import os
from typing import Any

import torch

from glassbox.training.config import TrainConfig


def gpt2_config(config: TrainConfig) -> Any:
    """The Hugging Face ``GPT2Config`` of ``config``: the only translation into HF's names (n_embd, n_layer …)."""
    from transformers import GPT2Config

    return GPT2Config(
        vocab_size=config.d_vocab,
        n_positions=config.n_ctx,
        n_embd=config.d_model,
        n_layer=config.n_layers,
        n_head=config.n_heads,
        # No dropout: the model is small, the data abundant, and resume must be bit-exact.
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        # <|endoftext|> (id 0) begins, ends and pads every sequence (glassbox.training.tokenizer).
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=True,
    )


def llama_config(config: TrainConfig) -> Any:
    """The Hugging Face ``LlamaConfig`` of ``config`` (``arch="llama"``): rotary positions, RMSNorm, a SwiGLU MLP of
    8/3·d_model neurons (rounded up to a multiple of 32, about the parameters of GPT-2's 4·d_model GELU MLP), no
    biases, tied embeddings (rotary base: transformers' default, 10,000)."""
    from transformers import LlamaConfig

    d_mlp = -(-8 * config.d_model // 3 // 32) * 32
    return LlamaConfig(
        vocab_size=config.d_vocab,
        hidden_size=config.d_model,
        intermediate_size=d_mlp,
        num_hidden_layers=config.n_layers,
        num_attention_heads=config.n_heads,
        num_key_value_heads=config.n_heads,
        max_position_embeddings=config.n_ctx,
        attention_dropout=0.0,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=True,
    )


def build_model(config: TrainConfig) -> Any:
    """A freshly initialised model of ``config.arch``; the weights are a function of ``config.seed`` alone."""
    from transformers import GPT2LMHeadModel, LlamaForCausalLM

    config.check()
    torch.manual_seed(config.seed)
    if config.arch == "llama":
        return LlamaForCausalLM(llama_config(config))
    return GPT2LMHeadModel(gpt2_config(config))


def lr_at(config: TrainConfig, step: int) -> float:
    """Learning rate for 0-based ``step``: linear warmup, then cosine decay to ``min_lr_ratio``."""
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    progress = (step - config.warmup_steps) / max(1, config.main_steps - config.warmup_steps)
    cosine = 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))
    return config.learning_rate * (config.min_lr_ratio + (1 - config.min_lr_ratio) * cosine)


def _adamw(model: Any, config: TrainConfig, lr: float) -> torch.optim.Optimizer:
    # Decay matrices only (nanoGPT): decaying biases, LayerNorm gains and embeddings hurts small models.
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "wpe" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "wpe" not in n)]
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": rest, "weight_decay": 0.0}],
        lr=lr,
        betas=(config.beta1, config.beta2),
    )


def build_optimizer(model: Any, config: TrainConfig) -> tuple[torch.optim.Optimizer, Any]:
    """AdamW and the schedule of :func:`lr_at` (as a ``LambdaLR``, so its state resumes with the run)."""
    opt = _adamw(model, config, config.learning_rate)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_at(config, s) / config.learning_rate)
    return opt, sched


def anneal_lr_at(config: TrainConfig, step: int) -> float:
    """Learning rate for 0-based ``step`` of the anneal phase (0 = its first): linear warmup, linear decay to 0."""
    warm = min(1.0, (step + 1) / config.anneal_warmup)
    return config.anneal_lr * warm * max(0.0, 1 - step / config.anneal_steps)


def build_anneal_optimizer(model: Any, config: TrainConfig) -> tuple[torch.optim.Optimizer, Any]:
    """A fresh AdamW for the anneal phase (same groups as :func:`build_optimizer`) and its schedule."""
    opt = _adamw(model, config, config.anneal_lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: anneal_lr_at(config, s) / config.anneal_lr)
    return opt, sched


def train_step(model: Any, opt: torch.optim.Optimizer, sched: Any, batch: torch.Tensor, grad_clip: float) -> float:
    """One optimizer step on ``batch`` (``[batch, pos]`` token ids); returns the loss *before* the update."""
    loss = model(input_ids=batch, labels=batch).loss  # HF shifts the labels: position t predicts token t+1
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    opt.step()
    sched.step()
    opt.zero_grad(set_to_none=True)
    return float(loss.detach())


@torch.no_grad()
def heldout_loss(model: Any, seqs: torch.Tensor, batch_size: int = 16) -> float:
    """Mean next-token cross-entropy of ``model`` over ``seqs`` (``[n, pos]``), in nats."""
    model.eval()
    total, n = 0.0, 0
    for b in range(0, len(seqs), batch_size):
        x = seqs[b : b + batch_size]  # [batch, pos]
        total += float(model(input_ids=x, labels=x).loss) * len(x)
        n += len(x)
    model.train()
    return total / n


def auto_threads() -> int:
    """Usable cores minus those other processes keep busy (1-minute load average), at least 1.

    On a shared machine this matters a lot: measured on 2 cores with one busy neighbour, 2 intra-op threads
    ran a step 5x *slower* than 1 thread (OpenMP workers wait for the descheduled one at every barrier).
    """
    cores = len(os.sched_getaffinity(0))
    busy = round(os.getloadavg()[0])
    return max(1, min(cores, cores - busy))


def set_threads(config: TrainConfig) -> int:
    """Set torch's CPU threads to ``config.threads`` (0: :func:`auto_threads`); returns the number set."""
    n = config.threads or auto_threads()
    torch.set_num_threads(n)
    return n
