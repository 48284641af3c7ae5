/** Czech strings of the static export. */
import type { ExportCatalog } from "./types";

export const exportCs: ExportCatalog = {
  "export.notice":
    "Statický export: {n} promptů předem spočítaných na modelu {model}. Nic se zde nepočítá — vyberte jeden z exportovaných promptů.",
  "export.picker": "Exportovaný prompt",
  "export.newPrompt": "Tato stránka je statický export: ukáže jen prompty spočítané při exportu, ne nový.",
  "export.offPath":
    "Tato stránka je statický export: obsahuje rozdělení jen podél exportovaného generování. S tímto nastavením by model zde vybral jiný token — vraťte se, nebo použijte nastavení exportu ({settings}).",
  "export.notDetail":
    "Tato stránka je statický export: podrobný pohled obsahuje jen vlastní tokeny exportovaného promptu (žádný vygenerovaný token) a u každé hlavy jen poslední pozici.",
  "export.cannot":
    "Tato stránka je statický export: toto potřebuje běžící server glassbox (glassbox serve). Živé trénování, nové prompty a zásahy do modelu zde nelze spustit.",
};
