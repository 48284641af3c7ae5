import type { GlossaryCatalog } from "./types";

export const glossaryCs: GlossaryCatalog = {
  "glossary.button": "Slovníček",
  "glossary.title": "Slovníček",
  "glossary.filter": "Filtrovat pojmy",
  "glossary.placeholder": "např. softmax",
  "glossary.none": "Žádný pojem neodpovídá „{q}“.",
  "glossary.count": "Pojmů: {n}",
  "glossary.seeIn": "Kde to uvidíte:",
  "glossary.close": "Zavřít slovníček",

  "glossary.token.term": "Token",
  "glossary.token.def":
    "Jednotka, kterou jazykový model čte a píše: slovo, kus slova, znak nebo několik bajtů. Text vstupuje jako seznam tokenů a vystupuje po jednom tokenu.",
  "glossary.tokenizer.term": "Tokenizér",
  "glossary.tokenizer.def":
    "Program, který text rozdělí na tokeny a převede je na identifikátory, a zase zpět. Každý model má vlastní tokenizér, naučený z textu ještě před tréninkem modelu.",
  "glossary.tokenId.term": "Identifikátor tokenu",
  "glossary.tokenId.def":
    "Číslo tokenu ve slovníku. Model nikdy nevidí písmena: vidí jen tato čísla, jedno na token.",
  "glossary.vocabulary.term": "Slovník",
  "glossary.vocabulary.def":
    "Pevný seznam všech tokenů, které model zná. V každém kroku model přidělí pravděpodobnost každé položce tohoto seznamu, ne jen těm několika zobrazeným nahoře.",
  "glossary.embedding.term": "Vnoření (embedding)",
  "glossary.embedding.def":
    "Seznam čísel (vektor), který uvnitř modelu zastupuje token. Je to jeden řádek naučené tabulky vyhledaný podle identifikátoru tokenu; tokeny používané podobně mají podobné vektory.",
  "glossary.positionEmbedding.term": "Poziční vnoření",
  "glossary.positionEmbedding.def":
    "Jak model ví, kde v textu token stojí. Některé modely přičtou k vektoru tokenu naučený vektor pozice; jiné (RoPE) otáčejí dotazy a klíče o úhel, který s pozicí roste.",
  "glossary.attention.term": "Pozornost (attention)",
  "glossary.attention.def":
    "Krok, ve kterém každá pozice sbírá informace z dřívějších pozic. Spočítá, jak důležitý je každý dřívější token, převede to softmaxem na váhy a vezme vážený mix jejich hodnot.",
  "glossary.attentionHead.term": "Hlava pozornosti",
  "glossary.attentionHead.def":
    "Jeden z několika výpočtů pozornosti, které ve vrstvě běží vedle sebe, každý s vlastními vahami. Různé hlavy se naučí hledat různé věci, například předchozí token nebo shodné slovo.",
  "glossary.qkv.term": "Dotaz, klíč, hodnota",
  "glossary.qkv.def":
    "Tři vektory, které pozornost spočítá pro každou pozici. Dotaz říká, co pozice hledá, klíč, čím se dá najít, a hodnota, co předá, když je nalezena; skóre dotaz·klíč určují váhy.",
  "glossary.softmax.term": "Softmax",
  "glossary.softmax.def":
    "Funkce, která z libovolného seznamu skóre udělá pravděpodobnosti: umocní e na každé skóre a vydělí součtem. Vyšší skóre dostanou větší podíl a vše dává dohromady 1.",
  "glossary.logit.term": "Logit",
  "glossary.logit.def":
    "Surové skóre modelu pro token před softmaxem. Záleží jen na rozdílech logitů: token o jeden logit výš je e ≈ 2,7krát pravděpodobnější.",
  "glossary.probability.term": "Pravděpodobnost",
  "glossary.probability.def":
    "Jak pravděpodobné model považuje, že token přijde jako další, od 0 do 1 (0 % až 100 %). Pravděpodobnosti všech tokenů slovníku dávají dohromady 1.",
  "glossary.temperature.term": "Teplota",
  "glossary.temperature.def":
    "Číslo, kterým se logity vydělí před softmaxem. Pod 1 dělá pravděpodobné tokeny ještě pravděpodobnějšími (0 znamená vždy ten nejlepší); nad 1 rozdělení zplošťuje a text je překvapivější.",
  "glossary.topK.term": "Top-k",
  "glossary.topK.def":
    "Filtr vzorkování, který ponechá jen k nejpravděpodobnějších tokenů a jejich pravděpodobnosti přenormuje. S k = 1 jde o hladové dekódování; 0 filtr vypne.",
  "glossary.topP.term": "Top-p (nucleus)",
  "glossary.topP.def":
    "Filtr vzorkování, který ponechá nejmenší skupinu nejpravděpodobnějších tokenů, jejichž pravděpodobnosti dají dohromady aspoň p. Když si je model jistý, zůstane jich málo; když ne, mnoho.",
  "glossary.minP.term": "Min-p",
  "glossary.minP.def":
    "Filtr vzorkování, který vyřadí každý token s pravděpodobností menší než min-p krát pravděpodobnost nejlepšího tokenu. Odřízne dlouhý chvost a přitom se řídí tím, jak si je model jistý.",
  "glossary.mlp.term": "MLP (dopředná síť)",
  "glossary.mlp.def":
    "Druhá polovina každého bloku: malá dvouvrstvá síť použitá na každou pozici zvlášť. Rozšíří vektor na mnoho neuronů, použije nelineární funkci a promítne ho zpět.",
  "glossary.neuron.term": "Neuron",
  "glossary.neuron.def":
    "Jedna jednotka skryté vrstvy MLP: jedno číslo na pozici, spočtené ze vstupu a prošlé aktivační funkcí. Některé neurony reagují na rozpoznatelné vzory; většinu je těžké pojmenovat.",
  "glossary.residualStream.term": "Reziduální proud",
  "glossary.residualStream.def":
    "Vektor, který na každé pozici protéká modelem. Každá pozornost a každé MLP ho čte a svůj výstup do něj přičte, takže nese vše dosud spočítané do další vrstvy.",
  "glossary.layerNorm.term": "Normalizace vrstvy",
  "glossary.layerNorm.def":
    "Krok, který vektor přeškáluje na standardní velikost dřív, než ho podvrstva přečte (LayerNorm ho i vycentruje; RMSNorm jen škáluje). Drží čísla v rozsahu, kde je trénink stabilní.",
  "glossary.block.term": "Blok (vrstva)",
  "glossary.block.def":
    "Opakovaná jednotka transformeru: pozornost, pak MLP, každé se svou normalizací a každé přičítá do reziduálního proudu. Model je sloupec stejných bloků s různými vahami.",
  "glossary.logitLens.term": "Logitová čočka",
  "glossary.logitLens.def":
    "Způsob, jak číst reziduální proud v polovině cesty: po libovolné vrstvě na něj použijete závěrečnou normalizaci a zpětné vnoření a uvidíte, co by model předpověděl, kdyby tam skončil. Ukazuje, ve které vrstvě se výsledná odpověď formuje.",
  "glossary.contextWindow.term": "Kontextové okno",
  "glossary.contextWindow.def":
    "Nejvíc tokenů, které model naráz přečte. Delší text se musí zkrátit: glassbox ponechá poslední tokeny, které se vejdou, a řekne, kolik jich vypustil.",
  "glossary.loss.term": "Ztráta (křížová entropie)",
  "glossary.loss.def":
    "Číslo, které se trénink snaží zmenšit: záporný logaritmus pravděpodobnosti, kterou model dal správnému dalšímu tokenu, zprůměrovaný přes pozice. Ztráta 0 by znamenala jistotu; rovnoměrné hádání dává logaritmus velikosti slovníku.",
  "glossary.gradient.term": "Gradient",
  "glossary.gradient.def":
    "Pro každý parametr, jak moc by se změnila ztráta, kdyby se parametr trochu pohnul. Zpětný průchod spočítá všechny gradienty naráz; trénink posouvá každý parametr proti jeho gradientu.",
  "glossary.optimizer.term": "Optimalizátor (AdamW)",
  "glossary.optimizer.def":
    "Pravidlo, které z gradientů udělá úpravy vah. AdamW udržuje klouzavé průměry každého gradientu a jeho čtverce, aby zvolil velikost kroku pro každý parametr, a váhy mírně zmenšuje (weight decay).",
  "glossary.learningRate.term": "Rychlost učení",
  "glossary.learningRate.def":
    "Jak velký krok optimalizátor při každé úpravě udělá. Příliš velký a trénink je nestabilní; příliš malý a učí se pomalu. Obvykle se nejdřív zahřívá a pak během tréninku klesá.",
  "glossary.checkpoint.term": "Kontrolní bod",
  "glossary.checkpoint.def":
    "Uložená kopie všech vah modelu v jednom kroku tréninku. Kontrolní body umožní vrátit se a podívat se, co model v tu chvíli uměl.",
  "glossary.parameter.term": "Parametr (váha)",
  "glossary.parameter.def":
    "Jedno naučené číslo modelu; z nich se skládají vnoření i matice pozornosti a MLP. Velikost modelu se obvykle udává počtem parametrů.",
  "glossary.inductionHead.term": "Indukční hlava",
  "glossary.inductionHead.def":
    "Hlava pozornosti, která dokončuje opakované vzory: když dříve viděla „A B“, u pozdějšího „A“ se podívá, co následovalo po prvním A, a předpoví „B“. Patří k nejlépe prozkoumaným obvodům transformerů.",
  "glossary.attribution.term": "Atribuce",
  "glossary.attribution.def":
    "Metody, které odhadují, kolik každý vstupní token (nebo hlava či neuron) přispěl k předpovědi. Různé metody měří různé věci a mohou se neshodovat, proto je porovnávejte.",
};
