"""The demo content: the press release of the page this site replaces, in English as the seed
gives it and in Russian and Belarusian as the agency's translators would write it, and the
agency's topics in the three languages."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .models import Article, Topic
from .translating import free_slug

# Named by `manage.py loaddemo`, which calls load().
CONTENT = "seed article"


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


# The seed names no author ("Written by:" is empty), and neither do its translations.
SEED_ARTICLE = {
    "slug": "high-tech-products-account-for-over-third-of-belarus-export",
    "title": "High-tech products account for over third of Belarus' export",
    "lead": (
        "Knowledge-intensive and high-tech products account for more than a third of "
        "the Belarusian export, Chairman of the State Committee for Science and "
        "Technology of Belarus Sergei Shlychkov told BelTA."
    ),
    "body": paragraphs(
        "“The share of knowledge-intensive and high-tech products stood at 37.5% of"
        " the total Belarusian export in January-September 2022, with the plan set "
        "at 34%. According to preliminary estimates, the index of innovatively "
        "active manufacturing organizations will make up 30.4% of the total in "
        "2022,” said Sergei Shlychkov.",
        "Belarus is implementing the state innovation development program "
        "2021-2025, including 66 projects for 2022. Seven of them have already been"
        " completed. Facilities as part of five of them have been commissioned. "
        "More than 700 new jobs have been created. The chairman of the State "
        "Committee for Science and Technology mentioned the most notable projects. "
        "“Legmash Plant has organized the production of innovative equipment and "
        "its components for the oil and gas industry. High-tech export-oriented "
        "production of optical components and laser systems with diode pumping of a"
        " new generation has been set up at the Institute of Physics of the "
        "National Academy of Sciences of Belarus. Projects have been completed at "
        "Baranovichi Machine-Tool Plant, Belkredo, Spetslit and Ruchaika,” he said.",
        "There are also big plans for 2023. They include the commissioning as part "
        "of 19 projects and reaching the design capacity as part of 17 projects. "
        "“The BNTU Polytechnic Technopark plans to set up an innovation and "
        "production center to manufacture medical products. The Unitehprom BSU is "
        "organizing the production of original bioresorbable polyfunctional "
        "medicines. Uzda Central District Hospital is setting up a medical and "
        "social rehabilitation center for the elderly and disabled, using "
        "innovative robotic technology and control system. Minsk Dairy Plant No. 1 "
        "is working a new tasty novelty - cheese with white mold,” Sergei Shlychkov"
        " said.",
    ),
    "author": "",
    # The seed page's time, in the agency's zone.
    "pub_date": datetime.datetime(2023, 1, 19, 10, 0, tzinfo=timezone.get_default_timezone()),
    "status": Article.Status.PUBLISHED,
}
SEED_LANGUAGE = "en"
# What the demo never gave the seed article, and an editor may have since.
NOTHING_ADDED = {
    "image": "",
    "image_alt": "",
    "image_caption": "",
    "image_credit": "",
    "expires_at": None,
    "withdrawal_reason": "",
    "revised_at": None,
}

TRANSLATIONS = {
    "ru": {
        "slug": "vysokotekhnologichnaya-produktsiya-sostavlyaet-bolee-treti-eksporta-belarusi",
        "title": "Высокотехнологичная продукция составляет более трети экспорта Беларуси",
        "lead": (
            "Наукоёмкая и высокотехнологичная продукция составляет более трети белорусского "
            "экспорта, рассказал БЕЛТА председатель Государственного комитета по науке и "
            "технологиям Беларуси Сергей Шлычков."
        ),
        "body": paragraphs(
            "«Доля наукоёмкой и высокотехнологичной продукции в общем объёме белорусского "
            "экспорта в январе–сентябре 2022 года составила 37,5% при плане 34%. По "
            "предварительной оценке, удельный вес инновационно активных организаций "
            "обрабатывающей промышленности в 2022 году составит 30,4% от их общего числа», — "
            "сказал Сергей Шлычков.",
            "Беларусь реализует Государственную программу инновационного развития на "
            "2021–2025 годы, которая включает 66 проектов на 2022 год. Семь из них уже "
            "завершены. В рамках пяти из них введены в эксплуатацию объекты. Создано более "
            "700 новых рабочих мест. Председатель Государственного комитета по науке и "
            "технологиям назвал наиболее заметные проекты. «Завод „Легмаш“ организовал "
            "производство инновационного оборудования и комплектующих к нему для "
            "нефтегазовой отрасли. В Институте физики Национальной академии наук Беларуси "
            "создано высокотехнологичное экспортоориентированное производство оптических "
            "компонентов и лазерных систем с диодной накачкой нового поколения. Завершены "
            "проекты на Барановичском станкостроительном заводе, на предприятиях "
            "„Белкредо“, „Спецлит“ и „Ручайка“», — сказал он.",
            "Большие планы и на 2023 год. Они предусматривают ввод в эксплуатацию объектов "
            "по 19 проектам и выход на проектную мощность по 17 проектам. "
            "«Научно-технологический парк БНТУ „Политехник“ планирует создать "
            "инновационно-производственный центр по выпуску изделий медицинского назначения. "
            "Унитехпром БГУ организует производство оригинальных биорезорбируемых "
            "полифункциональных лекарственных средств. Узденская центральная районная "
            "больница создаёт центр медико-социальной реабилитации для пожилых людей и людей "
            "с инвалидностью с применением инновационных роботизированных технологий и "
            "системы управления. Минский молочный завод № 1 работает над вкусной новинкой — "
            "сыром с белой плесенью», — сказал Сергей Шлычков.",
        ),
    },
    "be": {
        "slug": "vysokatekhnalahichnaya-praduktsyya-skladae-bolsh-za-tratsinu-ekspartu-belarusi",
        "title": "Высокатэхналагічная прадукцыя складае больш за траціну экспарту Беларусі",
        "lead": (
            "Навукаёмістая і высокатэхналагічная прадукцыя складае больш за траціну "
            "беларускага экспарту, расказаў БЕЛТА старшыня Дзяржаўнага камітэта па навуцы і "
            "тэхналогіях Беларусі Сяргей Шлычкоў."
        ),
        "body": paragraphs(
            "«Доля навукаёмістай і высокатэхналагічнай прадукцыі ў агульным аб’ёме "
            "беларускага экспарту ў студзені–верасні 2022 года склала 37,5% пры плане 34%. "
            "Па папярэдняй ацэнцы, удзельная вага інавацыйна актыўных арганізацый апрацоўчай "
            "прамысловасці ў 2022 годзе складзе 30,4% ад іх агульнай колькасці», — сказаў "
            "Сяргей Шлычкоў.",
            "Беларусь рэалізуе Дзяржаўную праграму інавацыйнага развіцця на 2021–2025 гады, "
            "якая ўключае 66 праектаў на 2022 год. Сем з іх ужо завершаны. У рамках пяці з "
            "іх уведзены ў эксплуатацыю аб’екты. Створана больш за 700 новых працоўных "
            "месцаў. Старшыня Дзяржаўнага камітэта па навуцы і тэхналогіях назваў найбольш "
            "прыкметныя праекты. «Завод „Легмаш“ арганізаваў вытворчасць інавацыйнага "
            "абсталявання і камплектавальных вырабаў да яго для нафтагазавай галіны. У "
            "Інстытуце фізікі Нацыянальнай акадэміі навук Беларусі створана "
            "высокатэхналагічная экспартнаарыентаваная вытворчасць аптычных кампанентаў і "
            "лазерных сістэм з дыёднай накачкай новага пакалення. Завершаны праекты на "
            "Баранавіцкім станкабудаўнічым заводзе, на прадпрыемствах „Белкрэда“, „Спецліт“ "
            "і „Ручайка“», — сказаў ён.",
            "Вялікія планы і на 2023 год. Яны прадугледжваюць увод у эксплуатацыю аб’ектаў "
            "па 19 праектах і выхад на праектную магутнасць па 17 праектах. "
            "«Навукова-тэхналагічны парк БНТУ „Політэхнік“ плануе стварыць "
            "інавацыйна-вытворчы цэнтр па выпуску вырабаў медыцынскага прызначэння. "
            "Унітэхпрам БДУ арганізоўвае вытворчасць арыгінальных поліфункцыянальных лекавых "
            "сродкаў, якія рассмоктваюцца ў арганізме. Уздзенская цэнтральная раённая "
            "бальніца стварае цэнтр медыка-сацыяльнай рэабілітацыі для пажылых людзей і "
            "людзей з інваліднасцю з выкарыстаннем інавацыйных рабатызаваных тэхналогій і "
            "сістэмы кіравання. Мінскі малочны завод № 1 працуе над смачнай навінкай — сырам "
            "з белай цвіллю», — сказаў Сяргей Шлычкоў.",
        ),
    },
}

# The agency's rubrics, each in the three languages; the seed article is filed under the first.
TOPICS = [
    {
        "slug": "innovation",
        "name": {"ru": "Инновации", "be": "Інавацыі", "en": "Innovation"},
        "description": {
            "ru": "Государственная программа инновационного развития, технопарки и новые "
            "производства.",
            "be": "Дзяржаўная праграма інавацыйнага развіцця, тэхнапаркі і новыя вытворчасці.",
            "en": "The state innovation programme, technoparks and new production.",
        },
    },
    {
        "slug": "international-cooperation",
        "name": {
            "ru": "Международное сотрудничество",
            "be": "Міжнароднае супрацоўніцтва",
            "en": "International cooperation",
        },
        "description": {
            "ru": "Совместные проекты и соглашения.",
            "be": "Сумесныя праекты і пагадненні.",
            "en": "Joint projects and agreements.",
        },
    },
    {
        "slug": "science-policy",
        "name": {"ru": "Научная политика", "be": "Навуковая палітыка", "en": "Science policy"},
        "description": {
            "ru": "Законы, стратегии и финансирование исследований.",
            "be": "Законы, стратэгіі і фінансаванне даследаванняў.",
            "en": "Laws, strategies and the funding of research.",
        },
    },
]
TOPIC_TEXTS = ("name", "description")


@transaction.atomic
def load():
    """Fill an empty site, one that never had an article (a deleted one leaves its history) nor
    has a topic, with the seed release in its three languages and the topics. Says what it did,
    for `loaddemo`: it runs with every `make run` and `make serve`, and what staff changed or
    deleted (a translation too) must not come back live."""
    seed = Article.objects.filter(slug=SEED_ARTICLE["slug"]).first()
    if seed is None:
        if Article.objects.exists() or Article.history.exists() or Topic.objects.exists():
            return "left alone: staff changed it"
        topics = [Topic.objects.create(slug=topic["slug"], **localized(topic)) for topic in TOPICS]
        seed = Article.objects.create(language=SEED_LANGUAGE, **SEED_ARTICLE)
        seed.topics.add(topics[0])
        add_translations(seed)
        return "created"
    translated = ever_translated(seed)
    if translated and seed.language == SEED_LANGUAGE:
        return "already present"
    if translated or not loaded_before_languages(seed):
        return "left alone: staff changed it"
    upgrade(seed)
    return "upgraded: in English with its Russian and Belarusian translations"


def localized(topic):
    """A topic's texts as its translation fields: name_ru, name_be, name_en, description_ru…"""
    return {f"{name}_{lang}": text for name in TOPIC_TEXTS for lang, text in topic[name].items()}


def add_translations(original):
    """Its Russian and Belarusian versions, as an editor's translation of it would be: its key,
    original and topics, its own slug, the same publication, a first revision that says where it
    came from. The seed has no photo (a translation would otherwise get a copy of its own)."""
    for language, texts in TRANSLATIONS.items():
        version = Article(
            language=language,
            translation_key=original.translation_key,
            source=original,
            slug=free_slug(texts["slug"]),
            title=texts["title"],
            lead=texts["lead"],
            body=texts["body"],
            author=original.author,
            pub_date=original.pub_date,
            status=original.status,
        )
        version._change_reason = gettext("Translation started from “%(title)s”") % {
            "title": original.title
        }
        version.save()
        version.topics.set(original.topics.all())


def ever_translated(seed):
    """Whether it has, or has had, another language version; a deleted one stays deleted."""
    versions = Article.history.filter(translation_key=seed.translation_key)
    return versions.exclude(id=seed.pk).exists()


def loaded_before_languages(seed):
    """Whether the seed article is exactly as the demo loaded it before the site had languages
    (then in the site's language, "ru", though its text is English): its text, photo and
    publication as loaded, never saved by a member of staff. Only then is correcting its
    language no one's edit undone; a shell edit leaves no revision, but the comparison sees it."""
    as_loaded = Article.objects.filter(pk=seed.pk, **SEED_ARTICLE, **NOTHING_ADDED).exists()
    saved_by_staff = Article.history.filter(id=seed.pk, history_user__isnull=False).exists()
    return as_loaded and not saved_by_staff


def upgrade(seed):
    """The demo loaded before the site had languages, made what the demo is now."""
    if seed.language != SEED_LANGUAGE:
        seed.language = SEED_LANGUAGE
        seed._change_reason = gettext("Language changed to “%(language)s”") % {
            "language": seed.get_language_display()
        }
        seed.save(update_fields=["language"])
    translate_topics()
    add_translations(seed)


def translate_topics():
    """Give the demo's topics, named in English then, their three languages; a text an editor
    wrote, in any language, stays."""
    for topic in TOPICS:
        record = Topic.objects.filter(slug=topic["slug"]).first()
        untranslated = [
            name for name in TOPIC_TEXTS if record and only_english(record, name, topic[name]["en"])
        ]
        for name in untranslated:
            for lang, text in topic[name].items():
                setattr(record, f"{name}_{lang}", text)
        if untranslated:
            record.save()


def only_english(record, name, english):
    """Whether the record's text `name` is the demo's English one and nothing else, in whichever
    language's column the demo or the migration to languages left it."""
    written = {getattr(record, f"{name}_{lang}") or "" for lang, _label in settings.LANGUAGES}
    return written - {""} == {english}
