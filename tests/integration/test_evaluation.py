"""The v2 evaluation measures, checked against plain Hugging Face forward passes on a small random GPT-2."""

from __future__ import annotations

import copy

import pytest
import torch

from glassbox.training.config import preset
from glassbox.training.corpus import Document
from glassbox.training.evaluate import ablated_head, calibration, copy_loss, head_ablations, random_token_sequences
from glassbox.training.recipe import build_model


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    torch.manual_seed(0)
    return build_model(preset("micro").replace(seed=3)).eval()


def _nll(model, ids: list[int]) -> torch.Tensor:  # type: ignore[no-untyped-def]
    x = torch.tensor([ids])
    logp = torch.log_softmax(model(input_ids=x).logits[0, :-1], -1)
    return -logp.gather(1, x[0, 1:, None])[:, 0]


def test_random_token_sequences_are_two_copies_without_the_special_token() -> None:
    seqs = random_token_sequences(1024, n=30, length=20, seed=4)
    assert len(seqs) == 30
    for s in seqs:
        assert len(s) == 41 and s[0] == 0 and 0 not in s[1:] and s[1:21] == s[21:] and max(s) < 1024
    assert random_token_sequences(1024, n=30, length=20, seed=4) == seqs


def test_copy_loss_is_the_mean_loss_of_each_copy_without_its_first_token(model) -> None:  # type: ignore[no-untyped-def]
    seqs = random_token_sequences(model.config.vocab_size, n=5, length=10, seed=1)
    first, second = [], []
    with torch.no_grad():
        for s in seqs:
            nll = _nll(model, s)  # nll[t] = loss of token t + 1
            first.append(nll[1:10])  # tokens 2..10
            second.append(nll[11:])  # tokens 12..20
    c = copy_loss(model, seqs)
    f, s2 = float(torch.cat(first).mean()), float(torch.cat(second).mean())
    assert c.first_copy_loss == pytest.approx(f, abs=1e-3)
    assert c.second_copy_loss == pytest.approx(s2, abs=1e-3)
    assert c.ratio == pytest.approx(s2 / f, abs=1e-3)


def test_ablating_a_head_equals_zeroing_its_rows_of_the_output_projection(model) -> None:  # type: ignore[no-untyped-def]
    x = torch.tensor([random_token_sequences(model.config.vocab_size, n=1, length=12, seed=2)[0]])
    d_head = model.config.n_embd // model.config.n_head
    with torch.no_grad():
        base = model(input_ids=x).logits
        with ablated_head(model, 1, 1):
            hooked = model(input_ids=x).logits
        manual = copy.deepcopy(model)
        manual.transformer.h[1].attn.c_proj.weight[d_head : 2 * d_head] = 0  # Conv1D weight: [in, out]
        expected = manual(input_ids=x).logits
    assert torch.allclose(hooked, expected, atol=1e-5)
    assert not torch.allclose(hooked, base, atol=1e-4)
    assert torch.equal(model(input_ids=x).logits, base)  # the hook is gone afterwards


def test_head_ablations_cover_every_head_largest_effect_first(model) -> None:  # type: ignore[no-untyped-def]
    seqs = random_token_sequences(model.config.vocab_size, n=4, length=10, seed=3)
    out = head_ablations(model, seqs)
    assert {(h.layer, h.head) for h in out} == {
        (layer, head) for layer in range(model.config.n_layer) for head in range(model.config.n_head)
    }
    losses = [h.second_copy_loss for h in out]
    assert losses == sorted(losses, reverse=True)


class _Tok:
    def __call__(self, text: str) -> dict[str, list[int]]:
        return {"input_ids": [0, *(ord(c) % 60 + 1 for c in text)]}


def test_calibration_is_mean_top1_probability_and_accuracy(model) -> None:  # type: ignore[no-untyped-def]
    docs = [Document("the cat sat on the mat", "en", "general_sentence"), Document("猫が座った", "ja", "x")]
    cal = calibration(model, _Tok(), docs)
    probs, hits = [], []
    with torch.no_grad():
        for d in docs:
            ids = _Tok()(d.text)["input_ids"]
            p = torch.softmax(model(input_ids=torch.tensor([ids])).logits[0, :-1], -1)
            top_p, top_i = p.max(-1)
            probs.append(top_p)
            hits.append((top_i == torch.tensor(ids[1:])).float())
    allp, allh = torch.cat(probs), torch.cat(hits)
    assert cal["all"].tokens == len(allp)
    assert cal["all"].mean_top1_prob == pytest.approx(float(allp.mean()), abs=1e-4)
    assert cal["all"].top1_accuracy == pytest.approx(float(allh.mean()), abs=1e-4)
    assert cal["en"].tokens == len(docs[0].text) and set(cal) == {"en", "ja", "all"}
