"""Wire shapes of "Why did it say that?": input attribution, interventions, activation patching, logprobs.

Computed by :mod:`glassbox.analysis.attribution`, :mod:`glassbox.analysis.patching`,
:mod:`glassbox.analysis.scoring` and :mod:`glassbox.interventions`; served under ``/api/why/...``.

Places in the model are structure (``{layer, head}``, ``{layer, neuron}``), never labels to parse. Two fields
are numpy arrays in Python and plain JSON on the wire, so ``attribution.scores[3]`` and
``patching.effect[layer, pos]`` read naturally in a notebook while the browser gets exact float32 values:
:attr:`Attribution.scores` (a list of numbers) and :attr:`Patching.effect` (a :class:`TensorPayload`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from glassbox.schema.base import Dim, Payload, Request, Strict
from glassbox.schema.models import TensorPayload, TokenInfo, TopToken, tensor_payload

AttributionMethod = Literal["gradient_x_input", "integrated_gradients", "occlusion", "shapley"]
"""How input attribution is computed (each method's exact definition is in ``docs/why.md``)."""

PatchSite = Literal["resid_pre", "attn_out", "mlp_out", "head_result"]
"""Which activation activation patching replaces: the residual stream entering a block, a block's attention
output, its MLP output, or one head's result (its output-projected share of the attention output)."""

AblationMode = Literal["zero", "mean"]
"""``zero``: the value becomes 0; ``mean``: it becomes its own mean over the prompt's positions."""

TokenRef = int | str
"""A token named by its id or by its text (which must be exactly one token)."""


# --- numpy in Python, JSON on the wire ---------------------------------------------------------------------


class _FloatList:
    """A 1-D float array: ``np.ndarray`` (float64 holding float32 values exactly) in Python, a list of numbers
    on the wire."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        wire = core_schema.list_schema(core_schema.float_schema())

        def to_array(value: Any) -> np.ndarray:
            return np.asarray(value, dtype=np.float64).reshape(-1)

        def to_wire(value: np.ndarray) -> list[float]:
            out: list[float] = np.asarray(value, dtype=np.float64).reshape(-1).tolist()
            return out

        return core_schema.no_info_after_validator_function(
            to_array,
            core_schema.union_schema([core_schema.is_instance_schema(np.ndarray), wire]),
            serialization=core_schema.plain_serializer_function_ser_schema(to_wire, return_schema=wire),
        )


def _effect_dims(ndim: int) -> list[Dim]:
    if ndim == 2:
        return ["layer", "pos"]
    if ndim == 3:
        return ["layer", "pos", "head"]
    raise ValueError(f"a patching effect has 2 or 3 axes, not {ndim}")


class _EffectTensor:
    """A ``[layer, pos]`` or ``[layer, pos, head]`` float32 array in Python, a :class:`TensorPayload` on the wire."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        wire = handler.generate_schema(TensorPayload)

        def to_array(value: Any) -> np.ndarray:
            arr = value if isinstance(value, np.ndarray) else value.to_numpy()
            _effect_dims(arr.ndim)
            return np.asarray(arr, dtype=np.float32)

        def to_wire(value: np.ndarray) -> TensorPayload:
            return tensor_payload(value, _effect_dims(value.ndim))

        return core_schema.no_info_after_validator_function(
            to_array,
            core_schema.union_schema([core_schema.is_instance_schema(np.ndarray), wire]),
            serialization=core_schema.plain_serializer_function_ser_schema(to_wire, return_schema=wire),
        )


FloatArray = Annotated[np.ndarray, _FloatList]
EffectArray = Annotated[np.ndarray, _EffectTensor]


# --- payloads ---------------------------------------------------------------------------------------------------


class Attribution(Payload):
    """How much each input position contributed to ``f`` at the last position.

    ``f = log p(target)`` (log-softmax over the full vocabulary), or ``log p(target) − log p(foil)`` with a foil.
    """

    kind: Literal["attribution"] = "attribution"
    model: str
    method: AttributionMethod
    tokens: list[TokenInfo] = Field(description="every position, the beginning-of-text token included when prepended")
    scores: FloatArray = Field(description="one score per position (numpy in Python)")
    target: TokenInfo
    foil: TokenInfo | None = None
    f: float = Field(description="f at the real input")
    f_baseline: float | None = Field(
        None, description="f with every token embedding zeroed (integrated gradients, Shapley)"
    )
    delta: float | None = Field(
        None, description="integrated gradients' completeness error: Σ scores − (f − f_baseline)"
    )
    n_steps: int | None = Field(None, description="integration steps (integrated gradients)")
    n_samples: int | None = Field(None, description="sampled permutations (Shapley)")
    seed: int | None = Field(None, description="the permutations' seed (Shapley)")

    @property
    def target_id(self) -> int:
        return self.target.id

    @property
    def foil_id(self) -> int | None:
        return None if self.foil is None else self.foil.id


class AttributionRow(Strict):
    """The attribution of one generated token to every position before it."""

    pos: int = Field(description="the generated token's position in `tokens`")
    target: TokenInfo
    scores: FloatArray = Field(description="one score per earlier position (`pos` of them)")
    f: float = Field(description="log p(target) given everything before it")
    f_baseline: float | None = None
    delta: float | None = None


class AttributionMatrix(Payload):
    """Every generated token attributed to every earlier position (a ragged lower triangle)."""

    kind: Literal["attribution_matrix"] = "attribution_matrix"
    model: str
    method: AttributionMethod
    tokens: list[TokenInfo] = Field(description="the prompt's tokens, then the generated ones")
    n_prompt: int = Field(description="how many of `tokens` are the prompt's")
    rows: list[AttributionRow] = Field(description="one row per generated token, in order")
    n_steps: int | None = None
    n_samples: int | None = None
    seed: int | None = None


class HeadRef(Strict):
    """One attention head."""

    layer: int = Field(ge=0)
    head: int = Field(ge=0)


class NeuronRef(Strict):
    """One MLP neuron (an index into ``d_mlp``, the value the output projection reads)."""

    layer: int = Field(ge=0)
    neuron: int = Field(ge=0)


class TokenChange(Strict):
    """How one token's next-token probability moved when the components were switched off."""

    token: TokenInfo
    prob_before: float
    prob_after: float
    logit_before: float
    logit_after: float


class Ablation(Payload):
    """The next-token distribution at the last position before and after switching heads and neurons off."""

    kind: Literal["ablation"] = "ablation"
    model: str
    mode: AblationMode
    heads: list[HeadRef]
    neurons: list[NeuronRef]
    tokens: list[TokenInfo]
    logits_before: TensorPayload = Field(description="full-vocabulary logits of the unedited run [d_vocab]")
    logits_after: TensorPayload = Field(description="full-vocabulary logits with the ablation [d_vocab]")
    top_before: list[TopToken]
    top_after: list[TopToken]
    changes: list[TokenChange] = Field(description="the tokens whose probability moved most, largest |Δp| first")


class Patching(Payload):
    """Activation patching: the corrupted run with one clean activation put back, for every cell.

    ``effect[layer, pos]`` (``[layer, pos, head]`` for ``head_result``) is ``logit(answer) − logit(wrong)`` at
    the last position after that one replacement; ``clean`` and ``corrupted`` are the unpatched values.
    """

    kind: Literal["patching"] = "patching"
    model: str
    site: PatchSite
    clean_tokens: list[TokenInfo]
    corrupted_tokens: list[TokenInfo]
    answer: TokenInfo
    wrong: TokenInfo
    clean: float = Field(description="logit(answer) − logit(wrong) of the clean run")
    corrupted: float = Field(description="logit(answer) − logit(wrong) of the corrupted run")
    effect: EffectArray = Field(description="[layer, pos] or [layer, pos, head], float32 (numpy in Python)")


class PatchedCell(Payload):
    """One cell of an activation-patching map opened up: the corrupted run's full next-token distribution with
    that one activation put back from the clean run, beside the unpatched corrupted run's.

    Computed by the same batched run as the heatmap, so ``value`` is bit for bit the map's
    ``effect[layer, pos(, head)]`` and equals ``logits_patched[answer] − logits_patched[wrong]``.
    """

    kind: Literal["patched_cell"] = "patched_cell"
    model: str
    site: PatchSite
    layer: int
    pos: int
    head: int | None = Field(None, description="the head, for the per-head site `head_result`")
    patched_token: TokenInfo = Field(description="the clean prompt's token at `pos`, whose activation is put back")
    answer: TokenInfo
    wrong: TokenInfo
    clean: float = Field(description="logit(answer) − logit(wrong) of the clean run")
    corrupted: float = Field(description="logit(answer) − logit(wrong) of the corrupted run")
    value: float = Field(description="logit(answer) − logit(wrong) after this one patch (the map's cell)")
    logits_corrupted: TensorPayload = Field(description="full-vocabulary logits of the corrupted run [d_vocab]")
    logits_patched: TensorPayload = Field(description="full-vocabulary logits after this one patch [d_vocab]")
    top_corrupted: list[TopToken] = Field(description="the corrupted run's k most likely next tokens")
    top_patched: list[TopToken] = Field(description="the patched run's k most likely next tokens")
    changes: list[TokenChange] = Field(
        description="the tokens whose probability the patch moved most, largest |Δp| first (before: corrupted, "
        "after: patched)"
    )


class ScoredAlternative(TokenInfo):
    """A token the model could have put at that position, with its log-probability."""

    logprob: float


class ScoredToken(TokenInfo):
    """One token of a scored text, with how likely the model found it given everything before it."""

    pos: int
    logprob: float | None = Field(description="log p(token | everything before it); None for the first token")
    rank: int | None = Field(description="0-based rank of the token by logit; None for the first token")
    top: list[ScoredAlternative] | None = Field(description="the k most likely tokens there; None for the first")


class TextScore(Payload):
    """The log-probability of every token of a text under a model, and the text's perplexity."""

    kind: Literal["text_score"] = "text_score"
    model: str
    tokens: list[ScoredToken]
    perplexity: float = Field(description="exp(−mean logprob) over the scored tokens (every token but the first)")
    mean_logprob: float
    n_scored: int


# --- requests ----------------------------------------------------------------------------------------------------


class _WhyRequest(Request):
    model: str


class AttributeRequest(_WhyRequest):
    """Attribute the next token after a prompt (the top token unless ``target`` is given) to the prompt's tokens."""

    prompt: str = Field(max_length=100_000)
    target: TokenRef | None = Field(None, description="token id or one-token text; default: the top token")
    foil: TokenRef | None = Field(None, description="f = log p(target) − log p(foil) when given")
    method: AttributionMethod = "gradient_x_input"
    n_steps: int = Field(32, ge=1, le=256, description="integration steps (integrated gradients)")
    n_samples: int = Field(16, ge=1, le=256, description="sampled permutations (Shapley)")
    seed: int = Field(0, ge=0, lt=2**32)


class AttributionMatrixRequest(_WhyRequest):
    """Attribute each token of a continuation to everything before it (a greedy one if none is given)."""

    prompt: str = Field(max_length=100_000)
    generated_ids: list[int] = Field(default_factory=list, description="the continuation; empty: generate greedily")
    max_new_tokens: int = Field(8, ge=1, le=64, description="length of the greedy continuation")
    method: AttributionMethod = "gradient_x_input"
    n_steps: int = Field(32, ge=1, le=256)
    n_samples: int = Field(16, ge=1, le=256)
    seed: int = Field(0, ge=0, lt=2**32)


class DlaRequest(_WhyRequest):
    """Direct logit attribution of one token at the last position (the top token unless ``target`` is given)."""

    prompt: str = Field(max_length=100_000)
    generated_ids: list[int] = Field(default_factory=list, description="tokens appended after the prompt")
    target: TokenRef | None = None


class AblateRequest(_WhyRequest):
    prompt: str = Field(max_length=100_000)
    generated_ids: list[int] = Field(
        default_factory=list, description="tokens appended after the prompt: the last one's next token is ablated"
    )
    heads: list[HeadRef] = Field(default_factory=list, max_length=4096)
    neurons: list[NeuronRef] = Field(default_factory=list, max_length=4096)
    mode: AblationMode = "zero"
    k: int = Field(10, ge=1, le=100, description="how many tokens in `top_*` and `changes`")


class PatchRequest(_WhyRequest):
    clean: str = Field(max_length=100_000)
    corrupted: str = Field(max_length=100_000)
    answer: TokenRef
    wrong: TokenRef
    site: PatchSite = "resid_pre"


class PatchCellRequest(PatchRequest):
    """Open one cell of the patching map: the next-token distribution after that one patch."""

    layer: int = Field(ge=0)
    pos: int = Field(ge=0, description="the patched position (0 = the first token, beginning-of-text included)")
    head: int | None = Field(None, ge=0, description="the head: required for `head_result`, refused otherwise")
    k: int = Field(10, ge=1, le=100, description="how many tokens in `top_*` and `changes`")


class ScoreRequest(_WhyRequest):
    text: str = Field(max_length=100_000)
    k: int = Field(5, ge=1, le=50, description="alternatives listed per token")


WHY_MODELS: list[type[BaseModel]] = [
    Attribution,
    AttributionRow,
    AttributionMatrix,
    HeadRef,
    NeuronRef,
    TokenChange,
    Ablation,
    Patching,
    PatchedCell,
    ScoredAlternative,
    ScoredToken,
    TextScore,
    AttributeRequest,
    AttributionMatrixRequest,
    DlaRequest,
    AblateRequest,
    PatchRequest,
    PatchCellRequest,
    ScoreRequest,
]
