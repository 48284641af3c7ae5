/** Czech strings of the "models side by side" view. */
import type { CompareCatalog } from "./types";

export const compareCs: CompareCatalog = {
  "cmp.view": "Porovnat modely",
  "cmp.title": "Modely vedle sebe",
  "cmp.intro":
    "Stejný prompt ve dvou modelech, které tento server nabízí. Každý dělí text svým vlastním tokenizerem a předpovídá ze svého vlastního slovníku, proto se další tokeny párují podle bajtů, které představují, a logit lens každého modelu se kreslí podle relativní hloubky: modely mohou mít různý počet vrstev.",
  "cmp.first": "První model",
  "cmp.second": "Druhý model",
  "cmp.prompt": "Zadání",
  "cmp.oneModel":
    "Tento server nabízí jen jeden model. Pro porovnání ho spusťte se dvěma nebo více modely, například: glassbox serve --model glassbox-tiny --model ./muj-model",
  "cmp.pickTwo": "Vyberte dva různé modely.",
  "cmp.loading": "Oba modely počítají…",
  "cmp.tokens": "{n} tokenů",
  "cmp.tokensCaption": "Jak tokenizer každého modelu dělí prompt.",
  "cmp.entropy": "entropie dalšího tokenu {value} nat",
  "cmp.nextTitle": "Další token, spárovaný podle bajtů",
  "cmp.nextCaption":
    "Sjednocení {k} nejpravděpodobnějších dalších tokenů obou modelů přes celé jejich slovníky. Pomlčka: slovník daného modelu nemá žádný token s přesně těmito bajty.",
  "cmp.notInVocab": "v tomto slovníku takový token není",
  "cmp.token": "další token",
  "cmp.tv":
    "Vzdálenost celkové variace mezi oběma rozděleními dalšího tokenu: {value} (0: stejné rozdělení, 1: žádný překryv), přes bajty dalšího tokenu.",
  "cmp.sameTokenizer": "Oba modely používají jeden tokenizer: jejich id i bajty se přesně shodují.",
  "cmp.otherTokenizers":
    "Jejich tokenizery se liší: tentýž text se často rozdělí jinak, takže další token jednoho modelu může být jen částí dalšího tokenu druhého.",
  "cmp.lensTitle": "Kdy se který model ustálí na své odpovědi?",
  "cmp.lensCaption":
    "Logit lens na poslední pozici: reziduální proud po každé vrstvě, přečtený vlastní závěrečnou normalizací a unembeddingem modelu. Každá čára je pravděpodobnost konečného nejlepšího tokenu modelu po každé vrstvě; vodorovně hloubka (0 po embeddingu, 1 po posledním bloku).",
  "cmp.depth": "relativní hloubka",
  "cmp.probFinal": "p(konečný nejlepší token)",
  "cmp.settles": "nejlepší token {token} od této vrstvy dál: {where}",
  "cmp.lensTable": "Nejlepší token po každé vrstvě",
  "cmp.chartLine": "{model}: {first} po embeddingu, {last} na výstupu",
  "help.compare.shows":
    "Dva modely se stejným promptem: jak ho tokenizer každého z nich rozdělí, rozdělení dalšího tokenu každého z nich s tokeny spárovanými napříč slovníky a logit lens každého z nich podle relativní hloubky.",
  "help.compare.read":
    "Pruhy v jednom řádku jsou pravděpodobnosti, které dva modely dávají stejnému dalšímu textu. Graf logit lens ukazuje, jak brzy v hloubce se každý model zaváže ke své konečné odpovědi; plochá čára dole, která na konci vyskočí, znamená, že rozhodují jen poslední vrstvy.",
  "help.compare.try":
    "Spusťte server se dvěma modely (glassbox serve --model A --model B), napište fakt jako „The capital of France is“ a podívejte se, který model si je jistější a který se na odpovědi ustálí dřív.",
  "help.panel.compareNext":
    "Nejpravděpodobnější další tokeny každého modelu, spárované podle bajtů, které představují; model, jehož slovník takový token nemá, ukazuje pomlčku.",
  "help.panel.compareLens":
    "Pravděpodobnost konečného nejlepšího tokenu každého modelu po každé vrstvě na společné ose relativní hloubky; tabulka uvádí vlastní nejlepší token každé vrstvy.",
};
