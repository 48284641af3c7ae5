/** fr strings of the tokenizer lab. */
import type { TokenizersCatalog } from "./types";

export const tokenizersFr: TokenizersCatalog = {
  "tok.title": "Le labo des tokeniseurs",
  "tok.intro":
    "Le même texte à travers plusieurs vrais tokeniseurs : chaque pastille est un token avec son id ; les espaces s'affichent ·, les octets qui ne forment pas un caractère entier <e4 b8>, les tokens spéciaux sont encadrés.",
  "tok.choose": "Tokeniseurs",
  "tok.text": "Texte",
  "tok.counts":
    "{tokens} tokens · {chars} caractères · {bytes} octets · {words} mots · {perWord} tokens par mot",
  "tok.taxTitle": "La taxe des tokens",
  "tok.taxIntro":
    "Les deux mêmes phrases dans chaque langue : tokens par langue et rapport à l'anglais avec le même tokeniseur. Les mots sont séparés par des espaces : les tokens par mot ne valent pas pour le chinois, le japonais ou le thaï.",
  "tok.language": "Langue",
  "tok.ownTexts": "Collez vos propres textes parallèles",
  "tok.recount": "Recompter",
  "tok.mergesTitle": "Comment BPE en est arrivé là",
  "tok.mergesIntro":
    "Les fusions qui transforment les octets d'un mot en ses tokens, rang le plus bas d'abord : le rang est la place de la fusion dans la liste du tokeniseur.",
  "tok.show": "Afficher",
  "tok.start": "octets",
  "tok.rank": "rang {rank}",
  "tok.wholePiece":
    "Le morceau entier est une entrée du vocabulaire : le tokeniseur le prend sans fusionner.",
  "tok.chatTitle": "Modèles de chat",
  "tok.engineBrowser": "calculé dans cette page",
  "tok.engineServer": "calculé sur le serveur",
  "tok.play": "Lecture",
  "tok.pause": "Pause",
  "tok.step": "Pas à pas",
  "tok.restart": "Retour aux octets",
  "tok.stepOf": "fusion {n} sur {total}",
  "tok.learntOrder": "glassbox a entraîné ce tokeniseur lui-même, et son entraînement écrit les fusions dans l'ordre où il les a apprises : le rang 0 a été appris en premier, comme la paire voisine la plus fréquente du texte d'entraînement à ce moment-là, le rang 1 ensuite, etc. L'entraînement ne garde pas le nombre d'occurrences des paires : seul cet ordre est montré.",
  "tok.word": "Mot",
  "tok.tokenizer": "Tokeniseur",
  "tok.chatUser": "Message de l'utilisateur",
};
