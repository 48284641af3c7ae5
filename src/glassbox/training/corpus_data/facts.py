"""Fact tables of the generated corpus, written by hand for this project (nothing is downloaded).

Every table row gives one entity in all seven corpus languages, in the order of :data:`LANGS`
(English, French, Czech, Ukrainian, Chinese, Russian, Japanese). Rows are plain text so that a reviewer
who reads one of the languages can check them at a glance; :func:`_parse` turns them into tuples.

Slavic languages decline nouns, so the templates use appositions ("Hlavní město země Francie …",
"Столица страны Франция …") that keep every name in the nominative: one form per name is then enough.
Colours agree with their noun, so the object table stores the already-agreed adjective per language.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The corpus languages, in the column order of every table below.
LANGS: tuple[str, ...] = ("en", "fr", "cs", "uk", "zh", "ru", "ja")


@dataclass(frozen=True)
class Entity:
    """One row: a key, the subject in every language and the answer (object) in every language."""

    key: str
    subject: dict[str, str]
    answer: dict[str, str]


def _parse(table: str) -> tuple[Entity, ...]:
    rows = []
    for line in table.strip().splitlines():
        key, subjects, answers = (part.strip() for part in line.split(";"))
        s, a = subjects.split("|"), answers.split("|")
        if len(s) != len(LANGS) or len(a) != len(LANGS):
            raise ValueError(f"row {key!r} does not have {len(LANGS)} languages")
        rows.append(Entity(key, dict(zip(LANGS, s, strict=True)), dict(zip(LANGS, a, strict=True))))
    return tuple(rows)


# key ; country (en|fr|cs|uk|zh|ru|ja) ; capital (en|fr|cs|uk|zh|ru|ja)
COUNTRIES = _parse("""
france; France|France|Francie|Франція|法国|Франция|フランス; Paris|Paris|Paříž|Париж|巴黎|Париж|パリ
germany; Germany|Allemagne|Německo|Німеччина|德国|Германия|ドイツ; Berlin|Berlin|Berlín|Берлін|柏林|Берлин|ベルリン
italy; Italy|Italie|Itálie|Італія|意大利|Италия|イタリア; Rome|Rome|Řím|Рим|罗马|Рим|ローマ
spain; Spain|Espagne|Španělsko|Іспанія|西班牙|Испания|スペイン; Madrid|Madrid|Madrid|Мадрид|马德里|Мадрид|マドリード
japan; Japan|Japon|Japonsko|Японія|日本|Япония|日本; Tokyo|Tokyo|Tokio|Токіо|东京|Токио|東京
china; China|Chine|Čína|Китай|中国|Китай|中国; Beijing|Pékin|Peking|Пекін|北京|Пекин|北京
russia; Russia|Russie|Rusko|Росія|俄罗斯|Россия|ロシア; Moscow|Moscou|Moskva|Москва|莫斯科|Москва|モスクワ
ukraine; Ukraine|Ukraine|Ukrajina|Україна|乌克兰|Украина|ウクライナ; Kyiv|Kyiv|Kyjev|Київ|基辅|Киев|キーウ
czechia; Czechia|Tchéquie|Česko|Чехія|捷克|Чехия|チェコ; Prague|Prague|Praha|Прага|布拉格|Прага|プラハ
poland; Poland|Pologne|Polsko|Польща|波兰|Польша|ポーランド; Warsaw|Varsovie|Varšava|Варшава|华沙|Варшава|ワルシャワ
egypt; Egypt|Égypte|Egypt|Єгипет|埃及|Египет|エジプト; Cairo|Le Caire|Káhira|Каїр|开罗|Каир|カイロ
canada; Canada|Canada|Kanada|Канада|加拿大|Канада|カナダ; Ottawa|Ottawa|Ottawa|Оттава|渥太华|Оттава|オタワ
brazil; Brazil|Brésil|Brazílie|Бразилія|巴西|Бразилия|ブラジル; Brasília|Brasilia|Brasília|Бразиліа|巴西利亚|Бразилиа|ブラジリア
argentina; Argentina|Argentine|Argentina|Аргентина|阿根廷|Аргентина|アルゼンチン; Buenos Aires|Buenos Aires|Buenos Aires|Буенос-Айрес|布宜诺斯艾利斯|Буэнос-Айрес|ブエノスアイレス
austria; Austria|Autriche|Rakousko|Австрія|奥地利|Австрия|オーストリア; Vienna|Vienne|Vídeň|Відень|维也纳|Вена|ウィーン
hungary; Hungary|Hongrie|Maďarsko|Угорщина|匈牙利|Венгрия|ハンガリー; Budapest|Budapest|Budapešť|Будапешт|布达佩斯|Будапешт|ブダペスト
greece; Greece|Grèce|Řecko|Греція|希腊|Греция|ギリシャ; Athens|Athènes|Atény|Афіни|雅典|Афины|アテネ
portugal; Portugal|Portugal|Portugalsko|Португалія|葡萄牙|Португалия|ポルトガル; Lisbon|Lisbonne|Lisabon|Лісабон|里斯本|Лиссабон|リスボン
norway; Norway|Norvège|Norsko|Норвегія|挪威|Норвегия|ノルウェー; Oslo|Oslo|Oslo|Осло|奥斯陆|Осло|オスロ
sweden; Sweden|Suède|Švédsko|Швеція|瑞典|Швеция|スウェーデン; Stockholm|Stockholm|Stockholm|Стокгольм|斯德哥尔摩|Стокгольм|ストックホルム
finland; Finland|Finlande|Finsko|Фінляндія|芬兰|Финляндия|フィンランド; Helsinki|Helsinki|Helsinky|Гельсінкі|赫尔辛基|Хельсинки|ヘルシンキ
ireland; Ireland|Irlande|Irsko|Ірландія|爱尔兰|Ирландия|アイルランド; Dublin|Dublin|Dublin|Дублін|都柏林|Дублин|ダブリン
india; India|Inde|Indie|Індія|印度|Индия|インド; New Delhi|New Delhi|Nové Dillí|Нью-Делі|新德里|Нью-Дели|ニューデリー
kenya; Kenya|Kenya|Keňa|Кенія|肯尼亚|Кения|ケニア; Nairobi|Nairobi|Nairobi|Найробі|内罗毕|Найроби|ナイロビ
peru; Peru|Pérou|Peru|Перу|秘鲁|Перу|ペルー; Lima|Lima|Lima|Ліма|利马|Лима|リマ
chile; Chile|Chili|Chile|Чилі|智利|Чили|チリ; Santiago|Santiago|Santiago|Сантьяго|圣地亚哥|Сантьяго|サンティアゴ
turkey; Turkey|Turquie|Turecko|Туреччина|土耳其|Турция|トルコ; Ankara|Ankara|Ankara|Анкара|安卡拉|Анкара|アンカラ
thailand; Thailand|Thaïlande|Thajsko|Таїланд|泰国|Таиланд|タイ; Bangkok|Bangkok|Bangkok|Бангкок|曼谷|Бангкок|バンコク
australia; Australia|Australie|Austrálie|Австралія|澳大利亚|Австралия|オーストラリア; Canberra|Canberra|Canberra|Канберра|堪培拉|Канберра|キャンベラ
korea; South Korea|Corée du Sud|Jižní Korea|Південна Корея|韩国|Южная Корея|韓国; Seoul|Séoul|Soul|Сеул|首尔|Сеул|ソウル
vietnam; Vietnam|Viêt Nam|Vietnam|В'єтнам|越南|Вьетнам|ベトナム; Hanoi|Hanoï|Hanoj|Ханой|河内|Ханой|ハノイ
iran; Iran|Iran|Írán|Іран|伊朗|Иран|イラン; Tehran|Téhéran|Teherán|Тегеран|德黑兰|Тегеран|テヘラン
cuba; Cuba|Cuba|Kuba|Куба|古巴|Куба|キューバ; Havana|La Havane|Havana|Гавана|哈瓦那|Гавана|ハバナ
belgium; Belgium|Belgique|Belgie|Бельгія|比利时|Бельгия|ベルギー; Brussels|Bruxelles|Brusel|Брюссель|布鲁塞尔|Брюссель|ブリュッセル
netherlands; Netherlands|Pays-Bas|Nizozemsko|Нідерланди|荷兰|Нидерланды|オランダ; Amsterdam|Amsterdam|Amsterdam|Амстердам|阿姆斯特丹|Амстердам|アムステルダム
denmark; Denmark|Danemark|Dánsko|Данія|丹麦|Дания|デンマーク; Copenhagen|Copenhague|Kodaň|Копенгаген|哥本哈根|Копенгаген|コペンハーゲン
switzerland; Switzerland|Suisse|Švýcarsko|Швейцарія|瑞士|Швейцария|スイス; Bern|Berne|Bern|Берн|伯尔尼|Берн|ベルン
morocco; Morocco|Maroc|Maroko|Марокко|摩洛哥|Марокко|モロッコ; Rabat|Rabat|Rabat|Рабат|拉巴特|Рабат|ラバト
indonesia; Indonesia|Indonésie|Indonésie|Індонезія|印度尼西亚|Индонезия|インドネシア; Jakarta|Jakarta|Jakarta|Джакарта|雅加达|Джакарта|ジャカルタ
romania; Romania|Roumanie|Rumunsko|Румунія|罗马尼亚|Румыния|ルーマニア; Bucharest|Bucarest|Bukurešť|Бухарест|布加勒斯特|Бухарест|ブカレスト
""")

# key ; city (en|…|ja) ; the key of its country in COUNTRIES (same in every column)
_CITY_TABLE = """
lyon; Lyon|Lyon|Lyon|Ліон|里昂|Лион|リヨン; france
marseille; Marseille|Marseille|Marseille|Марсель|马赛|Марсель|マルセイユ; france
munich; Munich|Munich|Mnichov|Мюнхен|慕尼黑|Мюнхен|ミュンヘン; germany
hamburg; Hamburg|Hambourg|Hamburk|Гамбург|汉堡|Гамбург|ハンブルク; germany
milan; Milan|Milan|Milán|Мілан|米兰|Милан|ミラノ; italy
venice; Venice|Venise|Benátky|Венеція|威尼斯|Венеция|ヴェネツィア; italy
barcelona; Barcelona|Barcelone|Barcelona|Барселона|巴塞罗那|Барселона|バルセロナ; spain
seville; Seville|Séville|Sevilla|Севілья|塞维利亚|Севилья|セビリア; spain
osaka; Osaka|Osaka|Ósaka|Осака|大阪|Осака|大阪; japan
kyoto; Kyoto|Kyoto|Kjóto|Кіото|京都|Киото|京都; japan
shanghai; Shanghai|Shanghai|Šanghaj|Шанхай|上海|Шанхай|上海; china
chengdu; Chengdu|Chengdu|Čcheng-tu|Ченду|成都|Чэнду|成都; china
petersburg; Saint Petersburg|Saint-Pétersbourg|Petrohrad|Санкт-Петербург|圣彼得堡|Санкт-Петербург|サンクトペテルブルク; russia
kazan; Kazan|Kazan|Kazaň|Казань|喀山|Казань|カザン; russia
lviv; Lviv|Lviv|Lvov|Львів|利沃夫|Львов|リヴィウ; ukraine
odesa; Odesa|Odessa|Oděsa|Одеса|敖德萨|Одесса|オデーサ; ukraine
brno; Brno|Brno|Brno|Брно|布尔诺|Брно|ブルノ; czechia
ostrava; Ostrava|Ostrava|Ostrava|Острава|俄斯特拉发|Острава|オストラヴァ; czechia
krakow; Krakow|Cracovie|Krakov|Краків|克拉科夫|Краков|クラクフ; poland
gdansk; Gdansk|Gdańsk|Gdaňsk|Гданськ|格但斯克|Гданьск|グダニスク; poland
alexandria; Alexandria|Alexandrie|Alexandrie|Александрія|亚历山大|Александрия|アレクサンドリア; egypt
toronto; Toronto|Toronto|Toronto|Торонто|多伦多|Торонто|トロント; canada
montreal; Montreal|Montréal|Montreal|Монреаль|蒙特利尔|Монреаль|モントリオール; canada
rio; Rio de Janeiro|Rio de Janeiro|Rio de Janeiro|Ріо-де-Жанейро|里约热内卢|Рио-де-Жанейро|リオデジャネイロ; brazil
saopaulo; São Paulo|São Paulo|São Paulo|Сан-Паулу|圣保罗|Сан-Паулу|サンパウロ; brazil
salzburg; Salzburg|Salzbourg|Salcburk|Зальцбург|萨尔茨堡|Зальцбург|ザルツブルク; austria
thessaloniki; Thessaloniki|Thessalonique|Soluň|Салоніки|塞萨洛尼基|Салоники|テッサロニキ; greece
porto; Porto|Porto|Porto|Порту|波尔图|Порту|ポルト; portugal
bergen; Bergen|Bergen|Bergen|Берген|卑尔根|Берген|ベルゲン; norway
gothenburg; Gothenburg|Göteborg|Göteborg|Гетеборг|哥德堡|Гётеборг|ヨーテボリ; sweden
mumbai; Mumbai|Bombay|Bombaj|Мумбаї|孟买|Мумбаи|ムンバイ; india
istanbul; Istanbul|Istanbul|Istanbul|Стамбул|伊斯坦布尔|Стамбул|イスタンブール; turkey
sydney; Sydney|Sydney|Sydney|Сідней|悉尼|Сидней|シドニー; australia
melbourne; Melbourne|Melbourne|Melbourne|Мельбурн|墨尔本|Мельбурн|メルボルン; australia
busan; Busan|Busan|Pusan|Пусан|釜山|Пусан|釜山; korea
antwerp; Antwerp|Anvers|Antverpy|Антверпен|安特卫普|Антверпен|アントワープ; belgium
rotterdam; Rotterdam|Rotterdam|Rotterdam|Роттердам|鹿特丹|Роттердам|ロッテルダム; netherlands
zurich; Zurich|Zurich|Curych|Цюрих|苏黎世|Цюрих|チューリッヒ; switzerland
geneva; Geneva|Genève|Ženeva|Женева|日内瓦|Женева|ジュネーブ; switzerland
casablanca; Casablanca|Casablanca|Casablanca|Касабланка|卡萨布兰卡|Касабланка|カサブランカ; morocco
"""


def _cities() -> tuple[Entity, ...]:
    by_key = {c.key: c for c in COUNTRIES}
    rows = []
    for line in _CITY_TABLE.strip().splitlines():
        key, names, country = (part.strip() for part in line.split(";"))
        n = names.split("|")
        rows.append(Entity(key, dict(zip(LANGS, n, strict=True)), dict(by_key[country].subject)))
    return tuple(rows)


#: city → the country it lies in (the answer is the country name).
CITIES = _cities()

#: city key → country key, for two-hop facts (city → country → capital).
CITY_COUNTRY: dict[str, str] = {
    line.split(";")[0].strip(): line.split(";")[2].strip() for line in _CITY_TABLE.strip().splitlines()
}

# key ; animal (en|…|ja; French with its article) ; the sound it makes
ANIMALS = _parse("""
dog; dog|le chien|pes|собака|狗|собака|犬; woof|ouaf|haf|гав|汪汪|гав|ワンワン
cat; cat|le chat|kočka|кіт|猫|кошка|猫; meow|miaou|mňau|няв|喵喵|мяу|ニャー
cow; cow|la vache|kráva|корова|牛|корова|牛; moo|meuh|bú|му|哞哞|му|モー
duck; duck|le canard|kachna|качка|鸭子|утка|アヒル; quack|coin-coin|kvák|кря|嘎嘎|кря|ガーガー
rooster; rooster|le coq|kohout|півень|公鸡|петух|ニワトリ; cock-a-doodle-doo|cocorico|kykyryký|кукуріку|喔喔|кукареку|コケコッコー
sheep; sheep|le mouton|ovce|вівця|羊|овца|羊; baa|bêê|bé|бе|咩咩|бе|メー
pig; pig|le cochon|prase|свиня|猪|свинья|豚; oink|groin|chro|рох|哼哼|хрю|ブーブー
frog; frog|la grenouille|žába|жаба|青蛙|лягушка|カエル; ribbit|croa|kvak|ква|呱呱|ква|ケロケロ
horse; horse|le cheval|kůň|кінь|马|лошадь|馬; neigh|hiii|íhaha|іго-го|嘶嘶|иго-го|ヒヒーン
owl; owl|le hibou|sova|сова|猫头鹰|сова|フクロウ; hoot|hou-hou|hú|пугу|咕咕|угу|ホーホー
mouse; mouse|la souris|myš|миша|老鼠|мышь|ネズミ; squeak|couic|pí|пі|吱吱|пи|チューチュー
bee; bee|l'abeille|včela|бджола|蜜蜂|пчела|ハチ; buzz|bzz|bzz|дзз|嗡嗡|жжж|ブンブン
""")

# key ; object (French with its article) ; its colour, already agreeing with the noun
OBJECTS = _parse("""
sky; sky|le ciel|nebe|небо|天空|небо|空; blue|bleu|modré|блакитне|蓝色|голубое|青
grass; grass|l'herbe|tráva|трава|草|трава|草; green|verte|zelená|зелена|绿色|зелёная|緑
snow; snow|la neige|sníh|сніг|雪|снег|雪; white|blanche|bílý|білий|白色|белый|白
coal; coal|le charbon|uhlí|вугілля|煤|уголь|石炭; black|noir|černé|чорне|黑色|чёрный|黒
blood; blood|le sang|krev|кров|血|кровь|血; red|rouge|červená|червона|红色|красная|赤
banana; banana|la banane|banán|банан|香蕉|банан|バナナ; yellow|jaune|žlutý|жовтий|黄色|жёлтый|黄色
lemon; lemon|le citron|citron|лимон|柠檬|лимон|レモン; yellow|jaune|žlutý|жовтий|黄色|жёлтый|黄色
milk; milk|le lait|mléko|молоко|牛奶|молоко|牛乳; white|blanc|bílé|біле|白色|белое|白
tomato; tomato|la tomate|rajče|помідор|西红柿|помидор|トマト; red|rouge|červené|червоний|红色|красный|赤
strawberry; strawberry|la fraise|jahoda|полуниця|草莓|клубника|いちご; red|rouge|červená|червона|红色|красная|赤
cucumber; cucumber|le concombre|okurka|огірок|黄瓜|огурец|きゅうり; green|vert|zelená|зелений|绿色|зелёный|緑
chocolate; chocolate|le chocolat|čokoláda|шоколад|巧克力|шоколад|チョコレート; brown|brun|hnědá|коричневий|棕色|коричневый|茶色
coffee; coffee|le café|káva|кава|咖啡|кофе|コーヒー; brown|brun|hnědá|коричнева|棕色|коричневый|茶色
sea; sea|la mer|moře|море|大海|море|海; blue|bleue|modré|синє|蓝色|синее|青
crow; crow|le corbeau|vrána|ворона|乌鸦|ворона|カラス; black|noir|černá|чорна|黑色|чёрная|黒
sun; sun|le soleil|slunce|сонце|太阳|солнце|太陽; yellow|jaune|žluté|жовте|黄色|жёлтое|黄色
leaf; leaf|la feuille|list|листок|叶子|лист|葉; green|verte|zelený|зелений|绿色|зелёный|緑
cherry; cherry|la cerise|třešeň|вишня|樱桃|вишня|さくらんぼ; red|rouge|červená|червона|红色|красная|赤
salt; salt|le sel|sůl|сіль|盐|соль|塩; white|blanc|bílá|біла|白色|белая|白
elephant; elephant|l'éléphant|slon|слон|大象|слон|象; grey|gris|šedý|сірий|灰色|серый|灰色
""")
