"""Tiny random models of every supported ``model_type``, built locally from configs (no network).

Used by the tests, the benchmarks and the web app's browser tests: ``make_tiny_model(folder, "qwen3")``
trains a small byte-level BPE tokenizer, builds a random model from a config and saves both with
``save_pretrained`` so they load back like any downloaded model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: every supported ``config.model_type``; an adapter family serves one or more (llama: llama, qwen3, olmo2, …)
MODEL_TYPES = (
    "gpt2",
    "llama",
    "qwen3",
    "olmo2",
    "olmo3",
    "mistral",
    "cohere",
    "gpt_neox",
    "gemma2",
    "gemma3_text",
    "phi3",
    "smollm3",
    "qwen3_moe",
    "olmoe",
    "gpt_oss",
    "qwen3_5_text",
)

#: supported model types kept out of MODEL_TYPES's every-family sweep, each with its own test module and added to the
#: detailed view's per-family tests (``ALL_MODEL_TYPES``). Gemma 4 (``tests/integration/test_gemma4_text.py``): its
#: per-layer inputs are read from the token ids, so HF's forward from bare embeddings (the sweep's attribution
#: baselines) cannot run on it, and attribution graphs do not model per-layer inputs yet
EXTRA_MODEL_TYPES = ("gemma4_text",)
ALL_MODEL_TYPES = MODEL_TYPES + EXTRA_MODEL_TYPES

#: the model types attribution graphs cover: their replacement model freezes softmax attention patterns, and a
#: linear-attention layer (Qwen3.5) has none (its circuits refuse with a clear message instead)
GRAPH_MODEL_TYPES = tuple(t for t in MODEL_TYPES if t != "qwen3_5_text")

#: long enough to cross the tiny sliding windows (4 and 6) and to include multi-byte characters
LONG_PROMPT = "When Mary and John went to the shop, John gave a book to Mary. Столиця — Київ. 東京 🙂"

_TOKENIZER_TEXT = [
    "The capital of France is Paris. The capital of Japan is Tokyo.",
    "When Mary and John went to the shop, John gave a book to Mary.",
    "La capitale de la France est Paris. Hlavní město Česka je Praha.",
    "Столиця України — Київ. Столица России — Москва.",
    "日本の首都は東京です。中国的首都是北京。",
    "one two three four five six seven eight nine ten 🙂 🚀",
]


def tiny_tokenizer(vocab_size: int = 512) -> Any:
    """A byte-level BPE tokenizer with <|bos|>/<|eos|>, as a transformers fast tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=["<|bos|>", "<|eos|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(_TOKENIZER_TEXT * 4, trainer=trainer)
    return PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=tok, bos_token="<|bos|>", eos_token="<|eos|>"
    )


def tiny_config(model_type: str, vocab_size: int = 512, **overrides: Any) -> Any:
    """A small config of ``model_type`` (2 layers, d_model 64, 4 heads; 2 kv heads where GQA exists)."""
    import transformers as tf

    from glassbox.models.adapters.gpt2 import gpt2_config

    common: dict[str, Any] = dict(vocab_size=vocab_size, bos_token_id=0, eos_token_id=1)
    llama_like: dict[str, Any] = dict(
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=128,
        tie_word_embeddings=False,
        **common,
    )
    cfg: Any
    if model_type == "gpt2":
        cfg = gpt2_config(
            n_layers=2, n_heads=4, d_model=64, n_ctx=128, d_vocab=vocab_size, bos_token_id=0, eos_token_id=1
        )
    elif model_type == "llama":
        cfg = tf.LlamaConfig(**llama_like)
    elif model_type == "qwen3":
        cfg = tf.Qwen3Config(head_dim=16, **llama_like)
    elif model_type == "olmo2":
        cfg = tf.Olmo2Config(**llama_like)
    elif model_type == "olmo3":
        cfg = tf.Olmo3Config(sliding_window=4, layer_types=["sliding_attention", "full_attention"], **llama_like)
    elif model_type == "mistral":
        cfg = tf.MistralConfig(sliding_window=6, **llama_like)
    elif model_type == "cohere":
        cfg = tf.CohereConfig(use_qk_norm=True, logit_scale=0.5, **llama_like)
    elif model_type == "gpt_neox":
        # Pythia's layout: parallel attention and MLP, a quarter of each head rotated (rotary_pct 0.25 → 4 of 16)
        # (rotary_pct is the name Pythia's config.json uses; it reaches rope_parameters through the extra kwargs)
        neox = {k: v for k, v in llama_like.items() if k != "num_key_value_heads"}
        neox.update(use_parallel_residual=True, rotary_pct=0.25, hidden_act="gelu")
        cfg = tf.GPTNeoXConfig(**neox)
    elif model_type in ("gemma2", "gemma3_text"):
        gemma: dict[str, Any] = dict(llama_like, head_dim=16, tie_word_embeddings=True, pad_token_id=None)
        # query_pre_attn_scalar ≠ d_head so the scale is Gemma's own; the window (4) is shorter than LONG_PROMPT
        shared: dict[str, Any] = dict(
            query_pre_attn_scalar=24, sliding_window=4, layer_types=["sliding_attention", "full_attention"]
        )
        if model_type == "gemma2":
            # caps small enough for tiny random weights to reach the tanh's bend, so a missing cap would show
            cfg = tf.Gemma2Config(attn_logit_softcapping=0.05, final_logit_softcapping=0.5, **shared, **gemma)
        else:
            cfg = tf.Gemma3TextConfig(**shared, **gemma)
    elif model_type == "gemma4_text":
        # Gemma 4's config derives per-layer shapes (global head size, kv heads) when it is built: pass overrides in
        cfg = _gemma4_config(tf, llama_like, overrides)
        overrides = {}
    elif model_type == "phi3":
        # partial_rotary_factor (Phi-4-mini's layout) reaches rope_parameters through the config's extra kwargs
        phi: dict[str, Any] = dict(sliding_window=6, partial_rotary_factor=0.5, pad_token_id=None)
        cfg = tf.Phi3Config(**phi, **llama_like)
    elif model_type == "smollm3":
        # layer 1 has no positional encoding (NoPE)
        cfg = tf.SmolLM3Config(no_rope_layers=[1, 0], pad_token_id=None, **llama_like)
    elif model_type == "qwen3_5_text":
        cfg = _qwen3_5_config(tf, llama_like)
    elif model_type in ("qwen3_moe", "olmoe", "gpt_oss"):
        cfg = _moe_config(tf, model_type, llama_like)
    else:
        raise ValueError(f"unknown model_type {model_type!r}; choose from {', '.join(MODEL_TYPES)}")
    for key, value in overrides.items():
        setattr(cfg, key, value)
    return cfg


def _qwen3_5_config(tf: Any, llama_like: dict[str, Any]) -> Any:
    """Qwen3.5's hybrid: linear-attention (gated DeltaNet) layers 0, 2 and 3, gated full attention at layer 1.

    Two key heads serve four value heads (grouped, as in the real models), d_k (8) ≠ d_v (16) so the state is not
    square, a 3-tap convolution, and a quarter of each full-attention head rotated (Qwen3.5's partial rotary)."""
    base = dict(llama_like, num_hidden_layers=4, head_dim=16, pad_token_id=None)
    return tf.Qwen3_5TextConfig(
        layer_types=["linear_attention", "full_attention", "linear_attention", "linear_attention"],
        linear_num_key_heads=2, linear_num_value_heads=4, linear_key_head_dim=8, linear_value_head_dim=16,
        linear_conv_kernel_dim=3, **base,
    )  # fmt: skip


def _gemma4_config(tf: Any, llama_like: dict[str, Any], overrides: dict[str, Any]) -> Any:
    """Gemma 4's text path at the E2B/E4B layout, shrunk: sliding layers 0 and 2, global layers 1 and 3 (the last
    layer is always global), per-layer inputs of 8 numbers, and layers 2 and 3 reusing the keys and values of
    layers 0 and 1 (KV sharing). Global heads as wide as sliding ones and a single-width MLP keep d_head and d_mlp
    one number per model, as the views expect; their wider variants have their own parity test."""
    base = dict(llama_like, num_hidden_layers=4, head_dim=16, tie_word_embeddings=True, pad_token_id=None)
    kwargs: dict[str, Any] = dict(
        base, layer_types=["sliding_attention", "full_attention", "sliding_attention", "full_attention"],
        sliding_window=4, global_head_dim=16, hidden_size_per_layer_input=8,
        vocab_size_per_layer_input=llama_like["vocab_size"], num_kv_shared_layers=2, use_double_wide_mlp=False,
    )  # fmt: skip
    return tf.Gemma4TextConfig(**{**kwargs, **overrides})


def _moe_config(tf: Any, model_type: str, llama_like: dict[str, Any]) -> Any:
    """Mixtures of experts: 8 experts of 32 neurons, 2 chosen per token, each family's peculiarity set to matter."""
    base = {k: v for k, v in llama_like.items() if k != "intermediate_size"}
    if model_type == "qwen3_moe":
        # renormalised top-k weights (Qwen3-30B-A3B's setting) on a model with per-head q/k norms
        return tf.Qwen3MoeConfig(
            head_dim=16, num_experts=8, num_experts_per_tok=2, moe_intermediate_size=32, intermediate_size=32,
            norm_topk_prob=True, **base,
        )  # fmt: skip
    if model_type == "olmoe":
        # raw top-k probabilities (OLMoE's setting); no clip_qkv, as OLMoE-1B-7B (its own test sets one)
        return tf.OlmoeConfig(
            num_experts=8, num_experts_per_tok=2, intermediate_size=32, norm_topk_prob=False, pad_token_id=None,
            **base,
        )  # fmt: skip
    # gpt-oss: a window (4) shorter than LONG_PROMPT on alternate layers, a SwiGLU clamp small enough to bite,
    # YaRN-scaled RoPE as the real checkpoints have it (scaled down to the tiny context)
    rope = {"rope_type": "yarn", "rope_theta": 150000.0, "factor": 4.0, "beta_fast": 32.0, "beta_slow": 1.0,
            "truncate": False, "original_max_position_embeddings": 32}  # fmt: skip
    return tf.GptOssConfig(
        head_dim=16, num_local_experts=8, num_experts_per_tok=2, intermediate_size=32, sliding_window=4,
        swiglu_limit=0.5, rope_parameters=rope, pad_token_id=None, **base,
    )  # fmt: skip


def make_tiny_model(
    folder: str | Path, model_type: str = "gpt2", seed: int = 0, vocab_size: int = 512, **overrides: Any
) -> Path:
    """Build and save a random tiny model of ``model_type`` with a tokenizer; return the folder."""
    import torch
    from transformers import AutoModelForCausalLM

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = tiny_tokenizer(min(vocab_size, 512))
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(  # type: ignore[no-untyped-call]
        tiny_config(model_type, vocab_size, **overrides)
    )
    # Random init leaves norms at 1 and biases at 0; perturb them so tests see them matter.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name or "ln" in name or name.endswith("bias"):
                p.add_(0.1 * torch.randn_like(p))
            if name.endswith("A_log"):
                # linear attention's decay rates (Qwen3.5): random init draws A up to 16, which forgets the whole
                # state at every token; slow rates make the tiny model mix across many tokens, as trained ones do
                p.copy_(torch.log(torch.linspace(0.02, 0.6, p.numel())))
        for name, buf in model.named_buffers():
            if name.endswith("layer_scalar"):  # Gemma 4's per-layer residual scale: 1 at init, so a miss would hide
                buf.copy_(0.5 + torch.rand_like(buf))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def parity_diffs(trace: Any, hf_out: Any) -> dict[str, float]:
    """Max |glassbox − HF| of the logits, every block's input, every attention pattern and the final norm's output.

    ``hf_out`` is the plain Hugging Face forward of ``trace.token_ids`` (batch of one) run with
    ``output_hidden_states=True`` and ``output_attentions=True``; the parity tests of every family read it."""
    from glassbox.capture.names import act_name

    n = trace.model.info.n_layers
    diffs = {"logits": (trace.logits - hf_out.logits[0]).abs().max().item()}
    for layer in range(n):
        resid, pattern = trace[act_name("resid_pre", layer)], trace[act_name("pattern", layer, "attn")]
        diffs[f"resid_pre.{layer}"] = (resid - hf_out.hidden_states[layer][0]).abs().max().item()
        diffs[f"pattern.{layer}"] = (pattern - hf_out.attentions[layer][0]).abs().max().item()
    diffs["ln_final"] = (trace["ln_final.hook_normalized"] - hf_out.hidden_states[n][0]).abs().max().item()
    return diffs


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (tests and benchmarks start ``glassbox serve`` on it)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop_process(proc: Any, timeout: float = 20) -> None:
    """Stop a server subprocess: SIGTERM, then SIGKILL if it has not exited within ``timeout`` seconds."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def make_tiny_revisions(
    folder: str | Path, model_type: str = "gpt_neox", steps: tuple[int, ...] = (0, 3, 8), seed: int = 0
) -> dict[str, Path]:
    """Checkpoint folders ``revisions/step<N>`` (Pythia's revision names) of one tiny model trained ``steps`` steps.

    One random model (:func:`make_tiny_model`) is trained on the tokenizer's own text and saved after each listed
    step, so the folders hold really different weights of the same run; returns {revision name: folder}.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    root = Path(folder)
    base = make_tiny_model(root / "init", model_type, seed=seed)
    tokenizer = AutoTokenizer.from_pretrained(base)
    model: Any = AutoModelForCausalLM.from_pretrained(base)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    texts = [tokenizer(t)["input_ids"] for t in _TOKENIZER_TEXT]
    width = min(len(ids) for ids in texts)  # every text cut to the shortest: one rectangular batch
    batch = torch.tensor([ids[:width] for ids in texts])
    out: dict[str, Path] = {}
    done = 0
    for target in sorted(steps):
        while done < target:  # a real language-modelling step: next-token cross-entropy on the text
            model.train()
            loss = model(input_ids=batch, labels=batch).loss
            loss.backward()
            opt.step()
            opt.zero_grad()
            done += 1
        model.eval()
        dest = root / "revisions" / f"step{target}"
        model.save_pretrained(dest)
        tokenizer.save_pretrained(dest)
        out[f"step{target}"] = dest
    return out


def make_fake_hub_cache(
    cache_dir: str | Path, repo_id: str, revisions: dict[str, Path], main: str | None = None
) -> Path:
    """A Hugging Face Hub cache (``models--org--name/{refs,snapshots}``) holding ``revisions`` as if downloaded.

    Each revision name gets a ``refs/<name>`` file with a commit hash and a ``snapshots/<hash>/`` copy of its folder,
    the layout ``huggingface_hub`` resolves ``revision=`` from offline; ``main`` (default: the last) is also ``main``.
    """
    import hashlib
    import shutil

    repo = Path(cache_dir) / ("models--" + repo_id.replace("/", "--"))
    (repo / "refs").mkdir(parents=True, exist_ok=True)
    names = list(revisions)
    for name in [*names, "main"]:
        source = revisions[main or names[-1]] if name == "main" else revisions[name]
        commit = hashlib.sha1(f"{repo_id}@{name}".encode()).hexdigest()
        (repo / "refs" / name).write_text(commit)
        shutil.copytree(source, repo / "snapshots" / commit, dirs_exist_ok=True)
    return Path(cache_dir)
