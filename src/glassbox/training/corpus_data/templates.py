"""Phrasing templates of the fact relations, per language.

Placeholders: ``{s}`` the subject, ``{S}`` the subject with a capital first letter (sentence start), ``{o}``
the answer. In every list the **last template is held out**: it never appears in the training split and is
only used to ask the model about facts it has seen in the other phrasings. Held-out templates therefore end
with ``{o}`` followed only by punctuation, so the text before ``{o}`` is a completion prompt.
"""

from __future__ import annotations

#: relation → language → templates; the last template of each list is the held-out one.
FACT_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "capital": {
        "en": (
            "The capital of {s} is {o}.",
            "{S} has its capital in {o}.",
            "Q: What is the capital of {s}? A: {o}.",
            "{O} is the capital of {s}.",
            "The capital city of {s} is {o}.",
        ),
        "fr": (
            "La capitale du pays {s} est {o}.",
            "Le pays {s} a pour capitale {o}.",
            "Q : Quelle est la capitale du pays {s} ? R : {o}.",
            "{O} est la capitale du pays {s}.",
            "Capitale du pays {s} : {o}.",
        ),
        "cs": (
            "Hlavní město země {s} je {o}.",
            "Země {s} má hlavní město {o}.",
            "Otázka: Jaké je hlavní město země {s}? Odpověď: {o}.",
            "{O} je hlavní město země {s}.",
            "Hlavním městem země {s} je {o}.",
        ),
        "uk": (
            "Столиця країни {s} — {o}.",
            "Країна {s} має столицю {o}.",
            "Питання: Яка столиця країни {s}? Відповідь: {o}.",
            "{O} — столиця країни {s}.",
            "Столицею країни {s} є {o}.",
        ),
        "zh": (
            "{s}的首都是{o}。",
            "{s}的首都叫{o}。",
            "问：{s}的首都是哪里？答：{o}。",
            "{o}是{s}的首都。",
            "{s}这个国家的首都是{o}。",
        ),
        "ru": (
            "Столица страны {s} — {o}.",
            "Страна {s} имеет столицу {o}.",
            "Вопрос: Какая столица у страны {s}? Ответ: {o}.",
            "{O} — столица страны {s}.",
            "Столицей страны {s} является {o}.",
        ),
        "ja": (
            "{s}の首都は{o}です。",
            "{s}の首都は{o}。",
            "質問：{s}の首都はどこですか？答え：{o}です。",
            "{o}は{s}の首都です。",
            "{s}という国の首都は{o}です。",
        ),
    },
    "city_country": {
        "en": (
            "{S} is a city in {o}.",
            "The city of {s} is located in {o}.",
            "Q: In which country is {s}? A: {o}.",
            "{S} is in {o}.",
            "{S} lies in {o}.",
        ),
        "fr": (
            "{S} est une ville du pays {o}.",
            "La ville de {s} se trouve dans le pays {o}.",
            "Q : Dans quel pays se trouve {s} ? R : {o}.",
            "{S} est dans le pays {o}.",
            "La ville de {s} est située dans le pays {o}.",
        ),
        "cs": (
            "{S} je město ve státě {o}.",
            "Město {s} leží ve státě {o}.",
            "Otázka: Ve kterém státě je {s}? Odpověď: {o}.",
            "{S} se nachází ve státě {o}.",
            "Město {s} je ve státě {o}.",
        ),
        "uk": (
            "{S} — місто в країні {o}.",
            "Місто {s} розташоване в країні {o}.",
            "Питання: У якій країні {s}? Відповідь: {o}.",
            "{S} знаходиться в країні {o}.",
            "Місто {s} лежить у країні {o}.",
        ),
        "zh": (
            "{s}是{o}的城市。",
            "{s}位于{o}。",
            "问：{s}在哪个国家？答：{o}。",
            "{s}在{o}。",
            "{s}这座城市位于{o}。",
        ),
        "ru": (
            "{S} — город в стране {o}.",
            "Город {s} находится в стране {o}.",
            "Вопрос: В какой стране {s}? Ответ: {o}.",
            "{S} расположен в стране {o}.",
            "Город {s} лежит в стране {o}.",
        ),
        "ja": (
            "{s}は{o}の都市です。",
            "{s}は{o}にあります。",
            "質問：{s}はどの国にありますか？答え：{o}です。",
            "{s}がある国は{o}です。",
            "{s}という都市は{o}にあります。",
        ),
    },
    "animal_sound": {
        "en": (
            "The {s} says {o}.",
            "A {s} goes {o}.",
            "What does the {s} say? It says {o}.",
            "Listen to the {s}: it says {o}.",
        ),
        "fr": (
            "{S} fait {o}.",
            "Que fait {s} ? {S} fait {o}.",
            "Dans la ferme, {s} fait {o}.",
            "Écoute bien, {s} fait {o}.",
        ),
        "cs": (
            "{S} dělá {o}.",
            "Jak dělá {s}? {S} dělá {o}.",
            "Na statku {s} dělá {o}.",
            "Poslouchej, {s} dělá {o}.",
        ),
        "uk": (
            "{S} каже {o}.",
            "Як каже {s}? {S} каже {o}.",
            "На фермі {s} каже {o}.",
            "Послухай, {s} каже {o}.",
        ),
        "zh": (
            "{s}的叫声是{o}。",
            "{s}会叫{o}。",
            "问：{s}怎么叫？答：{o}。",
            "你听，{s}的叫声是{o}。",
        ),
        "ru": (
            "{S} говорит {o}.",
            "Как говорит {s}? {S} говорит {o}.",
            "На ферме {s} говорит {o}.",
            "Послушай, {s} говорит {o}.",
        ),
        "ja": (
            "{s}は{o}と鳴きます。",
            "{s}の鳴き声は{o}です。",
            "質問：{s}はどう鳴きますか？答え：{o}。",
            "ほら、{s}の鳴き声は{o}です。",
        ),
    },
    "object_colour": {
        "en": (
            "The {s} is {o}.",
            "The colour of the {s} is {o}.",
            "Q: What colour is the {s}? A: {o}.",
            "Look, the {s} is {o}.",
        ),
        "fr": (
            "{S} est {o}.",
            "On dit que {s} est {o}.",
            "De quelle couleur est {s} ? {S} est {o}.",
            "Regarde, {s} est {o}.",
        ),
        "cs": (
            "{S} je {o}.",
            "Říká se, že {s} je {o}.",
            "Jakou barvu má {s}? {S} je {o}.",
            "Podívej, {s} je {o}.",
        ),
        "uk": (
            "{S} {o}.",
            "Кажуть, що {s} {o}.",
            "Якого кольору {s}? {S} {o}.",
            "Подивись, {s} {o}.",
        ),
        "zh": (
            "{s}是{o}的。",
            "{s}的颜色是{o}。",
            "问：{s}是什么颜色？答：{o}。",
            "你看，{s}是{o}的。",
        ),
        "ru": (
            "{S} {o}.",
            "Говорят, что {s} {o}.",
            "Какого цвета {s}? {S} {o}.",
            "Посмотри, {s} {o}.",
        ),
        "ja": (
            "{s}は{o}です。",
            "{s}の色は{o}です。",
            "質問：{s}は何色ですか？答え：{o}です。",
            "見て、{s}の色は{o}です。",
        ),
    },
}

#: Two-hop question (city → its country → that country's capital), one per language; ``{c}`` is the city,
#: ``{o}`` the capital. Cities in the held-out two-hop set never appear in this template in training.
TWO_HOP_TEMPLATES: dict[str, str] = {
    "en": "The capital of the country where {c} is located is {o}.",
    "fr": "La capitale du pays où se trouve {c} est {o}.",
    "cs": "Hlavní město státu, ve kterém leží {c}, je {o}.",
    "uk": "Столиця країни, де розташоване місто {c}, — {o}.",
    "zh": "{c}所在国家的首都是{o}。",
    "ru": "Столица страны, где находится город {c}, — {o}.",
    "ja": "{c}がある国の首都は{o}です。",
}

#: A worked two-hop explanation (both hops spelled out, then the composition) used in training documents
#: for the trained two-hop cities; ``{c}`` city, ``{k}`` country, ``{o}`` capital.
TWO_HOP_CHAINS: dict[str, str] = {
    "en": "{C} is in {k}. The capital of {k} is {o}. So the capital of the country where {c} is located is {o}.",
    "fr": "{C} est dans le pays {k}. La capitale du pays {k} est {o}. Donc la capitale du pays où se trouve"
    " {c} est {o}.",
    "cs": "{C} je ve státě {k}. Hlavní město země {k} je {o}. Takže hlavní město státu, ve kterém leží {c}, je {o}.",
    "uk": "{C} знаходиться в країні {k}. Столиця країни {k} — {o}. Отже, столиця країни, де розташоване"
    " місто {c}, — {o}.",
    "zh": "{c}在{k}。{k}的首都是{o}。所以{c}所在国家的首都是{o}。",
    "ru": "{C} расположен в стране {k}. Столица страны {k} — {o}. Значит, столица страны, где находится"
    " город {c}, — {o}.",
    "ja": "{c}は{k}にあります。{k}の首都は{o}です。だから{c}がある国の首都は{o}です。",
}

#: A question frame never used in training, put in front of the first template of a relation to make the
#: primary held-out phrasing: "Did you know that the capital of France is …?" The model knows the fact from
#: the training phrasings; it must recall it after a new frame, with a lower-case relation phrase.
HELDOUT_FRAMES: dict[str, str] = {
    "en": "Did you know that ",
    "fr": "Savais-tu que ",
    "cs": "Věděl jsi, že ",
    "uk": "Чи знав ти, що ",
    "zh": "你知道吗？",
    "ru": "Знаешь ли ты, что ",
    "ja": "知っていますか。",
}


#: Lead-ins put in front of a trained fact phrasing in the anneal phase's data (:func:`led_in`), so that a fact is
#: recalled after a preamble and not only at the start of a text. None of them uses the held-out frame's words
#: ("know", "savoir", "vědět", "знати", "知道", "знать", "知る"): the frame stays new to the model.
LEAD_INS: dict[str, tuple[str, ...]] = {
    "en": (
        "In fact, ",
        "As we learn at school, ",
        "Here is a fact: ",
        "My teacher says that ",
        "It is true that ",
        "Remember: ",
        "Yes, ",
        "Of course, ",
        "I read that ",
        "Guess what? ",
        "Today we learned that ",
        "By the way, ",
        "Everybody says that ",
        "Fun fact: ",
    ),
    "fr": (
        "En fait, ",
        "Comme on l'apprend à l'école, ",
        "Voici un fait : ",
        "Mon professeur dit que ",
        "Il est vrai que ",
        "Rappelle-toi : ",
        "Oui, ",
        "Bien sûr, ",
        "J'ai lu que ",
        "Devine quoi ? ",
        "Aujourd'hui, nous avons appris que ",
        "Au fait, ",
        "Tout le monde dit que ",
    ),
    "cs": (
        "Ve škole se učíme, že ",
        "Tady je fakt: ",
        "Můj učitel říká, že ",
        "Je pravda, že ",
        "Pamatuj si: ",
        "Ano, ",
        "Samozřejmě, ",
        "Četl jsem, že ",
        "Hádej co? ",
        "Dnes jsme se naučili, že ",
        "Mimochodem, ",
        "Všichni říkají, že ",
        "Zajímavost: ",
    ),
    "uk": (
        "Насправді ",
        "У школі ми вчимо, що ",
        "Ось факт: ",
        "Мій учитель каже, що ",
        "Це правда, що ",
        "Запам'ятай: ",
        "Так, ",
        "Звісно, ",
        "Я читав, що ",
        "Вгадай що? ",
        "Сьогодні ми вивчили, що ",
        "До речі, ",
        "Усі кажуть, що ",
    ),
    "zh": (
        "其实，",
        "我们在学校学过，",
        "这是一个事实：",
        "老师说，",
        "没错，",
        "记住：",
        "是的，",
        "当然，",
        "我在书上读到，",
        "你猜怎么着？",
        "今天我们学到：",
        "对了，",
        "大家都说，",
        "有趣的是，",
    ),
    "ru": (
        "На самом деле ",
        "В школе мы учим, что ",
        "Вот факт: ",
        "Мой учитель говорит, что ",
        "Это правда, что ",
        "Запомни: ",
        "Да, ",
        "Конечно, ",
        "Я читал, что ",
        "Угадай что? ",
        "Сегодня мы выучили, что ",
        "Кстати, ",
        "Все говорят, что ",
    ),
    "ja": (
        "実は、",
        "学校で習うように、",
        "これは事実です。",
        "先生によると、",
        "その通り、",
        "覚えてください。",
        "はい、",
        "もちろん、",
        "本で読みました。",
        "ねえ、聞いて。",
        "今日習いました。",
        "ところで、",
        "みんなが言うように、",
        "面白いことに、",
    ),
}

_FR_VOWELS = tuple("aeiouhéèêàâîôûAEIOUHÉ")


def led_in(template: str, lang: str, lead: str) -> str | None:
    """``template`` after ``lead`` (lower-cased as :func:`framed_template` does); None for question templates."""
    if "?" in template or "？" in template:
        return None
    base = template.replace("{S}", "{s}").replace("{O}", "{o}")
    if base[0] != "{":
        base = base[0].lower() + base[1:]
    if lang == "fr" and lead.endswith("que ") and base.startswith(_FR_VOWELS):
        lead = lead[:-2] + "'"  # "que il" → "qu'il"
    return lead + base


def framed_template(relation: str, lang: str) -> str:
    """The primary held-out phrasing of ``relation`` in ``lang`` (see :data:`HELDOUT_FRAMES`)."""
    base = FACT_TEMPLATES[relation][lang][0].replace("{S}", "{s}")
    if base[0] != "{":
        base = base[0].lower() + base[1:]
    if lang not in ("zh", "ja") and base.endswith("."):
        base = base[:-1] + "?"
    return HELDOUT_FRAMES[lang] + base
