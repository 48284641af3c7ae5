"""The Llama-style recipe (``arch="llama"``) with its short-row first phase (``short_steps``): the run trains, is
read by glassbox as a Llama, traces exactly, resumes onto the same trajectory across the phase boundary, and bad
settings are clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import glassbox
from glassbox.errors import TrainingError
from glassbox.training import checkpoint as ckpt
from glassbox.training.config import TrainConfig, preset
from glassbox.training.history import load_history, load_metadata
from glassbox.training.recipe import build_model
from glassbox.training.train import TrainingRun, train

pytestmark = pytest.mark.slow

# the micro preset, Llama-style: 10 steps of 16-token rows (24 per step), then 48-token rows (8 per step)
LLAMA = preset("micro").replace(
    arch="llama",
    corpus_size=1200,
    steps=24,
    batch_size=8,
    n_ctx=48,
    short_steps=10,
    short_ctx=16,
    warmup_steps=4,
    eval_interval=8,
    history_checkpoints=3,
    weight_checkpoints=1,
    state_interval=6,
    threads=1,
)


def test_a_llama_run_with_a_short_phase(tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM

    straight = tmp_path / "straight"
    result = train(LLAMA, straight, device="cpu", progress=False, evaluate=False)
    assert result.completed
    h = load_history(straight / "history.json")
    assert [s.step for s in h.steps] == list(range(1, LLAMA.steps + 1))
    assert TrainConfig.from_dict(load_metadata(straight / "glassbox.json").config) == LLAMA
    hf = AutoModelForCausalLM.from_pretrained(str(straight)).eval()
    assert hf.config.model_type == "llama" and hf.config.intermediate_size == 192  # 8/3 · 64, a multiple of 32
    assert hf.config.max_position_embeddings == LLAMA.n_ctx
    model = glassbox.load_model(str(straight), device="cpu")
    assert model.info.positional == "rotary" and model.info.gated_mlp and model.info.norm == "rmsnorm"
    t = glassbox.trace(model, "The capital of France is")
    with torch.no_grad():
        ref = hf(torch.tensor([t.token_ids])).logits[0]
    assert (t.logits - ref).abs().max().item() <= 1e-4
    # interrupted inside the short phase, resumed: the same trajectory through the switch to long rows
    half = tmp_path / "half"
    stopped = train(LLAMA, half, device="cpu", progress=False, stop_at=6, evaluate=False)
    assert not stopped.completed and ckpt.list_states(half)
    assert train(LLAMA, half, resume=True, device="cpu", progress=False, evaluate=False).completed
    a, b = load_history(half / "history.json"), load_history(straight / "history.json")
    assert [s.loss for s in a.steps] == pytest.approx([s.loss for s in b.steps], abs=1e-5)


def test_the_short_phase_reads_short_rows(tmp_path: Path) -> None:
    run = TrainingRun(LLAMA, tmp_path, device="cpu")
    assert run.short_source is not None
    assert tuple(run.short_source.batch(0).shape) == (LLAMA.short_batch, LLAMA.short_ctx) == (24, 16)
    assert tuple(run.source.batch(LLAMA.short_steps).shape) == (LLAMA.batch_size, LLAMA.n_ctx)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"arch": "mamba"}, "unknown arch 'mamba'"),
        ({"short_steps": 99}, "short_steps"),
        ({"short_ctx": 50}, "must divide"),
        ({"copy_fraction": 1.0}, "copy_fraction"),
    ],
)
def test_bad_settings_are_clear_errors(change: dict[str, object], message: str) -> None:
    with pytest.raises(TrainingError, match=message):
        build_model(LLAMA.replace(**change))


def test_a_llama_run_is_evaluated_explained_and_looked_into(tmp_path: Path) -> None:
    """What the evaluation (induction heads named by ablation), the training view's explained step (each parameter
    grouped by its site) and its init-vs-trained look read from a Llama-style run."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from glassbox.training.corpus import generate_corpus
    from glassbox.training.evaluate import context_of, evaluate_model
    from glassbox.training.explain import look, param_site, real_step

    train(LLAMA, tmp_path, device="cpu", progress=False, evaluate=False)
    model = AutoModelForCausalLM.from_pretrained(str(tmp_path)).eval()
    tok = AutoTokenizer.from_pretrained(str(tmp_path))
    assert context_of(model) == LLAMA.n_ctx
    corpus = generate_corpus(200, seed=LLAMA.seed, version=LLAMA.corpus_version)
    report = evaluate_model(model, tok, corpus.heldout, facts_per_language=2, n_ioi=2, n_induction=2, sensible=False)
    heads = report.induction_heads
    assert heads is not None and len(heads) == LLAMA.n_layers * LLAMA.n_heads
    assert [h.second_copy_loss for h in heads] == sorted((h.second_copy_loss for h in heads), reverse=True)
    sites = {param_site(n) for n, _ in model.named_parameters()}
    assert {(None, "embed"), (None, "ln_final"), (0, "attn"), (0, "mlp"), (0, "ln1"), (0, "ln2")} <= sites
    ids = tok("The capital of France is")["input_ids"]
    result = real_step(build_model(LLAMA), ids, LLAMA, step=0)
    assert result is not None
    side = look(model, ids, layer=1, head=0)
    pattern = torch.tensor(side.attention)
    assert pattern.shape == (len(ids), len(ids))
    assert torch.allclose(pattern.sum(-1), torch.ones(len(ids)), atol=1e-5)  # a real softmax pattern
