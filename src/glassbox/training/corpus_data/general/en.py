"""English everyday text of the generated corpus (glassbox-tiny v2), written by hand for this project.

The module holds entity tables with true attributes (animals, countries and cities from :mod:`..facts`,
fruit and vegetables, dishes, sports, instruments, paintings, jobs, dated events, science facts), the
building blocks of short stories and dialogues, step lists of everyday tasks, and number words. Six
generators (encyclopedia, story, dialogue, instructions, list, numbers) combine them into documents; every
list of sentence templates is drawn with :func:`base.phrase`, so the held-out split uses wordings that the
training split never shows. ``GENERAL_SENTENCES`` are hand-written held-out sentences that no generator
produces.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from glassbox.training.corpus_data.facts import ANIMALS, CITIES, CITY_COUNTRY, COUNTRIES, OBJECTS
from glassbox.training.corpus_data.general.base import SENSIBLE_PROMPTS_EN, Generator, cap, phrase
from glassbox.training.corpus_data.language import DAYS, MONTHS, NAMES

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------

_AN_EXCEPTIONS = ("uni", "use", "eu", "one", "uk")
_AN_SPECIAL = ("hour", "honest", "heir")


def _a(word: str) -> str:
    """``word`` with its indefinite article ("a dog", "an owl", "a unicorn", "an hour")."""
    low = word.lower()
    if low.startswith(_AN_SPECIAL):
        return "an " + word
    if low.startswith(_AN_EXCEPTIONS):
        return "a " + word
    return ("an " if low[:1] in "aeiou" else "a ") + word


def _low(text: str) -> str:
    """``text`` with a small first letter, unless it starts with a name or "I"."""
    first = text.split(" ", 1)[0]
    if first == "I" or first in _PROPER_STARTS or (len(first) > 1 and first[1].isupper()):
        return text
    return text[:1].lower() + text[1:]


def _and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _pick(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    """``k`` distinct items in random order."""
    return rng.sample(list(items), k)


def _fill(rng: random.Random, options: Sequence[str], heldout: bool, **slots: str) -> str:
    """A phrasing drawn with :func:`phrase`, formatted with ``slots``."""
    return phrase(rng, options, heldout).format(**slots)


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_IRREG = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _num(n: int) -> str:
    """An integer 0 … 999,999 in English words ("one hundred and twenty-three")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" and " + _num(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    if rest == 0:
        return _num(thousands) + " thousand"
    return _num(thousands) + " thousand" + (" and " if rest < 100 else " ") + _num(rest)


def _ordinal(n: int) -> str:
    """1 → "first", 21 → "twenty-first"."""
    words = _num(n)
    head, sep, last = words.rpartition("-") if "-" in words.split(" ")[-1] else words.rpartition(" ")
    if last in _ORD_IRREG:
        last = _ORD_IRREG[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last = last + "th"
    return head + sep + last


def _ordinal_digits(n: int) -> str:
    """1 → "1st", 22 → "22nd", 13 → "13th"."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# ---------------------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------------------

_FEMALE: tuple[str, ...] = (
    "Mary",
    "Anna",
    "Lucy",
    "Emma",
    "Sarah",
    "Sophie",
    "Grace",
    "Lily",
    "Mia",
    "Zoe",
    "Ella",
    "Chloe",
)
_FEMALE += ("Rose", "Alice", "Clara", "Hannah", "Olivia", "Amy", "Kate", "Laura", "Nina", "Ruth", "Jane", "Ivy")
_MALE: tuple[str, ...] = (
    "John",
    "Tom",
    "Peter",
    "David",
    "James",
    "Oliver",
    "Jack",
    "Sam",
    "Ben",
    "Leo",
    "Harry",
    "Daniel",
)
_MALE += ("Max", "Noah", "Adam", "Luke", "Mark", "Paul", "Henry", "Oscar", "Felix", "Ryan", "Alex", "Simon")
# the shared corpus names come first, so they are the most frequent ones
_EN_NAMES = tuple(n.nom for n in NAMES["en"])
_PEOPLE: tuple[tuple[str, str], ...] = tuple((n, "f" if n in _FEMALE else "m") for n in _EN_NAMES) + tuple(
    (n, g) for names, g in ((_FEMALE, "f"), (_MALE, "m")) for n in names if n not in _EN_NAMES
)
_PROPER_STARTS = frozenset(
    [p for p, _ in _PEOPLE]
    + [c.subject["en"].split(" ")[0] for c in COUNTRIES]
    + [c.subject["en"].split(" ")[0] for c in CITIES]
    + [c.answer["en"].split(" ")[0] for c in COUNTRIES]
    + ["Mr", "Mrs", "Dr", "Christopher", "Neil", "Yuri", "Alexander", "Mount", "Machu", "English", "Europe", "Asia"]
    + ["Africa", "Earth", "Mars", "Jupiter", "Venus", "Mercury", "Saturn", "Uranus", "Neptune", "Leonardo"]
)
_PRON = {"f": ("she", "her", "her", "herself"), "m": ("he", "him", "his", "himself")}


def _person(rng: random.Random, *avoid: str) -> tuple[str, str]:
    while True:
        p = rng.choice(_PEOPLE)
        if p[0] not in avoid:
            return p


_DAYS = DAYS["en"]
_MONTHS = MONTHS["en"]
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# ---------------------------------------------------------------------------------------------------------
# Encyclopedia: animals
# ---------------------------------------------------------------------------------------------------------

# name | plural | class | habitat (after "live in") | food (after "eat") | body (after "has") | sound (after "they") |
# size (after "is") | a true extra sentence
_ANIMAL_TABLE = """
dog|dogs|mammal|houses and gardens all over the world|meat, dog food and bones|four legs and a tail|bark and growl|a medium-sized animal|Dogs have a very good sense of smell and can learn many commands.
cat|cats|mammal|homes and gardens in towns and villages|meat and fish|four legs, sharp claws and long whiskers|meow and purr|a small animal|Cats sleep for many hours every day and can see well in the dark.
cow|cows|mammal|fields on farms|grass and hay|four legs and a long tail|moo|a large animal|Cows give milk, and people make cheese and butter from it.
horse|horses|mammal|fields and stables on farms|grass, hay and oats|four long legs with hard hooves|neigh|a large animal|Horses can run fast, and people have ridden them for thousands of years.
sheep|sheep|mammal|fields and hillsides|grass|four legs and a thick coat of wool|baa|a medium-sized animal|Farmers cut the wool of sheep once a year to make warm clothes.
pig|pigs|mammal|pens and fields on farms|vegetables, grain and many other foods|four short legs and a curly tail|oink and grunt|a medium-sized animal|Pigs are clever animals, and they roll in mud to stay cool.
duck|ducks|bird|ponds, lakes and rivers|plants, seeds, insects and small fish|two legs, two wings and webbed feet|quack|a small bird|The webbed feet of a duck help it to swim.
owl|owls|bird|forests and old barns|mice, insects and small birds|two legs, two wings and large eyes|hoot|a small or medium-sized bird|Owls hunt at night and can turn their heads very far.
frog|frogs|amphibian|ponds, wetlands and damp forests|insects and worms|four legs and no tail|croak|a small animal|A frog begins its life as a tadpole that lives in the water.
mouse|mice|mammal|fields, forests and houses|seeds, grain and fruit|four legs and a long thin tail|squeak|a very small animal|Mice have sharp front teeth that never stop growing.
bee|bees|insect|hives and nests|nectar and pollen from flowers|six legs and four wings|buzz|a very small insect|Bees make honey and help plants to grow fruit.
chicken|chickens|bird|henhouses on farms and in gardens|seeds, grain and insects|two legs and two wings|cluck|a small bird|Chickens lay eggs, and a male chicken is called a rooster.
elephant|elephants|mammal|the savannas and forests of Africa and Asia|grass, leaves, bark and fruit|four thick legs and a long trunk|trumpet|a huge animal|Elephants are the largest animals that live on land, and they use their trunks like hands.
lion|lions|mammal|the grasslands of Africa|meat from zebras, antelopes and buffaloes|four strong legs and sharp teeth|roar|a large animal|Lions live in family groups called prides.
tiger|tigers|mammal|the forests of Asia|meat from deer and wild pigs|four strong legs and orange fur with black stripes|roar and growl|a large animal|Tigers are the largest cats in the world.
giraffe|giraffes|mammal|the savannas of Africa|leaves from tall trees|four long legs and a very long neck|hum and snort|a very tall animal|Giraffes are the tallest animals in the world.
zebra|zebras|mammal|the grasslands of Africa|grass|four legs and black and white stripes|bark and bray|a large animal|No two zebras have exactly the same stripes.
bear|bears|mammal|forests and mountains|berries, fish, honey and small animals|four strong legs and thick fur|growl|a large animal|Many bears sleep through the winter in a den.
wolf|wolves|mammal|forests and mountains|meat|four legs and thick grey fur|howl|a medium-sized animal|Wolves live and hunt in groups called packs.
fox|foxes|mammal|forests, fields and even cities|mice, birds, fruit and insects|four legs and a bushy tail|bark and yelp|a small animal|Foxes have very good hearing and can hear a mouse under the snow.
rabbit|rabbits|mammal|fields, meadows and burrows|grass, leaves and vegetables|four legs and long ears|thump their feet on the ground|a small animal|Rabbits have strong back legs for jumping.
squirrel|squirrels|mammal|trees in parks and forests|nuts, seeds and fruit|four legs and a fluffy tail|chatter|a small animal|Squirrels hide nuts in the ground and dig them up in winter.
camel|camels|mammal|deserts|desert plants and dry grass|four long legs and one or two humps|grunt and moan|a large animal|Camels can go for many days without drinking water.
penguin|penguins|bird|the cold seas of the Southern Hemisphere|fish and krill|two short legs and two flippers|squawk and trumpet|a medium-sized bird|Penguins are birds that cannot fly, but they swim very well.
eagle|eagles|bird|mountains, forests and coasts|fish and small animals|two legs with sharp claws and two big wings|screech|a large bird|Eagles have very sharp eyes and can see small animals from high in the sky.
parrot|parrots|bird|tropical forests|seeds, nuts and fruit|two legs, two wings and a curved beak|squawk and whistle|a small bird|Some parrots can copy the words that people say.
sparrow|sparrows|bird|towns, gardens and fields|seeds and insects|two thin legs and two wings|chirp|a very small bird|Sparrows often live close to people and build nests under roofs.
shark|sharks|fish|oceans all over the world|fish, seals and other sea animals|fins and no legs||a large fish|Sharks have many rows of sharp teeth.
salmon|salmon|fish|rivers and the sea|insects, small fish and shrimp|fins and no legs||a medium-sized fish|Salmon swim up rivers to lay their eggs.
goldfish|goldfish|fish|ponds and aquariums|fish food, plants and insects|fins and no legs||a small fish|Goldfish can live for many years in a clean pond.
blue whale|blue whales|mammal|all the oceans of the world|krill, which are tiny animals like shrimp|two flippers and a huge tail|sing and moan|the largest animal in the ocean|The blue whale is the largest animal in the ocean and the largest animal that has ever lived.
dolphin|dolphins|mammal|seas and oceans|fish and squid|two flippers and a strong tail|click and whistle|a medium-sized animal|Dolphins breathe air through a blowhole on the top of their heads.
octopus|octopuses|mollusc|the sea|crabs, shrimp and small fish|eight arms and no bones||a soft sea animal|An octopus can change its colour to hide from danger.
spider|spiders|arachnid|houses, gardens and forests|insects|eight legs||a small animal|Spiders spin webs to catch insects.
ant|ants|insect|nests in the ground|seeds, insects and sweet food|six legs|| a tiny insect|Ants live in large groups called colonies and can carry things much heavier than themselves.
butterfly|butterflies|insect|gardens, meadows and forests|nectar from flowers|six legs and four colourful wings||a small insect|A butterfly begins its life as a caterpillar.
snake|snakes|reptile|forests, deserts and grasslands|mice, birds, eggs and frogs|a long body and no legs|hiss|a long and thin animal|Snakes swallow their food whole.
turtle|turtles|reptile|seas, rivers and ponds|plants, jellyfish and small animals|four legs and a hard shell||a slow animal|Turtles carry a hard shell on their backs to protect themselves.
crocodile|crocodiles|reptile|rivers and swamps in warm countries|fish, birds and other animals|four short legs and a long tail|hiss and bellow|a large animal|Crocodiles can stay under water for a long time.
goat|goats|mammal|fields, farmyards and mountains|grass, leaves and bushes|four legs and often two horns|bleat|a medium-sized animal|People make cheese from goat milk.
donkey|donkeys|mammal|fields and dry lands|grass and hay|four legs and long ears|bray|a medium-sized animal|Donkeys are strong and can carry heavy loads.
hedgehog|hedgehogs|mammal|gardens, hedges and woods|insects, worms and snails|four short legs and many sharp spines|snuffle and grunt|a small animal|A hedgehog rolls into a spiky ball when it is afraid.
bat|bats|mammal|caves, trees and old buildings|insects and fruit|two legs and two wings made of skin|squeak|a small animal|Bats are the only mammals that can really fly.
polar bear|polar bears|mammal|the Arctic, on ice and snow|seals|four strong legs and thick white fur|growl|a very large animal|Polar bears have a layer of fat that keeps them warm in the cold.
panda|pandas|mammal|the mountain forests of China|bamboo|four legs and black and white fur|bleat and squeal|a large animal|Giant pandas spend most of the day eating bamboo.
koala|koalas|mammal|eucalyptus forests in Australia|eucalyptus leaves|four legs and sharp claws for climbing|grunt|a small animal|Koalas sleep for up to twenty hours a day.
kangaroo|kangaroos|mammal|the grasslands and forests of Australia|grass and leaves|two big back legs and a strong tail|grunt and cough|a large animal|A mother kangaroo carries her baby in a pouch.
monkey|monkeys|mammal|tropical forests|fruit, leaves and insects|two arms, two legs and often a long tail|chatter and scream|a small or medium-sized animal|Many monkeys use their tails to hold on to branches.
deer|deer|mammal|forests and meadows|grass, leaves and young shoots|four thin legs and short brown fur|bellow|a large animal|Male deer grow new antlers every year.
snail|snails|mollusc|gardens, fields and damp places|leaves and other plants|one soft foot and a shell||a very small animal|A snail carries its shell on its back and moves very slowly.
"""
_ANIMAL_ROWS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _ANIMAL_TABLE.strip().splitlines()
)
_CLASS_PLURAL = {
    "mammal": "mammals",
    "bird": "birds",
    "fish": "fish",
    "reptile": "reptiles",
    "amphibian": "amphibians",
    "insect": "insects",
    "arachnid": "arachnids",
    "mollusc": "molluscs",
}
_CLASS_FACT = {
    "mammal": "mammals feed their babies with milk and most of them have hair or fur",
    "bird": "birds have feathers, wings and a beak, and they lay eggs",
    "fish": "fish live in water and breathe with gills",
    "reptile": "reptiles have dry skin covered with scales",
    "amphibian": "amphibians can live both in water and on land",
    "insect": "insects have six legs and three parts to their bodies",
    "arachnid": "arachnids have eight legs",
    "mollusc": "molluscs have soft bodies without bones",
}
_SOUNDS_FROM_FACTS = {a.subject["en"]: a.answer["en"] for a in ANIMALS}

_T_CLASS = (
    "{Pl} are {cls_pl}.",
    "The {name} is {a_cls}.",
    "{A_name} is {a_cls}.",
    "Scientists put {pl} in the group of {cls_pl}.",
    "In biology, the {name} belongs to the {cls_pl}.",
    "{Pl} belong to the group of animals called {cls_pl}.",
    "{Pl} are {cls_pl}, and {cls_fact}.",
    "The {name} is {a_cls}, and {cls_fact}.",
    "{Pl} are {cls_pl}. All {cls_pl} have something in common: {cls_fact}.",
    "Like every other animal of its group, the {name} is {a_cls}.",
)
_T_HABITAT = (
    "{Pl} live in {hab}.",
    "You can find {pl} in {hab}.",
    "{A_name} usually lives in {hab}.",
    "Most {pl} make their homes in {hab}.",
    "The natural home of {pl} is {hab}.",
    "The {name} lives in {hab}.",
    "Where do {pl} live? They live in {hab}.",
    "{Pl} are at home in {hab}.",
    "People can see {pl} in {hab}.",
    "Look for {pl} in {hab}.",
)
_T_FOOD = (
    "{Pl} eat {food}.",
    "The {name} eats {food}.",
    "{A_name} feeds on {food}.",
    "{Pl} like to eat {food}.",
    "For food, {pl} look for {food}.",
    "What do {pl} eat? They eat {food}.",
    "The food of {pl} is mostly {food}.",
    "{Pl} mostly eat {food}.",
    "{A_name} finds its food easily: it eats {food}.",
    "The diet of {pl} is mainly {food}.",
)
_T_BODY = (
    "{A_name} has {body}.",
    "{Pl} have {body}.",
    "Every {name} has {body}.",
    "The body of {a_name} has {body}.",
    "Look closely and you will see that {a_name} has {body}.",
    "The {name} has {body}.",
    "If you look at {a_name}, you see {body}.",
    "{Pl} are easy to recognise: they have {body}.",
    "A typical {name} has {body}.",
    "Take a good look at {a_name}: it has {body}.",
)
_T_SOUND = (
    "{Pl} {sound}.",
    "You can hear {pl} {sound}.",
    "When {pl} call to each other, they {sound}.",
    "{Pl} make noises: they {sound}.",
    "The sounds of {pl} are easy to know, because they {sound}.",
    "Sometimes {pl} {sound}.",
    "To talk to each other, {pl} {sound}.",
    "If you listen, you can hear how {pl} {sound}.",
    "{Pl} are not silent: they {sound}.",
    "Listen carefully and you may hear {pl} {sound}.",
)
_T_SAYS = (
    "The {name} says {o}.",
    "A {name} goes {o}.",
    "What does the {name} say? It says {o}.",
    "Children say that the {name} goes {o}.",
    "In English, we say that a {name} goes {o}.",
    "Listen to the {name}: {o}, {o}!",
    "The sound of the {name} is {o}.",
)
_T_SIZE = (
    "The {name} is {size}.",
    "{A_name} is {size}.",
    "Compared with other animals, the {name} is {size}.",
    "In size, the {name} is {size}.",
    "When it is fully grown, the {name} is {size}.",
    "An adult {name} is {size}.",
    "As for its size, the {name} is {size}.",
)
_T_EXTRA: tuple[str, ...] = (
    "{x}",
    "{x}",
    "Here is an interesting fact: {xl}",
    "Fun fact: {x}",
    "A surprising fact: {xl}",
    "Also, {xl}",
)
_T_EXTRA += (
    "Many people do not know this: {xl}",
    "One more fact: {xl}",
    "It is also true that {xl}",
    "Here is something fun: {xl}",
)
_T_ANIMAL_OPEN = (
    "The {name}",
    "All about the {name}",
    "Animals: the {name}",
    "{Pl}",
    "Facts about {pl}",
)


def _animal_doc(rng: random.Random, heldout: bool) -> str:
    name, pl, cls, hab, food, body, sound, size, extra = rng.choice(_ANIMAL_ROWS)
    slots = {
        "name": name,
        "pl": pl,
        "Pl": cap(pl),
        "a_name": _a(name),
        "A_name": cap(_a(name)),
        "cls_pl": _CLASS_PLURAL[cls],
        "a_cls": _a(cls),
        "cls_fact": _CLASS_FACT[cls],
        "hab": hab,
        "food": food,
        "body": body,
        "sound": sound,
        "size": size.strip(),
        "x": extra,
        "xl": _low(extra),
    }
    first = phrase(rng, _T_CLASS, heldout).format(**slots)
    parts = [_T_HABITAT, _T_FOOD, _T_BODY, _T_SIZE, _T_EXTRA]
    if sound:
        parts.append(_T_SOUND)
    rng.shuffle(parts)
    sents = [first] + [phrase(rng, p, heldout).format(**slots) for p in parts[: rng.randint(3, len(parts))]]
    if name in _SOUNDS_FROM_FACTS and rng.random() < 0.5:
        sents.append(phrase(rng, _T_SAYS, heldout).format(name=name, o=_SOUNDS_FROM_FACTS[name]))
    text = " ".join(sents)
    if rng.random() < 0.3:
        text = phrase(rng, _T_ANIMAL_OPEN, heldout).format(**slots) + "\n" + text
    return text


# ---------------------------------------------------------------------------------------------------------
# Encyclopedia: countries and cities (consistent with facts.py)
# ---------------------------------------------------------------------------------------------------------

# key | continent | languages | an optional true extra sentence
_COUNTRY_INFO_TABLE = """
france|Europe|French|The Eiffel Tower in Paris is one of the most famous buildings in the world.
germany|Europe|German|Germany has more people than any other country in the European Union.
italy|Europe|Italian|On a map, Italy looks like a boot.
spain|Europe|Spanish|Spain is famous for its sunny beaches and for a rice dish called paella.
japan|Asia|Japanese|Japan is made up of thousands of islands, and its highest mountain is Mount Fuji.
china|Asia|Chinese|The Great Wall of China is thousands of kilometres long.
russia|Europe and Asia|Russian|Russia is the largest country in the world by area.
ukraine|Europe|Ukrainian|Ukraine has large fields of wheat and sunflowers.
czechia|Europe|Czech|Czechia has many old castles.
poland|Europe|Polish|The longest river in Poland is the Vistula.
egypt|Africa|Arabic|The river Nile flows through Egypt, and the famous pyramids stand near Cairo.
canada|North America|English and French|Canada is the second largest country in the world by area.
brazil|South America|Portuguese|A large part of the Amazon rainforest is in Brazil.
argentina|South America|Spanish|The Andes mountains run along the west of Argentina.
austria|Europe|German|Austria has many high mountains, which are part of the Alps.
hungary|Europe|Hungarian|The river Danube flows through Budapest.
greece|Europe|Greek|Greece has thousands of islands and a very long history.
portugal|Europe|Portuguese|Portugal lies on the coast of the Atlantic Ocean.
norway|Europe|Norwegian|Norway is famous for its long, narrow bays called fjords.
sweden|Europe|Swedish|Sweden has many forests and lakes.
finland|Europe|Finnish and Swedish|Finland has tens of thousands of lakes.
ireland|Europe|Irish and English|Ireland is an island with many green fields.
india|Asia|Hindi, English and many other languages|India has one of the largest populations in the world.
kenya|Africa|Swahili and English|Kenya is known for its national parks, where lions, elephants and giraffes live.
peru|South America|Spanish and Quechua|The old city of Machu Picchu stands high in the mountains of Peru.
chile|South America|Spanish|Chile is a very long and narrow country.
turkey|Europe and Asia|Turkish|The city of Istanbul lies on two continents.
thailand|Asia|Thai|Thailand is famous for its beaches and its temples.
australia|Oceania|English|Kangaroos and koalas live in Australia.
korea|Asia|Korean|South Korea lies on a peninsula in East Asia.
vietnam|Asia|Vietnamese|Rice is grown in many fields in Vietnam.
iran|Asia|Persian|Iran has a very long history and many old cities.
cuba|North America|Spanish|Cuba is the largest island in the Caribbean Sea.
belgium|Europe|Dutch, French and German|Belgium is famous for its chocolate.
netherlands|Europe|Dutch|The Netherlands is famous for its windmills, tulips and bicycles.
denmark|Europe|Danish|Denmark has a very long coast and many islands.
switzerland|Europe|German, French, Italian and Romansh|Switzerland has many high mountains, which are part of the Alps.
morocco|Africa|Arabic and Berber|Part of the Sahara Desert lies in Morocco.
indonesia|Asia|Indonesian|Indonesia is made up of thousands of islands.
romania|Europe|Romanian|The Carpathian Mountains cross Romania.
"""
_COUNTRY_INFO = {
    parts[0]: parts[1:]
    for parts in (tuple(f.strip() for f in line.split("|")) for line in _COUNTRY_INFO_TABLE.strip().splitlines())
}
_THE_COUNTRIES = ("netherlands",)


def _cname(key: str) -> str:
    """The English country name as it stands inside a sentence ("the Netherlands")."""
    name = _COUNTRY_BY_KEY[key].subject["en"]
    return "the " + name if key in _THE_COUNTRIES else name


_COUNTRY_BY_KEY = {c.key: c for c in COUNTRIES}
_CITIES_OF: dict[str, tuple[str, ...]] = {
    c.key: tuple(city.subject["en"] for city in CITIES if CITY_COUNTRY[city.key] == c.key) for c in COUNTRIES
}
_COUNTRY_KEYS = tuple(c.key for c in COUNTRIES)

_T_CAPITAL = (
    "The capital of {c} is {cap}.",
    "{Cap} is the capital of {c}.",
    "{C} has its capital in {cap}.",
    "The main city and capital of {c} is {cap}.",
    "The largest political centre of {c} is its capital, {cap}.",
    "The capital of {c} is the city of {cap}.",
    "{C} is a country, and its capital is {cap}.",
    "Q: What is the capital of {c}? A: {cap}.",
    "If you ask what the capital of {c} is, the answer is {cap}.",
    "{Cap} is the capital city of {c}.",
    "{Cap} is a city in {c}, and it is the capital.",
)
_T_CONTINENT = (
    "{C} is a country in {cont}.",
    "{C} lies in {cont}.",
    "{C} is in {cont}.",
    "You can find {c} on the map of {cont}.",
    "On the map, {c} is part of {cont}.",
    "{C} is one of the countries of {cont}.",
    "The country of {c} is in {cont}.",
    "Geographically, {c} belongs to {cont}.",
    "{C} is a country that lies in {cont}.",
    "If you look at a map of {cont}, you will find {c} there.",
)
_T_LANGUAGE = (
    "People in {c} speak {lang}.",
    "In {c}, people speak {lang}.",
    "Most people in {c} speak {lang}.",
    "{C} is a country where people speak {lang}.",
    "If you travel to {c}, you will hear people speak {lang}.",
    "The people of {c} speak {lang}.",
    "The language spoken in {c}: {lang}.",
    "In schools in {c}, children learn in {lang}.",
    "Everyday life in {c} happens in {lang}.",
    "Visitors to {c} hear {lang} in the streets.",
)
_T_OTHER_CITY = (
    "{city} is another city in {c}.",
    "Another big city in {c} is {city}.",
    "{city} is also in {c}.",
    "{city} is a city in {c}, too.",
    "Besides the capital, {c} has other cities, such as {city}.",
    "Many people in {c} live in {city}.",
    "The city of {city} is in {c} as well.",
    "{city} is one of the cities of {c}.",
    "There is also a city called {city} in {c}.",
    "Travellers in {c} often visit {city} too.",
)
_T_COUNTRY_OPEN = (
    "{C}",
    "About {c}",
    "Countries of the world: {c}",
    "{C}: a short description",
    "A country called {c}",
)


def _country_doc(rng: random.Random, heldout: bool) -> str:
    key = rng.choice(_COUNTRY_KEYS)
    c = _cname(key)
    cont, lang, extra = _COUNTRY_INFO[key]
    capital = _COUNTRY_BY_KEY[key].answer["en"]
    s = {"c": c, "C": cap(c), "cap": capital, "Cap": capital, "cont": cont, "lang": lang}
    parts = [_T_CAPITAL, _T_CONTINENT, _T_LANGUAGE]
    rng.shuffle(parts)
    sents = [phrase(rng, p, heldout).format(**s) for p in parts]
    for city in _pick(rng, _CITIES_OF[key], min(len(_CITIES_OF[key]), rng.randint(0, 2))):
        sents.append(phrase(rng, _T_OTHER_CITY, heldout).format(city=city, **s))
    if rng.random() < 0.8:
        sents.insert(rng.randint(1, len(sents)), phrase(rng, _T_EXTRA, heldout).format(x=extra, xl=_low(extra)))
    text = " ".join(sents)
    if rng.random() < 0.3:
        text = phrase(rng, _T_COUNTRY_OPEN, heldout).format(**s) + "\n" + text
    return text


_T_CITY = (
    "{city} is a city in {c}.",
    "{city} can be found in {c}.",
    "The city of {city} is located in {c}.",
    "{city} is one of the cities of {c}.",
    "You can visit {city} when you travel to {c}.",
    "{city} is in {c}.",
    "{city} is a big city in {c}.",
    "Q: In which country is {city}? A: In {c}.",
    "{city} is a well-known city in {c}.",
    "On a map, {city} is inside {c}.",
)
_T_CITY_HOP = (
    "The capital of {c} is {cap}.",
    "The capital of the country where {city} is located is {cap}.",
    "{city} is not the capital of {c}; the capital is {cap}.",
    "The capital of {c}, however, is {cap}.",
    "The capital of its country is {cap}.",
    "But the capital of {c} is another city: {cap}.",
    "{cap} is the capital of {c}.",
)
_T_CAPITAL_CITY = (
    "{cap} is a city in {c}. It is the capital of the country.",
    "{cap} is the capital and a large city of {c}.",
    "The city of {cap} is the capital of {c}.",
    "{cap} is in {c}, and it is the capital.",
    "{cap} is the most important city of {c}, because it is the capital.",
    "{cap} is a city in {c}, where the government of the country meets.",
    "As the capital of {c}, {cap} is a busy city.",
)
_T_CITY_LIFE = (
    "Like many cities, {city} has shops, schools, parks and museums.",
    "Many people live and work in {city}.",
    "Every year, many tourists come to {city}.",
    "There are buses, cars and bicycles in the streets of {city}.",
    "Visitors to {city} like to walk through its old streets.",
    "{city} has busy streets and quiet parks.",
    "People in {city} go to work, to school and to the shops every day.",
    "In the evening, the lights of {city} shine brightly.",
    "Some people in {city} travel to work by train.",
    "{city} has markets where people buy fresh food.",
)


def _city_doc(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.3:
        key = rng.choice(_COUNTRY_KEYS)
        city = _COUNTRY_BY_KEY[key].answer["en"]
        c = _cname(key)
        sents = [phrase(rng, _T_CAPITAL_CITY, heldout).format(cap=city, c=c)]
    else:
        ent = rng.choice(CITIES)
        key = CITY_COUNTRY[ent.key]
        city, c = ent.subject["en"], _cname(key)
        cap_ = _COUNTRY_BY_KEY[key].answer["en"]
        sents = [
            phrase(rng, _T_CITY, heldout).format(city=city, c=c),
            phrase(rng, _T_CITY_HOP, heldout).format(city=city, c=c, cap=cap_),
        ]
    cont, lang, _extra = _COUNTRY_INFO[key]
    for p in _pick(rng, _T_CITY_LIFE_GROUPS, rng.randint(1, 2)):
        sents.append(phrase(rng, p, heldout).format(city=city))
    sents.append(phrase(rng, _T_LANGUAGE, heldout).format(c=_cname(key), C=cap(_cname(key)), lang=lang, cont=cont))
    return " ".join(sents)


_T_CITY_LIFE_GROUPS = (_T_CITY_LIFE, _T_CITY_LIFE[5:] + _T_CITY_LIFE[:5])


# ---------------------------------------------------------------------------------------------------------
# Encyclopedia: facts as "subject | verb phrase", told in many frames
# ---------------------------------------------------------------------------------------------------------

_FACT_TOPICS_SPEC: dict[str, str] = {
    "Pets": """
dogs and cats|are the most popular pets in many countries
dogs and cats|are mammals
dogs and cats|need food, fresh water and care every day
the dog|is often called the best friend of people
the dog|was one of the first animals that people kept
dogs|need to go for a walk every day
cats|like to sleep in warm and quiet places
a pet|needs a vet when it is ill
goldfish|can live in a large bowl or in a garden pond
rabbits and guinea pigs|are small pets that eat vegetables and hay
""",
    "The sea": """
the largest animal in the ocean|is the blue whale
the blue whale|is the largest animal in the ocean
the ocean|is home to fish, whales, dolphins and many other animals
sea water|is salty
coral reefs|are home to many colourful fish
an octopus|has eight arms
whales and dolphins|are mammals, not fish
the deepest place in the ocean|is the Mariana Trench in the Pacific Ocean
""",
    "Water": """
water|is made of hydrogen and oxygen
water|is made of two gases, hydrogen and oxygen
water|boils at 100 degrees Celsius at sea level
water|freezes at 0 degrees Celsius and turns into ice
a water molecule|has two hydrogen atoms and one oxygen atom
water|covers about seventy per cent of the surface of the Earth
all living things|need water to live
water|turns into steam when it boils
ice|is water in its solid form
clean water|has no colour, no taste and no smell
most of the water on the Earth|is salty water in the oceans
rivers|carry water from the hills and mountains to the sea
more than half of the human body|is made of water
""",
    "The Sun": """
the Sun|is a star
the Sun|rises in the east and sets in the west
the Sun|rises in the east every morning
the sun|rises in the east and sets in the west
the Sun|gives the Earth light and heat
the Sun|is much bigger than the Earth
light from the Sun|takes about eight minutes to reach the Earth
the Sun|is at the centre of the solar system
the Sun|is made mostly of hydrogen and helium
nobody|should ever look straight at the Sun, because it can hurt the eyes
the Sun|is the closest star to the Earth
""",
    "The Earth": """
the Earth|goes around the Sun
the Earth|goes around the Sun once a year
the Earth|takes about 365 days to go around the Sun
the Earth|turns around once a day, and this gives us day and night
the Earth|is the third planet from the Sun
the Earth|has one moon
the Earth|is the only planet where we know that life exists
the Earth|is shaped almost like a ball
the layer of air around the Earth|is called the atmosphere
the Earth|has seven continents and five oceans
the Pacific Ocean|is the largest ocean on the Earth
""",
    "The Moon": """
the Moon|goes around the Earth
the Moon|takes about a month to go around the Earth
the Moon|has no air to breathe
the Moon|shines because it reflects the light of the Sun
the first people|walked on the Moon in 1969
the Moon|seems to change its shape during the month
the Moon|is much smaller than the Earth
the pull of the Moon|causes the tides of the sea
""",
    "The planets": """
there|are eight planets in the solar system
the planets|go around the Sun
Mercury|is the planet closest to the Sun
Jupiter|is the largest planet in the solar system
Mars|is often called the red planet
Saturn|has beautiful rings made of ice and rock
Venus|is the hottest planet in the solar system
Neptune|is the planet farthest from the Sun
the eight planets|are Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune
the Earth|is the planet between Venus and Mars
""",
    "Plants": """
plants|need water and sunlight to grow
trees|need water and sunlight to grow
trees|need water, air and light to live
plants|make their own food from sunlight, water and air
the leaves of most plants|are green
the roots of a plant|take water from the soil
many plants|grow from seeds
flowers|help plants to make seeds
trees|give us wood, fruit and shade
trees and other plants|make oxygen, which people and animals breathe
some trees|live for thousands of years
a seed|needs water, warmth and soil to start growing
grass|is green because of a substance called chlorophyll
""",
    "Air and weather": """
the air|is made mostly of nitrogen and oxygen
people and animals|need oxygen to live
wind|is air that moves
the sky|is blue on a clear day
the sky|looks blue because the air scatters the blue part of sunlight
clouds|are made of tiny drops of water or bits of ice
rain|falls from clouds
snow|falls when the air is very cold
a rainbow|appears when sunlight shines through drops of rain
a rainbow|has seven colours: red, orange, yellow, green, blue, indigo and violet
thunder|is the sound that lightning makes
a thermometer|measures temperature
the weather|can be sunny, cloudy, rainy, windy or snowy
weather forecasters|tell us what the weather will be like
fog|is a cloud that is very close to the ground
""",
    "The seasons": """
a year|has four seasons: spring, summer, autumn and winter
winter|is the coldest season of the year
summer|is the warmest season of the year
in spring, many plants|begin to grow, and flowers open
in autumn, the leaves of many trees|turn yellow, red and brown and fall to the ground
in many northern countries, winter|brings snow and ice
the seasons|change because the Earth is tilted as it goes around the Sun
in the north of the world, summer|comes in June, July and August
days|are long in summer and short in winter
when it is summer in Europe, it|is winter in Australia
""",
    "The human body": """
the heart|pumps blood around the body
the brain|controls the whole body
an adult human|has 206 bones
the lungs|take in air when we breathe
people|have five senses: sight, hearing, smell, taste and touch
the skin|is the largest organ of the human body
teeth|help us to bite and chew food
muscles|help us to move
the stomach|helps to digest food
blood|carries oxygen to every part of the body
children|have twenty baby teeth, and adults usually have thirty-two teeth
the eyes|let us see colours and shapes
""",
    "Health": """
doctors|help people who are ill
sleep|helps the body and the brain to rest
children|need more sleep than adults
regular exercise|keeps the heart and the muscles strong
washing your hands with soap|removes germs
fruit and vegetables|are good for your health
drinking enough water|is important for good health
brushing your teeth twice a day|keeps them healthy
a nurse|looks after patients in a hospital
a fever|is a high body temperature and often a sign of illness
fresh air and sunshine|are good for the body
a good breakfast|gives you energy for the morning
""",
    "Artificial intelligence": """
artificial intelligence|is a field of computer science that builds machines that can learn
artificial intelligence|is a technology that lets computers do tasks that normally need human thinking
artificial intelligence|is a branch of computer science
artificial intelligence|is a way of making computers learn from examples
artificial intelligence|is often called AI for short
AI systems|learn from examples and data
a language model|is a kind of artificial intelligence that predicts the next word in a text
language models|learn from large amounts of text
AI|can help doctors to read medical images
AI|can translate text from one language into another
AI|can recognise faces, voices and objects in pictures
AI|is used in phones, cars and online shops
AI|can make mistakes, so people should check its answers
a neural network|is a computer program made of many small connected parts, a little like the brain
researchers|study how to make artificial intelligence safe and useful
""",
    "Computers": """
a computer|is a machine that processes information
a computer|is a machine that stores and processes information
a computer|is a machine that follows instructions called programs
computers|can do millions of calculations every second
a computer|has a processor, memory and storage
the keyboard and the mouse|are used to give commands to a computer
a program|is a list of instructions for a computer
programmers|write programs in programming languages
the first electronic computers|were as big as a room
computers|store information as ones and zeros
a laptop|is a small computer that you can carry
""",
    "The internet and machines": """
the internet|is a huge network that connects computers all over the world
the internet|lets people send messages, read news and watch videos
e-mail|is a way to send messages over the internet
a website|is a collection of pages on the internet
a search engine|helps people to find information on the internet
people|should keep their passwords secret
a mobile phone|lets people talk to each other from far away
a smartphone|is a small computer that is also a phone
a robot|is a machine that can do work by itself
robots|build cars in many factories
some robots|clean floors or help in hospitals
a robot|uses sensors to find out what is around it
""",
    "Music": """
music|is the art of arranging sounds in time
music|is made with voices and instruments
music|can make people happy, calm or excited
music|has rhythm, melody and harmony
people|have made music for thousands of years
an orchestra|is a large group of musicians who play together
a choir|is a group of people who sing together
a composer|is a person who writes music
Mozart|was a famous composer from Austria
Beethoven|was a German composer who kept writing music after he became deaf
music|is written down with notes on five lines called a staff
""",
    "Art and museums": """
a museum|is a building where people can see art, old objects or science
a painter|uses brushes and paints to make pictures
a sculptor|makes statues from stone, wood or metal
the Louvre in Paris|is one of the largest art museums in the world
the Mona Lisa|is a famous painting by Leonardo da Vinci
the Mona Lisa|hangs in the Louvre in Paris
many museums|have famous paintings, statues and old objects
an art gallery|is a place where paintings are shown
the three primary colours in painting|are red, yellow and blue
mixing blue and yellow|gives green
""",
    "The calendar": """
a week|has seven days
a year|has twelve months
a normal year|has 365 days, and a leap year has 366 days
January|is the first month of the year
December|is the last month of the year
February|is the shortest month of the year
a day|has twenty-four hours
an hour|has sixty minutes
a minute|has sixty seconds
Saturday and Sunday|are called the weekend
a leap year|usually comes once every four years
the new year|begins on the first of January
Monday|is the first day of the working week
""",
    "Food": """
fruit|is the part of a plant that holds the seeds
bread|is made from flour, water and yeast
cheese|is made from milk
butter|is made from cream
honey|is made by bees
chocolate|is made from cocoa beans, the seeds of the cacao tree
rice|is the main food of billions of people
pasta|is made from flour and water, and sometimes eggs
the basic tastes|include sweet, sour, salty and bitter
lemons|taste sour
sugar|tastes sweet
vegetables|give the body vitamins and fibre
milk|contains calcium, which makes bones strong
""",
}
_FACT_TOPICS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = tuple(
    (title, tuple((s.strip(), vp.strip()) for s, vp in (line.split("|") for line in spec.strip().splitlines())))
    for title, spec in _FACT_TOPICS_SPEC.items()
)

_T_FACT = (
    "{S} {vp}.",
    "{S} {vp}.",
    "We know that {s} {vp}.",
    "It is true that {s} {vp}.",
    "Every school book says that {s} {vp}.",
    "{S} {vp}.",
    "Have you heard that {s} {vp}?",
    "At school, children learn that {s} {vp}.",
    "Here is a simple fact: {s} {vp}.",
    "A teacher might explain that {s} {vp}.",
    "{S} {vp}.",
    "Remember that {s} {vp}.",
    "{S} {vp}.",
    "Many people know that {s} {vp}.",
    "As you may know, {s} {vp}.",
    "{S} {vp}.",
    "It is a well-known fact that {s} {vp}.",
    "{S} {vp}.",
    "Scientists tell us that {s} {vp}.",
    "It is worth knowing that {s} {vp}.",
    "{S} {vp}.",
    "This is important: {s} {vp}.",
    "{S} {vp}.",
    "You may have heard that {s} {vp}.",
    "Let us remember one thing: {s} {vp}.",
)
_T_TOPIC_INTRO = (
    "{T}",
    "All about {t}",
    "Learning about {t}",
    "A short text about {t}",
    "Let us learn about {t}",
    "{T}: the basics",
    "Facts about {t}",
    "What we know about {t}",
    "A page about {t}",
    "Some facts about {t}",
)


def _fact_sentence(rng: random.Random, heldout: bool, subject: str, vp: str) -> str:
    return phrase(rng, _T_FACT, heldout).format(S=cap(subject), s=subject, vp=vp)


def _facts_doc(rng: random.Random, heldout: bool) -> str:
    title, facts = rng.choice(_FACT_TOPICS)
    chosen = _pick(rng, facts, min(len(facts), rng.randint(4, 7)))
    sents = [_fact_sentence(rng, heldout, s, vp) for s, vp in chosen]
    text = " ".join(sents)
    if rng.random() < 0.4:
        t = "the " + title[4:] if title.startswith("The ") else title[:1].lower() + title[1:]
        intro = phrase(rng, _T_TOPIC_INTRO, heldout).format(T=title, t=t)
        text = intro + "\n" + text
    return text


# ---------------------------------------------------------------------------------------------------------
# Encyclopedia: fruit, vegetables and dishes
# ---------------------------------------------------------------------------------------------------------

# name | plural | fruit/vegetable | colour | taste | where it grows
_PRODUCE_TABLE = """
apple|apples|fruit|red, green or yellow|sweet or a little sour|on trees
banana|bananas|fruit|yellow when ripe|sweet and soft|on large plants in warm countries
orange|oranges|fruit|orange|sweet and juicy|on trees in warm places
lemon|lemons|fruit|yellow|very sour|on trees in warm places
strawberry|strawberries|fruit|red|sweet|on small plants close to the ground
grape|grapes|fruit|green, red or purple|sweet|on vines
cherry|cherries|fruit|dark red|sweet|on trees
pear|pears|fruit|green or yellow|sweet and juicy|on trees
watermelon|watermelons|fruit|green outside and red inside|sweet and full of water|on long vines on the ground
pineapple|pineapples|fruit|brown outside and yellow inside|sweet and a little sour|on plants in tropical countries
peach|peaches|fruit|orange, pink and yellow|sweet and juicy|on trees
plum|plums|fruit|purple, red or yellow|sweet|on trees
mango|mangoes|fruit|green, yellow or red|very sweet|on trees in hot countries
blueberry|blueberries|fruit|dark blue|sweet|on bushes
kiwi|kiwis|fruit|brown outside and green inside|sweet and a little sour|on climbing plants
raspberry|raspberries|fruit|red|sweet|on bushes
carrot|carrots|vegetable|orange|sweet and crunchy|under the ground
potato|potatoes|vegetable|brown or yellow|mild|under the ground
tomato|tomatoes|vegetable|red|juicy and a little sour|on plants in sunny gardens
cucumber|cucumbers|vegetable|green|fresh and mild|on climbing plants
onion|onions|vegetable|white, yellow or red|strong|under the ground
cabbage|cabbages|vegetable|green or purple|mild|in fields and gardens
pea|peas|vegetable|green|sweet|in pods on climbing plants
pepper|peppers|vegetable|red, green or yellow|sweet or hot|on small plants
pumpkin|pumpkins|vegetable|orange|sweet|on long vines on the ground
lettuce|lettuces|vegetable|green|fresh and mild|in gardens and fields
garlic bulb|garlic bulbs|vegetable|white|very strong|under the ground
beetroot|beetroots|vegetable|dark red|sweet and earthy|under the ground
courgette|courgettes|vegetable|green|mild|on large plants in gardens
radish|radishes|vegetable|red and white|a little hot|under the ground
bean|beans|vegetable|green|mild|in pods on climbing plants
"""
_PRODUCE: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _PRODUCE_TABLE.strip().splitlines()
)
_FRUITS = tuple(p for p in _PRODUCE if p[2] == "fruit")
_VEGETABLES = tuple(p for p in _PRODUCE if p[2] == "vegetable")

_T_PRODUCE_KIND = (
    "{Pl} are {kind_pl}.",
    "The {n} is {a_kind}.",
    "{A_n} is {a_kind}.",
    "People eat {pl} as {a_kind}.",
    "Cooks treat the {n} as {a_kind}.",
    "{Pl} are a kind of {kind}.",
    "The {n} is a popular {kind}.",
    "Many people like {pl}, which are {kind_pl}.",
    "{Pl} are well-known {kind_pl}.",
    "In the kitchen, {pl} count as {kind_pl}.",
)
_T_PRODUCE_COLOUR = (
    "{Pl} are {col}.",
    "The colour of {pl} is {col}.",
    "{A_n} is usually {col}.",
    "Most {pl} are {col}.",
    "If you look at {a_n}, you see that it is {col}.",
    "What colour are {pl}? They are {col}.",
    "A ripe {n} is {col}.",
    "The {n} is {col}.",
    "{Pl} come in these colours: {col}.",
    "In the shop, {pl} look {col}.",
)
_T_PRODUCE_TASTE = (
    "{Pl} taste {taste}.",
    "The taste of {pl} is {taste}.",
    "{A_n} tastes {taste}.",
    "People say that {pl} taste {taste}.",
    "When you bite into {a_n}, it tastes {taste}.",
    "Fresh {pl} taste {taste}.",
    "How do {pl} taste? They taste {taste}.",
    "The {n} has a taste that is {taste}.",
    "A fresh {n} tastes {taste}.",
    "Try {a_n}: it tastes {taste}.",
)
_T_PRODUCE_GROWS = (
    "{Pl} grow {grows}.",
    "The {n} grows {grows}.",
    "Farmers grow {pl} {grows}.",
    "{Pl} are grown {grows}.",
    "In nature, {pl} grow {grows}.",
    "Where do {pl} grow? They grow {grows}.",
    "You can find {pl} growing {grows}.",
    "{A_n} grows {grows}.",
    "Gardeners grow {pl} {grows}.",
    "{Pl} come from plants that grow {grows}.",
)
_T_PRODUCE_USE = (
    "People eat {pl} raw or cooked.",
    "You can put {pl} in a salad or in a soup.",
    "{Pl} are healthy, because they have many vitamins.",
    "Many children like {pl}.",
    "{Pl} are good for your health.",
    "Shops and markets sell {pl} all year round.",
    "{Pl} are full of vitamins.",
    "Some people eat {pl} every day.",
    "Doctors say that {pl} are good for you.",
    "You can buy {pl} at the market.",
)


def _produce_doc(rng: random.Random, heldout: bool) -> str:
    n, pl, kind, col, taste, grows = rng.choice(_PRODUCE)
    s = {
        "n": n,
        "pl": pl,
        "Pl": cap(pl),
        "a_n": _a(n),
        "A_n": cap(_a(n)),
        "kind": kind,
        "kind_pl": kind + "s" if kind == "vegetable" else "fruits",
        "a_kind": _a(kind),
        "col": col,
        "taste": taste,
        "grows": grows,
    }
    parts = [_T_PRODUCE_COLOUR, _T_PRODUCE_TASTE, _T_PRODUCE_GROWS, _T_PRODUCE_USE]
    rng.shuffle(parts)
    sents = [phrase(rng, _T_PRODUCE_KIND, heldout).format(**s)]
    sents += [phrase(rng, p, heldout).format(**s) for p in parts[: rng.randint(2, 4)]]
    return " ".join(sents)


# dish | what it is | from (country or "") | made with
_DISH_TABLE = """
pizza|a flat round bread baked with toppings|Italy|dough, tomato sauce and cheese
pasta|a food made from flour and water, often with eggs|Italy|flour, water and often eggs
sushi|a dish of rice with fish or vegetables|Japan|rice, vinegar, fish and seaweed
paella|a rice dish cooked in a wide pan|Spain|rice, vegetables, seafood or chicken and saffron
borscht|a soup made with beetroot|Ukraine|beetroot, cabbage, potatoes and often meat
goulash|a thick stew with paprika|Hungary|beef, onions and paprika
dumplings|small pieces of dough filled with meat or vegetables|China|dough and a filling of meat or vegetables
croissant|a soft pastry shaped like a half moon|France|flour, butter and yeast
curry|a dish cooked in a spicy sauce|India|vegetables or meat, spices and often rice
pancakes|thin flat cakes cooked in a pan||flour, milk and eggs
an omelette|a dish of beaten eggs fried in a pan||eggs, a little butter and salt
soup|a warm liquid food||water, vegetables and sometimes meat
salad|a cold dish of fresh vegetables||lettuce, tomatoes, cucumbers and oil
ice cream|a cold and sweet dessert||milk, cream and sugar
bread|a basic food baked in an oven||flour, water and yeast
porridge|a warm breakfast food||oats and milk or water
tacos|folded tortillas with a filling||corn tortillas, meat or beans and vegetables
apple pie|a sweet baked dessert||apples, flour, butter and sugar
"""
_DISHES: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _DISH_TABLE.strip().splitlines()
)
_PLURAL_DISHES = ("dumplings", "pancakes", "tacos")
_T_DISH_WHAT = (
    "{D} {is} {what}.",
    "{D} {is} {what}.",
    "People know {d} as {what}.",
    "{D} {is} {what}, and many people love {it}.",
    "Simply put, {d} {is} {what}.",
    "{D} {is} {what}, and {it_} {is} very popular.",
    "{D} {is} a well-known dish: {what}.",
)
_T_DISH_FROM = (
    "{D} comes from {c}.",
    "The dish {d} comes from {c}.",
    "{D} {was} first made in {c}.",
    "People in {c} have eaten {d} for a long time.",
    "The home country of {d} is {c}.",
    "{D} {is} a traditional dish of {c}.",
    "{D} {is} famous in {c}.",
)
_T_DISH_MADE = (
    "To make {d}, you need {ing}.",
    "{D} {is} made with {ing}.",
    "The main ingredients of {d} are {ing}.",
    "Cooks make {d} from {ing}.",
    "You make {d} with {ing}.",
    "The recipe for {d} uses {ing}.",
    "For {d}, you need {ing}.",
)
_T_FAV_FOOD = (
    "My favourite food is {d}.",
    "Many children say that their favourite food is {d}.",
    "For many people, {d} {is} their favourite food.",
    "{D} {is} a favourite food in many homes.",
    "Ask people about their favourite food, and some will say {d}.",
    "Lots of people love {d}.",
    "Some people eat {d} every week.",
)


def _dish_doc(rng: random.Random, heldout: bool) -> str:
    sents = []
    for d, what, c, ing in _pick(rng, _DISHES, rng.randint(1, 2)):
        pl = d in _PLURAL_DISHES
        s = {"d": d, "D": cap(d), "what": what, "c": c, "ing": ing, "is": "are" if pl else "is"}
        s |= {"was": "were" if pl else "was", "it": "them" if pl else "it", "it_": "they" if pl else "it"}
        group = [_T_DISH_MADE, _T_FAV_FOOD] + ([_T_DISH_FROM] if c else [])
        rng.shuffle(group)
        sents.append(phrase(rng, _T_DISH_WHAT, heldout).format(**s))
        sents += [phrase(rng, p, heldout).format(**s) for p in group]
    return " ".join(sents)


# ---------------------------------------------------------------------------------------------------------
# Encyclopedia: sport, instruments, paintings, jobs, history
# ---------------------------------------------------------------------------------------------------------

# sport | kind | players ("" for individual sports) | equipment | how it is played | extra
_SPORT_TABLE = """
football|a team sport|two teams of eleven players|a ball and two goals|players kick the ball and try to score goals|Football is the most popular sport in the world.
basketball|a team sport|two teams of five players|a ball and two high hoops|players try to throw the ball through a hoop called a basket|Basketball was invented in 1891 by a teacher named James Naismith.
tennis|a racket sport|two or four players|rackets, a ball and a net|players hit the ball over a net|A famous tennis tournament is played every summer at Wimbledon in London.
volleyball|a team sport|two teams of six players|a ball and a high net|players hit the ball over the net with their hands and arms|Beach volleyball is played on sand.
ice hockey|a team sport played on ice|two teams of six players|skates, sticks and a small rubber disc called a puck|players try to hit the puck into the other team's goal|Ice hockey is very popular in Canada, Finland and Czechia.
baseball|a team sport|two teams of nine players|a bat, a ball and gloves|players hit the ball and run around four bases|Baseball is very popular in the United States and Japan.
rugby|a team sport|two teams of fifteen players|an oval ball|players carry, pass and kick the ball|In rugby, players may only pass the ball backwards with their hands.
handball|a team sport|two teams of seven players|a ball and two goals|players throw the ball into the goal|Handball is a fast game played indoors.
swimming|an individual sport||a pool, a swimsuit and goggles|swimmers race through the water|Swimming is good exercise for the whole body.
running|an individual sport||good running shoes|runners race over short or long distances|The marathon is a running race of about forty-two kilometres.
cycling|a popular sport||a bicycle and a helmet|cyclists race on roads or tracks|The Tour de France is a famous cycling race.
skiing|a winter sport||skis, boots and poles|skiers slide down snowy mountains|Skiing is popular in the Alps.
chess|a board game and a mind sport|two players|a board with sixty-four squares and thirty-two pieces|each player tries to checkmate the other player's king|Each chess player starts the game with sixteen pieces.
golf|a sport played outdoors||clubs and a small ball|players try to hit the ball into holes with as few strokes as possible|A golf course usually has eighteen holes.
table tennis|a racket sport|two or four players|small bats, a light ball and a table with a net|players hit the ball back and forth across the table|Table tennis is also called ping-pong.
"""
_SPORTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _SPORT_TABLE.strip().splitlines()
)
_T_SPORT_KIND = (
    "{S} is {kind}.",
    "{S} is {kind}.",
    "{S} is known as {kind}.",
    "People all over the world enjoy {s}, which is {kind}.",
    "In short, {s} is {kind}.",
    "{S} is {kind} that many people love.",
    "{S} is {kind} with many fans.",
)
_T_SPORT_PLAYERS = (
    "{S} is played by {players}.",
    "A game of {s} is played by {players}.",
    "In {s}, there are {players}.",
    "A match of {s} has {players}.",
    "{S} needs {players}.",
    "Each game of {s} has {players}.",
    "When people play {s}, there are {players}.",
)
_T_SPORT_EQ = (
    "For {s}, you need {eq}.",
    "To play {s}, you need {eq}.",
    "The equipment for {s} is {eq}.",
    "People who do {s} use {eq}.",
    "You cannot do {s} without {eq}.",
    "The things you need for {s} are {eq}.",
    "Before you start {s}, get {eq}.",
)
_T_SPORT_HOW = (
    "In {s}, {how}.",
    "In a game of {s}, {how}.",
    "The idea of {s} is simple: {how}.",
    "When people play {s}, {how}.",
    "Here is how {s} works: {how}.",
    "In {s}, the rule is that {how}.",
    "During {s}, {how}.",
)


def _sport_doc(rng: random.Random, heldout: bool) -> str:
    sp, kind, players, eq, how, extra = rng.choice(_SPORTS)
    s = {"s": sp, "S": cap(sp), "kind": kind, "players": players, "eq": eq, "how": how}
    groups = [_T_SPORT_EQ, _T_SPORT_HOW] + ([_T_SPORT_PLAYERS] if players else [])
    rng.shuffle(groups)
    sents = [phrase(rng, _T_SPORT_KIND, heldout).format(**s)] + [phrase(rng, g, heldout).format(**s) for g in groups]
    sents.insert(rng.randint(1, len(sents)), phrase(rng, _T_EXTRA, heldout).format(x=extra, xl=_low(extra)))
    return " ".join(sents)


# instrument | family | how to play it (a clause) | extra ("" if none)
_INSTRUMENT_TABLE = """
piano|a keyboard instrument|you press its keys, and small hammers hit strings inside|A piano usually has eighty-eight keys.
guitar|a string instrument|you pluck or strum its strings with your fingers|Most guitars have six strings.
violin|a string instrument|you play it with a bow or pluck its strings|A violin has four strings.
cello|a string instrument|you sit down, hold it between your knees and play it with a bow|The cello is bigger than the violin and has a deeper sound.
double bass|a string instrument|you stand or sit on a high stool and play it with a bow or with your fingers|The double bass is the largest string instrument in an orchestra.
harp|a string instrument|you pluck its many strings with your fingers|A concert harp has forty-seven strings.
flute|a woodwind instrument|you blow air across a hole near one end|The flute can play very high notes.
clarinet|a woodwind instrument|you blow through a mouthpiece with a thin reed|The clarinet is usually made of wood or plastic.
saxophone|a woodwind instrument|you blow through a mouthpiece with a reed and press its keys|The saxophone is made of metal, but it belongs to the woodwind family.
recorder|a woodwind instrument|you blow into it and cover its holes with your fingers|Many children learn to play the recorder at school.
trumpet|a brass instrument|you buzz your lips into the mouthpiece and press its three valves|The trumpet has a bright and loud sound.
trombone|a brass instrument|you buzz your lips into the mouthpiece and move a long slide|The trombone changes its notes with a slide.
drum|a percussion instrument|you hit it with sticks or with your hands|Drums keep the rhythm in many bands.
xylophone|a percussion instrument|you hit its wooden bars with small hammers|Each bar of a xylophone plays a different note.
organ|a keyboard instrument|you press its keys, and air flows through its pipes|Large organs are often found in churches and concert halls.
accordion|a portable instrument with bellows|you squeeze and pull its bellows while you press keys or buttons|The accordion is popular in folk music.
"""
_INSTRUMENTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _INSTRUMENT_TABLE.strip().splitlines()
)
_T_INSTR_KIND = (
    "The {i} is {fam}.",
    "{A_i} is {fam}.",
    "The {i} belongs to the instruments of its family: it is {fam}.",
    "Musicians describe the {i} as {fam}.",
    "In an orchestra or a band, the {i} counts as {fam}.",
    "The {i} is a musical instrument. It is {fam}.",
    "{A_i} is a musical instrument, {fam}.",
)
_T_INSTR_HOW = (
    "To play the {i}, {how}.",
    "When you play the {i}, {how}.",
    "You play the {i} like this: {how}.",
    "Playing the {i} is not hard to explain: {how}.",
    "How do you play the {i}? {How}.",
    "To make a sound on the {i}, {how}.",
    "If you want to play the {i}, {how}.",
)
_T_MUSIC_LIKE = (
    "{name} plays the {i} every day.",
    "{name} is learning to play the {i}.",
    "Many people enjoy the sound of the {i}.",
    "{name} wants to play the {i} in a band one day.",
    "Some music schools teach the {i} to young children.",
    "{name} has played the {i} since childhood.",
    "Music is more fun when you can play an instrument like the {i}.",
)


def _instrument_doc(rng: random.Random, heldout: bool) -> str:
    sents = []
    for i, fam, how, extra in _pick(rng, _INSTRUMENTS, rng.randint(1, 2)):
        s = {"i": i, "A_i": cap(_a(i)), "fam": fam, "how": how, "How": cap(how), "name": _person(rng)[0]}
        sents.append(phrase(rng, _T_INSTR_KIND, heldout).format(**s))
        sents.append(phrase(rng, _T_INSTR_HOW, heldout).format(**s))
        if extra and rng.random() < 0.7:
            sents.append(phrase(rng, _T_EXTRA, heldout).format(x=extra, xl=_low(extra)))
        if rng.random() < 0.5:
            sents.append(phrase(rng, _T_MUSIC_LIKE, heldout).format(**s))
    return " ".join(sents)


# painting | painter | museum | city
_PAINTING_TABLE = """
the Mona Lisa|Leonardo da Vinci|the Louvre|Paris
The Starry Night|Vincent van Gogh|the Museum of Modern Art|New York
The Night Watch|Rembrandt|the Rijksmuseum|Amsterdam
Girl with a Pearl Earring|Johannes Vermeer|the Mauritshuis|The Hague
The Birth of Venus|Sandro Botticelli|the Uffizi Gallery|Florence
Las Meninas|Diego Velázquez|the Prado Museum|Madrid
Guernica|Pablo Picasso|the Reina Sofía Museum|Madrid
The Kiss|Gustav Klimt|the Belvedere|Vienna
The Persistence of Memory|Salvador Dalí|the Museum of Modern Art|New York
The Garden of Earthly Delights|Hieronymus Bosch|the Prado Museum|Madrid
The Hay Wain|John Constable|the National Gallery|London
The Scream|Edvard Munch|the National Museum|Oslo
"""
_PAINTINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _PAINTING_TABLE.strip().splitlines()
)
_T_PAINTING = (
    "{M} in {city} has a famous painting: {p} by {painter}.",
    "The museum has a famous painting called {p}, by {painter}.",
    "{P} is a famous painting by {painter}.",
    "{Painter} painted {p}.",
    "{P} hangs in {m} in {city}.",
    "Visitors to {m} in {city} can see {p}.",
    "The famous painting {p} was made by {painter}.",
    "{P}, a painting by {painter}, is kept in {m}.",
    "In {m}, people stand in front of {p} for a long time.",
    "You can see {p}, painted by {painter}, in {city}.",
)
_T_MUSEUM = (
    "A museum is a building where people look at art, history or science.",
    "Many museums are free for children.",
    "In a museum, visitors must not touch the paintings.",
    "Museums look after old and beautiful things so that people can see them.",
    "A guide in the museum tells visitors about the paintings.",
    "Some museums are so big that you need a whole day to see everything.",
    "Art museums show paintings, drawings and statues.",
    "Schools often take children to museums.",
    "Museums keep their paintings safe from light and dust.",
    "A museum shop sells postcards of famous paintings.",
)


def _painting_doc(rng: random.Random, heldout: bool) -> str:
    sents = []
    for p, painter, m, city in _pick(rng, _PAINTINGS, rng.randint(2, 3)):
        s = {"p": p, "P": cap(p), "painter": painter, "Painter": painter, "m": m, "M": cap(m), "city": city}
        sents.append(phrase(rng, _T_PAINTING, heldout).format(**s))
    sents.insert(rng.randint(0, len(sents)), phrase(rng, _T_MUSEUM, heldout))
    return " ".join(sents)


# job | plural | where they work | what they do (third person singular)
_JOB_TABLE = """
doctor|doctors|in a hospital or a clinic|helps people who are ill and tells them how to get better
nurse|nurses|in a hospital|looks after patients and helps doctors
teacher|teachers|at a school|teaches children to read, write and count
farmer|farmers|on a farm|grows crops and looks after animals
baker|bakers|in a bakery|bakes bread, rolls and cakes
cook|cooks|in a kitchen|prepares food for other people
firefighter|firefighters|at a fire station|puts out fires and rescues people
police officer|police officers|at a police station and in the streets|keeps people safe and helps when there is trouble
pilot|pilots|in the cockpit of a plane|flies planes and carries passengers safely
bus driver|bus drivers|on a bus|drives passengers around the town
builder|builders|on building sites|builds houses, schools and bridges
postman|postmen|at the post office and in the streets|delivers letters and parcels
dentist|dentists|at a dental clinic|looks after people's teeth
vet|vets|at an animal clinic|helps animals that are ill or hurt
scientist|scientists|in a laboratory|does experiments to learn how the world works
engineer|engineers|in offices, factories and building sites|designs machines, roads and bridges
programmer|programmers|at a computer|writes programs that tell computers what to do
librarian|librarians|in a library|helps people to find books and information
mechanic|mechanics|in a garage|repairs cars and other machines
hairdresser|hairdressers|in a hair salon|cuts and styles people's hair
gardener|gardeners|in gardens and parks|plants flowers and looks after trees and lawns
architect|architects|in an office|designs buildings
astronaut|astronauts|in space|travels in a spacecraft and works on a space station
fisherman|fishermen|on boats at sea|catches fish
shop assistant|shop assistants|in a shop|helps customers and sells things
journalist|journalists|at newspapers, radio and television stations|writes and reports the news
waiter|waiters|in a restaurant|brings food and drinks to the tables
"""
_JOBS: tuple[tuple[str, ...], ...] = tuple(
    tuple(f.strip() for f in line.split("|")) for line in _JOB_TABLE.strip().splitlines()
)
_T_JOB_WHAT = (
    "{A_j} {what}.",
    "A person who {what} is called {a_j}.",
    "This is an important job: {a_j} {what}.",
    "What does {a_j} do? {A_j} {what}.",
    "Every day, {a_j} {what}.",
    "{A_j} is a person who {what}.",
    "In this job, {a_j} {what}.",
    "{A_j} is someone who {what}.",
    "We need {pl}, because {a_j} {what}.",
    "Here is what {a_j} does: he or she {what}.",
)
_T_JOB_WHERE = (
    "{Pl} work {where}.",
    "{A_j} works {where}.",
    "Most {pl} work {where}.",
    "You can meet {a_j} {where}.",
    "The workplace of {a_j} is {where}.",
    "{A_j} usually works {where}.",
    "Where do {pl} work? They work {where}.",
    "Many {pl} spend their working day {where}.",
    "{Pl} can be found {where}.",
    "The place where {pl} work is {where}.",
)
_T_JOB_PERSON = (
    "{name} is {a_j}.",
    "{name} works as {a_j}.",
    "{name} wanted to become {a_j}, and now {pr} is one.",
    "{name} has been {a_j} for many years.",
    "When {name} grows up, {pr} wants to be {a_j}.",
    "{name}'s mother is {a_j}.",
    "{name}'s father works as {a_j}.",
    "{name} likes {poss} job as {a_j}.",
    "{name} is a very good {j}.",
    "{name} became {a_j} last year.",
)


def _job_doc(rng: random.Random, heldout: bool) -> str:
    sents = []
    for j, pl, where, what in _pick(rng, _JOBS, rng.randint(1, 3)):
        name, g = _person(rng)
        pr, _obj, poss, _self = _PRON[g]
        s = {"j": j, "pl": pl, "Pl": cap(pl), "a_j": _a(j), "A_j": cap(_a(j)), "where": where, "what": what}
        s |= {"name": name, "pr": pr, "poss": poss}
        sents.append(phrase(rng, _T_JOB_WHAT, heldout).format(**s))
        sents.append(phrase(rng, _T_JOB_WHERE, heldout).format(**s))
        if rng.random() < 0.6:
            sents.append(phrase(rng, _T_JOB_PERSON, heldout).format(**s))
    return " ".join(sents)


# year | what happened (a clause in the past tense)
_HISTORY_TABLE = """
1215|the Magna Carta was agreed in England
1492|Christopher Columbus sailed across the Atlantic Ocean to the Americas
1666|the Great Fire of London destroyed a large part of the city
1776|the United States declared its independence
1789|the French Revolution began
1876|Alexander Graham Bell received a patent for the telephone
1889|the Eiffel Tower was completed in Paris
1896|the first modern Olympic Games took place in Athens
1903|the Wright brothers made the first powered flight in an aeroplane
1912|the Titanic sank in the Atlantic Ocean
1914|the First World War began
1918|the First World War ended
1928|Alexander Fleming discovered penicillin
1945|the Second World War ended
1946|one of the first electronic computers, called ENIAC, was presented to the public
1953|scientists described the double helix shape of DNA
1957|the Soviet Union launched Sputnik, the first artificial satellite
1961|Yuri Gagarin became the first person to travel into space
1969|the first people walked on the Moon
1989|the Berlin Wall fell
1990|Germany was reunited
1991|Ukraine declared its independence
1991|the first website went online
1993|Czechia and Slovakia became two separate countries
1997|a computer called Deep Blue beat the world chess champion
2002|euro coins and banknotes came into use in many European countries
2007|the first iPhone went on sale
2016|a program called AlphaGo beat one of the best players of the game of Go
"""
_HISTORY: tuple[tuple[int, str], ...] = tuple(
    (int(y), e.strip()) for y, e in (line.split("|") for line in _HISTORY_TABLE.strip().splitlines())
)
_T_HISTORY = (
    "In {y}, {e}.",
    "{E} in {y}.",
    "It was in {y} that {e}.",
    "The year {y} is remembered because {e}.",
    "Back in {y}, {e}.",
    "In the year {y}, {e}.",
    "{y} was the year when {e}.",
    "History books tell us that in {y}, {e}.",
    "People still remember that in {y}, {e}.",
    "Something important happened in {y}: {e}.",
)
_T_HISTORY_OPEN = (
    "Here are some important dates in history.",
    "History is full of important events.",
    "Some years are remembered for a long time.",
    "Let us look at a few events from the past.",
    "These events changed the world.",
    "Here is a short timeline.",
    "Many important things happened in the past.",
    "Here are some dates that every student should know.",
    "This is a short list of events from history.",
    "Every year in history has its own story.",
)
_T_HISTORY_AGO = (
    "That was {n} years before {now}.",
    "It happened {n} years before the year {now}.",
    "From that year to {now}, {n} years passed.",
    "Between that event and {now}, there are {n} years.",
    "Counting from then to {now} gives {n} years.",
    "From then until {now}, {n} years went by.",
    "The gap between that year and {now} is {n} years.",
)


def _history_doc(rng: random.Random, heldout: bool) -> str:
    events = _pick(rng, _HISTORY, rng.randint(3, 5))
    if rng.random() < 0.6:
        events.sort()
    sents = [phrase(rng, _T_HISTORY_OPEN, heldout)]
    for y, e in events:
        sents.append(phrase(rng, _T_HISTORY, heldout).format(y=y, e=e, E=cap(e)))
    if rng.random() < 0.4:
        y = events[-1][0]
        now = rng.choice((2020, 2021, 2022, 2023, 2024))
        sents.append(phrase(rng, _T_HISTORY_AGO, heldout).format(n=now - y, now=now))
    return " ".join(sents)


_ENCYCLOPEDIA_BUILDERS: tuple[tuple[Generator, int], ...] = (
    (_animal_doc, 20),
    (_country_doc, 12),
    (_city_doc, 8),
    (_facts_doc, 28),
    (_produce_doc, 7),
    (_dish_doc, 5),
    (_sport_doc, 6),
    (_instrument_doc, 4),
    (_painting_doc, 3),
    (_job_doc, 5),
    (_history_doc, 4),
)
_ENC_FUNCS = tuple(f for f, _ in _ENCYCLOPEDIA_BUILDERS)
_ENC_WEIGHTS = tuple(w for _, w in _ENCYCLOPEDIA_BUILDERS)


def encyclopedia(rng: random.Random, heldout: bool) -> str:
    """A short encyclopedic paragraph on one subject."""
    builder = rng.choices(_ENC_FUNCS, _ENC_WEIGHTS)[0]
    text = builder(rng, heldout)
    while len(text) < 200:
        text += "\n\n" + builder(rng, heldout)
    return text


# ---------------------------------------------------------------------------------------------------------
# Stories
# ---------------------------------------------------------------------------------------------------------

_DESC_F: tuple[str, ...] = (
    "little girl",
    "young woman",
    "kind old woman",
    "curious girl",
    "brave princess",
    "clever girl",
)
_DESC_F += ("shy girl", "young painter", "cheerful grandmother", "girl with red hair")
_DESC_M: tuple[str, ...] = (
    "little boy",
    "young man",
    "kind old man",
    "curious boy",
    "brave prince",
    "clever boy",
    "poor fisherman",
)
_DESC_M += ("young farmer", "cheerful grandfather", "shy boy")
_ANIMAL_HEROES: tuple[str, ...] = (
    "little rabbit",
    "small fox",
    "tiny mouse",
    "young bear",
    "little duck",
    "kitten",
    "puppy",
)
_ANIMAL_HEROES += ("curious cat", "old dog", "little owl", "small hedgehog", "young squirrel")
_ANIMAL_NAMES = ("Pip", "Bella", "Coco", "Rusty", "Luna", "Benny", "Daisy", "Tiny", "Snowy", "Milo", "Poppy", "Toby")

# where (after "lived") | a sentence about the place
_STORY_PLACES = (
    ("in a small village near the sea", "Every morning, fishing boats sailed out of the little harbour."),
    ("in a big, busy city", "The streets were full of cars, buses and people."),
    ("on a farm in the hills", "There were cows, sheep and chickens on the farm."),
    ("in a house at the edge of a forest", "Tall old trees grew right behind the house."),
    ("in a little house in the mountains", "In winter, deep snow covered the mountains."),
    ("in a flat above a bakery", "Every morning, the whole flat smelled of fresh bread."),
    ("near a quiet lake", "Ducks and swans swam on the lake all day long."),
    ("in a small town with an old clock tower", "The clock in the tower rang every hour."),
    ("in a cottage in the woods", "Birds sang in the trees around the cottage."),
    ("on a small island", "All around the island, there was nothing but the blue sea."),
    ("in a yellow house on a long street", "Children played football in the street after school."),
    ("in a village by a river", "An old stone bridge crossed the river in the middle of the village."),
)
_T_OPENING = (
    "Once upon a time, there was {desc} who lived {where}.",
    "Once upon a time, there was {desc}. {He} lived {where}.",
    "Long ago, {desc} lived {where}.",
    "There was once {desc} who lived {where}.",
    "In a land far away, {desc} lived {where}.",
    "This is a story about {desc} who lived {where}.",
    "Not long ago, {desc} lived {where}.",
    "Many years ago, {desc} lived {where}.",
    "Once upon a time, {desc} lived {where}.",
    "Our story begins {where}, where {desc} lived.",
    "Once upon a time, there was {desc}, and {he} lived {where}.",
    "{Name} lived {where}.",
    "A long time ago, {desc} lived {where}.",
    "Let me tell you about {desc} who lived {where}.",
    "Some time ago, {desc} lived {where}.",
)
_T_NAMED = (
    "{kind} named {name}",
    "{kind} called {name}",
    "{kind} named {name}",
    "{kind} called {name}",
    "{kind} whose name was {name}",
)
_HOBBIES = (
    "play in the garden",
    "read books about faraway lands",
    "draw pictures of animals",
    "help in the kitchen",
    "walk by the river",
    "sing songs",
    "look at the stars at night",
    "build things out of wood",
    "collect pretty stones",
    "play with the neighbours' children",
    "watch the birds",
    "ride an old blue bicycle",
    "listen to stories",
    "pick flowers in the meadow",
)
_T_DAILY = (
    "Every day, {name} liked to {hobby}.",
    "{Name} loved to {hobby}.",
    "More than anything, {name} liked to {hobby}.",
    "{He} spent many happy hours trying to {hobby}.",
    "Each afternoon, {name} went out to {hobby}.",
    "{Name}'s favourite thing was to {hobby}.",
    "On most days, {he} wanted to {hobby}.",
    "When the weather was nice, {name} liked to {hobby}.",
    "{Name} always found time to {hobby}.",
    "Nothing made {name} happier than to {hobby}.",
)
_FURNITURE = ("mat", "sofa", "windowsill", "rug", "chair", "bed", "table", "doorstep")
_T_PET = (
    "{Name} had a cat. The cat sat on the {f} all day.",
    "The cat sat on the {f} and watched {name}.",
    "{Name}'s old cat sat on the {f} and purred.",
    "In the corner, the cat sat on the {f} and slept.",
    "A grey cat sat on the {f} by the door and looked at {name}.",
    "The family dog slept on the {f}.",
    "The cat sat on the {f} in the warm sunshine.",
    "A fat ginger cat lay on the {f} and did not move.",
    "{Name}'s dog liked to sleep on the {f}.",
    "The little cat jumped up and sat on the {f}.",
)

_STORY_OBJECTS: tuple[str, ...] = (
    "red ball",
    "favourite hat",
    "old key",
    "blue scarf",
    "little toy boat",
    "book of stories",
)
_STORY_OBJECTS += ("silver ring", "green kite", "wooden whistle", "yellow umbrella")

# each scenario: problem, attempts, solution — each a list of phrasings with {name} {Name} {he} {He} {him} {his} {friend} {obj}
_SCENARIOS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (
            "One day, {name} lost {his} {obj}.",
            "One morning, {name} could not find {his} {obj} anywhere.",
            "Then something sad happened: {name}'s {obj} was gone.",
            "One afternoon, {name} looked for {his} {obj}, but it was not in its place.",
            "Sadly, one day the {obj} disappeared.",
            "But one day, the {obj} was missing.",
        ),
        (
            "{He} looked under the bed and behind the door, but the {obj} was not there.",
            "{He} searched the whole house from top to bottom.",
            "{He} asked {friend} for help, and they looked everywhere together.",
            "{He} walked back along the path and looked carefully at the ground.",
            "{He} checked every corner, one by one.",
            "{He} looked in the kitchen, in the garden and even in the shed.",
        ),
        (
            "At last, {he} found the {obj} under a pile of leaves in the garden.",
            "In the end, {friend} found the {obj} behind the sofa.",
            "Finally, the {obj} turned up in {his} coat pocket.",
            "After a long search, {he} saw the {obj} under the table.",
            "The {obj} was in the garden all along, next to the old tree.",
            "Then {he} remembered that {he} had left the {obj} at {friend}'s house, and there it was.",
        ),
    ),
    (
        (
            "One day, {name} wanted to bake a cake for {friend}'s birthday.",
            "{Friend}'s birthday was coming, and {name} decided to bake a cake.",
            "One spring morning, {name} had an idea: a birthday cake for {friend}!",
            "It was almost {friend}'s birthday, so {name} wanted to make a special cake.",
            "The next day was {friend}'s birthday, and {name} planned a surprise cake.",
            "{Name} wanted to surprise {friend} with a cake on {friend}'s birthday.",
        ),
        (
            "{He} mixed flour, sugar, eggs and butter in a big bowl.",
            "{He} put the cake in the oven, but {he} forgot the sugar.",
            "The first cake was burnt, so {he} had to start again.",
            "{He} asked {his} grandmother how to bake a good cake.",
            "The kitchen was soon covered in flour.",
            "{He} read the recipe very carefully this time.",
        ),
        (
            "The second cake was soft and sweet, and {friend} loved it.",
            "In the end, the cake was perfect, and everybody ate a big piece.",
            "{Friend} smiled when {name} brought in the cake with candles on it.",
            "At the party, {friend} said it was the best cake in the world.",
            "The cake was a little crooked, but it tasted wonderful.",
            "Everyone sang happy birthday, and {friend} blew out the candles.",
        ),
    ),
    (
        (
            "One evening, {name} went into the forest and could not find the way home.",
            "One day, {name} walked too far and got lost in the woods.",
            "On the way back from the market, {name} took a new path and got lost.",
            "It was getting dark, and {name} did not know which way to go.",
            "Suddenly {name} realised that every tree looked the same.",
            "One autumn day, {name} followed a butterfly and lost the path.",
        ),
        (
            "{He} sat down on a log and tried to stay calm.",
            "{He} listened carefully and heard the sound of a river.",
            "{He} climbed a small hill to look around.",
            "An owl hooted in a tree, and {name} felt a little afraid.",
            "{He} remembered that the river flowed past the village.",
            "{He} followed the stars, just as {his} grandfather had taught {him}.",
        ),
        (
            "At last, {he} saw the lights of home between the trees.",
            "{He} followed the river and soon reached the village.",
            "Then {friend} came along with a lantern and showed {him} the way home.",
            "After a long walk, {he} was home again, tired but safe.",
            "Soon {he} saw the old bridge and knew the way home.",
            "Finally {he} found the path again and ran all the way home.",
        ),
    ),
    (
        (
            "{Name} wanted to learn to ride a bicycle.",
            "For {his} birthday, {name} got a new bicycle, but {he} could not ride it yet.",
            "All the other children could ride a bicycle, but {name} could not.",
            "One summer, {name} decided that it was time to learn to ride a bicycle.",
            "{Name} really wished {he} could ride a bicycle like {friend}.",
            "{Name} had a shiny bicycle, but riding it was very hard.",
        ),
        (
            "At first, {he} fell off again and again.",
            "{Friend} held the back of the seat and ran next to {him}.",
            "{He} practised every afternoon in the park.",
            "Once {he} fell and hurt {his} knee, but {he} did not give up.",
            "Slowly, {he} learned to keep {his} balance.",
            "{He} tried again, and again, and again.",
        ),
        (
            "After a week, {name} could ride all the way around the park.",
            "One day, {friend} let go, and {name} rode alone without noticing.",
            "Soon {he} was riding faster than anyone in the street.",
            "In the end, {he} rode to school on {his} bicycle every day.",
            "By the end of the summer, {name} was riding happily with {his} friends.",
            "At last, the bicycle went straight, and {name} laughed with joy.",
        ),
    ),
    (
        (
            "One windy day, {name}'s {obj} got stuck in a tall tree.",
            "On a windy afternoon, a strong gust blew {name}'s {obj} into the branches of an oak.",
            "Suddenly the wind carried the {obj} away, high up into a tree.",
            "The {obj} flew out of {name}'s hands and landed on a high branch.",
            "Oh no! The {obj} was caught in the top of the old tree.",
            "Then the wind took the {obj} and dropped it into a tree.",
        ),
        (
            "{He} jumped as high as {he} could, but {he} could not reach it.",
            "{He} tried to shake the tree, but it was much too big.",
            "{He} threw a ball at the branch, but nothing happened.",
            "{He} asked {friend} to help, but {friend} was too short as well.",
            "{He} stood under the tree and did not know what to do.",
            "{He} tried to climb the tree, but the branches were too high.",
        ),
        (
            "Then a kind neighbour came with a long ladder and got the {obj} down.",
            "At last, the wind blew again, and the {obj} fell right into {his} arms.",
            "In the end, {friend}'s father used a long stick to free the {obj}.",
            "Finally, a firefighter with a ladder helped to get the {obj} back.",
            "A squirrel ran along the branch, and the {obj} dropped to the ground.",
            "Luckily, a tall gardener reached up and handed the {obj} back to {him}.",
        ),
    ),
    (
        (
            "One day, there was a race at school, and {name} wanted to win.",
            "The school sports day was coming, and {name} hoped to run fast.",
            "{Name} wanted to take part in the big race in the park.",
            "Every year the village had a race, and this year {name} decided to run.",
            "{Name} had never won a race, but this time {he} wanted to try.",
            "The teacher said there would be a race on {day}, and {name} felt excited.",
        ),
        (
            "{He} trained every morning before breakfast.",
            "{He} ran around the park with {friend} every evening.",
            "{He} ate good food and went to bed early.",
            "On the day of the race, {his} legs were shaking.",
            "Some children laughed, but {name} kept on training.",
            "{His} coach told {him} to breathe slowly and keep going.",
        ),
        (
            "{He} did not win, but {he} ran faster than ever before.",
            "To everyone's surprise, {name} crossed the line first.",
            "{He} came second, and {he} was very proud of {himself}.",
            "In the end, {name} and {friend} finished the race together, hand in hand.",
            "{He} finished the race, and everyone clapped.",
            "{He} won a small medal, which {he} kept for many years.",
        ),
    ),
    (
        (
            "In spring, {name} wanted to grow flowers in the garden.",
            "One day, {name} found a small bag of seeds in a drawer.",
            "{Name}'s garden had no flowers, and {he} wanted to change that.",
            "{Friend} gave {name} a packet of sunflower seeds.",
            "{Name} decided to plant a little vegetable garden.",
            "One morning, {name} wanted to grow {his} own tomatoes.",
        ),
        (
            "{He} dug small holes in the soil and put the seeds in them.",
            "Every day, {he} watered the seeds and waited.",
            "For many days, nothing happened, and {name} felt sad.",
            "{He} pulled out the weeds and kept the soil wet.",
            "{He} made a little fence so that the rabbits could not eat the plants.",
            "Then one morning, {he} saw tiny green shoots.",
        ),
        (
            "By the summer, the garden was full of bright flowers.",
            "The sunflowers grew taller than {name}.",
            "Soon there were red tomatoes, and {name} shared them with {friend}.",
            "In the end, the little garden became the most beautiful in the street.",
            "The plants needed water and sunlight, and they grew big and strong.",
            "By August, {he} could pick fresh vegetables every day.",
        ),
    ),
    (
        (
            "One evening, {name} heard a knock at the door.",
            "Suddenly, there was a loud knock at the door.",
            "One night, something was scratching at the door.",
            "Late in the afternoon, the doorbell rang.",
            "Someone knocked three times at the door.",
            "That morning, {name} heard a strange noise outside.",
        ),
        (
            "{He} opened the door and saw a little wet kitten on the doorstep.",
            "{He} opened the door and saw {friend} standing in the rain.",
            "{He} opened the door slowly and saw a big parcel.",
            "{He} opened the door and saw an old man with a kind smile.",
            "{He} opened the door and looked outside, but nobody was there.",
            "{He} opened the door and found a basket of apples.",
        ),
        (
            "{Name} gave the kitten some warm milk, and it stayed with {him} for ever.",
            "{Friend} came in, and they drank hot tea together by the fire.",
            "Inside the parcel, there was a letter and a book from {his} aunt.",
            "It was only the wind, and {name} laughed at {himself}.",
            "The old man was a traveller, and he told wonderful stories all evening.",
            "The apples were a present from the neighbours, and {name} made a pie.",
        ),
    ),
    (
        (
            "On the first day at a new school, {name} did not know anyone.",
            "{Name} moved to a new town and felt lonely.",
            "At school, {name} sat alone at lunch.",
            "{Name} was new in the class and felt shy.",
            "After moving house, {name} missed {his} old friends.",
            "Nobody in the new class talked to {name} on the first day.",
        ),
        (
            "Then {friend} sat down next to {him} and said hello.",
            "{Friend} asked if {name} wanted to play football.",
            "{He} saw that {friend} was reading the same book as {him}.",
            "In art class, {friend} lent {him} a pencil.",
            "The teacher asked {name} and {friend} to work together.",
            "At break, {friend} shared an apple with {him}.",
        ),
        (
            "Soon {name} and {friend} were best friends.",
            "From then on, they walked to school together every day.",
            "After that, school was never lonely again.",
            "By the end of the week, {name} had many new friends.",
            "They played together every afternoon and laughed a lot.",
            "{Name} and {friend} stayed friends for the rest of their lives.",
        ),
    ),
    (
        (
            "One day, {name} felt ill and had a high temperature.",
            "One morning, {name} woke up with a sore throat.",
            "After playing in the rain, {name} caught a bad cold.",
            "{Name} had a bad cough and could not go to school.",
            "One day, {name} fell in the playground and hurt {his} arm.",
            "On {day}, {name} had a headache and felt very tired.",
        ),
        (
            "{His} mother took {him} to the doctor.",
            "The doctor listened to {his} chest and looked at {his} throat.",
            "The doctor said that {name} needed to rest and drink a lot of water.",
            "The doctor said that it was nothing serious.",
            "The doctor gave {him} some medicine and told {him} to stay in bed.",
            "The doctor said that {he} should sleep a lot and eat warm soup.",
        ),
        (
            "After a few days in bed, {name} felt much better.",
            "Soon {he} was healthy again and back at school.",
            "{Friend} brought {his} homework and a card that said get well soon.",
            "By the weekend, {name} was running and playing again.",
            "{He} took the medicine, rested, and was well again within a week.",
            "A week later, {his} arm was fine, and {he} could play again.",
        ),
    ),
)
_T_FEELING = (
    "{Name} was very happy.",
    "{Name} smiled from ear to ear.",
    "{Name} felt proud and happy.",
    "How happy {name} was!",
    "{Name}'s heart was full of joy.",
    "{Name} laughed and clapped {his} hands.",
    "{Name} felt warm and happy inside.",
    "It was the happiest day of {name}'s life.",
    "{Name} could not stop smiling.",
    "Joy filled {name}'s heart.",
)
_T_ENDING = (
    "From that day on, {name} was never sad again.",
    "And they lived happily ever after.",
    "The end.",
    "That night, {name} went to bed with a big smile.",
    "And that is the end of the story.",
    "{Name} never forgot that day.",
    "From then on, {name} and {friend} were always together.",
    "It had been a long day, and {name} slept very well that night.",
    "Years later, {name} still told this story to {his} children.",
    "And so the story ends, happily.",
    "The next day, {name} told everyone what had happened.",
    "{Name} learned that it is good to ask for help.",
    "Sometimes, a small problem can lead to a happy day.",
    "The sun was setting, and {name} went home happy.",
    "Everybody agreed it had been a wonderful day.",
)
_T_FRIEND_INTRO = (
    "{Name}'s best friend was {friend}.",
    "{Name} had a good friend called {friend}.",
    "{Friend} lived next door and was {name}'s best friend.",
    "{Name} and {friend} had been friends for years.",
    "{Friend} was {name}'s oldest friend.",
    "{Name} often played with {friend}, who lived nearby.",
    "{Friend} and {name} went to the same school.",
    "{Name} had a friend named {friend}.",
    "{Friend} often visited {name} after school.",
    "The best friend of {name} was a child called {friend}.",
)


def story(rng: random.Random, heldout: bool) -> str:
    """A short story with a character, a place, a problem and an ending."""
    if rng.random() < 0.3:
        name = rng.choice(_ANIMAL_NAMES)
        g = rng.choice("fm")
        kind = _a(rng.choice(_ANIMAL_HEROES))
    else:
        name, g = _person(rng)
        kind = _a(rng.choice(_DESC_F if g == "f" else _DESC_M))
    friend = _person(rng, name)[0]
    he, him, his, himself = _PRON[g]
    where, place_sent = rng.choice(_STORY_PLACES)
    desc = phrase(rng, _T_NAMED, heldout).format(kind=kind, name=name)
    s = {"name": name, "Name": name, "he": he, "He": cap(he), "him": him, "his": his, "His": cap(his)}
    s |= {"himself": himself, "friend": friend, "Friend": friend, "desc": desc, "where": where}
    s |= {"obj": rng.choice(_STORY_OBJECTS), "day": rng.choice(_DAYS), "hobby": rng.choice(_HOBBIES)}
    s |= {"f": rng.choice(_FURNITURE)}
    problem, attempts, solution = rng.choice(_SCENARIOS)
    sents = [phrase(rng, _T_OPENING, heldout), place_sent]
    if rng.random() < 0.6:
        sents.append(phrase(rng, _T_DAILY, heldout))
    if rng.random() < 0.3:
        sents.append(phrase(rng, _T_PET, heldout))
    if rng.random() < 0.5:
        sents.append(phrase(rng, _T_FRIEND_INTRO, heldout))
    sents.append(phrase(rng, problem, heldout))
    tries = [phrase(rng, attempts, heldout) for _ in range(rng.randint(1, 3))]
    sents += list(dict.fromkeys(tries))
    sents.append(phrase(rng, solution, heldout))
    sents.append(phrase(rng, _T_FEELING, heldout))
    if rng.random() < 0.8:
        sents.append(phrase(rng, _T_ENDING, heldout))
    return " ".join(x.format(**s) for x in sents)


# ---------------------------------------------------------------------------------------------------------
# Dialogues
# ---------------------------------------------------------------------------------------------------------


def _lines(speakers: Sequence[str], turns: Sequence[tuple[int, str]]) -> str:
    return "\n".join(f"{speakers[i]}: {t}" for i, t in turns)


_PLACES_TO_GO: tuple[str, ...] = (
    "shop",
    "park",
    "library",
    "market",
    "station",
    "museum",
    "post office",
    "bakery",
    "swimming pool",
)
_PLACES_TO_GO += ("cinema", "school", "bank", "hospital", "town hall", "bus stop", "beach")


def _dlg_greeting(rng: random.Random, h: bool) -> str:
    (a, _), (b, _) = _person(rng), _person(rng)
    while b == a:
        b = _person(rng)[0]
    s = {"a": a, "b": b, "place": rng.choice(_PLACES_TO_GO), "place2": rng.choice(_PLACES_TO_GO)}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "Hello, {b}! How are you?",
                    "Hi, {b}! How are you today?",
                    "Good morning, {b}! How are you?",
                    "Hello! How are you, {b}?",
                    "Hey, {b}! How is everything?",
                    "Good afternoon, {b}. How are you doing?",
                    "Hello, {b}! How are you? I have not seen you for a long time.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "I am fine, thank you. And you?",
                    "I'm very well, thanks. How about you?",
                    "Fine, thanks, {a}! And how are you?",
                    "I am good, thank you for asking. And you?",
                    "Not bad at all, {a}. What about you?",
                    "Very well, thank you! And you, {a}?",
                    "I am fine, thanks. How are you?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "I am fine too, thank you.",
                    "I'm good, thanks.",
                    "I'm a little tired, but fine.",
                    "Very well, thank you.",
                    "Pretty good, to be honest.",
                    "I am great today!",
                    "I am well, thanks.",
                ),
                h,
                **s,
            ),
        ),
    ]
    if rng.random() < 0.8:
        t.append(
            (
                1,
                _fill(
                    rng,
                    (
                        "What are you doing today?",
                        "Where are you going?",
                        "Are you busy today?",
                        "Do you have any plans for today?",
                        "What brings you here today?",
                        "Where are you off to?",
                    ),
                    h,
                    **s,
                ),
            )
        )
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "I am going to the {place}.",
                        "I want to go to the {place} and then home.",
                        "I have to go to the {place}.",
                        "Nothing special, I'm just going to the {place}.",
                        "I am on my way to the {place}.",
                        "First the {place}, then the {place2}.",
                    ),
                    h,
                    **s,
                ),
            )
        )
    t.append(
        (
            1,
            _fill(
                rng,
                (
                    "Have a nice day!",
                    "See you later, {a}!",
                    "Goodbye, and have fun!",
                    "Enjoy your day!",
                    "Take care, {a}!",
                    "Bye, {a}! See you soon.",
                ),
                h,
                **s,
            ),
        )
    )
    t.append(
        (
            0,
            _fill(
                rng,
                (
                    "Thank you, you too!",
                    "Thanks! Bye!",
                    "See you soon, {b}!",
                    "Goodbye, {b}!",
                    "Thanks, bye for now!",
                    "You too, {b}. Bye!",
                ),
                h,
                **s,
            ),
        )
    )
    return _lines((a, b), t)


def _dlg_meet(rng: random.Random, h: bool) -> str:
    a, b = _person(rng)[0], ""
    b = _person(rng, a)[0]
    country = rng.choice(COUNTRIES)
    city = rng.choice(CITIES)
    s = {
        "a": a,
        "b": b,
        "city": city.subject["en"],
        "c": _cname(CITY_COUNTRY[city.key]),
        "age": str(rng.randint(7, 15)),
    }
    s |= {"hobby": rng.choice(_HOBBIES), "capital": country.answer["en"], "c2": _cname(country.key)}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "Hello! My name is {a}. What is your name?",
                    "Hi, I'm {a}. What's your name?",
                    "Good morning! My name is {a}. And you?",
                    "Hello, nice to meet you. My name is {a}.",
                    "Hi there! People call me {a}. And you?",
                    "Hello! I am {a}. Who are you?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "My name is {b}. Nice to meet you!",
                    "I am {b}. Nice to meet you, {a}.",
                    "Hello, {a}! My name is {b}.",
                    "Nice to meet you too. My name is {b}.",
                    "Pleased to meet you, {a}. I'm {b}.",
                    "My name is {b}. It is nice to meet you.",
                ),
                h,
                **s,
            ),
        ),
    ]
    qa = (
        "Where are you from, {b}?\n{B}: I am from {city}. It is a city in {c}.",
        "Where do you live?\n{B}: I live in {capital}, the capital of {c2}.",
        "How old are you?\n{B}: I am {age} years old. And you?",
        "What do you like to do?\n{B}: I like to {hobby}.",
        "Where is your home?\n{B}: My home is in {city}, in {c}.",
        "Do you live near here?\n{B}: No, I live in {city}, in {c}.",
        "What do you do in your free time?\n{B}: In my free time, I like to {hobby}.",
        "Which city are you from?\n{B}: I come from {capital}. It is the capital of {c2}.",
        "How old are you, {b}?\n{B}: I'm {age}. How old are you?",
        "What is your hobby?\n{B}: My hobby is to {hobby}.",
    )
    for _ in range(rng.randint(1, 2)):
        t.append((0, _fill(rng, qa, h, B=b, **s)))
    t.append(
        (
            0,
            _fill(
                rng,
                (
                    "That is nice! I hope we can be friends.",
                    "Great! See you at school tomorrow.",
                    "Cool! Let's play together sometime.",
                    "How interesting! I have never been there.",
                    "Nice! I hope to see you again.",
                    "Wonderful. Welcome to our town!",
                ),
                h,
                **s,
            ),
        )
    )
    return _lines((a, b), t)


# item | plural | price
_SHOP_ITEMS = (
    ("apple", "apples", 1),
    ("loaf of bread", "loaves of bread", 2),
    ("bottle of milk", "bottles of milk", 1),
    ("banana", "bananas", 1),
    ("bag of rice", "bags of rice", 3),
    ("box of eggs", "boxes of eggs", 3),
    ("orange", "oranges", 1),
    ("notebook", "notebooks", 2),
    ("pencil", "pencils", 1),
    ("bunch of flowers", "bunches of flowers", 5),
    ("jar of honey", "jars of honey", 4),
    ("piece of cake", "pieces of cake", 3),
    ("pear", "pears", 1),
    ("ice cream", "ice creams", 2),
    ("bar of chocolate", "bars of chocolate", 2),
    ("kilo of potatoes", "kilos of potatoes", 2),
    ("packet of tea", "packets of tea", 4),
    ("tube of toothpaste", "tubes of toothpaste", 3),
)
_CURRENCIES = ("euros", "dollars", "pounds")


def _money(n: int, cur: str, words: bool = False) -> str:
    """ "1 euro", "5 dollars", "five pounds"."""
    return f"{_num(n) if words else n} {cur[:-1] if n == 1 else cur}"


def _dlg_shop(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    seller = rng.choice(("Shop assistant", "Seller", "Shopkeeper", _person(rng, a)[0]))
    (i1, p1, c1), (i2, p2, c2) = _pick(rng, _SHOP_ITEMS, 2)
    q1, q2 = rng.randint(1, 6), rng.randint(1, 4)
    cur = rng.choice(_CURRENCIES)
    two = rng.random() < 0.6
    total = q1 * c1 + (q2 * c2 if two else 0)
    it1 = f"{_num(q1)} {i1 if q1 == 1 else p1}"
    s = {"a": a, "it1": it1, "It1": cap(it1), "it2": f"{_num(q2)} {i2 if q2 == 1 else p2}", "p1": p1}
    s |= {"each": _money(c1, cur), "total": _money(total, cur), "w_total": _money(total, cur, words=True)}
    t = [
        (
            1,
            _fill(
                rng,
                (
                    "Good morning! Can I help you?",
                    "Hello! What would you like?",
                    "Hi! What can I get for you today?",
                    "Good afternoon. How can I help you?",
                    "Welcome! Are you looking for something?",
                    "Hello there. What do you need today?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "I would like {it1}, please.",
                    "Can I have {it1}, please?",
                    "I need {it1}, please.",
                    "{It1}, please.",
                    "I'm looking for {p1}. I need {it1}.",
                    "Could I have {it1}?",
                ),
                h,
                **s,
            ),
        ),
    ]
    if rng.random() < 0.5:
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "How much are they?",
                        "How much does that cost?",
                        "What is the price?",
                        "How much is it?",
                        "What do I owe you for that?",
                        "Are they expensive?",
                    ),
                    h,
                    **s,
                ),
            )
        )
        t.append(
            (
                1,
                _fill(
                    rng,
                    (
                        "They are {each} each.",
                        "It is {each} for one.",
                        "One costs {each}.",
                        "The price is {each} each.",
                        "Each one is {each}.",
                        "Just {each} each.",
                    ),
                    h,
                    **s,
                ),
            )
        )
    t.append(
        (
            1,
            _fill(
                rng,
                (
                    "Here you are. Anything else?",
                    "Of course. Do you need anything else?",
                    "Sure. Would you like anything else?",
                    "Here you go. Is that all?",
                    "Certainly. Something else for you?",
                    "No problem. What else?",
                ),
                h,
                **s,
            ),
        )
    )
    if two:
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "Yes, {it2} too, please.",
                        "Yes, I also need {it2}.",
                        "Oh, and {it2}, please.",
                        "Yes, please. {It2}.",
                        "Let me think... yes, {it2} as well.",
                        "I would also like {it2}.",
                    ),
                    h,
                    It2=cap(s["it2"]),
                    **s,
                ),
            )
        )
    else:
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "No, that is all, thank you.",
                        "No, thanks. That's everything.",
                        "That is all for today.",
                        "Nothing else, thank you.",
                        "No, I have everything I need.",
                        "That's it, thanks.",
                    ),
                    h,
                    **s,
                ),
            )
        )
    t.append(
        (
            1,
            _fill(
                rng,
                (
                    "That is {total}, please.",
                    "That will be {total}.",
                    "Altogether that is {total}.",
                    "The total is {total}.",
                    "You owe me {total}, please.",
                    "So that makes {w_total}.",
                ),
                h,
                **s,
            ),
        )
    )
    t.append(
        (
            0,
            _fill(
                rng,
                (
                    "Here you are. Thank you!",
                    "Here is the money. Thanks!",
                    "Thank you very much. Goodbye!",
                    "Thanks a lot. Have a nice day!",
                    "Thanks, see you next time!",
                    "Here it is. Bye!",
                ),
                h,
                **s,
            ),
        )
    )
    return _lines((a, seller), t)


def _dlg_way(rng: random.Random, h: bool) -> str:
    a, b = _person(rng)[0], rng.choice(("Woman", "Man", "Police officer", "Boy", "Girl"))
    lr, lr2 = rng.choice(("left", "right")), rng.choice(("left", "right"))
    s = {"pl": rng.choice(_PLACES_TO_GO), "lr": lr, "lr2": lr2, "n": str(rng.choice((2, 3, 5, 10, 15, 20)))}
    s |= {
        "landmark": rng.choice(("traffic lights", "church", "bakery", "big tree", "bridge", "fountain", "roundabout"))
    }
    s |= {"ord": rng.choice(("first", "second", "third"))}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "Excuse me, where is the {pl}?",
                    "Excuse me, how do I get to the {pl}?",
                    "Sorry, can you tell me the way to the {pl}?",
                    "Excuse me, is the {pl} near here?",
                    "Hello, I am looking for the {pl}. Can you help me?",
                    "Excuse me, which way is the {pl}?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "Go straight on and turn {lr} at the {landmark}.",
                    "Walk along this street and take the {ord} street on the {lr}.",
                    "It is not far. Turn {lr} at the {landmark}, and it is on your {lr2}.",
                    "Go past the {landmark} and then turn {lr}.",
                    "Follow this road to the {landmark}; the {pl} is just there, on the {lr}.",
                    "Cross the road, go to the {landmark} and turn {lr}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Is it far?",
                    "How long does it take to walk there?",
                    "Can I walk there?",
                    "Is it far from here?",
                    "Will it take long on foot?",
                    "How far is it?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "It is about {n} minutes on foot.",
                    "It takes about {n} minutes.",
                    "Only about {n} minutes.",
                    "You can walk there in {n} minutes.",
                    "Only {n} minutes or so, if you walk.",
                    "About {n} minutes, not more.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Thank you very much!",
                    "Thanks a lot!",
                    "Thank you for your help.",
                    "Great, thanks!",
                    "Many thanks, that helps a lot.",
                    "Thank you so much!",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "You're welcome!",
                    "No problem.",
                    "My pleasure.",
                    "You are welcome. Have a good day!",
                    "Glad to help.",
                    "Any time!",
                ),
                h,
                **s,
            ),
        ),
    ]
    return _lines((a, b), t)


# weather | what to do about it
_WEATHER = (
    ("sunny and warm", "wear a hat and take some water"),
    ("cold and windy", "put on a warm coat"),
    ("rainy and grey", "take an umbrella"),
    ("cloudy but dry", "take a jacket, just in case"),
    ("snowy and very cold", "wear boots, gloves and a scarf"),
    ("very hot", "stay in the shade and drink a lot of water"),
    ("foggy", "be careful on the roads"),
    ("cool and sunny", "wear a light jumper"),
    ("stormy", "stay at home"),
    ("wet and windy", "wear a raincoat"),
)


def _dlg_weather(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    b = _person(rng, a)[0]
    (w, adv), (w2, adv2) = _pick(rng, _WEATHER, 2)
    s = {"w": w, "w2": w2, "adv": adv, "adv2": adv2, "a": a, "b": b, "day": rng.choice(_DAYS)}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "What is the weather like today?",
                    "How is the weather today?",
                    "Is it cold outside?",
                    "Do I need an umbrella today?",
                    "Have you looked outside? What's the weather doing?",
                    "What's the weather like, {b}?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "The weather today is {w}.",
                    "Today it is {w}.",
                    "It is {w} today.",
                    "Outside it is {w}.",
                    "Right now it looks {w}.",
                    "Today the weather is {w}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Then I will {adv}.",
                    "Good to know. I will {adv}.",
                    "OK, so I should {adv}.",
                    "In that case, I am going to {adv}.",
                    "Right, I had better {adv}.",
                    "Thanks. I will {adv}, then.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "What about tomorrow?",
                    "Will it be the same tomorrow?",
                    "And tomorrow?",
                    "Do you know the weather for tomorrow?",
                    "Any idea about tomorrow?",
                    "What will the weather be like on {day}?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "The forecast says it will be {w2}.",
                    "It will be {w2}.",
                    "I think it will be {w2}.",
                    "The radio said it will be {w2}.",
                    "They say it is going to be {w2}.",
                    "The weather report says {w2}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "So I will need to {adv2}.",
                    "Then tomorrow I will {adv2}.",
                    "I see. I will {adv2}.",
                    "OK, I will remember to {adv2}.",
                    "Noted: tomorrow I must {adv2}.",
                    "Thanks! I will {adv2}.",
                ),
                h,
                **s,
            ),
        ),
    ]
    return _lines((a, b), t)


def _school_fact(rng: random.Random) -> tuple[str, str]:
    k = rng.randrange(7)
    if k == 0:
        c = rng.choice(COUNTRIES)
        return "geography", f"the capital of {_cname(c.key)} is {c.answer['en']}"
    if k == 1:
        row = rng.choice(_ANIMAL_ROWS)
        return "science", f"{row[1]} are {_CLASS_PLURAL[row[2]]}"
    if k == 2:
        y, e = rng.choice(_HISTORY)
        return "history", f"in {y}, {e}"
    if k == 3:
        x, y = rng.randint(2, 10), rng.randint(2, 10)
        return "maths", f"{_num(x)} times {_num(y)} is {_num(x * y)}"
    if k == 4:
        subj, vp = rng.choice(_FACT_TOPICS[rng.randrange(9)][1])
        return "science", f"{subj} {vp}"
    if k == 5:
        i, fam, _how, _x = rng.choice(_INSTRUMENTS)
        return "music", f"the {i} is {fam}"
    ent = rng.choice(CITIES)
    return "geography", f"{ent.subject['en']} is a city in {_cname(CITY_COUNTRY[ent.key])}"


def _dlg_school(rng: random.Random, h: bool) -> str:
    child = _person(rng)[0]
    parent = rng.choice(("Mum", "Dad", "Grandma", "Grandpa"))
    subj, fact = _school_fact(rng)
    s = {"subj": subj, "fact": fact, "n": _num(rng.randint(5, 20)), "c": child, "sum": str(rng.randint(5, 20))}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "How was school today?",
                    "What did you learn at school today?",
                    "Did you have a good day at school, {c}?",
                    "Was school fun today?",
                    "Tell me about your day at school.",
                    "Hello, {c}! How was your day?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "It was good! In {subj}, we learned that {fact}.",
                    "Great! Our teacher told us that {fact}.",
                    "We had {subj}. I never knew that {fact}!",
                    "Fun! In the {subj} lesson, I learned that {fact}.",
                    "Interesting. Today I found out that {fact}.",
                    "Good. In {subj} we learned that {fact}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "That is very interesting!",
                    "Wow, I did not know that.",
                    "Well done. You learn a lot at school.",
                    "How interesting! What else?",
                    "Really? Tell me more.",
                    "That's right! Good job.",
                ),
                h,
                **s,
            ),
        ),
    ]
    if rng.random() < 0.7:
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "Do you have any homework?",
                        "Is there any homework for tomorrow?",
                        "Did the teacher give you homework?",
                        "What homework do you have?",
                        "Any homework today?",
                        "Have you got homework?",
                    ),
                    h,
                    **s,
                ),
            )
        )
        t.append(
            (
                1,
                _fill(
                    rng,
                    (
                        "Yes, I have to read {n} pages of a book.",
                        "Yes, we have {sum} sums for maths.",
                        "Just a little: I must learn {n} new words.",
                        "No, not today!",
                        "A bit: {n} questions about {subj}.",
                        "Yes, I have to write a short story.",
                    ),
                    h,
                    **s,
                ),
            )
        )
        t.append(
            (
                0,
                _fill(
                    rng,
                    (
                        "Then do it before dinner, please.",
                        "OK. Let's do it together after tea.",
                        "Good. Start now, and then you can play.",
                        "Fine. I can help you if you want.",
                        "Right, homework first, then games.",
                        "All right. Dinner is at seven.",
                    ),
                    h,
                    **s,
                ),
            )
        )
    return _lines((parent, child), t)


_MENU: tuple[str, ...] = (
    "the tomato soup",
    "a cheese pizza",
    "the vegetable curry",
    "a chicken salad",
    "pancakes with honey",
)
_MENU += ("fish and chips", "pasta with tomato sauce", "a mushroom omelette", "the beef stew", "rice with vegetables")
_DRINKS = ("a glass of water", "orange juice", "a cup of tea", "apple juice", "a lemonade", "a cup of coffee")
_FAV_FOODS: tuple[str, ...] = (
    "pizza",
    "pasta",
    "soup",
    "chocolate",
    "pancakes",
    "sushi",
    "rice",
    "ice cream",
    "apples",
    "fish",
)
_FAV_FOODS += ("cheese", "strawberries", "bread with honey", "salad", "dumplings", "curry")


def _dlg_food(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    b = _person(rng, a)[0]
    f1, f2 = _pick(rng, _FAV_FOODS, 2)
    s = {
        "dish": rng.choice(_MENU),
        "drink": rng.choice(_DRINKS),
        "n": str(rng.choice((5, 10, 15, 20))),
        "f1": f1,
        "f2": f2,
    }
    if rng.random() < 0.5:
        t = [
            (
                1,
                _fill(
                    rng,
                    (
                        "Good evening! Are you ready to order?",
                        "Hello! What would you like to eat?",
                        "Hi! Have you chosen?",
                        "Good afternoon. What can I bring you?",
                        "Welcome! What will it be today?",
                        "Are you ready to order now?",
                    ),
                    h,
                    **s,
                ),
            ),
            (
                0,
                _fill(
                    rng,
                    (
                        "I would like {dish}, please.",
                        "Can I have {dish}, please?",
                        "I'll have {dish}.",
                        "{Dish}, please.",
                        "I think I will take {dish}.",
                        "For me, {dish}, please.",
                    ),
                    h,
                    Dish=cap(s["dish"]),
                    **s,
                ),
            ),
            (
                1,
                _fill(
                    rng,
                    (
                        "And to drink?",
                        "Something to drink?",
                        "What would you like to drink?",
                        "Would you like a drink with that?",
                        "Anything to drink with it?",
                        "And what can I get you to drink?",
                    ),
                    h,
                    **s,
                ),
            ),
            (
                0,
                _fill(
                    rng,
                    (
                        "{Drink}, please.",
                        "I'd like {drink}.",
                        "Just {drink}, thank you.",
                        "Can I have {drink}?",
                        "Let me have {drink}.",
                        "{Drink} would be nice.",
                    ),
                    h,
                    Drink=cap(s["drink"]),
                    **s,
                ),
            ),
            (
                1,
                _fill(
                    rng,
                    (
                        "Very good. It will be ready in {n} minutes.",
                        "Thank you. Your food will come in about {n} minutes.",
                        "Fine. Please wait {n} minutes.",
                        "Great choice! It takes about {n} minutes.",
                        "Perfect. I'll be back in {n} minutes.",
                        "Certainly. About {n} minutes, please.",
                    ),
                    h,
                    **s,
                ),
            ),
        ]
        return _lines((a, rng.choice(("Waiter", "Waitress"))), t)
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "What is your favourite food?",
                    "What food do you like best?",
                    "Which food do you love most?",
                    "Tell me, what is your favourite food?",
                    "If you could eat one food every day, what would it be?",
                    "What do you like to eat most?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "My favourite food is {f1}. What about you?",
                    "I love {f1}! And you?",
                    "I like {f1} best. What is your favourite?",
                    "Definitely {f1}. And yours?",
                    "That's easy: {f1}. What about you?",
                    "My favourite food is {f1}, of course. And you?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "My favourite food is {f2}.",
                    "I really like {f2}.",
                    "I love {f2} most of all.",
                    "For me, it is {f2}.",
                    "Mine is {f2}, without a doubt.",
                    "I would say {f2}.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "Let's eat {f2} together one day!",
                    "Yum! I like {f2} too.",
                    "Good choice. {F2} is tasty.",
                    "I have never tried that much {f2}.",
                    "Maybe we can cook {f2} this weekend.",
                    "Nice! Let's have {f2} for lunch tomorrow.",
                ),
                h,
                F2=cap(f2),
                **s,
            ),
        ),
    ]
    return _lines((a, b), t)


_SYMPTOMS = (
    ("a headache", "take this medicine and rest in a quiet, dark room"),
    ("a sore throat", "drink warm tea with honey and rest your voice"),
    ("a bad cough", "take this syrup three times a day and stay warm"),
    ("a stomach ache", "eat only light food and drink a lot of water"),
    ("a high temperature", "stay in bed and drink plenty of water"),
    ("an earache", "use these drops twice a day"),
    ("a cold", "rest, keep warm and drink a lot"),
    ("a pain in my knee", "rest your leg and not run for a week"),
)


def _dlg_doctor(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    doc = rng.choice(("Doctor", "Dr Brown", "Dr Smith", "Dr Green"))
    sym, adv = rng.choice(_SYMPTOMS)
    adv_you = adv.replace("your", "my")
    s = {"a": a, "sym": sym, "adv": adv, "advme": adv_you, "n": _num(rng.randint(2, 5)), "day": rng.choice(_DAYS)}
    t = [
        (
            1,
            _fill(
                rng,
                (
                    "Hello, {a}. What is the problem?",
                    "Good morning. How can I help you?",
                    "Come in and sit down. What seems to be the trouble?",
                    "Hello. How are you feeling today?",
                    "Hello, {a}. Tell me what is wrong.",
                    "Good afternoon. What brings you here?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "I have {sym}.",
                    "I don't feel well. I have {sym}.",
                    "I have had {sym} for {n} days.",
                    "Doctor, I have {sym}.",
                    "It's {sym}, and it is getting worse.",
                    "I feel ill. I have {sym}.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "How long have you had it?",
                    "When did it start?",
                    "Since when?",
                    "Is it very bad?",
                    "For how long has this been going on?",
                    "Did it start suddenly?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Since {day}.",
                    "For {n} days now.",
                    "It started {n} days ago.",
                    "Since last {day}.",
                    "About {n} days, I think.",
                    "It began on {day}.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "It is nothing serious. You need to {adv}.",
                    "Don't worry. Please {adv}.",
                    "You should {adv}.",
                    "I think you will be fine soon. Just {adv}.",
                    "My advice is simple: {adv}.",
                    "It will pass. Please {adv}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Thank you, doctor.",
                    "Thank you very much, doctor.",
                    "Thanks, I will do that.",
                    "OK, thank you. Goodbye.",
                    "I'll follow your advice. Thanks!",
                    "Thank you. I feel better already.",
                ),
                h,
                **s,
            ),
        ),
    ]
    text = _lines((a, doc), t)
    if rng.random() < 0.5:
        friend = _person(rng, a)[0]
        t2 = [
            (
                0,
                _fill(
                    rng,
                    (
                        "What did the doctor say?",
                        "So, what did the doctor tell you?",
                        "How was the doctor?",
                        "Are you all right? What did the doctor say?",
                        "Well? What did the doctor tell you?",
                        "Did the doctor help you?",
                    ),
                    h,
                    **s,
                ),
            ),
            (
                1,
                _fill(
                    rng,
                    (
                        "The doctor said that it is nothing serious.",
                        "The doctor said that I need to {advme}.",
                        "The doctor said that I will be fine soon.",
                        "The doctor said that I should {advme}.",
                        "She told me to {advme}.",
                        "The doctor said that I must {advme}.",
                    ),
                    h,
                    **s,
                ),
            ),
        ]
        text += "\n" + _lines((friend, a), t2)
    return text


_WEEKEND: tuple[str, ...] = (
    "visit my grandparents",
    "play football in the park",
    "go swimming",
    "watch a film",
    "go to the museum",
)
_WEEKEND += ("read a new book", "go to the mountains", "bake a cake", "ride my bike", "go to the zoo", "clean my room")
_WEEKEND += ("go fishing with my dad", "visit the market", "play chess with my brother", "go to the beach")


def _dlg_weekend(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    b = _person(rng, a)[0]
    w1, w2 = _pick(rng, _WEEKEND, 2)
    s = {"w1": w1, "w2": w2, "hour": _num(rng.randint(8, 11)) + " o'clock", "day": rng.choice(("Saturday", "Sunday"))}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "What are you doing this weekend?",
                    "Do you have any plans for the weekend?",
                    "What will you do on {day}?",
                    "Are you busy this weekend?",
                    "Got any plans for {day}?",
                    "What are your plans for the weekend?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "I am going to {w1}.",
                    "On {day}, I want to {w1}.",
                    "I think I will {w1}.",
                    "My plan is to {w1}.",
                    "Probably I'll {w1}.",
                    "I would like to {w1}. And you?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "That sounds fun! I am going to {w2}.",
                    "Nice! I will {w2}.",
                    "Great. I want to {w2}.",
                    "Cool! I plan to {w2}.",
                    "Lovely. As for me, I'll {w2}.",
                    "Sounds good. I am going to {w2} with my family.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "Maybe we can meet on Sunday afternoon?",
                    "Do you want to meet after that?",
                    "Shall we meet later?",
                    "Would you like to come with me?",
                    "Fancy meeting up afterwards?",
                    "Can we meet in the evening?",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "Yes! Let's meet at {hour}.",
                    "Good idea. How about {hour}?",
                    "Sure, at {hour} in the park.",
                    "OK, see you at {hour}.",
                    "Sounds perfect. {Hour} then?",
                    "Yes, let's say {hour}.",
                ),
                h,
                Hour=cap(s["hour"]),
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "Great, see you then!",
                    "Perfect. See you!",
                    "OK! Have a nice day.",
                    "Deal. Bye for now!",
                    "Brilliant, until then!",
                    "See you at the weekend!",
                ),
                h,
                **s,
            ),
        ),
    ]
    return _lines((a, b), t)


def _quiz_pair(rng: random.Random, h: bool) -> tuple[str, str]:
    k = rng.randrange(7)
    if k == 0:
        c = rng.choice(COUNTRIES)
        s = {"c": _cname(c.key), "o": c.answer["en"]}
        qs = (
            "What is the capital of {c}?",
            "Which city is the capital of {c}?",
            "Do you know the capital of {c}?",
            "Name the capital of {c}.",
            "What's the capital city of {c}?",
        )
        ans = ("The capital of {c} is {o}.", "It is {o}.", "{o}!", "I know this one: {o}.", "That's {o}, of course.")
    elif k == 1:
        ent = rng.choice(CITIES)
        s = {"c": ent.subject["en"], "o": _cname(CITY_COUNTRY[ent.key])}
        qs = (
            "In which country is {c}?",
            "Where is {c}?",
            "Which country is {c} in?",
            "Is {c} a city? Where is it?",
            "Where would I find {c}?",
        )
        ans = ("{c} is in {o}.", "It is in {o}.", "{c} is a city in {o}.", "In {o}, I think.", "That is in {o}.")
    elif k == 2:
        row = rng.choice(_ANIMAL_ROWS)
        s = {"c": row[1], "o": _CLASS_PLURAL[row[2]], "one": row[0]}
        qs = (
            "Are {c} mammals, birds or fish?",
            "What kind of animals are {c}?",
            "Which group do {c} belong to?",
            "What are {c}?",
            "Tell me: what type of animal is the {one}?",
        )
        ans = ("{C} are {o}.", "They are {o}.", "They belong to the {o}.", "Easy: {o}.", "I'm sure they are {o}.")
        s["C"] = cap(row[1])
    elif k == 3:
        a = rng.choice(ANIMALS)
        s = {"c": a.subject["en"], "o": a.answer["en"]}
        qs = (
            "What does a {c} say?",
            "What sound does a {c} make?",
            "How does a {c} go?",
            "What does the {c} say?",
            "Can you make the sound of a {c}?",
        )
        ans = ("A {c} says {o}.", "It says {o}.", "{O}, {o}!", "The {c} goes {o}.", "Like this: {o}!")
        s["O"] = cap(a.answer["en"])
    elif k == 4:
        o = rng.choice(OBJECTS)
        s = {"c": o.subject["en"], "o": o.answer["en"]}
        qs = (
            "What colour is the {c}?",
            "Which colour is the {c}?",
            "Tell me the colour of the {c}.",
            "What is the colour of the {c}?",
            "Do you know what colour the {c} is?",
        )
        ans = ("The {c} is {o}.", "It is {o}.", "{O}.", "It's {o}, usually.", "I'd say {o}.")
        s["O"] = cap(o.answer["en"])
    elif k == 5:
        x, y = rng.randint(1, 10), rng.randint(1, 10)
        op = rng.randrange(3)
        if op == 0:
            s = {"c": f"{x} + {y}", "w": f"{_num(x)} plus {_num(y)}", "o": str(x + y), "ow": _num(x + y)}
        elif op == 1:
            x, y = max(x, y), min(x, y)
            s = {"c": f"{x} - {y}", "w": f"{_num(x)} minus {_num(y)}", "o": str(x - y), "ow": _num(x - y)}
        else:
            s = {"c": f"{x} × {y}", "w": f"{_num(x)} times {_num(y)}", "o": str(x * y), "ow": _num(x * y)}
        qs = ("What is {w}?", "How much is {c}?", "Can you tell me what {w} is?", "What is {c}?", "Quick: {w}?")
        ans = ("{W} is {ow}.", "It is {o}.", "{c} = {o}.", "The answer is {ow}.", "That makes {ow}.")
        s["W"] = cap(s["w"])
    else:
        m = rng.randrange(12)
        s = {"c": _ordinal(m + 1), "o": _MONTHS[m]}
        qs = (
            "What is the {c} month of the year?",
            "Which month is the {c} month?",
            "Name the {c} month of the year.",
            "Do you know the {c} month?",
            "Which month comes {c} in the year?",
        )
        ans = ("The {c} month of the year is {o}.", "It is {o}.", "{o}.", "That is {o}.", "It must be {o}.")
    return _fill(rng, qs, h, **s), _fill(rng, ans, h, **s)


def _dlg_quiz(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    b = _person(rng, a)[0]
    c = _person(rng, a, b)[0]
    three = rng.random() < 0.35
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "Let's play a quiz!",
                    "I have some questions for you.",
                    "Shall we do a little quiz?",
                    "Quiz time! Are you ready?",
                    "Let me test you with a few questions.",
                    "Can you answer my questions?",
                ),
                h,
            ),
        )
    ]
    t.append(
        (
            1,
            _fill(
                rng,
                (
                    "OK, I'm ready!",
                    "Sure, go on.",
                    "Yes, ask me!",
                    "Great, let's start.",
                    "Bring it on!",
                    "All right. First question?",
                ),
                h,
            ),
        )
    )
    for i in range(rng.randint(2, 4)):
        q, ans = _quiz_pair(rng, h)
        t.append((0, q))
        t.append((2 if three and i % 2 else 1, ans))
        t.append(
            (
                0,
                _fill(
                    rng, ("Correct!", "Yes, well done!", "That's right!", "Very good!", "Spot on!", "Right again!"), h
                ),
            )
        )
    return _lines((a, b, c), t)


def _dlg_morning(rng: random.Random, h: bool) -> str:
    a = _person(rng)[0]
    b = _person(rng, a)[0]
    r1, r2 = _pick(rng, _ROUTINES, 2)
    s = {"r1": r1, "r2": r2, "t": _num(rng.randint(6, 8)), "b": b}
    t = [
        (
            0,
            _fill(
                rng,
                (
                    "What do you do in the morning?",
                    "What is your morning like?",
                    "How do you start your day?",
                    "What do you do before school?",
                    "Tell me about your mornings.",
                    "What do you usually do when you wake up?",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "In the morning, I {r1}.",
                    "First, I {r1}. Then I {r2}.",
                    "I get up at {t} o'clock and {r1}.",
                    "Every morning, I {r1} and {r2}.",
                    "Usually I {r1}, and after that I {r2}.",
                    "In the morning, I {r1}, and then I {r2}.",
                ),
                h,
                **s,
            ),
        ),
        (
            0,
            _fill(
                rng,
                (
                    "In the morning, I {r2}.",
                    "I do the same, but I also {r2}.",
                    "Me too! And I always {r2}.",
                    "I get up at {t} o'clock too.",
                    "Interesting. I usually {r2} first.",
                    "My mornings are busy. I {r2}.",
                ),
                h,
                **s,
            ),
        ),
        (
            1,
            _fill(
                rng,
                (
                    "Mornings are the best part of the day.",
                    "I like quiet mornings.",
                    "I am always sleepy in the morning!",
                    "Breakfast is my favourite meal.",
                    "I need coffee in the morning.",
                    "Mornings are hard for me.",
                ),
                h,
                **s,
            ),
        ),
    ]
    return _lines((a, b), t)


_ROUTINES: tuple[str, ...] = (
    "brush my teeth",
    "eat breakfast",
    "take a shower",
    "get dressed",
    "drink a glass of water",
)
_ROUTINES += ("make my bed", "feed the cat", "walk the dog", "read the news", "pack my school bag", "do some exercises")
_DIALOGUES: tuple[Generator, ...] = (
    _dlg_greeting,
    _dlg_meet,
    _dlg_shop,
    _dlg_way,
    _dlg_weather,
    _dlg_school,
    _dlg_food,
    _dlg_doctor,
    _dlg_weekend,
    _dlg_quiz,
    _dlg_quiz,
    _dlg_morning,
)


def dialogue(rng: random.Random, heldout: bool) -> str:
    """A short dialogue, one ``Name: line`` per line."""
    text = rng.choice(_DIALOGUES)(rng, heldout)
    while len(text) < 150:
        text += "\n" + rng.choice(_DIALOGUES)(rng, heldout)
    return text


# ---------------------------------------------------------------------------------------------------------
# Instructions
# ---------------------------------------------------------------------------------------------------------

# task (after "how to") ; steps separated by " / " ; alternatives of one step separated by " | "
_TASKS_SPEC = """
make tea ; boil some water in a kettle | boil water ; put a tea bag in a cup | put a tea bag into your cup ; pour the hot water into the cup | pour the boiling water over the tea bag ; wait three or four minutes | let the tea stand for a few minutes ; take out the tea bag ; add milk or sugar if you like | add a little milk or a slice of lemon if you want
make a sandwich ; take two slices of bread ; spread butter on the bread | put some butter on each slice ; put cheese and ham on one slice | add cheese, tomato and lettuce ; cover it with the other slice ; cut the sandwich in half | cut it into two triangles
boil an egg ; fill a small pan with water ; put the egg in the pan carefully | lower the egg into the water with a spoon ; bring the water to the boil ; cook the egg for seven minutes for a hard egg | boil it for about four minutes for a soft egg ; take the egg out and cool it in cold water ; peel the egg and eat it
make pancakes ; put flour in a bowl | pour two cups of flour into a big bowl ; add milk and two eggs ; mix everything until the batter is smooth | whisk it until there are no lumps ; heat a little oil in a frying pan ; pour some batter into the pan ; cook the pancake until it is golden, then turn it over | fry each side for about a minute ; serve it with honey, jam or fruit
make a fruit salad ; wash the fruit | wash the apples, grapes and strawberries ; peel the bananas and the oranges ; cut all the fruit into small pieces | chop the fruit into pieces ; put the pieces in a big bowl ; add a little orange juice ; mix gently and serve cold
plant a seed ; fill a small pot with soil ; make a hole about as deep as your finger | push your finger into the soil to make a hole ; put the seed in the hole ; cover the seed with soil ; water it gently | give it a little water ; put the pot in a sunny place | put the pot near a window ; water it every few days and wait for it to grow
wash your hands ; wet your hands with clean water | turn on the tap and wet your hands ; put soap on your hands ; rub your hands together for twenty seconds | scrub your palms, fingers and nails ; rinse off the soap under running water ; dry your hands with a clean towel
brush your teeth ; put a little toothpaste on your toothbrush ; brush the front of your teeth | brush your teeth with small circles ; brush the back teeth too ; brush for about two minutes ; spit out the toothpaste ; rinse your mouth and your toothbrush with water
draw a house ; draw a big square for the walls ; draw a triangle on top for the roof ; add a door in the middle | draw a tall rectangle for the door ; draw two windows | add two square windows ; draw a chimney on the roof ; colour the house | colour it with your favourite colours
draw a cat ; draw a circle for the head ; draw a bigger oval under it for the body ; add two triangles for the ears ; draw the eyes, the nose and the mouth ; add some whiskers on each side | draw three lines on each side for the whiskers ; draw a long curly tail
cross the street ; stop at the edge of the pavement | stop at the kerb ; look left and right | look left, then right, then left again ; listen for cars ; wait until the road is clear | wait until no cars are coming ; walk straight across | cross the road quickly but do not run ; use a zebra crossing or the traffic lights when you can
use a computer to write a letter ; turn on the computer | press the power button ; wait until the computer starts ; open a word processor | open the program for writing texts ; type your letter with the keyboard ; check the spelling | read your text again and correct the mistakes ; save the file | click on save and give the file a name
send an e-mail ; open your e-mail program | open your mailbox ; click on new message | click on write ; type the address of the person ; write a subject | write a short title in the subject line ; write your message ; click on send
make a paper plane ; take a sheet of paper ; fold it in half along the long side and open it again ; fold the top corners to the middle line ; fold the new edges to the middle again ; fold the plane in half ; fold down the wings on both sides ; throw it gently into the air
make your bed ; take off the pillows ; shake the duvet | shake the blanket ; pull the sheet straight | smooth the sheet with your hands ; lay the duvet flat on the bed ; put the pillows back at the top
pack your school bag ; check your timetable for tomorrow ; put in the books you need ; add your pencil case | put your pens and pencils in the bag ; put in your homework ; add a snack and a bottle of water ; close the bag and put it by the door
make lemonade ; squeeze four lemons | cut four lemons and squeeze out the juice ; pour the juice into a jug ; add some sugar ; fill the jug with cold water ; stir well | mix well with a long spoon ; add ice and serve
make toast ; take a slice of bread ; put it in the toaster ; wait until it pops up | toast it for two or three minutes ; spread butter on the toast | put butter and jam on it ; eat it while it is warm
cook rice ; measure one cup of rice ; wash the rice in cold water ; put it in a pan with two cups of water ; bring the water to the boil ; cover the pan and cook on low heat for fifteen minutes ; let it rest for five minutes
make hot chocolate ; heat a cup of milk in a small pan ; add two spoons of cocoa | add two spoons of chocolate powder ; add a little sugar ; stir well until it is smooth ; pour it into a mug | pour the hot chocolate into a big cup ; let it cool a little before you drink it
water the plants ; fill a watering can with water ; check if the soil is dry | touch the soil with your finger ; water the plants slowly at the bottom ; do not give them too much water ; empty the saucers if there is water in them
feed a cat ; wash the cat's bowl ; put some cat food in the bowl | open a tin of cat food ; give the cat fresh water ; call the cat ; let it eat in peace
wrap a present ; put the present on the wrapping paper ; cut enough paper to cover it ; fold the paper around the present ; fix the paper with tape ; tie a ribbon around it | add a ribbon and a bow ; write a small card with the name
take a photo with a phone ; open the camera app ; point the phone at what you want to photograph ; hold the phone still ; tap the screen to focus ; press the round button | press the shutter button ; look at the photo in the gallery
make a salad ; wash the lettuce ; cut the tomatoes and the cucumber | slice a tomato and a cucumber ; put everything in a bowl ; add a little oil, vinegar and salt ; mix it well | toss the salad gently
save a file on a computer ; click on the file menu ; choose save as ; choose a folder ; type a name for the file ; click on save | press the save button
"""
_TASKS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = tuple(
    (
        parts[0].strip(),
        tuple(tuple(alt.strip() for alt in step.split("|")) for step in parts[1:]),
    )
    for parts in (line.split(";") for line in _TASKS_SPEC.strip().splitlines())
)
_T_TASK_TITLE = (
    "How to {task}",
    "Here is how to {task}.",
    "Do you want to {task}? It is easy.",
    "This is how you {task}.",
    "A simple guide: how to {task}",
    "How do you {task}? Follow these steps.",
    "Instructions: how to {task}",
    "Let me show you how to {task}.",
    "It is not hard to {task}.",
    "Learn to {task} in a few steps.",
)
_T_STEP_NUM = (
    "Step {n}: {Step}.",
    "{n}) {Step}.",
    "Step {n}: {Step}.",
    "{n}) {Step}.",
    "Stage {n} — {Step}.",
    "({n}) {Step}.",
)
_T_FIRST: tuple[str, ...] = (
    "First, {step}.",
    "First {step}.",
    "To begin, {step}.",
    "Start like this: {step}.",
    "Begin with this: {step}.",
)
_T_FIRST += (
    "First of all, {step}.",
    "To {task}, first {step}.",
    "To {task}, first {step}.",
    "To start, {step}.",
    "The first thing to do: {step}.",
)
_T_THEN: tuple[str, ...] = (
    "Then {step}.",
    "Next, {step}.",
    "After that, {step}.",
    "Now {step}.",
    "Once that is done, {step}.",
)
_T_THEN += (
    "Then, {step}.",
    "After this, {step}.",
    "Next {step}.",
    "The next step is to {step}.",
    "When this is done, {step}.",
)
_T_FINALLY: tuple[str, ...] = (
    "Finally, {step}.",
    "At the end, {step}.",
    "Last of all, {step}.",
    "In the end, {step}.",
    "To finish, {step}.",
)
_T_FINALLY += (
    "Finally {step}.",
    "The last step is to {step}.",
    "Lastly, {step}.",
    "And finally, {step}.",
    "As a last step, {step}.",
)
_T_TASK_END = (
    "That is all!",
    "Now you know how to {task}.",
    "Well done!",
    "It is easy, isn't it?",
    "You did it!",
    "Enjoy!",
    "Good luck!",
    "Now try it yourself.",
    "Practise a few times, and it will be easy.",
    "And that is the whole secret.",
)
_T_WHY = (
    "You will need a few minutes.",
    "Ask an adult for help if you need it.",
    "Take your time and be careful.",
    "Read all the steps before you start.",
    "Children should ask a grown-up to help them.",
    "It only takes a few minutes.",
    "Make sure you have everything you need.",
    "Go slowly and follow each step.",
    "Anyone can learn this.",
    "It is a useful thing to know.",
)


def instructions(rng: random.Random, heldout: bool) -> str:
    """How to do something: numbered steps or "First …, then …, finally …"."""
    task, steps = rng.choice(_TASKS)
    chosen = [rng.choice(alts) for alts in steps]
    s = {"task": task}
    head = phrase(rng, _T_TASK_TITLE, heldout).format(**s)
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append(phrase(rng, _T_WHY, heldout))
    if rng.random() < 0.45:
        form = phrase(rng, _T_STEP_NUM, heldout)
        for n, step in enumerate(chosen, 1):
            lines.append(form.format(n=n, Step=cap(step)))
        sep = "\n"
    else:
        out = [phrase(rng, _T_FIRST, heldout).format(step=chosen[0], **s)]
        out += [phrase(rng, _T_THEN, heldout).format(step=st) for st in chosen[1:-1]]
        out.append(phrase(rng, _T_FINALLY, heldout).format(step=chosen[-1]))
        lines.append(" ".join(out))
        sep = "\n" if rng.random() < 0.5 else " "
    if rng.random() < 0.6:
        lines.append(phrase(rng, _T_TASK_END, heldout).format(**s))
    return head + "\n" + sep.join(lines)


# ---------------------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------------------

_COLOURS = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "grey")
_SCHOOL_THINGS: tuple[str, ...] = (
    "pencils",
    "a ruler",
    "an eraser",
    "notebooks",
    "a pencil case",
    "crayons",
    "a calculator",
    "scissors",
)
_SCHOOL_THINGS += ("glue", "a school bag", "books", "a water bottle", "a sharpener")
_TRIP_THINGS: tuple[str, ...] = (
    "a toothbrush",
    "a warm jumper",
    "a map",
    "sun cream",
    "a camera",
    "a book",
    "a swimsuit",
    "a towel",
)
_TRIP_THINGS += ("socks", "a raincoat", "a phone charger", "snacks", "a hat", "comfortable shoes")
_KITCHEN_THINGS: tuple[str, ...] = (
    "a fridge",
    "an oven",
    "a kettle",
    "pots and pans",
    "plates",
    "cups",
    "knives and forks",
    "a sink",
)
_KITCHEN_THINGS += ("a toaster", "a cooker", "spoons", "a cutting board", "bowls")
_PLANETS = ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune")
_RANKED = (
    (
        ("The planets from the largest to the smallest", "The planets in order of size, largest first"),
        ("Jupiter", "Saturn", "Uranus", "Neptune", "Earth", "Venus", "Mars", "Mercury"),
    ),
    (
        ("The planets in order from the Sun", "The planets, starting with the one closest to the Sun"),
        _PLANETS,
    ),
    (
        ("The oceans from the largest to the smallest", "The five oceans, largest first"),
        ("the Pacific Ocean", "the Atlantic Ocean", "the Indian Ocean", "the Southern Ocean", "the Arctic Ocean"),
    ),
    (
        ("The continents from the largest to the smallest", "The seven continents by area, largest first"),
        ("Asia", "Africa", "North America", "South America", "Antarctica", "Europe", "Australia"),
    ),
    (
        ("The colours of the rainbow, from the outside in", "The seven colours of the rainbow in order"),
        ("red", "orange", "yellow", "green", "blue", "indigo", "violet"),
    ),
    (
        ("The seasons of the year, starting with spring", "The four seasons in order"),
        ("spring", "summer", "autumn", "winter"),
    ),
)
_T_LIST_LEAD = (
    "{T}: {x}.",
    "Here is a list of {t}: {x}.",
    "Some {t}: {x}.",
    "These are {t}: {x}.",
    "A short list of {t}: {x}.",
    "Examples of {t} are {x}.",
    "Let us name some {t}: {x}.",
    "Here are a few {t}: {x}.",
    "I can name some {t}: {x}.",
    "Can you name some {t}? Here are a few: {x}.",
    "{T} include {x}.",
    "Well-known {t} are {x}.",
    "Here are some {t}: {x}.",
    "A few {t}: {x}.",
    "Think of some {t}, for example {x}.",
)
_T_LIST_TITLE = (
    "{T}:",
    "List of {t}:",
    "My list of {t}:",
    "{T} (a short list):",
    "A list of {t} to remember:",
    "Here are some {t}:",
    "{T}, one per line:",
    "Some {t}:",
    "Let us write down some {t}:",
    "Note: {t}",
)
_T_LIST_TAIL = (
    "There are many more.",
    "Can you add one more?",
    "Which one do you like best?",
    "This list is not complete.",
    "You may know others too.",
    "That is {n} in total.",
    "The list has {n} items.",
    "There are {n} of them on this list.",
    "Which of them do you know?",
    "Together, that makes {n}.",
)


def _items_text(rng: random.Random, heldout: bool, t: str, items: Sequence[str]) -> str:
    s = {"t": t, "T": cap(t), "n": _num(len(items))}
    if rng.random() < 0.5:
        text = phrase(rng, _T_LIST_LEAD, heldout).format(x=_and(items), **s)
    else:
        mark = rng.choice(("- ", "* ", "", "• "))
        numbered = rng.random() < 0.3
        rows = [f"{i}. {cap(x)}" if numbered else mark + x for i, x in enumerate(items, 1)]
        text = phrase(rng, _T_LIST_TITLE, heldout).format(**s) + "\n" + "\n".join(rows)
    if rng.random() < 0.4:
        text += "\n" + phrase(rng, _T_LIST_TAIL, heldout).format(**s)
    return text


def _list_simple(rng: random.Random, heldout: bool) -> str:
    k = rng.randrange(16)
    n = rng.randint(3, 7)
    if k == 0:
        cls = rng.choice(("mammal", "bird", "insect", "reptile", "fish"))
        rows = [r[1] for r in _ANIMAL_ROWS if r[2] == cls]
        return _items_text(rng, heldout, _CLASS_PLURAL[cls], _pick(rng, rows, min(n, len(rows))))
    if k == 1:
        return _items_text(rng, heldout, "animals", _pick(rng, [r[1] for r in _ANIMAL_ROWS], n))
    if k == 2:
        return _items_text(rng, heldout, "fruits", _pick(rng, [r[1] for r in _FRUITS], n))
    if k == 3:
        return _items_text(rng, heldout, "vegetables", _pick(rng, [r[1] for r in _VEGETABLES], n))
    if k == 4:
        return _items_text(rng, heldout, "colours", _pick(rng, _COLOURS, n))
    if k == 5:
        return _items_text(rng, heldout, "countries", _pick(rng, [_cname(c.key) for c in COUNTRIES], n))
    if k == 6:
        return _items_text(rng, heldout, "cities", _pick(rng, [c.subject["en"] for c in CITIES], n))
    if k == 7:
        return _items_text(rng, heldout, "musical instruments", _pick(rng, [r[0] + "s" for r in _INSTRUMENTS], n))
    if k == 8:
        return _items_text(rng, heldout, "sports", _pick(rng, [r[0] for r in _SPORTS], n))
    if k == 9:
        return _items_text(rng, heldout, "jobs", _pick(rng, [r[1] for r in _JOBS], n))
    if k == 10:
        return _items_text(rng, heldout, "things you need at school", _pick(rng, _SCHOOL_THINGS, n))
    if k == 11:
        return _items_text(rng, heldout, "things to pack for a trip", _pick(rng, _TRIP_THINGS, n))
    if k == 12:
        return _items_text(rng, heldout, "things in a kitchen", _pick(rng, _KITCHEN_THINGS, n))
    if k == 13:
        return _items_text(rng, heldout, "dishes from around the world", _pick(rng, [r[0] for r in _DISHES], n))
    if k == 14:
        return _items_text(rng, heldout, "famous paintings", _pick(rng, [r[0] for r in _PAINTINGS], min(n, 5)))
    return _items_text(rng, heldout, "team sports", _pick(rng, [r[0] for r in _SPORTS if "team" in r[1]], min(n, 5)))


_T_DAYS = (
    "The days of the week are {x}.",
    "Days of the week: {x}.",
    "A week has seven days: {x}.",
    "Here are the seven days of the week: {x}.",
    "Let us say the days of the week: {x}.",
    "The days of the week, in order: {x}.",
    "The week goes like this: {x}.",
    "Say the days of the week: {x}.",
    "Every week has these days: {x}.",
    "In order, the days are {x}.",
)
_T_MONTHS = (
    "The months of the year are {x}.",
    "The twelve months: {x}.",
    "A year has twelve months: {x}.",
    "Here are the months of the year: {x}.",
    "Let us name the months in order: {x}.",
    "The months of the year, in order: {x}.",
    "The year goes like this: {x}.",
    "Say the months of the year: {x}.",
    "Every year has these months: {x}.",
    "In order, the months are {x}.",
)


_T_DAYS_FROM = (
    "Starting on {d}, the days go like this: {x}.",
    "From {d}, the week goes on: {x}.",
    "If we start on {d}, the days are {x}.",
    "Counting the days from {d}: {x}.",
    "Beginning with {d}, we get {x}.",
    "Seven days, starting with {d}: {x}.",
)


def _list_calendar(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.5:
        start = 0 if rng.random() < 0.5 else rng.randrange(7)
        days = [_DAYS[(start + i) % 7] for i in range(7)]
        frames = _T_DAYS_FROM if start else _T_DAYS
        text = phrase(rng, frames, heldout).format(x=", ".join(days[:-1]) + " and " + days[-1], d=days[0])
        d = rng.randrange(7)
        extra = (
            f"After {_DAYS[d]} comes {_DAYS[(d + 1) % 7]}.",
            f"The day before {_DAYS[d]} is {_DAYS[(d - 1) % 7]}.",
            "Saturday and Sunday are the weekend.",
            f"{_DAYS[d]} is the {_ordinal(d + 1)} day of the week if the week starts on Monday.",
            "The working week is from Monday to Friday.",
            f"Two days after {_DAYS[d]} comes {_DAYS[(d + 2) % 7]}.",
        )
        return text + " " + phrase(rng, extra, heldout)
    months = list(_MONTHS)
    text = phrase(rng, _T_MONTHS, heldout).format(x=", ".join(months[:-1]) + " and " + months[-1])
    m = rng.randrange(12)
    extra = (
        f"After {_MONTHS[m]} comes {_MONTHS[(m + 1) % 12]}.",
        f"{_MONTHS[m]} has {_MONTH_DAYS[m] if m != 1 else '28 or 29'} days.",
        f"The {_ordinal(m + 1)} month of the year is {_MONTHS[m]}.",
        f"The month before {_MONTHS[m]} is {_MONTHS[(m - 1) % 12]}.",
        f"{_MONTHS[m]} is month number {m + 1}.",
        f"{_MONTHS[m]} is followed by {_MONTHS[(m + 1) % 12]}.",
    )
    return text + " " + phrase(rng, extra, heldout)


_GROCERIES: tuple[str, ...] = (
    "milk",
    "bread",
    "eggs",
    "butter",
    "cheese",
    "apples",
    "bananas",
    "rice",
    "pasta",
    "tomatoes",
    "onions",
)
_GROCERIES += ("potatoes", "carrots", "sugar", "flour", "tea", "coffee", "orange juice", "yoghurt", "fish", "chicken")
_GROCERIES += ("honey", "salt", "oranges", "lemons", "cucumbers", "jam", "soap", "toothpaste", "biscuits")
_QUANT: tuple[str, ...] = (
    "two bottles of milk",
    "a loaf of bread",
    "six eggs",
    "a kilo of apples",
    "a bag of rice",
    "a packet of pasta",
)
_QUANT += (
    "three lemons",
    "a jar of honey",
    "a piece of cheese",
    "a box of tea",
    "half a kilo of carrots",
    "some butter",
)
_T_SHOPPING = (
    "Shopping list:",
    "My shopping list for {day}:",
    "Things to buy at the market:",
    "We need to buy:",
    "Don't forget to buy:",
    "Shopping for the weekend:",
    "{name}'s shopping list:",
    "To buy today:",
    "Please buy these things:",
    "From the shop we need:",
)
_T_SHOPPING_SENT = (
    "Today {name} needs to buy {x}.",
    "{name} went to the shop to buy {x}.",
    "For dinner, we need {x}.",
    "Please buy {x} on your way home.",
    "{name} wrote a list: {x}.",
    "At the market, {name} bought {x}.",
    "Mum asked {name} to buy {x}.",
    "Our fridge is empty, so we need {x}.",
    "Before the party, {name} bought {x}.",
    "On the list, there were {x}.",
)


def _list_shopping(rng: random.Random, heldout: bool) -> str:
    name = _person(rng)[0]
    pool = _QUANT if rng.random() < 0.4 else _GROCERIES
    items = _pick(rng, pool, rng.randint(4, 8))
    s = {"name": name, "day": rng.choice(_DAYS)}
    if rng.random() < 0.45:
        return phrase(rng, _T_SHOPPING_SENT, heldout).format(x=_and(items), **s)
    mark = rng.choice(("- ", "* ", "• "))
    return phrase(rng, _T_SHOPPING, heldout).format(**s) + "\n" + "\n".join(mark + i for i in items)


_T_RANKED = ("{T}:", "{T}: {x}.", "{T}:", "{T}: {x}.", "{T} — {x}.", "{T} are {x}.")


def _list_ranked(rng: random.Random, heldout: bool) -> str:
    titles, items = rng.choice(_RANKED)
    title = rng.choice(titles)
    form = phrase(rng, _T_RANKED, heldout)
    if "{x}" in form:
        return form.format(T=title, x=_and(items))
    return form.format(T=title) + "\n" + "\n".join(f"{i}. {x}" for i, x in enumerate(items, 1))


_T_TABLE_HEAD = (
    "Country | Capital",
    "Country – capital",
    "Countries and their capitals:",
    "Capitals of the world:",
    "Here are some countries with their capitals:",
    "Country and capital city:",
    "A table of countries and capitals:",
)
_T_THREE = (
    "Three things that are {c}: {x}.",
    "Things that are {c}: {x}.",
    "Here are some things that are {c}: {x}.",
    "What is {c}? For example, {x}.",
    "Can you name things that are {c}? {X}.",
    "Some {c} things: {x}.",
    "These things are {c}: {x}.",
)
_T_CITY_LIST = (
    "Cities in {c}: {x}.",
    "Some cities in {c} are {x}.",
    "{C} has these cities, among others: {x}.",
    "If you travel in {c}, you can visit {x}.",
    "Well-known cities of {c} include {x}.",
    "Here are cities in {c}: {x}.",
    "You will find {x} in {c}.",
)


def _list_table(rng: random.Random, heldout: bool) -> str:
    k = rng.randrange(3)
    if k == 0:
        rows = _pick(rng, COUNTRIES, rng.randint(3, 7))
        head = phrase(rng, _T_TABLE_HEAD, heldout)
        sep = " | " if "|" in head else rng.choice((" – ", ": ", " — "))
        return head + "\n" + "\n".join(f"{cap(_cname(r.key))}{sep}{r.answer['en']}" for r in rows)
    if k == 1:
        by_col: dict[str, list[str]] = {}
        for o in OBJECTS:
            by_col.setdefault(o.answer["en"], []).append("the " + o.subject["en"])
        for p in _PRODUCE:
            if " " not in p[3]:
                by_col.setdefault(p[3], []).append(p[1])
        col = rng.choice(sorted(c for c, v in by_col.items() if len(v) >= 3))
        items = _pick(rng, by_col[col], 3)
        return phrase(rng, _T_THREE, heldout).format(c=col, x=_and(items), X=cap(_and(items)))
    key = rng.choice([k_ for k_ in _COUNTRY_KEYS if _CITIES_OF[k_]])
    cities = [_COUNTRY_BY_KEY[key].answer["en"], *_CITIES_OF[key]]
    rng.shuffle(cities)
    c = _cname(key)
    return phrase(rng, _T_CITY_LIST, heldout).format(c=c, C=cap(c), x=_and(cities))


def list_doc(rng: random.Random, heldout: bool) -> str:
    """A list with a title or a lead sentence."""
    parts: list[str] = []
    while len(parts) < rng.randint(1, 3) or sum(len(p) for p in parts) < 150:
        f = rng.choices((_list_simple, _list_calendar, _list_shopping, _list_ranked, _list_table), (8, 2, 3, 1, 3))[0]
        parts.append(f(rng, heldout))
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------

_STEP_WORDS = {1: "ones", 2: "twos", 5: "fives", 10: "tens", 3: "threes"}
_T_COUNT = (
    "Let us count: {x}.",
    "Count with me: {x}.",
    "{X}.",
    "Counting by {by}: {x}.",
    "Listen and count along: {x}.",
    "{name} counted: {x}.",
    "We can count like this: {x}.",
    "Count from {a} to {b}: {x}.",
    "Counting up: {x}.",
    "Here is how to count from {a} to {b}: {x}.",
    "{X}.",
    "{name} can count to {b}: {x}.",
    "The numbers from {a} to {b}, counting by {by}: {x}.",
    "Let's count together: {x}.",
    "Say it aloud: {x}.",
)
_T_COUNT_DOWN = (
    "Let us count down: {x}.",
    "Counting backwards: {x}.",
    "Count down from {a}: {x}.",
    "{name} counted backwards: {x}.",
    "Backwards from {a} to {b}: {x}.",
    "Ready? {X}.",
    "The countdown goes: {x}.",
    "Now backwards: {x}.",
    "From {a} down to {b}: {x}.",
    "Can you count backwards? {X}.",
)
_T_COUNT_END = (
    "Well done!",
    "Now you can count!",
    "What number comes next?",
    "Can you go on?",
    "The next number is {nxt}.",
    "After {last} comes {nxt}.",
    "Then comes {nxt}.",
    "The next one would be {nxt}.",
    "Great counting!",
    "Next on the list is {nxt}.",
)


def _num_count(rng: random.Random, h: bool) -> str:
    step = rng.choice((1, 1, 1, 2, 2, 5, 10, 3))
    length = rng.randint(5, 12)
    words = rng.random() < 0.5
    start = rng.choice((0, 1, 1, 1, rng.randint(1, 50))) if step in (1, 2, 3) else step * rng.randint(0, 5)
    seq = [start + i * step for i in range(length)]
    down = rng.random() < 0.2
    if down:
        seq.reverse()
    fmt = _num if words else str
    x = ", ".join(fmt(n) for n in seq)
    nxt = seq[-1] + (-step if down else step)
    s = {"x": x, "X": cap(x), "by": _STEP_WORDS[step], "a": fmt(seq[0]), "b": fmt(seq[-1])}
    s |= {"name": _person(rng)[0], "nxt": fmt(nxt), "last": fmt(seq[-1])}
    text = phrase(rng, _T_COUNT_DOWN if down else _T_COUNT, h).format(**s)
    if nxt >= 0 and rng.random() < 0.6:
        text += " " + phrase(rng, _T_COUNT_END, h).format(**s)
    return text


_T_ADD = (
    "{a} + {b} = {c}",
    "{Aw} plus {bw} is {cw}.",
    "{a} plus {b} equals {c}.",
    "What is {a} plus {b}? It is {c}.",
    "Add {a} and {b} and you get {c}.",
    "If you add {bw} to {aw}, you get {cw}.",
    "{Aw} and {bw} make {cw}.",
    "{a} + {b} = {c}.",
    "The sum of {a} and {b} is {c}.",
    "Putting {aw} and {bw} together gives {cw}.",
    "{Aw} plus {bw} equals {cw}.",
    "{a} + {b} = {c}",
)
_T_SUB = (
    "{a} - {b} = {c}",
    "{Aw} minus {bw} is {cw}.",
    "{a} minus {b} equals {c}.",
    "What is {a} minus {b}? It is {c}.",
    "Take {bw} away from {aw} and {cw} is left.",
    "If you take away {b} from {a}, you get {c}.",
    "{Aw} take away {bw} leaves {cw}.",
    "{a} - {b} = {c}.",
    "The difference between {a} and {b} is {c}.",
    "Subtract {b} from {a}: the result is {c}.",
    "{Aw} minus {bw} equals {cw}.",
    "{a} - {b} = {c}",
)
_T_MUL = (
    "{a} × {b} = {c}",
    "{Aw} times {bw} is {cw}.",
    "{a} times {b} equals {c}.",
    "{a} multiplied by {b} is {c}.",
    "{Aw} lots of {bw} make {cw}.",
    "What is {a} times {b}? It is {c}.",
    "{a} x {b} = {c}",
    "{Aw} multiplied by {bw} equals {cw}.",
    "The product of {a} and {b} is {c}.",
    "Multiply {a} by {b} and you get {c}.",
    "{Aw} times {bw} equals {cw}.",
    "{a} × {b} = {c}.",
)
_T_DIV = (
    "{c} ÷ {b} = {a}",
    "{Cw} divided by {bw} is {aw}.",
    "{c} divided by {b} equals {a}.",
    "If you share {c} sweets between {b} children, each child gets {a}.",
    "{Cw} shared equally among {bw} gives {aw} each.",
    "What is {c} divided by {b}? It is {a}.",
    "{c} / {b} = {a}",
    "{Cw} divided by {bw} equals {aw}.",
    "There are {aw} {b}s in {cw}.",
    "Split {c} into {b} equal groups and each group has {a}.",
)
_T_SUMS_HEAD = (
    "Some sums:",
    "Maths practice:",
    "Let us do some arithmetic.",
    "Here are some calculations.",
    "Homework for today:",
    "Exercises with numbers:",
    "Can you check these? They are all correct.",
    "Simple maths:",
    "Practice makes perfect:",
    "A few calculations to learn:",
)


def _arith(rng: random.Random, h: bool, op: int) -> str:
    t: tuple[str, ...]
    if op == 0:
        a, b = rng.randint(0, 20), rng.randint(0, 20)
        if rng.random() < 0.25:
            a, b = rng.randint(1, 5), rng.randint(1, 5)
        if rng.random() < 0.2:
            a, b = rng.randint(10, 99), rng.randint(10, 99)
        c, t = a + b, _T_ADD
    elif op == 1:
        a, b = rng.randint(1, 20), rng.randint(0, 20)
        if rng.random() < 0.2:
            a, b = rng.randint(20, 100), rng.randint(1, 20)
        a, b = max(a, b), min(a, b)
        c, t = a - b, _T_SUB
    elif op == 2:
        a, b = rng.randint(1, 10), rng.randint(1, 10)
        c, t = a * b, _T_MUL
    else:
        a, b = rng.randint(1, 10), rng.randint(2, 10)
        c, t = a * b, _T_DIV
    s = {"a": str(a), "b": str(b), "c": str(c), "aw": _num(a), "bw": _num(b), "cw": _num(c)}
    s |= {"Aw": cap(_num(a)), "Cw": cap(_num(c))}
    return phrase(rng, t, h).format(**s)


def _num_sums(rng: random.Random, h: bool) -> str:
    op = rng.choice((0, 0, 1, 1, 2, 2, 3, -1))
    lines = [_arith(rng, h, op if op >= 0 else rng.randrange(4)) for _ in range(rng.randint(3, 7))]
    head = phrase(rng, _T_SUMS_HEAD, h) + "\n" if rng.random() < 0.6 else ""
    return head + "\n".join(dict.fromkeys(lines))


_T_TABLE_LINE = (
    "{n} × {k} = {p}",
    "{n} times {k} is {p}",
    "{k} × {n} = {p}",
    "{N} times {kw} is {pw}.",
    "{n} x {k} = {p}",
)
_T_TIMES_HEAD = (
    "The {n} times table:",
    "Times table of {n}:",
    "Let us learn the {n} times table.",
    "Multiplication table for {n}:",
    "Here is the table of {n}:",
    "Say the {n} times table aloud:",
)


def _num_times_table(rng: random.Random, h: bool) -> str:
    n = rng.randint(2, 10)
    line = phrase(rng, _T_TABLE_LINE, h)
    start = rng.randint(1, 3)
    rows = [
        line.format(n=n, k=k, p=n * k, N=cap(_num(n)), kw=_num(k), pw=_num(n * k))
        for k in range(start, start + rng.randint(5, 8))
    ]
    return phrase(rng, _T_TIMES_HEAD, h).format(n=n) + "\n" + "\n".join(rows)


_T_CMP = (
    "{a} is greater than {b}.",
    "{b} is less than {a}.",
    "{a} > {b}",
    "{a} is bigger than {b}.",
    "{b} is smaller than {a}.",
    "Which is bigger, {a} or {b}? {a} is bigger.",
    "{b} < {a}",
    "{Aw} is more than {bw}.",
    "{Bw} is less than {aw}.",
    "Between {a} and {b}, the larger number is {a}.",
)
_T_PARITY = (
    "{n} is an {kind} number.",
    "The number {n} is {kind}.",
    "{Nw} is an {kind} number.",
    "Is {n} even or odd? It is {kind}.",
    "We call {n} an {kind} number.",
    "{n} is {kind}, because {reason}.",
    "{Nw} is {kind}.",
)


def _num_compare(rng: random.Random, h: bool) -> str:
    out = []
    for _ in range(rng.randint(2, 4)):
        a, b = rng.sample(range(0, 101 if rng.random() < 0.5 else 21), 2)
        a, b = max(a, b), min(a, b)
        s = {"a": str(a), "b": str(b), "Aw": cap(_num(a)), "Bw": cap(_num(b)), "aw": _num(a), "bw": _num(b)}
        out.append(phrase(rng, _T_CMP, h).format(**s))
    n = rng.randint(1, 50)
    kind = "even" if n % 2 == 0 else "odd"
    reason = "it can be divided by two" if kind == "even" else "it cannot be divided evenly by two"
    out.append(phrase(rng, _T_PARITY, h).format(n=n, Nw=cap(_num(n)), kind=kind, reason=reason))
    return " ".join(out)


_WEEKDAY_OF = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday(y: int, m: int, d: int) -> str:
    """The day of the week of a date (Zeller's congruence, Gregorian calendar)."""
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + (13 * (m + 1)) // 5 + k + k // 4 + j // 4 + 5 * j) % 7  # 0 = Saturday
    return _WEEKDAY_OF[(h + 5) % 7]


_T_DATE = (
    "Today is {wd}, {d} {M} {y}.",
    "The date today is {d} {M} {y}.",
    "It is {wd}, the {dord} of {M}.",
    "{d} {M} {y} is a {wd}.",
    "{d} {M} {y} was a {wd}.",
    "We are on {wd}, {M} {d}, {y}.",
    "Today's date is {dd}/{mm}/{y}.",
    "{name}'s birthday is on {d} {M}.",
    "On {d} {M} {y}, {name} started a new job.",
    "The {dord} of {M} {y} fell on a {wd}.",
)
_T_DATE_NEXT = (
    "Tomorrow will be {wd2}, {d2} {M2}.",
    "The next day is {d2} {M2}.",
    "After {d} {M} comes {d2} {M2}.",
    "The day after that is {wd2}.",
    "One day later it is {d2} {M2}.",
    "Tomorrow is {wd2}.",
    "The following day is {wd2}, {d2} {M2}.",
)
_T_FIXED_DATES = (
    "New Year's Day is on 1 January.",
    "Christmas Day is on 25 December.",
    "The last day of the year is 31 December.",
    "The year begins on the first of January.",
    "In most years, February has twenty-eight days.",
    "The first day of the year is 1 January.",
    "The last month of the year is December.",
    "A new year starts on the first of January.",
    "Christmas is celebrated on the twenty-fifth of December.",
    "The year ends on the thirty-first of December.",
)


def _num_dates(rng: random.Random, h: bool) -> str:
    y, m = rng.randint(1990, 2030), rng.randint(1, 12)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    mdays = 29 if m == 2 and leap else _MONTH_DAYS[m - 1]
    d = rng.randint(1, mdays)
    d2, m2 = (d + 1, m) if d < mdays else (1, m % 12 + 1)
    y2 = y + 1 if (m == 12 and d == 31) else y
    s = {"wd": _weekday(y, m, d), "d": str(d), "M": _MONTHS[m - 1], "y": str(y), "dord": _ordinal(d)}
    s |= {"dd": f"{d:02d}", "mm": f"{m:02d}", "name": _person(rng)[0]}
    s |= {"wd2": _weekday(y2, m2, d2), "d2": str(d2), "M2": _MONTHS[m2 - 1]}
    out = [phrase(rng, _T_DATE, h).format(**s)]
    if rng.random() < 0.6:
        out.append(phrase(rng, _T_DATE_NEXT, h).format(**s))
    if rng.random() < 0.5:
        out.append(phrase(rng, _T_FIXED_DATES, h))
    return " ".join(out)


def _clock_words(hh: int, mm: int) -> str:
    h12 = (hh - 1) % 12 + 1
    nxt = h12 % 12 + 1
    if mm == 0:
        return f"{_num(h12)} o'clock"
    if mm == 15:
        return f"quarter past {_num(h12)}"
    if mm == 30:
        return f"half past {_num(h12)}"
    if mm == 45:
        return f"quarter to {_num(nxt)}"
    if mm < 30:
        return f"{_num(mm)} minutes past {_num(h12)}"
    return f"{_num(60 - mm)} minutes to {_num(nxt)}"


_T_TIME = (
    "It is {w}.",
    "The time is {d}.",
    "It is {d}, or {w}.",
    "The clock says {d}.",
    "Look at the clock: it is {w}.",
    "Now it is {w}.",
    "The time now is {w}.",
    "{D} means {w}.",
    "My watch shows {d}.",
    "Right now the time is {d}.",
)
_T_EVENT_TIME = (
    "The {ev} starts at {d} and lasts {n} minutes, so it ends at {d2}.",
    "{name}'s {ev} begins at {w} and takes {n} minutes. It finishes at {w2}.",
    "If the {ev} starts at {d} and lasts {n} minutes, it is over at {d2}.",
    "The {ev} is at {w}. It takes {n} minutes, so it ends at {w2}.",
    "Starting at {d}, the {ev} goes on for {n} minutes and stops at {d2}.",
    "The {ev} begins at {d}. After {n} minutes, at {d2}, it is finished.",
    "We have a {ev} at {w}; {n} minutes later, at {w2}, it is over.",
)
_EVENTS = ("film", "lesson", "football match", "concert", "meeting", "swimming lesson", "piano lesson", "class")


def _num_time(rng: random.Random, h: bool) -> str:
    hh, mm = rng.randint(6, 21), rng.choice((0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55))
    n = rng.choice((15, 30, 45, 60, 90, 20, 40))
    end = hh * 60 + mm + n
    h2, m2 = end // 60, end % 60
    s = {"w": _clock_words(hh, mm), "d": f"{hh}:{mm:02d}", "w2": _clock_words(h2, m2), "d2": f"{h2}:{m2:02d}"}
    s |= {"D": f"{hh}:{mm:02d}", "n": str(n), "ev": rng.choice(_EVENTS), "name": _person(rng)[0]}
    out = [phrase(rng, _T_TIME, h).format(**s), phrase(rng, _T_EVENT_TIME, h).format(**s)]
    return " ".join(out)


_T_AGE = (
    "{a} is {n} years old.",
    "{a} is {nw} years old.",
    "{a} is {n}.",
    "{a} has just turned {n}.",
    "{a} celebrated {his} {nord} birthday last week.",
    "The age of {a} is {n}.",
    "{a}'s age is {n} years.",
)
_T_AGE2 = (
    "{b} is {k} years older, so {b} is {m}.",
    "{b} is {k} years younger, so {b} is {m}.",
    "Next year, {a} will be {n1}.",
    "Last year, {a} was {n0}.",
    "In {k} years, {a} will be {nk}.",
    "{b} is {k} years older than {a}, which means {b} is {m}.",
    "Two years ago, {a} was {n2}.",
)


def _num_age(rng: random.Random, h: bool) -> str:
    a, g = _person(rng)
    b = _person(rng, a)[0]
    n, k = rng.randint(4, 60), rng.randint(1, 9)
    s = {"a": a, "b": b, "n": str(n), "nw": _num(n), "his": _PRON[g][2], "nord": _ordinal(n), "k": str(k)}
    s |= {"n1": str(n + 1), "n0": str(n - 1), "nk": str(n + k), "n2": str(n - 2)}
    sent2 = phrase(rng, _T_AGE2, h)
    s["m"] = str(n - k) if "younger" in sent2 else str(n + k)
    return phrase(rng, _T_AGE, h).format(**s) + " " + sent2.format(**s)


_T_PRICE = (
    "{Item} costs {p}. {name} buys {q} and pays {t}.",
    "One {i} costs {p}, so {q} cost {t}.",
    "If one {i} is {p}, then {q} are {t}.",
    "{name} bought {q} at {p} each. That was {t} in total.",
    "At {p} each, {q} will cost you {t}.",
    "The price of one {i} is {p}. For {q}, {name} pays {t}.",
    "{q_} cost {t}, because each one costs {p}.",
    "A single {i} costs {p}; {q} cost {t}.",
    "{name} paid {t} for {q}, at {p} each.",
    "How much are {q}? At {p} each, they cost {t}.",
)
_PRICE_ITEMS: tuple[tuple[str, str], ...] = (
    ("apple", "apples"),
    ("pencil", "pencils"),
    ("notebook", "notebooks"),
    ("ticket", "tickets"),
)
_PRICE_ITEMS += (("cake", "cakes"), ("book", "books"), ("orange", "oranges"), ("toy car", "toy cars"), ("pen", "pens"))
_PRICE_ITEMS += (("bottle of water", "bottles of water"), ("ice cream", "ice creams"), ("postcard", "postcards"))


def _num_price(rng: random.Random, h: bool) -> str:
    i, pl = rng.choice(_PRICE_ITEMS)
    cur = rng.choice(_CURRENCIES)
    p, q = rng.randint(1, 12), rng.randint(2, 9)
    qs = f"{_num(q)} {pl}"
    s = {"i": i, "Item": cap(_a(i)), "p": _money(p, cur), "q": qs, "q_": cap(qs), "t": _money(p * q, cur)}
    s["name"] = _person(rng)[0]
    out = phrase(rng, _T_PRICE, h).format(**s)
    if rng.random() < 0.5:
        paid = p * q + rng.randint(1, 10)
        change = (
            "{name} pays with {m} and gets {c} back.",
            "With {m}, the change is {c}.",
            "If you pay {m}, you get {c} in change.",
            "Paying with {m} leaves {c} of change.",
            "Give {m}, and you receive {c} back.",
            "{name} hands over {m}; the change is {c}.",
        )
        out += " " + phrase(rng, change, h).format(name=s["name"], m=_money(paid, cur), c=_money(paid - p * q, cur))
    return out


_T_ORDINAL_MONTH = (
    "The {o} month of the year is {x}.",
    "{X} is the {o} month of the year.",
    "The {o} month is {x}.",
    "Month number {n} is {x}.",
    "In the calendar, the {o} month is {x}.",
    "{X} comes {o} in the year.",
    "Which is the {o} month? It is {x}.",
)
_T_ORDINAL_DAY = (
    "The {o} day of the week is {x}.",
    "{X} is the {o} day of the week.",
    "If the week starts on Monday, the {o} day is {x}.",
    "Day number {n} of the week is {x}.",
    "When the week begins on Monday, {x} is day number {n}.",
    "{X} comes {o} in the week.",
    "Counting from Monday, the {o} day is {x}.",
)
_T_ORDINAL_RACE = (
    "In the race, {a} came {o}.",
    "{a} finished {o} in the race.",
    "{a} was {o} in the queue.",
    "{a} lives on the {o} floor.",
    "{a} got the {o} prize.",
    "{a} sits in the {o} row.",
    "{a} is the {o} child in the family.",
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _num_ordinals(rng: random.Random, h: bool) -> str:
    out = []
    for _ in range(rng.randint(2, 4)):
        k = rng.randrange(4)
        if k == 0:
            m = rng.randrange(12)
            s = {"o": _ordinal(m + 1), "x": _MONTHS[m], "X": _MONTHS[m], "n": str(m + 1)}
            out.append(phrase(rng, _T_ORDINAL_MONTH, h).format(**s))
        elif k == 1:
            d = rng.randrange(7)
            s = {"o": _ordinal(d + 1), "x": _DAYS[d], "X": _DAYS[d], "n": str(d + 1)}
            out.append(phrase(rng, _T_ORDINAL_DAY, h).format(**s))
        elif k == 2:
            n = rng.randint(1, 10)
            o = _ordinal(n) if rng.random() < 0.6 else _ordinal_digits(n)
            out.append(phrase(rng, _T_ORDINAL_RACE, h).format(a=_person(rng)[0], o=o))
        else:
            n = rng.randrange(26)
            forms = (
                "The {o} letter of the alphabet is {x}.",
                "{x} is the {o} letter of the alphabet.",
                "In the alphabet, the {o} letter is {x}.",
                "Letter number {n} is {x}.",
                "The letter {x} comes {o} in the alphabet.",
                "{x} is letter number {n} of the English alphabet.",
            )
            out.append(phrase(rng, forms, h).format(o=_ordinal(n + 1), x=_LETTERS[n], n=n + 1))
    return " ".join(out)


_NUMBER_BUILDERS: tuple[Generator, ...] = (
    _num_count,
    _num_count,
    _num_sums,
    _num_sums,
    _num_times_table,
    _num_compare,
    _num_dates,
    _num_time,
    _num_age,
    _num_price,
    _num_ordinals,
)


def numbers(rng: random.Random, heldout: bool) -> str:
    """Counting, arithmetic with correct results, comparisons, dates, times, ages, prices and ordinals."""
    parts = [rng.choice(_NUMBER_BUILDERS)(rng, heldout) for _ in range(rng.randint(2, 3))]
    while sum(len(p) for p in parts) < 150:
        parts.append(rng.choice(_NUMBER_BUILDERS)(rng, heldout))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------------------
# Held-out sentences, prompts, random words
# ---------------------------------------------------------------------------------------------------------

#: Hand-written everyday sentences that no generator produces (held-out evaluation text).
GENERAL_SENTENCES: tuple[str, ...] = (
    "My grandmother keeps her old photographs in a blue tin under the stairs.",
    "We missed the last bus, so we walked home under the bright stars.",
    "The baker on our corner opens his shop before the sun comes up.",
    "On rainy afternoons, my brother and I build towers out of cushions.",
    "A small brown dog followed us all the way to the station.",
    "Our teacher read us a funny poem about a hungry crocodile.",
    "I put on two pairs of socks because the floor was freezing.",
    "The library was so quiet that I could hear the clock ticking.",
    "After lunch, we sat in the shade and told each other jokes.",
    "My sister learned to whistle last summer and has not stopped since.",
    "The train was late, but nobody on the platform seemed to mind.",
    "Every Friday evening, our family orders soup from the little restaurant nearby.",
    "The wind blew my paper hat into the pond, and a duck swam over to it.",
    "Dad fixed the wobbly kitchen table with a folded piece of cardboard.",
    "When the lights went out, we played cards by candlelight.",
    "The old man on the bench feeds the pigeons every single morning.",
    "I found a shiny coin between the cushions of the sofa.",
    "Our neighbour grows enormous pumpkins and gives them away in October.",
    "The children wrote their names in the sand with long sticks.",
    "She always hums a little tune while she is washing the dishes.",
    "My friend forgot his umbrella, so we shared mine on the way home.",
    "The new bridge over the river took almost three years to build.",
    "In the evening, the streets smell of rain and warm bread.",
    "Nobody knew who had left the basket of plums on the doorstep.",
    "The museum guard smiled and pointed us towards the dinosaur bones.",
    "He practised the piano for an hour before his friends arrived.",
    "The bus driver waved at the children as they crossed the road.",
    "Our cat refuses to eat anything except one brand of fish biscuits.",
    "I wrote a long letter to my cousin, who lives by the sea.",
    "The snow was so deep that we could not open the garden gate.",
    "My uncle can name every bird that sings in our garden.",
    "We planted a cherry tree when my little brother was born.",
    "The shop on the corner sells newspapers, stamps and hot chocolate.",
    "On the first warm day of spring, the park is full of picnics.",
    "The nurse gave me a sticker because I was brave at the clinic.",
    "Mum says that a good night's sleep fixes most bad moods.",
    "The computer in the classroom is old, but it still works well.",
    "We counted the lorries on the motorway until we got bored.",
    "The farmer let us feed carrots to his two tired horses.",
    "My favourite jumper has a hole in the elbow, but I still wear it.",
    "The clock in the town square has been five minutes slow for years.",
    "Grandpa tells the same story about the flood every Christmas.",
    "The football rolled under a parked car, and we had to crawl to get it.",
    "Her phone buzzed twice, but she was too busy painting to answer.",
    "We ate strawberries straight from the plants until our fingers were red.",
    "The fog was so thick that the lighthouse looked like a ghost.",
    "On Sundays, the whole street smells of roast potatoes.",
    "The tiny kitten was asleep inside one of my slippers.",
    "A robot in the shop window waved at everyone who walked past.",
    "My little sister thinks that the moon follows our car at night.",
    "The queue for the ice cream van stretched all the way to the fountain.",
    "I keep a notebook by my bed so I can write down my dreams.",
    "The tomatoes in our window box finally turned red in September.",
    "When the kettle whistled, everybody came into the kitchen at once.",
    "The hotel room had a tiny balcony with a view of the harbour.",
    "The postman left a parcel with our neighbour because we were out.",
    "Everyone cheered when the goalkeeper caught the ball at the last second.",
    "The doctor listened to my heart and told me that everything was fine.",
    "We spent the whole afternoon trying to fly a kite on the hill.",
    "My aunt speaks three languages and is learning a fourth one.",
    "Water dripped from the roof long after the storm had passed.",
    "The waiter brought us two bowls of soup and a basket of bread.",
    "I like to sit near the window on long train journeys.",
    "The teacher drew a huge map of the world on the whiteboard.",
    "Our dog barks at the vacuum cleaner as if it were a monster.",
    "A thin layer of ice covered the puddles on the way to school.",
    "The boy counted his marbles twice to make sure none were missing.",
    "We could see the mountains clearly after the rain stopped.",
    "My grandfather still has the bicycle he rode as a young man.",
    "The bakery sold out of cinnamon rolls before nine o'clock.",
)

#: The 30 prompts of :data:`base.SENSIBLE_PROMPTS_EN` (English is the source language).
SENSIBLE_PROMPTS: tuple[str, ...] = SENSIBLE_PROMPTS_EN

#: Common single English words for the random-word copying documents.
RANDOM_WORDS: tuple[str, ...] = tuple(
    [
        "apple",
        "table",
        "house",
        "water",
        "river",
        "mountain",
        "garden",
        "window",
        "door",
        "chair",
        "bread",
        "milk",
        "cheese",
        "butter",
        "sugar",
        "salt",
        "happy",
        "green",
        "blue",
        "red",
        "yellow",
        "black",
        "white",
        "small",
        "big",
        "tall",
        "short",
        "long",
        "quick",
        "slow",
        "warm",
        "cold",
        "hot",
        "bright",
        "dark",
        "dog",
        "cat",
        "horse",
        "cow",
        "sheep",
        "bird",
        "fish",
        "mouse",
        "rabbit",
        "duck",
        "frog",
        "bee",
        "lion",
        "tiger",
        "bear",
        "wolf",
        "fox",
        "owl",
        "snake",
        "whale",
        "run",
        "walk",
        "jump",
        "swim",
        "sing",
        "read",
        "write",
        "draw",
        "play",
        "sleep",
        "eat",
        "drink",
        "cook",
        "open",
        "close",
        "sit",
        "stand",
        "think",
        "speak",
        "listen",
        "book",
        "pencil",
        "paper",
        "letter",
        "school",
        "teacher",
        "friend",
        "family",
        "mother",
        "father",
        "sister",
        "brother",
        "baby",
        "child",
        "city",
        "town",
        "street",
        "road",
        "bridge",
        "train",
        "bus",
        "car",
        "bicycle",
        "ship",
        "plane",
        "station",
        "market",
        "shop",
        "money",
        "coin",
        "price",
        "number",
        "word",
        "sun",
        "moon",
        "star",
        "sky",
        "cloud",
        "rain",
        "snow",
        "wind",
        "storm",
        "summer",
        "winter",
        "spring",
        "autumn",
        "morning",
        "evening",
        "night",
        "today",
        "tree",
        "flower",
        "grass",
        "leaf",
        "seed",
        "root",
        "forest",
        "field",
        "farm",
        "island",
        "beach",
        "ocean",
        "lake",
        "hill",
        "valley",
        "desert",
        "stone",
        "music",
        "song",
        "piano",
        "guitar",
        "drum",
        "violin",
        "dance",
        "picture",
        "colour",
        "museum",
        "painting",
        "story",
        "poem",
        "game",
        "ball",
        "team",
        "goal",
        "computer",
        "phone",
        "screen",
        "keyboard",
        "robot",
        "machine",
        "internet",
        "message",
        "program",
        "data",
        "answer",
        "question",
        "idea",
        "doctor",
        "nurse",
        "farmer",
        "baker",
        "pilot",
        "driver",
        "cook",
        "artist",
        "king",
        "queen",
        "prince",
        "princess",
        "soldier",
        "sailor",
        "head",
        "hand",
        "foot",
        "eye",
        "ear",
        "nose",
        "mouth",
        "heart",
        "arm",
        "leg",
        "finger",
        "tooth",
        "hair",
        "face",
        "body",
        "kitchen",
        "bedroom",
        "bathroom",
        "garden",
        "roof",
        "wall",
        "floor",
        "window",
        "stairs",
        "lamp",
        "clock",
        "mirror",
        "bed",
        "blanket",
        "pillow",
        "cup",
        "plate",
        "spoon",
        "fork",
        "knife",
        "bowl",
        "glass",
        "bottle",
        "kettle",
        "pan",
        "oven",
        "fridge",
        "soft",
        "hard",
        "heavy",
        "light",
        "empty",
        "full",
        "clean",
        "dirty",
        "new",
        "old",
        "young",
        "early",
        "late",
        "easy",
        "difficult",
        "strong",
        "weak",
        "brave",
        "kind",
        "clever",
        "funny",
        "quiet",
        "loud",
        "busy",
        "lazy",
        "careful",
        "hungry",
        "thirsty",
        "tired",
        "sleepy",
        "angry",
        "sad",
        "proud",
        "always",
        "never",
        "often",
        "sometimes",
        "again",
        "together",
        "inside",
        "outside",
        "above",
        "below",
        "before",
        "after",
        "between",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "hundred",
        "thousand",
        "first",
        "second",
        "third",
        "last",
        "apple",
        "banana",
        "orange",
        "lemon",
        "grape",
        "cherry",
        "pear",
        "peach",
        "plum",
        "melon",
        "carrot",
        "potato",
        "tomato",
        "onion",
        "cabbage",
        "pea",
        "rice",
        "soup",
        "pizza",
        "pasta",
        "cake",
        "honey",
        "jam",
        "egg",
        "tea",
        "coffee",
        "juice",
        "chocolate",
        "sandwich",
        "salad",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "red",
        "purple",
        "pink",
        "brown",
        "grey",
        "gold",
        "silver",
        "travel",
        "visit",
        "help",
        "learn",
        "teach",
        "build",
        "carry",
        "climb",
        "fly",
        "find",
        "lose",
        "give",
        "take",
        "bring",
        "send",
        "buy",
        "sell",
        "wait",
        "laugh",
        "smile",
        "cry",
        "shout",
        "whisper",
        "wonder",
        "remember",
        "forget",
        "begin",
        "finish",
        "choose",
        "change",
        "grow",
        "fall",
        "key",
        "box",
        "bag",
        "hat",
        "coat",
        "shoe",
        "sock",
        "shirt",
        "dress",
        "scarf",
        "glove",
        "umbrella",
        "ring",
        "watch",
        "north",
        "south",
        "east",
        "west",
        "left",
        "right",
        "middle",
        "corner",
        "edge",
        "centre",
        "week",
        "month",
        "year",
        "hour",
        "minute",
        "second",
        "moment",
        "holiday",
        "birthday",
        "party",
        "present",
        "science",
        "history",
        "maths",
        "language",
        "lesson",
        "class",
        "homework",
        "test",
        "mark",
        "village",
        "castle",
        "tower",
        "church",
        "palace",
        "garden",
        "park",
        "library",
        "hospital",
        "factory",
        "office",
    ]
)
RANDOM_WORDS = tuple(dict.fromkeys(RANDOM_WORDS))

#: The genre generators of this language.
GENERATORS: dict[str, Generator] = {
    "encyclopedia": encyclopedia,
    "story": story,
    "dialogue": dialogue,
    "instructions": instructions,
    "list": list_doc,
    "numbers": numbers,
}

#: Hand-written like GENERAL_SENTENCES, in no split: the sentences a run's temperature is fitted on
#: (glassbox.training.calibrate), so the calibration measured on GENERAL_SENTENCES is not fitted to them.
CALIBRATION_SENTENCES: tuple[str, ...] = (
    "The plumber arrived an hour late and fixed the leak in ten minutes.",
    "Our class is going to visit a chocolate factory next Thursday.",
    "I dropped my sandwich on the beach, and a seagull took it at once.",
    "Have you ever tried to carry a cake home on a crowded bus?",
    "The lift in our building has been broken since the end of August.",
    "My mother writes her shopping list on the back of old envelopes.",
    "The twins argued for an hour about whose turn it was to feed the fish.",
    "When we reached the top of the hill, the fog had already lifted.",
    "The old sailor showed us how to tie five different knots.",
    "Tomorrow the whole school will plant trees along the river.",
    "She forgot her keys again and had to wait for her flatmate on the steps.",
    "Our neighbours painted their front door bright yellow last weekend.",
    "The cinema was nearly empty, so we put our feet up on the seats.",
    "I will call you as soon as the train leaves the station.",
    "The baby laughed every time the dog sneezed.",
    '"Don\'t touch the oven," said Dad, "it is still very hot."',
    "The village shop closes at noon on Wednesdays and Saturdays.",
    "After the concert, we waited outside for the band to come out.",
    "A squirrel has been stealing nuts from the bird feeder all week.",
    "My cousin is saving his pocket money to buy a second-hand guitar.",
    "The roads were so icy that the buses stopped running at six.",
    "We found an old map of the town in a box in the attic.",
    "The swimming pool smells of chlorine and wet towels.",
    "Why does the cat always sleep on the clean laundry?",
    "The tourists took photos of the bridge while the sun went down.",
    "I had never seen so many stars before we camped in the desert.",
    "The coach made us run around the field three times in the rain.",
    "Our kitchen smelled of onions and garlic all evening.",
    "The little boy hid behind his mother when the clown waved at him.",
    "Next summer my grandparents want to take the ferry to the islands.",
    "The printer ran out of ink just before I printed my homework.",
    "We listened to the radio while we painted the garden fence.",
    "The market stall sells twelve kinds of cheese and fresh eggs.",
    "He was so tired after the match that he fell asleep on the sofa.",
    "The leaves on the maple tree turn orange at the end of September.",
    "I asked the librarian for a book about volcanoes and earthquakes.",
    "The wedding guests danced until the band packed up their instruments.",
    "Our car broke down halfway to the coast, so we had lunch in a field.",
    "The children built a snowman with a carrot nose and a woolly hat.",
    "My best friend moved to another city, but we still write every week.",
)
