"""Properties of the sampling pipeline (hypothesis), over random logits vectors."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from glassbox.analysis.sampling import (
    GREEDY_BELOW,
    draw,
    sampling_pipeline,
    top_ids,
    top_p_mask,
    uniform,
)
from glassbox.analysis.sampling import settings as make_settings
from glassbox.errors import InvalidInputError
from glassbox.schema import api, api_detail, api_training
from glassbox.schema.api import GenerateRequest
from glassbox.schema.base import Request, non_finite_fields
from glassbox.schema.models import SamplingSettings

logit_lists = st.lists(st.floats(min_value=-30, max_value=30, allow_nan=False), min_size=2, max_size=60)


def vec(values: list[float]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float32)


@settings(max_examples=200, deadline=None)
@given(
    logit_lists,
    st.floats(min_value=1e-4, max_value=100),
    st.integers(0, 70),
    st.floats(0.01, 1.0),
    st.floats(0.0, 1.0),
    st.integers(0, 2**32 - 1),
)
def test_final_distribution_is_a_distribution(values, t, k, p, mp, seed) -> None:  # type: ignore[no-untyped-def]
    res = sampling_pipeline(vec(values), SamplingSettings(temperature=t, top_k=k, top_p=p, min_p=mp, seed=seed))
    assert np.isfinite(res.probs).all() and np.isfinite(res.final_probs).all()
    assert math.isclose(float(res.probs.sum()), 1.0, abs_tol=1e-9)
    assert math.isclose(float(res.final_probs.sum()), 1.0, abs_tol=1e-9)
    assert res.keep_min_p[res.token_id], "the sampled token survived every filter"
    # filters only ever remove tokens
    assert not (res.keep_top_p & ~res.keep_top_k).any()
    assert not (res.keep_min_p & ~res.keep_top_p).any()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-1000, 1000), min_size=2, max_size=50, unique=True), st.integers(1, 60))
def test_top_k_keeps_exactly_k_without_ties(ints, k) -> None:  # type: ignore[no-untyped-def]
    logits = vec([i / 10 for i in ints])
    res = sampling_pipeline(logits, SamplingSettings(temperature=1.0, top_k=k))
    assert int(res.keep_top_k.sum()) == min(k, len(ints))
    kept = logits[res.keep_top_k]
    dropped = logits[~res.keep_top_k]
    assert dropped.numel() == 0 or kept.min() > dropped.max()


def test_top_k_keeps_ties_at_the_boundary() -> None:
    res = sampling_pipeline(vec([3.0, 1.0, 1.0, 0.0]), SamplingSettings(top_k=2))
    assert res.keep_top_k.tolist() == [True, True, True, False]


@settings(max_examples=200, deadline=None)
@given(logit_lists, st.floats(0.01, 0.999))
def test_top_p_keeps_the_minimal_prefix(values, p) -> None:  # type: ignore[no-untyped-def]
    probs = torch.softmax(torch.tensor(values, dtype=torch.float64), 0).numpy()
    keep = top_p_mask(probs, np.ones(probs.shape, dtype=bool), p)
    kept = np.sort(probs[keep])[::-1]
    assert float(kept.sum()) >= p - 1e-12  # reaches p
    assert float(kept[:-1].sum()) < p + 1e-12  # and no token could be dropped
    # every kept token is at least as likely as every dropped one
    if (~keep).any():
        assert probs[keep].min() >= probs[~keep].max()


@settings(max_examples=100, deadline=None)
@given(logit_lists, st.integers(0, 1000))
def test_tiny_temperature_is_argmax(values, seed) -> None:  # type: ignore[no-untyped-def]
    logits = vec(values)
    top = logits.max()
    if (logits == top).sum() > 1 or ((logits < top).any() and float(top - logits[logits < top].max()) < 1e-2):
        return  # near-ties: T = 1e-4 legitimately keeps both
    res = sampling_pipeline(logits, SamplingSettings(temperature=1e-4, seed=seed))
    greedy = sampling_pipeline(logits, SamplingSettings(temperature=0.0))
    assert res.token_id == greedy.token_id == int(logits.argmax())
    assert greedy.greedy and greedy.u is None and float(greedy.final_probs.max()) == 1.0


def test_extreme_temperatures_have_no_nan() -> None:
    logits = vec([80.0, -80.0, 0.0, 79.0])
    for t in (1e-4, 100.0):
        res = sampling_pipeline(logits, SamplingSettings(temperature=t))
        assert np.isfinite(res.scaled_logits).all() and np.isfinite(res.final_probs).all()
    hot = sampling_pipeline(logits, SamplingSettings(temperature=100.0))
    assert float(hot.probs.max() - hot.probs.min()) < 0.9  # close to uniform


def test_min_p_filters_relative_to_max() -> None:
    probs_logits = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05]))
    res = sampling_pipeline(probs_logits, SamplingSettings(min_p=0.5))
    assert res.keep_min_p.tolist() == [True, True, False, False]


@given(st.integers(0, 2**32 - 1), st.integers(0, 10_000))
def test_uniform_is_deterministic_and_in_range(seed, step) -> None:  # type: ignore[no-untyped-def]
    u = uniform(seed, step)
    assert 0.0 <= u < 1.0
    assert u == uniform(seed, step)


def test_uniform_reference_values() -> None:
    # pinned so the browser port can be checked against the same numbers
    # (murmur3 fmix32 of seed + 0x9E3779B9·(step+1)); the web's vitest pins the same values
    assert [uniform(0, s) for s in range(3)] == [0.5733975800685585, 0.23765396769158542, 0.10578142385929823]
    assert uniform(12345, 7) == 0.968928245594725
    assert len({uniform(7, s) for s in range(1000)}) == 1000


def test_same_seed_same_token_different_seed_varies() -> None:
    logits = torch.zeros(50)
    a = [sampling_pipeline(logits, SamplingSettings(seed=3), step).token_id for step in range(20)]
    b = [sampling_pipeline(logits, SamplingSettings(seed=3), step).token_id for step in range(20)]
    c = [sampling_pipeline(logits, SamplingSettings(seed=4), step).token_id for step in range(20)]
    assert a == b and a != c


def test_draw_follows_the_cdf() -> None:
    p = np.array([0.2, 0.0, 0.5, 0.3])
    assert draw(p, 0.0) == 0 and draw(p, 0.19) == 0 and draw(p, 0.2) == 2 and draw(p, 0.71) == 3


@pytest.mark.parametrize(
    "kwargs",
    [{"temperature": -0.1}, {"top_p": 0.0}, {"top_p": 1.5}, {"top_k": -1}, {"min_p": 2.0}, {"seed": -1}],
)
def test_invalid_settings_are_clear_errors(kwargs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match="invalid sampling settings"):
        make_settings(**kwargs)


def test_top_ids_orders_ties_by_id() -> None:
    p = np.array([0.1, 0.3, 0.3, 0.05, 0.25])
    assert top_ids(p, 3).tolist() == [1, 2, 4]
    assert top_ids(p, 10).tolist() == [1, 2, 4, 0, 3]


def test_torch_and_numpy_inputs_agree() -> None:
    logits = torch.randn(1000, generator=torch.Generator().manual_seed(0))
    s = SamplingSettings(temperature=0.7, top_k=40, top_p=0.9, seed=2)
    a, b = sampling_pipeline(logits, s, 3), sampling_pipeline(logits.numpy(), s, 3)
    assert a.token_id == b.token_id and np.array_equal(a.final_probs, b.final_probs)


# --- hardening: tiny temperatures, extreme logits, non-finite settings ---------------------------------------

finite_logits = st.lists(
    st.floats(allow_nan=False, allow_infinity=False, width=32),  # the whole float32 range
    min_size=1,
    max_size=60,
)
any_temperature = st.one_of(
    st.sampled_from([0.0, 1e-308, 5e-324, 5e-5, GREEDY_BELOW, 1e-3, 1e300]),
    st.floats(min_value=0.0, max_value=1e300, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=300, deadline=None)
@given(
    finite_logits,
    any_temperature,
    st.integers(0, 70),
    st.one_of(st.sampled_from([1e-300, 1e-12, 1.0]), st.floats(min_value=1e-300, max_value=1.0)),
    st.one_of(st.sampled_from([0.0, 1.0]), st.floats(0.0, 1.0)),
    st.integers(0, 2**32 - 1),
    st.integers(0, 10_000),
)
def test_any_finite_logits_and_valid_settings_choose_a_kept_token(values, t, k, p, mp, seed, step) -> None:  # type: ignore[no-untyped-def]
    s = SamplingSettings(temperature=t, top_k=k, top_p=p, min_p=mp, seed=seed)
    res = sampling_pipeline(np.array(values, dtype=np.float32), s, step)
    assert 0 <= res.token_id < len(values)
    assert res.keep_min_p[res.token_id] and res.final_probs[res.token_id] > 0
    assert np.isfinite(res.probs).all() and np.isfinite(res.final_probs).all()
    assert res.greedy == (t < GREEDY_BELOW)


@pytest.mark.parametrize("t", [1e-308, 5e-324, 5e-5, 9.999e-5])
def test_temperatures_below_the_threshold_are_greedy(t: float) -> None:
    logits = np.array([1.0, 2.0, -3.0, 2.0], dtype=np.float32)
    res = sampling_pipeline(logits, SamplingSettings(temperature=t, seed=9), 4)
    assert res.greedy and res.u is None and res.token_id == 1 and res.final_probs.tolist() == [0, 1, 0, 0]


def test_the_threshold_itself_samples_with_huge_logits() -> None:
    f32max = float(np.finfo(np.float32).max)
    logits = np.array([-f32max, f32max, 1e38, 0.0, np.inf, -np.inf, np.nan], dtype=np.float32)
    res = sampling_pipeline(logits, SamplingSettings(temperature=GREEDY_BELOW, seed=1), 0)
    assert not res.greedy and res.u is not None
    assert np.isfinite(res.scaled_logits[:5]).all() and np.isfinite(res.probs).all()
    assert res.token_id in (1, 4) and res.final_probs[[1, 4]].tolist() == [0.5, 0.5]


def test_min_p_one_and_a_tiny_top_p_keep_the_top_token() -> None:
    logits = np.array([0.5, 3.0, 3.0, -1.0])
    only_top = sampling_pipeline(logits, SamplingSettings(top_p=1e-12), 0)
    assert only_top.keep_top_p.tolist() == [False, True, False, False] and only_top.token_id == 1
    maxima = sampling_pipeline(logits, SamplingSettings(min_p=1.0, seed=5), 0)
    assert maxima.keep_min_p.tolist() == [False, True, True, False]


def test_draw_never_falls_off_the_end() -> None:
    nan = np.array([np.nan, np.nan, np.nan])
    assert draw(nan, 0.5, np.array([True, True, False])) == 1  # the last kept token
    assert draw(np.array([0.3, 0.3, 0.3]), 0.99) == 2  # rounding ran out: the last non-zero id


@pytest.mark.parametrize("field", ["temperature", "top_p", "min_p"])
@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_non_finite_settings_are_refused(field: str, value: float) -> None:
    with pytest.raises(InvalidInputError, match="invalid sampling settings"):
        make_settings(**{field: value})


def test_the_pipeline_refuses_an_infinite_temperature() -> None:
    s = SamplingSettings.model_construct(temperature=math.inf, top_k=0, top_p=1.0, min_p=0.0, seed=0)
    with pytest.raises(InvalidInputError, match="finite"):
        sampling_pipeline(np.array([0.0, -np.inf]), s)


@pytest.mark.parametrize(
    "settings_json",
    ['{"temperature": Infinity}', '{"temperature": NaN}', '{"top_p": NaN}', '{"min_p": -Infinity}'],
)
def test_a_generate_request_refuses_non_finite_settings(settings_json: str) -> None:
    # Python's json (and so a server's body parser) reads Infinity and NaN; the request must refuse them
    body = json.loads(f'{{"model": "m", "prompt": "hi", "settings": {settings_json}}}')
    with pytest.raises(ValidationError, match=r"finite|greater than|less than"):
        GenerateRequest.model_validate(body)
    with pytest.raises(ValidationError):
        GenerateRequest.model_validate_json(json.dumps(body))  # the same body as the wire carries it


def test_the_infinite_temperature_names_its_field() -> None:
    # the nested settings refuse it themselves (SamplingSettings is a Request too): the error names the field
    with pytest.raises(ValidationError, match=r"settings\.temperature\s+Input should be a finite number"):
        GenerateRequest.model_validate({"model": "m", "prompt": "hi", "settings": {"temperature": math.inf}})
    ok = GenerateRequest.model_validate({"model": "m", "prompt": "hi", "settings": {"temperature": 1e-308}})
    assert ok.settings.temperature == 1e-308


def test_every_request_body_refuses_non_finite_numbers() -> None:
    requests = [
        m
        for module in (api, api_detail, api_training)
        for m in vars(module).values()
        if isinstance(m, type) and issubclass(m, BaseModel) and m.__name__.endswith("Request")
    ]
    assert len(requests) >= 10
    for model in requests:
        assert issubclass(model, Request), f"{model.__name__} must derive from schema.base.Request"
        assert model.model_config.get("allow_inf_nan") is False


def test_a_nested_non_finite_float_is_found_anywhere() -> None:
    assert non_finite_fields(
        {"a": [1.0, {"b": math.nan}], "c": SamplingSettings.model_construct(temperature=math.inf)}
    ) == [
        "a.1.b",
        "c.temperature",
    ]
