/** Czech strings of "Inside the model"'s attention maps, One head stages and logit lens position. */
import type { InsideCatalog } from "./types";

export const insideCs: InsideCatalog = {
  "inside.masked": "zamaskováno",
  "inside.maskLegend":
    "Tento klíč leží za dotazem, který nesmí hledět dopředu (kauzální maska). Model nahradí jeho škálované skóre hodnotou −∞, takže mu softmax dá váhu přesně 0.",
  "inside.maskLegendWindow":
    "Tento klíč leží za dotazem, nebo {n} či více pozic před ním (posuvné okno). Model nahradí jeho škálované skóre hodnotou −∞, takže mu softmax dá váhu přesně 0.",
  "inside.col.scaled": "× {scale} = škálováno",
  "inside.col.afterMask": "po masce",
  "inside.col.weight": "softmax = váha",
  "inside.stagesNote":
    "Zleva doprava v pořadí, v jakém je model počítá: q·k pro každý klíč; × škála pro každý klíč (i zamaskovaný klíč má skutečné škálované skóre); maska (skóre pozornosti modelu, hook_attn_scores); softmax přes to, co maska ponechala (váhy pozornosti, hook_pattern).",
  "inside.weightsLater": "Váhy pozornosti ještě neexistují: objeví se v kroku {n} ({step}).",
  "inside.weightScale": "váha pozornosti: výstup softmaxu, od 0 do 1",
  "inside.maskedSwatch": "zamaskováno (váha přesně 0)",
  "inside.mapAxes": "řádky: čtoucí pozice (dotaz) · sloupce: pozice, které čte (klíče)",
  "inside.mapCell": "dotaz {q} „{qt}“ → klíč {k} „{kt}“: {w}",
  "inside.mapHint": "Najeďte na buňku a uvidíte její váhu; kliknutím na token řádku vyberete tuto pozici.",
  "inside.selectPos": "vybrat pozici {pos} „{tok}“",
  "inside.keysRegion": "všechny klíče dotazu {pos} (posouvá se)",
  "inside.mapRegion": "mapa pozornosti (posouvá se)",
  "inside.gridHint":
    "Každý obrázek je mapa pozornosti jedné hlavy: řádky jsou pozice dotazů, sloupce klíče, pozice 0 vlevo nahoře. Otevřete hlavu a uvidíte její tokeny na obou osách.",
  "inside.gridPooled": "Dlouhý prompt: každá buňka ukazuje největší váhu v bloku {block} × {block} pozic. Otevřete hlavu a uvidíte každou váhu.",
  "inside.lensWindow": "Pozice {from}–{to} z {n}: čočka dlouhého promptu se počítá po oknech. Vyberte pozici mimo okno a okno se posune.",
  "inside.lensAt": "vybraná pozice {pos}",
};
