"""Training per-layer transcoders (PLTs) and cross-layer transcoders (CLTs) on activations streamed from a corpus.

Each layer's transcoder learns to map what the MLP reads (``mlp.hook_in``) to what it writes (``mlp.hook_out``):

    loss_l = ‖T_l(x) − y‖² / Var(y)  +  λ · sparsity

with sparsity ``Σ_i a_i ‖W_dec[i]‖`` for ReLU, the number of active features (a straight-through estimate of the
step function's gradient, as for JumpReLU SAEs) for JumpReLU, and none for TopK (exactly ``k`` active). All layers
train at once from the same batches.

A cross-layer transcoder (``kind="clt"``) has the same encoders, but layer ``i``'s features write to every MLP
output ``t ≥ i`` through one decoder per target; the loss is the sum over layers of the reconstruction of each
layer's output from the features of every layer up to it, plus each layer's sparsity (for ReLU the activation
times the sum of the feature's decoder norms). circuit-tracer's CLT files have no skip connection: none is trained.

Activations come from glassbox's own forward pass
(:func:`glassbox.graph.replacement.forward`), over sequences packed from the corpus (the embedded corpus by default,
or a UTF-8 text file, one document per blank-line-separated paragraph).

Saved in circuit-tracer's format (:mod:`glassbox.transcoders.format`); TopK, which the format has no word for, is
saved as the JumpReLU whose one threshold per layer is the mean k-th largest pre-activation on held-out text.
The run is resumable: ``train_state/`` beside the output holds the weights, Adam's moments and the step
(safetensors and JSON — no pickle), and batches are a pure function of the step.

Figures (``report.json``): per layer the fraction of variance unexplained (FVU), L0 (mean active features per
token), dead features (never active on the held-out tokens) and dense ones (active on more than 10% of them); and
the next-token loss of the replacement model (every MLP replaced, no error terms) against the real model's.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import torch

from glassbox.errors import InvalidInputError, TrainingError
from glassbox.graph.replacement import forward, replacement_logits
from glassbox.transcoders.clt import CrossLayerTranscoder
from glassbox.transcoders.format import Transcoder, TranscoderSet, save_transcoders

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel

Activation = Literal["relu", "jumprelu", "topk"]
Kind = Literal["plt", "clt"]
DENSE_FRACTION = 0.1
BANDWIDTH = 0.05  # JumpReLU's straight-through window: gradients reach θ from pre-activations within ±0.025


@dataclass
class TranscoderTrainConfig:
    kind: Kind = "plt"
    latents: int | None = None  # default 8 × d_model
    activation: Activation = "relu"
    k: int = 16  # TopK's k
    sparsity: float | None = None  # λ; default per activation (ReLU 1e-3, JumpReLU 1e-3)
    steps: int = 1000
    batch_size: int = 8  # sequences per step
    seq_len: int = 64
    lr: float = 2e-3
    skip: bool = True
    seed: int = 0
    corpus: str = "embedded"
    corpus_version: int = 2  # of the "embedded" corpus: 2 = glassbox-tiny v2's everyday text (1 = v1's templates)
    n_documents: int = 2000
    heldout_sequences: int = 16


@dataclass
class LayerFigures:
    layer: int
    fvu: float
    l0: float
    dead: int
    dense: int


@dataclass
class TrainReport:
    steps: int
    latents: int
    activation: str
    layers: list[LayerFigures] = field(default_factory=list)
    real_loss: float = 0.0
    replacement_loss: float = 0.0


class _JumpReLU(torch.autograd.Function):
    """``x · (x > θ)``; θ learns through a rectangle-window estimate of the step's derivative."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, theta: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x, theta)
        return x * (x > theta).to(x.dtype)

    @staticmethod
    def backward(ctx: Any, *grads: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        (g,) = grads
        x, theta = ctx.saved_tensors
        window = ((x - theta).abs() < BANDWIDTH / 2).to(x.dtype) / BANDWIDTH
        return (x > theta).to(x.dtype) * g, (-theta * window * g).reshape(-1, theta.shape[-1]).sum(0)


class _Step(torch.autograd.Function):
    """``1[x > θ]`` (to count active features); only θ gets a gradient."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, theta: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x, theta)
        return (x > theta).to(x.dtype)

    @staticmethod
    def backward(ctx: Any, *grads: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        (g,) = grads
        x, theta = ctx.saved_tensors
        window = ((x - theta).abs() < BANDWIDTH / 2).to(x.dtype) / BANDWIDTH
        return torch.zeros_like(x), (-window * g).reshape(-1, theta.shape[-1]).sum(0)


def _documents(cfg: TranscoderTrainConfig) -> tuple[list[str], list[str]]:
    """Training and held-out texts."""
    if cfg.corpus == "embedded":
        from glassbox.training.corpus import generate_corpus

        train = [d.text for d in generate_corpus(cfg.n_documents, seed=cfg.seed, version=cfg.corpus_version).train]
        # The corpus's own held-out split is new phrasings the model never saw (its generalisation test, where the
        # model's loss is high): the transcoders' figures are measured on unseen documents of the training
        # distribution instead — another seed's documents, minus any that also occur in the training set.
        seen = set(train)
        other = generate_corpus(max(200, cfg.n_documents // 10), seed=cfg.seed + 1, version=cfg.corpus_version).train
        return train, [d.text for d in other if d.text not in seen]
    path = Path(cfg.corpus)
    if not path.is_file():
        raise InvalidInputError(f"--corpus {cfg.corpus!r}: not 'embedded' and not a text file")
    docs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if len(docs) < 2:
        raise InvalidInputError(f"{path}: needs at least two paragraphs (one is held out)")
    n_held = max(1, len(docs) // 20)
    return docs[n_held:], docs[:n_held]


def _pack(model: LoadedModel, texts: Sequence[str], seq_len: int) -> torch.Tensor:
    """Documents (each with the beginning-of-text token where the model has one) back to back, cut into rows."""
    from glassbox.models.tokens import with_bos

    tok = model.tokenizer
    bos = getattr(tok, "bos_token_id", None)
    stream: list[int] = []
    for ids in tok(list(texts), add_special_tokens=True)["input_ids"]:
        stream.extend(with_bos(list(ids), bos, model.prepend_bos))
    n = len(stream) // seq_len
    if n == 0:
        raise InvalidInputError(f"the corpus has {len(stream)} tokens, fewer than one sequence of {seq_len}")
    return torch.tensor(stream[: n * seq_len], dtype=torch.long).reshape(n, seq_len)


def _activations(
    model: LoadedModel, ts: TranscoderSet, rows: torch.Tensor
) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Per layer, what the transcoders read and must write, over all positions of ``rows``: [tokens, d_model]."""
    xs: list[list[torch.Tensor]] = [[] for _ in range(ts.n_layers)]
    ys: list[list[torch.Tensor]] = [[] for _ in range(ts.n_layers)]
    with torch.no_grad():
        for row in rows.tolist():
            _, _, fr = forward(model, ts, row, "real")
            assert fr is not None
            for layer in range(ts.n_layers):
                xs[layer].append(fr.tc_in[layer])
                ys[layer].append(fr.mlp_out[layer])
    return [torch.cat(x) for x in xs], [torch.cat(y) for y in ys]


class _Trainable(torch.nn.Module):
    """One layer's transcoder as trainable parameters (JumpReLU's θ as a log, so it stays positive)."""

    def __init__(self, d_model: int, latents: int, cfg: TranscoderTrainConfig, g: torch.Generator) -> None:
        super().__init__()
        W = torch.randn(latents, d_model, generator=g) / math.sqrt(d_model)
        self.W_enc = torch.nn.Parameter(W.clone())
        self.W_dec = torch.nn.Parameter(W.clone() * 0.1)
        self.b_enc = torch.nn.Parameter(torch.zeros(latents))
        self.b_dec = torch.nn.Parameter(torch.zeros(d_model))
        self.W_skip = torch.nn.Parameter(torch.zeros(d_model, d_model)) if cfg.skip else None
        self.log_theta = (
            torch.nn.Parameter(torch.full((latents,), math.log(0.05))) if cfg.activation == "jumprelu" else None
        )
        self.activation = cfg.activation
        self.k = cfg.k

    def acts(self, x: torch.Tensor) -> torch.Tensor:
        pre = x @ self.W_enc.T + self.b_enc
        if self.activation == "topk":
            idx = pre.topk(self.k, dim=-1).indices
            return pre * torch.zeros_like(pre).scatter_(-1, idx, 1.0)
        if self.log_theta is not None:
            out: torch.Tensor = _JumpReLU.apply(pre, self.log_theta.exp())  # type: ignore[no-untyped-call]
            return out
        return torch.relu(pre)

    def decode(self, a: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        out = a @ self.W_dec + self.b_dec
        return out + x @ self.W_skip.T if self.W_skip is not None else out

    def dec_norm(self) -> torch.Tensor:
        """[latents]: each feature's decoder norm (what the ReLU penalty weighs its activation by)."""
        W_dec: torch.Tensor = self.W_dec
        norm: torch.Tensor = W_dec.norm(dim=-1)
        return norm

    def sparsity(self, x: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
        if self.activation == "topk":
            return torch.zeros((), device=x.device)
        if self.log_theta is not None:
            pre = x @ self.W_enc.T + self.b_enc
            step: torch.Tensor = _Step.apply(pre, self.log_theta.exp())  # type: ignore[no-untyped-call]
            return step.sum(-1).mean()
        penalty: torch.Tensor = (a * self.dec_norm()).sum(-1).mean()
        return penalty

    def export(self, sx: float, sy: float) -> Transcoder:
        """The transcoder on the model's own scale (trained on ``x / sx`` → ``y / sy``)."""
        d = {k: v.detach().clone().float() for k, v in self.named_parameters()}
        return Transcoder(
            W_enc=d["W_enc"] / sx,
            W_dec=d["W_dec"] * sy,
            b_enc=d["b_enc"],
            b_dec=d["b_dec"] * sy,
            threshold=d["log_theta"].exp() if "log_theta" in d else None,
            W_skip=d["W_skip"] * (sy / sx) if "W_skip" in d else None,
            topk=self.k if self.activation == "topk" else None,
        )


class _TrainableCLT(_Trainable):
    """One layer's part of a cross-layer transcoder: its encoder, its decoders to this and every later layer
    (``W_dec`` [latents, n_out, d_model]) and the decoder bias of its own layer's output."""

    def __init__(self, d_model: int, latents: int, cfg: TranscoderTrainConfig, g: torch.Generator, n_out: int) -> None:
        super().__init__(d_model, latents, replace(cfg, skip=False), g)  # circuit-tracer's CLT files have no skip
        # the per-layer start, shared out over the target layers: the decoders sum to what a per-layer one starts at
        W = self.W_dec.detach()
        self.W_dec = torch.nn.Parameter(W[:, None, :].repeat(1, n_out, 1) / n_out)

    def dec_norm(self) -> torch.Tensor:
        """The sum of the feature's decoder norms over its target layers (one write per layer to pay for)."""
        W_dec: torch.Tensor = self.W_dec
        norm: torch.Tensor = W_dec.norm(dim=-1).sum(-1)
        return norm


def _clt_outputs(layers: Sequence[_TrainableCLT], acts: Sequence[torch.Tensor]) -> list[torch.Tensor]:
    """Every layer's reconstruction (unit scale): ``b_dec_t + Σ_{i ≤ t} a_i @ W_dec_i[:, t − i]``."""
    outs = []
    for t, layer in enumerate(layers):
        out = layer.b_dec + sum((acts[i] @ layers[i].W_dec[:, t - i] for i in range(t + 1)), torch.zeros(()))
        outs.append(out)
    return outs


def _export_clt(
    model: LoadedModel, layers: Sequence[_TrainableCLT], sx: Sequence[float], sy: Sequence[float], name: str
) -> CrossLayerTranscoder:
    """The CLT on the model's own scale: encoders read ``x / sx_i``, a decoder to layer ``t`` writes ``y / sy_t``."""
    tcs, decs = [], []
    for i, layer in enumerate(layers):
        d = {k: v.detach().clone().float() for k, v in layer.named_parameters()}
        scale = torch.tensor(sy[i:], dtype=torch.float32)[None, :, None]
        decs.append(d["W_dec"] * scale)
        tcs.append(
            Transcoder(
                W_enc=d["W_enc"] / sx[i],
                W_dec=torch.zeros(d["W_enc"].shape),  # the CLT sets it (the sum of its decoders)
                b_enc=d["b_enc"],
                b_dec=d["b_dec"] * sy[i],
                threshold=d["log_theta"].exp() if "log_theta" in d else None,
                topk=layer.k if layer.activation == "topk" else None,
            )
        )
    return CrossLayerTranscoder(tcs, config={"scan_name": name, "model_name": model.name}, W_dec_layers=decs)


def _placeholder_set(model: LoadedModel) -> TranscoderSet:
    """A transcoder set that only tells the forward pass where to read and write (its weights are unused)."""
    a = model.adapter
    z = Transcoder(torch.zeros(1, a.d_model), torch.zeros(1, a.d_model), torch.zeros(1), torch.zeros(a.d_model))
    return TranscoderSet([z] * a.n_layers)


def _save_state(folder: Path, step: int, layers: Sequence[_Trainable], opt: torch.optim.Optimizer, cfg: Any) -> None:
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, torch.Tensor] = {}
    for i, layer in enumerate(layers):
        for name, p in layer.named_parameters():
            tensors[f"layer{i}.{name}"] = p.detach().contiguous()
    state = opt.state_dict()
    for idx, st in state["state"].items():
        for name, value in st.items():
            tensors[f"opt.{idx}.{name}"] = value.detach().reshape(value.shape).contiguous()
    save_file(tensors, str(folder / "state.safetensors"))
    meta = {"step": step, "config": cfg, "param_groups": state["param_groups"]}
    (folder / "state.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")


def _load_state(folder: Path, layers: Sequence[_Trainable], opt: torch.optim.Optimizer) -> tuple[int, dict[str, Any]]:
    from safetensors.torch import load_file

    meta = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    tensors = load_file(str(folder / "state.safetensors"))
    with torch.no_grad():
        for i, layer in enumerate(layers):
            for name, p in layer.named_parameters():
                p.copy_(tensors[f"layer{i}.{name}"])
    opt_state: dict[int, dict[str, torch.Tensor]] = {}
    for key, value in tensors.items():
        if key.startswith("opt."):
            _, idx, name = key.split(".", 2)
            opt_state.setdefault(int(idx), {})[name] = value
    opt.load_state_dict({"state": opt_state, "param_groups": meta["param_groups"]})
    return int(meta["step"]), dict(meta["config"])


def _topk_threshold(layer: _Trainable, x: torch.Tensor) -> torch.Tensor:
    """The JumpReLU threshold that stands for TopK: the mean k-th largest pre-activation, for every feature."""
    with torch.no_grad():
        pre = x @ layer.W_enc.T + layer.b_enc
        kth = pre.topk(layer.k, dim=-1).values[:, -1]
        return torch.full((pre.shape[-1],), float(kth.mean()))


def evaluate_transcoders(model: LoadedModel, ts: TranscoderSet, rows: torch.Tensor) -> TrainReport:
    """FVU, L0, dead and dense features per layer, and the replacement model's next-token loss vs the real one's,
    over the held-out ``rows``."""
    xs, ys = _activations(model, ts, rows)
    report = TrainReport(steps=0, latents=ts.d_transcoder, activation="")
    all_acts: list[torch.Tensor] = []
    for layer, tc in enumerate(ts.layers):
        with torch.no_grad():
            acts = tc.encode(xs[layer])
            all_acts.append(acts)
            err = ts.reconstruct(layer, all_acts, xs[layer]) - ys[layer]
            var = (ys[layer] - ys[layer].mean(0)).pow(2).sum()
            active = (acts != 0).float()
            freq = active.mean(0)
        report.layers.append(
            LayerFigures(
                layer=layer,
                fvu=float(err.pow(2).sum() / var),
                l0=float(active.sum(-1).mean()),
                dead=int((freq == 0).sum()),
                dense=int((freq > DENSE_FRACTION).sum()),
            )
        )
    real, repl, n = 0.0, 0.0, 0
    with torch.no_grad():
        for row in rows.tolist():
            target = torch.tensor(row[1:])
            _, _, fr = forward(model, ts, row, "real")
            assert fr is not None
            real += float(torch.nn.functional.cross_entropy(fr.logits[:-1], target, reduction="sum"))
            logits = replacement_logits(model, ts, row)
            repl += float(torch.nn.functional.cross_entropy(logits[:-1], target, reduction="sum"))
            n += len(row) - 1
    report.real_loss, report.replacement_loss = real / n, repl / n
    return report


def train_transcoders(
    model: LoadedModel,
    out: str | Path,
    cfg: TranscoderTrainConfig | None = None,
    *,
    resume: bool = False,
    progress: Callable[[int, int, float], None] | None = None,
) -> tuple[TranscoderSet, TrainReport]:
    """Train per-layer transcoders (``cfg.kind == "plt"``) or a cross-layer transcoder (``"clt"``) for ``model``
    and save them to ``out`` (circuit-tracer's format) with ``report.json``; ``resume`` continues from
    ``out/train_state`` (same configuration required).

    ``progress(step, steps, loss)`` is called after every step."""
    cfg = cfg or TranscoderTrainConfig()
    if cfg.kind not in ("plt", "clt"):
        raise InvalidInputError(f"kind {cfg.kind!r}: use plt (per-layer) or clt (cross-layer)")
    clt = cfg.kind == "clt"
    if clt:
        cfg.skip = False  # circuit-tracer's CLT files have no skip connection (and the config must say what ran)
    a = model.adapter
    if cfg.seq_len > a.n_ctx:
        raise InvalidInputError(f"seq_len {cfg.seq_len} is longer than the model's context ({a.n_ctx})")
    latents = cfg.latents or 8 * a.d_model
    cfg.latents = latents
    out = Path(out)
    state_dir = out / "train_state"
    train_texts, held_texts = _documents(cfg)
    rows = _pack(model, train_texts, cfg.seq_len)
    held = _pack(model, held_texts, cfg.seq_len)[: cfg.heldout_sequences]
    g = torch.Generator().manual_seed(cfg.seed)
    layers: list[_Trainable] = (
        [_TrainableCLT(a.d_model, latents, cfg, g, a.n_layers - i) for i in range(a.n_layers)]
        if clt
        else [_Trainable(a.d_model, latents, cfg, g) for _ in range(a.n_layers)]
    )
    params = [p for layer in layers for p in layer.parameters()]
    opt = torch.optim.Adam(params, lr=cfg.lr)
    placeholder = _placeholder_set(model)
    start = 0
    if resume:
        if not (state_dir / "state.json").is_file():
            raise TrainingError(f"nothing to resume in {state_dir}: start without --resume")
        start, saved = _load_state(state_dir, layers, opt)
        now = asdict(cfg)
        if {k: v for k, v in saved.items() if k != "steps"} != {k: v for k, v in now.items() if k != "steps"}:
            raise TrainingError(
                f"{state_dir} was trained with another configuration (only --steps may change): {saved}"
            )
        if start > cfg.steps:
            raise TrainingError(f"{state_dir} is already at step {start}, past --steps {cfg.steps}")
    order = list(range(rows.shape[0]))
    random.Random(f"transcoders-{cfg.seed}").shuffle(order)
    lam = cfg.sparsity if cfg.sparsity is not None else 1e-3
    # Adam's steps are the same size for every weight, so train on unit-scale data: x / sx → y / sy per layer
    # (RMS on the first batch, fixed so that a resumed run is the same run); export rescales the weights.
    first = [order[j % len(order)] for j in range(cfg.batch_size)]
    xs0, ys0 = _activations(model, placeholder, rows[first])
    sx = [float(x.pow(2).mean().sqrt().clamp(min=1e-12)) for x in xs0]
    sy = [float((y - y.mean(0)).pow(2).mean().sqrt().clamp(min=1e-12)) for y in ys0]
    if start == 0:  # the decoder bias starts at the mean output: training begins at FVU ≈ 1
        with torch.no_grad():
            for i, layer in enumerate(layers):
                layer.b_dec.copy_(ys0[i].mean(0) / sy[i])
    d = a.d_model
    for step in range(start, cfg.steps):
        pick = [order[(step * cfg.batch_size + j) % len(order)] for j in range(cfg.batch_size)]
        xs, ys = _activations(model, placeholder, rows[pick])
        total = torch.zeros(())
        if clt:  # sum over layers of reconstruction (from every layer's features so far) + sparsity
            x_in = [xs[i] / sx[i] for i in range(len(layers))]
            acts_l = [layer.acts(x) for layer, x in zip(layers, x_in, strict=True)]
            outs = _clt_outputs([layer for layer in layers if isinstance(layer, _TrainableCLT)], acts_l)
            for i, layer in enumerate(layers):
                mse = (outs[i] - ys[i] / sy[i]).pow(2).sum(-1).mean() / d
                total = total + mse + lam * layer.sparsity(x_in[i], acts_l[i])
        for i, layer in enumerate(layers if not clt else []):
            x, y = xs[i] / sx[i], ys[i] / sy[i]
            acts = layer.acts(x)
            mse = (layer.decode(acts, x) - y).pow(2).sum(-1).mean() / d
            total = total + mse + lam * layer.sparsity(x, acts)
        opt.zero_grad()
        total.backward()  # type: ignore[no-untyped-call]
        opt.step()
        if not math.isfinite(float(total.detach())):
            raise TrainingError(f"the loss diverged at step {step}: lower --lr")
        if progress is not None:
            progress(step + 1, cfg.steps, float(total.detach()))
        if (step + 1) % 100 == 0 or step + 1 == cfg.steps:
            _save_state(state_dir, step + 1, layers, opt, asdict(cfg))
    name = f"glassbox/{model.name}-{cfg.kind}-{latents}-{cfg.activation}"
    ts: TranscoderSet
    if clt:
        ts = _export_clt(model, [x for x in layers if isinstance(x, _TrainableCLT)], sx, sy, name)
        exported = ts.layers
    else:
        exported = [layer.export(sx[i], sy[i]) for i, layer in enumerate(layers)]
    if cfg.activation == "topk":  # the format has no TopK: save the equivalent JumpReLU threshold
        xs_h, _ = _activations(model, placeholder, held)
        for i, (layer, tc) in enumerate(zip(layers, exported, strict=True)):
            tc.threshold, tc.topk = _topk_threshold(layer, xs_h[i] / sx[i]), None
    if not clt:
        ts = TranscoderSet(exported, config={"scan_name": name, "model_name": model.name})
    save_transcoders(ts, out)
    report = evaluate_transcoders(model, ts, held)
    report.steps, report.activation = cfg.steps, cfg.activation
    (out / "report.json").write_text(json.dumps(asdict(report), indent=1), encoding="utf-8")
    return ts, report


@dataclass
class PromptScore:
    prompt: str
    n_tokens: int
    replacement: float
    completeness: float


@dataclass
class GraphScoreReport:
    """circuit-tracer's graph scores of the transcoders' attribution graphs on held-out prompts."""

    prompts: list[PromptScore] = field(default_factory=list)

    @property
    def mean_replacement(self) -> float:
        return sum(p.replacement for p in self.prompts) / max(1, len(self.prompts))

    @property
    def mean_completeness(self) -> float:
        return sum(p.completeness for p in self.prompts) / max(1, len(self.prompts))


def heldout_prompts(model: LoadedModel, n: int = 12, max_tokens: int = 24, seed: int = 0) -> list[list[int]]:
    """``n`` prompts the transcoders were not trained on: the first ``max_tokens`` tokens (beginning-of-text
    included) of held-out documents of the training distribution (see :func:`_documents`), each cut at a token
    boundary — every prompt stops mid-sentence, so its next token is a prediction, not the end of a document."""
    from glassbox.models.tokens import with_bos

    _, held = _documents(TranscoderTrainConfig(seed=seed))
    bos = getattr(model.tokenizer, "bos_token_id", None)
    out: list[list[int]] = []
    for text in held:
        ids = with_bos(list(model.tokenizer(text)["input_ids"]), bos, model.prepend_bos)[:max_tokens]
        if len(ids) >= 8:
            out.append(ids)
        if len(out) == n:
            break
    return out


def graph_score_report(
    model: LoadedModel,
    ts: TranscoderSet,
    prompts: Sequence[str | Sequence[int]],
    progress: Callable[[int, int], None] | None = None,
) -> GraphScoreReport:
    """The replacement and completeness scores (circuit-tracer's ``compute_graph_scores``) of each prompt's graph."""
    from glassbox.graph.engine import attribution_graph
    from glassbox.models.tokens import readable_text

    report = GraphScoreReport()
    for i, prompt in enumerate(prompts):
        g = attribution_graph(model, prompt if isinstance(prompt, str) else list(prompt), ts)
        text = prompt if isinstance(prompt, str) else readable_text(model.tokenizer, list(prompt))
        report.prompts.append(PromptScore(text, len(g.input_ids), g.replacement_score, g.completeness_score))
        if progress is not None:
            progress(i + 1, len(prompts))
    return report
