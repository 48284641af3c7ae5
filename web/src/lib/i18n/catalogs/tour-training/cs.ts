/** Czech strings of the guided tour's training track; merged into the Czech catalog. */
import type { TourTrainingCatalog } from "./types";

export const tourTrainingCs: TourTrainingCatalog = {
  "tourTraining.batch.title": "Jedna dávka textu",
  "tourTraining.batch.caption":
    "Model se učí ze skutečného textu. Věta se rozdělí na tokeny a na každé pozici musí model uhodnout token, který následuje: vstupy jsou tokeny, cíle jsou tytéž tokeny posunuté o jedno místo doleva.",
  "tourTraining.loss.title": "Jak moc se spletl? Ztráta",
  "tourTraining.loss.caption":
    "Na každé pozici dal model skutečnému dalšímu tokenu nějakou pravděpodobnost p. Ztráta je tam −log p: blízko 0, když si byl model správným tokenem jistý, velká, když byl překvapen. Trénink se snaží snížit průměr těchto sloupců.",
  "tourTraining.gradients.title": "Gradienty tečou zpět",
  "tourTraining.gradients.caption":
    "Zpětné šíření začíná od průměrné ztráty na výstupu a postupuje zpět, blok po bloku, až k embeddingům. Pro každou váhu zjistí, jak by se ztráta změnila, kdyby váha trochu vzrostla: její gradient. Každý sloupec je velikost gradientu jedné skupiny vah.",
  "tourTraining.update.title": "Váhy se posunou",
  "tourTraining.update.caption":
    "Optimalizátor AdamW posune každou váhu o malý krok proti jejímu gradientu. Pak projde stejná věta změněným modelem znovu a uvidíme, zda její ztráta klesla.",
  "tourTraining.noHistory":
    "{model} nemá zaznamenaný průběh tréninku, takže není z jakého checkpointu udělat skutečný krok tréninku. Vyberte v seznamu modelů glassbox-tiny (nebo jiný model natrénovaný příkazem glassbox train), abyste mohli sledovat tuto část prohlídky.",
  "tourTraining.loading": "Provádím jeden skutečný krok tréninku na kopii vah…",
  "tourTraining.batchSummary": "„{text}“ — {n} tokenů, jak je čte {model} po {step} krocích tréninku.",
  "tourTraining.batchRun":
    "Ve skutečném tréninku četl každý krok dávku {batch} textů po {ctx} tokenech, celkem {steps} kroků; tento krok čte jen tuto větu, takže všechna následující čísla patří k ní.",
  "tourTraining.inputs": "Vstupy",
  "tourTraining.targets": "Cíle (další token)",
  "tourTraining.tokenId": "id tokenu {id}",
  "tourTraining.lossSummary":
    "Průměrná ztráta: {mean} nat. Nejvíc model překvapil token „{worst}“ (ztráta {worstLoss}) a nejjistější si byl tokenem „{best}“ (ztráta {bestLoss}).",
  "tourTraining.lossAxis": "ztráta −log p(cíl), v natech",
  "tourTraining.meanMark": "průměr všech pozic",
  "tourTraining.flow": "Gradient putuje od výstupu zpět k embeddingům",
  "tourTraining.tier.output": "Výstupní strana",
  "tourTraining.tier.block": "Blok {layer}",
  "tourTraining.tier.input": "Vstupní embeddingy",
  "tourTraining.gradSummary":
    "Gradient průměrné ztráty ({loss}) přes všech {groups} skupin vah má celkovou velikost {norm}; k výstupu dorazil první, k embeddingům poslední.",
  "tourTraining.updateSummary":
    "AdamW posunul každou skupinu vah o zobrazenou délku (rychlost učení {lr}), vedle je délka skupiny po kroku.",
  "tourTraining.question": "Nejdřív odhadněte: klesne po tomto kroku ztráta na téže větě, nebo stoupne?",
  "tourTraining.guessDown": "Klesne",
  "tourTraining.guessUp": "Stoupne",
  "tourTraining.right": "Uhodli jste.",
  "tourTraining.wrong": "Tentokrát ne — takhle to říkají skutečná čísla.",
  "tourTraining.lossMoved": "Průměrná ztráta na větě: {before} → {after}",
  "tourTraining.perPosition": "Ztráta na každé pozici: slabý sloupec před krokem, výrazný po něm (oranžový tam, kde ztráta stoupla).",
  "tourTraining.expert": "Zobrazit tento krok se všemi čísly v pohledu Trénink",
};
