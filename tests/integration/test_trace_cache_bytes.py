"""The trace cache is bounded by bytes measured on real traces of a tiny model."""

from __future__ import annotations

from glassbox.server.trace_cache import TraceCache


def test_byte_budget_evicts_least_recently_used(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    probe = TraceCache(max_bytes=2**40)
    one = probe.get("m", model, [1, 2, 3]).nbytes
    assert one > 0 and probe.nbytes == one and probe.stats()["entries"] == 1
    # Room for two 3-token traces, not three.
    cache = TraceCache(max_bytes=2 * one + one // 2)
    a = cache.get("m", model, [1, 2, 3])
    b = cache.get("m", model, [4, 5, 6])
    assert cache.get("m", model, [1, 2, 3]) is a  # a is now the most recently used
    cache.get("m", model, [7, 8, 9])  # evicts b, not a
    assert len(cache) == 2 and cache.nbytes <= cache.max_bytes
    assert cache.get("m", model, [1, 2, 3]) is a
    assert cache.get("m", model, [4, 5, 6]) is not b
    stats = cache.stats()
    assert stats["entries"] == 2 and stats["bytes"] == cache.nbytes and stats["hits"] == 2 and stats["misses"] == 4


def test_trace_over_budget_is_used_once_not_kept(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    cache = TraceCache(max_bytes=1)
    t = cache.get("m", model, [1, 2, 3])
    assert t.nbytes > 1 and len(cache) == 0 and cache.nbytes == 0
    assert cache.get("m", model, [1, 2, 3]) is not t


def test_health_reports_the_cache(tiny_models) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from glassbox.schema.api import Limits
    from glassbox.server.app import create_app_for
    from glassbox.server.registry import Registry

    app = create_app_for(
        Registry([tiny_models["gpt2"]]), Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50), trace_cache_mb=3
    )
    client = TestClient(app, base_url="http://localhost")
    before = client.get("/api/health").json()["trace_cache"]
    assert before == {"entries": 0, "bytes": 0, "max_bytes": 3 * 2**20, "hits": 0, "misses": 0}
    model = client.get("/api/models").json()["default_model"]
    for _ in range(2):
        r = client.post("/api/detail/mlp", json={"model": model, "prompt": "The cat sat", "layer": 0, "pos": 1})
        assert r.status_code == 200, r.text
    after = client.get("/api/health").json()["trace_cache"]
    kept = app.state.trace_cache._traces  # the one trace both requests read
    assert after["entries"] == 1 and after["bytes"] == next(iter(kept.values())).nbytes > 0
    assert after["misses"] == 1 and after["hits"] == 1
