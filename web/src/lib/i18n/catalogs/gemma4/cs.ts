import type { Gemma4Catalog } from "./types";

/** Czech strings of Gemma 4's per-layer inputs. */
export const gemma4Cs: Gemma4Catalog = {
  "ple.stage":
    "Vstup vrstvy ({d} čísel): brána · projekce · RMSNorm · ⊕, pak × skalár vrstvy",
  "ple.kvFrom": "klíče/hodnoty vrstvy {layer}",
  "ple.title": "Vstup vrstvy · vrstva {layer}",
  "ple.intro":
    "Kromě reziduálního proudu dostává každá vrstva tohoto modelu pro každý token {d} vlastních čísel: řádek tabulky vložení pro vrstvy (tokenová část) a vložení tokenu promítnuté a normalizované (kontextová část), sečtené a vydělené √2. Po MLP vrstva spočítá ze svého reziduálního proudu bránu, vynásobí jí tento vstup, výsledek promítne zpět na velikost reziduálního proudu, normalizuje ho a přičte.",
  "ple.atToken": "U „{token}“ (pozice {pos})",
  "ple.token": "Tokenová část: řádek tabulky pro token (× √{d})",
  "ple.context": "Kontextová část: vložení promítnuté a normalizované RMS",
  "ple.input": "Vstup = (kontextová část + tokenová část) / √2",
  "ple.gate": "Brána = gelu(W_gate · reziduální proud)",
  "ple.gated": "Brána × vstup: co se promítne zpět a přičte",
  "ple.norms":
    "Velikost toho, co se u každého tokenu přičte: krok vstupu vrstvy vedle MLP",
  "ple.keyPle": "krok vstupu vrstvy",
  "ple.added": "„{token}“: vstup vrstvy ‖+‖ {ple} · MLP ‖+‖ {mlp}",
  "ple.scalar":
    "Potom se celý reziduální proud opouštějící tuto vrstvu vynásobí skalárem vrstvy {s}.",
  "ple.kvShared":
    "Pozornost této vrstvy nepočítá vlastní klíče ani hodnoty: používá ty z vrstvy {layer}.",
  "detail.site.ple": "V{layer} vstup vrstvy",
  "why.dla.kind.ple": "vstup vrstvy",
};
