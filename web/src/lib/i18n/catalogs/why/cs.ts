/** Czech strings of the "Why?" view and of the detailed view's contributions and interventions. */
import type { WhyCatalog } from "./types";

export const whyCs: WhyCatalog = {
  "why.view": "Proč?",
  "why.title": "Proč to řekl?",
  "why.intro":
    "Čtyři způsoby, jak se modelu zeptat, proč napsal to, co napsal, vždy na skutečném výpočtu: které vstupní tokeny ovlivnily další token, které dřívější tokeny ovlivnily každý vygenerovaný token, kde uvnitř sítě se nese rozdíl mezi dvěma prompty a jak si byl jistý každým tokenem textu.",
  "why.caveat":
    "Každou mapu zde čtěte jako měření, ne jako vysvětlení: atribuce říká, jak se f změní, když vstup jedním konkrétním způsobem postrčíme nebo odebereme. Různé metody se mohou rozcházet a žádná z nich není důkazem příčinnosti.",
  "why.section.attribution": "Atribuce vstupu",
  "why.section.generation": "Napříč generováním",
  "why.section.patching": "Záplatování aktivací",
  "why.section.score": "Logaritmické pravděpodobnosti textu",
  "why.method": "Metoda",
  "why.method.gradient_x_input": "Gradient × vstup",
  "why.method.integrated_gradients": "Integrované gradienty",
  "why.method.occlusion": "Zakrytí (okluze)",
  "why.method.shapley": "Odhad Shapleyho hodnot",
  "why.explain.gradient_x_input":
    "Gradient × vstup: pro každý token gradient f podle jeho embeddingu krát embedding, sečtený přes d_model — odhad prvního řádu, o kolik by f bez tokenu přišlo. Jeden zpětný průchod. Může klamat tam, kde je model nasycený: token, který už odpověď rozhoduje, může dostat malý gradient.",
  "why.explain.integrated_gradients":
    "Integrované gradienty: gradienty se zprůměrují podél přímky od výchozího bodu (všechny embeddingy tokenů nulové) ke skutečnému vstupu a vynásobí vstupem. Skóre se sečtou na f(vstup) − f(výchozí bod) až na chybu úplnosti Δ uvedenou níže (více kroků, menší Δ). Výsledek závisí na zvoleném výchozím bodu a cesta vede přes vstupy, které model nikdy neviděl.",
  "why.explain.occlusion":
    "Zakrytí: f minus f s embeddingem jednoho tokenu nahrazeným nulami, postupně pro každou pozici. Přímé a snadno čitelné, ale vynulovaný embedding je nepřirozený vstup, se kterým se model při tréninku nesetkal, a tokeny, které se navzájem zastupují, vypadají každý zvlášť nedůležitě.",
  "why.explain.shapley":
    "Odhad Shapleyho hodnot (rodina SHAP): průměrný mezní vliv každého tokenu na f přes náhodná pořadí, v nichž se tokeny přidávají (chybějící tokeny mají nulové embeddingy). Spravedlivý k interakcím mezi tokeny, ale je to odhad: s málo permutacemi je zašuměný — změňte seed a uvidíte, jak moc.",
  "why.nSteps": "Kroky",
  "why.nSamples": "Permutace",
  "why.seed": "Semínko",
  "why.target": "Cílový token",
  "why.foil": "Protějšek (nepovinný)",
  "why.targetTop": "nejpravděpodobnější token",
  "why.foilNone": "žádný",
  "why.typeToken": "napsat jeden token…",
  "why.running": "Počítám…",
  "why.attr.caption":
    "Kolik každý token promptu přispěl k f = log p(cíl) na poslední pozici (přes celý slovník). S protějškem je f = log p(cíl) − log p(protějšek): proč tento token, a ne onen. Oranžová f zvýšila, modrá snížila.",
  "why.attr.run": "Atribuovat",
  "why.fBaseline":
    "f ve výchozím bodě (všechny embeddingy tokenů nulové) = {f}",
  "why.delta": "chyba úplnosti Δ = Σ skóre − (f − f_výchozí) = {delta}",
  "why.scoreLegend": "příspěvek k f (naty)",
  "why.tokenTitle": "pozice {pos} · id {id} · skóre {score}",
  "why.gen.caption":
    "Každý řádek je jeden vygenerovaný token, každá buňka říká, kolik dřívější token přispěl k logaritmické pravděpodobnosti tohoto tokenu, zvolenou metodou. Šrafované buňky leží za tokenem: na nich záviset nemůže.",
  "why.gen.maxNew": "Kolik tokenů vygenerovat",
  "why.gen.usesPage":
    "Atribuuje {n} tokenů vygenerovaných v pohledu na další token.",
  "why.gen.greedy":
    "Zatím nic nevygenerováno: server prompt hladově prodlouží o {n} tokenů.",
  "why.gen.run": "Atribuovat generování",
  "why.gen.rowTitle": "vygenerováno",
  "why.gen.colTitle": "dřívější tokeny",
  "why.gen.cell": "{target} ← {source} (pozice {pos}): {score}",
  "why.patch.caption":
    "Spustíme poškozený prompt, vrátíme jednu aktivaci z čistého běhu a změříme logit(odpověď) − logit(špatná) na poslední pozici. Každá buňka je jeden takový běh (v dávce). Buňka blízko čisté hodnoty ukazuje, kde se rozdíl mezi prompty nese; blízko poškozené hodnoty, kde ne.",
  "why.patch.clean": "Čistý prompt",
  "why.patch.corrupted": "Poškozený prompt (stejný počet tokenů)",
  "why.patch.answer": "Token odpovědi",
  "why.patch.wrong": "Špatný token",
  "why.patch.site": "Co se záplatuje",
  "why.site.resid_pre": "reziduální proud na vstupu každého bloku",
  "why.site.attn_out": "výstup pozornosti každého bloku",
  "why.site.mlp_out": "výstup MLP každého bloku",
  "why.site.head_result": "výstup každé hlavy",
  "why.patch.run": "Záplatovat",
  "why.patch.tokenHint":
    "Odpověď i špatný token musí být každý právě jeden token (pozor na mezeru na začátku).",
  "why.patch.mislead":
    "Vždy jen jedno místo: vlivy rozložené na víc míst nebo vlivy, které se vyruší, zůstanou skryté; a velký vliv ukazuje, kudy tečou informace pro tyto dva prompty, ne obecný mechanismus.",
  "why.patch.cleanValue": "čistý: logit({answer}) − logit({wrong}) = {value}",
  "why.patch.corruptedValue":
    "poškozený: logit({answer}) − logit({wrong}) = {value}",
  "why.patch.colTitle": "pozice (čistý/poškozený token)",
  "why.patch.legend":
    "barva: změna logit(odpověď) − logit(špatná) oproti poškozenému běhu (bílá = beze změny); čísla: hodnota po záplatě",
  "why.patch.cell": "vrstva {layer}, pozice {pos} ({token}): {value}",
  "why.patch.cellHead":
    "vrstva {layer}, hlava {head}, pozice {pos} ({token}): {value}",
  "why.patch.picked":
    "{where}. Bez záplaty dává poškozený běh {corrupted}; tato záplata dává {value}; čistý běh dává {clean}.",
  "why.patch.restored": "To je {pct} % cesty od poškozeného k čistému.",
  "why.patch.dist.title": "Další token po této jediné záplatě",
  "why.patch.dist.caption":
    "Z čistého běhu pochází jen tato jedna aktivace (na pozici tokenu {token}); všechno ostatní je poškozený běh. Pravděpodobnosti dalšího tokenu v poškozeném běhu vedle pravděpodobností po záplatě; token odpovědi a špatný token jsou podtržené.",
  "why.patch.dist.corrupted": "Poškozený běh",
  "why.patch.dist.patched": "Po záplatě",
  "why.patch.dist.change": "Změna po tokenech (největší první)",
  "why.patch.dist.unchanged":
    "Nic se nepohnulo víc než o zaokrouhlení (každé |Δp| < {bound}): tady nese čistý i poškozený běh stejnou hodnotu (jako před prvním odlišným tokenem), takže její vrácení nezmění žádnou pravděpodobnost.",
  "why.score.caption":
    "Vložte libovolný text: každý token je obarven pravděpodobností, kterou mu model dal vzhledem ke všemu před ním — světlý tam, kde si byl jistý, tmavý tam, kde váhal. Najeďte na token nebo na něj přejděte klávesnicí a uvidíte jeho pořadí a alternativy, kterým model dával přednost.",
  "why.score.input": "Text k ohodnocení",
  "why.score.run": "Ohodnotit",
  "why.score.models": "Modely",
  "why.score.perplexity":
    "perplexita {ppl} přes {n} tokenů (průměrná logaritmická pravděpodobnost {mean})",
  "why.score.first": "první token: nic mu nepředchází, proto se nehodnotí",
  "why.score.token": "log p = {logprob} · p = {p} · pořadí {rank}",
  "why.score.top": "Nejpravděpodobnější zde:",
  "why.score.unsure": "nejistý (p → 0)",
  "why.score.sure": "jistý (p → 1)",
  "why.score.legend":
    "Barva: pravděpodobnost tokenu vzhledem k textu před ním (viridis, stejná škála jako všude v glassboxu).",
  "detail.panel.contributions": "Příspěvky",
  "why.dla.title": "Příspěvky k dalšímu tokenu",
  "why.dla.caption":
    "Přímá atribuce logitu: kolik každá hlava a každé MLP zapíše přímo do logitu zvoleného tokenu na poslední pozici (měřítko závěrečné normalizace je zmrazené na své skutečné hodnotě, takže se části sečtou na logit). Kliknutím na buňku otevřete danou hlavu nebo MLP.",
  "why.dla.target": "Cílový token",
  "why.dla.legend": "přímý příspěvek k logitu",
  "why.dla.cellHead": "vrstva {layer}, hlava {head}: {value}",
  "why.dla.cellMlp": "vrstva {layer}, MLP: {value}",
  "why.dla.total":
    "logit tokenu {token} na pozici {pos} = {logit}; součet všech příspěvků = {total}",
  "why.dla.rest": "Dále do něj zapisují:",
  "why.dla.kind.embed": "embedding tokenu",
  "why.dla.kind.pos_embed": "embedding pozice",
  "why.dla.kind.attn_bias": "bias pozornosti",
  "why.dla.kind.norm_bias": "bias závěrečné normalizace",
  "why.dla.mislead":
    "Jen přímé vlivy: co hlava zapíše do vstupu pozdějších hlav a MLP, se započítá tam, kde se to nakonec čte, ne zde. I hlava s malým přímým vlivem může být důležitá — vypněte ji a uvidíte.",
  "why.ablate.title": "Zásahy",
  "why.ablate.hint":
    "⏻ pod hlavou ji vypne (i víc najednou); panel MLP má vypínač u každého hlavního neuronu.",
  "why.ablate.headToggle":
    "vypnout nebo zapnout hlavu {head} ve vrstvě {layer}",
  "why.ablate.neuronToggle":
    "vypnout nebo zapnout neuron {neuron} ve vrstvě {layer}",
  "why.ablate.mode": "Nahradit",
  "why.ablate.mode.zero": "nulou",
  "why.ablate.mode.mean": "průměrem přes pozice",
  "why.ablate.clear": "Zapnout vše zpět",
  "why.ablate.offList": "Vypnuto:",
  "why.ablate.before": "Před",
  "why.ablate.after": "Po",
  "why.ablate.change": "Změna po tokenech (největší první)",
  "why.ablate.token": "kandidát",
};
