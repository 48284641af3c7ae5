"""Czech everyday text of the generated corpus: encyclopedia, stories, dialogues, instructions, lists, numbers.

Everything here was written by hand for glassbox. Czech declines nouns and makes past-tense verbs and
adjectives agree with the gender of their subject, so the tables store the forms the templates need (names in
six cases with their gender, countries in the genitive and locative, months in the genitive and locative,
verbs of the instructions in five forms), and gender-dependent words in the templates are written as
``[masculine|feminine]`` (the first character) or ``<masculine|feminine>`` (the second character).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from glassbox.training.corpus_data.facts import CITIES, CITY_COUNTRY, COUNTRIES
from glassbox.training.corpus_data.general.base import Generator, cap, phrase
from glassbox.training.corpus_data.language import DAYS, MONTHS

# ---------------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------------

_A_GENDER = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")
_B_GENDER = re.compile(r"<([^|>]*)\|([^>]*)>")
_SENT_START = re.compile(r"(^|[.!?]\s+|\n|„)([a-zěščřžýáíéúůďťň])")


def _gender(text: str, pattern: re.Pattern[str], fem: bool) -> str:
    return pattern.sub(lambda m: m.group(2) if fem else m.group(1), text)


def _caps(text: str) -> str:
    """Capitalise the first letter of every sentence (the tables keep common nouns in lower case)."""
    return _SENT_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def _plural(n: int, one: str, few: str, many: str) -> str:
    """The Czech noun form after the number ``n``: 1 → one, 2–4 → few, otherwise many."""
    if n == 1:
        return one
    if 2 <= n <= 4:
        return few
    return many


def _drop_subject(sentence: str, subject: str) -> str:
    """Drop a leading subject (Czech is pro-drop), moving a reflexive clitic behind the verb."""
    if not sentence.startswith(subject + " "):
        return sentence
    rest = sentence[len(subject) + 1 :]
    words = rest.split(" ", 2)
    if words[0] in ("se", "si") and len(words) == 3:
        rest = f"{words[1]} {words[0]} {words[2]}"
    return cap(rest)


def _join(items: Sequence[str], last: str = "a") -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


# ---------------------------------------------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------------------------------------------

_UNITS = (
    "nula",
    "jedna",
    "dvě",
    "tři",
    "čtyři",
    "pět",
    "šest",
    "sedm",
    "osm",
    "devět",
    "deset",
    "jedenáct",
    "dvanáct",
    "třináct",
    "čtrnáct",
    "patnáct",
    "šestnáct",
    "sedmnáct",
    "osmnáct",
    "devatenáct",
)
_TENS = ("", "", "dvacet", "třicet", "čtyřicet", "padesát", "šedesát", "sedmdesát", "osmdesát", "devadesát")


def _word(n: int) -> str:
    """A number 0–100 in words (the counting form: jedna, dvě)."""
    if n < 20:
        return _UNITS[n]
    if n == 100:
        return "sto"
    tens, unit = divmod(n, 10)
    return _TENS[tens] if unit == 0 else f"{_TENS[tens]} {_UNITS[unit]}"


_ORD_M = (
    "první",
    "druhý",
    "třetí",
    "čtvrtý",
    "pátý",
    "šestý",
    "sedmý",
    "osmý",
    "devátý",
    "desátý",
    "jedenáctý",
    "dvanáctý",
)
_ORD_F = ("první", "druhá", "třetí", "čtvrtá", "pátá", "šestá", "sedmá", "osmá", "devátá", "desátá")

_MONTHS: tuple[str, ...] = MONTHS["cs"]
_MONTHS_GEN = (
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
)
_MONTHS_LOC = (
    "lednu",
    "únoru",
    "březnu",
    "dubnu",
    "květnu",
    "červnu",
    "červenci",
    "srpnu",
    "září",
    "říjnu",
    "listopadu",
    "prosinci",
)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS: tuple[str, ...] = DAYS["cs"]
_DAYS_LOC = ("pondělí", "úterý", "středě", "čtvrtku", "pátku", "sobotě", "neděli")
_DAYS_ACC = ("pondělí", "úterý", "středu", "čtvrtek", "pátek", "sobotu", "neděli")
_SEASON_OF_MONTH = (
    "zima",
    "zima",
    "jaro",
    "jaro",
    "jaro",
    "léto",
    "léto",
    "léto",
    "podzim",
    "podzim",
    "podzim",
    "zima",
)

# ---------------------------------------------------------------------------------------------------------------
# Characters: nominative, genitive, dative, accusative, vocative, instrumental, feminine?
# ---------------------------------------------------------------------------------------------------------------

Person = tuple[str, str, str, str, str, str, bool]


def _persons(spec: str) -> tuple[Person, ...]:
    out = []
    for line in spec.strip().splitlines():
        f = [x.strip() for x in line.split(",")]
        out.append((f[0], f[1], f[2], f[3], f[4], f[5], f[6] == "f"))
    return tuple(out)


_NAMES = _persons("""
Jana, Jany, Janě, Janu, Jano, Janou, f
Petr, Petra, Petrovi, Petra, Petře, Petrem, m
Eva, Evy, Evě, Evu, Evo, Evou, f
Tomáš, Tomáše, Tomášovi, Tomáše, Tomáši, Tomášem, m
Lucie, Lucie, Lucii, Lucii, Lucie, Lucií, f
Pavel, Pavla, Pavlovi, Pavla, Pavle, Pavlem, m
Marie, Marie, Marii, Marii, Marie, Marií, f
Jakub, Jakuba, Jakubovi, Jakuba, Jakube, Jakubem, m
Tereza, Terezy, Tereze, Terezu, Terezo, Terezou, f
Martin, Martina, Martinovi, Martina, Martine, Martinem, m
Anna, Anny, Anně, Annu, Anno, Annou, f
Karel, Karla, Karlovi, Karla, Karle, Karlem, m
Klára, Kláry, Kláře, Kláru, Kláro, Klárou, f
Ondřej, Ondřeje, Ondřejovi, Ondřeje, Ondřeji, Ondřejem, m
Barbora, Barbory, Barboře, Barboru, Barboro, Barborou, f
Filip, Filipa, Filipovi, Filipa, Filipe, Filipem, m
Lenka, Lenky, Lence, Lenku, Lenko, Lenkou, f
Vojtěch, Vojtěcha, Vojtěchovi, Vojtěcha, Vojtěchu, Vojtěchem, m
Kateřina, Kateřiny, Kateřině, Kateřinu, Kateřino, Kateřinou, f
David, Davida, Davidovi, Davida, Davide, Davidem, m
Adéla, Adély, Adéle, Adélu, Adélo, Adélou, f
Lukáš, Lukáše, Lukášovi, Lukáše, Lukáši, Lukášem, m
""")

_FAIRY = _persons("""
malá liška, malé lišky, malé lišce, malou lišku, malá liško, malou liškou, f
starý medvěd, starého medvěda, starému medvědovi, starého medvěda, starý medvěde, starým medvědem, m
zvědavá myška, zvědavé myšky, zvědavé myšce, zvědavou myšku, zvědavá myško, zvědavou myškou, f
malý drak, malého draka, malému drakovi, malého draka, malý draku, malým drakem, m
hodná princezna, hodné princezny, hodné princezně, hodnou princeznu, hodná princezno, hodnou princeznou, f
chudý mlynář, chudého mlynáře, chudému mlynáři, chudého mlynáře, chudý mlynáři, chudým mlynářem, m
statečný rytíř, statečného rytíře, statečnému rytíři, statečného rytíře, statečný rytíři, statečným rytířem, m
moudrá sova, moudré sovy, moudré sově, moudrou sovu, moudrá sovo, moudrou sovou, f
malý ježek, malého ježka, malému ježkovi, malého ježka, malý ježku, malým ježkem, m
mladý kovář, mladého kováře, mladému kováři, mladého kováře, mladý kováři, mladým kovářem, m
stará babička, staré babičky, staré babičce, starou babičku, stará babičko, starou babičkou, f
veselý zajíc, veselého zajíce, veselému zajíci, veselého zajíce, veselý zajíci, veselým zajícem, m
chytrá veverka, chytré veverky, chytré veverce, chytrou veverku, chytrá veverko, chytrou veverkou, f
mladý král, mladého krále, mladému králi, mladého krále, mladý králi, mladým králem, m
""")


def _fill(template: str, a: Person, b: Person, extra: dict[str, str] | None = None) -> str:
    """Fill ``{a}``…``{a7}`` / ``{b}``…``{b7}`` (cases 1–7 of Czech) and resolve the gender brackets."""
    text = _gender(template, _A_GENDER, a[6])
    text = _gender(text, _B_GENDER, b[6])
    keys = {
        "a": a[0],
        "a2": a[1],
        "a3": a[2],
        "a4": a[3],
        "a5": a[4],
        "a7": a[5],
        "b": b[0],
        "b2": b[1],
        "b3": b[2],
        "b4": b[3],
        "b5": b[4],
        "b7": b[5],
    }
    if extra:
        keys.update(extra)
    return _caps(text.format(**keys))


def _two(rng: random.Random, pool: Sequence[Person]) -> tuple[Person, Person]:
    a, b = rng.sample(list(pool), 2)
    return a, b


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: animals
# ---------------------------------------------------------------------------------------------------------------

# name | plural | class | where it lives (locative) | what it eats (accusative) | legs (predicate) | sound | facts ("/")
_ANIMAL_TABLE = """
pes | psi | savec | v domech a na zahradách s lidmi | maso a granule | má čtyři nohy | haf | {S} je věrný přítel člověka. / {S} má velmi dobrý čich. / Mládě psa se nazývá štěně. / {S} umí hlídat dům. / {S} vrtí ocasem, když má radost.
kočka | kočky | savec | v domech s lidmi | maso, ryby a granule | má čtyři nohy | mňau | {S} ráda spí na teplém místě. / {S} vidí dobře i v šeru. / Mládě kočky se nazývá kotě. / {S} chytá myši. / {S} si často olizuje srst.
kráva | krávy | savec | na farmě a na pastvinách | trávu a seno | má čtyři nohy | bú | {S} nám dává mléko. / Mládě krávy se nazývá tele. / {S} je přežvýkavec. / Z kravského mléka se vyrábí sýr a máslo.
kachna | kachny | pták | u rybníků a řek | rostliny, semena a drobné živočichy | má dvě nohy a dvě křídla | kvák | {S} umí plavat i létat. / {S} má mezi prsty plovací blány. / Mládě kachny se nazývá káčátko.
kohout | kohouti | pták | na dvoře a na farmě | zrní a hmyz | má dvě nohy a dvě křídla | kykyryký | {S} kokrhá brzy ráno. / {S} má na hlavě červený hřebínek. / Samice kohouta je slepice.
ovce | ovce | savec | na pastvinách | trávu | má čtyři nohy | bé | {S} má hustou vlnu, ze které se pletou svetry. / Mládě ovce se nazývá jehně. / {S} žije ve stádě.
prase | prasata | savec | na farmě | obilí, zeleninu i zbytky jídla | má čtyři nohy | chro | {S} je chytré zvíře. / {S} se rádo válí v bahně. / Mládě prasete se nazývá sele.
žába | žáby | obojživelník | u rybníků a v mokřadech | hmyz | má čtyři nohy | kvak | {S} se líhne z vajíčka jako pulec. / {S} umí daleko skákat. / {S} chytá hmyz dlouhým lepkavým jazykem.
kůň | koně | savec | na farmě a na pastvinách | trávu, seno a oves | má čtyři nohy | íhaha | {S} umí rychle běhat. / Mládě koně se nazývá hříbě. / {S} nosí lidi na zádech už tisíce let.
sova | sovy | pták | v lese | myši a jiné malé živočichy | má dvě nohy a dvě křídla | hú | {S} loví v noci. / {S} má velké oči. / {S} umí otočit hlavu hodně dozadu. / {S} létá téměř neslyšně.
myš | myši | savec | na polích, v lesích i v domech | semena a zrní | má čtyři nohy | pí | {S} je malý hlodavec. / {S} má dlouhý ocas. / {S} má velmi dobrý sluch.
včela | včely | hmyz | v úlu | nektar a pyl | má šest nohou | bzz | {S} vyrábí med. / {S} žije ve velké rodině, kterou vede královna. / {S} opyluje květiny. / {S} má čtyři křídla.
plejtvák obrovský | plejtváci obrovští | savec | v oceánu | drobné korýše, kterým se říká kril | nemá žádné nohy | | {S} je největší zvíře v oceánu. / Největší zvíře v oceánu je {s}. / Největším zvířetem na světě je {s}. / {S} je největší živočich, jaký kdy žil na Zemi. / {S} se také nazývá modrá velryba. / {S} dýchá vzduch, a proto se vynořuje na hladinu. / {S} může být dlouhý kolem třiceti metrů.
delfín | delfíni | savec | v moři | ryby | nemá žádné nohy | | {S} je velmi chytré zvíře. / {S} dýchá vzduch plícemi. / {S} žije ve skupinách. / {S} se dorozumívá pískáním.
žralok | žraloci | ryba | v moři | ryby a jiná mořská zvířata | nemá žádné nohy | | {S} má několik řad ostrých zubů. / {S} je výborný plavec. / {S} dýchá žábrami.
slon | sloni | savec | v Africe a v Asii | trávu, listí, ovoce a kůru | má čtyři nohy | | {S} je největší zvíře na souši. / {S} má dlouhý chobot. / {S} má velké uši. / {S} je šedý. / {S} pije hodně vody.
lev | lvi | savec | v africké savaně | maso | má čtyři nohy | | {S} žije ve skupinách. / Samec lva má velkou hřívu. / {S} se někdy nazývá král zvířat. / {S} dokáže hlasitě řvát.
tygr | tygři | savec | v lesích Asie | maso | má čtyři nohy | | {S} je největší kočkovitá šelma. / {S} má oranžovou srst s černými pruhy. / {S} umí dobře plavat.
žirafa | žirafy | savec | v africké savaně | listí ze stromů | má čtyři nohy | | {S} je nejvyšší zvíře na světě. / {S} má velmi dlouhý krk. / {S} má dlouhý modrý jazyk.
tučňák | tučňáci | pták | na chladných pobřežích jižní polokoule | ryby a kril | má dvě nohy a dvě křídla | | {S} neumí létat, ale výborně plave. / {S} chodí kolébavě. / {S} žije ve velkých koloniích.
orel | orli | pták | v horách a v lesích | menší zvířata a ryby | má dvě nohy a dvě křídla | | {S} má velmi ostrý zrak. / {S} létá vysoko na obloze. / {S} má silný zahnutý zobák.
had | hadi | plaz | v lesích, na loukách i v pouštích | myši, žáby a vejce | nemá žádné nohy | | {S} se pohybuje plazením. / {S} svléká starou kůži. / {S} cítí vůni jazykem.
želva | želvy | plaz | na souši i ve vodě | rostliny a malé živočichy | má čtyři nohy | | {S} nosí na zádech pevný krunýř. / {S} se může dožít velmi vysokého věku. / {S} se pohybuje pomalu.
krokodýl | krokodýli | plaz | v řekách a bažinách teplých krajin | ryby a jiná zvířata | má čtyři nohy | | {S} má silné čelisti. / {S} umí dlouho vydržet pod vodou. / {S} se rád vyhřívá na slunci.
pavouk | pavouci | pavoukovec | v domech, na zahradách i v lesích | hmyz | má osm nohou | | {S} není hmyz, protože má osm nohou. / {S} spřádá pavučinu. / {S} chytá do sítě mouchy.
motýl | motýli | hmyz | na loukách a v zahradách | nektar z květů | má šest nohou | | {S} má barevná křídla. / {S} se líhne z kukly. / Než se z housenky stane motýl, musí se zakuklit.
mravenec | mravenci | hmyz | v mraveništi | semena, hmyz a sladkou šťávu | má šest nohou | | {S} unese mnohem víc, než sám váží. / {S} žije ve velké kolonii. / {S} pracuje celý den.
medvěd | medvědi | savec | v lesích a v horách | ryby, bobule, kořínky a med | má čtyři nohy | | {S} v zimě dlouho spí. / {S} je velká a silná šelma. / {S} umí lézt po stromech.
kapr | kapři | ryba | v rybnících | drobné živočichy a rostliny | nemá žádné nohy | | {S} se v Česku tradičně jí o Vánocích. / {S} dýchá žábrami. / {S} má tělo pokryté šupinami.
husa | husy | pták | na farmě a u vody | trávu a zrní | má dvě nohy a dvě křídla | | {S} umí plavat. / {S} hlasitě kejhá. / {S} létá na zimu do teplých krajin.
koza | kozy | savec | na farmě a v horách | trávu a listí | má čtyři nohy | mé | {S} dává mléko, ze kterého se dělá sýr. / {S} výborně šplhá po skalách. / Mládě kozy se nazývá kůzle.
králík | králíci | savec | v norách i v domácnostech | trávu, mrkev a seno | má čtyři nohy | | {S} má dlouhé uši. / {S} umí rychle skákat. / {S} má stále dorůstající zuby.
veverka | veverky | savec | v lese a v parku | ořechy a semena | má čtyři nohy | | {S} si na zimu schovává ořechy. / {S} má huňatý ocas. / {S} šikovně skáče z větve na větev.
velbloud | velbloudi | savec | v poušti | trávu a trnité rostliny | má čtyři nohy | | {S} vydrží dlouho bez vody. / {S} má na zádech jeden nebo dva hrby. / {S} umí chodit po horkém písku.
"""

Animal = tuple[str, str, str, str, str, str, str, tuple[str, ...]]


def _animals() -> tuple[Animal, ...]:
    rows = []
    for line in _ANIMAL_TABLE.strip().splitlines():
        f = [x.strip() for x in line.split("|")]
        facts = tuple(x.strip() for x in f[7].split(" / "))
        rows.append((f[0], f[1], f[2], f[3], f[4], f[5], f[6], facts))
    return tuple(rows)


_ANIMALS = _animals()
_CLASS_ACC = {
    "savec": "savce",
    "pták": "ptáky",
    "plaz": "plazy",
    "obojživelník": "obojživelníky",
    "ryba": "ryby",
    "hmyz": "hmyz",
    "pavoukovec": "pavoukovce",
}
_CLASS_PL = {
    "savec": "savci",
    "pták": "ptáci",
    "plaz": "plazi",
    "obojživelník": "obojživelníci",
    "ryba": "ryby",
    "hmyz": "hmyz",
    "pavoukovec": "pavoukovci",
}
_CLASS_T = (
    "{S} je {c}.",
    "{S} patří mezi {ca}.",
    "Do jaké skupiny zvířat patří {s}? Je to {c}.",
    "Podle biologů je {s} {c}.",
    "{S} se řadí mezi {ca}.",
    "{S} je podle vědců {c}.",
)
_HAB_T = (
    "{S} žije {h}.",
    "{S} obvykle žije {h}.",
    "Kde žije {s}? Nejčastěji {h}.",
    "{S} se vyskytuje {h}.",
    "{S} má svůj domov {h}.",
    "Nejčastěji žije {s} {h}.",
)
_FOOD_T = (
    "{S} jí {f}.",
    "{S} se živí tak, že jí {f}.",
    "Co jí {s}? Hlavně {f}.",
    "Jídelníček je jednoduchý: {s} jí {f}.",
    "Když má {s} hlad, jí {f}.",
    "{S} nejčastěji jí {f}.",
)
_LEGS_T = (
    "{S} {l}.",
    "Kolik nohou má {s}? {L}.",
    "Když se podíváme pozorně, uvidíme, že {s} {l}.",
    "Na obrázku je dobře vidět, že {s} {l}.",
    "Spočítej to sám: {s} {l}.",
)
_SOUND_T = (
    "{S} dělá {o}.",
    "Jak dělá {s}? {S} dělá {o}.",
    "Děti vědí, že {s} dělá {o}.",
    "Slyšíš? {S} dělá {o}.",
    "Když {s} promluví, uslyšíš {o}.",
    "Když se ozve {o}, je to {s}.",
)
_ANIMAL_INTRO = (
    "{S} je zvíře, které zná skoro každé dítě.",
    "Dnes si povíme něco o tom, jak žije {s}.",
    "Zvíře: {s}.",
    "{S} je zajímavé zvíře.",
    "Víte, jak žije {s}?",
    "Tento článek je o tom, jak žije {s}.",
)
_PETS = ("psi", "kočky", "králíci")
_FARM = ("krávy", "ovce", "prasata", "koně", "kozy", "kachny", "husy")
_PAIR_T = (
    "{P} a {q} jsou oblíbená domácí zvířata.",
    "{P} i {q} jsou savci.",
    "{P} a {q} jsou zvířata, která žijí s lidmi.",
    "Mnoho rodin chová doma zvířata, nejčastěji jsou to {p} a {q}.",
    "{P} a {q} patří k nejoblíbenějším mazlíčkům.",
    "{P} a {q} jsou domácí zvířata a potřebují péči.",
)
_FARM_T = (
    "{P} a {q} žijí na farmě.",
    "Na farmě můžeme vidět {p} i {q}.",
    "{P} a {q} jsou hospodářská zvířata.",
    "Zemědělec se stará o {p} a {q}.",
    "Na statku žijí {p} a {q}.",
)
_FARM_ACC = {
    "krávy": "krávy",
    "ovce": "ovce",
    "prasata": "prasata",
    "koně": "koně",
    "kozy": "kozy",
    "kachny": "kachny",
    "husy": "husy",
}


def _animal_doc(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.15:
        pool = _PETS if rng.random() < 0.6 else _FARM
        p, q = rng.sample(list(pool), 2)
        t = _PAIR_T if pool is _PETS else _FARM_T
        first = phrase(rng, t, heldout).format(P=cap(p), p=p, q=q)
        pick = rng.choice((p, q))
        row = next(r for r in _ANIMALS if r[1] == pick)
        return first + " " + _animal_body(rng, heldout, row)
    return _animal_body(rng, heldout, rng.choice(_ANIMALS))


def _animal_body(rng: random.Random, heldout: bool, row: Animal) -> str:
    name, _pl, cls, hab, food, legs, sound, facts = row
    parts: list[str] = []
    args = {"S": cap(name), "s": name, "c": cls, "ca": _CLASS_ACC[cls], "h": hab, "f": food, "l": legs, "L": cap(legs)}
    pieces: list[str] = [
        phrase(rng, _CLASS_T, heldout),
        phrase(rng, _HAB_T, heldout),
        phrase(rng, _FOOD_T, heldout),
        phrase(rng, _LEGS_T, heldout),
    ]
    if sound:
        args["o"] = sound
        pieces.append(phrase(rng, _SOUND_T, heldout))
    chosen = rng.sample(pieces, rng.randint(2, len(pieces)))
    chosen += rng.sample(list(facts), rng.randint(1, min(3, len(facts))))
    rng.shuffle(chosen)
    if rng.random() < 0.5:
        parts.append(phrase(rng, _ANIMAL_INTRO, heldout).format(**args))
    prev_named = False
    for t in chosen:
        s = t.format(**args)
        named = s.startswith(cap(name) + " ")
        if named and prev_named and rng.random() < 0.5:
            s = _drop_subject(s, cap(name))
        prev_named = named
        parts.append(s)
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: countries and cities (names from facts.COUNTRIES / facts.CITIES)
# ---------------------------------------------------------------------------------------------------------------

# key: genitive, locative (with its preposition), continent (locative with preposition)
_COUNTRY_FORMS: dict[str, tuple[str, str, str]] = {
    "france": ("Francie", "ve Francii", "v Evropě"),
    "germany": ("Německa", "v Německu", "v Evropě"),
    "italy": ("Itálie", "v Itálii", "v Evropě"),
    "spain": ("Španělska", "ve Španělsku", "v Evropě"),
    "japan": ("Japonska", "v Japonsku", "v Asii"),
    "china": ("Číny", "v Číně", "v Asii"),
    "russia": ("Ruska", "v Rusku", "v Evropě i v Asii"),
    "ukraine": ("Ukrajiny", "na Ukrajině", "v Evropě"),
    "czechia": ("Česka", "v Česku", "ve střední Evropě"),
    "poland": ("Polska", "v Polsku", "v Evropě"),
    "egypt": ("Egypta", "v Egyptě", "v Africe"),
    "canada": ("Kanady", "v Kanadě", "v Severní Americe"),
    "brazil": ("Brazílie", "v Brazílii", "v Jižní Americe"),
    "argentina": ("Argentiny", "v Argentině", "v Jižní Americe"),
    "austria": ("Rakouska", "v Rakousku", "ve střední Evropě"),
    "hungary": ("Maďarska", "v Maďarsku", "ve střední Evropě"),
    "greece": ("Řecka", "v Řecku", "v Evropě"),
    "portugal": ("Portugalska", "v Portugalsku", "v Evropě"),
    "norway": ("Norska", "v Norsku", "v Evropě"),
    "sweden": ("Švédska", "ve Švédsku", "v Evropě"),
    "finland": ("Finska", "ve Finsku", "v Evropě"),
    "ireland": ("Irska", "v Irsku", "v Evropě"),
    "india": ("Indie", "v Indii", "v Asii"),
    "kenya": ("Keni", "v Keni", "v Africe"),
    "peru": ("Peru", "v Peru", "v Jižní Americe"),
    "chile": ("Chile", "v Chile", "v Jižní Americe"),
    "turkey": ("Turecka", "v Turecku", "v Asii a malou částí v Evropě"),
    "thailand": ("Thajska", "v Thajsku", "v Asii"),
    "australia": ("Austrálie", "v Austrálii", "v Austrálii a Oceánii"),
    "korea": ("Jižní Koreje", "v Jižní Koreji", "v Asii"),
    "vietnam": ("Vietnamu", "ve Vietnamu", "v Asii"),
    "iran": ("Íránu", "v Íránu", "v Asii"),
    "cuba": ("Kuby", "na Kubě", "v Karibiku"),
    "belgium": ("Belgie", "v Belgii", "v Evropě"),
    "netherlands": ("Nizozemska", "v Nizozemsku", "v Evropě"),
    "denmark": ("Dánska", "v Dánsku", "v Evropě"),
    "switzerland": ("Švýcarska", "ve Švýcarsku", "v Evropě"),
    "morocco": ("Maroka", "v Maroku", "v Africe"),
    "indonesia": ("Indonésie", "v Indonésii", "v Asii"),
    "romania": ("Rumunska", "v Rumunsku", "v Evropě"),
}
_COUNTRY_ROWS: tuple[tuple[str, str, str], ...] = tuple((c.key, c.subject["cs"], c.answer["cs"]) for c in COUNTRIES)
_CITY_ROWS: tuple[tuple[str, str], ...] = tuple((c.subject["cs"], CITY_COUNTRY[c.key]) for c in CITIES)

_CAPITAL_T = (
    "Hlavní město {g} je {c}.",
    "{C} je hlavní město {g}.",
    "Hlavním městem {g} je {c}.",
    "{N} má hlavní město {c}.",
    "Kdo jede do hlavního města {g}, přijede do města {c}.",
    "Jaké je hlavní město {g}? Je to {c}.",
    "Sídlem vlády {g} je město {c}.",
    "{C} je největší a nejdůležitější město {g}.",
    "Hlavní město země {n} je {c}.",
    "Za hlavní město {g} se považuje {c}.",
)
_CAPLOC_T = (
    "{C} je město {l}.",
    "{C} leží {l}.",
    "{C} je velké město {l}.",
    "Město {c} najdeme {l}.",
    "{C} se nachází {l}.",
)
_CONT_T = (
    "{N} leží {k}.",
    "{N} je stát, který leží {k}.",
    "{N} je země {k}.",
    "Na mapě najdeme stát {n} {k}.",
    "{N} se rozkládá {k}.",
)
_CITY_T = (
    "Dalším známým městem {g} je {x}.",
    "{X} je město {l}.",
    "{X} leží {l}.",
    "Mezi velká města {g} patří také {x}.",
    "Kromě hlavního města stojí {l} za návštěvu i {x}.",
    "{X} je také město {l}.",
    "Turisté rádi navštěvují i město {x}, které leží {l}.",
)
_TWOHOP_T = (
    "{X} leží {l}, a hlavním městem této země je {c}.",
    "Město {x} je {l} a hlavní město této země je {c}.",
    "{X} leží {l}. Hlavní město {g} je {c}.",
    "Kdo bydlí ve městě {x}, žije {l}. Hlavní město této země je {c}.",
    "{X} není hlavní město. Hlavním městem {g} je {c}.",
)


def _country_doc(rng: random.Random, heldout: bool) -> str:
    key, name, capital = rng.choice(_COUNTRY_ROWS)
    gen, loc, cont = _COUNTRY_FORMS[key]
    args = {"N": name, "n": name, "g": gen, "l": loc, "k": cont, "C": capital, "c": capital}
    parts = [phrase(rng, _CAPITAL_T, heldout), phrase(rng, _CAPLOC_T, heldout), phrase(rng, _CONT_T, heldout)]
    rng.shuffle(parts)
    cities = [c for c, k in _CITY_ROWS if k == key]
    rng.shuffle(cities)
    for city in cities[: rng.randint(1, 2)]:
        t = phrase(rng, _TWOHOP_T if rng.random() < 0.4 else _CITY_T, heldout)
        parts.append(t.replace("{X}", cap(city)).replace("{x}", city))
    if rng.random() < 0.5:
        k2, n2, c2 = rng.choice(_COUNTRY_ROWS)
        if k2 != key:
            g2 = _COUNTRY_FORMS[k2][0]
            parts.append(phrase(rng, _CAPITAL_T, heldout).format(N=n2, n=n2, g=g2, C=c2, c=c2))
    return " ".join(p.format(**args) for p in parts)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: facts written as clauses, wrapped by frames ("Je dobré vědět, že …")
# ---------------------------------------------------------------------------------------------------------------

_FACT_FRAMES = (
    "{X}.",
    "{X}.",
    "Ve škole se učíme, že {x}.",
    "Je dobré vědět, že {x}.",
    "Málokdo si uvědomuje, že {x}.",
    "{X}.",
    "Věděli jste, že {x}?",
    "{X}.",
    "Je pravda, že {x}.",
    "Asi víte, že {x}.",
    "{X}.",
    "Je známo, že {x}.",
    "{X}.",
    "Zajímavé je, že {x}.",
    "Každý, kdo se trochu zajímá o svět, ví, že {x}.",
)
_TOPIC_INTRO = (
    "Dnes si povíme něco {o}.",
    "Toto je krátký článek {o}.",
    "Pojďme se dozvědět víc {o}.",
    "Tady je několik zajímavostí {o}.",
    "Následující řádky vyprávějí {o}.",
    "Co víme {o}?",
    "Přečtěte si pár vět {o}.",
    "Naše encyklopedie dnes píše {o}.",
    "Krátce {o}.",
    "Malá lekce {o}.",
)

# topic: "o + locative" title, then fact clauses (each starts in the form it has inside a sentence)
_FACT_TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "water": (
        "o vodě",
        (
            "voda se skládá z vodíku a kyslíku",
            "molekula vody obsahuje dva atomy vodíku a jeden atom kyslíku",
            "chemický vzorec vody je H2O",
            "čistá voda vře při teplotě 100 °C",
            "voda zamrzá při teplotě 0 °C a mění se v led",
            "voda může být pevná, kapalná i plynná",
            "když se voda zahřeje, mění se v páru",
            "bez vody by na Zemi nemohl existovat život",
            "oceány pokrývají většinu povrchu Země",
            "lidské tělo obsahuje velké množství vody",
            "led je lehčí než voda, a proto plave na hladině",
            "voda v mořích je slaná, ale voda v řekách je sladká",
            "déšť vzniká, když se vodní pára v mracích ochladí",
        ),
    ),
    "space": (
        "o Zemi, Slunci a Měsíci",
        (
            "Země obíhá kolem Slunce",
            "jedna cesta Země kolem Slunce trvá přibližně jeden rok",
            "Země se otočí kolem své osy jednou za den",
            "Slunce vychází na východě a zapadá na západě",
            "Slunce je hvězda",
            "Slunce je nejbližší hvězda k Zemi",
            "Měsíc obíhá kolem Země",
            "světlo ze Slunce letí na Zemi asi osm minut",
            "Země je třetí planeta od Slunce",
            "Měsíc nemá vlastní světlo, ale odráží světlo Slunce",
            "na obloze v noci vidíme hvězdy a Měsíc",
            "Země má tvar koule",
            "v naší sluneční soustavě je osm planet",
        ),
    ),
    "plants": (
        "o rostlinách",
        (
            "rostliny potřebují ke svému růstu vodu, světlo a vzduch",
            "stromy potřebují vodu a sluneční světlo",
            "listy rostlin jsou zelené, protože obsahují chlorofyl",
            "rostliny vyrábějí ze světla, vody a oxidu uhličitého cukr a kyslík",
            "ději, při kterém rostliny vyrábějí potravu ze světla, se říká fotosyntéza",
            "kořeny berou z půdy vodu",
            "ze semínka vyroste nová rostlina",
            "na podzim mnoho stromů shazuje listí",
            "stromy vytvářejí kyslík, který dýcháme",
            "květy lákají včely a motýly",
            "některé stromy se dožívají stovek let",
            "z květu se často vyvine plod se semeny",
        ),
    ),
    "weather": (
        "o počasí a ročních obdobích",
        (
            "rok má čtyři roční období: jaro, léto, podzim a zimu",
            "v zimě bývá chladno a často sněží",
            "v létě bývají dny dlouhé a teplé",
            "na jaře kvetou stromy a ptáci se vracejí z teplých krajin",
            "na podzim padá listí ze stromů",
            "déšť padá z mraků",
            "duha se objeví, když svítí slunce a zároveň prší",
            "za jasného dne je obloha modrá",
            "obloha je modrá, protože vzduch rozptyluje modré světlo nejvíc",
            "sníh je zmrzlá voda",
            "blesk je obrovská elektrická jiskra v bouřce",
            "vítr je proudící vzduch",
            "teplotu vzduchu měříme teploměrem",
            "v zimě jsou dny krátké a noci dlouhé",
        ),
    ),
    "body": (
        "o lidském těle a zdraví",
        (
            "dospělý člověk má 206 kostí",
            "srdce pumpuje krev do celého těla",
            "plíce nám pomáhají dýchat",
            "mozek řídí celé tělo",
            "člověk má pět smyslů: zrak, sluch, čich, chuť a hmat",
            "děti potřebují více spánku než dospělí",
            "pohyb a sport jsou dobré pro zdraví",
            "před jídlem si máme umýt ruce",
            "zuby si máme čistit dvakrát denně",
            "když jsme nemocní, jdeme k lékaři",
            "lékař nás vyšetří a poradí nám, jak se uzdravit",
            "ovoce a zelenina obsahují mnoho vitamínů",
            "dostatek spánku pomáhá tělu i mysli",
            "je důležité pít během dne dost vody",
        ),
    ),
    "tech": (
        "o počítačích a technice",
        (
            "počítač je stroj, který zpracovává informace",
            "počítač umí velmi rychle počítat a ukládat data",
            "umělá inteligence je obor informatiky",
            "umělá inteligence je technologie, díky které se stroje učí z dat",
            "umělá inteligence pomáhá překládat texty a rozpoznávat obrázky",
            "jazykový model je program umělé inteligence, který pracuje s textem",
            "internet je celosvětová síť propojených počítačů",
            "díky internetu můžeme posílat zprávy a hledat informace",
            "mobilní telefon slouží k volání, psaní zpráv i fotografování",
            "robot je stroj, který dokáže sám vykonávat některé práce",
            "roboti pomáhají lidem v továrnách",
            "první elektronické počítače vznikly ve čtyřicátých letech dvacátého století",
            "programátor píše programy, které říkají počítači, co má dělat",
            "klávesnice a myš slouží k ovládání počítače",
            "počítač potřebuje ke své práci elektřinu",
        ),
    ),
    "history": (
        "o dějinách",
        (
            "Karel IV. založil v Praze univerzitu v roce 1348",
            "Kryštof Kolumbus připlul do Ameriky v roce 1492",
            "první lidé přistáli na Měsíci v roce 1969",
            "Jurij Gagarin se v roce 1961 stal prvním člověkem ve vesmíru",
            "Československo vzniklo 28. října 1918",
            "Česká republika vznikla 1. ledna 1993",
            "druhá světová válka skončila v roce 1945",
            "Berlínská zeď padla v roce 1989",
            "první moderní olympijské hry se konaly v roce 1896 v Řecku",
            "stavba Karlova mostu v Praze začala v roce 1357",
            "bratři Wrightové poprvé vzlétli s letadlem v roce 1903",
            "Jan Amos Komenský je známý jako učitel národů",
            "knihtisk s pohyblivými literami vynalezl Johannes Gutenberg v 15. století",
        ),
    ),
    "art": (
        "o umění a hudbě",
        (
            "hudba je umění, které pracuje se zvuky a tóny",
            "pařížské muzeum Louvre má slavný obraz Mona Lisa",
            "hudba je radost, kterou můžeme sdílet s ostatními",
            "v pařížském muzeu Louvre visí slavný obraz Mona Lisa",
            "obraz Mona Lisa namaloval Leonardo da Vinci",
            "obraz Hvězdná noc namaloval Vincent van Gogh",
            "v muzeu můžeme vidět staré předměty, obrazy a sochy",
            "galerie je místo, kde se vystavují obrazy",
            "Národní muzeum stojí na Václavském náměstí v Praze",
            "Bedřich Smetana složil cyklus symfonických básní Má vlast",
            "Antonín Dvořák složil symfonii Z Nového světa",
            "Wolfgang Amadeus Mozart byl slavný skladatel z Rakouska",
            "orchestr je velká skupina hudebníků",
            "dirigent řídí orchestr",
            "malíř maluje obrazy štětcem a barvami",
            "sochař tvoří sochy z kamene, dřeva nebo kovu",
        ),
    ),
}


def _fact_doc(rng: random.Random, heldout: bool, topic: str | None = None) -> str:
    key = topic or rng.choice(tuple(_FACT_TOPICS))
    about, facts = _FACT_TOPICS[key]
    parts: list[str] = []
    if rng.random() < 0.6:
        parts.append(phrase(rng, _TOPIC_INTRO, heldout).format(o=about))
    for fact in rng.sample(list(facts), rng.randint(3, 6)):
        parts.append(phrase(rng, _FACT_FRAMES, heldout).format(X=cap(fact), x=fact))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# Encyclopedia: planets, food, sport, instruments, jobs, calendar
# ---------------------------------------------------------------------------------------------------------------

# name, order from the Sun (1-based), facts
_PLANETS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        "Merkur",
        1,
        ("{P} je nejmenší planeta sluneční soustavy.", "{P} je planeta nejbližší ke Slunci.", "{P} nemá žádný měsíc."),
    ),
    (
        "Venuše",
        2,
        (
            "{P} je nejteplejší planeta sluneční soustavy.",
            "{P} je po Měsíci nejjasnější objekt na noční obloze.",
            "{P} je obalena hustými mraky.",
        ),
    ),
    (
        "Země",
        3,
        (
            "{P} je jediná planeta, o které víme, že na ní žijí živé bytosti.",
            "{P} má jeden měsíc, který se jmenuje Měsíc.",
            "{P} je z velké části pokryta vodou.",
        ),
    ),
    (
        "Mars",
        4,
        (
            "{P} se nazývá rudá planeta, protože jeho povrch je načervenalý.",
            "{P} má dva malé měsíce.",
            "Na planetu {P} vyslali lidé několik robotických vozítek.",
        ),
    ),
    ("Jupiter", 5, ("{P} je největší planeta sluneční soustavy.", "{P} je plynný obr.", "{P} má mnoho měsíců.")),
    (
        "Saturn",
        6,
        (
            "{P} má nápadné prstence z ledu a kamení.",
            "{P} je druhá největší planeta sluneční soustavy.",
            "{P} je plynný obr.",
        ),
    ),
    ("Uran", 7, ("{P} obíhá kolem Slunce jakoby vleže na boku.", "{P} je ledový obr.", "{P} má modrozelenou barvu.")),
    (
        "Neptun",
        8,
        ("{P} je planeta nejvzdálenější od Slunce.", "{P} je ledový obr.", "Na planetě {P} vanou velmi silné větry."),
    ),
)
_PLANET_T = (
    "{P} je {o} planeta od Slunce.",
    "Od Slunce je {p} {o} planeta v pořadí.",
    "{P} obíhá kolem Slunce jako {o} planeta.",
    "V pořadí od Slunce je {p} {o} planeta.",
    "Když počítáme planety od Slunce, {p} je {o} planeta.",
    "{P} je planeta sluneční soustavy.",
)

# name, kind, colour (agreeing), taste (feminine accusative, "má … chuť"), where it grows, facts
_FOODS: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    (
        "jablko",
        "ovoce",
        "červené, zelené nebo žluté",
        "sladkou nebo nakyslou",
        "na stromě, kterému se říká jabloň",
        ("Z jablek se peče jablečný závin.", "Jablko obsahuje hodně vitamínů."),
    ),
    (
        "banán",
        "ovoce",
        "žlutý",
        "sladkou",
        "v teplých krajinách",
        ("Banán je měkký a snadno se loupe.", "Banán dodává tělu energii."),
    ),
    (
        "citron",
        "ovoce",
        "žlutý",
        "kyselou",
        "na stromech v teplých krajinách",
        ("Citronová šťáva se přidává do čaje.", "Citron obsahuje vitamín C."),
    ),
    (
        "jahoda",
        "ovoce",
        "červená",
        "sladkou",
        "na nízkých rostlinách na zahradě",
        ("Jahody dozrávají na začátku léta.", "Z jahod se dělá marmeláda."),
    ),
    ("třešeň", "ovoce", "červená", "sladkou", "na stromě", ("Třešně zrají v červnu.", "Třešeň má uvnitř pecku.")),
    (
        "hruška",
        "ovoce",
        "zelená nebo žlutá",
        "sladkou",
        "na stromě, kterému se říká hrušeň",
        ("Zralá hruška je šťavnatá.", "Hruška má tvar kapky."),
    ),
    (
        "pomeranč",
        "ovoce",
        "oranžový",
        "sladkou",
        "na stromech v teplých krajinách",
        ("Z pomerančů se lisuje džus.", "Pomeranč se dělí na dílky."),
    ),
    (
        "švestka",
        "ovoce",
        "modrá",
        "sladkou",
        "na stromě",
        ("Ze švestek se dělají knedlíky a povidla.", "Švestky zrají koncem léta."),
    ),
    (
        "rajče",
        "zelenina",
        "červené",
        "svěží",
        "na zahradě i ve skleníku",
        ("Rajče se dává do salátu.", "Z rajčat se vaří omáčka."),
    ),
    (
        "okurka",
        "zelenina",
        "zelená",
        "svěží",
        "na zahradě",
        ("Okurka obsahuje hodně vody.", "Okurky se dají nakládat do sklenic."),
    ),
    ("mrkev", "zelenina", "oranžová", "sladkou", "v zemi", ("Mrkev je dobrá pro oči.", "Mrkev mají rádi i králíci.")),
    (
        "brambora",
        "zelenina",
        "hnědá nebo žlutá",
        "jemnou",
        "v zemi",
        ("Z brambor se dělá kaše i hranolky.", "Brambory se vaří ve slané vodě."),
    ),
    (
        "cibule",
        "zelenina",
        "bílá, žlutá nebo červená",
        "ostrou",
        "v zemi",
        ("Při krájení cibule často pláčeme.", "Cibule se přidává do polévek a omáček."),
    ),
    (
        "paprika",
        "zelenina",
        "červená, zelená nebo žlutá",
        "sladkou nebo pálivou",
        "na zahradě",
        ("Paprika obsahuje hodně vitamínu C.", "Plněná paprika je oblíbené jídlo."),
    ),
    (
        "hrášek",
        "zelenina",
        "zelený",
        "sladkou",
        "v luscích na zahradě",
        ("Hrášek se sbírá v létě.", "Hrášek se přidává do polévky."),
    ),
)
_FRUIT_T = (
    "{F} je {k}.",
    "{F} patří mezi {ka}.",
    "{F} bývá {c}.",
    "Jakou barvu má {f}? Bývá {c}.",
    "{F} má {t} chuť.",
    "{F} roste {g}.",
    "{F} chutná dobře a má {t} chuť.",
    "Kde roste {f}? Obvykle {g}.",
    "{F} je zdravé jídlo, které patří mezi {ka}.",
    "Podívej se: {f} bývá {c}.",
)
_DISH_FACTS = (
    "svíčková je tradiční české jídlo",
    "guláš je husté jídlo z masa, cibule a papriky",
    "knedlíky jsou typická příloha české kuchyně",
    "pizza pochází z Itálie",
    "sushi pochází z Japonska",
    "palačinky se dělají z mouky, mléka a vajec",
    "polévka se jí lžící",
    "chléb se peče z mouky, vody, soli a kvasu",
    "sýr se vyrábí z mléka",
    "ke snídani mnoho lidí jí chléb s máslem",
    "med vyrábějí včely",
    "čaj se připravuje z lístků zalitých horkou vodou",
)

# name, verb ("je" / "jsou"), kind, facts
_SPORTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "fotbal",
        "kolektivní sport",
        (
            "Ve fotbale proti sobě hrají dvě družstva po jedenácti hráčích.",
            "Hráči se snaží dát gól do branky soupeře.",
            "Kromě brankáře nesmějí hráči hrát rukama.",
            "Fotbalový zápas trvá devadesát minut.",
            "Fotbal je nejoblíbenější sport na světě.",
        ),
    ),
    (
        "lední hokej",
        "kolektivní sport",
        (
            "Lední hokej se hraje na ledě s hokejkou a pukem.",
            "Každé družstvo má na ledě pět hráčů a brankáře.",
            "V Česku je lední hokej velmi oblíbený.",
            "Hokejisté nosí brusle a helmu.",
        ),
    ),
    (
        "basketbal",
        "kolektivní sport",
        (
            "V basketbalu se hráči snaží hodit míč do koše.",
            "Basketbalové družstvo má na hřišti pět hráčů.",
            "Basketbalový koš visí vysoko nad hřištěm.",
        ),
    ),
    (
        "volejbal",
        "kolektivní sport",
        (
            "Ve volejbale hraje každé družstvo se šesti hráči.",
            "Volejbalisté odbíjejí míč přes vysokou síť.",
            "Plážový volejbal se hraje na písku.",
        ),
    ),
    (
        "tenis",
        "míčová hra pro dva nebo čtyři hráče",
        (
            "Tenisté odpalují míček raketou přes síť.",
            "Tenis se hraje na kurtu.",
            "Mezi slavné tenisové turnaje patří Wimbledon.",
        ),
    ),
    (
        "plavání",
        "individuální sport",
        ("Plavání posiluje celé tělo.", "Mezi plavecké styly patří kraul, prsa a znak.", "Plavci závodí v bazénu."),
    ),
    (
        "běh",
        "nejjednodušší sport",
        ("Maratonský běh měří přes 42 kilometrů.", "K běhání stačí dobré boty.", "Běh je dobrý pro srdce."),
    ),
    (
        "cyklistika",
        "oblíbený sport",
        (
            "Cyklisté jezdí na kole.",
            "Při jízdě na kole je dobré mít helmu.",
            "Nejslavnější cyklistický závod je Tour de France.",
        ),
    ),
    (
        "lyžování",
        "zimní sport",
        (
            "Lyžaři jezdí po sněhu na lyžích.",
            "Lyžovat se dá na horách.",
            "Mezi lyžařské disciplíny patří sjezd a slalom.",
        ),
    ),
    (
        "šachy",
        "desková hra pro dva hráče",
        (
            "Šachy se hrají na šachovnici s 64 poli.",
            "Každý hráč má na začátku šestnáct figur.",
            "Cílem šachů je dát soupeři mat.",
        ),
    ),
)
_SPORT_T = (
    "{S} {v} {k}.",
    "{S} patří mezi sporty, které mají rádi děti i dospělí.",
    "Co {v} {s}? {V} to {k}.",
    "{S} {v} {k} a baví mnoho lidí.",
    "Sport, kterému se říká {s}, je {k}.",
)

# name, kind (singular "X je" or plural "X jsou"), plural?, facts
_INSTRUMENTS: tuple[tuple[str, str, bool, tuple[str, ...]], ...] = (
    ("klavír", "klávesový nástroj", False, ("Klavír má bílé a černé klávesy.", "Na klavír se hraje oběma rukama.")),
    ("housle", "strunný nástroj", True, ("Na housle se hraje smyčcem.", "Housle mají čtyři struny.")),
    ("kytara", "strunný nástroj", False, ("Kytara má obvykle šest strun.", "Na kytaru se hraje prsty nebo trsátkem.")),
    ("flétna", "dechový nástroj", False, ("Do flétny se fouká.", "Zobcová flétna je častý první nástroj dětí.")),
    ("trubka", "žesťový dechový nástroj", False, ("Trubka má jasný a silný zvuk.", "Trubka se vyrábí z kovu.")),
    ("buben", "bicí nástroj", False, ("Do bubnu se tluče paličkami.", "Buben udává rytmus.")),
    ("violoncello", "strunný nástroj", False, ("Violoncello má hluboký zvuk.", "Na violoncello se hraje vsedě.")),
    ("harfa", "strunný nástroj", False, ("Harfa má mnoho strun.", "Na harfu se hraje prsty.")),
    (
        "klarinet",
        "dřevěný dechový nástroj",
        False,
        ("Klarinet má plátek, který při hře kmitá.", "Klarinet hraje v orchestru i v jazzu."),
    ),
)
_INSTR_T = (
    "{I} {v} {k}.",
    "{I} {v} hudební nástroj: {k}.",
    "Mezi hudební nástroje patří i {i}, což je {k}.",
    "Jaký nástroj {v} {i}? Je to {k}.",
    "Hudebníci vědí, že {i} {v} {k}.",
)

# job (nominative), instrumental, what he/she does, where (locative)
_JOBS: tuple[tuple[str, str, str, str], ...] = (
    ("lékař", "lékařem", "léčí nemocné lidi", "v nemocnici nebo v ordinaci"),
    ("učitel", "učitelem", "učí děti číst, psát a počítat", "ve škole"),
    ("hasič", "hasičem", "hasí požáry a zachraňuje lidi", "na hasičské stanici"),
    ("pekař", "pekařem", "peče chléb, rohlíky a koláče", "v pekárně"),
    ("kuchař", "kuchařem", "vaří jídlo pro hosty", "v restauraci"),
    ("policista", "policistou", "dbá na bezpečnost a pořádek", "na policejní služebně"),
    ("zahradník", "zahradníkem", "pěstuje květiny, stromy a zeleninu", "v zahradě"),
    ("programátor", "programátorem", "píše programy pro počítače", "v kanceláři nebo z domova"),
    ("pilot", "pilotem", "řídí letadlo", "v kabině letadla"),
    ("zemědělec", "zemědělcem", "pěstuje plodiny a chová zvířata", "na farmě"),
    ("veterinář", "veterinářem", "léčí nemocná zvířata", "ve veterinární ordinaci"),
    ("knihovník", "knihovníkem", "půjčuje lidem knihy", "v knihovně"),
    ("zubař", "zubařem", "ošetřuje lidem zuby", "v zubní ordinaci"),
    ("prodavač", "prodavačem", "prodává zboží zákazníkům", "v obchodě"),
    ("řidič autobusu", "řidičem autobusu", "vozí cestující po městě", "v autobusu"),
    ("malíř", "malířem", "maluje obrazy", "v ateliéru"),
)
_JOB_T = (
    "{J} {d}.",
    "{J} pracuje {w}.",
    "Kdo {d}? Přece {j}.",
    "Práce, kterou dělá {j}, je důležitá: {d}.",
    "Kdo chce být {i}, musí se hodně učit, protože {j} {d}.",
    "{J} obvykle pracuje {w} a {d}.",
    "Povolání {j} je potřebné, protože {j} {d}.",
    "Každý den {j} {d}.",
    "Když vyrostu, chtěl bych být {i}, protože {j} {d}.",
    "Mnoho dětí chce být {i}.",
)
_CAL_T = (
    "{M} je {o} měsíc roku.",
    "{O} měsíc v roce je {m}.",
    "V pořadí je {m} {o} měsíc roku.",
    "Po {prev} přichází {m}.",
    "Měsíc {m} je v kalendáři {o}.",
    "{M} má {n} dní.",
    "V kalendáři následuje po {prev} {m}.",
    "{M} patří do období, kterému se říká {s}.",
    "Kolikátý měsíc roku je {m}? Je {o}.",
    "{M} je {o} v pořadí mezi dvanácti měsíci.",
)
_DAY_T = (
    "{D} je {o} den v týdnu.",
    "Po {prev} přichází {d}.",
    "Týden má sedm dní a {d} je {o} den.",
    "{D} následuje po dni, kterému se říká {pn}.",
    "{D} je v týdnu {o} den v pořadí.",
)


def _planet_doc(rng: random.Random, heldout: bool) -> str:
    rows = rng.sample(list(_PLANETS), rng.randint(2, 3))
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(
            phrase(rng, _FACT_FRAMES, heldout).format(
                X="V naší sluneční soustavě je osm planet", x="v naší sluneční soustavě je osm planet"
            )
        )
    for name, order, facts in rows:
        parts.append(phrase(rng, _PLANET_T, heldout).format(P=name, p=name, o=_ORD_F[order - 1]))
        parts.append(rng.choice(facts).format(P=name))
    return " ".join(parts)


def _food_doc(rng: random.Random, heldout: bool) -> str:
    parts: list[str] = []
    for name, kind, colour, taste, grows, facts in rng.sample(list(_FOODS), rng.randint(1, 2)):
        args = {
            "F": cap(name),
            "f": name,
            "k": kind,
            "c": colour,
            "t": taste,
            "g": grows,
            "ka": "ovoce" if kind == "ovoce" else "zeleninu",
        }
        for t in rng.sample([phrase(rng, _FRUIT_T, heldout) for _ in range(3)], 2):
            parts.append(t.format(**args))
        parts.append(rng.choice(facts))
    for fact in rng.sample(list(_DISH_FACTS), rng.randint(1, 2)):
        parts.append(phrase(rng, _FACT_FRAMES, heldout).format(X=cap(fact), x=fact))
    rng.shuffle(parts)
    return " ".join(dict.fromkeys(parts))


def _sport_doc(rng: random.Random, heldout: bool) -> str:
    parts: list[str] = []
    for name, kind, facts in rng.sample(list(_SPORTS), rng.randint(1, 2)):
        v = "jsou" if name == "šachy" else "je"
        parts.append(phrase(rng, _SPORT_T, heldout).format(S=cap(name), s=name, k=kind, v=v, V=cap(v)))
        parts.extend(rng.sample(list(facts), rng.randint(1, min(3, len(facts)))))
    if rng.random() < 0.4:
        parts.append(
            phrase(rng, _FACT_FRAMES, heldout).format(X="Sport je dobrý pro zdraví", x="sport je dobrý pro zdraví")
        )
    return " ".join(parts)


def _music_doc(rng: random.Random, heldout: bool) -> str:
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(_fact_doc(rng, heldout, "art"))
    for name, kind, plural, facts in rng.sample(list(_INSTRUMENTS), rng.randint(1, 3)):
        v = "jsou" if plural else "je"
        parts.append(phrase(rng, _INSTR_T, heldout).format(I=cap(name), i=name, v=v, k=kind))
        parts.append(rng.choice(facts))
    return " ".join(parts)


def _job_doc(rng: random.Random, heldout: bool) -> str:
    parts: list[str] = []
    for job, ins, does, where in rng.sample(list(_JOBS), rng.randint(2, 3)):
        args = {"J": cap(job), "j": job, "i": ins, "d": does, "w": where}
        ts = [phrase(rng, _JOB_T, heldout) for _ in range(2)]
        parts.extend(dict.fromkeys(t.format(**args) for t in ts))
    return " ".join(parts)


def _calendar_doc(rng: random.Random, heldout: bool) -> str:
    parts: list[str] = []
    if rng.random() < 0.5:
        for i in rng.sample(range(12), rng.randint(2, 4)):
            m = _MONTHS[i]
            args = {
                "M": cap(m),
                "m": m,
                "o": _ORD_M[i],
                "O": cap(_ORD_M[i]),
                "prev": _MONTHS_LOC[i - 1],
                "n": str(_MONTH_DAYS[i]),
                "s": _SEASON_OF_MONTH[i],
            }
            if i == 0:
                args["prev"] = "prosinci"
            parts.append(phrase(rng, _CAL_T, heldout).format(**args))
        if rng.random() < 0.5:
            parts.append("Rok má dvanáct měsíců.")
    else:
        for i in rng.sample(range(7), rng.randint(2, 4)):
            d = _DAYS[i]
            args = {"D": cap(d), "d": d, "o": _ORD_M[i], "prev": _DAYS_LOC[i - 1], "pn": _DAYS[i - 1]}
            parts.append(phrase(rng, _DAY_T, heldout).format(**args))
        if rng.random() < 0.5:
            parts.append("Sobota a neděle tvoří víkend.")
    return " ".join(parts)


def _encyclopedia(rng: random.Random, heldout: bool) -> str:
    r = rng.random()
    if r < 0.22:
        return _animal_doc(rng, heldout)
    if r < 0.36:
        return _country_doc(rng, heldout)
    if r < 0.62:
        return _fact_doc(rng, heldout)
    if r < 0.68:
        return _planet_doc(rng, heldout)
    if r < 0.77:
        return _food_doc(rng, heldout)
    if r < 0.83:
        return _sport_doc(rng, heldout)
    if r < 0.89:
        return _music_doc(rng, heldout)
    if r < 0.95:
        return _job_doc(rng, heldout)
    return _calendar_doc(rng, heldout)


# ---------------------------------------------------------------------------------------------------------------
# Stories. {a}/{b} are characters in cases 1–7 ({a2} genitive, {a3} dative, {a4} accusative, {a5} vocative,
# {a7} instrumental); [m|f] agrees with a, <m|f> with b, «m|f» with both together (feminine only if both are).
# ---------------------------------------------------------------------------------------------------------------

_PAIR_GENDER = re.compile(r"«([^|»]*)\|([^»]*)»")

_PETS_P = _persons("""
kočka Micka, kočky Micky, kočce Micce, kočku Micku, Micko, kočkou Mickou, f
pes Alík, psa Alíka, psovi Alíkovi, psa Alíka, Alíku, psem Alíkem, m
kocour Mourek, kocoura Mourka, kocourovi Mourkovi, kocoura Mourka, Mourku, kocourem Mourkem, m
fenka Bára, fenky Báry, fence Báře, fenku Báru, Báro, fenkou Bárou, f
kočka, kočky, kočce, kočku, kočičko, kočkou, f
pes, psa, psovi, psa, pejsku, psem, m
""")
# object: nominative, accusative, past-tense ending of its verbs ("" / "a" / "o")
_THINGS: tuple[tuple[str, str, str], ...] = (
    ("klíč", "klíč", ""),
    ("míč", "míč", ""),
    ("kniha", "knihu", "a"),
    ("čepice", "čepici", "a"),
    ("panenka", "panenku", "a"),
    ("deštník", "deštník", ""),
    ("sešit", "sešit", ""),
    ("šála", "šálu", "a"),
    ("pero", "pero", "o"),
    ("tužka", "tužku", "a"),
    ("hračka", "hračku", "a"),
    ("klobouk", "klobouk", ""),
    ("batoh", "batoh", ""),
    ("prstýnek", "prstýnek", ""),
    ("autíčko", "autíčko", "o"),
    ("penál", "penál", ""),
)
_SPOTS = (
    "pod postelí",
    "za skříní",
    "v kapse kabátu",
    "pod stolem",
    "na poličce v kuchyni",
    "v trávě u plotu",
    "pod lavičkou v parku",
    "na dně batohu",
    "za gaučem",
    "v šuplíku psacího stolu",
)
_SEATS = (
    "na gauči",
    "na koberci",
    "na okně",
    "na rohožce",
    "na židli",
    "na plotě",
    "na posteli",
    "na schodech",
    "v křesle",
    "na zápraží",
)
# place: locative, direction
_PLACES: tuple[tuple[str, str], ...] = (
    ("v parku", "do parku"),
    ("na zahradě", "na zahradu"),
    ("v lese", "do lesa"),
    ("u babičky", "k babičce"),
    ("na trhu", "na trh"),
    ("v knihovně", "do knihovny"),
    ("na pláži", "na pláž"),
    ("v muzeu", "do muzea"),
    ("na hřišti", "na hřiště"),
    ("u rybníka", "k rybníku"),
    ("v zoo", "do zoo"),
    ("na kopci za vesnicí", "na kopec za vesnicí"),
    ("u řeky", "k řece"),
    ("v cukrárně", "do cukrárny"),
)
_SIGHTS = (
    "velkého hnědého psa",
    "barevné motýly",
    "starý mlýn",
    "veverku na stromě",
    "kachny na rybníce",
    "vysoký kostel",
    "malé koťátko",
    "duhu na obloze",
    "stádo krav",
    "pouliční muzikanty",
)
_GOALS = (
    "kouzelný klíč",
    "ztracenou korunu",
    "zlaté jablko",
    "cestu k moři",
    "nový domov",
    "živou vodu",
    "vzácnou květinu",
    "poklad starého krále",
)

_OPEN_EVERYDAY = (
    "[Byl jednou jeden kluk|Byla jednou jedna holka], [který se jmenoval|která se jmenovala] {a}.",
    "{a} [bydlel|bydlela] s rodiči v malém domě nedaleko parku.",
    "Bylo sobotní ráno a {a} se [probudil|probudila] dřív než obvykle.",
    "{a} [byl veselé dítě a měl|byla veselé dítě a měla] [rád|ráda] dobrodružství.",
    "Tohle je příběh o tom, co [zažil|zažila] {a} jednoho obyčejného dne.",
    "{a} [chodil|chodila] do třetí třídy a [měl|měla] <nejlepšího kamaráda|nejlepší kamarádku>, <který se jmenoval|která se jmenovala> {b}.",
    "Jednoho slunečného dne [vyšel|vyšla] {a} ven z domu.",
    "{a} [žil|žila] v malém městě u řeky.",
    "Byly prázdniny a {a} se [nudil|nudila] doma.",
    "Kdysi dávno, když [byl|byla] {a} ještě malé dítě, se [mu|jí] stala zvláštní věc.",
)
_LOST = (
    "Jednoho dne {a} [ztratil|ztratila] {t4}.",
    "Ráno {a} [zjistil|zjistila], že nemůže najít {t4}.",
    "Když se {a} [chystal|chystala] ven, [všiml|všimla] si, že {t} zmizel{tl}.",
    "{a} [hledal|hledala] {t4} už celou hodinu, ale marně.",
    "Najednou {a} [zpozoroval|zpozorovala], že {t} není na svém místě.",
    "Po obědě [chtěl|chtěla] {a} vzít {t4}, ale nikde nebyl{tl}.",
)
_SAD = (
    "{a} [byl z toho smutný|byla z toho smutná].",
    "Bylo [mu|jí] do pláče.",
    "{a} [nevěděl|nevěděla], co dělat.",
    "[Byl|Byla] z toho [nešťastný|nešťastná] a [sedl|sedla] si na schody.",
    "Srdce [mu|jí] bušilo strachy.",
    "{a} [prohledal|prohledala] celý pokoj, ale nic [nenašel|nenašla].",
)
_HELP = (
    "Proto [zavolal|zavolala] {b3} a [poprosil|poprosila] <ho|ji> o pomoc.",
    "{a} [šel|šla] za {b7} a [řekl|řekla] <mu|jí>, co se stalo.",
    "{b} hned <přiběhl|přiběhla> na pomoc.",
    "{b} se <usmál|usmála> a <řekl|řekla>: „Neboj se, {a5}, společně to najdeme.“",
    "Naštěstí kolem <šel|šla> {b} a <zeptal|zeptala> se: „Co se ti stalo, {a5}?“",
    "„Pomůžeš mi, {b5}?“ [zeptal|zeptala] se {a}.",
)
_SEARCH = (
    "«Hledali|Hledaly» spolu v kuchyni, v obýváku i na zahradě.",
    "Nejdřív «prohledali|prohledaly» celý dům a potom i dvůr.",
    "{b} <navrhl|navrhla>, aby se «podívali|podívaly» na místa, kde {a} [byl|byla] naposledy.",
    "Společně «obešli|obešly» všechna místa, kde si ten den «hráli|hrály».",
    "«Hledali|Hledaly» tak dlouho, až se začalo stmívat.",
    "{b} <vzal|vzala> baterku a «posvítili|posvítily» si do všech koutů.",
)
_FOUND = (
    "Nakonec {b} <našel|našla> {t4} {s}.",
    "Nakonec se ukázalo, že {t} celou dobu ležel{tl} {s}.",
    "„Tady je!“ <vykřikl|vykřikla> {b}. {T} ležel{tl} {s}.",
    "Po chvíli {a} [uviděl|uviděla] {t4} {s}.",
    "Najednou se něco zalesklo {s}, a byl{tl} to {t}!",
    "A opravdu, {t} ležel{tl} {s}.",
)
_END_EVERYDAY = (
    "{a} [měl|měla] velkou radost a [poděkoval|poděkovala] {b3}.",
    "Od té doby si {a} dává na své věci větší pozor.",
    "Večer pak {a} [usínal|usínala] s úsměvem.",
    "«Oba|Obě» se zasmáli a «šli|šly» na zmrzlinu.",
    "A tak dobře dopadl jeden obyčejný den.",
    "„Děkuju, {b5}, jsi <skvělý kamarád|skvělá kamarádka>!“ [řekl|řekla] {a}.",
    "Ten den si {a} [zapamatoval|zapamatovala] na dlouho.",
)
_TRIP_START = (
    "Jednoho dne se {a} a {b} «rozhodli|rozhodly», že půjdou {pd}.",
    "V sobotu ráno «vyrazili|vyrazily» {a} a {b} {pd}.",
    "{a} [navrhl|navrhla] {b3}: „Pojďme dnes {pd}!“",
    "Po škole «šli|šly» {a} a {b} spolu {pd}.",
    "{a} a {b} si dlouho «plánovali|plánovaly» výlet {pd}.",
    "Když bylo venku hezky, «vydali|vydaly» se {a} a {b} {pd}.",
)
_TRIP_EVENT = (
    "Cestou «viděli|viděly» {x}.",
    "{pl} «potkali|potkaly» {x}.",
    "{a} si [koupil|koupila] zmrzlinu a {b} si <dal|dala> limonádu.",
    "«Hráli|Hrály» si tam až do odpoledne.",
    "{pl} bylo plno lidí, ale «našli|našly» si klidné místo.",
    "{b} <vyprávěl|vyprávěla> vtipy a {a} se [smál|smála] tak, že [ho|ji] bolelo břicho.",
    "{pl} «pozorovali|pozorovaly» {x}.",
    "{a} [vyfotil|vyfotila] {x}.",
)
_TRIP_PROBLEM = (
    "Najednou začalo pršet a «museli|musely» se schovat pod velký strom.",
    "Pak se ale zvedl silný vítr a {b} <ztratil|ztratila> čepici.",
    "Cestou zpátky «zabloudili|zabloudily», ale jeden hodný pán jim ukázal cestu.",
    "Když «chtěli|chtěly» jít domů, «zjistili|zjistily», že jim ujel autobus.",
    "Pak si {a} [odřel|odřela] koleno, ale {b} <měl|měla> u sebe náplast.",
    "Za chvíli se setmělo, a tak «museli|musely» rychle domů.",
)
_TRIP_END = (
    "Domů se «vrátili unavení, ale šťastní|vrátily unavené, ale šťastné».",
    "Večer «vyprávěli|vyprávěly» rodičům, co všechno «zažili|zažily».",
    "Byl to krásný den a «oba|obě» si ho dlouho «pamatovali|pamatovaly».",
    "„Musíme sem zase přijít,“ [řekl|řekla] {a}.",
    "Ten večer «usnuli|usnuly» hned, jak si «lehli|lehly» do postele.",
    "Na ten výlet nikdy «nezapomněli|nezapomněly».",
)
_OPEN_FAIRY = (
    "[Byl jednou jeden|Byla jednou jedna] {a}.",
    "Za devatero horami a devatero řekami [žil|žila] {a}.",
    "Bylo nebylo, v jedné daleké zemi [žil|žila] {a}.",
    "Kdysi dávno, v malé chaloupce na kraji lesa, [žil|žila] {a}.",
    "Před mnoha lety, kdy zvířata ještě uměla mluvit, [žil|žila] {a}.",
    "[Byl jednou jeden|Byla jednou jedna] {a}, [který bydlel|která bydlela] hluboko v lese.",
    "V jednom starém království [žil|žila] {a}.",
)
_WANT = (
    "[Toužil|Toužila] najít {g}.",
    "Jednoho dne se [vydal|vydala] do světa hledat {g}.",
    "Celý život [snil|snila] o tom, že jednou najde {g}.",
    "Babička [mu|jí] kdysi vyprávěla o tom, jak najít {g}, a tak se [vydal|vydala] na cestu.",
    "Jednou v noci se [mu|jí] zdálo, kde leží {gn}.",
    "Všichni říkali, že {g} nikdo nenajde, ale {a} tomu [nevěřil|nevěřila].",
)
_MEET = (
    "Cestou [potkal|potkala] {b4}.",
    "V lese [narazil|narazila] na {b4}.",
    "U studánky <seděl|seděla> {b}.",
    "Na rozcestí <stál|stála> {b}.",
    "Za třetím kopcem <čekal|čekala> {b}.",
    "Večer [zaklepal|zaklepala] na dveře, kde <bydlel|bydlela> {b}.",
)
_TALK = (
    "„Kam jdeš, {a5}?“ <zeptal|zeptala> se {b}.",
    "{b} <řekl|řekla>: „Pomůžu ti, protože máš dobré srdce.“",
    "„Ukážu ti cestu,“ <slíbil|slíbila> {b}.",
    "{a} [pověděl|pověděla] {b3} o svém přání.",
    "{b} se [mu|jí] <podíval|podívala> do očí a <řekl|řekla>: „Buď statečn[ý|á].“",
    "„Nebojíš se, {a5}?“ <zeptal|zeptala> se {b}.",
)
_TRIAL = (
    "Společně «přešli|přešly» vysoké hory a široké řeky.",
    "[Musel|Musela] projít temným lesem, kde houkaly sovy.",
    "Cesta byla dlouhá a těžká, ale {a} se [nevzdal|nevzdala].",
    "Nejdřív «museli|musely» přelstít hladového vlka.",
    "Tři dny a tři noci «šli|šly» bez odpočinku.",
    "Na mostě «museli|musely» odpovědět na tři hádanky.",
)
_SUCCESS = (
    "Nakonec [našel|našla] {g}.",
    "Za odvahu [dostal|dostala] {g} jako dar.",
    "Na konci cesty na [něj|ni] čekal{gl} {gn}.",
    "{b} [mu|jí] <pomohl|pomohla> a {a} konečně [získal|získala] {g}.",
    "A hle, v jeskyni za vodopádem se třpytil{gl} {gn}.",
)
_END_FAIRY = (
    "A jestli neumřeli, žijí šťastně dodnes.",
    "Od té doby «byli nejlepší přátelé|byly nejlepší kamarádky».",
    "[Vrátil|Vrátila] se domů a všichni [ho|ji] vítali s radostí.",
    "A tak dobro zvítězilo nad zlem.",
    "Zazvonil zvonec a pohádky je konec.",
    "Po celé zemi se pak vyprávělo o tom, jak [byl|byla] {a} [statečný|statečná].",
)
_PET_T = (
    "{a} [měl|měla] doma {b4}.",
    "Každé ráno <seděl|seděla> {b} {seat} a <čekal|čekala> na snídani.",
    "{b} <seděl|seděla> {seat} a <díval|dívala> se z okna.",
    "Jednoho dne {b} <utekl|utekla> na zahradu.",
    "Jednou večer {b} nikde nebyl{bl}.",
    "{a} [otevřel|otevřela] dveře a [uviděl|uviděla], že {b} <sedí|sedí> na zápraží.",
    "{a} [otevřel|otevřela] dveře a [zavolal|zavolala]: „{b5}, pojď domů!“",
    "{b} <přiběhl|přiběhla> zpátky a <lehl|lehla> si [mu|jí] k nohám.",
    "{a} [dal|dala] {b3} misku s jídlem.",
    "Pak «usnuli|usnuly» spolu {seat}.",
    "{a} [pohladil|pohladila] {b4} a [řekl|řekla]: „Ty jsi <můj hodný kamarád|moje hodná kamarádka>.“",
    "Venku pršelo, a tak {b} celý den <ležel|ležela> {seat}.",
)
_SICK = (
    "{a} se jednoho rána [probudil|probudila] s bolestí v krku.",
    "[Měl|Měla] horečku a [cítil|cítila] se velmi unaveně.",
    "Maminka [ho|ji] vzala k lékaři.",
    "Lékař [ho|ji] pečlivě vyšetřil a poslechl [mu|jí] plíce.",
    "Lékař řekl, že {a} musí zůstat pár dní doma v posteli.",
    "Doktor řekl, že je to jen nachlazení a že {a} má pít hodně teplého čaje.",
    "Paní doktorka řekla, že se {a} brzy uzdraví, když bude odpočívat.",
    "{b} [mu|jí] <přinesl|přinesla> knížku, aby se doma nenudil[|a].",
    "Za tři dny už [byl zase zdravý|byla zase zdravá] a [mohl|mohla] jít do školy.",
    "Lékař řekl, že spánek a odpočinek jsou nejlepší lék.",
)


def _pair_gender(text: str, fem: bool) -> str:
    return _PAIR_GENDER.sub(lambda m: m.group(2) if fem else m.group(1), text)


def _story(rng: random.Random, heldout: bool) -> str:
    kind = rng.random()
    extra: dict[str, str] = {}
    if kind < 0.3:
        a, b = _two(rng, _NAMES)
        thing = rng.choice(_THINGS)
        extra = {"t": thing[0], "t4": thing[1], "tl": thing[2], "T": cap(thing[0]), "s": rng.choice(_SPOTS)}
        lists: list[Sequence[str]] = [_OPEN_EVERYDAY, _LOST, _SAD, _HELP, _SEARCH, _FOUND, _END_EVERYDAY]
        if rng.random() < 0.4:
            lists.remove(_SEARCH)
        if rng.random() < 0.3:
            lists.remove(_SAD)
    elif kind < 0.55:
        a, b = _two(rng, _NAMES)
        pl, pd = rng.choice(_PLACES)
        extra = {"pl": pl, "pd": pd, "x": rng.choice(_SIGHTS)}
        lists = [_TRIP_START, _TRIP_EVENT, _TRIP_EVENT, _TRIP_PROBLEM, _TRIP_END]
        if rng.random() < 0.5:
            lists.insert(0, _OPEN_EVERYDAY)
    elif kind < 0.8:
        a, b = _two(rng, _FAIRY)
        goal = rng.choice(_GOALS)
        gn = {
            "kouzelný klíč": ("kouzelný klíč", ""),
            "ztracenou korunu": ("ztracená koruna", "a"),
            "zlaté jablko": ("zlaté jablko", "o"),
            "cestu k moři": ("cesta k moři", "a"),
            "nový domov": ("nový domov", ""),
            "živou vodu": ("živá voda", "a"),
            "vzácnou květinu": ("vzácná květina", "a"),
            "poklad starého krále": ("poklad starého krále", ""),
        }[goal]
        extra = {"g": goal, "gn": gn[0], "gl": gn[1]}
        lists = [_OPEN_FAIRY, _WANT, _MEET, _TALK, _TRIAL, _SUCCESS, _END_FAIRY]
    elif kind < 0.9:
        a = rng.choice(_NAMES)
        b = rng.choice(_PETS_P)
        extra = {"seat": rng.choice(_SEATS), "bl": "a" if b[6] else ""}
        picks = rng.sample(range(len(_PET_T)), rng.randint(4, 6))
        picks.sort()
        lines = [_PET_T[i] for i in picks]
        if rng.random() < 0.5:
            lines.insert(0, phrase(rng, _OPEN_EVERYDAY, heldout))
        text = " ".join(_pair_gender(t, a[6] and b[6]) for t in lines)
        return _fill(text, a, b, extra)
    else:
        a, b = _two(rng, _NAMES)
        picks = [0, *sorted(rng.sample(range(1, len(_SICK)), rng.randint(3, 6)))]
        lines = [_SICK[i] for i in picks]
        lines.insert(0, phrase(rng, _OPEN_EVERYDAY, heldout))
        text = " ".join(_pair_gender(t, a[6] and b[6]) for t in lines)
        return _fill(text, a, b, extra)
    text = " ".join(phrase(rng, opts, heldout) for opts in lists)
    return _fill(_pair_gender(text, a[6] and b[6]), a, b, extra)


# ---------------------------------------------------------------------------------------------------------------
# Dialogues: lines are (speaker, template); [m|f] agrees with the speaker, <m|f> with the other one.
# ---------------------------------------------------------------------------------------------------------------

_GREET_1 = (
    "Ahoj, {b}! Jak se máš?",
    "Ahoj! Jak se máš?",
    "Ahoj! Jak se dneska máš?",
    "Čau, {b}! Co je nového?",
    "Nazdar, {b}! Jak to jde?",
    "Dobré ráno, {b}! Jak se máš?",
)
_GREET_2 = (
    "Mám se dobře, děkuju. A ty?",
    "Díky, dobře. A ty?",
    "Ujde to, jsem trochu [unavený|unavená]. A ty?",
    "Výborně, děkuju za optání! A co ty?",
    "Docela dobře, i když mám hodně práce. A ty?",
    "Skvěle, právě jsem [dostal|dostala] dobrou zprávu. A jak se máš ty?",
)
_GREET_3 = (
    "Já taky dobře, díky.",
    "Taky dobře, děkuju.",
    "To rád[|a] slyším. Já se mám fajn.",
    "Dobře, díky.",
    "Ujde to, díky za optání.",
    "Mám se skvěle, děkuju.",
)
_BYE = (
    "Tak ahoj, uvidíme se zítra!",
    "Na shledanou!",
    "Měj se hezky!",
    "Zatím ahoj!",
    "Tak zase někdy, ahoj!",
    "Mějte se hezky, na shledanou!",
)

_SHOP_ITEMS: tuple[tuple[str, str, int], ...] = (
    ("chleba", "chleba", 45),
    ("mléko", "mléko", 25),
    ("máslo", "máslo", 55),
    ("sýr", "sýr", 40),
    ("jablka", "jablka", 30),
    ("rohlíky", "rohlíky", 20),
    ("banány", "banány", 35),
    ("jogurt", "jogurt", 18),
    ("vejce", "vejce", 60),
    ("rajčata", "rajčata", 50),
)


def _price(n: int) -> str:
    return f"{n} {_plural(n, 'koruna', 'koruny', 'korun')}"


def _dlg_shop(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    items = rng.sample(list(_SHOP_ITEMS), 2)
    total = items[0][2] + items[1][2]
    ask = phrase(
        rng,
        (
            "Dobrý den, chtěl[|a] bych {i} a {j}.",
            "Dobrý den, prosím {i} a {j}.",
            "Dal[|a] bych si {i} a k tomu {j}.",
            "Máte prosím {i}? A ještě {j}.",
            "Prosil[|a] bych {i} a {j}, prosím.",
            "Potřebuju {i} a {j}.",
        ),
        heldout,
    )
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Dobrý den, co si přejete?",
                    "Dobrý den, co to bude?",
                    "Dobrý den, můžu vám pomoct?",
                    "Prosím, co si dáte?",
                    "Vítejte, co si vyberete?",
                    "Dobrý den, co hledáte?",
                ),
                heldout,
            ),
        ),
        (1, ask.format(i=items[0][1], j=items[1][1])),
        (
            0,
            phrase(
                rng,
                (
                    "Tady to máte. Ještě něco?",
                    "Samozřejmě. Bude to všechno?",
                    "Prosím. Přejete si ještě něco?",
                    "Hned to bude. Ještě něco dalšího?",
                    "Tady, prosím. Něco dalšího?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Ne, děkuju, to je všechno. Kolik to stojí?",
                    "To je všechno. Kolik platím?",
                    "Ne, to stačí. Kolik to dělá?",
                    "Už nic, děkuju. Kolik to bude?",
                    "Nic dalšího. Kolik vám dám?",
                ),
                heldout,
            ),
        ),
        (
            0,
            phrase(
                rng,
                ("Dohromady to je {p}.", "Bude to {p}.", "Celkem {p}, prosím.", "Dělá to {p}.", "Platíte {p}."),
                heldout,
            ).format(p=_price(total)),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Tady to je. Na shledanou!",
                    "Zaplatím kartou. Děkuju, na shledanou!",
                    "Prosím, tady máte. Hezký den!",
                    "Děkuju, na shledanou.",
                    "Tady jsou peníze. Mějte se hezky!",
                ),
                heldout,
            ),
        ),
    ]


_WAY_PLACES = (
    ("nádraží", "na nádraží"),
    ("pošta", "na poštu"),
    ("knihovna", "do knihovny"),
    ("nemocnice", "do nemocnice"),
    ("muzeum", "do muzea"),
    ("náměstí", "na náměstí"),
    ("lékárna", "do lékárny"),
    ("zastávka autobusu", "na zastávku autobusu"),
)


def _dlg_way(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    name, to = rng.choice(_WAY_PLACES)
    street = rng.choice(("Školní", "Nádražní", "Dlouhé", "Zahradní", "Lipové", "Husovy"))
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Promiňte, jak se dostanu {t}?",
                    "Dobrý den, nevíte, kudy se jde {t}?",
                    "Prosím vás, hledám cestu {t}.",
                    "Promiňte, jak se nejrychleji dostanu {t}?",
                    "Nezlobte se, můžete mi poradit cestu {t}?",
                    "Promiňte, kde je tady {n}?",
                ),
                heldout,
            ).format(t=to, n=name),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Jděte rovně a na druhé křižovatce zahněte doleva.",
                    "Půjdete touto ulicí a pak doprava.",
                    "Je to kousek. Projdete parkem a jste tam.",
                    "Jděte rovně až k semaforu a potom doleva.",
                    "Přejděte most a pak se dejte doprava.",
                    "Musíte kolem kostela a pak pořád rovně.",
                ),
                heldout,
            ),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "A je to daleko?",
                    "Jak dlouho to trvá pěšky?",
                    "Dá se tam dojít pěšky?",
                    "Je to blízko?",
                    "Stihnu to za deset minut?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Asi {m} minut pěšky.",
                    "Pěšky to trvá tak {m} minut.",
                    "Jen asi {m} minut.",
                    "Když půjdete rychle, tak {m} minut.",
                    "Zhruba {m} minut chůze.",
                ),
                heldout,
            ).format(m=rng.choice((5, 5, 10, 10, 15, 20))),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Odbočte do {s} ulice.",
                    "Je to hned na rohu ulice.",
                    "Uvidíte to po levé straně.",
                    "Je to naproti obchodu s ovocem.",
                    "Poznáte to podle velkých dveří.",
                ),
                heldout,
            ).format(s=street),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Moc děkuju!",
                    "Děkuju za pomoc.",
                    "Díky, jste <velmi laskavý|velmi laskavá>.",
                    "Děkuju, na shledanou.",
                    "Výborně, děkuju.",
                ),
                heldout,
            ),
        ),
    ]


_WEATHERS = (
    ("slunečno a teplo", "Vezmu si kraťasy."),
    ("zataženo a chladno", "Vezmu si svetr."),
    ("deštivo", "Nezapomenu si deštník."),
    ("mráz a sněží", "Obléknu si teplou bundu a čepici."),
    ("větrno", "Vezmu si šálu."),
    ("krásně, na obloze není ani mráček", "Půjdu ven na kolo."),
)


def _dlg_weather(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    w, plan = rng.choice(_WEATHERS)
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Jaké je dnes počasí?",
                    "Jaké bude dneska počasí?",
                    "Díval<|a> ses na předpověď počasí?",
                    "Je venku hezky?",
                    "Jak to dnes vypadá venku?",
                    "Víš, jaké má být počasí?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Počasí je dnes {w}.",
                    "Dnes je {w}.",
                    "Podle předpovědi bude {w}.",
                    "Venku je {w}.",
                    "V rádiu říkali, že bude {w}.",
                    "Celý den má být {w}.",
                ),
                heldout,
            ).format(w=w),
        ),
        (
            0,
            phrase(
                rng,
                ("{p}", "Dobře. {p}", "Díky za radu. {p}", "Aha, tak to je jasné. {p}", "Tak to vím, co udělám. {p}"),
                heldout,
            ).format(p=plan),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "To je dobrý nápad.",
                    "Udělej to tak.",
                    "Souhlasím.",
                    "Já to udělám stejně.",
                    "Určitě, to se bude hodit.",
                ),
                heldout,
            ),
        ),
    ]


def _dlg_school(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    subj = rng.choice(
        (
            "matematika",
            "čeština",
            "přírodověda",
            "tělocvik",
            "hudební výchova",
            "výtvarná výchova",
            "angličtina",
            "dějepis",
        )
    )
    did = rng.choice(
        (
            "jsme počítali příklady",
            "jsme četli pohádku",
            "jsme se učili o zvířatech",
            "jsme malovali obrázky",
            "jsme zpívali písničky",
            "jsme psali diktát",
            "jsme hráli fotbal",
        )
    )
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Jak bylo dneska ve škole?",
                    "Co jste dnes dělali ve škole?",
                    "Jak ses měl<|a> ve škole?",
                    "Bavila tě dneska škola?",
                    "Co bylo nového ve škole?",
                    "Jak dopadl dnešní den ve škole?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Dobře. Dnes {d}.",
                    "Bylo to fajn, {d}.",
                    "Nejlepší bylo, že {d}.",
                    "Docela dobře. V první hodině {d}.",
                    "Super! Představ si, že {d}.",
                    "Zajímavě, protože {d}.",
                ),
                heldout,
            ).format(d=did),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "A jaký předmět tě baví nejvíc?",
                    "Který předmět máš nejradši?",
                    "Co tě ve škole baví nejvíc?",
                    "A co tvůj oblíbený předmět?",
                    "Který předmět je podle tebe nejlepší?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Nejvíc mě baví {s}.",
                    "Mám nejradši, když máme {s}.",
                    "Asi {s}.",
                    "Určitě {s}.",
                    "Baví mě hlavně {s}.",
                ),
                heldout,
            ).format(s=subj),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Máš na zítra nějaké úkoly?",
                    "A máš něco za úkol?",
                    "Musíš se na zítra učit?",
                    "Dostali jste domácí úkol?",
                    "Nezapomněl<|a> jsi na úkoly?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Ano, musím se naučit básničku.",
                    "Jen pár příkladů z matematiky.",
                    "Ne, dneska nic nemáme.",
                    "Mám přečíst jednu kapitolu z knihy.",
                    "Musím napsat krátké vyprávění.",
                ),
                heldout,
            ),
        ),
    ]


_FOODS_FAV = (
    "pizza",
    "svíčková",
    "guláš",
    "rajská polévka",
    "smažený sýr",
    "palačinky",
    "bramborová kaše",
    "špagety",
    "kuře s rýží",
    "ovocné knedlíky",
    "polévka",
    "řízek s bramborem",
)


def _dlg_food(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    f1, f2 = rng.sample(list(_FOODS_FAV), 2)
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Jaké je tvoje oblíbené jídlo?",
                    "Co nejradši jíš?",
                    "Jaké jídlo máš nejradši?",
                    "Co by sis dal<|a> k obědu?",
                    "Na co máš dneska chuť?",
                    "Co ti nejvíc chutná?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Moje oblíbené jídlo je {f}.",
                    "Nejradši mám {f}.",
                    "Nejvíc mi chutná {f}.",
                    "Asi {f}, to je moje nejoblíbenější jídlo.",
                    "Jednoznačně {f}.",
                    "Moje nejoblíbenější jídlo je {f}.",
                ),
                heldout,
            ).format(f=f1),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "A já mám nejradši {f}.",
                    "Moje oblíbené jídlo je {f}.",
                    "Mně zase chutná {f}.",
                    "Já bych si dal[|a] {f}.",
                    "U mě vede {f}.",
                ),
                heldout,
            ).format(f=f2),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Tak to si dnes uvaříme obojí!",
                    "Můžeme jít do restaurace.",
                    "To taky rád[|a] jím.",
                    "To zní dobře, mám hlad.",
                    "Tak to mám taky rád[|a].",
                ),
                heldout,
            ),
        ),
    ]


def _dlg_doctor(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    pain = rng.choice(("hlava", "břicho", "v krku", "zub", "ucho", "záda"))
    pain_t = "Bolí mě " + pain if pain != "v krku" else "Bolí mě v krku"
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Dobrý den, co vás trápí?",
                    "Dobrý den, posaďte se. Co se děje?",
                    "Tak povídejte, co vás bolí?",
                    "Dobrý den, s čím k nám přicházíte?",
                    "Dobrý den, jak vám mohu pomoci?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "{p} už dva dny.",
                    "{p} a mám horečku.",
                    "Dobrý den. {p} a jsem [unavený|unavená].",
                    "{p} od včerejška.",
                    "Dobrý den, <pane doktore|paní doktorko>. {p}.",
                ),
                heldout,
            ).format(p=pain_t),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Podívám se na to. Otevřete ústa, prosím.",
                    "Změříme teplotu a poslechnu si vás.",
                    "Dobře, prohlédnu vás.",
                    "Lehněte si, prosím, vyšetřím vás.",
                    "Ukažte, podívám se.",
                ),
                heldout,
            ),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Není to nic vážného. Musíte odpočívat a pít hodně čaje.",
                    "Je to jen nachlazení. Zůstaňte pár dní doma.",
                    "Předepíšu vám lék, berte ho třikrát denně.",
                    "Potřebujete hlavně spánek a klid.",
                    "Do týdne budete zdrav<ý|á>.",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Děkuju, <pane doktore|paní doktorko>.",
                    "Děkuju, budu se šetřit.",
                    "Dobře, udělám to.",
                    "Děkuju moc, na shledanou.",
                    "Rozumím, děkuju za radu.",
                ),
                heldout,
            ),
        ),
    ]


def _dlg_weekend(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    plan = rng.choice(
        (
            "pojedu k babičce na chalupu",
            "půjdu s rodiči do zoo",
            "budu hrát fotbal",
            "pojedeme na výlet do hor",
            "budu číst knížku",
            "půjdu do kina",
            "budu pomáhat na zahradě",
            "pojedeme na kole k rybníku",
        )
    )
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Co budeš dělat o víkendu?",
                    "Máš nějaké plány na víkend?",
                    "Jaký máš program na sobotu?",
                    "Co plánuješ na víkend?",
                    "Kam se chystáš o víkendu?",
                    "Už víš, co budeš dělat v neděli?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "V sobotu {p}.",
                    "Asi {p}. A ty?",
                    "Myslím, že {p}.",
                    "Ještě nevím, možná {p}.",
                    "Těším se, protože {p}.",
                ),
                heldout,
            ).format(p=plan),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "To zní skvěle!",
                    "To je super, užij si to.",
                    "Tak to se máš!",
                    "To bych chtěl[|a] taky.",
                    "Paráda, to bude hezký víkend.",
                ),
                heldout,
            ),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Já budu doma a budu si kreslit.",
                    "Já pojedu s tátou na ryby.",
                    "My půjdeme k sousedům na oslavu.",
                    "Já se budu učit na písemku.",
                    "Já si konečně odpočinu.",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Tak hezký víkend!",
                    "Tak ať se ti daří!",
                    "Uvidíme se v pondělí.",
                    "Tak v pondělí mi povíš, jaké to bylo.",
                    "Tak si to užij.",
                ),
                heldout,
            ),
        ),
    ]


def _dlg_fact(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    r = rng.random()
    if r < 0.4:
        key, _name, capital = rng.choice(_COUNTRY_ROWS)
        g = _COUNTRY_FORMS[key][0]
        q = phrase(
            rng,
            (
                "Víš, jaké je hlavní město {g}?",
                "Jaké je hlavní město {g}?",
                "Které město je hlavním městem {g}?",
                "Zkus hádat: hlavní město {g}?",
                "Pamatuješ si hlavní město {g}?",
            ),
            heldout,
        ).format(g=g)
        a = phrase(
            rng,
            ("Hlavní město {g} je {c}.", "To je {c}.", "Přece {c}!", "Myslím, že {c}.", "Je to {c}, to ví každý."),
            heldout,
        ).format(g=g, c=capital)
    elif r < 0.7:
        row = rng.choice(_ANIMALS)
        q = phrase(
            rng,
            (
                "Víš, kde žije {s}?",
                "Kde žije {s}?",
                "Kde můžeme najít zvíře, kterému se říká {s}?",
                "Kde bydlí {s}?",
                "Řekni mi, kde žije {s}.",
            ),
            heldout,
        ).format(s=row[0])
        a = phrase(
            rng, ("{S} žije {h}.", "Žije {h}.", "Obvykle {h}.", "Přece {h}.", "Pokud vím, tak {h}."), heldout
        ).format(S=cap(row[0]), h=row[3])
    else:
        x, y = rng.randint(2, 10), rng.randint(2, 10)
        q = phrase(
            rng,
            (
                "Kolik je {x} krát {y}?",
                "Víš, kolik je {x} krát {y}?",
                "Spočítáš {x} krát {y}?",
                "Kolik dělá {x} krát {y}?",
                "Kolik je {x} krát {y}, ty počtáři?",
            ),
            heldout,
        ).format(x=x, y=y)
        a = phrase(
            rng, ("{x} krát {y} je {z}.", "To je {z}.", "Přece {z}.", "Je to {z}.", "Výsledek je {z}."), heldout
        ).format(x=x, y=y, z=x * y)
    return [
        (0, q),
        (1, a),
        (
            0,
            phrase(
                rng,
                ("Správně!", "Výborně, máš pravdu.", "Přesně tak.", "Ano, to je správně.", "Máš to dobře!"),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Zeptej se mě na něco dalšího.",
                    "To jsme se učili ve škole.",
                    "To bylo snadné.",
                    "Teď se zeptám já tebe.",
                    "Díky, baví mě to.",
                ),
                heldout,
            ),
        ),
    ]


def _dlg_intro(rng: random.Random, heldout: bool) -> list[tuple[int, str]]:
    city = rng.choice(_CITY_ROWS)[0]
    age = rng.randint(6, 12)
    return [
        (
            0,
            phrase(
                rng,
                (
                    "Ahoj, já jsem {me}. Jak se jmenuješ ty?",
                    "Ahoj! Jmenuji se {me}. A ty?",
                    "Dobrý den, jmenuji se {me}. Jak se jmenujete?",
                    "Ahoj, jsem {me}. Jak ti říkají?",
                    "Ahoj, já se jmenuju {me}. Kdo jsi ty?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Jmenuji se {you}. Těší mě.",
                    "Já jsem {you}. Rád<|a> tě poznávám.",
                    "Jmenuji se {you}.",
                    "Říkají mi {you}. Těší mě.",
                    "Moje jméno je {you}. Těší mě.",
                ),
                heldout,
            ),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "Kolik je ti let?",
                    "A kolik ti je let?",
                    "Kolik ti je?",
                    "Jak jsi star<ý|á>?",
                    "Smím se zeptat, kolik ti je let?",
                ),
                heldout,
            ),
        ),
        (
            1,
            phrase(
                rng,
                (
                    "Je mi {n} let a bydlím nedaleko školy.",
                    "Je mi {n} let.",
                    "Je mi {n} let a narodil[|a] jsem se ve městě {c}.",
                    "Je mi {n} let a chodím do školy tady za rohem.",
                    "Je mi {n}, ale brzy mi bude {n1}.",
                ),
                heldout,
            ).format(n=age, n1=age + 1, c=city),
        ),
        (
            0,
            phrase(
                rng,
                (
                    "To je zajímavé! Budeme kamarádi?",
                    "Super. Nechceš si se mnou hrát?",
                    "Tak pojď s námi hrát fotbal.",
                    "Pojď, ukážu ti naše hřiště.",
                    "Rád[|a] tě poznávám.",
                ),
                heldout,
            ),
        ),
    ]


_DIALOGUES: tuple[Callable[[random.Random, bool], list[tuple[int, str]]], ...] = (
    _dlg_shop,
    _dlg_way,
    _dlg_weather,
    _dlg_school,
    _dlg_food,
    _dlg_doctor,
    _dlg_weekend,
    _dlg_fact,
    _dlg_intro,
)


def _dialogue(rng: random.Random, heldout: bool) -> str:
    people = rng.sample(list(_NAMES), 3)
    lines: list[tuple[int, str]] = []
    fn = rng.choice(_DIALOGUES)
    formal = fn in (_dlg_shop, _dlg_doctor, _dlg_way, _dlg_intro)
    if not formal and rng.random() < 0.7:
        lines += [
            (0, phrase(rng, _GREET_1, heldout)),
            (1, phrase(rng, _GREET_2, heldout)),
            (0, phrase(rng, _GREET_3, heldout)),
        ]
    lines += fn(rng, heldout)
    if not formal and rng.random() < 0.5:
        lines.append((0, phrase(rng, _BYE, heldout)))
    third = rng.random() < 0.2
    out = []
    for i, (who, t) in enumerate(lines):
        if third and i == len(lines) - 1:
            who = 2
        me, other = people[who], people[1 - who if who < 2 else 0]
        text = _gender(_gender(t, _A_GENDER, me[6]), _B_GENDER, other[6])
        text = text.replace("{b}", other[4])
        label = me[0]
        if who == 0 and fn is _dlg_doctor:
            label = "Lékařka" if me[6] else "Lékař"
        elif who == 0 and fn is _dlg_shop:
            label = "Prodavačka" if me[6] else "Prodavač"
        text = text.replace("{me}", me[0]).replace("{you}", me[0])
        out.append(f"{label}: {text}")
    if len(out) < 4:
        out.insert(0, f"{people[0][0]}: {phrase(rng, _GREET_1, heldout).replace('{b}', people[1][4])}")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Instructions. Verb forms: imperative (ty), imperative (vy), infinitive, 1st person plural, 1st person singular;
# then the reflexive clitic ("se" / "si" / "").
# ---------------------------------------------------------------------------------------------------------------

_VERBS: dict[str, tuple[str, str, str, str, str, str]] = {
    "nalít": ("nalij", "nalijte", "nalít", "nalijeme", "naliju", ""),
    "dát": ("dej", "dejte", "dát", "dáme", "dám", ""),
    "počkat": ("počkej", "počkejte", "počkat", "počkáme", "počkám", ""),
    "vložit": ("vlož", "vložte", "vložit", "vložíme", "vložím", ""),
    "vzít": ("vezmi", "vezměte", "vzít", "vezmeme", "vezmu", ""),
    "nechat": ("nech", "nechte", "nechat", "necháme", "nechám", ""),
    "vytáhnout": ("vytáhni", "vytáhněte", "vytáhnout", "vytáhneme", "vytáhnu", ""),
    "přidat": ("přidej", "přidejte", "přidat", "přidáme", "přidám", ""),
    "zamíchat": ("zamíchej", "zamíchejte", "zamíchat", "zamícháme", "zamíchám", ""),
    "pustit": ("pusť", "pusťte", "pustit", "pustíme", "pustím", ""),
    "namydlit": ("namydli", "namydlete", "namydlit", "namydlíme", "namydlím", ""),
    "opláchnout": ("opláchni", "opláchněte", "opláchnout", "opláchneme", "opláchnu", ""),
    "osušit": ("osuš", "osušte", "osušit", "osušíme", "osuším", ""),
    "vykopat": ("vykopej", "vykopejte", "vykopat", "vykopeme", "vykopu", ""),
    "zasypat": ("zasyp", "zasypte", "zasypat", "zasypeme", "zasypu", ""),
    "zalít": ("zalij", "zalijte", "zalít", "zalijeme", "zaliju", ""),
    "postavit": ("postav", "postavte", "postavit", "postavíme", "postavím", ""),
    "podívat": ("podívej", "podívejte", "podívat", "podíváme", "podívám", "se"),
    "přejít": ("přejdi", "přejděte", "přejít", "přejdeme", "přejdu", ""),
    "zapnout": ("zapni", "zapněte", "zapnout", "zapneme", "zapnu", ""),
    "otevřít": ("otevři", "otevřete", "otevřít", "otevřeme", "otevřu", ""),
    "napsat": ("napiš", "napište", "napsat", "napíšeme", "napíšu", ""),
    "kliknout": ("klikni", "klikněte", "kliknout", "klikneme", "kliknu", ""),
    "nakreslit": ("nakresli", "nakreslete", "nakreslit", "nakreslíme", "nakreslím", ""),
    "vybarvit": ("vybarvi", "vybarvěte", "vybarvit", "vybarvíme", "vybarvím", ""),
    "umýt": ("umyj", "umyjte", "umýt", "umyjeme", "umyju", ""),
    "nakrájet": ("nakrájej", "nakrájejte", "nakrájet", "nakrájíme", "nakrájím", ""),
    "rozehřát": ("rozehřej", "rozehřejte", "rozehřát", "rozehřejeme", "rozehřeju", ""),
    "usmažit": ("usmaž", "usmažte", "usmažit", "usmažíme", "usmažím", ""),
    "obrátit": ("obrať", "obraťte", "obrátit", "obrátíme", "obrátím", ""),
    "namazat": ("namaž", "namažte", "namazat", "namažeme", "namažu", ""),
    "zastavit": ("zastav", "zastavte", "zastavit", "zastavíme", "zastavím", "se"),
    "rozhlédnout": ("rozhlédni", "rozhlédněte", "rozhlédnout", "rozhlédneme", "rozhlédnu", "se"),
    "uklidit": ("ukliď", "ukliďte", "uklidit", "uklidíme", "uklidím", ""),
    "vyčistit": ("vyčisti", "vyčistěte", "vyčistit", "vyčistíme", "vyčistím", ""),
    "vypnout": ("vypni", "vypněte", "vypnout", "vypneme", "vypnu", ""),
    "odeslat": ("odešli", "odešlete", "odeslat", "odešleme", "odešlu", ""),
    "uvařit": ("uvař", "uvařte", "uvařit", "uvaříme", "uvařím", ""),
    "vyndat": ("vyndej", "vyndejte", "vyndat", "vyndáme", "vyndám", ""),
    "ochutnat": ("ochutnej", "ochutnejte", "ochutnat", "ochutnáme", "ochutnám", ""),
}

# title (an infinitive phrase), steps (verb key, rest of the sentence)
_TASKS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "uvařit čaj",
        (
            ("nalít", "vodu do konvice"),
            ("dát", "vodu vařit"),
            ("vložit", "do hrnku sáček čaje"),
            ("zalít", "čaj horkou vodou"),
            ("nechat", "čaj tři až pět minut louhovat"),
            ("vytáhnout", "sáček z hrnku"),
            ("přidat", "podle chuti med nebo citron"),
        ),
    ),
    (
        "umýt ruce",
        (
            ("pustit", "teplou vodu"),
            ("namydlit", "si ruce mýdlem"),
            ("umýt", "si dlaně, prsty i nehty aspoň dvacet vteřin"),
            ("opláchnout", "si ruce čistou vodou"),
            ("osušit", "si ruce ručníkem"),
        ),
    ),
    (
        "zasadit semínko",
        (
            ("vzít", "květináč s hlínou"),
            ("vykopat", "prstem malý důlek"),
            ("vložit", "do důlku semínko"),
            ("zasypat", "semínko hlínou"),
            ("zalít", "hlínu trochou vody"),
            ("postavit", "květináč na slunné místo"),
        ),
    ),
    (
        "přejít silnici",
        (
            ("zastavit", "na kraji chodníku"),
            ("podívat", "vlevo"),
            ("podívat", "vpravo"),
            ("rozhlédnout", "ještě jednou vlevo"),
            ("přejít", "silnici rovně a klidně, nejlépe po přechodu"),
        ),
    ),
    (
        "napsat e-mail",
        (
            ("zapnout", "počítač"),
            ("otevřít", "poštovní program"),
            ("kliknout", "na tlačítko Nová zpráva"),
            ("napsat", "adresu, předmět a text zprávy"),
            ("odeslat", "zprávu tlačítkem Odeslat"),
        ),
    ),
    (
        "nakreslit kočku",
        (
            ("nakreslit", "velký kruh jako hlavu"),
            ("přidat", "dvě trojúhelníkové uši"),
            ("nakreslit", "oči, nos a vousky"),
            ("přidat", "pod hlavu tělo a dlouhý ocas"),
            ("vybarvit", "kočku pastelkami"),
        ),
    ),
    (
        "udělat palačinky",
        (
            ("dát", "do mísy mouku, mléko, vejce a špetku soli"),
            ("zamíchat", "vše na hladké těsto"),
            ("rozehřát", "na pánvi trochu oleje"),
            ("nalít", "na pánev trochu těsta"),
            ("obrátit", "palačinku, když je zespodu zlatá"),
            ("namazat", "palačinky marmeládou"),
        ),
    ),
    (
        "uvařit vajíčko natvrdo",
        (
            ("nalít", "do hrnce vodu"),
            ("vložit", "do vody vajíčko"),
            ("dát", "hrnec na sporák"),
            ("uvařit", "vajíčko asi deset minut"),
            ("vyndat", "vajíčko z vody"),
        ),
    ),
    (
        "připravit ovocný salát",
        (
            ("umýt", "jablko, hrušku a hrozny"),
            ("nakrájet", "ovoce na malé kousky"),
            ("dát", "ovoce do misky"),
            ("přidat", "lžičku medu"),
            ("zamíchat", "salát"),
            ("ochutnat", "hotový salát"),
        ),
    ),
    (
        "vyčistit zuby",
        (
            ("vzít", "kartáček"),
            ("dát", "na kartáček trochu pasty"),
            ("vyčistit", "si zuby krouživými pohyby"),
            ("vyčistit", "i zadní zuby a jazyk"),
            ("opláchnout", "si pusu vodou"),
            ("umýt", "kartáček"),
        ),
    ),
    (
        "uklidit pokoj",
        (
            ("otevřít", "okno"),
            ("uklidit", "hračky do krabice"),
            ("dát", "knihy do poličky"),
            ("ustlat", "postel"),
            ("vyčistit", "podlahu vysavačem"),
        ),
    ),
    (
        "zalít květiny",
        (
            ("vzít", "konvičku"),
            ("nalít", "do ní vodu"),
            ("podívat", "na hlínu, jestli je suchá"),
            ("zalít", "každou květinu"),
            ("nechat", "přebytečnou vodu odtéct"),
        ),
    ),
    (
        "vypnout počítač",
        (
            ("uložit", "rozdělanou práci"),
            ("zavřít", "všechny programy"),
            ("kliknout", "na tlačítko Start"),
            ("vybrat", "možnost Vypnout"),
            ("počkat", "než obrazovka zhasne"),
        ),
    ),
    (
        "namazat chleba",
        (
            ("vzít", "krajíc chleba"),
            ("namazat", "ho máslem"),
            ("dát", "na něj plátek sýra"),
            ("přidat", "kolečka okurky nebo rajčete"),
            ("ochutnat", "hotový chleba"),
        ),
    ),
)
_VERBS.update(
    {
        "ustlat": ("ustel", "ustelte", "ustlat", "usteleme", "ustelu", ""),
        "uložit": ("ulož", "uložte", "uložit", "uložíme", "uložím", ""),
        "zavřít": ("zavři", "zavřete", "zavřít", "zavřeme", "zavřu", ""),
        "vybrat": ("vyber", "vyberte", "vybrat", "vybereme", "vyberu", ""),
    }
)
_CONN = ("Nejprve", "Potom", "Pak", "Poté", "Dále", "Nakonec")
_TITLES_NUM = (
    "Jak {t}:",
    "Návod: jak {t}",
    "Postup, jak {t}:",
    "Chceš {t}? Postupuj takto:",
    "Jak správně {t}",
    "Takto můžeš {t}:",
)
_TITLES_PL = (
    "Jak {t}:",
    "Návod pro každého: jak {t}",
    "Postup:",
    "Chcete {t}? Postupujte takto:",
    "Jak {t} krok za krokem",
    "Návod:",
)
_TITLES_WE = (
    "Když chceme {t}, postupujeme takto.",
    "Dnes se naučíme {t}.",
    "Pojďme {t}.",
    "Jak {t}? Je to snadné.",
    "Ukážu vám, jak {t}.",
    "Zkusíme spolu {t}.",
)
_TIPS = (
    "Celé to zvládne i malé dítě.",
    "Nejdůležitější je nespěchat.",
    "Při práci je potřeba dávat pozor.",
    "Když něco nevyjde napoprvé, dá se to zkusit znovu.",
    "S pomocí dospělého je to ještě snazší.",
    "Je to snadné a zabere to jen chvilku.",
    "Všechno, co je potřeba, bývá doma po ruce.",
    "Dobrá nálada při tom pomáhá.",
    "Je dobré si nejdřív připravit všechno potřebné.",
    "Po práci je slušné po sobě uklidit.",
)
_ENDS = ("A je hotovo!", "Hotovo.", "To je celé.", "A je to!", "Je to jednoduché.", "Hotovo, to nebylo těžké.")


def _step(verb: str, rest: str, form: int, conn: str | None) -> str:
    forms = _VERBS[verb]
    v, refl = forms[form], forms[5]
    if rest.startswith(("si ", "ho ")):
        refl, rest = rest[:2], rest[3:]
    if conn:
        return f"{conn} {refl + ' ' if refl else ''}{v} {rest}"
    return f"{cap(v)}{' ' + refl if refl else ''} {rest}"


def _instructions(rng: random.Random, heldout: bool) -> str:
    title, steps = rng.choice(_TASKS)
    style = phrase(rng, (0, 1, 2, 3, 4), heldout)
    if style in (0, 1, 2):
        head = phrase(rng, _TITLES_PL if style == 1 else _TITLES_NUM, heldout).format(t=title)
        lines = [cap(head)]
        if rng.random() < 0.5:
            n = rng.choice((5, 10, 15, 20, 30))
            lines.append(
                phrase(
                    rng,
                    (
                        "Potřebný čas: asi {n} minut.",
                        "Zabere to asi {n} minut.",
                        "Délka: zhruba {n} minut.",
                        "Čas: {n} minut.",
                        "Počítej asi s {n} minutami.",
                    ),
                    heldout,
                ).format(n=n)
            )
        numbering = rng.choice(("{i}. ", "{i}) ", "Krok {i}: ", "{i}. krok: "))
        for i, (v, rest) in enumerate(steps, 1):
            lines.append(numbering.format(i=i) + f"{_step(v, rest, style, None)}.")
        if rng.random() < 0.5:
            lines.append(phrase(rng, _ENDS, heldout))
        if rng.random() < 0.6:
            lines.insert(1 if rng.random() < 0.5 else len(lines), phrase(rng, _TIPS, heldout))
        return "\n".join(lines)
    form = 0 if style == 3 and rng.random() < 0.5 else style
    if form == 0:
        intro = phrase(
            rng,
            (
                "Když chceš {t}, nejprve",
                "Abys mohl {t}, nejprve",
                "Chceš-li {t}, nejprve",
                "Je snadné {t}. Nejprve",
                "Zkus {t}. Nejprve",
                "Když se chystáš {t}, nejprve",
            ),
            heldout,
        )
    elif form == 3:
        intro = phrase(
            rng,
            (
                "Když chceme {t}, nejprve",
                "Dnes se naučíme {t}. Nejprve",
                "Abychom mohli {t}, nejprve",
                "Pojďme {t}. Nejprve",
                "Zkusíme {t}. Nejprve",
            ),
            heldout,
        )
    else:
        intro = phrase(
            rng,
            (
                "Když chci {t}, nejprve",
                "Ukážu vám, jak {t}. Nejprve",
                "Vždycky když chci {t}, nejdřív",
                "Moje babička mě naučila {t}. Nejdřív",
                "Takhle to dělám, když chci {t}. Nejdřív",
            ),
            heldout,
        )
    intro = intro.format(t=title)
    out = [_step(*steps[0], form, intro) + "."]
    mids = ("Potom", "Pak", "Poté", "Dále", "Potom", "Hned nato")
    for i, (v, rest) in enumerate(steps[1:], 1):
        conn = "Nakonec" if i == len(steps) - 1 else rng.choice(mids)
        out.append(_step(v, rest, form, conn) + ".")
    if rng.random() < 0.4:
        out.append(phrase(rng, _ENDS, heldout))
    if rng.random() < 0.4:
        out.append(phrase(rng, _TIPS, heldout))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------------------------

_SHOPPING = (
    "mléko",
    "chleba",
    "máslo",
    "sýr",
    "jogurt",
    "vejce",
    "mouka",
    "cukr",
    "sůl",
    "rýže",
    "těstoviny",
    "brambory",
    "mrkev",
    "cibule",
    "jablka",
    "banány",
    "hrušky",
    "rajčata",
    "okurka",
    "šunka",
    "káva",
    "čaj",
    "med",
    "rohlíky",
    "pomeranče",
    "paprika",
    "džus",
    "olej",
    "tvaroh",
    "kuře",
)
_COLOURS = ("červená", "modrá", "zelená", "žlutá", "oranžová", "fialová", "růžová", "hnědá", "černá", "bílá", "šedá")
_INSTR_NAMES = (*tuple(i[0] for i in _INSTRUMENTS), "saxofon", "akordeon", "kontrabas", "varhany")
_SPORT_NAMES = (*tuple(s[0] for s in _SPORTS), "házená", "golf", "judo", "gymnastika", "bruslení", "veslování")
_LIST_KINDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (
            "Nákupní seznam:",
            "Co musíme koupit:",
            "Seznam na nákup:",
            "Dnes potřebujeme koupit:",
            "Nezapomeň koupit:",
            "Na nákup:",
        ),
        _SHOPPING,
    ),
    (
        (
            "Zvířata, která známe:",
            "Seznam zvířat:",
            "Některá zvířata:",
            "Zvířata v naší knížce:",
            "Tato zvířata žijí na Zemi:",
            "Vyjmenujme několik zvířat:",
        ),
        tuple(a[0] for a in _ANIMALS),
    ),
    (
        (
            "Druhy ovoce a zeleniny:",
            "Co roste na zahradě a v sadu:",
            "Zdravé jídlo:",
            "Ovoce a zelenina:",
            "Co se dá dát do salátu:",
            "Na trhu prodávají:",
        ),
        tuple(f[0] for f in _FOODS),
    ),
    (
        (
            "Barvy:",
            "Barvy duhy a další barvy:",
            "Známe tyto barvy:",
            "Pastelky v penálu:",
            "Barvy, které máme rádi:",
            "Jaké barvy známe?",
        ),
        _COLOURS,
    ),
    (
        (
            "Státy světa:",
            "Některé země:",
            "Země, které bych chtěl navštívit:",
            "Seznam států:",
            "Státy na mapě:",
            "Země, o kterých jsme se učili:",
        ),
        tuple(c[1] for c in _COUNTRY_ROWS),
    ),
    (
        (
            "Velká města:",
            "Města světa:",
            "Města, která stojí za návštěvu:",
            "Seznam měst:",
            "Známá města:",
            "Města na naší cestě:",
        ),
        tuple(c[0] for c in _CITY_ROWS) + tuple(c[2] for c in _COUNTRY_ROWS),
    ),
    (
        (
            "Hudební nástroje:",
            "Nástroje v orchestru a v kapele:",
            "Na co se dá hrát:",
            "Seznam nástrojů:",
            "Nástroje, které známe:",
            "V hudební škole učí hrát na tyto nástroje:",
        ),
        _INSTR_NAMES,
    ),
    (
        (
            "Sporty:",
            "Oblíbené sporty:",
            "Sporty, které můžeš zkusit:",
            "Seznam sportů:",
            "Sporty na olympiádě a jinde:",
            "Co se dá hrát a cvičit:",
        ),
        _SPORT_NAMES,
    ),
    (
        (
            "Povolání:",
            "Čím můžeme být:",
            "Seznam povolání:",
            "Lidé, kteří nám pomáhají:",
            "Zajímavá povolání:",
            "Práce, o kterých jsme mluvili:",
        ),
        tuple(j[0] for j in _JOBS),
    ),
)
_THREE_THINGS: tuple[tuple[str, str], ...] = (
    ("Tři věci, které potřebuje rostlina", "voda, světlo a vzduch"),
    ("Tři skupenství vody", "led, kapalná voda a pára"),
    ("Čtyři roční období", "jaro, léto, podzim a zima"),
    ("Pět smyslů člověka", "zrak, sluch, čich, chuť a hmat"),
    ("Tři věci, které patří do školní tašky", "sešit, penál a svačina"),
    ("Tři věci, které dělají dobře zdraví", "spánek, pohyb a zdravé jídlo"),
    ("Tři věci, které potřebujeme na čaj", "voda, čaj a hrnek"),
    ("Tři zvířata, která dávají mléko", "kráva, koza a ovce"),
    ("Tři zvířata, která neumějí létat, i když jsou to ptáci", "tučňák, pštros a slepice"),
)
_THREE_T = (
    "{T}: {x}.",
    "{T}? Jsou to {x}.",
    "{Tc} jsou {x}.",
    "Otázka: {T}? Odpověď: {x}.",
    "Zapamatuj si: {tc} jsou {x}.",
    "{T}, to jsou {x}.",
)
_PLANET_SIZE = ("Jupiter", "Saturn", "Uran", "Neptun", "Země", "Venuše", "Mars", "Merkur")


def _one_list(rng: random.Random, heldout: bool) -> str:
    r = rng.random()
    if r < 0.55:
        heads, pool = rng.choice(_LIST_KINDS)
        items = rng.sample(list(pool), rng.randint(4, min(9, len(pool))))
        head = phrase(rng, heads, heldout)
        style = rng.random()
        if pool is _SHOPPING and style < 0.5:
            lines = [head]
            for it in items:
                n = rng.randint(1, 6)
                lines.append(f"- {it}, {n} {_plural(n, 'kus', 'kusy', 'kusů')}" if rng.random() < 0.4 else f"- {it}")
            return "\n".join(lines)
        if style < 0.4:
            return "\n".join([head] + [f"- {it}" for it in items])
        if style < 0.7:
            return "\n".join([head] + [f"{i}. {it}" for i, it in enumerate(items, 1)])
        return f"{head} {_join(items)}."
    if r < 0.7:
        out = []
        for t, x in rng.sample(list(_THREE_THINGS), rng.randint(2, 3)):
            tc = t + ("," if "kter" in t else "")
            out.append(phrase(rng, _THREE_T, heldout).format(T=t, t=t.lower(), Tc=tc, tc=tc.lower(), x=x))
        return " ".join(out)
    if r < 0.8:
        if rng.random() < 0.5:
            head = phrase(
                rng,
                (
                    "Dny v týdnu:",
                    "Dny týdne po pořádku:",
                    "Týden má sedm dní:",
                    "Seznam dnů v týdnu:",
                    "Všechny dny v týdnu:",
                ),
                heldout,
            )
            days = list(_DAYS)
            if rng.random() < 0.35:
                tail = phrase(
                    rng,
                    (
                        "jsou dny v týdnu",
                        "tvoří jeden týden",
                        "jsou dny, které se stále opakují",
                        "to je celý týden",
                        "dohromady dávají týden",
                    ),
                    heldout,
                )
                return f"{cap(_join(days))} {tail}."
            return (
                head + "\n" + "\n".join(f"{i}. {d}" for i, d in enumerate(days, 1))
                if rng.random() < 0.5
                else f"{head} {_join(days)}."
            )
        head = phrase(
            rng,
            ("Měsíce v roce:", "Dvanáct měsíců:", "Měsíce po pořádku:", "Rok má dvanáct měsíců:", "Seznam měsíců:"),
            heldout,
        )
        if rng.random() < 0.5:
            return head + "\n" + "\n".join(f"{i}. {m} ({_MONTH_DAYS[i - 1]} dní)" for i, m in enumerate(_MONTHS, 1))
        return f"{head} {_join(list(_MONTHS))}."
    if r < 0.9:
        rows = rng.sample(list(_COUNTRY_ROWS), rng.randint(4, 7))
        head = phrase(
            rng,
            (
                "Státy a jejich hlavní města:",
                "Země – hlavní město",
                "Tabulka hlavních měst:",
                "Kde je které hlavní město:",
                "Hlavní města států:",
                "Přehled: stát a hlavní město",
            ),
            heldout,
        )
        sep = rng.choice((" – ", ": ", " | "))
        return head + "\n" + "\n".join(f"{n}{sep}{c}" for _, n, c in rows)
    head = phrase(
        rng,
        (
            "Planety sluneční soustavy od největší po nejmenší:",
            "Pořadí planet podle velikosti:",
            "Největší planety:",
            "Planety seřazené podle velikosti:",
            "Od největší planety po nejmenší:",
        ),
        heldout,
    )
    k = rng.randint(4, 8)
    return head + "\n" + "\n".join(f"{i}. {p}" for i, p in enumerate(_PLANET_SIZE[:k], 1))


_LIST_ENDS = (
    "To je celý seznam.",
    "Na nic jsme nezapomněli.",
    "Seznam můžeme ještě doplnit.",
    "Který z nich máš nejradši?",
    "Seznam jsme sestavili společně.",
    "Zkus k tomu přidat ještě něco dalšího.",
    "Víš, co mají všechny společné?",
    "Seznam visí na lednici.",
)


def _list(rng: random.Random, heldout: bool) -> str:
    parts = [_one_list(rng, heldout) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        parts.append(phrase(rng, _LIST_ENDS, heldout))
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------------------------


def _num_count(rng: random.Random, heldout: bool) -> str:
    step = rng.choice((1, 1, 2, 5, 10))
    start = rng.randint(0, 20) * step if step > 1 else rng.randint(1, 30)
    n = rng.randint(5, 10)
    seq = [start + i * step for i in range(n)]
    seq = [x for x in seq if x <= 100] or [1, 2, 3, 4, 5]
    words = rng.random() < 0.5
    xs = ", ".join(_word(x) if words else str(x) for x in seq)
    by = {1: "po jedné", 2: "po dvou", 5: "po pěti", 10: "po deseti"}[step]
    return phrase(
        rng,
        (
            "Počítejme {b}: {x}.",
            "Počítáme {b}: {x}.",
            "Teď budeme počítat {b}: {x}.",
            "Zkus počítat {b}: {x}.",
            "Čísla {b}: {x}.",
            "Počítání {b}: {x}.",
        ),
        heldout,
    ).format(b=by, x=xs)


def _num_arith(rng: random.Random, heldout: bool) -> str:
    op = rng.choice("+-*")
    if op == "+":
        a, b = rng.randint(0, 50), rng.randint(0, 50)
        c = a + b
        w = "plus"
    elif op == "-":
        a = rng.randint(1, 50)
        b = rng.randint(0, a)
        c = a - b
        w = "minus"
    else:
        a, b = rng.randint(1, 10), rng.randint(1, 10)
        c = a * b
        w = "krát"
    sym = {"+": "+", "-": "-", "*": "×"}[op]
    if rng.random() < 0.5 and c <= 100:
        return phrase(
            rng,
            (
                "{A} {w} {b} je {c}.",
                "{A} {w} {b} se rovná {c}.",
                "Kolik je {a} {w} {b}? {C}.",
                "{A} {w} {b} dělá {c}.",
                "Když spočítáme {a} {w} {b}, dostaneme {c}.",
                "Víš, kolik je {a} {w} {b}? Je to {c}.",
            ),
            heldout,
        ).format(A=cap(_word(a)), a=_word(a), w=w, b=_word(b), c=_word(c), C=cap(_word(c)))
    return phrase(
        rng,
        (
            "{a} {s} {b} = {c}",
            "{a} {s} {b} = {c}.",
            "Příklad: {a} {s} {b} = {c}.",
            "Výsledek příkladu {a} {s} {b} je {c}.",
            "Spočítej: {a} {s} {b}. Výsledek: {c}.",
            "{a} {w} {b} je {c}.",
        ),
        heldout,
    ).format(a=a, s=sym, b=b, c=c, w=w)


def _num_compare(rng: random.Random, heldout: bool) -> str:
    a, b = rng.sample(range(0, 101), 2)
    big, small = max(a, b), min(a, b)
    return phrase(
        rng,
        (
            "{x} je větší než {y}.",
            "{y} je menší než {x}.",
            "Které číslo je větší, {x} nebo {y}? Větší je {x}.",
            "Číslo {x} je větší než číslo {y}.",
            "{y} je méně než {x}.",
            "{x} > {y}, protože {x} je víc než {y}.",
        ),
        heldout,
    ).format(x=big, y=small)


def _num_date(rng: random.Random, heldout: bool) -> str:
    m = rng.randrange(12)
    d = rng.randint(1, _MONTH_DAYS[m])
    y = rng.randint(1990, 2030)
    day = rng.choice(_DAYS_ACC)
    return phrase(
        rng,
        (
            "Dnes je {d}. {m} {y}.",
            "Narodil jsem se {d}. {m} {y}.",
            "Schůzka bude {d}. {m} {y}.",
            "Výlet se koná {d}. {m} {y}.",
            "Datum: {d}. {m} {y}.",
            "Dopis je ze dne {d}. {m} {y}.",
            "Oslava je naplánovaná na {w}, {d}. {m}.",
            "Koncert bude {d}. {m} {y} večer.",
        ),
        heldout,
    ).format(d=d, m=_MONTHS_GEN[m], y=y, w=day)


def _num_time(rng: random.Random, heldout: bool) -> str:
    h = rng.randint(1, 12)
    hm = rng.randint(0, 23)
    mm = rng.choice((0, 0, 10, 15, 20, 30, 45))
    hours = f"{_word(h)} {_plural(h, 'hodina', 'hodiny', 'hodin')}"
    v = "jsou" if 2 <= h <= 4 else "je"
    return phrase(
        rng,
        (
            "{V} {x}.",
            "Teď {v} přesně {x}.",
            "Kolik je hodin? {V} {x}.",
            "Na hodinách {v} {x}.",
            "Právě {v} {x}.",
            "Vlak odjíždí v {t}.",
            "Škola začíná v {t}.",
            "Sejdeme se v {t}.",
            "Film začíná v {t}.",
            "Obchod zavírá v {t}.",
        ),
        heldout,
    ).format(x=hours, v=v, V=cap(v), t=f"{hm}:{mm:02d}")


def _num_age(rng: random.Random, heldout: bool) -> str:
    p = rng.choice(_NAMES)
    n = rng.randint(1, 90)
    years = f"{n} {_plural(n, 'rok', 'roky', 'let')}"
    t = phrase(
        rng,
        (
            "{a3} je {y}.",
            "Kolik let je {a3}? Je [mu|jí] {y}.",
            "{a} slaví narozeniny, je [mu|jí] {y}.",
            "{a3} bude brzy {y}.",
            "Letos je {a3} {y}.",
            "{a} má dnes narozeniny a je [mu|jí] {y}.",
        ),
        heldout,
    )
    return cap(_gender(t, _A_GENDER, p[6]).format(a=p[0], a3=p[2], y=years))


_PRICED: tuple[tuple[str, int, int], ...] = (
    ("Chleba", 35, 60),
    ("Rohlík", 3, 6),
    ("Mléko", 20, 35),
    ("Sešit", 15, 40),
    ("Lízátko", 5, 20),
    ("Jablko", 5, 15),
    ("Kniha", 150, 450),
    ("Zmrzlina", 25, 60),
    ("Lístek do kina", 120, 250),
    ("Čokoláda", 25, 70),
    ("Pastelky", 40, 150),
    ("Míč", 100, 400),
)


def _num_price(rng: random.Random, heldout: bool) -> str:
    item, lo, hi = rng.choice(_PRICED)
    n = rng.randint(lo, hi)
    v = "stojí"
    return phrase(
        rng,
        (
            "{i} {v} {p}.",
            "Kolik {v} {l}? {V} {p}.",
            "Cena: {i} – {p}.",
            "{i} teď {v} jen {p}.",
            "Za {l} zaplatíme {p}.",
            "{i} {v} {p}, to není drahé.",
        ),
        heldout,
    ).format(i=item, l=item.lower(), p=_price(n), v=v, V=cap(v))


def _num_ordinal(rng: random.Random, heldout: bool) -> str:
    if rng.random() < 0.6:
        i = rng.randrange(12)
        return phrase(
            rng,
            (
                "{O} měsíc roku je {m}.",
                "{M} je {o} měsíc roku.",
                "Který měsíc je {o}? {M}.",
                "{O} měsíc v roce se jmenuje {m}.",
                "Víš, který měsíc roku je {o}? Je to {m}.",
                "V kalendáři je {m} {o} měsíc.",
            ),
            heldout,
        ).format(O=cap(_ORD_M[i]), o=_ORD_M[i], m=_MONTHS[i], M=cap(_MONTHS[i]))
    i = rng.randrange(7)
    return phrase(
        rng,
        (
            "{O} den v týdnu je {d}.",
            "{D} je {o} den v týdnu.",
            "Který den je {o}? {D}.",
            "{O} den týdne se jmenuje {d}.",
            "Víš, který den v týdnu je {o}? Je to {d}.",
            "V týdnu je {d} {o} den.",
        ),
        heldout,
    ).format(O=cap(_ORD_M[i]), o=_ORD_M[i], d=_DAYS[i], D=cap(_DAYS[i]))


_NUM_PARTS: tuple[Callable[[random.Random, bool], str], ...] = (
    _num_count,
    _num_arith,
    _num_arith,
    _num_compare,
    _num_date,
    _num_time,
    _num_age,
    _num_price,
    _num_ordinal,
)


def _numbers(rng: random.Random, heldout: bool) -> str:
    k = rng.randint(4, 7)
    parts = [rng.choice(_NUM_PARTS)(rng, heldout) for _ in range(k)]
    sep = "\n" if rng.random() < 0.3 else " "
    return sep.join(p if p.endswith((".", "?", "!")) else p + "." for p in parts)


# ---------------------------------------------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------------------------------------------

GENERATORS: dict[str, Generator] = {
    "encyclopedia": _encyclopedia,
    "story": _story,
    "dialogue": _dialogue,
    "instructions": _instructions,
    "list": _list,
    "numbers": _numbers,
}

GENERAL_SENTENCES: tuple[str, ...] = (
    "Každé ráno si dávám k snídani rohlík s máslem a hrnek teplého kakaa.",
    "Naše babička peče v neděli voňavou bábovku, na kterou se těší celá rodina.",
    "Když prší, nosím gumové holínky a barevný deštník.",
    "V zimě jezdíme s tátou na hory, protože tam je dost sněhu na lyžování.",
    "Můj mladší bratr se právě učí jezdit na kole bez přidělávacích koleček.",
    "Na zahradě za domem roste stará jabloň, pod kterou v létě odpočíváme.",
    "Paní učitelka nám dnes četla pohádku o chytré lišce a hloupém vlkovi.",
    "Autobus do města jezdí každou půlhodinu z náměstí u kostela.",
    "Vlak do Brna měl dnes ráno dvacet minut zpoždění.",
    "Sousedův pes štěká pokaždé, když kolem projede pošťák.",
    "V knihovně jsem si půjčil tři knihy o vesmíru a jednu o dinosaurech.",
    "Maminka mi řekla, že si mám před spaním vyčistit zuby.",
    "V létě chodíme k rybníku a díváme se na žáby a vážky.",
    "Naše třída pojede příští týden na výlet do Kutné Hory.",
    "Děda každé ráno čte noviny a pije černou kávu.",
    "Na trhu prodávají čerstvé jahody, med a domácí vajíčka.",
    "Moje sestra hraje na klavír a každý den cvičí hodinu.",
    "Když je venku mráz, voda v kalužích zamrzne a klouže to.",
    "Z okna mého pokoje je vidět les a za ním vysoké kopce.",
    "O prázdninách jsme stanovali u řeky a večer opékali buřty.",
    "Kamarádka mi k narozeninám dala knížku s obrázky koní.",
    "Ve čtvrtek odpoledne chodím na trénink florbalu.",
    "V obchodě na rohu mají nejlepší zmrzlinu v celém městě.",
    "Tatínek opravoval v garáži kolo a já mu podával nářadí.",
    "Večer jsme se dívali na hvězdy a hledali Velký vůz.",
    "Kočka se schovala pod skříň, protože se bála bouřky.",
    "Každý podzim pouštíme s dětmi na poli draka.",
    "Náš soused pěstuje na balkoně rajčata a bylinky.",
    "V muzeu jsme viděli kostru obrovského mamuta.",
    "Na Vánoce zdobíme stromeček a zpíváme koledy.",
    "Ráno byla na trávě rosa a vzduch voněl po dešti.",
    "Můj oblíbený předmět je zeměpis, protože rád prohlížím mapy.",
    "Když jsem byl malý, bál jsem se tmy a spal jsem s lampičkou.",
    "Pekař vstává ve tři hodiny ráno, aby měl chleba včas upečený.",
    "Na poště jsem poslal babičce pohled z dovolené.",
    "Hasiči přijeli velmi rychle a požár za chvíli uhasili.",
    "Ve škole máme novou tělocvičnu s horolezeckou stěnou.",
    "Strýc pracuje jako řidič kamionu a jezdí po celé Evropě.",
    "Teta nám z Itálie přivezla olivový olej a sýr.",
    "V neděli jsme byli v kině na animovaném filmu o tučňácích.",
    "Mému dědovi je osmdesát let a pořád chodí na dlouhé procházky.",
    "Na jaře se na louce objevily první sněženky a petrklíče.",
    "Moje teta je zdravotní sestra a pracuje v noci v nemocnici.",
    "Když se mi nedaří úkol z matematiky, pomůže mi starší sestra.",
    "Do polévky jsme dali mrkev, celer, petržel a trochu soli.",
    "V parku stojí socha koně, kterou děti rády objímají.",
    "Dnes odpoledne má přijít silná bouřka s krupobitím.",
    "Naše kočka nejraději spí na radiátoru pod oknem.",
    "Vedle školy postavili nové hřiště s houpačkami a pískovištěm.",
    "Na dovolené u moře jsme sbírali mušle a stavěli hrady z písku.",
    "Můj kamarád umí žonglovat se třemi míčky najednou.",
    "Ve sklepě máme regály plné zavařených okurek a marmelád.",
    "Když fouká silný vítr, stromy se ohýbají a šumí.",
    "Ráno jsem zaspal, a tak jsem musel běžet na autobus.",
    "Celá rodina se sešla u velkého stolu a slavila dědovy narozeniny.",
    "Naše paní doktorka má v čekárně akvárium s rybičkami.",
    "Sníh pod nohama vrzal a z komína stoupal kouř.",
    "V cukrárně jsme si dali větrník a malinovou limonádu.",
    "Na stole leží otevřený atlas a vedle něj lupa.",
    "Večer před spaním si ještě chvíli čtu komiks pod peřinou.",
    "Letos na jaře jsme na zahradě zasadili malou třešeň.",
    "Vlaštovky si postavily hnízdo pod střechou naší stodoly.",
    "Moje maminka pracuje v bance a domů chodí v pět hodin.",
    "Na konci ulice je pekárna, ze které to ráno krásně voní.",
    "Děti stavěly na zahradě sněhuláka s mrkví místo nosu.",
)

SENSIBLE_PROMPTS: tuple[str, ...] = (
    "Hlavní město Francie je",
    "Umělá inteligence je",
    "Byl jednou jeden",
    "Kočka seděla na",
    "Voda se skládá z",
    "Moje oblíbené jídlo je",
    "Jedna, dvě, tři,",
    "Slunce vychází na",
    "Pondělí, úterý,",
    "2 + 2 =",
    "Pes",
    "Ráno",
    "Počasí je dnes",
    "Počítač je stroj, který",
    "Paříž je město ve",
    "Psi a kočky jsou",
    "Obloha je",
    "Otevřela dveře a",
    "Největší zvíře v oceánu je",
    "Když chceš uvařit čaj, nejprve",
    "Ahoj! Jak se",
    "První měsíc roku je",
    "Fotbal je",
    "Země obíhá kolem",
    "Jmenuji se",
    "Hudba je",
    "Lékař řekl, že",
    "Stromy potřebují vodu a",
    "Deset minus tři je",
    "Muzeum má slavný",
)

RANDOM_WORDS: tuple[str, ...] = tuple(
    [
        "dům",
        "strom",
        "pes",
        "kočka",
        "voda",
        "oheň",
        "slunce",
        "měsíc",
        "hvězda",
        "nebe",
        "země",
        "řeka",
        "moře",
        "hora",
        "les",
        "louka",
        "pole",
        "cesta",
        "silnice",
        "most",
        "město",
        "vesnice",
        "ulice",
        "náměstí",
        "škola",
        "třída",
        "učitel",
        "žák",
        "kniha",
        "sešit",
        "tužka",
        "pero",
        "papír",
        "stůl",
        "židle",
        "postel",
        "okno",
        "dveře",
        "střecha",
        "zahrada",
        "květina",
        "tráva",
        "list",
        "kořen",
        "jablko",
        "hruška",
        "banán",
        "citron",
        "mléko",
        "chléb",
        "máslo",
        "sýr",
        "vejce",
        "maso",
        "ryba",
        "polévka",
        "čaj",
        "káva",
        "cukr",
        "sůl",
        "med",
        "dort",
        "koláč",
        "oběd",
        "večeře",
        "snídaně",
        "ráno",
        "večer",
        "noc",
        "den",
        "týden",
        "rok",
        "hodina",
        "minuta",
        "jaro",
        "léto",
        "podzim",
        "zima",
        "déšť",
        "sníh",
        "vítr",
        "mrak",
        "bouřka",
        "led",
        "teplo",
        "chlad",
        "barva",
        "červená",
        "modrá",
        "zelená",
        "žlutá",
        "černá",
        "bílá",
        "velký",
        "malý",
        "dlouhý",
        "krátký",
        "vysoký",
        "nízký",
        "nový",
        "starý",
        "mladý",
        "rychlý",
        "pomalý",
        "dobrý",
        "špatný",
        "krásný",
        "hezký",
        "veselý",
        "smutný",
        "teplý",
        "studený",
        "tichý",
        "hlasitý",
        "těžký",
        "lehký",
        "čistý",
        "špinavý",
        "sladký",
        "kyselý",
        "slaný",
        "hořký",
        "máma",
        "táta",
        "bratr",
        "sestra",
        "babička",
        "dědeček",
        "rodina",
        "přítel",
        "kamarád",
        "soused",
        "dítě",
        "chlapec",
        "dívka",
        "muž",
        "žena",
        "člověk",
        "lidé",
        "král",
        "královna",
        "princezna",
        "drak",
        "kůň",
        "kráva",
        "ovce",
        "prase",
        "koza",
        "kachna",
        "husa",
        "slepice",
        "kohout",
        "myš",
        "žába",
        "včela",
        "motýl",
        "pták",
        "sova",
        "orel",
        "liška",
        "vlk",
        "medvěd",
        "zajíc",
        "veverka",
        "ježek",
        "slon",
        "lev",
        "tygr",
        "žirafa",
        "opice",
        "had",
        "želva",
        "velryba",
        "delfín",
        "žralok",
        "auto",
        "vlak",
        "autobus",
        "letadlo",
        "loď",
        "kolo",
        "telefon",
        "počítač",
        "rádio",
        "televize",
        "hodiny",
        "lampa",
        "klíč",
        "míč",
        "hračka",
        "panenka",
        "obraz",
        "hudba",
        "píseň",
        "tanec",
        "hra",
        "sport",
        "fotbal",
        "hokej",
        "tenis",
        "plavání",
        "běh",
        "skok",
        "jít",
        "běžet",
        "skákat",
        "plavat",
        "létat",
        "jíst",
        "pít",
        "spát",
        "číst",
        "psát",
        "kreslit",
        "zpívat",
        "tančit",
        "hrát",
        "pracovat",
        "učit",
        "vařit",
        "péct",
        "mýt",
        "prát",
        "uklízet",
        "stavět",
        "kupovat",
        "prodávat",
        "platit",
        "dávat",
        "brát",
        "nosit",
        "vidět",
        "slyšet",
        "mluvit",
        "říkat",
        "ptát",
        "odpovídat",
        "myslet",
        "vědět",
        "znát",
        "chtít",
        "moci",
        "muset",
        "mít",
        "být",
        "dělat",
        "otevřít",
        "zavřít",
        "začít",
        "skončit",
        "najít",
        "ztratit",
        "hledat",
        "čekat",
        "pomáhat",
        "děkovat",
        "prosit",
        "smát",
        "plakat",
        "bydlet",
        "žít",
        "cestovat",
        "jezdit",
        "chodit",
        "sedět",
        "stát",
        "ležet",
        "nahoře",
        "dole",
        "vlevo",
        "vpravo",
        "vpředu",
        "vzadu",
        "uvnitř",
        "venku",
        "doma",
        "blízko",
        "daleko",
        "dnes",
        "zítra",
        "včera",
        "vždy",
        "nikdy",
        "často",
        "někdy",
        "hned",
        "brzy",
        "pozdě",
        "teď",
        "potom",
        "jednou",
        "dvakrát",
        "hodně",
        "málo",
        "trochu",
        "velmi",
        "docela",
        "ano",
        "ne",
        "možná",
        "děkuji",
        "prosím",
        "ahoj",
        "sbohem",
        "jeden",
        "dva",
        "tři",
        "čtyři",
        "pět",
        "šest",
        "sedm",
        "osm",
        "devět",
        "deset",
        "sto",
        "tisíc",
        "první",
        "druhý",
        "třetí",
        "poslední",
        "hlava",
        "ruka",
        "noha",
        "oko",
        "ucho",
        "nos",
        "ústa",
        "zub",
        "vlasy",
        "srdce",
        "břicho",
        "záda",
        "prst",
        "lékař",
        "doktor",
        "nemocnice",
        "lék",
        "zdraví",
        "nemoc",
        "pošta",
        "obchod",
        "trh",
        "banka",
        "kino",
        "divadlo",
        "muzeum",
        "knihovna",
        "nádraží",
        "letiště",
        "park",
        "hřiště",
        "bazén",
        "kostel",
        "zámek",
        "hrad",
        "věž",
        "zeď",
        "plot",
        "brána",
        "schody",
        "pokoj",
        "kuchyně",
        "koupelna",
        "sklep",
        "podlaha",
        "kabát",
        "bota",
        "čepice",
        "šála",
        "rukavice",
        "košile",
        "svetr",
        "kalhoty",
        "sukně",
        "šaty",
        "deštník",
        "batoh",
        "taška",
        "peníze",
        "koruna",
        "dárek",
        "dopis",
        "otázka",
        "odpověď",
        "slovo",
        "věta",
        "příběh",
        "pohádka",
        "sen",
        "radost",
        "strach",
        "smích",
        "láska",
        "pravda",
        "nápad",
        "práce",
        "úkol",
        "zkouška",
        "známka",
        "prázdniny",
        "výlet",
        "dovolená",
        "svátek",
        "narozeniny",
        "Vánoce",
        "Velikonoce",
        "pondělí",
        "úterý",
        "středa",
        "čtvrtek",
        "pátek",
        "sobota",
        "neděle",
        "leden",
        "únor",
        "březen",
        "duben",
        "květen",
        "červen",
        "září",
        "říjen",
        "listopad",
        "prosinec",
    ]
)

#: Hand-written like GENERAL_SENTENCES, in no split: the sentences a run's temperature is fitted on
#: (glassbox.training.calibrate), so the calibration measured on GENERAL_SENTENCES is not fitted to them.
CALIBRATION_SENTENCES: tuple[str, ...] = (
    "Zítra ráno pojedeme vlakem k babičce do Olomouce.",
    "Můj malý bráška nechce jíst špenát, ale brambory sní vždycky.",
    "Zavřela jsi okno v ložnici, než jsme odešli z domu?",
    "Celý den pršelo, a tak jsme doma skládali puzzle.",
    "Petra chce být veterinářkou, protože má moc ráda zvířata.",
    "Učitel matematiky nám vrátil písemky a já jsem dostal jedničku.",
    "Sousedé ze třetího patra si pořídili dva zakrslé králíky.",
    "Příští sobotu bude Jakub hrát svůj první tenisový turnaj.",
    "Podívej, na zahradě u plotu sedí malý ježek a něco hledá!",
    "„Ukliď si pokoj, než bude večeře!“ zavolala máma z kuchyně.",
    "Metrem jsme dojeli k muzeu a pak jsme se prošli podél řeky.",
    "Moje sestřenice pracuje ve školce a stará se o malé děti.",
    "Když je v létě velké horko, zatahujeme přes den žaluzie.",
    "Proč listí na podzim žloutne a padá ze stromů?",
    "Táta o víkendu natřel vrata od garáže nazeleno.",
    "Od včerejška mě bolí v krku, takže dnes zůstanu v posteli.",
    "Po několika deštivých dnech roste v lese spousta hub.",
    "V restauraci si Lukáš objednal pizzu a jablečný džus.",
    "Dnes ráno byla tak hustá mlha, že nebyla vidět ani kostelní věž.",
    "Moji prarodiče budou v červnu slavit padesát let od svatby.",
    "Každou středu mám v hudební škole hodinu houslí.",
    "Město postaví podél hlavní silnice novou cyklostezku.",
    "Půjdeš s námi večer na pouť, nebo musíš psát úkoly?",
    "Veterinář říkal, že náš kocour musí trochu zhubnout.",
    "Během dovolené jsme si prohlédli starý hrad s vysokou věží.",
    "Moje kamarádka Eva sbírá poštovní známky z celého světa.",
    "V zimě nosím do školy čepici, šálu a teplé rukavice.",
    "Kadeřnice mi ostříhala vlasy moc nakrátko, ale zase dorostou.",
    "Z jablek, která jsme natrhali u tety, upekla máma závin.",
    "Měsíc včera svítil tak jasně, že se dalo číst i venku.",
    "Soused odvedle je truhlář a vyrábí krásné dřevěné židle.",
    "Včely celý den létají z květu na květ a sbírají nektar.",
    "Prosím vás, v kolik jede poslední autobus do vesnice?",
    "Jana chytila velkého kapra, ale pustila ho zpátky do vody.",
    "Příští rok odjede můj starší bratr studovat do zahraničí.",
    "Máma mě poslala do obchodu pro mléko a deset vajec.",
    "Děti si postavily bunkr ve větvích starého ořešáku.",
    "Automechanik opravil brzdy na našem autě za necelou hodinu.",
    "„Květiny se musí zalévat každý druhý den,“ vysvětlila mi sousedka.",
    "Po zápase si celý tým dal v klubovně čaj a buchty.",
)
