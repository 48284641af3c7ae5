import type { HelpCatalog } from "./types";

export const helpCs: HelpCatalog = {
  "help.section.shows": "Co tento pohled ukazuje",
  "help.section.read": "Jak ho číst",
  "help.section.try": "Co zkusit nejdřív",
  "help.panelButton": "Vysvětlit tento panel",
  "help.openGlossary": "Slovníček: každý pojem vysvětlen",
  "help.terms": "Pojmy použité zde:",

  "help.next.shows":
    "Jazykový model čte text jako tokeny — kousky slov s číselnými identifikátory; barevné štítky ukazují, jak byl váš text rozdělen. Pro další pozici model přidělí každému tokenu ve slovníku skóre (logit) a softmax z nich udělá pravděpodobnosti se součtem 1 — přes celý slovník, ne jen několik nejlepších.",
  "help.next.read":
    "Vzorkování vybere jeden token: teplota rozdělení zostří nebo zploští, top-k, top-p a min-p odříznou nepravděpodobné tokeny a náhodné číslo ze semínka vybere ze zbytku. Stejné semínko dá vždy stejný text.",
  "help.next.try":
    "Tlačítko Krok přidá jeden token, Přehrát pokračuje samo. Kliknutím na kandidáta ho vynutíte a uvidíte, kam text povede. Žádná magie: stále stejné operace, token po tokenu.",
  "help.detail.shows":
    "Uvnitř modelu: každá operace jednoho průchodu vaším textem, od vnoření tokenů přes každý blok (pozornost, pak MLP, obojí přičítá do reziduálního proudu) až k výsledným pravděpodobnostem. Každé číslo pochází ze skutečných aktivací zobrazeného modelu.",
  "help.detail.read":
    "Diagram vlevo je model od tokenů (nahoře) k pravděpodobnostem (dole); klikněte na jeho část, nebo nahoře zvolte vrstvu, hlavu a pozici, a otevře se vedle diagramu. V mapách barva znázorňuje hodnotu každé buňky.",
  "help.detail.try":
    "Otevřete panel Jedna hlava a sledujte jednu pozici přes dotaz, klíče, skóre, softmax a vážený součet. Pak otevřete Logitovou čočku a najděte vrstvu, kde se výsledná odpověď objeví poprvé.",
  "help.training.shows":
    "Jak se model učil: jeho zaznamenaný trénink přehraný kontrolní bod po kontrolním bodu, jeden skutečný trénovací krok rozebraný na části, náhodné počáteční váhy vedle natrénovaných a mikromodel, který můžete trénovat živě zde.",
  "help.training.read":
    "Ztráta měří překvapení modelu nad správným dalším tokenem (nižší je lepší) a během tréninku by měla klesat. Kontrolní bod jsou váhy uložené v jednom kroku; sondy ukazují, co model v každém z nich předpovídal.",
  "help.training.try":
    "Posuňte přehrávání od kroku 0 až na konec a sledujte, jak se předpovědi sond mění z šumu ve slova. Pak spusťte jeden trénovací krok a podívejte se, které cíle se staly pravděpodobnějšími — a které ne.",
  "help.why.shows":
    "Proč to model řekl? Měření toho, které vstupní tokeny, hlavy a neurony posunuly předpověď k určitému tokenu: atribuce vstupu, atribuce napříč generováním, záplatování aktivací mezi dvěma prompty a log-pravděpodobnost každého tokenu textu.",
  "help.why.read":
    "Každá metoda odpovídá na trochu jinou otázku a každá může klamat: gradienty vidí jen místní sklon, okluze odebírá vždy jen jeden token. Kde se dvě metody shodnou, je odpověď důvěryhodnější.",
  "help.why.try":
    "Proveďte atribuci aktuálního promptu dvěma metodami a porovnejte je. Pak ohodnoťte větu a hledejte tokeny, u kterých model váhal.",
  "help.tokenizers.shows":
    "Laboratoř tokenizérů: jeden text rozdělený několika skutečnými tokenizéry vedle sebe, tokenová daň stejného textu v mnoha jazycích, slučování BPE krok za krokem a šablony chatu.",
  "help.tokenizers.read":
    "Každý štítek je jeden token se svým identifikátorem; po najetí myší uvidíte jeho bajty. Méně tokenů pro stejný text znamená, že se ho do kontextu modelu vejde víc a každý požadavek stojí méně.",
  "help.tokenizers.try":
    "Napište větu ve svém jazyce a porovnejte tokenizér GPT-2 s novějším. Pak v tabulce tokenové daně najděte jazyk, který stojí nejvíc tokenů.",

  "help.panel.tokens":
    "Váš prompt tak, jak ho model dostane: každý štítek je jeden token (po najetí myší jeho identifikátor a bajty). Model nikdy nevidí písmena, jen tato čísla.",
  "help.panel.generation":
    "Dosavadní text, jeden token za krok: Krok vybere jeden token se zobrazeným nastavením, Přehrát pokračuje, Zpět vezme poslední token zpět. Tokeny vynucené kliknutím na kandidáta v textu zůstávají také.",
  "help.panel.distribution":
    "Pravděpodobnost každého možného dalšího tokenu, spočtená přes celý slovník; nejdelší pruhy jsou nejpravděpodobnější. Bledé pruhy jsou pravděpodobnosti předtím, než filtry vzorkování cokoli odřízly.",
  "help.panel.controls":
    "Nastavení vzorkování: teplota dělí logity, top-k, top-p a min-p odříznou nepravděpodobné tokeny a semínko určuje náhodný výběr. Posun jezdce převzorkuje hned, přímo ve stránce.",
  "help.panel.pipeline":
    "Přesná cesta od logitů k vybranému tokenu se skutečnými čísly tohoto kroku: dělení teplotou, softmax, filtry, přenormování a pak náhodné číslo ze semínka vybere jeden token.",
  "help.panel.overview":
    "Celý model jako diagram: vnoření, bloky (pozornost a pak MLP, obojí přičítá do reziduálního proudu), závěrečná normalizace a zpětné vnoření. Kliknutím na kteroukoli část ji otevřete vpravo.",
  "help.panel.embedding":
    "Jak se z identifikátoru tokenu stane vektor: řádek matice vnoření pro tento identifikátor plus vektor pozice, pokud se ho model učí (rotační model místo toho otáčí dotazy a klíče uvnitř pozornosti).",
  "help.panel.attention":
    "Jedna hlava pozornosti na jedné pozici krok za krokem: dotazy, klíče a hodnoty, jejich skalární součiny dělené √d_head, kauzální maska, softmax a vážený součet hodnot.",
  "help.panel.heads":
    "Všechny hlavy všech vrstev najednou: každá malá mapa ukazuje, kam se dotazy hlavy (řádky) dívají mezi klíči (sloupci). Hledejte hlavy, které sledují předchozí token, nebo ten první.",
  "help.panel.mlp":
    "MLP jednoho bloku na jedné pozici: vstup se promítne na mnoho neuronů, projde aktivační funkcí a promítne se zpět. Nejaktivnější neurony jsou vypsány i s hodnotami.",
  "help.panel.residual":
    "Reziduální proud na jedné pozici při průchodu bloky: co do něj přidá každá pozornost a MLP a jak ho normalizace přeškálují, než ho každá z nich přečte.",
  "help.panel.lens":
    "Logitová čočka použije na reziduální proud po každé vrstvě závěrečnou normalizaci a zpětné vnoření: co by model předpověděl, kdyby tam skončil. Sledujte, jak výsledná odpověď stoupá vrstvu po vrstvě.",
  "help.panel.contributions":
    "Přímá atribuce logitu: kolik každá hlava a MLP přímo přidaly k logitu jednoho tokenu. Kladné hodnoty tlačí k němu, záporné od něj; vlivy procházející pozdějšími vrstvami se nepočítají.",
  "help.panel.ablation":
    "Hlavy a neurony vypnuté v tomto pohledu a jak se bez nich změnila předpověď. Pro srovnání je znovu zapněte.",
  "help.panel.replay":
    "Zaznamenaný trénink, přehraný: zvolte kontrolní bod a uvidíte ztrátu v tom kroku a co model tehdy předpovídal po každém promptu sondy.",
  "help.panel.lossChart":
    "Trénovací ztráta každé dávky a ztráta na odložených datech (textu, na kterém se model nikdy netrénoval) podle trénovacího kroku. Když odložená ztráta roste a trénovací klesá, jde o přeučení.",
  "help.panel.step":
    "Jeden skutečný trénovací krok na větě, kterou zvolíte, po fázích: dopředný průchod, ztráta po pozicích, gradienty ze zpětného průchodu, úprava AdamW a pravděpodobnost každého cíle před a po.",
  "help.panel.init":
    "Stejný prompt přes náhodně inicializované váhy a přes natrénované: náhodný model rozkládá sázky téměř rovnoměrně, natrénovaný je soustředí.",
  "help.panel.live":
    "Natrénujte mikromodel od nuly na tomto serveru, hned teď — na korpusu glassbox nebo na vloženém textu: sledujte, jak klesá jeho ztráta a mění se ukázky, a pak ho otevřete v ostatních pohledech.",
  "help.panel.micro":
    "Tento model byl natrénován živě na tomto serveru: křivka ztráty a ukázky z jeho běhu.",
  "help.panel.attribution":
    "Atribuce vstupu: kolik každý token promptu přispěl k jednomu dalšímu tokenu, zvolenou metodou (gradient×vstup, integrované gradienty, okluze nebo odhad Shapleyho hodnot).",
  "help.panel.whyGeneration":
    "Atribuce napříč generováním: jak moc každý vygenerovaný token spoléhal na každý dřívější token, jako matice.",
  "help.panel.patching":
    "Záplatování aktivací: zkopírujte jednu aktivaci z čistého běhu do poškozeného a změřte, kolik čisté odpovědi se vrátí. Kliknutím na buňku uvidíte rozdělení, které dává.",
  "help.panel.score":
    "Log-pravděpodobnost, kterou model dává každému tokenu textu: kde si byl jistý (blízko 0) a kde váhal (hodně záporná), a součet.",
  "help.panel.tokCompare":
    "Jeden text několika tokenizéry vedle sebe: stejná slova stojí různý počet tokenů a jsou rozdělena na různých místech.",
  "help.panel.tokTax":
    "Tokenová daň: jeden paralelní text v mnoha jazycích, spočtený každým tokenizérem. Buňka udává, kolik tokenů jazyk potřebuje ve srovnání s angličtinou.",
  "help.panel.tokMerges":
    "Kódování BPE krok za krokem: slovo začíná jako bajty a naučená sloučení tokenizéru znovu a znovu spojí dvojici s nejlepším pořadím, dokud žádné sloučení nejde použít.",
  "help.panel.tokChat":
    "Šablona chatu: jak se z konverzace stane přesný text a tokeny, které chatovací model čte, včetně speciálních tokenů.",

  "scale.title": "Představa o měřítku",
  "scale.intro":
    "Zde obsluhovaný model vedle tří zveřejněných modelů. Jeho vlastní údaje se čtou z jeho konfigurace a záznamu tréninku; ostatní jsou zveřejněné údaje se zdroji níže.",
  "scale.model": "Název modelu",
  "scale.params": "Parametry",
  "scale.layers": "Vrstvy",
  "scale.context": "Kontext (tokeny)",
  "scale.tokens": "Trénovací tokeny",
  "scale.served": "{name} (obsluhovaný zde)",
  "scale.notPublished": "nezveřejněno",
  "scale.notRecorded": "nezaznamenáno",
  "scale.upTo": "až {n}",
  "scale.ratioBigger": "{model} má {ratio}× více parametrů než tento model.",
  "scale.ratioSmaller": "Tento model má {ratio}× více parametrů než {model}.",
  "scale.bar": "Parametry na logaritmické škále: každá čára mřížky je desetinásobkem předchozí.",
  "scale.sources": "Zdroje",
  "scale.gpt2Tokens": "Počet trénovacích tokenů GPT-2 nebyl zveřejněn; jeho článek popisuje WebText jako zhruba 40 GB textu.",
};
