"""French everyday text for the glassbox training corpus (v2), written by hand for this project.

The module holds entity tables with true attributes (animals, food, dishes, countries and cities, planets,
jobs, sports, instruments, paintings, dated events) and many sentence templates per attribute, plus building
blocks for stories, dialogues, instructions, lists and number texts. French grammar is handled in the data:
every noun is stored with its article (and elision), its gender or its agreement suffix, and countries with
their prepositions ("en France", "au Japon", "aux Pays-Bas", "à Cuba"), so that no template emits a wrong form.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from glassbox.training.corpus_data.facts import CITIES, CITY_COUNTRY, COUNTRIES, OBJECTS
from glassbox.training.corpus_data.general.base import Generator, cap, phrase
from glassbox.training.corpus_data.language import DAYS, MONTHS

_DAYS = DAYS["fr"]
_MONTHS = MONTHS["fr"]

# ---------------------------------------------------------------------------------------------------------------
# Grammar helpers
# ---------------------------------------------------------------------------------------------------------------

_VOWELS = "aeiouyéèêëàâîïôûAEIOUYÉÈÊÀÂÎÔÛ"
_H_MUET = ("Hugo", "heure", "herbe", "hiver", "histoire", "homme", "hôpital", "huile", "humain", "habit", "hydrogène")


def _elides(word: str) -> bool:
    """Whether a word takes the elided forms (l', d', qu') before it."""
    return word[:1] in _VOWELS or any(word.startswith(h) for h in _H_MUET)


def _de(x: str) -> str:
    """``de`` + a noun phrase with its article: du chat, de la vache, de l'eau, des chiens, d'Emma, du Caire."""
    low = x[:3].lower()
    if low == "le ":
        return "du " + x[3:]
    if x[:4].lower() == "les ":
        return "des " + x[4:]
    if _elides(x):
        return "d'" + x
    return "de " + x


def _a(x: str) -> str:
    """``à`` + a noun phrase with its article: au parc, à la gare, à l'école, aux Pays-Bas, au Caire."""
    if x[:3].lower() == "le ":
        return "au " + x[3:]
    if x[:4].lower() == "les ":
        return "aux " + x[4:]
    return "à " + x


def _que(x: str) -> str:
    return "qu'" + x if _elides(x) else "que " + x


def _de_inf(x: str) -> str:
    """``de`` before an infinitive phrase: de boire, d'ajouter."""
    return "d'" + x if _elides(x) else "de " + x


def _join(items: Sequence[str]) -> str:
    """``a, b et c``."""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
_TENS = ("", "dix", "vingt", "trente", "quarante", "cinquante", "soixante")


def num(n: int) -> str:
    """French number words (traditional spelling) for 0 ≤ n < 1,000,000."""
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0:
            return _TENS[t]
        if u == 1:
            return _TENS[t] + " et un"
        return _TENS[t] + "-" + _UNITS[u]
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + num(n - 60)
    if n < 100:
        return "quatre-vingts" if n == 80 else "quatre-vingt-" + num(n - 80)
    if n < 1000:
        h, r = divmod(n, 100)
        head = "cent" if h == 1 else _UNITS[h] + " cent" + ("s" if r == 0 else "")
        return head if r == 0 else head + " " + num(r)
    k, r = divmod(n, 1000)
    head = "mille" if k == 1 else num(k) + " mille"
    return head if r == 0 else head + " " + num(r)


def num_f(n: int) -> str:
    """Number words before a feminine noun: une heure, vingt et une pommes."""
    w = num(n)
    return w[:-2] + "une" if w.endswith("un") else w


_ORD_M = ("premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième",
          "neuvième", "dixième", "onzième", "douzième")  # fmt: skip
_ORD_F = ("première", *_ORD_M[1:])


def _price(cents: int) -> str:
    """A price in euros written the French way: 1,20 euro, 3 euros, 12,50 euros."""
    e, c = divmod(cents, 100)
    amount = str(e) if c == 0 else f"{e},{c:02d}"
    return amount + (" euro" if cents < 200 else " euros")


class _Person(NamedTuple):
    name: str
    g: str  # "m" or "f"


_PEOPLE: tuple[_Person, ...] = tuple(
    _Person(n, "f")
    for n in ("Marie", "Sophie", "Camille", "Julie", "Claire", "Léa", "Chloé", "Manon", "Inès", "Emma",
              "Alice", "Zoé", "Louise", "Nina", "Sarah", "Anaïs", "Jeanne", "Lucie", "Amira", "Margot")
) + tuple(
    _Person(n, "m")
    for n in ("Pierre", "Louis", "Paul", "Hugo", "Marc", "Lucas", "Thomas", "Nathan", "Léo", "Jules",
              "Antoine", "Gabriel", "Arthur", "Maxime", "Théo", "Karim", "Samuel", "Victor", "Adam", "Noé")
)  # fmt: skip


def _people(rng: random.Random, k: int) -> list[_Person]:
    return rng.sample(_PEOPLE, k)


def _pv(p: _Person, suffix: str = "") -> dict[str, str]:
    """Format fields for one person: name, pronoun, agreement ending, elided forms."""
    m = p.g == "m"
    return {
        "A" + suffix: p.name,
        "de_A" + suffix: _de(p.name),
        "que_A" + suffix: _que(p.name),
        "il" + suffix: "il" if m else "elle",
        "Il" + suffix: "Il" if m else "Elle",
        "e" + suffix: "" if m else "e",
        "lui" + suffix: "lui" if m else "elle",
        "un" + suffix: "un" if m else "une",
    }


def _fill(rng: random.Random, options: Sequence[str], heldout: bool, **kw: str) -> str:
    return phrase(rng, options, heldout).format(**kw)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: animals
# ---------------------------------------------------------------------------------------------------------------


class _Animal(NamedTuple):
    sg: str  # with definite article
    un: str  # with indefinite article
    pl: str  # plural with article
    g: str
    cls: str  # key of _CLASSES
    hab: str  # where it lives ("dans la savane africaine")
    food: str  # what it eats ("de l'herbe")
    diet: str  # carnivore / herbivore / omnivore / insectivore, or ""
    legs: int  # number of legs, or -1 when legs do not apply
    sound: str  # verb, 3rd person singular, or ""
    facts: tuple[str, ...]


_CLASSES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "mam": (
        "un mammifère",
        "mammifères",
        (
            "Les mammifères allaitent leurs petits.",
            "Les mammifères ont le sang chaud et, le plus souvent, des poils.",
            "Les petits des mammifères boivent le lait de leur mère.",
        ),
    ),
    "ois": (
        "un oiseau",
        "oiseaux",
        (
            "Les oiseaux ont des plumes et un bec.",
            "Tous les oiseaux pondent des œufs.",
            "Les oiseaux ont deux ailes, mais ils ne savent pas tous voler.",
        ),
    ),
    "rep": (
        "un reptile",
        "reptiles",
        (
            "Les reptiles ont la peau couverte d'écailles.",
            "La plupart des reptiles pondent des œufs.",
            "Les reptiles aiment se chauffer au soleil.",
        ),
    ),
    "amp": (
        "un amphibien",
        "amphibiens",
        ("Les amphibiens vivent d'abord dans l'eau, puis sur la terre.", "Les amphibiens ont une peau nue et humide."),
    ),
    "poi": (
        "un poisson",
        "poissons",
        (
            "Les poissons vivent dans l'eau et respirent avec des branchies.",
            "Les poissons nagent grâce à leurs nageoires.",
        ),
    ),
    "ins": (
        "un insecte",
        "insectes",
        ("Les insectes ont six pattes.", "Le corps des insectes est formé de trois parties."),
    ),
    "mol": (
        "un mollusque",
        "mollusques",
        ("Les mollusques ont un corps mou.", "Beaucoup de mollusques vivent dans l'eau."),
    ),
}

_ANIMALS: tuple[_Animal, ...] = (
    _Animal(
        "le chien",
        "un chien",
        "les chiens",
        "m",
        "mam",
        "dans les maisons, avec les humains",
        "de la viande, des croquettes et parfois des légumes",
        "",
        4,
        "aboie",
        (
            "Le chien est un animal domestique très fidèle.",
            "Le chien a un excellent odorat.",
            "Certains chiens aident les personnes aveugles à se déplacer.",
        ),
    ),
    _Animal(
        "le chat",
        "un chat",
        "les chats",
        "m",
        "mam",
        "dans les maisons et les jardins",
        "de la viande, du poisson et des croquettes",
        "carnivore",
        4,
        "miaule",
        (
            "Le chat aime dormir au soleil.",
            "Le chat voit bien quand il fait sombre.",
            "Le chat ronronne quand il est content.",
        ),
    ),
    _Animal(
        "la vache",
        "une vache",
        "les vaches",
        "f",
        "mam",
        "dans les prés et les fermes",
        "de l'herbe et du foin",
        "herbivore",
        4,
        "meugle",
        (
            "La vache donne du lait.",
            "Avec le lait de vache, on fabrique du fromage et du beurre.",
            "Le petit de la vache s'appelle le veau.",
        ),
    ),
    _Animal(
        "le cheval",
        "un cheval",
        "les chevaux",
        "m",
        "mam",
        "dans les prés et les écuries",
        "de l'herbe, du foin et de l'avoine",
        "herbivore",
        4,
        "hennit",
        (
            "Le cheval peut courir très vite.",
            "Le petit du cheval s'appelle le poulain.",
            "Autrefois, les chevaux tiraient les charrettes.",
        ),
    ),
    _Animal(
        "le mouton",
        "un mouton",
        "les moutons",
        "m",
        "mam",
        "dans les prés et dans les montagnes",
        "de l'herbe",
        "herbivore",
        4,
        "bêle",
        ("La laine du mouton sert à fabriquer des pulls.", "Les moutons vivent en troupeau."),
    ),
    _Animal(
        "le cochon",
        "un cochon",
        "les cochons",
        "m",
        "mam",
        "dans les fermes",
        "des céréales, des légumes et des fruits",
        "omnivore",
        4,
        "grogne",
        ("Le cochon est un animal très intelligent.", "Le cochon se roule dans la boue pour se rafraîchir."),
    ),
    _Animal(
        "la poule",
        "une poule",
        "les poules",
        "f",
        "ois",
        "dans les fermes et les poulaillers",
        "des graines, des vers et des insectes",
        "omnivore",
        2,
        "caquette",
        ("La poule pond des œufs.", "Le mâle de la poule s'appelle le coq."),
    ),
    _Animal(
        "le canard",
        "un canard",
        "les canards",
        "m",
        "ois",
        "près des étangs, des lacs et des rivières",
        "des plantes d'eau, des graines et des petits animaux",
        "omnivore",
        2,
        "cancane",
        ("Le canard sait nager et voler.", "Les pattes du canard sont palmées."),
    ),
    _Animal(
        "le lapin",
        "un lapin",
        "les lapins",
        "m",
        "mam",
        "dans les prés, les bois et les terriers",
        "de l'herbe, des feuilles et des carottes",
        "herbivore",
        4,
        "",
        ("Le lapin a de longues oreilles.", "Le lapin creuse des terriers dans la terre."),
    ),
    _Animal(
        "le lion",
        "un lion",
        "les lions",
        "m",
        "mam",
        "dans la savane africaine",
        "des zèbres, des antilopes et des buffles",
        "carnivore",
        4,
        "rugit",
        (
            "On appelle souvent le lion le roi des animaux.",
            "Le lion mâle porte une grande crinière.",
            "Les lions vivent en groupe.",
        ),
    ),
    _Animal(
        "le tigre",
        "un tigre",
        "les tigres",
        "m",
        "mam",
        "dans les forêts d'Asie",
        "des cerfs, des sangliers et d'autres animaux",
        "carnivore",
        4,
        "rugit",
        (
            "Le tigre est le plus grand des félins.",
            "Le pelage du tigre est orange avec des rayures noires.",
            "Le tigre sait très bien nager.",
        ),
    ),
    _Animal(
        "l'éléphant",
        "un éléphant",
        "les éléphants",
        "m",
        "mam",
        "dans la savane et les forêts d'Afrique et d'Asie",
        "de l'herbe, des feuilles, des fruits et de l'écorce",
        "herbivore",
        4,
        "barrit",
        (
            "L'éléphant est le plus grand animal terrestre.",
            "L'éléphant se sert de sa trompe pour boire et pour attraper sa nourriture.",
            "L'éléphant a de grandes oreilles et des défenses.",
        ),
    ),
    _Animal(
        "la girafe",
        "une girafe",
        "les girafes",
        "f",
        "mam",
        "dans la savane africaine",
        "des feuilles d'acacia",
        "herbivore",
        4,
        "",
        ("La girafe est l'animal le plus haut du monde.", "La girafe a un très long cou."),
    ),
    _Animal(
        "le zèbre",
        "un zèbre",
        "les zèbres",
        "m",
        "mam",
        "dans la savane africaine",
        "de l'herbe",
        "herbivore",
        4,
        "",
        ("Le zèbre a un pelage rayé noir et blanc.", "Les zèbres vivent en troupeaux."),
    ),
    _Animal(
        "l'ours brun",
        "un ours brun",
        "les ours bruns",
        "m",
        "mam",
        "dans les forêts et les montagnes",
        "des baies, des racines, du poisson et du miel",
        "omnivore",
        4,
        "grogne",
        ("L'ours brun dort une grande partie de l'hiver.", "L'ours brun est un excellent pêcheur."),
    ),
    _Animal(
        "le loup",
        "un loup",
        "les loups",
        "m",
        "mam",
        "dans les forêts et les montagnes",
        "des cerfs, des sangliers et des lapins",
        "carnivore",
        4,
        "hurle",
        ("Les loups vivent et chassent en meute.", "Le loup ressemble à un grand chien."),
    ),
    _Animal(
        "le renard",
        "un renard",
        "les renards",
        "m",
        "mam",
        "dans les forêts et les campagnes",
        "des souris, des lapins, des fruits et des insectes",
        "omnivore",
        4,
        "glapit",
        ("Le renard a une longue queue touffue.", "Dans beaucoup de contes, le renard est un animal rusé."),
    ),
    _Animal(
        "le chimpanzé",
        "un chimpanzé",
        "les chimpanzés",
        "m",
        "mam",
        "dans les forêts d'Afrique",
        "des fruits, des feuilles et des insectes",
        "omnivore",
        -1,
        "",
        (
            "Le chimpanzé est un animal très intelligent.",
            "Le chimpanzé sait utiliser des outils simples, comme des bâtons.",
        ),
    ),
    _Animal(
        "la baleine bleue",
        "une baleine bleue",
        "les baleines bleues",
        "f",
        "mam",
        "dans tous les océans",
        "du krill, de tout petits animaux marins",
        "",
        -1,
        "",
        (
            "La baleine bleue est le plus grand animal de l'océan.",
            "La baleine bleue est le plus grand animal qui ait jamais vécu sur Terre.",
            "La baleine bleue respire de l'air à la surface de l'eau.",
            "La baleine bleue peut mesurer environ trente mètres de long.",
        ),
    ),
    _Animal(
        "le dauphin",
        "un dauphin",
        "les dauphins",
        "m",
        "mam",
        "dans les mers et les océans",
        "des poissons et des calmars",
        "carnivore",
        -1,
        "",
        (
            "Le dauphin est un mammifère marin très intelligent.",
            "Le dauphin respire de l'air à la surface de l'eau.",
            "Les dauphins communiquent avec des sifflements.",
        ),
    ),
    _Animal(
        "le requin",
        "un requin",
        "les requins",
        "m",
        "poi",
        "dans les mers et les océans",
        "surtout des poissons",
        "carnivore",
        -1,
        "",
        ("Le requin a plusieurs rangées de dents.", "Les requins existent depuis des millions d'années."),
    ),
    _Animal(
        "le manchot empereur",
        "un manchot empereur",
        "les manchots empereurs",
        "m",
        "ois",
        "en Antarctique, sur la glace et dans la mer",
        "des poissons, du krill et des calmars",
        "carnivore",
        2,
        "",
        (
            "Le manchot empereur ne sait pas voler, mais il nage très bien.",
            "Le manchot empereur supporte un froid extrême.",
        ),
    ),
    _Animal(
        "la grenouille",
        "une grenouille",
        "les grenouilles",
        "f",
        "amp",
        "près des mares, des étangs et des rivières",
        "des insectes, des vers et des limaces",
        "carnivore",
        4,
        "coasse",
        (
            "La grenouille commence sa vie sous la forme d'un têtard.",
            "La grenouille attrape les insectes avec sa longue langue.",
        ),
    ),
    _Animal(
        "le serpent",
        "un serpent",
        "les serpents",
        "m",
        "rep",
        "dans les forêts, les déserts et les prairies",
        "des souris, des oiseaux, des œufs et des insectes",
        "carnivore",
        -1,
        "siffle",
        (
            "Le serpent n'a pas de pattes.",
            "Le serpent change de peau plusieurs fois dans sa vie.",
            "Certains serpents sont venimeux.",
        ),
    ),
    _Animal(
        "la tortue",
        "une tortue",
        "les tortues",
        "f",
        "rep",
        "sur la terre ou dans l'eau, selon les espèces",
        "des plantes, des fruits et parfois des petits animaux",
        "",
        4,
        "",
        (
            "La tortue porte une carapace sur son dos.",
            "La tortue avance lentement.",
            "Certaines tortues vivent plus de cent ans.",
        ),
    ),
    _Animal(
        "le crocodile",
        "un crocodile",
        "les crocodiles",
        "m",
        "rep",
        "dans les fleuves et les marais des pays chauds",
        "des poissons, des oiseaux et des mammifères",
        "carnivore",
        4,
        "",
        ("Le crocodile a une mâchoire très puissante.", "Le crocodile pond ses œufs sur la terre ferme."),
    ),
    _Animal(
        "l'abeille",
        "une abeille",
        "les abeilles",
        "f",
        "ins",
        "dans des ruches ou dans des arbres creux",
        "du nectar et du pollen de fleurs",
        "",
        6,
        "bourdonne",
        (
            "L'abeille fabrique du miel.",
            "Les abeilles aident les plantes à se reproduire en transportant le pollen.",
            "Une ruche peut abriter des milliers d'abeilles.",
        ),
    ),
    _Animal(
        "la fourmi",
        "une fourmi",
        "les fourmis",
        "f",
        "ins",
        "dans des fourmilières",
        "des graines, des insectes et des matières sucrées",
        "omnivore",
        6,
        "",
        ("La fourmi peut porter des objets plus lourds qu'elle.", "Les fourmis vivent en colonies très organisées."),
    ),
    _Animal(
        "le papillon",
        "un papillon",
        "les papillons",
        "m",
        "ins",
        "dans les prés, les jardins et les forêts",
        "le nectar des fleurs",
        "",
        6,
        "",
        (
            "Le papillon commence sa vie sous la forme d'une chenille.",
            "Les ailes du papillon sont souvent très colorées.",
        ),
    ),
    _Animal(
        "le hibou",
        "un hibou",
        "les hiboux",
        "m",
        "ois",
        "dans les forêts et les vieux bâtiments",
        "des souris, des campagnols et des insectes",
        "carnivore",
        2,
        "hulule",
        ("Le hibou chasse surtout la nuit.", "Le hibou peut tourner la tête très loin en arrière."),
    ),
    _Animal(
        "l'aigle",
        "un aigle",
        "les aigles",
        "m",
        "ois",
        "dans les montagnes et les grandes forêts",
        "des lapins, des poissons et d'autres petits animaux",
        "carnivore",
        2,
        "",
        ("L'aigle a une vue excellente.", "L'aigle construit son nid en hauteur."),
    ),
    _Animal(
        "le chameau",
        "un chameau",
        "les chameaux",
        "m",
        "mam",
        "dans les déserts d'Asie",
        "des plantes du désert, de l'herbe et des feuilles",
        "herbivore",
        4,
        "blatère",
        ("Le chameau a deux bosses sur le dos.", "Le chameau peut rester longtemps sans boire."),
    ),
    _Animal(
        "le kangourou",
        "un kangourou",
        "les kangourous",
        "m",
        "mam",
        "en Australie",
        "de l'herbe et des feuilles",
        "herbivore",
        -1,
        "",
        ("Le kangourou se déplace en faisant de grands bonds.", "La femelle kangourou porte son petit dans une poche."),
    ),
    _Animal(
        "le panda géant",
        "un panda géant",
        "les pandas géants",
        "m",
        "mam",
        "dans les forêts de bambous de Chine",
        "surtout du bambou",
        "",
        4,
        "",
        ("Le panda géant a un pelage noir et blanc.", "Le panda géant passe une grande partie de la journée à manger."),
    ),
    _Animal(
        "la pieuvre",
        "une pieuvre",
        "les pieuvres",
        "f",
        "mol",
        "dans les mers et les océans",
        "des crabes, des crevettes et des poissons",
        "carnivore",
        -1,
        "",
        ("La pieuvre a huit bras.", "La pieuvre peut changer de couleur pour se cacher.", "La pieuvre a trois cœurs."),
    ),
    _Animal(
        "le hérisson",
        "un hérisson",
        "les hérissons",
        "m",
        "mam",
        "dans les jardins, les haies et les bois",
        "des insectes, des vers et des escargots",
        "insectivore",
        4,
        "",
        ("Le hérisson a le dos couvert de piquants.", "Le hérisson se roule en boule quand il a peur."),
    ),
    _Animal(
        "l'âne",
        "un âne",
        "les ânes",
        "m",
        "mam",
        "dans les prés et les fermes",
        "de l'herbe, du foin et des chardons",
        "herbivore",
        4,
        "brait",
        ("L'âne a de grandes oreilles.", "L'âne peut porter de lourdes charges."),
    ),
    _Animal(
        "la souris",
        "une souris",
        "les souris",
        "f",
        "mam",
        "dans les champs, les greniers et parfois les maisons",
        "des graines, des fruits et des miettes",
        "omnivore",
        4,
        "couine",
        ("La souris est un petit rongeur.", "La souris a une longue queue fine."),
    ),
    _Animal(
        "le saumon",
        "un saumon",
        "les saumons",
        "m",
        "poi",
        "dans la mer et dans les rivières",
        "des insectes, des crevettes et des petits poissons",
        "carnivore",
        -1,
        "",
        ("Le saumon remonte les rivières pour pondre ses œufs.", "Le saumon respire grâce à ses branchies."),
    ),
    _Animal(
        "l'escargot",
        "un escargot",
        "les escargots",
        "m",
        "mol",
        "dans les jardins et les bois humides",
        "des feuilles et des plantes",
        "herbivore",
        -1,
        "",
        ("L'escargot porte sa coquille sur son dos.", "L'escargot sort surtout quand il pleut."),
    ),
)

_DOMESTIC = (
    "le chien",
    "le chat",
    "la vache",
    "le cheval",
    "le mouton",
    "le cochon",
    "la poule",
    "le canard",
    "le lapin",
    "l'âne",
)

_T_CLASS = (
    "{A} est {cls}.",
    "{A} fait partie des {cls_pl}.",
    "Pour les scientifiques, {a} est {cls}.",
    "{A} appartient au groupe des {cls_pl}.",
    "On classe {a} parmi les {cls_pl}.",
    "{A} est classé{e} parmi les {cls_pl}.",
    "Dans le règne animal, {a} est {cls}.",
    "Il faut savoir que {a} est {cls}.",
    "{A}, c'est {cls}.",
    "Les savants rangent {a} parmi les {cls_pl}.",
)
_T_HAB = (
    "{A} vit {hab}.",
    "On trouve {a} {hab}.",
    "{Il} vit {hab}.",
    "On peut observer {a} {hab}.",
    "{A} habite {hab}.",
    "Dans la nature, {a} vit {hab}.",
    "{Il} habite {hab}.",
    "On rencontre {a} {hab}.",
    "Son habitat se trouve {hab}.",
    "{A} passe sa vie {hab}.",
)
_T_FOOD = (
    "{A} mange {food}.",
    "Pour se nourrir, {a} mange {food}.",
    "{Il} mange {food}.",
    "Dans la nature, {a} mange {food}.",
    "Au menu {de_a}, il y a {food}.",
    "{A} aime manger {food}.",
    "Chaque jour, {a} cherche à manger : {food}.",
    "{Il} se nourrit en mangeant {food}.",
    "Ce que mange {a} ? {Food}.",
    "Pour vivre, {a} a besoin de manger {food}.",
)
_T_DIET = (
    "{A} est {diet}.",
    "{A} est un animal {diet}.",
    "On dit que {a} est {diet}.",
    "C'est un animal {diet}.",
    "{Il} est {diet}.",
    "{A} est ce qu'on appelle un animal {diet}.",
)
_T_LEGS = (
    "{A} a {n} pattes.",
    "{A} marche sur {n} pattes.",
    "{Il} a {n} pattes.",
    "{A} possède {n} pattes.",
    "On compte {n} pattes chez {a}.",
    "{Il} se déplace sur {n} pattes.",
)
_T_SOUND = (
    "{A} {snd}.",
    "On dit que {a} {snd}.",
    "Écoute bien : {a} {snd} !",
    "Quand {il} veut communiquer, {a} {snd}.",
    "Il arrive qu'on entende {a} qui {snd}.",
    "Pour appeler les autres, {a} {snd}.",
)
_T_PAIR = (
    "{P1} et {P2} sont des {cls_pl}.",
    "{P1} et {P2} font partie des {cls_pl}.",
    "Comme {p2}, {p1} sont des {cls_pl}.",
    "{P1} et {P2} appartiennent tous les deux au groupe des {cls_pl}.",
    "Il faut savoir que {p1} et {p2} sont des {cls_pl}.",
)
_T_DOMESTIC = (
    "{P1} et {P2} sont des animaux domestiques.",
    "{P1} et {P2} vivent souvent près des humains.",
    "On élève {p1} et {p2} depuis très longtemps.",
    "{P1}, comme {p2}, sont des animaux domestiques.",
    "Dans beaucoup de familles, {p1} et {p2} sont des animaux domestiques.",
    "{P1} et {P2} sont des animaux que l'on rencontre à la maison ou à la ferme.",
)


def _animal_fields(an: _Animal) -> dict[str, str]:
    cls, cls_pl, _ = _CLASSES[an.cls]
    return {
        "A": cap(an.sg), "a": an.sg, "de_a": _de(an.sg), "Il": "Il" if an.g == "m" else "Elle",
        "il": "il" if an.g == "m" else "elle", "e": "" if an.g == "m" else "e", "cls": cls, "cls_pl": cls_pl,
        "hab": an.hab, "food": an.food, "Food": cap(an.food), "diet": an.diet, "snd": an.sound, "n": num(max(an.legs, 0)),
    }  # fmt: skip


def _animal_doc(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.15:
        return _animal_pair_doc(rng, heldout)
    an = rng.choice(_ANIMALS)
    f = _animal_fields(an)
    first = phrase(rng, _T_CLASS, heldout).format(**f).replace("{Il}", "")
    if first.startswith(("Il ", "Elle ")):
        first = cap(an.sg) + first[first.index(" ") :]
    parts: list[str] = []
    parts.append(phrase(rng, _T_HAB, heldout).format(**f))
    parts.append(phrase(rng, _T_FOOD, heldout).format(**f))
    if an.diet:
        parts.append(phrase(rng, _T_DIET, heldout).format(**f))
    if an.legs > 0:
        parts.append(phrase(rng, _T_LEGS, heldout).format(**f))
    if an.sound:
        parts.append(phrase(rng, _T_SOUND, heldout).format(**f))
    parts.extend(rng.sample(an.facts, rng.randint(1, len(an.facts))))
    if rng.random() < 0.4:
        parts.append(rng.choice(_CLASSES[an.cls][2]))
    rng.shuffle(parts)
    parts = parts[: rng.randint(3, 6)]
    # a pronoun never starts the text after a sentence about another subject
    out = [first]
    for s in parts:
        if s.startswith(("Il ", "Elle ")) and not out[-1].startswith((cap(an.sg), "Il ", "Elle ")):
            s = cap(an.sg) + s[s.index(" ") :]
        out.append(s)
    return " ".join(out)


def _animal_pair_doc(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    if rng.random() < 0.5:
        d1, d2 = rng.sample(_DOMESTIC, 2)
        a1 = next(a for a in _ANIMALS if a.sg == d1)
        a2 = next(a for a in _ANIMALS if a.sg == d2)
        t = phrase(rng, _T_DOMESTIC, heldout)
        out.append(t.format(P1=cap(a1.pl), P2=cap(a2.pl), p1=a1.pl, p2=a2.pl))
    else:
        same: list[_Animal] = []
        while not same:  # an animal whose class has another member
            a1 = rng.choice(_ANIMALS)
            same = [a for a in _ANIMALS if a.cls == a1.cls and a is not a1]
        a2 = rng.choice(same)
        t = phrase(rng, _T_PAIR, heldout)
        out.append(t.format(P1=cap(a1.pl), P2=cap(a2.pl), p1=a1.pl, p2=a2.pl, cls_pl=_CLASSES[a1.cls][1]))
    for an in (a1, a2):
        f = _animal_fields(an)
        out.append(phrase(rng, _T_HAB, heldout).format(**f).replace("{Il}", ""))
        out.append(rng.choice(an.facts))
    fixed = [out[0]]
    for s in out[1:]:
        if s.startswith(("Il ", "Elle ", "Son ")):
            continue
        fixed.append(s)
    if len(fixed) < 3:
        fixed.append(rng.choice(_CLASSES[a1.cls][2]))
    return " ".join(fixed)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: fruit, vegetables and dishes
# ---------------------------------------------------------------------------------------------------------------


class _Food(NamedTuple):
    sg: str
    kind: str  # "un fruit" / "un légume"
    colour: str  # agreed adjective phrase, or ""
    taste: str  # agreed adjective phrase, or ""
    facts: tuple[str, ...]


_FOODS: tuple[_Food, ...] = (
    _Food(
        "la pomme",
        "un fruit",
        "rouge, verte ou jaune",
        "sucrée ou un peu acide",
        (
            "La pomme pousse sur un arbre qu'on appelle le pommier.",
            "On récolte les pommes en automne.",
            "Avec des pommes, on prépare de la compote et des tartes.",
        ),
    ),
    _Food(
        "la banane",
        "un fruit",
        "jaune quand elle est mûre",
        "sucrée et douce",
        ("La banane pousse dans les pays chauds.", "Avant de manger une banane, on enlève sa peau."),
    ),
    _Food(
        "l'orange",
        "un fruit",
        "orange",
        "sucrée et juteuse",
        (
            "L'orange est riche en vitamine C.",
            "Avec des oranges, on fait du jus d'orange.",
            "L'orange pousse sur l'oranger, dans les pays chauds.",
        ),
    ),
    _Food(
        "la fraise",
        "un fruit",
        "rouge",
        "sucrée et parfumée",
        ("La fraise pousse près du sol.", "On mange les fraises au printemps et en été."),
    ),
    _Food(
        "la cerise",
        "un fruit",
        "rouge",
        "sucrée",
        ("La cerise pousse sur le cerisier.", "La cerise a un noyau dur au milieu."),
    ),
    _Food(
        "le citron",
        "un fruit",
        "jaune",
        "très acide",
        ("Le jus de citron est très acide.", "On met parfois du citron dans le thé ou sur le poisson."),
    ),
    _Food(
        "la poire",
        "un fruit",
        "verte ou jaune",
        "sucrée et fondante",
        ("La poire pousse sur le poirier.", "La poire a souvent la forme d'une goutte d'eau."),
    ),
    _Food(
        "la pêche",
        "un fruit",
        "jaune et rose",
        "sucrée et juteuse",
        ("La pêche a une peau toute douce.", "La pêche est un fruit d'été."),
    ),
    _Food(
        "l'ananas",
        "un fruit",
        "jaune à l'intérieur",
        "sucré et un peu acide",
        ("L'ananas pousse dans les pays tropicaux.", "L'ananas a une peau dure et une couronne de feuilles."),
    ),
    _Food(
        "la pastèque",
        "un fruit",
        "verte à l'extérieur et rouge à l'intérieur",
        "sucrée et pleine d'eau",
        ("La pastèque est un très gros fruit.", "En été, la pastèque rafraîchit."),
    ),
    _Food(
        "le raisin",
        "un fruit",
        "vert ou noir",
        "sucré",
        ("Le raisin pousse en grappes sur la vigne.", "Avec le raisin, on fait du jus de raisin."),
    ),
    _Food(
        "la carotte",
        "un légume",
        "orange",
        "un peu sucrée",
        ("La carotte pousse sous la terre.", "On peut manger la carotte crue ou cuite."),
    ),
    _Food(
        "la tomate",
        "un fruit",
        "rouge",
        "juteuse",
        ("En cuisine, on utilise la tomate comme un légume.", "Avec des tomates, on prépare de la sauce tomate."),
    ),
    _Food(
        "le concombre",
        "un légume",
        "vert",
        "frais",
        ("Le concombre contient beaucoup d'eau.", "On mange souvent le concombre en salade."),
    ),
    _Food(
        "la pomme de terre",
        "un légume",
        "",
        "",
        ("La pomme de terre pousse sous la terre.", "Avec les pommes de terre, on prépare des frites et de la purée."),
    ),
    _Food(
        "la laitue",
        "un légume",
        "verte",
        "",
        ("La laitue se mange en salade.", "On lave bien la laitue avant de la manger."),
    ),
    _Food(
        "le brocoli",
        "un légume",
        "vert",
        "",
        ("Le brocoli ressemble à un petit arbre.", "Le brocoli est riche en vitamines."),
    ),
    _Food(
        "l'oignon",
        "un légume",
        "blanc, jaune ou rouge",
        "",
        ("Quand on coupe un oignon, on pleure souvent.", "L'oignon donne du goût à la soupe et aux sauces."),
    ),
    _Food(
        "le poivron",
        "un légume",
        "rouge, vert ou jaune",
        "",
        ("Le poivron est creux à l'intérieur.", "On peut manger le poivron cru ou cuit."),
    ),
    _Food(
        "l'aubergine", "un légume", "violette", "", ("L'aubergine est un légume d'été.", "On mange l'aubergine cuite.")
    ),
    _Food(
        "la courgette",
        "un légume",
        "verte",
        "",
        ("La courgette pousse en été.", "On met de la courgette dans la ratatouille."),
    ),
)

_T_KIND = (
    "{A} est {kind}.",
    "{A} est {kind} que l'on mange souvent.",
    "Tout le monde connaît {a} : c'est {kind}.",
    "{A} est {kind} très apprécié en France.",
    "{A}, c'est {kind}.",
    "Parmi les aliments, {a} est {kind}.",
    "{A} est {kind} bon pour la santé.",
)
_T_COLOUR_F = (
    "{A} est {col}.",
    "La plupart du temps, {a} est {col}.",
    "Quand on la regarde, on voit que {a} est {col}.",
    "{A} est souvent {col}.",
    "En général, {a} est {col}.",
    "{A} est {col}, c'est facile à reconnaître.",
)
_T_TASTE = (
    "{A} est {taste}.",
    "Son goût ? {A} est {taste}.",
    "Quand on la goûte, {a} est {taste}.",
    "On dit que {a} est {taste}.",
    "Au goût, {a} est {taste}.",
    "Bien mûr{e}, {a} est {taste}.",
)


def _food_doc(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.4:
        return _dish_doc(rng, heldout)
    fd = rng.choice(_FOODS)
    g = "m" if fd.sg.startswith("le ") or fd.sg in ("l'ananas", "l'oignon") else "f"
    f = {
        "A": cap(fd.sg),
        "a": fd.sg,
        "kind": fd.kind,
        "col": fd.colour,
        "taste": fd.taste,
        "e": "" if g == "m" else "e",
    }
    out = [phrase(rng, _T_KIND, heldout).format(**f).replace("très apprécié", "très apprécié")]
    rest: list[str] = []
    if fd.colour:
        t = phrase(rng, _T_COLOUR_F, heldout)
        if "la regarde" in t and g == "m":
            t = t.replace("la regarde", "le regarde")
        rest.append(t.format(**f))
    if fd.taste:
        t = phrase(rng, _T_TASTE, heldout)
        if "la goûte" in t and g == "m":
            t = t.replace("la goûte", "le goûte")
        rest.append(t.format(**f))
    rest.extend(fd.facts)
    rng.shuffle(rest)
    out.extend(rest[: rng.randint(2, 4)])
    if rng.random() < 0.5:
        out.append(rng.choice(_FOOD_GENERAL))
    return " ".join(out)


_FOOD_GENERAL = (
    "Les fruits et les légumes contiennent des vitamines.",
    "Il est conseillé de manger des fruits et des légumes tous les jours.",
    "Avant de manger un fruit, il faut bien le laver.",
    "Les fruits poussent sur des arbres ou sur des plantes.",
    "Les légumes peuvent se manger crus ou cuits.",
)


class _Dish(NamedTuple):
    sg: str
    e: str  # agreement ending of the dish noun ("" or "e")
    ing: str
    origin: str  # "vient d'Italie" style complement
    facts: tuple[str, ...]


_DISHES: tuple[_Dish, ...] = (
    _Dish(
        "la pizza",
        "e",
        "de la pâte, de la sauce tomate et du fromage",
        "d'Italie",
        ("On cuit la pizza dans un four très chaud.",),
    ),
    _Dish(
        "la soupe de légumes",
        "e",
        "des carottes, des poireaux, des pommes de terre et de l'eau",
        "de la cuisine de tous les jours",
        ("On mange souvent la soupe chaude en hiver.",),
    ),
    _Dish(
        "la ratatouille",
        "e",
        "des tomates, des courgettes, des aubergines, des poivrons et des oignons",
        "de Provence, dans le sud de la France",
        ("La ratatouille se mange chaude ou froide.",),
    ),
    _Dish(
        "le couscous",
        "",
        "de la semoule, des légumes et souvent de la viande",
        "du Maghreb",
        ("Le couscous se partage souvent en famille.",),
    ),
    _Dish(
        "l'omelette",
        "e",
        "des œufs battus, cuits dans une poêle",
        "de la cuisine de tous les jours",
        ("On peut ajouter du fromage ou des champignons dans une omelette.",),
    ),
    _Dish(
        "la crêpe",
        "e",
        "de la farine, des œufs et du lait",
        "de Bretagne",
        (
            "On mange des crêpes à la Chandeleur, le 2 février.",
            "On mange la crêpe avec du sucre, de la confiture ou du chocolat.",
        ),
    ),
    _Dish(
        "la quiche lorraine",
        "e",
        "de la pâte, des œufs, de la crème et des lardons",
        "de Lorraine, dans l'est de la France",
        ("La quiche lorraine se cuit au four.",),
    ),
    _Dish(
        "la paella",
        "e",
        "du riz, du safran, des légumes et souvent des fruits de mer",
        "d'Espagne",
        ("La paella se cuisine dans une grande poêle plate.",),
    ),
    _Dish(
        "le gratin dauphinois",
        "",
        "des pommes de terre, du lait et de la crème",
        "du Dauphiné, dans les Alpes",
        ("Le gratin dauphinois se cuit longtemps au four.",),
    ),
    _Dish(
        "la tarte aux pommes",
        "e",
        "de la pâte et des pommes",
        "de la cuisine de tous les jours",
        ("On sert souvent la tarte aux pommes en dessert.",),
    ),
    _Dish(
        "le croque-monsieur",
        "",
        "du pain de mie, du jambon et du fromage",
        "de France",
        ("Le croque-monsieur se mange chaud.",),
    ),
    _Dish(
        "la fondue savoyarde",
        "e",
        "du fromage fondu et des morceaux de pain",
        "de Savoie, dans les Alpes",
        ("On mange la fondue savoyarde en hiver, souvent à plusieurs.",),
    ),
    _Dish(
        "le riz au lait",
        "",
        "du riz, du lait et du sucre",
        "de la cuisine de tous les jours",
        ("Le riz au lait est un dessert sucré.",),
    ),
    _Dish(
        "les sushis",
        "s",
        "du riz, du poisson cru et des algues",
        "du Japon",
        ("On mange les sushis avec des baguettes.",),
    ),
)
_T_DISH_ING = (
    "{A} {est} préparé{e} avec {ing}.",
    "Pour faire {a}, on utilise {ing}.",
    "Dans {a}, il y a {ing}.",
    "La recette {de_a} demande {ing}.",
    "{A} se prépare{nt} avec {ing}.",
    "Les ingrédients {de_a} sont {ing}.",
    "Il faut {ing} pour préparer {a}.",
)
_T_DISH_ORIGIN = (
    "{A} vien{t} {origin}.",
    "La recette {de_a} vient {origin}.",
    "{A} {est} un plat qui vient {origin}.",
    "À l'origine, {a} vien{t} {origin}.",
    "On dit que {a} vien{t} {origin}.",
    "C'est un plat qui vient {origin}.",
)
_T_FAVOURITE = (
    "Mon plat préféré est {a}.",
    "Beaucoup d'enfants disent : « Mon plat préféré, c'est {a} ! »",
    "Pour beaucoup de gens, {a} est un plat délicieux.",
    "{A} est un plat que beaucoup de familles aiment.",
    "Mon frère dit que son plat préféré est {a}.",
)


def _dish_doc(rng: random.Random, heldout: bool) -> str:
    d = rng.choice(_DISHES)
    pl = d.e == "s"
    f = {
        "A": cap(d.sg), "a": d.sg, "de_a": _de(d.sg), "e": d.e, "ing": d.ing, "est": "sont" if pl else "est",
        "nt": "nt" if pl else "", "t": "nent" if pl else "t", "origin": d.origin,
    }  # fmt: skip
    out = [phrase(rng, _T_DISH_ING, heldout).format(**f)]
    if d.origin != "de la cuisine de tous les jours" or not pl:
        t = phrase(rng, _T_DISH_ORIGIN, heldout)
        if d.origin == "de la cuisine de tous les jours":
            t = "{A} {est} un plat simple de la cuisine de tous les jours."
        out.append(
            t.format(**f)
            .replace("un plat qui vient", "un plat qui vient" if not pl else "des plats qui viennent")
            .replace("{est}", f["est"])
        )
    out.extend(d.facts)
    if not pl:
        out.append(phrase(rng, _T_FAVOURITE, heldout).format(**f))
    rng.shuffle(out)
    out.insert(0, out.pop(next(i for i, s in enumerate(out) if not s.startswith("C'est"))))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: countries and cities (names from facts.py, French grammar here)
# ---------------------------------------------------------------------------------------------------------------

# key: (with article, "in" form, "of" form without article, continent "in" form, languages)
_COUNTRY_FR: dict[str, tuple[str, str, str, str, str]] = {
    "france": ("la France", "en France", "de France", "en Europe", "le français"),
    "germany": ("l'Allemagne", "en Allemagne", "d'Allemagne", "en Europe", "l'allemand"),
    "italy": ("l'Italie", "en Italie", "d'Italie", "en Europe", "l'italien"),
    "spain": ("l'Espagne", "en Espagne", "d'Espagne", "en Europe", "l'espagnol"),
    "japan": ("le Japon", "au Japon", "du Japon", "en Asie", "le japonais"),
    "china": ("la Chine", "en Chine", "de Chine", "en Asie", "le chinois"),
    "russia": ("la Russie", "en Russie", "de Russie", "en Europe et en Asie", "le russe"),
    "ukraine": ("l'Ukraine", "en Ukraine", "d'Ukraine", "en Europe", "l'ukrainien"),
    "czechia": ("la Tchéquie", "en Tchéquie", "de Tchéquie", "en Europe", "le tchèque"),
    "poland": ("la Pologne", "en Pologne", "de Pologne", "en Europe", "le polonais"),
    "egypt": ("l'Égypte", "en Égypte", "d'Égypte", "en Afrique", "l'arabe"),
    "canada": ("le Canada", "au Canada", "du Canada", "en Amérique du Nord", "l'anglais et le français"),
    "brazil": ("le Brésil", "au Brésil", "du Brésil", "en Amérique du Sud", "le portugais"),
    "argentina": ("l'Argentine", "en Argentine", "d'Argentine", "en Amérique du Sud", "l'espagnol"),
    "austria": ("l'Autriche", "en Autriche", "d'Autriche", "en Europe", "l'allemand"),
    "hungary": ("la Hongrie", "en Hongrie", "de Hongrie", "en Europe", "le hongrois"),
    "greece": ("la Grèce", "en Grèce", "de Grèce", "en Europe", "le grec"),
    "portugal": ("le Portugal", "au Portugal", "du Portugal", "en Europe", "le portugais"),
    "norway": ("la Norvège", "en Norvège", "de Norvège", "en Europe", "le norvégien"),
    "sweden": ("la Suède", "en Suède", "de Suède", "en Europe", "le suédois"),
    "finland": ("la Finlande", "en Finlande", "de Finlande", "en Europe", "le finnois et le suédois"),
    "ireland": ("l'Irlande", "en Irlande", "d'Irlande", "en Europe", "l'anglais et l'irlandais"),
    "india": ("l'Inde", "en Inde", "d'Inde", "en Asie", "l'hindi, l'anglais et beaucoup d'autres langues"),
    "kenya": ("le Kenya", "au Kenya", "du Kenya", "en Afrique", "le swahili et l'anglais"),
    "peru": ("le Pérou", "au Pérou", "du Pérou", "en Amérique du Sud", "l'espagnol et le quechua"),
    "chile": ("le Chili", "au Chili", "du Chili", "en Amérique du Sud", "l'espagnol"),
    "turkey": ("la Turquie", "en Turquie", "de Turquie", "en Europe et en Asie", "le turc"),
    "thailand": ("la Thaïlande", "en Thaïlande", "de Thaïlande", "en Asie", "le thaï"),
    "australia": ("l'Australie", "en Australie", "d'Australie", "en Océanie", "l'anglais"),
    "korea": ("la Corée du Sud", "en Corée du Sud", "de Corée du Sud", "en Asie", "le coréen"),
    "vietnam": ("le Viêt Nam", "au Viêt Nam", "du Viêt Nam", "en Asie", "le vietnamien"),
    "iran": ("l'Iran", "en Iran", "d'Iran", "en Asie", "le persan"),
    "cuba": ("Cuba", "à Cuba", "de Cuba", "en Amérique", "l'espagnol"),
    "belgium": ("la Belgique", "en Belgique", "de Belgique", "en Europe", "le néerlandais, le français et l'allemand"),
    "netherlands": ("les Pays-Bas", "aux Pays-Bas", "des Pays-Bas", "en Europe", "le néerlandais"),
    "denmark": ("le Danemark", "au Danemark", "du Danemark", "en Europe", "le danois"),
    "switzerland": (
        "la Suisse",
        "en Suisse",
        "de Suisse",
        "en Europe",
        "l'allemand, le français, l'italien et le romanche",
    ),
    "morocco": ("le Maroc", "au Maroc", "du Maroc", "en Afrique", "l'arabe et le berbère"),
    "indonesia": ("l'Indonésie", "en Indonésie", "d'Indonésie", "en Asie", "l'indonésien"),
    "romania": ("la Roumanie", "en Roumanie", "de Roumanie", "en Europe", "le roumain"),
}
_COUNTRY_BY_KEY = {c.key: c for c in COUNTRIES}
_PORTS = ("marseille", "hamburg", "barcelona", "shanghai", "petersburg", "odesa", "gdansk", "alexandria", "rio",
          "porto", "bergen", "gothenburg", "mumbai", "istanbul", "sydney", "busan", "antwerp", "rotterdam",
          "casablanca", "venice")  # fmt: skip


def _capital(key: str) -> str:
    return _COUNTRY_BY_KEY[key].answer["fr"]


def _country_fields(key: str) -> dict[str, str]:
    art, en, de0, cont, lang = _COUNTRY_FR[key]
    capital = _capital(key)
    return {
        "C": cap(art), "c": art, "de_c": _de(art), "en": en, "En": cap(en), "de0": de0, "cont": cont, "lang": lang,
        "cap": capital, "Cap": cap(capital), "a_cap": _a(capital), "de_cap": _de(capital),
    }  # fmt: skip


_T_CAPITAL = (
    "La capitale {de_c} est {cap}.",
    "{Cap} est la capitale {de_c}.",
    "{C} a pour capitale {cap}.",
    "Le gouvernement {de_c} siège {a_cap}.",
    "La capitale {de_c}, c'est {cap}.",
    "{Cap} est une grande ville : c'est la capitale {de_c}.",
    "Quelle est la capitale {de_c} ? C'est {cap}.",
    "La ville la plus importante pour le gouvernement {de_c} est sa capitale, {cap}.",
    "{Cap} est la ville où se trouve le gouvernement {de_c}.",
    "Si l'on cherche la capitale {de_c}, on trouve {cap}.",
)
_T_CONTINENT = (
    "{C} est un pays qui se trouve {cont}.",
    "{C} se trouve {cont}.",
    "Sur une carte, on trouve {c} {cont}.",
    "{C} est situé{e} {cont}.",
    "{C} est un pays situé {cont}.",
    "On trouve {c} {cont}.",
    "Le pays appelé {c} se trouve {cont}.",
)
_T_LANG = (
    "{En}, on parle {lang}.",
    "Les habitants {de_c} parlent {lang}.",
    "On parle {lang} {en}.",
    "La langue que l'on parle {en}, c'est {lang}.",
    "{En}, les gens parlent {lang}.",
    "Quand on voyage {en}, on entend parler {lang}.",
)
_T_CITY_IN = (
    "{City} est une ville {de0}.",
    "{City} se trouve {en}.",
    "La ville de {city} se trouve {en}.",
    "{City} est une grande ville {de0}.",
    "On trouve la ville de {city} {en}.",
    "{City} est une ville que l'on trouve {en}.",
    "Quand on visite {city}, on est {en}.",
    "{City} est l'une des villes {de_c}.",
    "La ville de {city} fait partie {de_c}.",
    "{City} est une ville connue {de0}.",
)
_T_CITY_OTHER = (
    "{C} a d'autres grandes villes, comme {cities}.",
    "Parmi les villes {de_c}, on peut citer {cities}.",
    "{En}, il y a aussi les villes de {cities}.",
    "{Cities} sont d'autres villes {de0}.",
    "Les villes de {cities} se trouvent aussi {en}.",
    "D'autres villes connues {de0} sont {cities}.",
)
_T_PORT = (
    "{City} est une ville portuaire.",
    "{City} a un grand port.",
    "Beaucoup de bateaux arrivent au port de {city}.",
    "{City} est connue pour son port.",
    "{City} est une ville au bord de l'eau, avec un port important.",
    "Le port de {city} est très actif.",
)


def _gender_of(art: str) -> str:
    return "m" if art.startswith(("le ", "les ")) or art in ("l'Iran", "Cuba") else "f"


def _country_doc(rng: random.Random, heldout: bool) -> str:
    key = rng.choice(COUNTRIES).key
    f = _country_fields(key)
    f["e"] = "" if _gender_of(f["c"]) == "m" else "e"
    if f["c"] == "les Pays-Bas":
        f["e"] = "s"
    out = [phrase(rng, _T_CONTINENT, heldout).format(**f).replace("est situés", "sont situés")]
    if f["c"] == "les Pays-Bas":
        out[0] = out[0].replace("Pays-Bas est", "Pays-Bas sont").replace("Pays-Bas se trouve", "Pays-Bas se trouvent")
    rest = [phrase(rng, _T_CAPITAL, heldout).format(**f), phrase(rng, _T_LANG, heldout).format(**f)]
    cities = [c.subject["fr"] for c in CITIES if CITY_COUNTRY[c.key] == key]
    if cities:
        t = phrase(rng, _T_CITY_OTHER, heldout)
        rest.append(t.format(cities=_join(cities), Cities=_join(cities), **f).replace("{C}", f["C"]))
        if len(cities) == 1:
            rest[-1] = (
                rest[-1]
                .replace(" sont d'autres villes", " est une autre ville")
                .replace("d'autres grandes villes, comme", "une autre grande ville,")
                .replace("Les villes de ", "La ville de ")
                .replace("se trouvent aussi", "se trouve aussi")
                .replace("D'autres villes connues", "Une autre ville connue")
                .replace(" sont " + cities[0], " est " + cities[0])
            )
    if rng.random() < 0.5:
        rest.append(rng.choice(_PLACE_GENERAL))
    if f["c"] == "les Pays-Bas":
        rest = [
            s.replace("Les Pays-Bas a ", "Les Pays-Bas ont ").replace("Les Pays-Bas est", "Les Pays-Bas sont")
            for s in rest
        ]
    rng.shuffle(rest)
    return " ".join(out + rest)


_PLACE_GENERAL = (
    "Chaque pays a une capitale, où se trouve souvent le gouvernement.",
    "Sur une carte du monde, on voit les pays, les mers et les océans.",
    "Beaucoup de touristes visitent ce pays chaque année.",
    "Pour aller dans un autre pays, on prend parfois l'avion.",
    "Il y a sept continents sur la Terre.",
)


def _city_doc(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.3:
        ck = rng.choice(COUNTRIES).key
        city = _capital(ck)
        is_cap = True
    else:
        ce = rng.choice(CITIES)
        city, ck, is_cap = ce.subject["fr"], CITY_COUNTRY[ce.key], False
        if ck == "cuba":
            is_cap = False
    f = _country_fields(ck)
    f["City"] = cap(city)
    f["city"] = city
    t = phrase(rng, _T_CITY_IN, heldout)
    if city == "Le Caire":
        t = t.replace("La ville de {city}", "La ville du Caire").replace("visite {city}", "visite Le Caire")
    out = [t.format(**f)]
    if is_cap:
        out.append(phrase(rng, _T_CAPITAL, heldout).format(**f))
    else:
        two_hop = (
            "La capitale {de_c} n'est pas {city}, mais {cap}.",
            "{City} n'est pas la capitale {de_c} : la capitale est {cap}.",
            "Le pays de {city} a pour capitale {cap}.",
            "Pourtant, la capitale {de_c} est {cap}.",
            "Mais le gouvernement {de_c} siège {a_cap}.",
        )
        out.append(phrase(rng, two_hop, heldout).format(**f))
        if any(c.subject["fr"] == city and c.key in _PORTS for c in CITIES):
            out.append(phrase(rng, _T_PORT, heldout).format(**f))
    out.append(
        phrase(rng, _T_CONTINENT, heldout)
        .format(**f, e="")
        .replace("est situé ", "est situé ")
        .replace("située", "situé")
    )
    out.append(phrase(rng, _T_LANG, heldout).format(**f))
    if f["c"] == "les Pays-Bas":
        out = [
            s.replace("Pays-Bas est", "Pays-Bas sont")
            .replace("Pays-Bas se trouve", "Pays-Bas se trouvent")
            .replace("Pays-Bas a ", "Pays-Bas ont ")
            for s in out
        ]
    if rng.random() < 0.5:
        out.append(
            phrase(rng, _CITY_LIFE, heldout)
            .format(City=cap(city))
            .replace("À Le Caire", "Au Caire")
            .replace("à Le Caire", "au Caire")
        )
    return " ".join(out)


_CITY_LIFE = (
    "À {City}, il y a des rues animées, des marchés et des parcs.",
    "Beaucoup de gens vivent et travaillent à {City}.",
    "À {City}, on peut visiter des musées et des monuments.",
    "Les touristes aiment se promener dans les rues de {City}.",
    "À {City}, on trouve des écoles, des hôpitaux et des magasins.",
    "Chaque jour, des bus et des voitures circulent dans {City}.",
)

# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: facts written as several phrasings each (science, technology, body, weather, calendar …)
# ---------------------------------------------------------------------------------------------------------------

# topic -> facts; each fact is a tuple of phrasings (every fifth one is held out by ``phrase``)
_TOPICS: dict[str, tuple[tuple[str, ...], ...]] = {
    "eau": (
        (
            "L'eau est composée d'hydrogène et d'oxygène.",
            "Une molécule d'eau contient deux atomes d'hydrogène et un atome d'oxygène.",
            "L'eau est faite d'hydrogène et d'oxygène.",
            "La formule chimique de l'eau est H2O.",
            "Les chimistes écrivent l'eau H2O : deux atomes d'hydrogène pour un atome d'oxygène.",
            "Dans l'eau, il y a de l'hydrogène et de l'oxygène.",
        ),
        (
            "L'eau bout à 100 degrés Celsius.",
            "Quand on la chauffe à 100 °C, l'eau se met à bouillir.",
            "À 100 degrés, l'eau bout et se transforme en vapeur.",
            "L'eau bout à 100 °C au niveau de la mer.",
            "Si l'on chauffe de l'eau jusqu'à 100 degrés, elle commence à bouillir.",
            "L'eau se met à bouillir à 100 degrés Celsius.",
        ),
        (
            "L'eau gèle à 0 degré Celsius.",
            "En dessous de 0 °C, l'eau devient de la glace.",
            "Quand il fait très froid, l'eau gèle et devient de la glace.",
            "À 0 degré, l'eau se transforme en glace.",
            "La glace est de l'eau gelée.",
            "L'eau se change en glace à 0 °C.",
        ),
        (
            "L'eau peut être liquide, solide ou gazeuse.",
            "La glace, l'eau liquide et la vapeur sont trois états de l'eau.",
            "L'eau existe sous trois formes : la glace, le liquide et la vapeur.",
            "La vapeur d'eau est de l'eau sous forme de gaz.",
            "Selon la température, l'eau est solide, liquide ou gazeuse.",
            "On trouve l'eau à l'état solide, liquide ou gazeux.",
        ),
        (
            "Les océans couvrent la plus grande partie de la Terre.",
            "Environ les deux tiers de la surface de la Terre sont couverts d'eau.",
            "Il y a plus d'eau que de terre à la surface de notre planète.",
            "L'eau de mer est salée.",
            "La plus grande partie de l'eau de la Terre se trouve dans les océans.",
            "L'eau des océans est salée, mais l'eau des rivières est douce.",
        ),
        (
            "Tous les êtres vivants ont besoin d'eau.",
            "Sans eau, les plantes et les animaux ne peuvent pas vivre.",
            "Le corps humain contient beaucoup d'eau.",
            "Il faut boire de l'eau chaque jour.",
            "Les êtres vivants ne peuvent pas vivre sans eau.",
            "Boire de l'eau est important pour rester en bonne santé.",
        ),
    ),
    "soleil": (
        (
            "Le Soleil est une étoile.",
            "Le Soleil est l'étoile la plus proche de la Terre.",
            "Notre Soleil est une étoile, comme celles que l'on voit la nuit.",
            "Le Soleil est une énorme boule de gaz très chaud.",
            "Le Soleil est une étoile qui nous donne de la lumière et de la chaleur.",
            "Le Soleil est une étoile de taille moyenne.",
        ),
        (
            "Le soleil se lève à l'est.",
            "Chaque matin, le soleil se lève à l'est.",
            "Le matin, on voit le soleil se lever à l'est.",
            "Le soleil apparaît à l'est le matin.",
            "Le lever du soleil a lieu à l'est.",
            "C'est à l'est que le soleil se lève.",
        ),
        (
            "Le soleil se couche à l'ouest.",
            "Le soir, le soleil se couche à l'ouest.",
            "Le coucher du soleil a lieu à l'ouest.",
            "Le soleil disparaît à l'ouest le soir.",
            "C'est à l'ouest que le soleil se couche.",
            "En fin de journée, le soleil se couche à l'ouest.",
        ),
        (
            "La Terre tourne autour du Soleil.",
            "La Terre met environ un an pour faire le tour du Soleil.",
            "La Terre fait le tour du Soleil en 365 jours environ.",
            "Notre planète tourne autour du Soleil.",
            "La Terre tourne autour du Soleil en un an.",
            "Il faut une année à la Terre pour faire le tour du Soleil.",
        ),
        (
            "La Terre tourne sur elle-même en 24 heures.",
            "Parce que la Terre tourne sur elle-même, il y a le jour et la nuit.",
            "La Terre fait un tour sur elle-même chaque jour.",
            "Le jour et la nuit viennent de la rotation de la Terre.",
            "En 24 heures, la Terre fait un tour complet sur elle-même.",
            "Quand il fait jour d'un côté de la Terre, il fait nuit de l'autre.",
        ),
        (
            "Il ne faut jamais regarder le soleil en face.",
            "Regarder directement le soleil abîme les yeux.",
            "Pour protéger ses yeux, on ne regarde pas le soleil.",
            "En été, on porte un chapeau pour se protéger du soleil.",
            "Le soleil est si fort qu'il ne faut pas le regarder en face.",
            "Les lunettes de soleil protègent les yeux.",
        ),
    ),
    "lune": (
        (
            "La Lune tourne autour de la Terre.",
            "La Lune est le satellite naturel de la Terre.",
            "La Lune fait le tour de la Terre en un mois environ.",
            "La Terre n'a qu'une seule lune.",
            "La Lune tourne autour de notre planète.",
            "La Lune accompagne la Terre dans l'espace.",
        ),
        (
            "La Lune ne produit pas sa propre lumière.",
            "La Lune brille parce qu'elle renvoie la lumière du Soleil.",
            "La lumière de la Lune vient du Soleil.",
            "La nuit, la Lune éclaire un peu le ciel.",
            "La Lune reflète la lumière du Soleil.",
            "Quand on voit la Lune briller, c'est grâce au Soleil.",
        ),
        (
            "La forme de la Lune semble changer au cours du mois.",
            "On parle de pleine lune quand la Lune est toute ronde.",
            "Le croissant de lune est une partie éclairée de la Lune.",
            "Chaque mois, on voit la nouvelle lune, puis la pleine lune.",
            "La Lune ne montre pas toujours la même forme.",
            "On appelle phases de la Lune ses différentes formes.",
        ),
        (
            "En 1969, des astronautes ont marché sur la Lune.",
            "Neil Armstrong a été le premier homme à marcher sur la Lune, en 1969.",
            "Le premier pas sur la Lune date de 1969.",
            "Des astronautes américains sont allés sur la Lune en 1969.",
            "L'homme a marché sur la Lune pour la première fois en 1969.",
            "En juillet 1969, Neil Armstrong a posé le pied sur la Lune.",
        ),
    ),
    "plantes": (
        (
            "Les plantes ont besoin d'eau et de lumière pour pousser.",
            "Pour grandir, une plante a besoin d'eau, de lumière et d'air.",
            "Les arbres ont besoin d'eau et de lumière.",
            "Sans lumière, une plante ne peut pas pousser.",
            "Les plantes ont besoin d'eau et de soleil.",
            "Une plante pousse bien quand elle a assez d'eau et de lumière.",
        ),
        (
            "Les racines puisent l'eau dans la terre.",
            "Les racines d'une plante sont sous la terre.",
            "Grâce à ses racines, la plante boit l'eau du sol.",
            "Les racines tiennent la plante dans la terre.",
            "C'est par les racines qu'une plante prend l'eau.",
            "Les racines absorbent l'eau et les sels minéraux.",
        ),
        (
            "Les feuilles des plantes sont vertes.",
            "Les feuilles captent la lumière du soleil.",
            "Grâce à la lumière, les feuilles fabriquent la nourriture de la plante.",
            "Les plantes vertes fabriquent de l'oxygène.",
            "Les feuilles sont vertes grâce à la chlorophylle.",
            "Les feuilles transforment la lumière en nourriture pour la plante.",
        ),
        (
            "Une graine peut devenir une plante.",
            "Quand on plante une graine et qu'on l'arrose, elle germe.",
            "Un arbre peut pousser à partir d'une petite graine.",
            "Les fleurs donnent des graines et des fruits.",
            "D'une graine sort une petite pousse.",
            "Une graine a besoin d'eau et de chaleur pour germer.",
        ),
        (
            "Les arbres peuvent vivre très longtemps.",
            "Certains arbres vivent plus de mille ans.",
            "On peut connaître l'âge d'un arbre en comptant les cercles de son tronc.",
            "Les arbres donnent de l'ombre et de l'oxygène.",
            "Un arbre a des racines, un tronc, des branches et des feuilles.",
            "En automne, beaucoup d'arbres perdent leurs feuilles.",
        ),
    ),
    "ciel": (
        (
            "Le ciel est bleu.",
            "Quand il fait beau, le ciel est bleu.",
            "Le ciel est bleu pendant la journée.",
            "Par beau temps, le ciel est tout bleu.",
            "Le ciel paraît bleu à cause de la lumière du soleil.",
            "Le ciel est bleu quand il n'y a pas de nuages.",
        ),
        (
            "Le soir, le ciel devient parfois orange et rose.",
            "Au coucher du soleil, le ciel prend de belles couleurs.",
            "La nuit, le ciel est noir et on voit les étoiles.",
            "Quand il va pleuvoir, le ciel devient gris.",
            "Les nuages sont faits de minuscules gouttes d'eau.",
            "Les nuages gris annoncent souvent la pluie.",
        ),
        (
            "Un arc-en-ciel apparaît quand le soleil brille pendant la pluie.",
            "L'arc-en-ciel a sept couleurs.",
            "Les couleurs de l'arc-en-ciel sont le rouge, l'orange, le jaune, le vert, le bleu, l'indigo et le violet.",
            "Pour voir un arc-en-ciel, il faut avoir le soleil dans le dos.",
            "L'arc-en-ciel naît de la lumière du soleil dans les gouttes de pluie.",
            "Après la pluie, on voit parfois un arc-en-ciel.",
        ),
    ),
    "planetes": (
        (
            "Il y a huit planètes dans le système solaire.",
            "Le système solaire compte huit planètes.",
            "Huit planètes tournent autour du Soleil.",
            "Les planètes du système solaire sont Mercure, Vénus, la Terre, Mars, Jupiter, Saturne, Uranus et Neptune.",
            "Notre système solaire contient huit planètes.",
            "On compte huit planètes autour du Soleil.",
        ),
        (
            "Jupiter est la plus grande planète du système solaire.",
            "La plus grande planète est Jupiter.",
            "Jupiter est une planète géante faite surtout de gaz.",
            "Aucune planète n'est plus grande que Jupiter.",
            "Jupiter est beaucoup plus grande que la Terre.",
            "Jupiter est la géante du système solaire.",
        ),
        (
            "Mars est appelée la planète rouge.",
            "La planète Mars est rouge à cause de la poussière de son sol.",
            "On surnomme Mars la planète rouge.",
            "Mars est la quatrième planète à partir du Soleil.",
            "La surface de Mars est couverte de poussière rouge.",
            "Mars a deux petites lunes.",
        ),
        (
            "Saturne est entourée de grands anneaux.",
            "Les anneaux de Saturne sont faits de glace et de roches.",
            "Saturne est célèbre pour ses anneaux.",
            "On reconnaît Saturne à ses beaux anneaux.",
            "Saturne est la sixième planète à partir du Soleil.",
            "Saturne est la deuxième plus grande planète du système solaire.",
        ),
    ),
    "informatique": (
        (
            "Un ordinateur est une machine qui traite des informations.",
            "Un ordinateur est une machine qui calcule très vite.",
            "L'ordinateur est une machine qui reçoit des données, les traite et donne des résultats.",
            "Un ordinateur est une machine qui exécute des programmes.",
            "Un ordinateur est une machine électronique qui traite des données.",
            "Un ordinateur est une machine qui sait faire des millions de calculs par seconde.",
        ),
        (
            "Un ordinateur a un écran, un clavier et une souris.",
            "On utilise le clavier pour écrire et la souris pour cliquer.",
            "L'écran de l'ordinateur affiche des images et du texte.",
            "Un ordinateur portable se transporte facilement.",
            "Le processeur est le cerveau de l'ordinateur.",
            "Un ordinateur garde les fichiers dans sa mémoire.",
        ),
        (
            "Un programme est une suite d'instructions pour l'ordinateur.",
            "Les programmeurs écrivent des programmes.",
            "Pour écrire un programme, on utilise un langage de programmation.",
            "Un ordinateur suit les instructions d'un programme.",
            "Un logiciel est un ensemble de programmes.",
            "Les applications d'un téléphone sont aussi des programmes.",
        ),
    ),
    "ia": (
        (
            "L'intelligence artificielle est un domaine de l'informatique.",
            "L'intelligence artificielle est un domaine de l'informatique qui cherche à rendre les machines capables d'apprendre.",
            "L'intelligence artificielle est une technologie qui permet aux ordinateurs d'accomplir des tâches intelligentes.",
            "L'intelligence artificielle est une branche de l'informatique.",
            "L'intelligence artificielle est un domaine de recherche où l'on crée des programmes qui apprennent.",
            "L'intelligence artificielle est un ensemble de techniques informatiques.",
        ),
        (
            "Un programme d'intelligence artificielle apprend à partir d'exemples.",
            "Grâce à l'intelligence artificielle, un ordinateur peut reconnaître des images.",
            "L'intelligence artificielle sert à traduire des textes et à reconnaître la voix.",
            "Un modèle de langue est un programme qui prédit le mot suivant d'un texte.",
            "Une intelligence artificielle peut jouer aux échecs.",
            "Les assistants vocaux utilisent l'intelligence artificielle.",
        ),
        (
            "On abrège souvent intelligence artificielle en IA.",
            "L'IA est utilisée dans les téléphones, les voitures et les hôpitaux.",
            "Les chercheurs en IA étudient comment les machines peuvent apprendre.",
            "L'IA aide les médecins à lire des images médicales.",
            "Le mot IA signifie intelligence artificielle.",
            "L'IA ne pense pas comme un humain : elle calcule.",
        ),
    ),
    "internet": (
        (
            "Internet est un réseau qui relie des ordinateurs du monde entier.",
            "Internet permet d'envoyer des messages à l'autre bout du monde.",
            "Grâce à Internet, on peut chercher des informations.",
            "Internet relie des millions d'ordinateurs entre eux.",
            "Internet est un immense réseau d'ordinateurs.",
            "Internet sert à communiquer, à apprendre et à jouer.",
        ),
        (
            "Un site web est un ensemble de pages que l'on consulte sur Internet.",
            "Pour aller sur un site, on utilise un navigateur.",
            "Le Web a été inventé par Tim Berners-Lee.",
            "Un courriel est un message envoyé par Internet.",
            "Sur Internet, il faut protéger ses mots de passe.",
            "On peut regarder des vidéos sur Internet.",
        ),
    ),
    "telephone": (
        (
            "Le téléphone permet de parler avec une personne éloignée.",
            "Le téléphone a été inventé au XIXe siècle.",
            "Alexander Graham Bell a déposé le brevet du téléphone en 1876.",
            "Aujourd'hui, beaucoup de gens ont un téléphone portable.",
            "Un téléphone portable est aussi un petit ordinateur.",
            "Avec un smartphone, on peut téléphoner, prendre des photos et aller sur Internet.",
        ),
        (
            "Un robot est une machine qui peut faire des tâches toute seule.",
            "Les robots travaillent dans les usines pour fabriquer des voitures.",
            "Un robot suit les instructions d'un programme.",
            "Certains robots aspirent la poussière dans les maisons.",
            "Des robots ont exploré la planète Mars.",
            "Les robots peuvent faire des tâches dangereuses à la place des humains.",
        ),
    ),
    "corps": (
        (
            "Le cœur pompe le sang dans tout le corps.",
            "Le cœur est un muscle qui bat sans s'arrêter.",
            "Le sang transporte l'oxygène dans le corps.",
            "On peut sentir son cœur battre en posant la main sur sa poitrine.",
            "Le cœur bat plus vite quand on court.",
            "Le cœur fait circuler le sang.",
        ),
        (
            "Le squelette d'un adulte compte 206 os.",
            "Les os soutiennent le corps.",
            "Le crâne protège le cerveau.",
            "Les muscles permettent de bouger.",
            "Les os et les muscles travaillent ensemble.",
            "Pour avoir des os solides, il faut manger du calcium.",
        ),
        (
            "Nous avons cinq sens : la vue, l'ouïe, l'odorat, le goût et le toucher.",
            "On voit avec les yeux et on entend avec les oreilles.",
            "Le nez sert à sentir les odeurs.",
            "La langue permet de sentir le goût des aliments.",
            "Les cinq sens nous informent sur le monde qui nous entoure.",
            "La peau nous donne le sens du toucher.",
        ),
        (
            "Le cerveau commande tout le corps.",
            "Le cerveau sert à penser, à apprendre et à se souvenir.",
            "Le cerveau se trouve dans la tête.",
            "Les poumons servent à respirer.",
            "Quand on respire, l'air entre dans les poumons.",
            "Nous respirons l'oxygène de l'air.",
        ),
    ),
    "sante": (
        (
            "Il est important de bien dormir.",
            "Les enfants ont besoin de beaucoup de sommeil.",
            "Le sommeil aide le corps et le cerveau à se reposer.",
            "Un enfant doit dormir environ dix heures par nuit.",
            "Quand on dort bien, on est en forme le lendemain.",
            "Dormir permet au corps de récupérer.",
        ),
        (
            "Faire du sport est bon pour la santé.",
            "Le sport renforce le cœur et les muscles.",
            "Les médecins conseillent de bouger tous les jours.",
            "Marcher, nager ou faire du vélo, c'est bon pour la santé.",
            "L'exercice physique aide à rester en forme.",
            "Une activité physique régulière protège la santé.",
        ),
        (
            "Il faut se laver les mains avant de manger.",
            "Se laver les mains avec du savon élimine les microbes.",
            "On se brosse les dents matin et soir.",
            "Le dentiste dit qu'il faut se brosser les dents deux fois par jour.",
            "Les mains propres empêchent les maladies de se répandre.",
            "Pour éviter les caries, il faut se brosser les dents.",
        ),
        (
            "Quand on est malade, on va chez le médecin.",
            "Le médecin examine les malades et les soigne.",
            "Le médecin a dit qu'il fallait se reposer et boire beaucoup d'eau.",
            "Quand on a de la fièvre, il faut se reposer.",
            "Le médecin écoute le cœur avec un stéthoscope.",
            "Les vaccins protègent contre certaines maladies.",
        ),
        (
            "Une alimentation variée est bonne pour la santé.",
            "Il faut manger des fruits et des légumes chaque jour.",
            "Trop de sucre abîme les dents.",
            "Boire de l'eau est meilleur que boire des sodas.",
            "Un bon petit-déjeuner donne de l'énergie pour la matinée.",
            "Il vaut mieux manger de tout, en petites quantités.",
        ),
    ),
    "saisons": (
        (
            "Il y a quatre saisons : le printemps, l'été, l'automne et l'hiver.",
            "L'année compte quatre saisons.",
            "Les quatre saisons sont le printemps, l'été, l'automne et l'hiver.",
            "Chaque saison dure environ trois mois.",
            "Après l'hiver vient le printemps.",
            "Les saisons se suivent toujours dans le même ordre.",
        ),
        (
            "En hiver, il fait froid et il neige parfois.",
            "L'hiver est la saison la plus froide.",
            "En hiver, les jours sont courts.",
            "En France, l'hiver commence en décembre.",
            "En hiver, on porte un manteau, une écharpe et des gants.",
            "En hiver, la nuit tombe tôt.",
        ),
        (
            "Au printemps, les fleurs poussent et les arbres font des feuilles.",
            "Le printemps commence en mars.",
            "Au printemps, les oiseaux font leurs nids.",
            "Au printemps, les jours deviennent plus longs.",
            "Le printemps est la saison où la nature se réveille.",
            "Au printemps, il fait de plus en plus doux.",
        ),
        (
            "En été, il fait chaud et les jours sont longs.",
            "L'été est la saison la plus chaude.",
            "En été, beaucoup de gens partent en vacances.",
            "L'été commence en juin.",
            "En été, on va à la plage et on se baigne.",
            "En été, le soleil se couche tard.",
        ),
        (
            "En automne, les feuilles des arbres tombent.",
            "L'automne commence en septembre.",
            "En automne, les feuilles deviennent jaunes, orange et rouges.",
            "En automne, il pleut souvent et il y a du vent.",
            "En automne, on ramasse des champignons et des châtaignes.",
            "L'automne est la saison de la rentrée des classes.",
        ),
    ),
    "meteo": (
        (
            "Quand il fait beau, le soleil brille.",
            "Aujourd'hui, il fait beau et chaud.",
            "Aujourd'hui, il fait froid et le ciel est gris.",
            "Aujourd'hui, il pleut, alors on prend un parapluie.",
            "Quand il fait beau, on peut jouer dehors.",
            "Aujourd'hui, il fait doux et il y a un peu de vent.",
        ),
        (
            "La pluie tombe des nuages.",
            "La neige tombe quand il fait très froid.",
            "Le vent peut être faible ou très fort.",
            "Pendant un orage, on voit des éclairs et on entend le tonnerre.",
            "La grêle est faite de petites boules de glace.",
            "Le brouillard est un nuage tout près du sol.",
        ),
        (
            "La météo annonce le temps qu'il fera.",
            "On mesure la température avec un thermomètre.",
            "La température se mesure en degrés.",
            "Les météorologues prévoient la pluie et le beau temps.",
            "Le bulletin météo annonce la pluie, le soleil ou la neige.",
            "Avant de sortir, on regarde la météo.",
        ),
    ),
    "calendrier": (
        (
            "Une semaine compte sept jours.",
            "Il y a sept jours dans une semaine.",
            "Les jours de la semaine sont lundi, mardi, mercredi, jeudi, vendredi, samedi et dimanche.",
            "Une semaine dure sept jours.",
            "Lundi, mardi, mercredi, jeudi, vendredi, samedi et dimanche forment la semaine.",
            "Le samedi et le dimanche forment le week-end.",
        ),
        (
            "Une année compte douze mois.",
            "Il y a douze mois dans une année.",
            "Le premier mois de l'année est janvier.",
            "Le dernier mois de l'année est décembre.",
            "L'année commence le 1er janvier et se termine le 31 décembre.",
            "Le mois de février est le plus court de l'année.",
        ),
        (
            "Une année dure 365 jours.",
            "Tous les quatre ans environ, l'année compte 366 jours : c'est une année bissextile.",
            "Une journée dure 24 heures.",
            "Une heure compte 60 minutes.",
            "Une minute dure 60 secondes.",
            "Une année normale a 365 jours.",
        ),
    ),
    "musique": (
        (
            "La musique est un art qui utilise les sons.",
            "La musique est présente dans toutes les cultures du monde.",
            "La musique est faite de sons, de rythmes et de mélodies.",
            "La musique est une façon d'exprimer des émotions.",
            "La musique est un langage que tout le monde peut comprendre.",
            "La musique est un art très ancien.",
        ),
        (
            "On peut chanter ou jouer d'un instrument.",
            "Un orchestre réunit beaucoup de musiciens.",
            "Le chef d'orchestre dirige les musiciens.",
            "Les notes de musique sont do, ré, mi, fa, sol, la et si.",
            "On écrit la musique sur une partition.",
            "Une chorale est un groupe de personnes qui chantent ensemble.",
        ),
        (
            "Mozart était un grand compositeur autrichien.",
            "Beethoven a composé neuf symphonies.",
            "Jean-Sébastien Bach était un compositeur allemand.",
            "Mozart a commencé à composer quand il était enfant.",
            "Beethoven a continué à composer même quand il est devenu sourd.",
            "Chopin a écrit beaucoup de musique pour le piano.",
        ),
    ),
    "sport": (
        (
            "Le football est un sport collectif.",
            "Le football est le sport le plus populaire du monde.",
            "Au football, deux équipes de onze joueurs s'affrontent.",
            "Le but du football est de marquer des buts.",
            "Le football est un sport qui se joue avec un ballon rond.",
            "Au football, seul le gardien peut toucher le ballon avec les mains.",
        ),
        (
            "Les Jeux olympiques ont lieu tous les quatre ans.",
            "Les premiers Jeux olympiques modernes ont eu lieu à Athènes en 1896.",
            "Aux Jeux olympiques, les meilleurs sportifs du monde se rencontrent.",
            "Les anneaux olympiques sont au nombre de cinq.",
            "Il existe des Jeux olympiques d'été et des Jeux olympiques d'hiver.",
            "Aux Jeux olympiques, les gagnants reçoivent une médaille d'or.",
        ),
        (
            "Faire du sport en équipe apprend à coopérer.",
            "Avant le sport, il faut s'échauffer.",
            "Pendant l'effort, il faut boire de l'eau.",
            "Un arbitre fait respecter les règles du jeu.",
            "Dans un match, chaque équipe essaie de gagner.",
            "Les sportifs s'entraînent souvent plusieurs fois par semaine.",
        ),
    ),
}

_TOPIC_INTRO = {
    "eau": ("L'eau", "l'eau"),
    "soleil": ("Le Soleil", "le Soleil"),
    "lune": ("La Lune", "la Lune"),
    "plantes": ("Les plantes", "les plantes"),
    "ciel": ("Le ciel", "le ciel"),
    "planetes": ("Les planètes", "les planètes"),
    "informatique": ("Les ordinateurs", "les ordinateurs"),
    "ia": ("L'intelligence artificielle", "l'intelligence artificielle"),
    "internet": ("Internet", "Internet"),
    "telephone": ("Les machines de tous les jours", "les machines de tous les jours"),
    "corps": ("Le corps humain", "le corps humain"),
    "sante": ("La santé", "la santé"),
    "saisons": ("Les saisons", "les saisons"),
    "meteo": ("La météo", "la météo"),
    "calendrier": ("Le calendrier", "le calendrier"),
    "musique": ("La musique", "la musique"),
    "sport": ("Le sport", "le sport"),
}
_T_TITLE = (
    "{T}.",
    "{T} : ce qu'il faut savoir.",
    "Parlons {de_t}.",
    "Voici quelques faits sur {t}.",
    "{T} en quelques mots.",
    "Que sait-on sur {t} ?",
    "Apprenons des choses sur {t}.",
)


def _topic_doc(rng: random.Random, heldout: bool) -> str:
    key = rng.choice(tuple(_TOPICS))
    facts = list(_TOPICS[key])
    rng.shuffle(facts)
    k = rng.randint(min(3, len(facts)), len(facts))
    sents: list[str] = []
    for fact in facts[:k]:
        opts = list(fact)
        n = 2 if rng.random() < 0.5 else 1
        chosen = phrase(rng, opts, heldout)
        sents.append(chosen)
        if n == 2:
            other = phrase(rng, opts, heldout)
            if other != chosen:
                sents.append(other)
    out = " ".join(sents)
    if rng.random() < 0.35:
        T, t = _TOPIC_INTRO[key]
        out = phrase(rng, _T_TITLE, heldout).format(T=T, t=t, de_t=_de(t)) + "\n" + out
    return out


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: planets, colours, months, jobs, sports, instruments, paintings, history
# ---------------------------------------------------------------------------------------------------------------

# name (as a subject), facts
_PLANETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Mercure",
        (
            "Mercure est la planète la plus proche du Soleil.",
            "Mercure est la plus petite planète du système solaire.",
            "Mercure n'a pas de lune.",
        ),
    ),
    (
        "Vénus",
        (
            "Vénus est la planète la plus chaude du système solaire.",
            "Vénus est couverte d'épais nuages.",
            "On voit souvent Vénus briller le soir ou le matin, comme une étoile très lumineuse.",
        ),
    ),
    (
        "la Terre",
        (
            "La Terre est la seule planète connue où il y a de la vie.",
            "La Terre a une lune.",
            "La surface de la Terre est couverte en grande partie par les océans.",
        ),
    ),
    (
        "Mars",
        (
            "Mars est appelée la planète rouge.",
            "Mars a deux petites lunes, Phobos et Deimos.",
            "Des robots explorent le sol de Mars.",
        ),
    ),
    (
        "Jupiter",
        (
            "Jupiter est la plus grande planète du système solaire.",
            "Jupiter est une planète géante faite surtout de gaz.",
            "Jupiter a une immense tempête appelée la Grande Tache rouge.",
        ),
    ),
    (
        "Saturne",
        (
            "Saturne est entourée de grands anneaux.",
            "Saturne est une planète géante faite surtout de gaz.",
            "Saturne a de très nombreuses lunes.",
        ),
    ),
    (
        "Uranus",
        (
            "Uranus tourne presque couchée sur le côté.",
            "Uranus a une couleur bleu-vert.",
            "Uranus est une planète géante de glace.",
        ),
    ),
    (
        "Neptune",
        (
            "Neptune est la planète la plus éloignée du Soleil.",
            "Sur Neptune, les vents sont très violents.",
            "Neptune a une belle couleur bleue.",
        ),
    ),
)
_T_PLANET_ORDER = (
    "{P} est la {o} planète à partir du Soleil.",
    "En partant du Soleil, {p} est la {o} planète.",
    "Dans le système solaire, {p} occupe la {o} place à partir du Soleil.",
    "{P} est une planète du système solaire : c'est la {o} à partir du Soleil.",
    "Si l'on compte à partir du Soleil, {p} est la {o} planète.",
    "{P} arrive en {o} position quand on compte les planètes depuis le Soleil.",
)
_T_PLANET_ORBIT = (
    "Comme toutes les planètes, {p} tourne autour du Soleil.",
    "{P} tourne autour du Soleil.",
    "{P} fait le tour du Soleil, comme les autres planètes.",
    "{P} est l'une des huit planètes du système solaire.",
    "{P} fait partie du système solaire.",
    "Il y a huit planètes autour du Soleil, et {p} est l'une d'elles.",
)


def _planet_doc(rng: random.Random, heldout: bool) -> str:
    i = rng.randrange(len(_PLANETS))
    name, facts = _PLANETS[i]
    f = {"P": cap(name), "p": name, "o": _ORD_F[i]}
    out = [phrase(rng, _T_PLANET_ORDER, heldout).format(**f)]
    rest = [phrase(rng, _T_PLANET_ORBIT, heldout).format(**f), *rng.sample(facts, rng.randint(1, len(facts)))]
    if i > 0:
        prev = _PLANETS[i - 1][0]
        rest.append(f"Avant {name}, il y a {prev}.".replace("Avant la Terre", "Avant la Terre"))
    if i < len(_PLANETS) - 1:
        nxt = _PLANETS[i + 1][0]
        rest.append(
            phrase(
                rng,
                (
                    "Après {p}, on trouve {n}.",
                    "La planète suivante est {n}.",
                    "Juste après {p} vient {n}.",
                    "{N} vient après {p}.",
                    "Ensuite vient {n}.",
                ),
                heldout,
            ).format(p=name, n=nxt, N=cap(nxt))
        )
    rng.shuffle(rest)
    return " ".join(out + rest)


_T_OBJ_COLOUR = (
    "{O} est {c}.",
    "En général, {o} est {c}.",
    "Tout le monde sait que {o} est {c}.",
    "De quelle couleur est {o} ? {O} est {c}.",
    "Regarde : {o} est {c}.",
    "D'habitude, {o} est {c}.",
    "On dit souvent que {o} est {c}.",
    "Chacun le sait : {o} est {c}.",
)


def _colour_doc(rng: random.Random, heldout: bool) -> str:
    objs = rng.sample(OBJECTS, rng.randint(3, 6))
    out: list[str] = []
    if rng.random() < 0.5:
        out.append(
            phrase(
                rng,
                (
                    "Les couleurs sont partout autour de nous.",
                    "Chaque chose a sa couleur.",
                    "Apprenons les couleurs avec des exemples.",
                    "Voici des choses et leurs couleurs.",
                    "Parlons des couleurs.",
                    "Regardons les couleurs du monde.",
                ),
                heldout,
            )
        )
    for o in objs:
        fr, col = o.subject["fr"], o.answer["fr"]
        masc = {"verte": "vert", "blanche": "blanc", "bleue": "bleu"}.get(col, col)
        t = phrase(rng, _T_OBJ_COLOUR, heldout)
        if "le colorie" in t and (fr.startswith("la ") or o.key in ("grass", "leaf")):
            t = t.replace("le colorie", "la colorie")
        out.append(t.format(O=cap(fr), o=fr, c=col, cm=masc))
    return " ".join(out)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_T_MONTH_ORD = (
    "{M} est le {o} mois de l'année.",
    "Le {o} mois de l'année est {m}.",
    "Dans l'année, {m} est le {o} mois.",
    "On compte les mois : {m} est le {o}.",
    "Le mois {de_m} est le {o} mois de l'année.",
    "{M} arrive au rang {n} dans l'année.",
)
_T_MONTH_DAYS = (
    "{M} compte {n} jours.",
    "Il y a {n} jours en {m}.",
    "Le mois {de_m} a {n} jours.",
    "{M} dure {n} jours.",
    "En {m}, il y a {n} jours.",
    "Le mois {de_m} dure {n} jours.",
)


def _month_doc(rng: random.Random, heldout: bool) -> str:
    i = rng.randrange(12)
    m = _MONTHS[i]
    f = {"M": cap(m), "m": m, "de_m": _de(m), "o": _ORD_M[i], "n": str(_MONTH_DAYS[i])}
    f_rank = str(i + 1)
    out = [phrase(rng, _T_MONTH_ORD, heldout).format(**{**f, "n": f_rank})]
    if i == 1:
        out.append("Février compte 28 jours, et 29 jours les années bissextiles.")
    else:
        out.append(phrase(rng, _T_MONTH_DAYS, heldout).format(**f))
    if i > 0:
        out.append(f"Avant {m}, il y a {_MONTHS[i - 1]}.")
    if i < 11:
        out.append(f"Après {m} vient {_MONTHS[i + 1]}.")
    season = (
        "hiver",
        "hiver",
        "hiver",
        "printemps",
        "printemps",
        "été",
        "été",
        "été",
        "automne",
        "automne",
        "automne",
        "hiver",
    )[i]
    extra = {
        0: "Le 1er janvier, c'est le jour de l'An.",
        4: "Le 1er mai, c'est la fête du Travail.",
        6: "Le 14 juillet, c'est la fête nationale française.",
        10: "Le 11 novembre, on se souvient de la fin de la Première Guerre mondiale.",
        11: "Le 25 décembre, c'est Noël.",
        1: "Le 2 février, on mange des crêpes pour la Chandeleur.",
        8: "En septembre, c'est la rentrée des classes.",
        7: "En août, beaucoup de Français sont en vacances.",
    }
    if i in extra:
        out.append(extra[i])
    starts = {2: "le printemps", 5: "l'été", 8: "l'automne", 11: "l'hiver"}
    if i in starts:
        out.append(f"C'est en {m} que commence {starts[i]}.")
    else:
        sd = {"hiver": "d'hiver", "printemps": "de printemps", "été": "d'été", "automne": "d'automne"}[season]
        out.append(f"En France, {m} est un mois {sd}.")
    return " ".join(out)


class _Job(NamedTuple):
    noun: str
    pl: str
    place: str
    sg: str  # what one does, 3rd sg
    plv: str  # 3rd pl
    inf: str


_JOBS: tuple[_Job, ...] = (
    _Job(
        "médecin",
        "médecins",
        "à l'hôpital ou dans un cabinet",
        "soigne les malades",
        "soignent les malades",
        "soigner les malades",
    ),
    _Job(
        "boulanger",
        "boulangers",
        "dans une boulangerie",
        "fait le pain et les croissants",
        "font le pain et les croissants",
        "faire le pain et les croissants",
    ),
    _Job(
        "professeur",
        "professeurs",
        "dans une école, un collège ou un lycée",
        "enseigne aux élèves",
        "enseignent aux élèves",
        "enseigner aux élèves",
    ),
    _Job(
        "pompier",
        "pompiers",
        "à la caserne",
        "éteint les incendies et porte secours aux gens",
        "éteignent les incendies et portent secours aux gens",
        "éteindre les incendies et porter secours aux gens",
    ),
    _Job(
        "agriculteur",
        "agriculteurs",
        "dans une ferme",
        "cultive la terre et élève des animaux",
        "cultivent la terre et élèvent des animaux",
        "cultiver la terre et élever des animaux",
    ),
    _Job(
        "infirmier",
        "infirmiers",
        "à l'hôpital",
        "s'occupe des malades",
        "s'occupent des malades",
        "s'occuper des malades",
    ),
    _Job(
        "cuisinier",
        "cuisiniers",
        "dans un restaurant",
        "prépare les repas",
        "préparent les repas",
        "préparer les repas",
    ),
    _Job(
        "facteur",
        "facteurs",
        "à la poste et dans les rues",
        "distribue le courrier",
        "distribuent le courrier",
        "distribuer le courrier",
    ),
    _Job("pilote", "pilotes", "dans un avion", "conduit des avions", "conduisent des avions", "conduire des avions"),
    _Job(
        "vétérinaire",
        "vétérinaires",
        "dans une clinique pour animaux",
        "soigne les animaux",
        "soignent les animaux",
        "soigner les animaux",
    ),
    _Job(
        "architecte",
        "architectes",
        "dans un bureau",
        "dessine les plans des maisons et des immeubles",
        "dessinent les plans des maisons et des immeubles",
        "dessiner les plans des maisons et des immeubles",
    ),
    _Job(
        "mécanicien",
        "mécaniciens",
        "dans un garage",
        "répare les voitures",
        "réparent les voitures",
        "réparer les voitures",
    ),
    _Job(
        "dentiste",
        "dentistes",
        "dans un cabinet dentaire",
        "soigne les dents",
        "soignent les dents",
        "soigner les dents",
    ),
    _Job(
        "jardinier",
        "jardiniers",
        "dans les parcs et les jardins",
        "s'occupe des plantes et des fleurs",
        "s'occupent des plantes et des fleurs",
        "s'occuper des plantes et des fleurs",
    ),
    _Job(
        "journaliste",
        "journalistes",
        "dans un journal, à la radio ou à la télévision",
        "raconte l'actualité",
        "racontent l'actualité",
        "raconter l'actualité",
    ),
    _Job(
        "informaticien",
        "informaticiens",
        "dans un bureau, devant un ordinateur",
        "écrit des programmes",
        "écrivent des programmes",
        "écrire des programmes",
    ),
    _Job(
        "coiffeur",
        "coiffeurs",
        "dans un salon de coiffure",
        "coupe les cheveux",
        "coupent les cheveux",
        "couper les cheveux",
    ),
    _Job(
        "policier",
        "policiers",
        "au commissariat et dans les rues",
        "protège les habitants",
        "protègent les habitants",
        "protéger les habitants",
    ),
    _Job(
        "bibliothécaire",
        "bibliothécaires",
        "dans une bibliothèque",
        "prête des livres et conseille les lecteurs",
        "prêtent des livres et conseillent les lecteurs",
        "prêter des livres et conseiller les lecteurs",
    ),
    _Job(
        "musicien",
        "musiciens",
        "dans un orchestre ou sur une scène",
        "joue de la musique",
        "jouent de la musique",
        "jouer de la musique",
    ),
)
_T_JOB = (
    "Un {n} est une personne qui {sg}.",
    "Le métier {de_n} consiste à {inf}.",
    "Les {pl} {plv}.",
    "Un {n} travaille {place}.",
    "Le travail d'un {n}, c'est de {inf}.",
    "Chaque jour, un {n} {sg}.",
    "Les {pl} travaillent {place}.",
    "Quand on devient {n}, on apprend à {inf}.",
    "On trouve des {pl} {place}.",
    "Le rôle d'un {n} est de {inf}.",
)


def _job_doc(rng: random.Random, heldout: bool) -> str:
    jobs = rng.sample(_JOBS, rng.randint(1, 3))
    out: list[str] = []
    if len(jobs) > 1 or rng.random() < 0.3:
        out.append(
            phrase(
                rng,
                (
                    "Il existe beaucoup de métiers.",
                    "Chaque métier est utile à la société.",
                    "Voici quelques métiers.",
                    "Que font les adultes au travail ?",
                    "Parlons de quelques métiers.",
                    "Les métiers sont très variés.",
                ),
                heldout,
            )
        )
    for j in jobs:
        f = {"n": j.noun, "de_n": _de(j.noun), "pl": j.pl, "place": j.place, "sg": j.sg, "plv": j.plv, "inf": j.inf}
        ts = [phrase(rng, _T_JOB, heldout) for _ in range(3)]
        seen: list[str] = []
        for t in ts:
            s = (
                cap(t.format(**f))
                .replace("c'est de " + j.inf, "c'est " + _de_inf(j.inf))
                .replace("est de " + j.inf, "est " + _de_inf(j.inf))
            )
            s = s.replace(" de " + j.inf, " " + _de_inf(j.inf)) if s.startswith(("Le travail", "Le rôle")) else s
            if s not in seen:
                seen.append(s)
        out.extend(seen)
    return " ".join(out)


class _Sport(NamedTuple):
    sg: str
    kind: str
    do: str  # "jouer au football" / "faire de la natation"
    facts: tuple[str, ...]


_SPORTS: tuple[_Sport, ...] = (
    _Sport(
        "le football",
        "un sport collectif",
        "jouer au football",
        (
            "Deux équipes de onze joueurs s'affrontent sur un terrain.",
            "Les joueurs marquent des buts avec un ballon rond, sans utiliser les mains.",
            "La Coupe du monde de football a lieu tous les quatre ans.",
            "Seul le gardien de but a le droit de toucher le ballon avec les mains.",
        ),
    ),
    _Sport(
        "le basket-ball",
        "un sport collectif",
        "jouer au basket",
        (
            "Deux équipes de cinq joueurs s'affrontent.",
            "Pour marquer, il faut lancer le ballon dans le panier.",
            "Le panier est placé à un peu plus de trois mètres de haut.",
        ),
    ),
    _Sport(
        "le rugby",
        "un sport collectif",
        "jouer au rugby",
        (
            "Au rugby, on joue avec un ballon ovale.",
            "Une équipe de rugby à quinze compte quinze joueurs.",
            "Au rugby, on marque un essai en posant le ballon derrière la ligne adverse.",
        ),
    ),
    _Sport(
        "le volley-ball",
        "un sport collectif",
        "jouer au volley",
        (
            "Deux équipes de six joueurs jouent de chaque côté d'un filet.",
            "Au volley-ball, le ballon ne doit pas toucher le sol.",
        ),
    ),
    _Sport(
        "le handball",
        "un sport collectif",
        "jouer au handball",
        ("Deux équipes de sept joueurs s'affrontent.", "Au handball, on joue avec les mains."),
    ),
    _Sport(
        "le tennis",
        "un sport de raquette",
        "jouer au tennis",
        (
            "Au tennis, on frappe une balle avec une raquette.",
            "On peut jouer au tennis seul contre un adversaire ou en double.",
            "Le tournoi de Roland-Garros a lieu chaque année à Paris.",
        ),
    ),
    _Sport(
        "la natation",
        "un sport individuel",
        "faire de la natation",
        (
            "On pratique la natation dans une piscine, un lac ou la mer.",
            "La brasse et le crawl sont des nages connues.",
            "Savoir nager est très utile.",
        ),
    ),
    _Sport(
        "le cyclisme",
        "un sport individuel",
        "faire du vélo",
        (
            "Les cyclistes roulent à vélo.",
            "Le Tour de France est une célèbre course cycliste qui a lieu chaque été.",
            "Il faut porter un casque quand on fait du vélo.",
        ),
    ),
    _Sport(
        "le ski",
        "un sport d'hiver",
        "faire du ski",
        ("On fait du ski sur la neige, à la montagne.", "Pour skier, on met des skis et des chaussures spéciales."),
    ),
    _Sport(
        "le judo",
        "un sport de combat",
        "faire du judo",
        (
            "Le judo vient du Japon.",
            "Au judo, la couleur de la ceinture montre le niveau.",
            "Au judo, on apprend à faire tomber son adversaire sans lui faire mal.",
        ),
    ),
    _Sport(
        "l'athlétisme",
        "un sport individuel",
        "faire de l'athlétisme",
        (
            "L'athlétisme regroupe la course, le saut et le lancer.",
            "Le cent mètres est une course de vitesse très célèbre.",
        ),
    ),
)
_T_SPORT = (
    "{A} est {kind}.",
    "{A}, c'est {kind}.",
    "On classe {a} parmi les sports : c'est {kind}.",
    "{A} est {kind} très pratiqué.",
    "{A} est {kind} que l'on peut apprendre à l'école.",
    "Beaucoup de gens aiment {do}.",
    "Beaucoup d'enfants aiment {do} le mercredi ou le samedi.",
    "Pour {do}, il faut s'entraîner régulièrement.",
    "Tout le monde peut apprendre à {do}.",
    "En France, de nombreux clubs permettent de {do}.",
)


def _sport_doc(rng: random.Random, heldout: bool) -> str:
    s = rng.choice(_SPORTS)
    f = {"A": cap(s.sg), "a": s.sg, "kind": s.kind, "do": s.do}
    out = [phrase(rng, _T_SPORT[:5], heldout).format(**f)]
    rest = list(rng.sample(s.facts, rng.randint(1, len(s.facts))))
    rest.append(phrase(rng, _T_SPORT[5:], heldout).format(**f))
    rng.shuffle(rest)
    return " ".join(out + rest)


# instrument, family, facts
_INSTRUMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "le piano",
        "un instrument à clavier",
        (
            "Le piano a des touches blanches et des touches noires.",
            "Un piano a généralement quatre-vingt-huit touches.",
            "Quand on appuie sur une touche, un petit marteau frappe une corde.",
        ),
    ),
    (
        "la guitare",
        "un instrument à cordes",
        ("La guitare a le plus souvent six cordes.", "On joue de la guitare en pinçant les cordes avec les doigts."),
    ),
    (
        "le violon",
        "un instrument à cordes",
        (
            "On joue du violon avec un archet.",
            "Le violon a quatre cordes.",
            "Le violon est l'instrument le plus aigu de sa famille.",
        ),
    ),
    (
        "le violoncelle",
        "un instrument à cordes",
        ("Le violoncelle est plus grand que le violon.", "On joue du violoncelle assis, avec un archet."),
    ),
    (
        "la harpe",
        "un instrument à cordes",
        ("La harpe a de nombreuses cordes.", "On joue de la harpe en pinçant les cordes."),
    ),
    (
        "la flûte",
        "un instrument à vent",
        ("Pour jouer de la flûte, on souffle dedans.", "La flûte à bec est souvent apprise à l'école."),
    ),
    (
        "la trompette",
        "un instrument à vent",
        ("La trompette est un instrument de la famille des cuivres.", "La trompette a trois pistons."),
    ),
    (
        "le saxophone",
        "un instrument à vent",
        ("Le saxophone a été inventé par Adolphe Sax.", "On entend souvent le saxophone dans le jazz."),
    ),
    (
        "le tambour",
        "un instrument à percussion",
        ("On joue du tambour en le frappant avec les mains ou des baguettes.", "Le tambour donne le rythme."),
    ),
    (
        "la batterie",
        "un instrument à percussion",
        ("La batterie réunit plusieurs tambours et des cymbales.", "Le batteur donne le rythme au groupe."),
    ),
    (
        "l'accordéon",
        "un instrument à clavier et à vent",
        ("L'accordéon a un soufflet.", "L'accordéon est très présent dans la musique populaire française."),
    ),
)
_T_INSTR = (
    "{A} est {fam}.",
    "{A} fait partie des instruments de musique : c'est {fam}.",
    "{A}, c'est {fam}.",
    "Parmi les instruments de musique, {a} est {fam}.",
    "{A} est {fam} très connu.",
    "Beaucoup d'élèves apprennent à jouer {du}.",
    "Jouer {du} demande beaucoup d'entraînement.",
    "On peut apprendre à jouer {du} au conservatoire.",
    "Il faut s'exercer souvent pour bien jouer {du}.",
    "Certains enfants commencent à jouer {du} très jeunes.",
)


def _instrument_doc(rng: random.Random, heldout: bool) -> str:
    a, fam, facts = rng.choice(_INSTRUMENTS)
    f = {"A": cap(a), "a": a, "fam": fam, "du": _de(a)}
    out = [phrase(rng, _T_INSTR[:5], heldout).format(**f)]
    rest = [*rng.sample(facts, rng.randint(1, len(facts))), phrase(rng, _T_INSTR[5:], heldout).format(**f)]
    if rng.random() < 0.5:
        rest.append(phrase(rng, _TOPICS["musique"][rng.randrange(3)], heldout))
    rng.shuffle(rest)
    return " ".join(out + rest)


class _Painting(NamedTuple):
    title: str
    e: str  # agreement of the title
    painter: str
    when: str
    museum: str  # "le musée du Louvre"
    city: str  # "à Paris"


_PAINTINGS: tuple[_Painting, ...] = (
    _Painting("La Joconde", "e", "Léonard de Vinci", "au début du XVIe siècle", "le musée du Louvre", "à Paris"),
    _Painting("La Nuit étoilée", "e", "Vincent van Gogh", "en 1889", "le Museum of Modern Art", "à New York"),
    _Painting("Le Cri", "", "Edvard Munch", "en 1893", "le Musée national", "à Oslo"),
    _Painting("La Jeune Fille à la perle", "e", "Johannes Vermeer", "vers 1665", "le Mauritshuis", "à La Haye"),
    _Painting("La Naissance de Vénus", "e", "Sandro Botticelli", "vers 1485", "la galerie des Offices", "à Florence"),
    _Painting("Guernica", "", "Pablo Picasso", "en 1937", "le musée Reina Sofía", "à Madrid"),
    _Painting("La Ronde de nuit", "e", "Rembrandt", "en 1642", "le Rijksmuseum", "à Amsterdam"),
    _Painting("Le Radeau de la Méduse", "", "Théodore Géricault", "en 1819", "le musée du Louvre", "à Paris"),
    _Painting("La Liberté guidant le peuple", "e", "Eugène Delacroix", "en 1830", "le musée du Louvre", "à Paris"),
    _Painting("Impression, soleil levant", "", "Claude Monet", "en 1872", "le musée Marmottan Monet", "à Paris"),
    _Painting("Le Déjeuner sur l'herbe", "", "Édouard Manet", "en 1863", "le musée d'Orsay", "à Paris"),
    _Painting("La Persistance de la mémoire", "e", "Salvador Dalí", "en 1931", "le Museum of Modern Art", "à New York"),
)
_T_PAINT = (
    "{T} est un célèbre tableau de {p}.",
    "{P} a peint {T} {when}.",
    "Le tableau {T} a été peint par {p} {when}.",
    "On peut admirer {T} {at_m}, {city}.",
    "{T} est l'œuvre du peintre {p}.",
    "C'est {p} qui a peint {T}.",
    "{T} est exposé{e} {at_m}.",
    "Beaucoup de visiteurs viennent voir {T} {at_m}.",
    "{T}, peint{e} par {p}, est l'un des tableaux les plus connus du monde.",
    "{T} se trouve aujourd'hui {at_m}.",
)
_T_MUSEUM = (
    "{M} se trouve {city}. Le musée possède un célèbre tableau : {T}.",
    "{M} est un musée qui se trouve {city}. Le musée possède un célèbre tableau, {T}, de {p}.",
    "Le musée possède un célèbre tableau de {p} : {T}.",
    "{M} expose de nombreuses œuvres d'art, dont {T}.",
    "{City}, {m} accueille chaque année de nombreux visiteurs. Le musée possède un célèbre tableau : {T}.",
    "Dans {m}, {city}, on peut voir {T}.",
    "{M} est un grand musée {city}.",
)
_ART_GENERAL = (
    "Un musée est un lieu où l'on peut voir des œuvres d'art.",
    "Dans un musée, il ne faut pas toucher les tableaux.",
    "Un peintre utilise des pinceaux, des couleurs et une toile.",
    "Les sculpteurs travaillent la pierre, le bois ou le métal.",
    "Les musées conservent des tableaux, des sculptures et des objets anciens.",
    "Le Louvre, à Paris, est l'un des musées les plus visités du monde.",
)


def _art_doc(rng: random.Random, heldout: bool) -> str:
    pt = rng.choice(_PAINTINGS)
    f = {
        "T": pt.title,
        "e": pt.e,
        "p": pt.painter,
        "P": pt.painter,
        "when": pt.when,
        "M": cap(pt.museum),
        "m": pt.museum,
        "at_m": _a(pt.museum),
        "city": pt.city,
        "City": cap(pt.city),
    }
    out: list[str] = []
    if rng.random() < 0.5:
        out.append(phrase(rng, _T_MUSEUM, heldout).format(**f))
    seen = set(out)
    for _ in range(rng.randint(2, 3)):
        s = phrase(rng, _T_PAINT, heldout).format(**f)
        if s not in seen:
            seen.add(s)
            out.append(s)
    if rng.random() < 0.6:
        out.append(rng.choice(_ART_GENERAL))
    return " ".join(out)


# year, clause (a complete sentence without the date), detail
_EVENTS: tuple[tuple[int, str, str], ...] = (
    (1492, "Christophe Colomb a atteint l'Amérique", "Il était parti d'Espagne avec trois navires."),
    (1789, "la Révolution française a commencé", "Le 14 juillet 1789, les Parisiens ont pris la Bastille."),
    (1804, "Napoléon Bonaparte est devenu empereur des Français", "Il a été sacré à Notre-Dame de Paris."),
    (1869, "le canal de Suez a été inauguré", "Ce canal relie la mer Méditerranée à la mer Rouge."),
    (1876, "Alexander Graham Bell a fait breveter le téléphone", "Grâce au téléphone, on a pu parler à distance."),
    (1885, "Louis Pasteur a soigné un enfant avec le vaccin contre la rage", "Pasteur était un grand savant français."),
    (1889, "la tour Eiffel a été inaugurée à Paris", "Elle a été construite pour l'Exposition universelle."),
    (1895, "les frères Lumière ont présenté le cinématographe", "Ce fut l'une des premières séances de cinéma."),
    (
        1896,
        "les premiers Jeux olympiques modernes ont eu lieu à Athènes",
        "Pierre de Coubertin avait voulu faire renaître les Jeux.",
    ),
    (
        1903,
        "les frères Wright ont réussi le premier vol en avion motorisé",
        "Ce premier vol n'a duré que quelques secondes.",
    ),
    (1912, "le Titanic a fait naufrage", "Le paquebot avait heurté un iceberg."),
    (1914, "la Première Guerre mondiale a commencé", "Elle s'est terminée en 1918."),
    (
        1928,
        "Alexander Fleming a découvert la pénicilline",
        "La pénicilline a permis de soigner de nombreuses infections.",
    ),
    (1939, "la Seconde Guerre mondiale a commencé", "Elle s'est terminée en 1945."),
    (
        1957,
        "le premier satellite artificiel, Spoutnik, a été lancé",
        "Il a été envoyé dans l'espace par l'Union soviétique.",
    ),
    (
        1961,
        "Youri Gagarine est devenu le premier homme à voyager dans l'espace",
        "Il a fait le tour de la Terre en un peu moins de deux heures.",
    ),
    (1969, "Neil Armstrong a marché sur la Lune", "Il était accompagné de Buzz Aldrin."),
    (1989, "le mur de Berlin est tombé", "L'Allemagne a été réunifiée l'année suivante."),
    (1991, "le World Wide Web a été ouvert au public", "Il avait été inventé par Tim Berners-Lee."),
    (1998, "la France a gagné la Coupe du monde de football", "La finale s'est jouée au Stade de France."),
    (
        2002,
        "l'euro est devenu la monnaie de plusieurs pays d'Europe",
        "Les pièces et les billets en euros sont alors arrivés dans les porte-monnaie.",
    ),
)
_T_EVENT = (
    "En {y}, {c}.",
    "C'est en {y} que {c}.",
    "{C} en {y}.",
    "L'année {y} est restée célèbre : cette année-là, {c}.",
    "Les livres d'histoire racontent qu'en {y}, {c}.",
    "En l'an {y}, {c}.",
    "Il y a longtemps, en {y}, {c}.",
    "On se souvient qu'en {y}, {c}.",
    "{C} : c'était en {y}.",
    "Savais-tu qu'en {y}, {c} ?",
)


def _history_doc(rng: random.Random, heldout: bool) -> str:
    evs = sorted(rng.sample(_EVENTS, rng.randint(1, 4)))
    out: list[str] = []
    if len(evs) > 1 and rng.random() < 0.6:
        out.append(
            phrase(
                rng,
                (
                    "Voici quelques dates importantes de l'histoire.",
                    "L'histoire est pleine de dates importantes.",
                    "Remontons le temps.",
                    "Quelques événements célèbres, dans l'ordre.",
                    "Voici des dates à retenir.",
                    "L'histoire nous apprend beaucoup de choses.",
                ),
                heldout,
            )
        )
    for y, c, detail in evs:
        t = phrase(rng, _T_EVENT, heldout)
        if "qu'en" in t or t.startswith("C'est en"):
            t = t.replace("que {c}", "{que_c}")
        out.append(t.format(y=y, c=c, C=cap(c), que_c=_que(c)))
        if len(evs) < 3 or rng.random() < 0.4:
            out.append(detail)
    return " ".join(out)


_ENCYCLO: tuple[tuple[Callable[[random.Random, bool], str], int], ...] = (
    (_animal_doc, 8), (_food_doc, 5), (_country_doc, 5), (_city_doc, 5), (_topic_doc, 12), (_planet_doc, 2),
    (_colour_doc, 2), (_month_doc, 2), (_job_doc, 3), (_sport_doc, 3), (_instrument_doc, 2), (_art_doc, 3),
    (_history_doc, 3),
)  # fmt: skip
_ENCYCLO_POOL = tuple(fn for fn, w in _ENCYCLO for _ in range(w))


def encyclopedia(rng: random.Random, heldout: bool) -> str:
    """A short encyclopedic paragraph on one subject."""
    fn = rng.choice(_ENCYCLO_POOL)
    doc = fn(rng, heldout)
    if len(doc) < 150:
        doc += "\n\n" + fn(rng, heldout)
    return doc


# ---------------------------------------------------------------------------------------------------------------
# Stories
# ---------------------------------------------------------------------------------------------------------------

_HOMES = (
    "dans une petite maison au bord de la mer",
    "dans un village près d'une grande forêt",
    "dans un grand immeuble en ville",
    "dans une ferme à la campagne",
    "dans une maison blanche au pied d'une montagne",
    "dans un appartement au dernier étage",
    "dans une vieille maison avec un grand jardin",
    "près d'une rivière, au milieu des champs",
)
_GEO = (
    "au bord de la mer",
    "près d'une grande forêt",
    "au pied d'une montagne",
    "au milieu des champs",
    "au bout d'une petite rue",
    "en haut d'une colline",
)
_HOBBIES = (
    "dessiner", "lire des livres d'aventure", "jouer au football", "chanter", "faire du vélo", "regarder les étoiles",
    "cuisiner des gâteaux", "jouer du piano", "construire des cabanes", "observer les oiseaux", "nager à la piscine",
    "raconter des histoires", "jardiner", "jouer aux échecs", "faire des puzzles",
)  # fmt: skip
_OBJECTS_LOST = (
    ("son ballon rouge", "le ballon rouge"), ("sa clé", "la clé"), ("son chapeau bleu", "le chapeau bleu"),
    ("sa poupée", "la poupée"), ("son livre préféré", "le livre"), ("son écharpe jaune", "l'écharpe jaune"),
    ("sa montre", "la montre"), ("son cahier de dessin", "le cahier de dessin"), ("son petit train en bois", "le petit train"),
    ("sa boîte de crayons", "la boîte de crayons"), ("son doudou", "le doudou"), ("sa casquette", "la casquette"),
)  # fmt: skip
_SPOTS = (
    "sous le lit", "derrière le canapé", "dans le jardin", "sous un arbre du parc", "dans la cuisine, près du frigo",
    "au fond d'un sac", "dans la voiture", "sur l'étagère du salon", "dans la niche du chien", "sous une pile de linge",
)  # fmt: skip
_FEEL = {
    "content": ("content", "contente"), "heureux": ("heureux", "heureuse"), "fier": ("fier", "fière"),
    "triste": ("triste", "triste"), "surpris": ("surpris", "surprise"), "inquiet": ("inquiet", "inquiète"),
    "fatigué": ("fatigué", "fatiguée"), "ravi": ("ravi", "ravie"),
}  # fmt: skip
_REL = {
    "m": ("son ami", "son frère", "son cousin", "son voisin", "son camarade de classe"),
    "f": ("son amie", "sa sœur", "sa cousine", "sa voisine", "sa camarade de classe"),
}
_ANIMAL_HEROES = (
    ("un petit chat", "Moustache", "m"), ("une petite souris", "Lili", "f"), ("un vieux chien", "Rex", "m"),
    ("une tortue très sage", "Caroline", "f"), ("un petit lapin", "Pompon", "m"), ("une jeune renarde", "Rousse", "f"),
    ("un ours gourmand", "Bruno", "m"), ("une petite poule", "Cocotte", "f"),
)  # fmt: skip

_OPEN_TALE = (
    "Il était une fois {un_desc} qui s'appelait {A}.",
    "Il était une fois, {place}, {un_desc} nommé{e} {A}.",
    "Il y a très longtemps vivait {un_desc} qui s'appelait {A}.",
    "Il était une fois {un_desc} appelé{e} {A}, qui vivait {home}.",
    "Autrefois, {place}, vivait {un_desc} du nom de {A}.",
    "Il était une fois {un_desc} très curieu{x} qui s'appelait {A}.",
    "Dans un pays lointain vivait {un_desc} nommé{e} {A}.",
    "Il y a bien longtemps, {un_desc} appelé{e} {A} habitait {home}.",
    "Il était une fois {un_desc}. {Il} s'appelait {A}.",
    "Jadis, {place}, vivait {un_desc} qu'on appelait {A}.",
)
_OPEN_DAY = (
    "Ce matin-là, {A} s'est réveillé{e} très tôt.",
    "Samedi dernier, {A} avait prévu une journée spéciale.",
    "{A} avait {age} ans et habitait {city_a}.",
    "Un mercredi après-midi, {A} s'ennuyait à la maison.",
    "C'était le premier jour des vacances, et {A} était ravi{e}.",
    "Ce matin-là, {A} prenait son petit-déjeuner avec sa famille.",
    "Ce jour-là, il faisait beau, et {A} avait envie de sortir.",
    "Dimanche matin, {A} a ouvert les yeux avec une idée en tête.",
    "{A} habitait {city_a} avec ses parents.",
    "À la fin de l'hiver, {A} attendait le printemps avec impatience.",
)
_T_HOME = (
    "{Il} habitait {home}.",
    "{Il} vivait {home}.",
    "Sa maison se trouvait {home_geo}.",
    "{A} habitait {city_a}.",
    "{Il} vivait {city_a}, {home}.",
    "Sa famille habitait {home}.",
)
_T_LIKE = (
    "{Il} aimait beaucoup {h}.",
    "Ce {qu_il} préférait, c'était {h}.",
    "Plus que tout, {il} adorait {h}.",
    "{A} passait des heures à {h}.",
    "Son passe-temps favori était {de_h}.",
    "Chaque jour, {il} prenait le temps {de_h}.",
    "{Il} rêvait de passer ses journées à {h}.",
)
_T_END = (
    "Depuis ce jour, {A} et {B} sont les meilleur{s} ami{s} du monde.",
    "Le soir, {A} s'est endormi{e} avec un grand sourire.",
    "{A} n'oubliera jamais cette journée.",
    "Et {A} était {heureux} de sa journée.",
    "Ce fut une journée inoubliable pour {A}.",
    "Depuis, {A} raconte souvent cette histoire.",
    "Tout est bien qui finit bien.",
    "Le soir venu, {A} a tout raconté à ses parents.",
    "{A} a passé une très belle journée.",
    "Et c'est ainsi que cette aventure s'est terminée.",
)
_T_TALE_END = (
    "Et ils vécurent heureux pour toujours.",
    "Depuis ce jour, plus personne ne s'est moqué {de_A}.",
    "Et cette histoire se raconte encore aujourd'hui.",
    "Et {A} n'a plus jamais eu peur.",
    "C'est ainsi {que_A} est devenu{e} célèbre dans tout le village.",
    "Et la vie reprit son cours, paisible et joyeuse.",
)


def _story_lost(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    poss, defn = rng.choice(_OBJECTS_LOST)
    s1, s2 = rng.sample(_SPOTS, 2)
    f = {**f, "poss": poss, "defn": defn, "s1": s1, "s2": s2}
    return [
        _fill(
            rng,
            (
                "Un jour, {A} a perdu {poss}.",
                "Un matin, {A} n'a plus trouvé {poss}.",
                "Soudain, {A} s'est rendu compte qu'{il} avait perdu {poss}.",
                "Un jour, {poss} a disparu.",
                "Ce jour-là, impossible de trouver {poss} !",
                "Mais un jour, {A} a égaré {poss}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{Il} a cherché partout, {s1} et {s2}.",
                "{Il} a regardé {s1}, puis {s2}, mais sans succès.",
                "{A} a fouillé {s1} et {s2}.",
                "{Il} a cherché {s1}, mais il n'y avait rien.",
                "{A} a tout retourné {s1}.",
                "{Il} a vérifié {s1} et même {s2}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{A} était très {triste}.",
                "{Il} était {triste} et {inquiet}.",
                "{A} avait envie de pleurer.",
                "{Il} ne savait plus quoi faire.",
                "{A} était vraiment {inquiet}.",
                "{Il} commençait à perdre espoir.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Alors {B}, {rel}, est venu{e2} l'aider.",
                "Heureusement, {B}, {rel}, a proposé son aide.",
                "C'est alors que {B} est arrivé{e2}.",
                "{B}, {rel}, a décidé de chercher avec {lui}.",
                "Par chance, {B} passait par là.",
                "{B} a dit : « Ne t'inquiète pas, on va le retrouver ! »",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Enfin, {B} a trouvé {defn} {s2}.",
                "Finalement, {defn} était {s2} !",
                "Au bout d'une heure, {B} a aperçu {defn} {s2}.",
                "Et voilà : {defn} était caché{o} {s2}.",
                "Soudain, {B} a crié : « Je l'ai trouvé{o} ! »",
                "Après de longues recherches, ils ont retrouvé {defn} {s2}.",
            ),
            heldout,
            **{**f, "o": "e" if defn.startswith("la ") or defn.startswith("l'écharpe") else ""},
        ),
        _fill(
            rng,
            (
                "{A} était si {content} qu'{il} a serré {B} dans ses bras.",
                "{A} a remercié {B} de tout son cœur.",
                "{A} a souri et a dit merci.",
                "Quel soulagement pour {A} !",
                "{A} a sauté de joie.",
                "{A} a promis de faire plus attention.",
            ),
            heldout,
            **f,
        ),
    ]


def _story_cake(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    who = rng.choice(("sa mère", "son père", "sa grand-mère", "son grand-père", "sa petite sœur", "son petit frère"))
    cake = rng.choice(
        ("un gâteau au chocolat", "une tarte aux pommes", "des crêpes", "un gâteau au yaourt", "des cookies")
    )
    f = {**f, "who": who, "cake": cake}
    return [
        _fill(
            rng,
            (
                "Bientôt, ce serait l'anniversaire de {who}.",
                "Dimanche, c'était l'anniversaire de {who}.",
                "{A} voulait faire une surprise à {who}.",
                "Le lendemain, {who} allait fêter son anniversaire.",
                "{A} voulait offrir quelque chose de spécial à {who}.",
                "C'était bientôt la fête de {who}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{A} a décidé de préparer {cake}.",
                "{Il} a eu une idée : préparer {cake}.",
                "{A} a choisi de faire {cake}.",
                "Pour faire plaisir, {il} a voulu cuisiner {cake}.",
                "{Il} a sorti un livre de recettes pour préparer {cake}.",
                "{A} s'est mis{e} en tête de faire {cake}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{Il} a pris de la farine, des œufs, du sucre et du beurre.",
                "Avec l'aide de {B}, {il} a mélangé la farine, les œufs et le sucre.",
                "{Il} a tout mélangé dans un grand saladier.",
                "{B}, {rel}, a aidé à peser la farine et le sucre.",
                "Il y avait de la farine partout dans la cuisine !",
                "{A} a suivi la recette étape par étape.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Ensuite, le gâteau a cuit au four pendant trente minutes.",
                "Une bonne odeur a rempli la maison.",
                "Pendant la cuisson, {A} a rangé la cuisine.",
                "Après la cuisson, {il} a laissé refroidir le gâteau.",
                "Bientôt, la cuisine sentait bon.",
                "{A} surveillait le four avec impatience.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Le soir, {who} a été très surpris{wx} et très touché{wx}.",
                "Quand {who} a vu la surprise, tout le monde a applaudi.",
                "Toute la famille a chanté « Joyeux anniversaire ».",
                "{Who} a dit que c'était le meilleur cadeau du monde.",
                "La surprise a été parfaite.",
                "Tout le monde a voulu une deuxième part.",
            ),
            heldout,
            **{**f, "Who": cap(who), "wx": "e" if who.startswith("sa ") else ""},
        ),
    ]


def _story_animal(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    an = rng.choice(("un petit chien", "un chaton", "un lapin blanc", "un jeune hérisson", "un canard"))
    an_def = "le " + an.split(" ", 1)[1] if an.startswith("un ") else an
    f = {**f, "an": an, "an_def": an_def, "An_def": cap(an_def)}
    return [
        _fill(
            rng,
            (
                "En rentrant de l'école, {A} a trouvé {an} au bord du chemin.",
                "Un après-midi, {A} a entendu un petit bruit derrière la haie : c'était {an}.",
                "Dans le parc, {A} a vu {an} tout seul.",
                "{A} a ouvert la porte et a vu {an} sur le paillasson.",
                "Près de la boulangerie, {A} a découvert {an} perdu.",
                "{Il} a ouvert la porte et a trouvé {an} devant la maison.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{An_def} avait l'air perdu et avait faim.",
                "{An_def} tremblait de froid.",
                "{An_def} semblait avoir peur.",
                "{An_def} portait un collier avec un numéro de téléphone.",
                "{An_def} ne bougeait presque pas.",
                "Il était tout mouillé.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{A} lui a donné un peu d'eau.",
                "{A} l'a pris dans ses bras avec douceur.",
                "{A} l'a ramené à la maison.",
                "Avec {B}, {il} a cherché son propriétaire.",
                "{A} lui a parlé doucement pour le rassurer.",
                "{A} l'a enveloppé dans une serviette.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Le lendemain, ils ont accroché des affiches dans le quartier.",
                "Le soir, une dame a frappé à la porte : c'était la propriétaire.",
                "Le vétérinaire a dit que l'animal allait bien.",
                "Quelques jours plus tard, le propriétaire est venu le chercher.",
                "Un voisin a reconnu l'animal tout de suite.",
                "Les parents de {A} ont accepté de le garder quelques jours.",
            ),
            heldout,
            **f,
        ),
    ]


def _story_trip(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    ce = rng.choice(CITIES)
    city, ck = ce.subject["fr"], CITY_COUNTRY[ce.key]
    en = _COUNTRY_FR[ck][1]
    sight = rng.choice(
        (
            "un grand musée",
            "un vieux château",
            "un marché coloré",
            "une belle cathédrale",
            "un port plein de bateaux",
            "un grand parc",
            "une place animée",
        )
    )
    f = {**f, "city": city, "en": en, "sight": sight}
    return [
        _fill(
            rng,
            (
                "Pendant les vacances, {A} est parti{e} à {city}, {en}.",
                "Un été, la famille de {A} a voyagé jusqu'à {city}.",
                "{A} a pris le train pour aller à {city}.",
                "Pour les vacances, {A} a pris l'avion pour {city}, {en}.",
                "Cette année-là, {A} a découvert la ville de {city}.",
                "{A} rêvait de visiter {city}, une ville qui se trouve {en}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Là-bas, {il} a visité {sight}.",
                "À {city}, {il} a découvert {sight}.",
                "Le premier jour, {il} est allé{e} voir {sight}.",
                "{A} a adoré se promener dans la ville.",
                "Dans la ville, il y avait {sight}.",
                "{Il} a pris beaucoup de photos de {sight}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{Il} a goûté des plats qu'{il} ne connaissait pas.",
                "{Il} a appris quelques mots d'une nouvelle langue.",
                "Tous les soirs, {il} écrivait dans son carnet de voyage.",
                "{Il} a envoyé une carte postale à {B}.",
                "{Il} a rencontré des enfants très gentils.",
                "Il a plu un jour, mais ce n'était pas grave.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "À la fin du voyage, {A} était un peu {triste} de partir.",
                "Le retour en train a été long, mais joyeux.",
                "{A} a rapporté un petit souvenir pour {B}.",
                "De retour à la maison, {il} a tout raconté à {B}.",
                "{A} a promis de revenir un jour à {city}.",
                "{A} avait plein de souvenirs dans la tête.",
            ),
            heldout,
            **f,
        ),
    ]


def _story_learn(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    skill, tries = rng.choice(
        (
            ("faire du vélo sans petites roues", "{Il} est tombé{e} plusieurs fois."),
            ("nager", "{Il} buvait la tasse à chaque fois."),
            ("jouer du piano", "Ses doigts se trompaient de touches."),
            ("lire tout{e} seul{e}", "Les mots longs lui semblaient difficiles."),
            ("faire ses lacets", "Les nœuds se défaisaient toujours."),
            ("jongler avec trois balles", "Les balles tombaient par terre."),
        )
    )
    f = {**f, "skill": skill.format(**f)}
    return [
        _fill(
            rng,
            (
                "{A} voulait apprendre à {skill}.",
                "Depuis longtemps, {A} rêvait de savoir {skill}.",
                "Cette année, {A} avait décidé d'apprendre à {skill}.",
                "{A} avait très envie de {skill}.",
                "Le grand projet de {A}, c'était d'apprendre à {skill}.",
                "{Il} voulait absolument savoir {skill}.",
            ),
            heldout,
            **f,
        )
        .replace("de savoir", "de savoir")
        .replace("c'était d'apprendre", "c'était d'apprendre"),
        _fill(
            rng,
            (
                "Au début, c'était difficile.",
                "Les premiers jours, rien ne marchait.",
                "Ce n'était pas facile du tout.",
                "Au début, {il} n'y arrivait pas.",
                "Les premiers essais ont été ratés.",
                "C'était plus dur que prévu.",
            ),
            heldout,
            **f,
        ),
        tries.format(**f),
        _fill(
            rng,
            (
                "Mais {B}, {rel}, l'a encouragé{e} : « Essaie encore ! »",
                "{B} lui a montré comment faire.",
                "Chaque jour, {il} s'est entraîné{e} un peu.",
                "{Il} n'a pas abandonné.",
                "{B} lui a dit : « Courage, tu vas y arriver ! »",
                "{Il} a écouté les conseils de {B}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Au bout d'une semaine, {A} a réussi !",
                "Enfin, un jour, tout a marché.",
                "Petit à petit, {il} a fait des progrès.",
                "Un beau matin, {il} a réussi du premier coup.",
                "À la fin du mois, {A} y arrivait parfaitement.",
                "Et un jour, {il} a réussi.",
            ),
            heldout,
            **f,
        ),
    ]


def _story_rain(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    return [
        _fill(
            rng,
            (
                "{A} et {B} avaient prévu un pique-nique au parc.",
                "Ce samedi, {A} voulait aller à la plage avec {B}.",
                "{A} avait préparé des sandwichs pour un pique-nique avec {B}.",
                "{A} et {B} voulaient jouer dehors tout l'après-midi.",
                "Une promenade en forêt était prévue avec {B}.",
                "{A} avait invité {B} à faire une balade à vélo.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Mais le ciel est devenu gris, et il a commencé à pleuvoir.",
                "Soudain, un gros orage a éclaté.",
                "Malheureusement, la pluie s'est mise à tomber.",
                "Mais le temps a changé d'un coup : il pleuvait à verse.",
                "Hélas, de gros nuages noirs sont arrivés.",
                "Mais il s'est mis à pleuvoir très fort.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{A} était {triste}.",
                "{A} a regardé la pluie par la fenêtre.",
                "{B} a eu une idée : faire le pique-nique dans le salon.",
                "{Ils} ont construit une cabane avec des couvertures.",
                "{Ils} ont joué à un jeu de société.",
                "{Ils} ont dessiné un grand soleil sur une feuille.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Pendant ce temps, le chat s'est assis sur le canapé et s'est endormi.",
                "Le chat s'est assis sur le tapis et les a regardés jouer.",
                "Le chat de la maison s'est assis sur le rebord de la fenêtre.",
                "Le chat s'est assis sur le canapé, tout près d'{eux}.",
                "Le chat s'est assis sur le tapis, au milieu des couvertures.",
                "Le chat s'est assis sur le coussin le plus moelleux.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Finalement, c'était un après-midi très amusant.",
                "Le soir, le soleil est revenu, et un arc-en-ciel est apparu.",
                "{Ils} ont bien ri.",
                "Ce fut un pique-nique pas comme les autres.",
                "En fin de journée, la pluie s'est arrêtée.",
                "{A} a trouvé que la pluie, ce n'était pas si grave.",
            ),
            heldout,
            **f,
        ),
    ]


def _story_door(rng: random.Random, heldout: bool, f: dict[str, str]) -> list[str]:
    thing = rng.choice(
        (
            "un paquet avec son nom écrit dessus",
            "un petit chat gris qui miaulait",
            "une lettre mystérieuse",
            "un panier rempli de pommes",
            "{B}, qui souriait",
            "un ballon coincé dans la haie",
        )
    )
    f = {**f, "thing": thing.format(**f)}
    return [
        _fill(
            rng,
            (
                "Quelqu'un a sonné à la porte.",
                "On a frappé trois coups à la porte.",
                "Tout à coup, la sonnette a retenti.",
                "Un bruit est venu de l'entrée.",
                "Quelqu'un frappait doucement à la porte.",
                "Ding, dong ! On sonnait à la porte.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{Il} a ouvert la porte et a découvert {thing}.",
                "{Il} a ouvert la porte et a vu {thing}.",
                "{A} a ouvert la porte et a trouvé {thing}.",
                "{Il} a ouvert la porte et n'en a pas cru ses yeux : il y avait {thing}.",
                "{Il} a ouvert la porte et a aperçu {thing}.",
                "En ouvrant la porte, {il} a découvert {thing}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "{A} était très {surpris}.",
                "Quelle surprise !",
                "{A} a appelé {B} pour lui montrer.",
                "{Il} ne s'attendait pas du tout à ça.",
                "{A} a poussé un cri de joie.",
                "{Il} a souri.",
            ),
            heldout,
            **f,
        ),
    ]


_SCENARIOS = (_story_lost, _story_cake, _story_animal, _story_trip, _story_learn, _story_rain, _story_door)


def story(rng: random.Random, heldout: bool) -> str:
    """A short story: an opening, a setting, a problem or a goal, events and an ending."""
    hero, friend = _people(rng, 2)
    tale = rng.random() < 0.4
    f: dict[str, str] = {**_pv(hero), **_pv(friend, "2")}
    f["B"] = friend.name
    f["rel"] = rng.choice(_REL[friend.g])
    both_f = hero.g == "f" and friend.g == "f"
    f["Ils"], f["ils"], f["eux"] = ("Elles", "elles", "elles") if both_f else ("Ils", "ils", "eux")
    f["s"] = "s"
    f["qu_il"] = "qu'il" if hero.g == "m" else "qu'elle"
    f["x"] = "x" if hero.g == "m" else "se"
    for k, (m, fe) in _FEEL.items():
        f[k] = m if hero.g == "m" else fe
    ce = rng.choice(CITIES)
    f["city_a"] = "à " + ce.subject["fr"]
    f["home"] = rng.choice(_HOMES)
    f["home_geo"] = rng.choice(_GEO)
    h = rng.choice(_HOBBIES)
    f["h"], f["de_h"] = h, _de_inf(h)
    f["age"] = str(rng.randint(6, 12))
    if tale:
        if rng.random() < 0.5:
            desc, name, g = rng.choice(_ANIMAL_HEROES)
            hero = _Person(name, g)
            f.update(_pv(hero))
            f["qu_il"] = "qu'il" if g == "m" else "qu'elle"
            f["x"] = "x" if g == "m" else "se"
            for k, (m, fe) in _FEEL.items():
                f[k] = m if g == "m" else fe
            f["un_desc"] = desc
        else:
            f["un_desc"] = (
                rng.choice(("un petit garçon", "un jeune garçon", "un petit prince"))
                if hero.g == "m"
                else rng.choice(("une petite fille", "une jeune fille", "une petite princesse"))
            )
        f["place"] = rng.choice(
            (
                "dans un petit village",
                "au bord d'un lac",
                "au fond d'une grande forêt",
                "dans un royaume lointain",
                "au sommet d'une colline",
            )
        )
        out = [phrase(rng, _OPEN_TALE, heldout).format(**f)]
    else:
        out = [phrase(rng, _OPEN_DAY, heldout).format(**f)]
    if rng.random() < 0.5:
        out.append(phrase(rng, _T_HOME, heldout).format(**f))
    if rng.random() < 0.5:
        out.append(phrase(rng, _T_LIKE, heldout).format(**f))
    scen = rng.choice(_SCENARIOS)(rng, heldout, f)
    out.extend(scen)
    ends = _T_TALE_END if tale and rng.random() < 0.5 else _T_END
    out.append(phrase(rng, ends, heldout).format(**f))
    text = " ".join(out)
    return (
        text.replace("meilleurs amis", "meilleures amies" if both_f else "meilleurs amis")
        .replace("qu'il ", "qu'il ")
        .replace("à Le ", "au ")
    )


_T_ROUTINE = (
    (
        "Je m'appelle {A}.",
        "Bonjour, je m'appelle {A}.",
        "Moi, c'est {A}.",
        "Je me présente : je m'appelle {A}.",
        "Salut ! Je m'appelle {A}.",
        "Mon nom est {A}.",
    ),
    (
        "J'ai {age} ans et j'habite {city_a}.",
        "J'ai {age} ans.",
        "J'habite {city_a}, {en}.",
        "Je vis {city_a} avec ma famille.",
        "J'ai {age} ans et je vis {city_a}.",
        "Ma famille et moi, nous habitons {city_a}.",
    ),
    (
        "Le matin, je me lève à {h1} heures.",
        "Le matin, je prends mon petit-déjeuner avec ma famille.",
        "Le matin, je me brosse les dents et je m'habille.",
        "Le matin, je vais à l'école à pied.",
        "Le matin, je bois un bol de chocolat chaud.",
        "Le matin, je prépare mon cartable.",
    ),
    (
        "À l'école, j'apprends à lire, à écrire et à compter.",
        "Ma matière préférée, c'est {subj}.",
        "À midi, je mange à la cantine.",
        "À la récréation, je joue avec {B}.",
        "Mon plat préféré est {dish}.",
        "J'aime beaucoup {hobby}.",
    ),
    (
        "L'après-midi, je fais mes devoirs.",
        "Le soir, je lis une histoire avant de dormir.",
        "Le soir, je dîne avec mes parents.",
        "Je me couche à {h2} heures.",
        "Le mercredi, je vais {act}.",
        "Le week-end, je vais au parc avec {B}.",
    ),
    (
        "Je suis {content} de ma journée.",
        "J'aime beaucoup ma vie.",
        "Demain sera une autre belle journée.",
        "Voilà ma journée !",
        "J'ai une vie bien remplie.",
        "Je suis {heureux} quand je suis avec mes amis.",
    ),
)


def _story_routine(rng: random.Random, heldout: bool) -> str:
    me, friend = _people(rng, 2)
    ce = rng.choice(CITIES)
    f = {
        "A": me.name, "B": friend.name, "age": num(rng.randint(6, 12)), "city_a": "à " + ce.subject["fr"],
        "en": _COUNTRY_FR[CITY_COUNTRY[ce.key]][1], "h1": num(rng.randint(6, 8)), "h2": num(rng.randint(8, 10)),
        "subj": rng.choice(("les mathématiques", "le français", "l'histoire", "les sciences", "le dessin", "la musique", "le sport")),
        "dish": rng.choice(_DISHES[:13]).sg, "hobby": rng.choice(_HOBBIES),
        "act": rng.choice(("à la piscine", "au judo", "au cours de musique", "au football", "à la bibliothèque", "chez ma grand-mère")),
        "content": "content" if me.g == "m" else "contente", "heureux": "heureux" if me.g == "m" else "heureuse",
    }  # fmt: skip
    out: list[str] = []
    for slot in _T_ROUTINE:
        s = phrase(rng, slot, heldout).format(**f)
        out.append(s)
        if rng.random() < 0.35:
            s2 = phrase(rng, slot, heldout).format(**f)
            if s2 != s and not s2.startswith(("Je m'appelle", "Bonjour", "Moi", "Salut", "Mon nom", "Je me présente")):
                out.append(s2)
    return " ".join(out).replace("je vais au football", "je joue au football")


def story_any(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.18:
        return _story_routine(rng, heldout)
    return story(rng, heldout)


# ---------------------------------------------------------------------------------------------------------------
# Dialogues
# ---------------------------------------------------------------------------------------------------------------


def _lines(speakers: Sequence[str], lines: Sequence[str]) -> str:
    return "\n".join(f"{speakers[i % len(speakers)]} : {line}" for i, line in enumerate(lines))


def _dlg_greet(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    f = {"A": a.name, "B": b.name, "e": "" if b.g == "m" else "e", "ea": "" if a.g == "m" else "e"}
    return [
        _fill(
            rng,
            (
                "Bonjour ! Comment ça va ?",
                "Salut, {B} ! Comment vas-tu ?",
                "Bonjour, {B} ! Comment allez-vous ?",
                "Coucou ! Ça va ?",
                "Bonjour ! Comment vas-tu aujourd'hui ?",
                "Salut ! Tu vas bien ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Je vais bien, merci. Et toi ?",
                "Très bien, merci, {A}. Et toi ?",
                "Ça va bien, merci ! Et toi ?",
                "Je vais très bien, merci. Et vous ?",
                "Pas mal, merci. Et toi ?",
                "Un peu fatigué{e}, mais ça va. Et toi ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Ça va, merci !",
                "Très bien, merci.",
                "Moi aussi, je vais bien.",
                "Ça va très bien, merci.",
                "Je suis en pleine forme !",
                "Bien, merci beaucoup.",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_end(rng: random.Random, heldout: bool) -> list[str]:
    return [
        phrase(
            rng,
            (
                "Bon, je dois y aller. À bientôt !",
                "Merci beaucoup. Au revoir !",
                "À demain !",
                "Bonne journée !",
                "Il faut que je parte. Salut !",
                "À plus tard !",
            ),
            heldout,
        ),
        phrase(
            rng,
            (
                "Au revoir, à bientôt !",
                "Bonne journée à toi aussi !",
                "Salut, à demain !",
                "Au revoir !",
                "À la prochaine !",
                "Merci, à toi aussi !",
            ),
            heldout,
        ),
    ]


def _dlg_shop(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    items = (
        ("des pommes", "le kilo", 250),
        ("des tomates", "le kilo", 320),
        ("des bananes", "le kilo", 199),
        ("des carottes", "le kilo", 150),
        ("des fraises", "la barquette", 350),
        ("des cerises", "le kilo", 600),
        ("des oranges", "le kilo", 280),
    )
    it, unit, p = rng.choice(items)
    q = rng.randint(1, 3)
    f = {
        "it": it,
        "unit": unit,
        "p": _price(p),
        "q": num(q),
        "tot": _price(p * q),
        "u": unit[3:],
        "mb": "monsieur" if b.g == "m" else "madame",
        "un": "un" if unit == "le kilo" else "une",
        "s": "s" if q > 1 else "",
    }
    qty = (num(q) if unit == "le kilo" else num_f(q)) + " " + unit[3:] + ("s" if q > 1 else "")
    return [
        _fill(
            rng,
            (
                "Bonjour, {mb}. Je voudrais {it}, s'il vous plaît.",
                "Bonjour ! Vous avez {it} ?",
                "Bonjour, {mb}. Je cherche {it}.",
                "Bonjour ! Je voudrais acheter {it}.",
                "Bonjour, il vous reste {it} ?",
                "Bonjour ! Je prendrais bien {it}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Oui, bien sûr. Elles sont très fraîches aujourd'hui.",
                "Oui, c'est {p} {unit}.",
                "Bien sûr ! C'est {p} {unit}.",
                "Oui, nous en avons. Combien en voulez-vous ?",
                "Oui, elles viennent d'arriver.",
                "Certainement. C'est {p} {unit}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Combien ça coûte ?",
                "Quel est le prix ?",
                "C'est combien ?",
                "Ça fait combien ?",
                "Combien coûtent-elles ?",
                "Et le prix, s'il vous plaît ?",
            ),
            heldout,
            **f,
        ),
        f"C'est {f['p']} {unit}.",
        f"Alors j'en prends {qty}, s'il vous plaît.",
        _fill(
            rng,
            (
                "Voilà. Ça fait {tot}.",
                "Très bien. Cela fait {tot} en tout.",
                "Voici. Ça vous fait {tot}.",
                "Ça fera {tot}, s'il vous plaît.",
                "Parfait. Le total est de {tot}.",
                "Voilà pour vous. Ça fait {tot}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Voici l'argent. Merci, au revoir !",
                "Tenez. Merci beaucoup !",
                "Je paie par carte. Merci !",
                "Voilà. Bonne journée !",
                "Merci, {mb}. Au revoir !",
                "Voici. Merci et à bientôt !",
            ),
            heldout,
            **f,
        ),
    ]


_PLACES_TOWN = (
    ("la gare", "à la gare"),
    ("la poste", "à la poste"),
    ("la bibliothèque", "à la bibliothèque"),
    ("le musée", "au musée"),
    ("la pharmacie", "à la pharmacie"),
    ("le marché", "au marché"),
    ("la piscine", "à la piscine"),
    ("l'hôpital", "à l'hôpital"),
    ("le parc", "au parc"),
    ("la boulangerie", "à la boulangerie"),
)


def _dlg_way(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    pl, to = rng.choice(_PLACES_TOWN)
    f = {
        "pl": pl,
        "to": to,
        "n": num(rng.randint(2, 10)),
        "side": rng.choice(("à droite", "à gauche")),
        "mb": "monsieur" if b.g == "m" else "madame",
        "eb": "" if b.g == "m" else "le",
    }
    return [
        _fill(
            rng,
            (
                "Excusez-moi, où se trouve {pl}, s'il vous plaît ?",
                "Pardon, je cherche {pl}.",
                "Excusez-moi, comment aller {to} ?",
                "Bonjour, savez-vous où est {pl} ?",
                "Pardon, {mb}, c'est loin, {pl} ?",
                "Excusez-moi, je voudrais aller {to}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Allez tout droit, puis tournez {side}.",
                "C'est tout près. Prenez la deuxième rue {side}.",
                "Continuez tout droit jusqu'au feu, puis tournez {side}.",
                "Traversez la place et tournez {side}.",
                "Suivez cette rue, c'est {side} après le pont.",
                "Tournez {side} au bout de la rue.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "C'est loin ?",
                "Il faut combien de temps à pied ?",
                "C'est à combien de minutes ?",
                "Je peux y aller à pied ?",
                "C'est loin d'ici ?",
                "On peut y aller à pied ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Non, c'est à {n} minutes à pied.",
                "Pas du tout, environ {n} minutes.",
                "Vous y serez dans {n} minutes.",
                "C'est à {n} minutes, à peu près.",
                "Non, {n} minutes à pied, pas plus.",
                "Environ {n} minutes en marchant.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Merci beaucoup, {mb} !",
                "Merci, vous êtes très gentil{eb} !",
                "Parfait, merci !",
                "Merci bien, bonne journée !",
                "Super, merci !",
                "Merci infiniment !",
            ),
            heldout,
            **f,
        ),
        phrase(
            rng,
            (
                "Je vous en prie.",
                "De rien, bonne journée !",
                "Avec plaisir !",
                "Il n'y a pas de quoi.",
                "Bonne route !",
                "De rien, au revoir !",
            ),
            heldout,
        ),
    ]


_WEATHER = (
    ("il fait beau", "le ciel est bleu"), ("il fait chaud", "le soleil brille"), ("il fait froid", "il y a du vent"),
    ("il pleut", "le ciel est gris"), ("il neige", "tout est blanc dehors"), ("il fait doux", "il y a quelques nuages"),
    ("il y a du brouillard", "on ne voit pas très loin"), ("il fait gris", "le ciel est couvert"),
)  # fmt: skip


def _dlg_weather(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    w, w2 = rng.choice(_WEATHER)
    f = {"w": w, "w2": w2, "W": cap(w), "day": rng.choice(_DAYS), "d": num(rng.randint(5, 30))}
    return [
        _fill(
            rng,
            (
                "Quel temps fait-il aujourd'hui ?",
                "Il fait quel temps dehors ?",
                "Tu as vu le temps aujourd'hui ?",
                "Quel temps fait-il ce matin ?",
                "Dis, quel temps fait-il ?",
                "Tu as regardé la météo ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Aujourd'hui, {w}, et {w2}.",
                "{W} et {w2}.",
                "Aujourd'hui, {w}.",
                "Ce matin, {w}.",
                "Regarde par la fenêtre : {w}.",
                "D'après la météo, {w} aujourd'hui.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Il fait combien de degrés ?",
                "Et demain ?",
                "Alors, je prends un parapluie ?",
                "Je mets un manteau ?",
                "Quelle température fait-il ?",
                "Et ce week-end ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Il fait environ {d} degrés.",
                "Demain, il fera beau, je crois.",
                "La météo annonce de la pluie pour {day}.",
                "Prends une veste, c'est plus prudent.",
                "Il fait {d} degrés ce matin.",
                "Ils annoncent du soleil pour {day}.",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_school(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    subj = rng.choice(
        (
            "les mathématiques",
            "le français",
            "l'histoire",
            "la géographie",
            "les sciences",
            "l'anglais",
            "le sport",
            "la musique",
            "le dessin",
        )
    )
    f = {"subj": subj, "Subj": cap(subj), "day": rng.choice(_DAYS[:5])}
    return [
        _fill(
            rng,
            (
                "Comment s'est passée l'école aujourd'hui ?",
                "Tu as fait quoi à l'école ?",
                "Alors, cette journée d'école ?",
                "Qu'est-ce que tu as appris aujourd'hui ?",
                "Ça s'est bien passé, à l'école ?",
                "Raconte-moi ta journée à l'école.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Très bien ! On a fait {subj}.",
                "Bien. Aujourd'hui, on a étudié {subj}.",
                "C'était super, on a eu {subj}.",
                "Pas mal. On a fait {subj} toute la matinée.",
                "Génial ! La maîtresse nous a fait faire {subj}.",
                "Bien, merci. On a surtout fait {subj}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Quelle est ta matière préférée ?",
                "Tu aimes {subj} ?",
                "C'était difficile ?",
                "Tu as des devoirs ?",
                "Tu préfères quelle matière ?",
                "Et qu'est-ce que tu préfères ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Ma matière préférée, c'est {subj}.",
                "Oui, j'adore {subj} !",
                "Un peu, mais j'ai compris.",
                "Oui, je dois lire deux pages pour {day}.",
                "J'aime surtout {subj}.",
                "Je crois que je préfère {subj}.",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_food(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    d1, d2 = rng.sample(_DISHES[:13], 2)
    fd = rng.choice([x for x in _FOODS if x.kind == "un fruit"])
    f = {"d1": d1.sg, "d2": d2.sg, "fd": fd.sg, "kind": fd.kind}
    return [
        _fill(
            rng,
            (
                "Quel est ton plat préféré ?",
                "Qu'est-ce que tu aimes manger ?",
                "Tu as un plat préféré ?",
                "Tu préfères quoi, comme plat ?",
                "Qu'est-ce que tu manges avec plaisir ?",
                "Dis-moi, quel est ton plat préféré ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Mon plat préféré est {d1}.",
                "J'adore {d1} !",
                "Moi, je préfère {d1}.",
                "Mon plat préféré, c'est {d1}.",
                "Sans hésiter : {d1}.",
                "J'aime beaucoup {d1}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Moi, je préfère {d2}.",
                "Et moi, mon plat préféré est {d2}.",
                "Moi aussi, j'aime bien ça. Mais je préfère {d2}.",
                "Ah bon ? Moi, c'est {d2}.",
                "Je préfère {d2}, surtout le dimanche.",
                "Moi, j'adore {d2}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Et comme fruit ?",
                "Et tu aimes les fruits ?",
                "Et pour le dessert ?",
                "Tu manges des fruits ?",
                "Et quel fruit tu préfères ?",
                "Et en dessert, tu prends quoi ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "J'aime beaucoup {fd}.",
                "Je mange souvent {fd}.",
                "Pour moi, c'est {fd}.",
                "J'adore {fd} !",
                "Je choisis toujours {fd}.",
                "En général, je prends {fd}.",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_doctor(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    pain = rng.choice(
        (
            "j'ai mal à la tête",
            "j'ai mal à la gorge",
            "j'ai mal au ventre",
            "j'ai de la fièvre",
            "je tousse beaucoup",
            "j'ai mal à l'oreille",
        )
    )
    f = {"pain": pain, "n": num(rng.randint(2, 5)), "e": "" if a.g == "m" else "e"}
    return [
        _fill(
            rng,
            (
                "Bonjour, docteur.",
                "Bonjour, docteur. Je ne me sens pas bien.",
                "Bonjour, docteur. Je suis malade.",
                "Bonjour, docteur, merci de me recevoir.",
                "Docteur, je ne vais pas très bien.",
                "Bonjour. Je viens vous voir parce que je suis malade.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Bonjour. Qu'est-ce qui ne va pas ?",
                "Où avez-vous mal ?",
                "Bonjour. Dites-moi ce qui se passe.",
                "Asseyez-vous. Qu'est-ce qui vous arrive ?",
                "Qu'est-ce qui ne va pas aujourd'hui ?",
                "Bonjour. Comment vous sentez-vous ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Depuis hier, {pain}.",
                "Eh bien, {pain}.",
                "Depuis {n} jours, {pain}.",
                "{Pain} depuis ce matin.",
                "Je suis fatigué{e}, et {pain}.",
                "Depuis deux jours, {pain}.",
            ),
            heldout,
            **{**f, "Pain": cap(pain)},
        ),
        _fill(
            rng,
            (
                "Je vais vous examiner. Ouvrez la bouche, s'il vous plaît.",
                "Je vais écouter votre cœur et vos poumons.",
                "Laissez-moi prendre votre température.",
                "Respirez profondément, s'il vous plaît.",
                "Je vais regarder votre gorge.",
                "Allongez-vous, je vais vous examiner.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Ce n'est pas grave. Reposez-vous et buvez beaucoup d'eau.",
                "Vous avez un petit rhume. Restez au chaud pendant {n} jours.",
                "Ce n'est rien de grave. Prenez ce médicament trois fois par jour.",
                "Il faut bien dormir et boire beaucoup.",
                "Vous devez rester au lit pendant {n} jours.",
                "Rien de grave. Reposez-vous bien.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Merci, docteur.",
                "Merci beaucoup, docteur. Au revoir.",
                "D'accord, merci docteur.",
                "Merci, je vais me reposer.",
                "Très bien, merci beaucoup.",
                "Merci, docteur, à bientôt.",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_doctor_report(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    advice = rng.choice(
        (
            "je devais rester au lit deux jours",
            "ce n'était qu'un petit rhume",
            "je devais boire beaucoup d'eau",
            "il fallait bien dormir",
            "je pourrai retourner à l'école lundi",
            "ce n'était pas grave",
        )
    )
    f = {"adv": advice, "e": "" if b.g == "m" else "e"}
    return [
        _fill(
            rng,
            (
                "Alors, qu'a dit le médecin ?",
                "Tu es allé{e} chez le médecin ?",
                "Qu'est-ce que le médecin t'a dit ?",
                "Alors, ce rendez-vous chez le médecin ?",
                "Le médecin t'a examiné{e} ?",
                "Comment ça s'est passé chez le docteur ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Le médecin a dit que {adv}.",
                "Il m'a examiné{e} et il a dit que {adv}.",
                "Oui. Le médecin a dit que {adv}.",
                "Le docteur a dit que {adv}.",
                "D'après le médecin, {adv}.",
                "Il m'a dit que {adv}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Tant mieux ! Repose-toi bien.",
                "Ouf, c'est une bonne nouvelle.",
                "Alors, au lit !",
                "Je suis content de l'entendre.",
                "Prends soin de toi.",
                "Bon rétablissement !",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_weekend(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    plan = rng.choice(
        (
            "aller au cinéma",
            "faire du vélo au bord du lac",
            "rendre visite à mes grands-parents",
            "aller au musée",
            "jouer au football au parc",
            "faire un gâteau",
            "aller à la piscine",
            "me promener en forêt",
        )
    )
    plan2 = rng.choice(
        (
            "rester à la maison et lire",
            "aller au marché",
            "ranger ma chambre",
            "jouer aux jeux de société",
            "aller à la plage",
            "voir des amis",
        )
    )
    f = {"plan": plan, "plan2": plan2, "day": rng.choice(("samedi", "dimanche"))}
    return [
        _fill(
            rng,
            (
                "Qu'est-ce que tu fais ce week-end ?",
                "Tu as des projets pour le week-end ?",
                "Tu fais quoi {day} ?",
                "Ce week-end, tu es libre ?",
                "Que vas-tu faire ce week-end ?",
                "Des projets pour {day} ?",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Je vais {plan}.",
                "{day_c}, je vais {plan}.",
                "J'aimerais {plan}.",
                "Je pense {plan}.",
                "Je vais sûrement {plan}.",
                "J'ai prévu de {plan}.",
            ),
            heldout,
            **{**f, "day_c": cap(f["day"])},
        )
        .replace("de aller", "d'aller")
        .replace("de aller", "d'aller"),
        _fill(
            rng,
            (
                "Super ! Moi, je vais {plan2}.",
                "Bonne idée. Moi, je dois {plan2}.",
                "Je peux venir avec toi ?",
                "Ça a l'air bien ! Moi, je vais {plan2}.",
                "Génial. Moi, je compte {plan2}.",
                "Chouette ! Moi, je reste ici pour {plan2}.",
            ),
            heldout,
            **f,
        ),
        _fill(
            rng,
            (
                "Bon week-end, alors !",
                "D'accord, on s'appelle dimanche.",
                "Si tu veux, on peut se voir {day}.",
                "Bonne idée, on en reparle demain.",
                "Passe un bon week-end !",
                "Amuse-toi bien !",
            ),
            heldout,
            **f,
        ),
    ]


def _dlg_fact(rng: random.Random, heldout: bool, a: _Person, b: _Person) -> list[str]:
    out: list[str] = []
    for _ in range(rng.randint(2, 3)):
        kind = rng.randrange(4)
        if kind == 0:
            k = rng.choice(COUNTRIES).key
            f = _country_fields(k)
            q = _fill(
                rng,
                (
                    "Quelle est la capitale {de_c} ?",
                    "Tu sais quelle est la capitale {de_c} ?",
                    "C'est quoi, la capitale {de_c} ?",
                    "Dis-moi, quelle est la capitale {de_c} ?",
                    "Tu connais la capitale {de_c} ?",
                    "Quelle ville est la capitale {de_c} ?",
                ),
                heldout,
                **f,
            )
            r = _fill(
                rng,
                (
                    "La capitale {de_c} est {cap}.",
                    "C'est {cap}.",
                    "Je crois que c'est {cap}.",
                    "{Cap}, bien sûr !",
                    "Facile : {cap}.",
                    "C'est {cap}, la capitale {de_c}.",
                ),
                heldout,
                **f,
            )
        elif kind == 1:
            ce = rng.choice(CITIES)
            f = _country_fields(CITY_COUNTRY[ce.key])
            f["city"] = ce.subject["fr"]
            q = _fill(
                rng,
                (
                    "Dans quel pays se trouve {city} ?",
                    "{city}, c'est dans quel pays ?",
                    "Tu sais où se trouve {city} ?",
                    "Où est {city} ?",
                    "{city} se trouve dans quel pays ?",
                    "Dans quel pays est la ville de {city} ?",
                ),
                heldout,
                **f,
            )
            r = _fill(
                rng,
                (
                    "{city} se trouve {en}.",
                    "C'est {en}.",
                    "{city} est une ville {de0}.",
                    "Elle est {en}.",
                    "C'est une ville {de0}.",
                    "{En}, je crois.",
                ),
                heldout,
                **f,
            )
        elif kind == 2:
            an = rng.choice([x for x in _ANIMALS if x.diet or x.legs > 0])
            fa = _animal_fields(an)
            if an.legs > 0:
                q = _fill(
                    rng,
                    (
                        "Combien de pattes a {a} ?",
                        "{A}, ça a combien de pattes ?",
                        "Tu sais combien de pattes a {a} ?",
                        "Combien de pattes compte {a} ?",
                        "Dis, combien de pattes a {a} ?",
                        "Et {a}, combien de pattes ?",
                    ),
                    heldout,
                    **fa,
                )
                r = (
                    _fill(
                        rng,
                        (
                            "{A} a {n} pattes.",
                            "{N} pattes.",
                            "Il en a {n}.",
                            "{A} marche sur {n} pattes.",
                            "{N}, je crois.",
                            "Il a {n} pattes.",
                        ),
                        heldout,
                        **{**fa, "N": cap(fa["n"])},
                    )
                    .replace("Il en a", "Il en a" if an.g == "m" else "Elle en a")
                    .replace("Il a ", "Il a " if an.g == "m" else "Elle a ")
                )
            else:
                q = _fill(
                    rng,
                    (
                        "Qu'est-ce que mange {a} ?",
                        "Que mange {a} ?",
                        "Tu sais ce que mange {a} ?",
                        "{A}, ça mange quoi ?",
                        "De quoi se nourrit {a} ?",
                        "Qu'est-ce qu'il y a au menu {de_a} ?",
                    ),
                    heldout,
                    **fa,
                )
                r = _fill(
                    rng,
                    (
                        "{A} mange {food}.",
                        "{Food}.",
                        "Il mange {food}.",
                        "{A} est {diet} : {il} mange {food}.",
                        "Je crois que {a} mange {food}.",
                        "Surtout {food}.",
                    ),
                    heldout,
                    **fa,
                ).replace("Il mange", "Il mange" if an.g == "m" else "Elle mange")
        else:
            q = phrase(
                rng,
                (
                    "Quel est le plus grand animal de l'océan ?",
                    "Tu sais quel est le plus grand animal de la mer ?",
                    "Quel est le plus grand animal du monde ?",
                    "Quel animal est le plus grand de l'océan ?",
                    "C'est quoi, le plus grand animal de l'océan ?",
                    "Quel est l'animal le plus grand des océans ?",
                ),
                heldout,
            )
            r = phrase(
                rng,
                (
                    "Le plus grand animal de l'océan est la baleine bleue.",
                    "C'est la baleine bleue.",
                    "La baleine bleue !",
                    "C'est la baleine bleue, elle peut mesurer trente mètres.",
                    "La baleine bleue, bien sûr.",
                    "Je crois que c'est la baleine bleue.",
                ),
                heldout,
            )
        out.extend([q, r])
        out.append(
            phrase(
                rng,
                (
                    "Bravo, c'est juste !",
                    "Oui, c'est exact.",
                    "Très bien !",
                    "Exactement !",
                    "Bonne réponse !",
                    "C'est ça !",
                ),
                heldout,
            )
        )
        out.append(
            phrase(
                rng,
                (
                    "À toi de me poser une question.",
                    "Encore une question ?",
                    "Allez, une autre !",
                    "J'en ai une autre pour toi.",
                    "Tu m'en poses une ?",
                    "On continue ?",
                ),
                heldout,
            )
        )
    return out[:-1]


_DIALOGUES = (
    _dlg_greet,
    _dlg_shop,
    _dlg_way,
    _dlg_weather,
    _dlg_school,
    _dlg_food,
    _dlg_doctor,
    _dlg_doctor_report,
    _dlg_weekend,
    _dlg_fact,
)


def dialogue(rng: random.Random, heldout: bool) -> str:
    """Two (sometimes three) speakers, ``Name : line`` per line."""
    a, b, c = _people(rng, 3)
    fn = rng.choice(_DIALOGUES)
    lines: list[str] = []
    three = fn in (_dlg_fact, _dlg_food, _dlg_weather, _dlg_weekend) and rng.random() < 0.2
    if not three and fn is not _dlg_greet and fn is not _dlg_doctor and rng.random() < 0.4:
        lines.extend(_dlg_greet(rng, heldout, a, b))
        lines.extend(fn(rng, heldout, b, a))  # after three greeting lines, b speaks first
    else:
        lines.extend(fn(rng, heldout, a, b))
    if fn is not _dlg_doctor and rng.random() < 0.4:
        lines.extend(_dlg_end(rng, heldout))
    lines = lines[:10]
    speakers = [a.name, b.name]
    if fn is _dlg_doctor:
        speakers = [a.name, "Le médecin"]
    elif three:
        speakers = [a.name, b.name, c.name]
    return _lines(speakers, lines)


# ---------------------------------------------------------------------------------------------------------------
# Instructions (steps are infinitive phrases, framed in many ways)
# ---------------------------------------------------------------------------------------------------------------

# goal (infinitive phrase), steps, closing line
_TASKS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "faire du thé",
        (
            "faire bouillir de l'eau",
            "mettre un sachet de thé dans une tasse",
            "verser l'eau chaude dans la tasse",
            "laisser infuser trois à cinq minutes",
            "retirer le sachet",
            "ajouter du sucre ou du lait si on le souhaite",
        ),
        "Le thé est prêt.",
    ),
    (
        "préparer un chocolat chaud",
        (
            "faire chauffer du lait dans une casserole",
            "ajouter deux cuillères de cacao",
            "bien mélanger avec une cuillère",
            "verser le chocolat dans un bol",
            "attendre qu'il refroidisse un peu",
        ),
        "Bonne dégustation !",
    ),
    (
        "cuire des pâtes",
        (
            "faire bouillir une grande casserole d'eau",
            "ajouter une pincée de sel",
            "verser les pâtes dans l'eau bouillante",
            "laisser cuire une dizaine de minutes en remuant",
            "égoutter les pâtes",
            "ajouter un peu de beurre ou de sauce tomate",
        ),
        "Bon appétit !",
    ),
    (
        "faire une omelette",
        (
            "casser trois œufs dans un bol",
            "battre les œufs avec une fourchette",
            "ajouter un peu de sel et de poivre",
            "faire chauffer un peu de beurre dans une poêle",
            "verser les œufs dans la poêle",
            "laisser cuire quelques minutes",
            "plier l'omelette en deux",
        ),
        "L'omelette est prête.",
    ),
    (
        "préparer des crêpes",
        (
            "mettre de la farine dans un saladier",
            "ajouter les œufs et mélanger",
            "verser le lait petit à petit",
            "laisser reposer la pâte une heure",
            "faire chauffer une poêle légèrement beurrée",
            "verser une petite louche de pâte",
            "retourner la crêpe quand elle est dorée",
        ),
        "Bon appétit !",
    ),
    (
        "faire une salade de fruits",
        (
            "laver les fruits",
            "éplucher les bananes et les oranges",
            "couper tous les fruits en petits morceaux",
            "mettre les morceaux dans un saladier",
            "ajouter un peu de jus d'orange",
            "mélanger doucement",
            "garder la salade au frais",
        ),
        "C'est prêt !",
    ),
    (
        "préparer un sandwich",
        (
            "couper le pain en deux",
            "étaler un peu de beurre",
            "ajouter une tranche de jambon et du fromage",
            "mettre quelques feuilles de salade",
            "refermer le sandwich",
        ),
        "Bon appétit !",
    ),
    (
        "faire cuire un œuf à la coque",
        (
            "faire bouillir de l'eau dans une petite casserole",
            "plonger doucement l'œuf dans l'eau",
            "attendre trois minutes",
            "sortir l'œuf avec une cuillère",
            "couper le haut de la coquille",
        ),
        "Il ne reste plus qu'à tremper des mouillettes.",
    ),
    (
        "planter une graine",
        (
            "remplir un petit pot de terre",
            "faire un trou avec le doigt",
            "mettre la graine dans le trou",
            "recouvrir la graine de terre",
            "arroser doucement",
            "placer le pot près d'une fenêtre",
            "arroser un peu chaque jour",
        ),
        "Dans quelques jours, une petite pousse va sortir.",
    ),
    (
        "se laver les mains",
        (
            "mouiller les mains sous le robinet",
            "prendre un peu de savon",
            "frotter les paumes, le dos des mains et entre les doigts",
            "frotter pendant au moins vingt secondes",
            "rincer les mains à l'eau claire",
            "sécher les mains avec une serviette propre",
        ),
        "Les mains sont propres.",
    ),
    (
        "se brosser les dents",
        (
            "mettre un peu de dentifrice sur la brosse à dents",
            "brosser les dents du haut",
            "brosser les dents du bas",
            "ne pas oublier les dents du fond",
            "brosser pendant deux minutes",
            "rincer la bouche avec de l'eau",
        ),
        "Les dents sont propres.",
    ),
    (
        "traverser la rue",
        (
            "s'arrêter au bord du trottoir",
            "chercher un passage piéton",
            "regarder à gauche, puis à droite, puis encore à gauche",
            "attendre que le feu des piétons soit vert",
            "traverser en marchant, sans courir",
        ),
        "On arrive de l'autre côté en sécurité.",
    ),
    (
        "dessiner un chat",
        (
            "tracer un cercle pour la tête",
            "dessiner un ovale plus grand pour le corps",
            "ajouter deux oreilles en triangle",
            "dessiner les yeux, le nez et les moustaches",
            "ajouter une longue queue",
            "colorier le chat",
        ),
        "Le dessin est terminé.",
    ),
    (
        "dessiner une maison",
        (
            "tracer un grand carré",
            "dessiner un triangle au-dessus pour le toit",
            "ajouter une porte au milieu",
            "dessiner deux fenêtres",
            "ajouter une cheminée sur le toit",
            "colorier la maison",
        ),
        "Voilà une jolie maison.",
    ),
    (
        "allumer un ordinateur",
        (
            "vérifier que l'ordinateur est branché",
            "appuyer sur le bouton de démarrage",
            "attendre que l'écran s'allume",
            "taper son mot de passe",
            "ouvrir le programme dont on a besoin",
        ),
        "L'ordinateur est prêt à fonctionner.",
    ),
    (
        "envoyer un courriel",
        (
            "ouvrir sa messagerie",
            "cliquer sur « Nouveau message »",
            "écrire l'adresse du destinataire",
            "écrire un objet",
            "rédiger le message",
            "relire le texte",
            "cliquer sur « Envoyer »",
        ),
        "Le message est parti.",
    ),
    (
        "faire un avion en papier",
        (
            "prendre une feuille rectangulaire",
            "plier la feuille en deux dans la longueur",
            "replier les deux coins du haut vers le milieu",
            "replier encore les bords vers le milieu",
            "plier les ailes de chaque côté",
            "lancer l'avion doucement",
        ),
        "L'avion vole !",
    ),
    (
        "faire son lit",
        (
            "retirer l'oreiller",
            "tirer le drap bien à plat",
            "remettre la couette sur le lit",
            "secouer l'oreiller",
            "poser l'oreiller en haut du lit",
        ),
        "La chambre est bien rangée.",
    ),
    (
        "arroser les plantes",
        (
            "remplir un arrosoir d'eau",
            "vérifier si la terre est sèche",
            "verser l'eau doucement au pied de la plante",
            "ne pas mettre trop d'eau",
            "vider l'eau qui reste dans la soucoupe",
        ),
        "Les plantes vont bien pousser.",
    ),
    (
        "cuire du riz",
        (
            "rincer le riz à l'eau froide",
            "mettre le riz dans une casserole",
            "ajouter deux fois plus d'eau que de riz",
            "porter l'eau à ébullition",
            "couvrir et laisser cuire à feu doux",
            "attendre que toute l'eau soit absorbée",
        ),
        "Le riz est cuit.",
    ),
)
_T_INTRO = (
    "Voici comment {goal}.",
    "Pour {goal}, suivez ces étapes.",
    "Tu veux {goal} ? C'est facile.",
    "Comment {goal} ? Voici les étapes.",
    "Il est très simple {de_goal}.",
    "Voici une méthode simple pour {goal}.",
    "Apprenons à {goal}.",
    "Tu ne sais pas {goal} ? Je vais t'expliquer.",
    "Pour {goal}, il suffit de suivre ces étapes.",
    "Voici la marche à suivre pour {goal}.",
)
_T_FIRST = (
    "D'abord, il faut {s}.",
    "Pour commencer, il faut {s}.",
    "Commence par {s}.",
    "Commencez par {s}.",
    "En premier, il faut {s}.",
    "Tout d'abord, on doit {s}.",
    "La première étape consiste à {s}.",
)
_T_MID = (
    "Ensuite, il faut {s}.",
    "Puis, il faut {s}.",
    "Après cela, il faut {s}.",
    "Ensuite, on doit {s}.",
    "Puis on peut {s}.",
    "Après, pense à {s}.",
    "L'étape suivante consiste à {s}.",
    "Ensuite, il est temps {de_s}.",
    "Maintenant, il faut {s}.",
    "Après ça, on va {s}.",
)
_T_LAST = (
    "Enfin, il faut {s}.",
    "Pour finir, il faut {s}.",
    "Enfin, il ne reste plus qu'à {s}.",
    "Finalement, on peut {s}.",
    "Pour terminer, il suffit {de_s}.",
    "À la fin, il faut {s}.",
)
_T_NUM = ("{n}. {S}.", "Étape {n} : {s}.", "{n}) {S}.", "{n} - {S}.", "{n}. Il faut {s}.", "Étape {n}. {S}.")


def instructions(rng: random.Random, heldout: bool) -> str:
    """How to do something: numbered steps or "first …, then …, finally …"."""
    goal, steps, closing = rng.choice(_TASKS)
    if rng.random() < 0.3 and len(steps) > 4:
        # an optional step may be left out (never the first or the last)
        drop = rng.randrange(1, len(steps) - 1)
        steps = steps[:drop] + steps[drop + 1 :]
    reflexive = goal.startswith("se ")
    goal_tu = goal.replace("se laver", "te laver").replace("se brosser", "te brosser") if reflexive else goal
    out: list[str] = []
    style = rng.random()
    if style < 0.2 and not reflexive:
        out.append(f"Pour {goal}, il faut d'abord {steps[0]}.")
        body = steps[1:]
        for i, st in enumerate(body):
            t = phrase(rng, _T_LAST if i == len(body) - 1 else _T_MID, heldout)
            out.append(t.format(s=st, de_s=_de_inf(st)))
    else:
        intro = phrase(rng, _T_INTRO, heldout)
        if "Tu " in intro or "t'expliquer" in intro:
            intro = intro.format(goal=goal_tu, de_goal=_de_inf(goal_tu))
        else:
            intro = intro.format(goal=goal, de_goal=_de_inf(goal))
        out.append(intro)
        if style < 0.6:
            t_num = phrase(rng, _T_NUM, heldout)
            lines = [t_num.format(n=i + 1, s=st, S=cap(st)) for i, st in enumerate(steps)]
            out.append("\n".join(lines))
        else:
            for i, st in enumerate(steps):
                pool = _T_FIRST if i == 0 else _T_LAST if i == len(steps) - 1 else _T_MID
                t = phrase(rng, pool, heldout)
                if ("Commence" in t or "pense à" in t) and st.startswith("s'"):
                    t = "Il faut {s}." if i else "D'abord, il faut {s}."
                out.append(t.format(s=st, de_s=_de_inf(st)))
    out.append(closing)
    if rng.random() < 0.3:
        out.append(
            phrase(
                rng,
                (
                    "Attention, demande de l'aide à un adulte si tu utilises le feu ou un couteau.",
                    "Prends ton temps, ce n'est pas une course.",
                    "Avec un peu d'entraînement, ce sera de plus en plus facile.",
                    "N'oublie pas de tout ranger après.",
                    "Si tu te trompes, ce n'est pas grave : recommence.",
                    "Tu peux demander à un ami de t'aider.",
                ),
                heldout,
            )
        )
    sep = "\n" if style >= 0.2 and style < 0.6 else " "
    return sep.join(out)


# ---------------------------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------------------------

_SHOPPING = ("une baguette", "un litre de lait", "six œufs", "un kilo de pommes", "du beurre", "du fromage", "de la farine",
             "un paquet de pâtes", "du riz", "des tomates", "une salade", "des carottes", "du jus d'orange", "du sucre",
             "du chocolat", "des yaourts", "du poulet", "du poisson", "de l'huile d'olive", "des pommes de terre",
             "du café", "du thé", "de la confiture", "des oignons", "du savon", "du dentifrice", "des bananes",
             "une bouteille d'eau", "du miel", "des céréales")  # fmt: skip
_COLOURS = ("rouge", "bleu", "vert", "jaune", "orange", "violet", "rose", "noir", "blanc", "gris", "marron")
_SCHOOL_BAG = ("un cahier", "un stylo bleu", "un crayon à papier", "une gomme", "une règle", "des ciseaux", "un bâton de colle",
               "une trousse", "des crayons de couleur", "un taille-crayon", "un livre de lecture", "une calculatrice")  # fmt: skip
_HOLIDAY_BAG = ("un maillot de bain", "une serviette", "de la crème solaire", "un chapeau", "des lunettes de soleil",
                "un pyjama", "une brosse à dents", "un livre", "des sandales", "un pull pour le soir", "un appareil photo")  # fmt: skip
_TODO = ("faire mes devoirs", "ranger ma chambre", "promener le chien", "appeler ma grand-mère", "arroser les plantes",
         "préparer mon sac pour demain", "lire un chapitre de mon livre", "aider à mettre la table", "sortir la poubelle",
         "faire les courses", "jouer du piano", "écrire une carte postale")  # fmt: skip
_T_LIST_TITLE = (
    "{T} :",
    "Voici {t} :",
    "Liste {de_t} :",
    "{T}, dans l'ordre :",
    "Voici la liste {de_t} :",
    "Petite liste {de_t} :",
    "Ma liste {de_t} :",
)


def _fmt_list(rng: random.Random, heldout: bool, items: Sequence[str], numbered: bool | None = None) -> str:
    style = rng.randrange(3) if numbered is None else (1 if numbered else 0)
    if style == 0:
        return "\n".join("- " + x for x in items)
    if style == 1:
        return "\n".join(f"{i + 1}. {cap(x)}" for i, x in enumerate(items))
    return cap(_join(list(items))) + "."


def list_doc(rng: random.Random, heldout: bool) -> str:
    """Lists with a title or a lead sentence (sometimes two lists)."""
    doc = _one_list(rng, heldout)
    while len(doc) < 160:
        doc += "\n\n" + _one_list(rng, heldout)
    return doc


def _one_list(rng: random.Random, heldout: bool) -> str:
    k = rng.randrange(14)
    if k == 0:
        items = rng.sample(_SHOPPING, rng.randint(4, 9))
        head = phrase(
            rng,
            (
                "Liste de courses :",
                "Ce qu'il faut acheter au marché :",
                "À acheter aujourd'hui :",
                "Pour les courses de la semaine :",
                "Ne pas oublier au supermarché :",
                "Les courses du samedi :",
            ),
            heldout,
        )
        return head + "\n" + _fmt_list(rng, heldout, items, numbered=False)
    if k == 1:
        cls = rng.choice(tuple(_CLASSES))
        members = [a.sg for a in _ANIMALS if a.cls == cls]
        items = rng.sample(members, min(len(members), rng.randint(3, 6)))
        t = phrase(
            rng,
            (
                "Voici quelques {c} : {x}.",
                "Quelques exemples de {c} : {x}.",
                "Parmi les {c}, on trouve {x}.",
                "{X} sont des {c}.",
                "Des {c} que l'on connaît bien : {x}.",
                "Exemples de {c} : {x}.",
            ),
            heldout,
        )
        return (
            t.format(
                c=_CLASSES[cls][1],
                x=_join(items),
                X=cap(_join([next(a.pl for a in _ANIMALS if a.sg == s) for s in items])),
            )
            + " "
            + rng.choice(_CLASSES[cls][2])
        )
    if k == 2:
        fruits = [f.sg for f in _FOODS if f.kind == "un fruit"]
        vegs = [f.sg for f in _FOODS if f.kind == "un légume"]
        fr_, vg = rng.sample(fruits, rng.randint(3, 5)), rng.sample(vegs, rng.randint(3, 5))
        t = phrase(
            rng,
            (
                "Fruits : {a}.\nLégumes : {b}.",
                "Les fruits : {a}. Les légumes : {b}.",
                "Quelques fruits : {a}. Quelques légumes : {b}.",
                "Au marché, on trouve des fruits comme {a}, et des légumes comme {b}.",
                "Dans le panier, il y a des fruits ({a}) et des légumes ({b}).",
                "Voici des fruits : {a}. Et voici des légumes : {b}.",
            ),
            heldout,
        )
        return t.format(a=_join(fr_), b=_join(vg))
    if k == 3:
        cols = rng.sample(_COLOURS, rng.randint(4, 7))
        head = phrase(
            rng,
            (
                "Les couleurs que je connais :",
                "Voici des couleurs :",
                "Ma boîte de crayons contient ces couleurs :",
                "Quelques couleurs :",
                "Les couleurs de mes feutres :",
                "Couleurs préférées de la classe :",
            ),
            heldout,
        )
        extra = (
            "Les couleurs de l'arc-en-ciel sont le rouge, l'orange, le jaune, le vert, le bleu, l'indigo et le violet."
            if rng.random() < 0.4
            else ""
        )
        return (head + "\n" + _fmt_list(rng, heldout, cols) + ("\n" + extra if extra else "")).strip()
    if k == 4:
        keys = rng.sample([c.key for c in COUNTRIES], rng.randint(3, 6))
        t = phrase(
            rng,
            (
                "{C} : capitale {cap}.",
                "{C} — {cap}",
                "Pays : {c} ; capitale : {cap}.",
                "La capitale {de_c} est {cap}.",
                "{Cap} est la capitale {de_c}.",
                "{C}, capitale : {cap}.",
            ),
            heldout,
        )
        head = phrase(
            rng,
            (
                "Quelques pays et leurs capitales :",
                "Pays et capitales :",
                "Tableau des capitales :",
                "Révisons les capitales :",
                "Petit tableau des pays et de leurs capitales :",
                "Les capitales à connaître :",
            ),
            heldout,
        )
        return head + "\n" + "\n".join(t.format(**_country_fields(key)) for key in keys)
    if k == 5:
        key = rng.choice(sorted(set(CITY_COUNTRY.values())))
        f = _country_fields(key)
        cities = [f["cap"]] + [c.subject["fr"] for c in CITIES if CITY_COUNTRY[c.key] == key]
        t = phrase(
            rng,
            (
                "Des villes {de0} : {x}.",
                "Quelques villes {de0} : {x}.",
                "Villes célèbres {de0} : {x}.",
                "{En}, on trouve les villes de {x}.",
                "Les villes de {x} se trouvent {en}.",
                "Liste de villes {de0} : {x}.",
            ),
            heldout,
        )
        return (
            t.format(x=_join(cities), **f).replace("villes de Le Caire", "villes du Caire")
            + " "
            + phrase(rng, _T_CAPITAL, heldout).format(**f)
        )
    if k == 6:
        start = rng.randrange(7)
        n = rng.randint(3, 7)
        days = [_DAYS[(start + i) % 7] for i in range(n)]
        t = phrase(
            rng,
            (
                "Les jours de la semaine : {x}.",
                "{X}…",
                "On compte les jours : {x}.",
                "Après {a}, il y a {rest}.",
                "{X}, et ainsi de suite.",
                "Voici des jours qui se suivent : {x}.",
            ),
            heldout,
        )
        return t.format(x=", ".join(days), X=cap(", ".join(days)), a=days[0], rest=_join(days[1:])) + (
            " Une semaine compte sept jours." if rng.random() < 0.5 else ""
        )
    if k == 7:
        start = rng.randrange(12)
        n = rng.randint(3, 8)
        months = [_MONTHS[(start + i) % 12] for i in range(n)]
        t = phrase(
            rng,
            (
                "Les mois : {x}.",
                "{X}…",
                "Les mois se suivent : {x}.",
                "Après {a} viennent {rest}.",
                "Voici des mois de l'année : {x}.",
                "{X}, et ainsi de suite.",
            ),
            heldout,
        )
        return t.format(x=", ".join(months), X=cap(", ".join(months)), a=months[0], rest=_join(months[1:])) + (
            " Le premier mois de l'année est janvier." if rng.random() < 0.5 else ""
        )
    if k == 8:
        items = [a for a, _, _ in rng.sample(_INSTRUMENTS, rng.randint(3, 6))]
        t = phrase(
            rng,
            (
                "Instruments de musique : {x}.",
                "Dans l'orchestre, on entend {x}.",
                "Voici des instruments : {x}.",
                "Quelques instruments de musique : {x}.",
                "On peut apprendre {x} au conservatoire.",
                "Les instruments préférés de la classe : {x}.",
            ),
            heldout,
        )
        return t.format(x=_join(items))
    if k == 9:
        items = [s.sg for s in rng.sample(_SPORTS, rng.randint(3, 6))]
        head = phrase(
            rng,
            (
                "Sports pratiqués au club :",
                "Quelques sports :",
                "Les sports préférés des élèves :",
                "Voici des sports :",
                "Sports que l'on peut essayer :",
                "Les sports de l'école :",
            ),
            heldout,
        )
        return head + "\n" + _fmt_list(rng, heldout, items)
    if k == 10:
        order = [p for p, _ in _PLANETS]
        t = phrase(
            rng,
            (
                "Les planètes du système solaire, dans l'ordre à partir du Soleil : {x}.",
                "Dans l'ordre, les planètes sont : {x}.",
                "Voici les huit planètes, de la plus proche à la plus éloignée du Soleil : {x}.",
                "En partant du Soleil, on trouve {x}.",
                "Les planètes, dans l'ordre : {x}.",
                "Les huit planètes : {x}.",
            ),
            heldout,
        )
        extra = (
            "Les trois plus grandes planètes sont Jupiter, Saturne et Uranus."
            if rng.random() < 0.5
            else "La plus grande planète est Jupiter."
        )
        return t.format(x=_join(order)) + " " + extra
    if k == 11:
        items = rng.sample(_SCHOOL_BAG if rng.random() < 0.5 else _HOLIDAY_BAG, rng.randint(4, 7))
        head = phrase(
            rng,
            (
                "Dans mon sac, je mets :",
                "À ne pas oublier :",
                "Ce qu'il faut emporter :",
                "Dans le sac, il y a :",
                "Liste des affaires :",
                "Pour demain, je prends :",
            ),
            heldout,
        )
        return head + "\n" + _fmt_list(rng, heldout, items)
    if k == 12:
        items = rng.sample(_TODO, rng.randint(3, 6))
        head = phrase(
            rng,
            (
                "Ce que je dois faire aujourd'hui :",
                "Mes tâches de la journée :",
                "À faire ce week-end :",
                "Ma liste de choses à faire :",
                "Aujourd'hui, je dois :",
                "Programme de la journée :",
            ),
            heldout,
        )
        return head + "\n" + _fmt_list(rng, heldout, items)
    three = rng.choice(
        (
            ("Trois choses dont les plantes ont besoin", ("de l'eau", "de la lumière", "de l'air")),
            (
                "Trois choses à faire pour rester en bonne santé",
                ("bien dormir", "manger des fruits et des légumes", "faire du sport"),
            ),
            ("Trois animaux qui vivent dans la mer", ("la baleine bleue", "le dauphin", "la pieuvre")),
            ("Trois animaux qui pondent des œufs", ("la poule", "la tortue", "le crocodile")),
            ("Trois choses que l'on trouve dans le ciel", ("le Soleil", "la Lune", "les nuages")),
            ("Trois états de l'eau", ("la glace", "l'eau liquide", "la vapeur")),
            ("Les trois plus grandes planètes", ("Jupiter", "Saturne", "Uranus")),
            (
                "Trois choses que fait un ordinateur",
                ("calculer", "garder des informations en mémoire", "afficher des images"),
            ),
            ("Trois instruments à cordes", ("la guitare", "le violon", "la harpe")),
        )
    )
    head = phrase(
        rng,
        ("{T} :", "Voici {t} :", "{T}. Les voici :", "Connais-tu {t} ?", "Retenons {t} :", "Petite liste : {t}."),
        heldout,
    )
    return (
        head.format(T=three[0], t=three[0][0].lower() + three[0][1:])
        + "\n"
        + _fmt_list(rng, heldout, three[1], numbered=True)
    )


# ---------------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------------

_T_ADD = (
    "{a} + {b} = {c}",
    "{A} plus {B} égale {C}.",
    "{A} et {B} font {C}.",
    "Si on ajoute {B} à {A}, on obtient {C}.",
    "{A} plus {B}, ça fait {C}.",
    "La somme de {A} et de {B} est {C}.",
    "{a} plus {b} font {c}.",
    "Quand on additionne {A} et {B}, on trouve {C}.",
)
_T_SUB = (
    "{a} - {b} = {c}",
    "{A} moins {B} égale {C}.",
    "{A} moins {B}, ça fait {C}.",
    "Si on enlève {B} à {A}, il reste {C}.",
    "{A} moins {B} font {C}.",
    "La différence entre {A} et {B} est {C}.",
    "{a} moins {b} égale {c}.",
    "Quand on retire {B} de {A}, on obtient {C}.",
)
_T_MUL = (
    "{a} × {b} = {c}",
    "{A} fois {B} égale {C}.",
    "{A} fois {B}, ça fait {C}.",
    "{A} multiplié par {B} donne {C}.",
    "{A} fois {B} font {C}.",
    "Le produit de {A} par {B} est {C}.",
    "{a} fois {b} égale {c}.",
    "Si on multiplie {A} par {B}, on obtient {C}.",
)
_T_CMP = (
    "{a} est plus grand que {b}.",
    "{A} est plus grand que {B}.",
    "{b} est plus petit que {a}.",
    "{a} > {b}",
    "{B} est plus petit que {A}.",
    "{A} est supérieur à {B}.",
    "{b} < {a}",
    "{B} est inférieur à {A}.",
)
_T_COUNT = (
    "Comptons : {x}.",
    "On compte : {x}.",
    "{X}…",
    "Je compte jusqu'à {last} : {x}.",
    "Comptons ensemble : {x}.",
    "{X}, et ainsi de suite.",
    "Écoute bien : {x}.",
)


def _arith(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    kind = rng.randrange(3)
    for _ in range(rng.randint(3, 6)):
        if kind == 0:
            a, b = rng.randint(0, 50), rng.randint(0, 50)
            c, t = a + b, phrase(rng, _T_ADD, heldout)
        elif kind == 1:
            a = rng.randint(1, 60)
            b = rng.randint(0, a)
            c, t = a - b, phrase(rng, _T_SUB, heldout)
        else:
            a, b = rng.randint(1, 10), rng.randint(1, 10)
            c, t = a * b, phrase(rng, _T_MUL, heldout)
        s = t.format(a=a, b=b, c=c, A=num(a), B=num(b), C=num(c))
        s = s.replace("de un ", "d'un ").replace("de onze", "d'onze").replace("de huit", "de huit")
        out.append(cap(s))
    sep = "\n" if all("=" in s for s in out) else " "
    if rng.random() < 0.3:
        lead = phrase(
            rng,
            (
                "Un peu de calcul.",
                "Faisons des calculs.",
                "Voici quelques opérations.",
                "Exercices de calcul :",
                "Calcul mental.",
                "Révisons les tables.",
            ),
            heldout,
        )
        return lead + "\n" + sep.join(out)
    return sep.join(out)


def _counting(rng: random.Random, heldout: bool) -> str:
    step = rng.choice((1, 1, 1, 2, 5, 10))
    start = (
        rng.choice((0, 1, 1, step, rng.randint(1, 30)))
        if step == 1
        else rng.choice((0, step, step * rng.randint(1, 5)))
    )
    n = rng.randint(5, 12)
    vals = [start + i * step for i in range(n)]
    words = rng.random() < 0.6
    xs = [num(v) if words else str(v) for v in vals]
    t = phrase(rng, _T_COUNT, heldout)
    out = t.format(x=", ".join(xs), X=cap(", ".join(xs)), last=xs[-1])
    tail = ""
    if step > 1:
        tail = " " + phrase(
            rng,
            (
                "On compte de {s} en {s}.",
                "Ici, on avance de {s} en {s}.",
                "Chaque nombre est plus grand de {s}.",
                "On ajoute {s} à chaque fois.",
                "C'est une suite de {s} en {s}.",
                "On saute de {s} en {s}.",
            ),
            heldout,
        ).format(s=num(step))
    elif rng.random() < 0.5:
        a = rng.randint(0, 98)
        tail = " " + phrase(
            rng,
            (
                "Après {a} vient {b}.",
                "Le nombre qui suit {a} est {b}.",
                "Juste avant {b}, il y a {a}.",
                "{A} vient avant {b}.",
                "{A}, puis {b}.",
                "Après {a}, on dit {b}.",
            ),
            heldout,
        ).format(a=num(a), b=num(a + 1), A=cap(num(a)))
    if start == 1 and step == 1 and words and rng.random() < 0.5:
        out = "Un, deux, trois, nous irons au bois ! " + out if rng.random() < 0.3 else out
    return out + tail


def _compare(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    for _ in range(rng.randint(3, 6)):
        a, b = rng.sample(range(0, 100), 2)
        a, b = max(a, b), min(a, b)
        out.append(cap(phrase(rng, _T_CMP, heldout).format(a=a, b=b, A=num(a), B=num(b))))
    if rng.random() < 0.4:
        x = rng.randint(0, 100)
        t = phrase(
            rng,
            (
                "{x} est égal à {x}.",
                "{X} est égal à {w}.",
                "{x} = {x}",
                "Un nombre est toujours égal à lui-même : {x} = {x}.",
                "{X}, c'est pareil que {x}.",
                "{x} et {x}, c'est la même chose.",
            ),
            heldout,
        )
        out.append(t.format(x=x, X=cap(num(x)), w=num(x)))
    return " ".join(out)


def _dates(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    for _ in range(rng.randint(2, 4)):
        y = rng.randint(1990, 2023)
        m = rng.randint(1, 12)
        d = rng.randint(1, _MONTH_DAYS[m - 1])
        day = _DAYS[datetime.date(y, m, d).weekday()]
        ds = ("1er" if d == 1 else str(d)) + " " + _MONTHS[m - 1] + " " + str(y)
        out.append(
            phrase(
                rng,
                (
                    "Le {ds} était un {day}.",
                    "Le {ds}, c'était un {day}.",
                    "Le {ds} tombait un {day}.",
                    "Quel jour était le {ds} ? Un {day}.",
                    "Le {ds} était un {day}, je m'en souviens.",
                    "Le {ds} correspond à un {day}.",
                ),
                heldout,
            ).format(ds=ds, day=day)
        )
    if rng.random() < 0.5:
        i = rng.randrange(12)
        out.append(
            phrase(
                rng,
                (
                    "Le {o} mois de l'année est {m}.",
                    "{M} est le {o} mois de l'année.",
                    "Dans l'année, le {o} mois est {m}.",
                    "Le mois numéro {n} est {m}.",
                    "Le {o} mois, c'est {m}.",
                    "{M} est le mois numéro {n}.",
                ),
                heldout,
            ).format(o=_ORD_M[i], m=_MONTHS[i], M=cap(_MONTHS[i]), n=i + 1)
        )
    if rng.random() < 0.4:
        i = rng.randrange(7)
        out.append(
            phrase(
                rng,
                (
                    "Le {o} jour de la semaine est {d}.",
                    "{D} est le {o} jour de la semaine.",
                    "Dans la semaine, le {o} jour est {d}.",
                    "En France, la semaine commence le lundi.",
                    "Le {o} jour, c'est {d}.",
                    "{D} est le jour numéro {n} de la semaine.",
                ),
                heldout,
            ).format(o=_ORD_M[i], d=_DAYS[i], D=cap(_DAYS[i]), n=i + 1)
        )
    rng.shuffle(out)
    return " ".join(out)


def _times(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    acts = (
        "je me lève",
        "je prends le petit-déjeuner",
        "je pars à l'école",
        "nous déjeunons",
        "je rentre à la maison",
        "je goûte",
        "nous dînons",
        "je vais au lit",
        "le magasin ouvre",
        "le train part",
        "le film commence",
    )
    hours = sorted(rng.sample(range(6, 22), rng.randint(3, 5)))
    for h in hours:
        mi = rng.choice((0, 0, 15, 30, 45, 10, 20))
        act = rng.choice(acts)
        word_h = num_f(h) + (" heure" if h == 1 else " heures")
        word_m = {0: "", 15: " et quart", 30: " et demie"}.get(mi, " " + num(mi) if mi != 45 else "")
        words = word_h + word_m if mi != 45 else num_f(h + 1) + " heures moins le quart"
        digits = f"{h} h {mi:02d}" if mi else f"{h} h"
        t = phrase(
            rng,
            (
                "À {d}, {act}.",
                "À {w}, {act}.",
                "Il est {d} : {act}.",
                "Vers {w}, {act}.",
                "À {w} précises, {act}.",
                "Il est {w}, et {act}.",
            ),
            heldout,
        )
        out.append(t.format(d=digits, w=words, act=act))
    if rng.random() < 0.4:
        out.append(
            phrase(
                rng,
                (
                    "Une heure compte soixante minutes.",
                    "Une demi-heure, c'est trente minutes.",
                    "Un quart d'heure dure quinze minutes.",
                    "Une journée dure vingt-quatre heures.",
                    "Midi, c'est douze heures.",
                    "Minuit, c'est zéro heure.",
                ),
                heldout,
            )
        )
    return " ".join(out)


_PRICED = (
    ("une baguette", "baguettes", 120), ("un croissant", "croissants", 110), ("un litre de lait", "litres de lait", 105),
    ("un cahier", "cahiers", 250), ("un stylo", "stylos", 150), ("une pomme", "pommes", 50), ("un livre", "livres", 890),
    ("un ballon", "ballons", 1200), ("une glace", "glaces", 300), ("un pain au chocolat", "pains au chocolat", 130),
)  # fmt: skip


def _ages_prices(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    if rng.random() < 0.5:
        p1, p2 = _people(rng, 2)
        a1, a2 = rng.randint(3, 15), rng.randint(3, 15)
        k = rng.randint(1, 5)
        t1 = phrase(
            rng,
            (
                "{A} a {x} ans.",
                "{A} a {n} ans.",
                "L'âge {de_A} ? {N} ans.",
                "{A} vient d'avoir {n} ans.",
                "{A} fête ses {n} ans aujourd'hui.",
                "Cette année, {A} a {n} ans.",
            ),
            heldout,
        )
        out.append(t1.format(A=p1.name, de_A=_de(p1.name), x=a1, n=num(a1), N=cap(num(a1))))
        t2 = phrase(
            rng,
            (
                "{B} a {y} ans.",
                "{B} a {m} ans.",
                "Son ami{e} {B} a {m} ans.",
                "{B}, {lui}, a {m} ans.",
                "{B} a {m} ans cette année.",
                "Quant à {B}, {il} a {m} ans.",
            ),
            heldout,
        )
        m = p2.g == "m"
        out.append(
            t2.format(
                B=p2.name, y=a2, m=num(a2), e="" if m else "e", lui="lui" if m else "elle", il="il" if m else "elle"
            )
        )
        d = abs(a1 - a2)
        if d:
            old, young = (p1, p2) if a1 > a2 else (p2, p1)
            out.append(f"{old.name} a {num(d)} an{'s' if d > 1 else ''} de plus {_que(young.name)}.")
        else:
            out.append(f"{p1.name} et {p2.name} ont le même âge.")
        out.append(f"Dans {num(k)} an{'s' if k > 1 else ''}, {p1.name} aura {num(a1 + k)} ans.")
    else:
        total = 0
        for it, pl, p in rng.sample(_PRICED, rng.randint(2, 3)):
            q = rng.randint(1, 4)
            total += p * q
            t = phrase(
                rng,
                (
                    "{It} coûte {p}.",
                    "Le prix {de_it} est de {p}.",
                    "{It} vaut {p}.",
                    "Pour {it}, il faut payer {p}.",
                    "{It} est vendu{e} {p}.",
                    "{It} coûte {p} au magasin du coin.",
                ),
                heldout,
            )
            out.append(t.format(It=cap(it), it=it, de_it="d'" + it, p=_price(p), e="e" if it.startswith("une") else ""))
            if q > 1:
                qn = num_f(q) if it.startswith("une") else num(q)
                out.append(f"{cap(qn)} {pl} coûtent {_price(p * q)}.")
        out.append(
            phrase(
                rng,
                (
                    "En tout, cela fait {t}.",
                    "Le total est de {t}.",
                    "Il faut payer {t} en tout.",
                    "Au total : {t}.",
                    "Ça fait {t} en tout.",
                    "La note s'élève à {t}.",
                ),
                heldout,
            ).format(t=_price(total))
        )
    return " ".join(out)


def _ordinals(rng: random.Random, heldout: bool) -> str:
    out: list[str] = []
    for _ in range(rng.randint(3, 5)):
        k = rng.randrange(3)
        if k == 0:
            i = rng.randrange(12)
            out.append(
                phrase(
                    rng,
                    (
                        "Le {o} mois de l'année est {m}.",
                        "{M} est le {o} mois de l'année.",
                        "Le {o} mois, c'est {m}.",
                        "En {o} position dans l'année vient {m}.",
                        "{M} arrive en {o} position.",
                        "Le mois de l'année numéro {n} est {m}.",
                    ),
                    heldout,
                ).format(o=_ORD_M[i], m=_MONTHS[i], M=cap(_MONTHS[i]), n=i + 1)
            )
        elif k == 1:
            i = rng.randrange(7)
            out.append(
                phrase(
                    rng,
                    (
                        "Le {o} jour de la semaine est {d}.",
                        "{D} est le {o} jour de la semaine.",
                        "Le {o} jour, c'est {d}.",
                        "Dans la semaine, {d} vient en {o} position.",
                        "{D} arrive en {o} position dans la semaine.",
                        "Le jour numéro {n} de la semaine est {d}.",
                    ),
                    heldout,
                ).format(o=_ORD_M[i], d=_DAYS[i], D=cap(_DAYS[i]), n=i + 1)
            )
        else:
            i = rng.randrange(8)
            p = _PLANETS[i][0]
            out.append(
                phrase(
                    rng,
                    (
                        "La {o} planète à partir du Soleil est {p}.",
                        "{P} est la {o} planète du système solaire.",
                        "En {o} position, on trouve {p}.",
                        "La planète numéro {n} est {p}.",
                        "{P} est la {o} planète quand on part du Soleil.",
                        "Après le Soleil, la {o} planète est {p}.",
                    ),
                    heldout,
                ).format(o=_ORD_F[i], p=p, P=cap(p), n=i + 1)
            )
    return (
        " ".join(out)
        .replace("le premier position", "première position")
        .replace("en premier position", "en première position")
    )


_NUMBERS = (_arith, _arith, _counting, _counting, _compare, _dates, _times, _ages_prices, _ordinals)


def numbers(rng: random.Random, heldout: bool) -> str:
    """Counting, arithmetic with correct results, comparisons, dates, times, ages, prices and ordinals."""
    first = rng.choice(_NUMBERS)(rng, heldout)
    if len(first) < 150:
        first += " " + rng.choice(_NUMBERS)(rng, heldout)
    return first


_ELISION = re.compile(
    r"\b([Dd]e|[Qq]ue) (?=(?!onze\b|oui\b|yaourt)[aeiouyéèêëàâîïôûAEIOUYÉÈÊÀÂÎÔÛ]|Hugo\b|heure|hiver|herbe|histoire|homme|hôpital|huile|hydrogène)"
)


def _elide_all(text: str) -> str:
    """Elide ``de``/``que`` before a vowel that a template placed there (de Emma → d'Emma, que il → qu'il)."""
    return _ELISION.sub(lambda m: m.group(1)[0] + ("'" if m.group(1)[0] in "Dd" else "u'"), text)


def _checked(fn: Generator) -> Generator:
    def gen(rng: random.Random, heldout: bool) -> str:
        return _elide_all(fn(rng, heldout))

    return gen


GENERATORS: dict[str, Generator] = {
    "encyclopedia": _checked(encyclopedia),
    "story": _checked(story_any),
    "dialogue": _checked(dialogue),
    "instructions": _checked(instructions),
    "list": _checked(list_doc),
    "numbers": _checked(numbers),
}

# ---------------------------------------------------------------------------------------------------------------
# Held-out sentences, prompts and random words
# ---------------------------------------------------------------------------------------------------------------

#: Hand-written everyday sentences that no generator produces (held-out evaluation text).
GENERAL_SENTENCES: tuple[str, ...] = (
    "Ma tante cultive des tomates et des haricots dans un petit potager derrière sa maison.",
    "Le facteur passe tous les matins vers dix heures avec son vélo jaune.",
    "Hier soir, nous avons regardé un film de dessins animés en mangeant du pop-corn.",
    "Mon grand-père raconte souvent des histoires de son enfance à la campagne.",
    "Quand il neige, les enfants du quartier construisent un bonhomme de neige dans la cour.",
    "La boulangerie du coin vend un pain aux céréales qui sent très bon.",
    "Notre voisine promène son vieux chien tous les soirs autour du lac.",
    "Pour mon anniversaire, mes parents m'ont offert une bicyclette bleue.",
    "Le bus scolaire s'arrête juste devant la pharmacie, au bout de la rue.",
    "Les élèves ont planté trois petits arbres près du terrain de sport.",
    "Ma sœur apprend à jouer de la guitare depuis le mois de septembre.",
    "Le marché du dimanche est plein de couleurs, de bruits et d'odeurs.",
    "Nous avons pique-niqué au bord de la rivière sous un grand saule.",
    "Mon cousin habite dans un appartement avec une terrasse pleine de fleurs.",
    "Après le repas, toute la famille a joué aux cartes dans la salle à manger.",
    "La maîtresse a lu une histoire de pirates aux enfants avant la sonnerie.",
    "Il faut toujours attacher sa ceinture de sécurité quand on monte en voiture.",
    "Le lac est si calme ce matin que l'on voit les montagnes se refléter dans l'eau.",
    "Mon père prépare une soupe au potiron chaque fois que les nuits deviennent fraîches.",
    "Les hirondelles reviennent au village quand les beaux jours arrivent.",
    "Ce musée présente une exposition sur les dinosaures qui plaît beaucoup aux enfants.",
    "J'ai oublié mon parapluie dans le train et je suis rentré trempé.",
    "Le gardien du parc ferme les grilles tous les soirs à dix-neuf heures.",
    "Ma mère lit le journal en buvant son café sur le balcon.",
    "Les pompiers sont venus à l'école pour nous expliquer leur métier.",
    "Dans notre rue, il y a une petite librairie où l'on peut lire des bandes dessinées.",
    "Le chaton de ma voisine adore jouer avec une pelote de laine rouge.",
    "Nous prenons le ferry pour aller sur l'île où vivent mes grands-parents.",
    "Le cuisinier de la cantine prépare du poisson tous les vendredis.",
    "À la montagne, l'air est frais et l'on entend le bruit des cloches des vaches.",
    "Mon frère a rangé tous ses jouets dans une grande caisse en bois.",
    "La bibliothèque municipale organise un atelier de lecture le samedi matin.",
    "Quand le vent souffle fort, les volets de la vieille maison claquent.",
    "Nous avons vu un écureuil roux grimper très vite en haut d'un sapin.",
    "Le dentiste m'a donné une brosse à dents verte et un petit miroir.",
    "Les voisins ont organisé une fête dans la cour avec de la musique et des jeux.",
    "Mon ordinateur s'est éteint tout seul parce que la batterie était vide.",
    "Ma grand-mère tricote une écharpe en laine pour chaque petit-enfant.",
    "Le train pour Lyon a eu vingt minutes de retard à cause de la neige.",
    "En rentrant de la plage, nous avions du sable jusque dans nos chaussures.",
    "Le jardinier taille les rosiers du parc au début du printemps.",
    "Léa a dessiné un dragon vert qui crache des fleurs au lieu du feu.",
    "Les enfants ont fabriqué une mangeoire pour les oiseaux avec une vieille bouteille.",
    "Nous avons acheté des pêches et des abricots chez le marchand de fruits.",
    "Le soir, on entend les grillons chanter dans les herbes hautes.",
    "Mon oncle conduit un camion et traverse souvent toute l'Europe.",
    "La piscine de la ville est fermée le lundi pour le nettoyage.",
    "J'aime l'odeur de la terre mouillée après une averse d'été.",
    "Pour aller à la plage, il faut descendre un long escalier de pierre.",
    "Les feuilles mortes craquent sous nos pieds pendant la promenade.",
    "Ma meilleure amie m'a envoyé une lettre avec un dessin de chat.",
    "Le médecin du village connaît toutes les familles depuis des années.",
    "Au zoo, nous avons regardé les singes se balancer de branche en branche.",
    "Le petit déjeuner est servi dans la cuisine à partir de sept heures.",
    "Cette année, la classe part en voyage scolaire au bord de l'océan.",
    "Paul a perdu une dent de lait en croquant dans une pomme.",
    "Les lampadaires s'allument dans la rue quand la nuit commence à tomber.",
    "Nous avons installé une tente dans le jardin pour dormir à la belle étoile.",
    "Le chef d'orchestre a levé sa baguette et tout le monde s'est tu.",
    "Mes parents boivent toujours une tisane à la menthe avant de se coucher.",
    "La neige a recouvert les toits du village pendant la nuit.",
    "On a retrouvé la clé de la cave dans la poche de mon vieux manteau.",
    "Le boulanger se lève au milieu de la nuit pour préparer les baguettes.",
    "Dans la forêt, nous avons suivi un petit sentier jusqu'à une cascade.",
    "Mon chien attend toujours devant la porte quand je rentre de l'école.",
)

#: The 30 sensible prompts in French, in the order of ``base.SENSIBLE_PROMPTS_EN``.
SENSIBLE_PROMPTS: tuple[str, ...] = (
    "La capitale de la France est",
    "L'intelligence artificielle est un",
    "Il était une fois un",
    "Le chat s'est assis sur le",
    "L'eau est composée d'",
    "Mon plat préféré est",
    "Un, deux, trois,",
    "Le soleil se lève à",
    "Lundi, mardi,",
    "2 + 2 =",
    "Le chien",
    "Le matin, je",
    "Aujourd'hui, il fait",
    "Un ordinateur est une machine qui",
    "Paris est une ville de",
    "Les chiens et les chats sont",
    "Le ciel est",
    "Elle a ouvert la porte et",
    "Le plus grand animal de l'océan est la",
    "Pour faire du thé, il faut d'abord",
    "Bonjour ! Comment",
    "Le premier mois de l'année est",
    "Le football est un",
    "La Terre tourne autour du",
    "Je m'appelle",
    "La musique est",
    "Le médecin a dit que",
    "Les arbres ont besoin d'eau et de",
    "Dix moins trois égale",
    "Le musée possède un célèbre",
)

#: Common French words for the random-word copying documents.
RANDOM_WORDS: tuple[str, ...] = tuple(
    [
        "maison",
        "chat",
        "chien",
        "arbre",
        "fleur",
        "soleil",
        "lune",
        "étoile",
        "eau",
        "pain",
        "lait",
        "fromage",
        "pomme",
        "poire",
        "orange",
        "banane",
        "fraise",
        "cerise",
        "citron",
        "tomate",
        "carotte",
        "salade",
        "soupe",
        "gâteau",
        "chocolat",
        "sucre",
        "sel",
        "beurre",
        "œuf",
        "riz",
        "pâtes",
        "viande",
        "poisson",
        "poulet",
        "table",
        "chaise",
        "lit",
        "porte",
        "fenêtre",
        "mur",
        "toit",
        "jardin",
        "rue",
        "ville",
        "village",
        "pays",
        "mer",
        "océan",
        "rivière",
        "lac",
        "montagne",
        "forêt",
        "plage",
        "île",
        "ciel",
        "nuage",
        "pluie",
        "neige",
        "vent",
        "orage",
        "froid",
        "chaud",
        "matin",
        "midi",
        "soir",
        "nuit",
        "jour",
        "semaine",
        "mois",
        "année",
        "heure",
        "minute",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "printemps",
        "été",
        "automne",
        "hiver",
        "rouge",
        "bleu",
        "vert",
        "jaune",
        "noir",
        "blanc",
        "gris",
        "rose",
        "violet",
        "marron",
        "grand",
        "petit",
        "long",
        "court",
        "beau",
        "joli",
        "nouveau",
        "vieux",
        "jeune",
        "rapide",
        "lent",
        "facile",
        "difficile",
        "heureux",
        "triste",
        "content",
        "fatigué",
        "calme",
        "gentil",
        "drôle",
        "fort",
        "doux",
        "léger",
        "lourd",
        "propre",
        "sale",
        "plein",
        "vide",
        "ouvert",
        "fermé",
        "école",
        "classe",
        "élève",
        "professeur",
        "livre",
        "cahier",
        "stylo",
        "crayon",
        "gomme",
        "règle",
        "sac",
        "cartable",
        "tableau",
        "leçon",
        "question",
        "réponse",
        "mot",
        "phrase",
        "histoire",
        "conte",
        "musique",
        "chanson",
        "piano",
        "guitare",
        "violon",
        "flûte",
        "tambour",
        "danse",
        "dessin",
        "peinture",
        "couleur",
        "musée",
        "film",
        "photo",
        "jeu",
        "ballon",
        "vélo",
        "train",
        "avion",
        "bateau",
        "voiture",
        "bus",
        "métro",
        "gare",
        "route",
        "pont",
        "chemin",
        "carte",
        "voyage",
        "valise",
        "billet",
        "hôtel",
        "marché",
        "magasin",
        "boulangerie",
        "pharmacie",
        "hôpital",
        "médecin",
        "docteur",
        "infirmier",
        "dentiste",
        "pompier",
        "facteur",
        "boulanger",
        "cuisinier",
        "jardinier",
        "pilote",
        "policier",
        "ami",
        "amie",
        "frère",
        "sœur",
        "père",
        "mère",
        "parents",
        "enfant",
        "bébé",
        "famille",
        "oncle",
        "tante",
        "cousin",
        "cousine",
        "voisin",
        "grand-mère",
        "grand-père",
        "fille",
        "garçon",
        "homme",
        "femme",
        "tête",
        "main",
        "pied",
        "bras",
        "jambe",
        "œil",
        "oreille",
        "nez",
        "bouche",
        "dent",
        "cœur",
        "ventre",
        "dos",
        "cheveux",
        "manger",
        "boire",
        "dormir",
        "courir",
        "marcher",
        "sauter",
        "nager",
        "jouer",
        "chanter",
        "danser",
        "lire",
        "écrire",
        "compter",
        "dessiner",
        "parler",
        "écouter",
        "regarder",
        "voir",
        "entendre",
        "sentir",
        "toucher",
        "penser",
        "savoir",
        "apprendre",
        "comprendre",
        "aimer",
        "adorer",
        "préférer",
        "vouloir",
        "pouvoir",
        "aller",
        "venir",
        "partir",
        "arriver",
        "entrer",
        "sortir",
        "monter",
        "descendre",
        "ouvrir",
        "fermer",
        "donner",
        "prendre",
        "mettre",
        "trouver",
        "chercher",
        "perdre",
        "oublier",
        "attendre",
        "aider",
        "travailler",
        "acheter",
        "vendre",
        "payer",
        "cuisiner",
        "laver",
        "ranger",
        "planter",
        "arroser",
        "ordinateur",
        "téléphone",
        "écran",
        "clavier",
        "souris",
        "internet",
        "robot",
        "machine",
        "programme",
        "lampe",
        "radio",
        "télévision",
        "horloge",
        "montre",
        "clé",
        "lettre",
        "cadeau",
        "fête",
        "anniversaire",
        "vacances",
        "week-end",
        "sport",
        "football",
        "tennis",
        "natation",
        "ski",
        "judo",
        "équipe",
        "match",
        "but",
        "lion",
        "tigre",
        "éléphant",
        "girafe",
        "zèbre",
        "ours",
        "loup",
        "renard",
        "lapin",
        "cheval",
        "vache",
        "mouton",
        "cochon",
        "poule",
        "canard",
        "oiseau",
        "abeille",
        "fourmi",
        "papillon",
        "grenouille",
        "serpent",
        "tortue",
        "baleine",
        "dauphin",
        "requin",
        "hibou",
        "aigle",
        "escargot",
        "hérisson",
        "singe",
        "toujours",
        "souvent",
        "parfois",
        "jamais",
        "aujourd'hui",
        "demain",
        "hier",
        "maintenant",
        "bientôt",
        "ici",
        "là-bas",
        "dehors",
        "dedans",
        "beaucoup",
        "peu",
        "très",
        "trop",
        "assez",
        "aussi",
        "encore",
        "déjà",
        "vite",
        "lentement",
        "ensemble",
        "seul",
        "bonjour",
        "merci",
        "pardon",
        "oui",
        "non",
    ]
)

#: Hand-written like GENERAL_SENTENCES, in no split: the sentences a run's temperature is fitted on
#: (glassbox.training.calibrate), so the calibration measured on GENERAL_SENTENCES is not fitted to them.
CALIBRATION_SENTENCES: tuple[str, ...] = (
    "Demain matin, nous irons chercher mamie à la gare avec la voiture de papa.",
    "Mon petit frère refuse de manger ses épinards, sauf s'il y a du fromage dessus.",
    "Est-ce que tu as pensé à fermer la fenêtre de la chambre avant de partir ?",
    "Il a plu toute la journée, alors nous avons fait un puzzle à la maison.",
    "Chloé voudrait devenir vétérinaire parce qu'elle aime soigner les animaux.",
    "Notre professeure de maths nous a rendu les contrôles et j'ai eu une bonne note.",
    "Nos voisins du troisième étage viennent d'adopter deux lapins nains.",
    "Samedi prochain, Hugo participera à son premier tournoi de tennis.",
    "Regarde, il y a un hérisson qui cherche des limaces près de la haie !",
    "« Range ta chambre avant le dîner ! » a crié maman depuis la cuisine.",
    "Nous avons pris le métro jusqu'au musée, puis longé le fleuve à pied.",
    "Ma cousine travaille dans une crèche et s'occupe de bébés de quelques mois.",
    "Quand il fait très chaud, nous baissons les stores pour garder la maison au frais.",
    "Pourquoi les feuilles des arbres changent-elles de couleur en automne ?",
    "Mon père a repeint la porte du garage en vert pendant le week-end.",
    "J'ai mal à la gorge depuis hier, donc je vais rester au lit aujourd'hui.",
    "Après quelques jours de pluie, les champignons poussent au pied des chênes.",
    "Au restaurant, Lucas a commandé une pizza aux quatre fromages et une limonade.",
    "Ce matin, un épais brouillard cachait complètement le clocher de l'église.",
    "Mes grands-parents fêteront leurs cinquante ans de mariage au mois de juin.",
    "Tous les mercredis après-midi, je vais au conservatoire pour mon cours de violon.",
    "La mairie va construire une piste cyclable le long de l'avenue principale.",
    "Tu veux venir avec nous à la fête foraine ce soir, ou tu dois réviser ?",
    "Le vétérinaire a dit que notre chat devait manger moins de croquettes.",
    "Cet été, nous avons visité un château fort avec de très hautes tours.",
    "Mon amie Inès collectionne des timbres du monde entier depuis ses huit ans.",
    "En hiver, je mets toujours un bonnet et des gants pour aller à l'école à pied.",
    "Le coiffeur m'a coupé les cheveux un peu trop court, mais ils vont repousser.",
    "Nous avons fait une tarte avec les pommes que nous avons cueillies chez ma tante.",
    "La lune était si brillante hier soir qu'on pouvait lire dehors sans lampe.",
    "Mon voisin est menuisier et il fabrique des tables et des chaises en bois massif.",
    "Au printemps, les abeilles volent de fleur en fleur pour récolter le nectar.",
    "À quelle heure part le dernier bus pour rentrer au village, s'il vous plaît ?",
    "Julie a attrapé un gros poisson, mais elle l'a remis dans l'étang.",
    "L'an prochain, mon frère aîné partira étudier dans une université à l'étranger.",
    "Ma mère m'a demandé d'aller acheter du lait et une douzaine d'œufs à l'épicerie.",
    "Les enfants ont construit une cabane dans les branches du vieux noyer.",
    "Le mécanicien a réparé les freins de la voiture en moins d'une heure.",
    "« Il faut arroser les plantes tous les deux jours », m'a expliqué ma voisine.",
    "Après le match, les joueurs de l'équipe ont partagé un grand goûter au club.",
)
