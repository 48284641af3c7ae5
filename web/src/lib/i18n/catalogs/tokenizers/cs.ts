/** cs strings of the tokenizer lab. */
import type { TokenizersCatalog } from "./types";

export const tokenizersCs: TokenizersCatalog = {
  "tok.title": "Laboratoř tokenizérů",
  "tok.intro":
    "Tentýž text několika skutečnými tokenizéry: každý čip je jeden token s id; mezery jsou ·, bajty, které netvoří celý znak, jako <e4 b8>, speciální tokeny jsou orámované.",
  "tok.choose": "Tokenizéry",
  "tok.text": "Vstupní text",
  "tok.counts":
    "{tokens} tokenů · {chars} znaků · {bytes} bajtů · {words} slov · {perWord} tokenů na slovo",
  "tok.taxTitle": "Tokenová daň",
  "tok.taxIntro":
    "Tytéž dvě věty v každém jazyce: tokeny na jazyk a poměr k angličtině u téhož tokenizéru. Slova se dělí mezerami, takže tokeny na slovo neplatí pro čínštinu, japonštinu ani thajštinu.",
  "tok.language": "Jazyk",
  "tok.ownTexts": "Vložte vlastní paralelní texty",
  "tok.recount": "Spočítat znovu",
  "tok.mergesTitle": "Jak se BPE dostalo sem",
  "tok.mergesIntro":
    "Sloučení, která mění bajty jednoho slova v jeho tokeny, od nejnižšího pořadí: pořadí je místo sloučení v seznamu tokenizéru.",
  "tok.show": "Ukázat",
  "tok.start": "bajty",
  "tok.rank": "pořadí {rank}",
  "tok.wholePiece":
    "Celý kus je jedna položka slovníku: tokenizér ho bere bez slučování.",
  "tok.chatTitle": "Šablony chatu",
  "tok.engineBrowser": "spočítáno v této stránce",
  "tok.engineServer": "spočítáno na serveru",
  "tok.play": "Přehrát",
  "tok.pause": "Pozastavit",
  "tok.step": "Krok",
  "tok.restart": "Zpět k bajtům",
  "tok.stepOf": "sloučení {n} z {total}",
  "tok.learntOrder": "Tento tokenizér natrénoval glassbox sám a jeho trénink zapisuje sloučení v pořadí, v jakém se je naučil: pořadí 0 se naučil jako první, jako nejčastější sousední dvojici v trénovacím textu v tu chvíli, pořadí 1 jako další atd. Počty dvojic trénink neuchovává, proto je vidět jen toto pořadí.",
  "tok.word": "Slovo",
  "tok.tokenizer": "Tokenizér",
  "tok.chatUser": "Zpráva uživatele",
};
