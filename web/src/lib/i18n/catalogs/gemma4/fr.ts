import type { Gemma4Catalog } from "./types";

/** French strings of Gemma 4's per-layer inputs. */
export const gemma4Fr: Gemma4Catalog = {
  "ple.stage":
    "Entrée propre à la couche ({d} nombres) : porte · projection · RMSNorm · ⊕, puis × le scalaire de couche",
  "ple.kvFrom": "clés/valeurs de la couche {layer}",
  "ple.title": "Entrée propre à la couche · couche {layer}",
  "ple.intro":
    "En plus du flux résiduel, chaque couche de ce modèle reçoit {d} nombres à elle pour chaque token : une ligne d'une table d'embeddings par couche (la partie jeton) plus l'embedding du token projeté et normalisé (la partie contexte), additionnées puis divisées par √2. Après le MLP, la couche calcule une porte à partir de son flux résiduel, la multiplie par cette entrée, projette le résultat à la taille du flux résiduel, le normalise et l'ajoute.",
  "ple.atToken": "À « {token} » (position {pos})",
  "ple.token": "Partie jeton : la ligne du token dans la table (× √{d})",
  "ple.context": "Partie contexte : l'embedding projeté puis normalisé (RMS)",
  "ple.input": "Entrée = (partie contexte + partie jeton) / √2",
  "ple.gate": "Porte = gelu(W_gate · flux résiduel)",
  "ple.gated": "Porte × entrée : ce qui est reprojeté et ajouté",
  "ple.norms":
    "Taille de ce qui est ajouté à chaque token : l'étape de l'entrée propre à côté du MLP",
  "ple.keyPle": "étape de l'entrée propre",
  "ple.added": "« {token} » : entrée propre ‖+‖ {ple} · MLP ‖+‖ {mlp}",
  "ple.scalar":
    "Puis tout le flux résiduel qui sort de cette couche est multiplié par le scalaire de couche {s}.",
  "ple.kvShared":
    "L'attention de cette couche ne calcule ni clés ni valeurs : elle réutilise celles de la couche {layer}.",
  "detail.site.ple": "C{layer} entrée propre",
  "why.dla.kind.ple": "entrée propre à la couche",
};
