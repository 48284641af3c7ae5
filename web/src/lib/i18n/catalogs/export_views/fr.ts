/** French strings of the Why and Circuits views in a static export. */
import type { ExportViewsCatalog } from "./types";

export const exportViewsFr: ExportViewsCatalog = {
  "exportViews.whyNote":
    "Export statique : ces réponses ont été calculées à l’avance pour les prompts exportés — chaque méthode avec ses options par défaut, avec l’un des jetons suivants les plus probables comme cible (sans contraste), l’attribution le long de la suite gloutonne et le long de la génération exportée, et les log-probabilités du prompt lui-même. Les autres choix, et le patching d’activations, demandent un modèle en marche (glassbox serve).",
  "exportViews.whyOther":
    "Absent de cet export : il contient chaque méthode avec ses options par défaut, avec l’un des jetons suivants les plus probables comme cible et sans contraste. Ce choix demande un modèle en marche (glassbox serve).",
  "exportViews.matrixOther":
    "Absent de cet export : il contient l’attribution le long de la suite gloutonne de {n} jetons (avant tout pas) et le long de toute la génération exportée (avancez jusqu’à sa fin), avec les options par défaut. Ceci demande un modèle en marche (glassbox serve).",
  "exportViews.scoreOther":
    "Absent de cet export : il contient les log-probabilités du texte même de chaque prompt exporté, selon le modèle de cette page. Un autre texte ou un autre modèle demande un modèle en marche (glassbox serve).",
  "exportViews.whyLeftOut":
    "Cet export statique a été fait sans la vue Pourquoi (glassbox export --no-why).",
  "exportViews.patching":
    "Le patching d’activations demande un modèle en marche (glassbox serve) : il n’est pas dans cet export.",
  "exportViews.circuitsNote":
    "Export statique : ce graphe a été calculé à l’avance, pour les jetons suivants les plus probables. Les seuils, la sélection, les fiches de caractéristiques et les super-nœuds fonctionnent ici ; tracer un autre jeton et les interventions demandent un modèle en marche (glassbox serve).",
  "exportViews.circuitsLeftOut":
    "Cet export statique ne contient aucun graphe d’attribution : il a été fait avec --no-circuits, ou son modèle n’a pas de transcodeurs.",
  "exportViews.otherPrompt":
    "Absent de cet export : il contient le graphe d’attribution de chaque prompt exporté tel qu’il a été exporté, pas d’un prompt modifié.",
  "exportViews.otherLogit":
    "Tracer un autre jeton demande un modèle en marche (glassbox serve) : cet export ne contient que le graphe des jetons suivants les plus probables.",
  "exportViews.intervene":
    "Les interventions demandent un modèle en marche (glassbox serve) : un export statique ne peut pas les exécuter.",
  "exportViews.noCard":
    "Absent de cet export : il ne contient que les fiches des caractéristiques de chaque graphe exporté.",
};
