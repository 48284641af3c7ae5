"""Per-language vocabularies for stories, dialogues and sequences of the generated corpus.

Names come with their dative form where the language declines them (Czech, Ukrainian, Russian), because the
"indirect object identification" sentence ends with the recipient in the dative: "… Petr dává knihu Janě".
Stories are told in the present tense in those languages so that verbs need no gender agreement.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """A character name: nominative and dative (identical where the language does not decline names)."""

    nom: str
    dat: str


def _names(spec: str) -> tuple[Name, ...]:
    out = []
    for item in spec.split(","):
        nom, _, dat = item.strip().partition("/")
        out.append(Name(nom, dat or nom))
    return tuple(out)


NAMES: dict[str, tuple[Name, ...]] = {
    "en": _names("Mary, John, Anna, Tom, Lucy, Peter, Emma, David, Sarah, James"),
    "fr": _names("Marie, Pierre, Sophie, Louis, Camille, Paul, Julie, Hugo, Claire, Marc"),
    "cs": _names(
        "Jana/Janě, Petr/Petrovi, Eva/Evě, Tomáš/Tomášovi, Lucie/Lucii, Pavel/Pavlovi, Marie/Marii,"
        " Jakub/Jakubovi, Tereza/Tereze, Martin/Martinovi"
    ),
    "uk": _names(
        "Олена/Олені, Тарас/Тарасові, Марія/Марії, Іван/Іванові, Оксана/Оксані, Петро/Петрові,"
        " Софія/Софії, Андрій/Андрієві, Ірина/Ірині, Богдан/Богданові"
    ),
    "zh": _names("小明, 小红, 小华, 小丽, 老王, 小李, 小张, 阿强, 小美, 大伟"),
    "ru": _names(
        "Маша/Маше, Иван/Ивану, Анна/Анне, Петя/Пете, Оля/Оле, Борис/Борису, Катя/Кате, Дима/Диме, Лена/Лене, Саша/Саше"
    ),
    "ja": _names("太郎, 花子, 健太, 由美, 翔太, さくら, 大輔, 美咲, 陽子, 拓也"),
}

#: Places "to go to", already inflected for the IOI template ("went to the shop", "jdou do obchodu").
PLACES: dict[str, tuple[str, ...]] = {
    "en": ("shop", "park", "school", "market", "station", "library", "beach", "museum"),
    "fr": (
        "au magasin",
        "au parc",
        "à l'école",
        "au marché",
        "à la gare",
        "à la bibliothèque",
        "à la plage",
        "au musée",
    ),
    "cs": ("do obchodu", "do parku", "do školy", "na trh", "na nádraží", "do knihovny", "na pláž", "do muzea"),
    "uk": ("до крамниці", "до парку", "до школи", "на ринок", "на вокзал", "до бібліотеки", "на пляж", "до музею"),
    "zh": ("商店", "公园", "学校", "市场", "车站", "图书馆", "海边", "博物馆"),
    "ru": ("в магазин", "в парк", "в школу", "на рынок", "на вокзал", "в библиотеку", "на пляж", "в музей"),
    "ja": ("店", "公園", "学校", "市場", "駅", "図書館", "海", "博物館"),
}

#: Things one character gives another (accusative where it matters).
GIFTS: dict[str, tuple[str, ...]] = {
    "en": ("book", "apple", "ball", "letter", "flower", "cup", "pencil", "cake"),
    "fr": ("un livre", "une pomme", "un ballon", "une lettre", "une fleur", "une tasse", "un crayon", "un gâteau"),
    "cs": ("knihu", "jablko", "míč", "dopis", "květinu", "hrnek", "tužku", "dort"),
    "uk": ("книжку", "яблуко", "м'яч", "лист", "квітку", "чашку", "олівець", "торт"),
    "zh": ("书", "苹果", "球", "信", "花", "杯子", "铅笔", "蛋糕"),
    "ru": ("книгу", "яблоко", "мяч", "письмо", "цветок", "чашку", "карандаш", "торт"),
    "ja": ("本", "りんご", "ボール", "手紙", "花", "コップ", "鉛筆", "ケーキ"),
}

#: The IOI sentence. ``{a}``/``{b}`` nominative names, ``{a_dat}`` the recipient (dative), ``{p}`` place,
#: ``{g}`` gift. The recipient is always the *other* character — the one not repeated — and ends the text.
IOI_TEMPLATES: dict[str, str] = {
    "en": "When {a} and {b} went to the {p}, {b} gave a {g} to {a_dat}.",
    "fr": "Quand {a} et {b} sont allés {p}, {b} a donné {g} à {a_dat}.",
    "cs": "Když {a} a {b} jdou {p}, {b} dává {g} {a_dat}.",
    "uk": "Коли {a} і {b} ідуть {p}, {b} дає {g} {a_dat}.",
    "zh": "{a}和{b}去了{p}，{b}把{g}给了{a_dat}。",
    "ru": "Когда {a} и {b} идут {p}, {b} даёт {g} {a_dat}.",
    "ja": "{a}と{b}が{p}に行ったとき、{b}は{g}を{a_dat}にあげました。",
}

#: Short stories; same placeholders as IOI plus ``{city}`` and ``{animal}``.
STORY_TEMPLATES: dict[str, tuple[str, ...]] = {
    "en": (
        '{A} lives in {city}. Every morning {a} goes to the {p}. One day {a} meets {b}. {B} says: "Hello, {a}!"',
        "Once upon a time there was a {animal}. The {animal} lived with {a}. {A} loved the {animal} very much.",
        "{A}: Hello, {b}! How are you?\n{B}: I am fine, thank you, {a}. And you?\n{A}: Very well!",
    ),
    "fr": (
        "{A} habite à {city}. Chaque matin, {a} va {p}. Un jour, {a} rencontre {b}. {B} dit : « Bonjour, {a} ! »",
        "Il était une fois un animal : {animal}. {A} aimait beaucoup cet animal.",
        "{A} : Bonjour, {b} ! Comment ça va ?\n{B} : Très bien, merci, {a}. Et toi ?\n{A} : Ça va bien !",
    ),
    "cs": (
        "{A} bydlí ve městě {city}. Každé ráno {a} chodí {p}. Jednoho dne tam je i {b}. {B} říká: „Ahoj, {a}!“",
        "Bylo nebylo jedno zvíře: {animal}. {A} to zvíře miluje.",
        "{A}: Ahoj, {b}! Jak se máš?\n{B}: Mám se dobře, díky, {a}. A ty?\n{A}: Výborně!",
    ),
    "uk": (
        "{A} живе в місті {city}. Щоранку {a} ходить {p}. Одного дня там також {b}. {B} каже: «Привіт, {a}!»",
        "Жила-була тварина: {animal}. {A} дуже любить цю тварину.",
        "{A}: Привіт, {b}! Як справи?\n{B}: Добре, дякую, {a}. А в тебе?\n{A}: Чудово!",
    ),
    "zh": (
        "{a}住在{city}。每天早上{a}去{p}。有一天{a}遇到了{b}。{b}说：“你好，{a}！”",
        "从前有一只{animal}。{animal}和{a}住在一起。{a}非常喜欢这只{animal}。",
        "{a}：你好，{b}！你好吗？\n{b}：我很好，谢谢你，{a}。你呢？\n{a}：非常好！",
    ),
    "ru": (
        "{A} живёт в городе {city}. Каждое утро {a} ходит {p}. Однажды там же оказывается {b}. {B} говорит: «Привет, {a}!»",
        "Жило-было животное: {animal}. {A} очень любит это животное.",
        "{A}: Привет, {b}! Как дела?\n{B}: Хорошо, спасибо, {a}. А у тебя?\n{A}: Отлично!",
    ),
    "ja": (
        "{a}は{city}に住んでいます。毎朝{a}は{p}に行きます。ある日、{a}は{b}に会いました。{b}は「こんにちは、{a}！」と言いました。",
        "むかしむかし、{animal}がいました。{animal}は{a}と一緒に住んでいました。{a}は{animal}が大好きでした。",
        "{a}：こんにちは、{b}！元気ですか？\n{b}：元気です、ありがとう、{a}。あなたは？\n{a}：とても元気です！",
    ),
}

DAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "cs": ("pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "ja": ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
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
    ),
    "fr": (
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
    ),
    "cs": (
        "leden",
        "únor",
        "březen",
        "duben",
        "květen",
        "červen",
        "červenec",
        "srpen",
        "září",
        "říjen",
        "listopad",
        "prosinec",
    ),
    "uk": (
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
    ),
    "zh": ("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"),
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
    "ja": ("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
}

#: Sentence frames for sequences: list intro for days, months and counting; "after X comes Y"; sums.
SEQUENCE_FRAMES: dict[str, dict[str, str]] = {
    "en": {
        "days": "Days of the week: {x}.",
        "months": "The months: {x}.",
        "count": "Let us count: {x}.",
        "after": "After {a} comes {b}.",
        "sum": "{a} plus {b} is {c}.",
        "list_sep": ", ",
    },
    "fr": {
        "days": "Les jours de la semaine : {x}.",
        "months": "Les mois : {x}.",
        "count": "Comptons : {x}.",
        "after": "Après {a} vient {b}.",
        "sum": "{a} plus {b} font {c}.",
        "list_sep": ", ",
    },
    "cs": {
        "days": "Dny v týdnu: {x}.",
        "months": "Měsíce: {x}.",
        "count": "Počítejme: {x}.",
        "after": "{A}, a potom {b}.",
        "sum": "{a} plus {b} je {c}.",
        "list_sep": ", ",
    },
    "uk": {
        "days": "Дні тижня: {x}.",
        "months": "Місяці: {x}.",
        "count": "Рахуємо: {x}.",
        "after": "{A}, а потім {b}.",
        "sum": "{a} плюс {b} дорівнює {c}.",
        "list_sep": ", ",
    },
    "zh": {
        "days": "一周的日子：{x}。",
        "months": "月份：{x}。",
        "count": "我们来数数：{x}。",
        "after": "{a}之后是{b}。",
        "sum": "{a}加{b}等于{c}。",
        "list_sep": "、",
    },
    "ru": {
        "days": "Дни недели: {x}.",
        "months": "Месяцы: {x}.",
        "count": "Считаем: {x}.",
        "after": "{A}, а потом {b}.",
        "sum": "{a} плюс {b} равно {c}.",
        "list_sep": ", ",
    },
    "ja": {
        "days": "曜日：{x}。",
        "months": "月：{x}。",
        "count": "数えましょう：{x}。",
        "after": "{a}の次は{b}です。",
        "sum": "{a}たす{b}は{c}です。",
        "list_sep": "、",
    },
}

#: How a repeated random word sequence is introduced (so the model sees copying as a language activity).
REPEAT_FRAMES: dict[str, str] = {
    "en": "Repeat after me: {x}. Again: {x}.",
    "fr": "Répète après moi : {x}. Encore : {x}.",
    "cs": "Opakuj po mně: {x}. Znovu: {x}.",
    "uk": "Повторюй за мною: {x}. Ще раз: {x}.",
    "zh": "跟我读：{x}。再读一遍：{x}。",
    "ru": "Повторяй за мной: {x}. Ещё раз: {x}.",
    "ja": "くりかえして：{x}。もう一度：{x}。",
}

#: Word separator inside a repeated sequence (Chinese and Japanese lists use the ideographic comma).
WORD_SEP: dict[str, str] = {"en": " ", "fr": " ", "cs": " ", "uk": " ", "zh": "、", "ru": " ", "ja": "、"}
