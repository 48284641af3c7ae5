/** Czech strings of the Why and Circuits views in a static export. */
import type { ExportViewsCatalog } from "./types";

export const exportViewsCs: ExportViewsCatalog = {
  "exportViews.whyNote":
    "Statický export: tyto odpovědi byly spočítány předem pro exportované prompty — každá metoda s výchozím nastavením, s jedním z nejpravděpodobnějších dalších tokenů jako cílem (bez protějšku), atribuce napříč hladovým pokračováním i napříč exportovaným generováním a logaritmické pravděpodobnosti samotného promptu. Jiné volby a záplatování aktivací potřebují běžící model (glassbox serve).",
  "exportViews.whyOther":
    "V tomto exportu není: obsahuje každou metodu s výchozím nastavením, s jedním z nejpravděpodobnějších dalších tokenů jako cílem a bez protějšku. Tato volba potřebuje běžící model (glassbox serve).",
  "exportViews.matrixOther":
    "V tomto exportu není: obsahuje atribuci napříč hladovým pokračováním o {n} tokenech (před prvním krokem) a napříč celým exportovaným generováním (dojděte na jeho konec), s výchozím nastavením. Tohle potřebuje běžící model (glassbox serve).",
  "exportViews.scoreOther":
    "V tomto exportu není: obsahuje logaritmické pravděpodobnosti vlastního textu každého exportovaného promptu podle modelu této stránky. Jiný text nebo model potřebuje běžící model (glassbox serve).",
  "exportViews.whyLeftOut":
    "Tento statický export vznikl bez pohledu Proč (glassbox export --no-why).",
  "exportViews.patching":
    "Záplatování aktivací potřebuje běžící model (glassbox serve): v tomto exportu není.",
  "exportViews.circuitsNote":
    "Statický export: tento graf byl spočítán předem, pro nejpravděpodobnější další tokeny. Prahy, výběr, karty rysů a superuzly zde fungují; sledování jiného tokenu a zásahy potřebují běžící model (glassbox serve).",
  "exportViews.circuitsLeftOut":
    "Tento statický export neobsahuje žádné atribuční grafy: vznikl s --no-circuits, nebo jeho model nemá transkodéry.",
  "exportViews.otherPrompt":
    "V tomto exportu není: obsahuje atribuční graf každého exportovaného promptu tak, jak byl exportován, ne upraveného.",
  "exportViews.otherLogit":
    "Sledování jiného tokenu potřebuje běžící model (glassbox serve): tento export obsahuje jen graf nejpravděpodobnějších dalších tokenů.",
  "exportViews.intervene":
    "Zásahy potřebují běžící model (glassbox serve): statický export je spustit nemůže.",
  "exportViews.noCard":
    "V tomto exportu není: obsahuje jen karty rysů z každého exportovaného grafu.",
};
