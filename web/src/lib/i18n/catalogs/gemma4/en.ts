/** English strings of Gemma 4's per-layer inputs (the diagram's stage, the panel, DLA's component); merged into the English catalog. */
export const gemma4En = {
  "ple.stage":
    "Per-layer input ({d} numbers): gate · project · RMSNorm · ⊕, then × the layer scalar",
  "ple.kvFrom": "keys/values of layer {layer}",
  "ple.title": "Per-layer input · layer {layer}",
  "ple.intro":
    "Besides the residual stream, each layer of this model receives {d} numbers of its own for every token: a row of a per-layer embedding table (the token part) plus the token's embedding projected and normalised (the context part), added and divided by √2. After the MLP the layer computes a gate from its residual stream, multiplies it with this input, projects the result back to the residual's size, normalises it and adds it.",
  "ple.atToken": "At “{token}” (position {pos})",
  "ple.token": "Token part: the token's row of the table (× √{d})",
  "ple.context": "Context part: the embedding, projected and RMS-normed",
  "ple.input": "Input = (context part + token part) / √2",
  "ple.gate": "Gate = gelu(W_gate · residual stream)",
  "ple.gated": "Gate × input: what is projected back and added",
  "ple.norms":
    "Size of what is added at each token: the per-layer step beside the MLP",
  "ple.keyPle": "per-layer step",
  "ple.added": "“{token}”: per-layer input ‖+‖ {ple} · MLP ‖+‖ {mlp}",
  "ple.scalar":
    "Then the whole residual stream leaving this layer is multiplied by the layer scalar {s}.",
  "ple.kvShared":
    "This layer's attention computes no keys or values of its own: it reuses those of layer {layer}.",
  "detail.site.ple": "L{layer} per-layer input",
  "why.dla.kind.ple": "per-layer input",
} as const;
