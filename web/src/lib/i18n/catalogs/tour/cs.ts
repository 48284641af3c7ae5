/** Czech strings of the beginner mode and the guided tour. */
import type { TourCatalog } from "./types";

export const tourCs: TourCatalog = {
  "tour.mode.label": "Režim",
  "tour.mode.beginner": "Začátečník",
  "tour.mode.expert": "Pokročilý",
  "tour.mode.hint": "Začátečník: průvodce nad pohledy. Pokročilý: jen pohledy.",
  "tour.title": "Průvodce",
  "tour.open": "Otevřít průvodce",
  "tour.close": "Zavřít průvodce",
  "tour.next": "Další",
  "tour.back": "Zpět",
  "tour.play": "Přehrát",
  "tour.pause": "Pozastavit",
  "tour.speed": "Rychlost",
  "tour.still": "Bez pohybu",
  "tour.track.label": "Prohlídka",
  "tour.track.generation": "Jeden krok generování",
  "tour.track.training": "Jeden krok tréninku",
  "tour.progress": "Krok {n} z {total}",
  "tour.expert": "Ukaž mi skutečná čísla",
  "tour.tensor": "Zdroj: {name}",
  "tour.keys": "Klepnutím na obrázek nebo klávesou dokončíte animaci · ← → kroky · Esc zavře",
  "tour.loading": "Načítám skutečné hodnoty…",
  "tour.noPrompt": "Napište text do pole níže: průvodce ukáže, co s ním model udělá.",
  "tour.again": "Tlačítko Další tento token opravdu vygeneruje a ukáže další krok.",
  "tour.ended": "Generování zde končí (konec textu, limit tokenů nebo kontext modelu): pro další běh změňte text.",
  "tour.block": "Blok",
  "tour.head": "Hlava",
  "tour.position": "pozice {pos}",
  "tour.norm": "délka ‖x‖ = {value}",
  "tour.hoverCells": "Najeďte na buňku a uvidíte její hodnotu.",
  "tour.othersShare": "Zbylých {p} sdílí {n} dalších pozic.",
  "tour.neuron": "neuron {i}",
  "tour.vectorOnItsWay": "Vektor posledního tokenu krok za krokem",
  "tour.guess": "Než uvidíte odpověď: který token podle vás model považuje za nejpravděpodobnější?",
  "tour.reveal": "Prostě mi to ukaž",
  "tour.guessRight": "Správně: nejpravděpodobnější je „{token}“.",
  "tour.guessWrong": "Tentokrát ne: vybrali jste „{guess}“, model dává přednost „{token}“.",
  "tour.greedy": "Teplota 0: nic se nelosuje, bere se nejpravděpodobnější token.",
  "tour.draw": "Náhodné číslo u = {u} (se semínkem) padne na „{token}“.",
  "tour.kept": "filtry přežije {n} tokenů",
  "tour.chosen": "vybráno",
  "tour.gen.text.title": "Váš text",
  "tour.gen.text.caption":
    "Vše začíná textem v poli pro prompt: „{text}“. Model neumí číst písmena, takže nejprve musí text rozřezat na kousky, které zná.",
  "tour.gen.tokens.title": "Text → tokeny",
  "tour.gen.tokens.caption":
    "Tokenizér rozřeže text na {n} tokenů: celá slova, části slov nebo jednotlivé znaky z pevného slovníku o {vocab} položkách. Mezera obvykle putuje se slovem za ní.",
  "tour.gen.ids.title": "Tokeny → id",
  "tour.gen.ids.caption":
    "Každý token je ve skutečnosti číslo, jeho řádek ve slovníku, a model vidí jen těchto {n} id. Poslední z nich, {id} („{token}“), je pozice, kde se předpovídá další token.",
  "tour.gen.embedding.title": "Id → vektory",
  "tour.gen.embedding.caption":
    "Id {id} vybere jeden řádek tabulky embeddingů: seznam {d} čísel, zobrazený jako buňky (oranžová nad nulou, modrá pod ní). Tímto vektorem token začíná; jeho délka je {norm}.",
  "tour.gen.attention.title": "Pozornost: pohled zpět",
  "tour.gen.attention.caption":
    "V bloku {layer} hlava {head} dovolí poslednímu tokenu „{token}“ sebrat informace z předchozích pozic. Čáry ukazují, jak moc se dívá na kterou, nejvíc na „{top}“ ({weight}); váhy dávají dohromady 1.",
  "tour.gen.mlp.title": "MLP: každá pozice zvlášť",
  "tour.gen.mlp.caption":
    "Po pozornosti MLP bloku přetvoří každou pozici samostatně: {d} neuronů čte vektor a několik z nich silně reaguje. V bloku {layer} na této pozici nejvíc reaguje neuron {neuron} ({value}).",
  "tour.gen.residual.title": "Reziduální proud roste",
  "tour.gen.residual.caption":
    "Pozornost ani MLP vektor nenahrazují: každá přičte svůj výsledek, blok za blokem. Jeho délka roste z {first} po embeddingu na {last} po posledním bloku.",
  "tour.gen.probabilities.title": "Skóre → pravděpodobnosti",
  "tour.gen.probabilities.caption":
    "Výsledný vektor se porovná s každým z {vocab} tokenů a každý dostane skóre; softmax z nich udělá pravděpodobnosti se součtem 1. Nejpravděpodobnější další token je „{token}“ s {prob}.",
  "tour.gen.sampling.title": "Vzorkování: výběr jednoho",
  "tour.gen.sampling.caption":
    "Teď se vybere jeden token podle vašeho nastavení (teplota {temp}, semínko {seed}): filtry vyřadí nepravděpodobné tokeny, pak mezi zbytkem rozhodne náhodné číslo. Tentokrát je to „{token}“ s pravděpodobností {prob}.",
  "tour.gen.append.title": "Připojit a znovu",
  "tour.gen.append.caption":
    "„{token}“ se připojí na konec textu a přesně týž krok proběhne znovu pro další token. V té smyčce spočívá celé generování textu.",
};
