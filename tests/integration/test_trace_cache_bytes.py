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
