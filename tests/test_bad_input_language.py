"""Not English: eventwatch.language tells English from other languages offline, so that
ingest can skip what the English pipeline would misread. Every sentence here was written
for this test, news-style."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from eventwatch.ingest import read_paths
from eventwatch.language import detect_language, function_words, scripts
from eventwatch.records import Article
from tests.conftest import ROOT

OTHER_LANGUAGES = {
    "fr": "Le ministre des Affaires étrangères a annoncé mardi que les négociations avec le pays voisin reprendraient la semaine prochaine. « Nous sommes prêts à discuter », a-t-il déclaré aux journalistes à l'issue d'une réunion au siège du gouvernement.",
    "de": "Der Außenminister sagte am Dienstag, dass die Gespräche mit dem Nachbarland in der kommenden Woche fortgesetzt werden. „Wir sind bereit, über alles zu reden“, erklärte er nach einem Treffen mit Vertretern der Regierung.",
    "es": "El ministro de Asuntos Exteriores anunció el martes que las negociaciones con el país vecino se reanudarán la próxima semana. «Estamos dispuestos a dialogar», dijo a los periodistas tras una reunión en la sede del gobierno.",
    "it": "Il ministro degli Esteri ha annunciato martedì che i negoziati con il paese vicino riprenderanno la prossima settimana. «Siamo pronti a discutere», ha detto ai giornalisti dopo una riunione nella sede del governo.",
    "pt": "O ministro dos Negócios Estrangeiros anunciou na terça-feira que as negociações com o país vizinho serão retomadas na próxima semana. «Estamos prontos para conversar», disse ele aos jornalistas após uma reunião na sede do governo.",
    "nl": "De minister van Buitenlandse Zaken heeft dinsdag gezegd dat de gesprekken met het buurland volgende week worden hervat. ‘Wij zijn bereid om te praten’, zei hij tegen journalisten na een overleg met de regering.",
    "sv": "Utrikesministern sade på tisdagen att förhandlingarna med grannlandet ska återupptas nästa vecka. ”Vi är beredda att tala med dem”, sade han till journalister efter ett möte med regeringen.",
    "pl": "Minister spraw zagranicznych powiedział we wtorek, że rozmowy z sąsiednim krajem zostaną wznowione w przyszłym tygodniu. „Jesteśmy gotowi do rozmów”, powiedział dziennikarzom po spotkaniu w siedzibie rządu.",
    "tr": "Dışişleri Bakanı salı günü yaptığı açıklamada, komşu ülke ile görüşmelerin önümüzdeki hafta yeniden başlayacağını söyledi. Bakan, hükümet binasındaki toplantının ardından gazetecilere \"Her konuyu konuşmaya hazırız\" dedi.",
    "id": "Menteri Luar Negeri mengatakan pada hari Selasa bahwa perundingan dengan negara tetangga akan dilanjutkan pekan depan. \"Kami siap untuk berbicara\", kata dia kepada wartawan setelah pertemuan di kantor pemerintah.",
    "vi": "Bộ trưởng Ngoại giao cho biết hôm thứ Ba rằng các cuộc đàm phán với nước láng giềng sẽ được nối lại vào tuần tới. Ông nói với các phóng viên sau cuộc họp rằng chính phủ đã sẵn sàng đối thoại.",
    "ru": "Министр иностранных дел заявил во вторник, что переговоры с соседней страной возобновятся на следующей неделе. «Мы готовы к диалогу», — сказал он журналистам после встречи в здании правительства.",
    "uk": "Міністр закордонних справ заявив у вівторок, що переговори з сусідньою країною відновляться наступного тижня. «Ми готові до діалогу», — сказав він журналістам після зустрічі в будівлі уряду.",
    "ar": "قال وزير الخارجية يوم الثلاثاء إن المفاوضات مع البلد المجاور ستستأنف الأسبوع المقبل. وأضاف للصحفيين بعد اجتماع في مقر الحكومة أن بلاده مستعدة للحوار.",
    "fa": "وزیر امور خارجه روز سه‌شنبه گفت که مذاکرات با کشور همسایه هفته آینده از سر گرفته می‌شود. او پس از نشستی در ساختمان دولت به خبرنگاران گفت که ما آماده گفتگو هستیم.",
    "zh": "外交部长周二表示，与邻国的谈判将于下周恢复。他在政府大楼举行会议后对记者说，我们已经准备好进行对话。",
    "ja": "外務大臣は火曜日、隣国との交渉が来週再開されると述べた。大臣は政府庁舎での会合の後、記者団に対し「対話の準備はできている」と語った。",
    "ko": "외교부 장관은 화요일 이웃 나라와의 협상이 다음 주에 재개될 것이라고 밝혔다. 그는 정부 청사에서 회의를 마친 뒤 기자들에게 대화할 준비가 되어 있다고 말했다.",
    "el": "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι διαπραγματεύσεις με τη γειτονική χώρα θα συνεχιστούν την επόμενη εβδομάδα. «Είμαστε έτοιμοι για διάλογο», είπε στους δημοσιογράφους.",
    "he": "שר החוץ אמר ביום שלישי כי המשא ומתן עם המדינה השכנה יתחדש בשבוע הבא. הוא אמר לעיתונאים לאחר פגישה בבניין הממשלה כי אנחנו מוכנים לשיחות.",
    "hi": "विदेश मंत्री ने मंगलवार को कहा कि पड़ोसी देश के साथ बातचीत अगले सप्ताह फिर से शुरू होगी। उन्होंने सरकारी भवन में बैठक के बाद पत्रकारों से कहा कि हम बातचीत के लिए तैयार हैं।",
}

ENGLISH = {
    "headline": "Kessel port reopens",
    "names only": "Zelensky, Putin, Erdogan, Macron, Scholz, Sunak, Biden, Xi",
    "short": "Troops left Kessel.",
    "no letters": "2024 - 10,000 / 42",
    "a French quote": "The French minister spoke to reporters in Paris on Tuesday. \"Nous sommes prêts à discuter,\" he said, which translates as \"we are ready to talk\". He added that the talks with the neighbouring country would resume next week, and that the government had made an offer.",
    "a Russian quote": "The Russian foreign ministry said on Tuesday that talks would resume next week. Its spokeswoman wrote on Telegram: «Мы готовы к диалогу». Officials in Kyiv said they had not been told of any new proposal and would wait for a written offer.",
    "Cyrillic names": "Officials from the Ministry of Defence met Олександр Коваль and Ірина Мельник in Lviv on Monday to discuss the supply of generators for the winter, the ministry said in a statement.",
    "Chinese names": "China's foreign ministry (外交部) said on Friday that its envoy, 王毅, would travel to Cairo and Riyadh next week to discuss a ceasefire, and that talks with both sides had been useful.",
}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_other_languages_are_detected(language):
    assert detect_language(OTHER_LANGUAGES[language]) == language


@pytest.mark.parametrize("name", ENGLISH)
def test_english_is_english_even_with_foreign_words_or_little_to_go_on(name):
    assert detect_language(ENGLISH[name]) == "en"


def test_a_long_latin_text_in_an_unlisted_language_is_not_english():
    lithuanian = "Užsienio reikalų ministras antradienį pareiškė, kad derybos atsinaujins kitą savaitę, o delegacijos susitiks sostinėje. "
    no_function_words = "Užsienio reikalų ministras antradienį pareiškė derybos atsinaujins kitą savaitę delegacijos susitiks sostinėje. "

    assert detect_language(lithuanian * 4) != "en"  # some listed language's words win ("o", "su")
    assert detect_language(no_function_words * 5) == "und"
    assert detect_language(no_function_words) == "en"  # too short to judge: given the benefit of the doubt


def test_han_without_kana_is_chinese_and_with_kana_japanese():
    assert detect_language("外交部长表示谈判将于下周恢复") == "zh"
    assert detect_language("外務大臣は交渉が来週再開されると述べた") == "ja"


def test_every_bundled_and_test_article_in_english_is_english():
    inputs = [str(ROOT / "samples"), str(ROOT / "tests" / "fixtures" / "ingest"), str(ROOT / "bench" / "data" / "800-words.txt")]
    articles = [item for item in read_paths(inputs) if isinstance(item, Article)]

    assert len(articles) >= 10
    assert [a.origin for a in articles if detect_language(a.body) != "en"] == []


def test_function_words_are_strings_of_real_languages():
    words = function_words()

    assert "en" in words and len(words) >= 20
    for language, listed in words.items():
        assert len(listed) >= 30, language
        assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in listed), language
    assert {"no", "on"} <= words["en"]  # quoted in the YAML, or it would read them as false and true


def test_every_script_in_the_data_names_a_unicode_script():
    first_words = {unicodedata.name(chr(c), "").split(" ", 1)[0] for c in range(sys.maxunicode + 1) if chr(c).isalpha()}

    assert set(scripts()) <= first_words
    for script in scripts().values():
        assert all(letters for letters in script.markers.values())


def test_language_data_files_carry_a_readme():
    folder = Path(__file__).resolve().parent.parent / "eventwatch" / "data" / "language"
    assert {p.name for p in folder.iterdir()} >= {"README.md", "function_words.yaml", "scripts.yaml"}
