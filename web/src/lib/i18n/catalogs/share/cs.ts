/** Czech strings of links and pictures. */
import type { ShareCatalog } from "./types";

export const shareCs: ShareCatalog = {
  "share.copyLink": "Kopírovat odkaz",
  "share.copyLinkTitle": "Zkopírovat odkaz, který znovu otevře tento pohled s tímto promptem, nastavením a výběrem",
  "share.copied": "Odkaz zkopírován: otevře tento pohled přesně tak, jak je teď",
  "share.copyFallback": "Zkopírujte tento odkaz:",
  "share.exportSvg": "Stáhnout „{panel}“ jako obrázek SVG",
  "share.exportPng": "Stáhnout „{panel}“ jako obrázek PNG (2×)",
  "share.saved": "Uloženo: {file}",
  "share.failed": "Obrázek se nepodařilo vytvořit: {error}",
  "share.capModel": "Model: {model}",
  "share.capPrompt": "Prompt: {prompt}",
  "share.capGenerated": "Vygenerováno za ním: {text}",
  "share.capSettings": "Teplota {t} · top-k {k} · top-p {p} · min-p {minp} · seed {seed}",
  "share.capHead": "Vrstva {layer}, hlava {head}, pozice dotazu {pos} {token}",
  "share.capGrid": "Všechny hlavy: {layers} vrstev × {heads} hlav",
  "share.capLens": "Logit lens: nejpravděpodobnější token přečtený z každé vrstvy na každé pozici",
  "share.capStep": "Checkpoint: krok {step}",
  "share.capLoss": "Ztráta během kroků trénování",
};
