"""The static export's Why and Circuits stages: per prompt, what those views show, computed ahead of time.

:func:`why_export` and :func:`circuits_export` build the payloads of :mod:`glassbox.schema.export_views`;
:func:`glassbox.export_site.export_site` writes them beside each prompt's trace. Every number is what the server's
route answers for the same request (the same functions, on the same token ids), so the page shows them through the
same components. The choices exported, and the size each costs, are in ``docs/export.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox.analysis.attribution import attribute_generation
from glassbox.analysis.attribution_batch import attribute_targets
from glassbox.analysis.scoring import score_text
from glassbox.errors import InvalidInputError
from glassbox.graph.circuits import circuits_graph
from glassbox.models.tokens import encode_prompt, token_infos
from glassbox.schema.circuits import CircuitsInfo
from glassbox.schema.export_views import CircuitsExport, ExportedAttribution, ExportedMatrix, WhyExport
from glassbox.schema.why import AttributeRequest, AttributionMethod
from glassbox.transcoders.cards import FeatureCards, load_feature_cards, transcoders_name
from glassbox.transcoders.format import TranscoderSet, load_transcoders

if TYPE_CHECKING:
    from glassbox.models.loading import LoadedModel
    from glassbox.schema.traces import PromptTrace

__all__ = [
    "EXPORT_MAX_EDGES",
    "GREEDY_NEW_TOKENS",
    "METHODS",
    "N_TARGETS",
    "ExportTranscoders",
    "circuits_export",
    "export_transcoders",
    "why_export",
]

METHODS: tuple[AttributionMethod, ...] = ("gradient_x_input", "integrated_gradients", "occlusion", "shapley")
N_TARGETS = 10
"""Targets exported per method: the top next tokens. The page's target picker offers the top 8 of the float16
logits it decodes; two more keep a near-tie that float16 reorders in the file."""
GREEDY_NEW_TOKENS = 6
"""The Why view's greedy continuation length when the page has generated nothing (``maxNewTokens`` in
``web/src/lib/why/state.svelte.ts``)."""
EXPORT_MAX_EDGES = 40_000
"""The most edges an exported graph carries (about 1.2 MB of JSON): the node threshold's loosest setting is lowered
to fit, as the server does at its own, larger limit (:data:`glassbox.graph.circuits.MAX_EDGES`)."""

# the Why form's default options (the request's defaults): only these are exported
_DEFAULTS = AttributeRequest.model_fields
N_STEPS: int = _DEFAULTS["n_steps"].default
N_SAMPLES: int = _DEFAULTS["n_samples"].default
SEED: int = _DEFAULTS["seed"].default


def why_export(model: LoadedModel, trace: PromptTrace, model_id: str, *, n_targets: int = N_TARGETS) -> WhyExport:
    """The Why view's answers for ``trace``'s prompt (``glassbox.schema.export_views`` says which), each target among
    the ``n_targets`` likeliest next tokens."""
    ids = encode_prompt(model, trace.prompt, model.info.n_ctx)
    first = next(d for d in trace.distributions if d.generated == 0)
    targets = [t.token.id for t in first.top[:n_targets]]
    options = {"n_steps": N_STEPS, "n_samples": N_SAMPLES, "seed": SEED}
    # every target of a method in one batched problem: what attribute() gives each alone (attribution_batch)
    attributions = [
        ExportedAttribution(
            method=method, target=a.target, scores=a.scores, f=a.f, f_baseline=a.f_baseline, delta=a.delta
        )
        for method in METHODS
        for a in attribute_targets(model, ids, targets, method, **options)
    ]
    matrices: list[ExportedMatrix] = []
    generated = [s.token.id for s in trace.steps]
    greedy: list[int] | None = None  # the greedy continuation, found once: argmax is the same for every method
    for asked in ([], generated) if generated else ([],):
        for method in METHODS:
            gen = asked or greedy
            try:
                m = attribute_generation(model, ids, gen, max_new_tokens=GREEDY_NEW_TOKENS, method=method, **options)
            except InvalidInputError:  # the prompt fills the context: no continuation to attribute
                break
            if not asked:
                greedy = [t.id for t in m.tokens[m.n_prompt :]]
            matrices.append(
                ExportedMatrix(
                    generated_ids=asked,
                    max_new_tokens=GREEDY_NEW_TOKENS,
                    matrix=m.model_copy(update={"model": model_id}),
                )
            )
    try:
        score = score_text(model, ids, k=5).model_copy(update={"model": model_id})
    except InvalidInputError:  # a one-token prompt: nothing to score
        score = None
    return WhyExport(
        model=model_id,
        prompt=trace.prompt,
        tokens=token_infos(model.tokenizer, ids),
        top_id=targets[0],
        n_steps=N_STEPS,
        n_samples=N_SAMPLES,
        seed=SEED,
        attributions=attributions,
        matrices=matrices,
        score=score,
    )


@dataclass
class ExportTranscoders:
    """A model's own transcoders and their feature cards, loaded once per export."""

    folder: Path
    ts: TranscoderSet
    name: str
    cards: FeatureCards | None = None
    precomputed: bool = field(init=False)

    def __post_init__(self) -> None:
        self.precomputed = self.cards is not None

    def feature_cards(self, model: LoadedModel) -> FeatureCards:
        """The precomputed cards, else computed once (as the server does on first demand)."""
        if self.cards is None:
            from glassbox.server.circuits_service import ON_DEMAND_TOKENS
            from glassbox.training.feature_cards import feature_cards

            self.cards = feature_cards(model, self.ts, n_tokens=ON_DEMAND_TOKENS, name=self.name)
        return self.cards


def export_transcoders(model: LoadedModel) -> ExportTranscoders | None:
    """The model's own transcoders (its ``transcoders/`` folder, as ``glassbox serve`` finds them), or None."""
    folder = model.path / "transcoders" if model.path is not None else None
    if folder is None or not (folder / "config.yaml").is_file():
        return None
    from glassbox.graph.replacement import check_compatible

    ts = load_transcoders(folder)
    check_compatible(model, ts)
    return ExportTranscoders(folder, ts, transcoders_name(ts, folder), load_feature_cards(folder))


def circuits_export(
    model: LoadedModel, prompt: str, model_id: str, tc: ExportTranscoders, *, max_edges: int = EXPORT_MAX_EDGES
) -> CircuitsExport:
    """The Circuits view's graph of ``prompt`` at its default logit target, and every feature's card in it."""
    ids = encode_prompt(model, prompt, model.info.n_ctx)
    cards = tc.feature_cards(model)
    graph = circuits_graph(model, ids, tc.ts, label=cards.label, name=tc.name, max_edges=max_edges)
    graph = graph.model_copy(update={"model": model_id, "prompt": prompt})
    # a feature is one node per position: its card once
    features = dict.fromkeys((n.layer, n.feature) for n in graph.nodes if n.kind == "feature")
    out_cards = [
        cards.card(model, tc.ts, layer, feature, name=tc.name).model_copy(update={"model": model_id})
        for layer, feature in features
        if layer is not None and feature is not None
    ]
    info = CircuitsInfo(
        model=model_id,
        available=True,
        transcoders=tc.name,
        n_layers=tc.ts.n_layers,
        d_transcoder=tc.ts.d_transcoder,
        cards_precomputed=tc.precomputed,
        n_ctx=model.info.n_ctx,
    )
    return CircuitsExport(info=info, graph=graph, cards=out_cards)
