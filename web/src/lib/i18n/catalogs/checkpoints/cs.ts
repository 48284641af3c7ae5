/** Czech strings of a real model's training checkpoints in the pre-training view. */
import type { CheckpointsCatalog } from "./types";

export const checkpointsCs: CheckpointsCatalog = {
  "ckpt.trainingIntro":
    "Model začíná jako náhodná čísla a učí se tím, že milionkrát zopakuje jeden malý krok: předpoví každý další token skutečného textu, změří, jak moc se spletl, a každou váhu trochu posune směrem, který by chybu zmenšil. Trénink tohoto modelu glassbox nezaznamenal; níže jsou snímky jeho vah zveřejněné během tréninku a mikromodel, který si můžete natrénovat sami.",
  "ckpt.title": "Tréninkové checkpointy modelu {model}",
  "ckpt.intro":
    "Tento model byl zveřejněn i se snímky svých vah pořízenými během tréninku. Každý checkpoint se tu načetl z tohoto počítače (z místní cache Hugging Face nebo ze složky) a dostal stejné testovací prompty: sledujte, jak se předpovědi s postupem tréninku mění.",
  "ckpt.orderStep": "Seřazeno podle tréninkového kroku v názvu každého checkpointu.",
  "ckpt.orderGiven":
    "Ne každý název checkpointu uvádí tréninkový krok, proto jsou v pořadí, v jakém byly zadány při spuštění serveru.",
  "ckpt.memory": "Checkpointy se načítají po jednom a hned uvolňují: vedle obsluhovaného modelu nejvýš {size} vah.",
  "ckpt.loading": "Přehrávám checkpointy…",
  "ckpt.lossChart": "Ztráta na testovacích textech",
  "ckpt.probeLoss": "ztráta na testovacích textech",
  "ckpt.lossCaption":
    "S těmito checkpointy není uložena žádná tréninková ztráta, proto se žádná nekreslí. Tato křivka se počítá zde: průměrná ztráta každého checkpointu na testovacích textech (každý testovací prompt následovaný očekávanou odpovědí, {n} tokenů).",
  "ckpt.noChart":
    "Názvy checkpointů neuvádějí tréninkové kroky, takže chybí osa kroků i křivka; ztráta každého checkpointu na testovacích textech je uvedena u něj.",
  "ckpt.capLoss": "průměrná ztráta na testovacích textech pro každý checkpoint, spočtená glassboxem (není to tréninková ztráta)",
  "ckpt.params": "{n} parametrů",
  "ckpt.probesCaption":
    "Stejné testovací prompty v každém checkpointu: 5 nejpravděpodobnějších dalších tokenů. Zvýrazněno: pokračování, které by měl dát natrénovaný model.",
  "ckpt.compareTitle": "Stejný prompt dvěma checkpointy",
  "ckpt.compareCaption":
    "Napište libovolný prompt a vyberte dva checkpointy, raný a pozdní: rozdělení dalšího tokenu v každém z nich vedle sebe. Zaškrtněte „ohodnotit jako text“ a uvidíte i ztrátu každého tokenu promptu.",
  "ckpt.first": "První checkpoint",
  "ckpt.second": "Druhý checkpoint",
  "ckpt.score": "Ohodnotit jako text (ztráta každého tokenu)",
  "ckpt.compare": "Porovnat",
  "ckpt.entropy": "entropie {value} natů",
  "ckpt.meanLoss": "průměrná ztráta {value} natů",
  "ckpt.nextTokens": "Nejpravděpodobnější další tokeny (přes celý slovník)",
  "ckpt.tokenLosses": "Ztráta každého tokenu při znalosti předchozích (naty)",
  "ckpt.tokenLoss": "{token}: ztráta {loss} natů, pravděpodobnost {prob}",
};
