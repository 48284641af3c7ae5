"""The explained training step's caption tells the truth about AdamW's first step (issue 17).

The page says a first step from zero optimiser state moves every weight by about the learning rate whatever its
gradient's size (Adam divides the gradient by its own root mean square: on step one that is |g|, so the ratio is
±1). Here the claim is checked on a real step: per weight, once decoupled weight decay is taken out, the change
is ±lr for every weight whose gradient is not negligible, in groups whose gradient norms differ by orders of
magnitude. And the step's own report says which targets rose and which fell — it need not be all of them.
"""

from __future__ import annotations

import copy

import torch

from glassbox.training.config import preset
from glassbox.training.explain import real_step
from glassbox.training.recipe import build_model


def test_first_adamw_step_moves_every_weight_by_about_lr() -> None:
    config = preset("micro").replace(n_layers=1, n_heads=2, d_model=32, n_ctx=32, d_vocab=300, seed=3)
    model = build_model(config)
    before = copy.deepcopy(model)
    ids = [5, 17, 42, 17, 42, 99, 5, 17, 42, 7]
    result = real_step(model, ids, config, step=config.warmup_steps)  # the peak learning rate
    lr = result.lr
    # which parameters the recipe decays, and by how much (matrices except the position embedding)
    decays = {
        n: (config.weight_decay if p.dim() >= 2 and "wpe" not in n else 0.0) for n, p in before.named_parameters()
    }
    old = dict(before.named_parameters())

    # the gradient of every weight, as the step saw it (same model, same ids, same loss)
    x = torch.tensor([ids])
    before.train()
    logits = before(input_ids=x).logits[0, :-1].float()
    loss = torch.nn.functional.cross_entropy(logits, x[0, 1:])
    loss.backward()  # type: ignore[no-untyped-call]

    ratios, grad_sizes = [], []
    for name, p in model.named_parameters():
        g = old[name].grad
        assert g is not None, name
        step = (p.detach() - old[name].detach() * (1 - lr * decays[name])).abs()  # [same shape as p]
        assert float(step.max()) <= lr * (1 + 1e-4), name  # never more than lr per weight
        clear = (g * result.clip_scale).abs() > 1e-5  # the clipped gradient, far above Adam's eps (1e-8)
        if clear.any():
            ratios.append(float((step[clear] / lr).median()))
            grad_sizes.append(float(g.norm()))
    assert ratios and all(abs(r - 1) < 1e-2 for r in ratios), ratios
    assert max(grad_sizes) / min(grad_sizes) > 10  # …although the gradients' sizes differ widely

    rose = [p for p in result.positions if p.prob_after > p.prob_before]
    fell = [p for p in result.positions if p.prob_after < p.prob_before]
    assert len(rose) + len(fell) == len(result.positions)  # each target moved one way or the other
