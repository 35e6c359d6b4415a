import html

import pytest
from django.core.management import call_command
from django.utils import translation

from contacts import demo as contacts_demo
from contacts.models import Agency, ContactPoint, Phone, WeeklyHours
from contacts.translation import basic_information_gaps
from news import demo as news_demo
from news.models import Article, Topic
from news.translating import translate

pytestmark = pytest.mark.django_db

SEED_TITLE = "High-tech products account for over third of Belarus' export"
TITLES = {
    "en": SEED_TITLE,
    "ru": "Высокотехнологичная продукция составляет более трети экспорта Беларуси",
    "be": "Высокатэхналагічная прадукцыя складае больш за траціну экспарту Беларусі",
}
TOPIC_NAMES = {
    "ru": ["Инновации", "Международное сотрудничество", "Научная политика"],
    "be": ["Інавацыі", "Міжнароднае супрацоўніцтва", "Навуковая палітыка"],
    "en": ["Innovation", "International cooperation", "Science policy"],
}


def loaddemo(capsys):
    call_command("loaddemo")
    return capsys.readouterr().out


def seed_versions():
    """The seed release's versions by language."""
    return {article.language: article for article in Article.objects.all()}


def test_demo_command_loads_seed_article_in_english(client):
    call_command("loaddemo", stdout=None)
    article = Article.objects.get(title=SEED_TITLE)
    assert article.language == "en"
    assert article.is_published
    assert article.get_absolute_url() == (
        "/en/news/2023/01/19/high-tech-products-account-for-over-third-of-belarus-export/"
    )
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Thursday, 19 January 2023" in page.text
    assert "told BelTA." in article.lead
    assert article.body.count("<p>") == 3
    assert "“The share of knowledge-intensive" in article.body
    assert "cheese with white mold,” Sergei Shlychkov said.</p>" in article.body
    assert "Written by" not in page.text
    assert [topic.name for topic in article.topics.all()] == ["Innovation"]
    assert '<a href="/en/news/topics/innovation/">Innovation</a>' in page.text


def test_demo_seed_release_has_russian_and_belarusian_translations():
    call_command("loaddemo", stdout=None)
    versions = seed_versions()
    assert sorted(versions) == ["be", "en", "ru"]
    original = versions["en"]
    assert {version.title: language for language, version in versions.items()} == {
        title: language for language, title in TITLES.items()
    }
    assert len({version.translation_key for version in versions.values()}) == 1
    assert len({version.slug for version in versions.values()}) == 3
    for version in versions.values():
        assert version.is_published
        assert version.pub_date == original.pub_date
        assert version.body.count("<p>") == 3
        assert version.author == ""  # the seed's "Written by:" names no one
        assert not version.image
        assert list(version.topics.values_list("slug", flat=True)) == ["innovation"]
    ru, be = versions["ru"], versions["be"]
    assert (ru.source, be.source, original.source) == (original, original, None)
    assert not ru.is_out_of_date
    assert ru.slug == "vysokotekhnologichnaya-produktsiya-sostavlyaet-bolee-treti-eksporta-belarusi"
    assert "рассказал БЕЛТА председатель Государственного комитета по науке" in ru.lead
    assert "<p>«Доля наукоёмкой и высокотехнологичной продукции" in ru.body
    assert "сыром с белой плесенью», — сказал Сергей Шлычков.</p>" in ru.body
    assert "старшыня Дзяржаўнага камітэта па навуцы і тэхналогіях" in be.lead
    assert "<p>«Доля навукаёмістай і высокатэхналагічнай прадукцыі" in be.body
    assert "сырам з белай цвіллю», — сказаў Сяргей Шлычкоў.</p>" in be.body
    # Each translation's first revision says where it came from, as an editor's would.
    for version in (ru, be):
        assert version.history.get().history_change_reason == (
            f"Translation started from “{SEED_TITLE}”"
        )


@pytest.mark.parametrize("language", ["ru", "be", "en"])
def test_demo_release_is_listed_in_each_language(client, language):
    call_command("loaddemo", stdout=None)
    listing = client.get(f"/{language}/news/")
    assert listing.status_code == 200
    assert [html.escape(title) in listing.text for title in TITLES.values()] == [
        lang == language for lang in TITLES
    ]
    version = seed_versions()[language]
    assert version.get_absolute_url().startswith(f"/{language}/news/2023/01/19/")
    assert client.get(version.get_absolute_url()).status_code == 200


def test_demo_topics_are_named_in_three_languages(client):
    call_command("loaddemo", stdout=None)
    for language, names in TOPIC_NAMES.items():
        topics = Topic.objects.order_by("pk")
        assert [getattr(topic, f"name_{language}") for topic in topics] == names
        assert all(getattr(topic, f"description_{language}") for topic in topics)
    assert Topic.objects.get(slug="science-policy").description_be == (
        "Законы, стратэгіі і фінансаванне даследаванняў."
    )
    page = client.get("/be/news/topics/innovation/")
    assert "Інавацыі" in page.text
    assert TITLES["be"] in page.text


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Article,
            Article.history.model,
            Topic,
            Article.topics.through,
            Agency,
            ContactPoint,
            Phone,
            WeeklyHours,
        )
    ]


def test_demo_command_twice_changes_nothing(capsys):
    assert "seed article: created" in loaddemo(capsys)
    before = snapshot()
    output = loaddemo(capsys)
    assert snapshot() == before
    assert "seed article: already present" in output
    assert "agency contacts: already present" in output


def test_demo_command_loads_seed_contacts():
    call_command("loaddemo")
    agency = Agency.get_solo()
    assert agency.name == "State Committee for Science and Technology of the Republic of Belarus"
    assert agency.short_name == "State Committee for Science and Technology"
    assert agency.address == "222357, Minsk, Svobody square, 2"
    reception = agency.contact_points.get(kind=ContactPoint.Kind.RECEPTION)
    hotline = agency.contact_points.get(kind=ContactPoint.Kind.HOTLINE)
    assert [str(p.number) for p in reception.phones.all()] == ["+375177255572"]
    assert [str(p.number) for p in hotline.phones.all()] == ["+375177255572"]
    assert reception.schedule().summary() == "Mon–Fri 8.00–13.00, 14.00–17.00"
    assert basic_information_gaps(agency) == []
    with translation.override("ru"):
        assert agency.name == "Государственный комитет по науке и технологиям Республики Беларусь"
        assert agency.address == "222357, г. Минск, пл. Свободы, 2"
        assert (reception.label, hotline.label) == ("Приёмная", "Горячая линия")
    with translation.override("be"):
        assert agency.short_name == "Дзяржаўны камітэт па навуцы і тэхналогіях"
        assert agency.address == "222357, г. Мінск, пл. Свабоды, 2"
        assert (reception.label, hotline.label) == ("Прыёмная", "Гарачая лінія")


def test_demo_command_keeps_editors_changes():
    call_command("loaddemo")
    Article.objects.update(title="Corrected by an editor")
    call_command("loaddemo")
    assert set(Article.objects.values_list("title", flat=True)) == {"Corrected by an editor"}


def test_demo_command_never_brings_back_a_deleted_seed_article(capsys, make_article):
    loaddemo(capsys)
    Article.objects.all().delete()
    assert "seed article: left alone: staff changed it" in loaddemo(capsys)
    assert not Article.objects.exists()
    make_article(title="The first real press release", language="en")
    loaddemo(capsys)
    assert list(Article.objects.values_list("title", flat=True)) == ["The first real press release"]


def test_demo_command_never_brings_back_a_deleted_translation(capsys):
    loaddemo(capsys)
    seed_versions()["be"].delete()
    assert "seed article: already present" in loaddemo(capsys)
    assert sorted(seed_versions()) == ["en", "ru"]


@pytest.mark.parametrize("deleted", [["innovation"], ["innovation", "science-policy"], None])
def test_demo_command_never_brings_back_deleted_topics(capsys, deleted):
    loaddemo(capsys)
    topics = Topic.objects.filter(slug__in=deleted) if deleted else Topic.objects.all()
    kept = set(Topic.objects.exclude(pk__in=topics).values_list("slug", flat=True))
    topics.delete()
    loaddemo(capsys)
    assert set(Topic.objects.values_list("slug", flat=True)) == kept


def test_demo_content_goes_into_an_empty_site_only(capsys, make_article, make_topic):
    make_article(title="Written before the demo", language="en")
    make_topic("Economy")
    assert "seed article: left alone: staff changed it" in loaddemo(capsys)
    assert list(Article.objects.values_list("title", flat=True)) == ["Written before the demo"]
    assert list(Topic.objects.values_list("name", flat=True)) == ["Economy"]


def test_demo_command_never_brings_back_deleted_contact_points(capsys):
    loaddemo(capsys)
    ContactPoint.objects.filter(kind=ContactPoint.Kind.HOTLINE).delete()
    loaddemo(capsys)
    assert list(ContactPoint.objects.values_list("kind", flat=True)) == ["reception"]
    ContactPoint.objects.all().delete()
    assert "agency contacts: left alone: staff changed it" in loaddemo(capsys)
    assert not ContactPoint.objects.exists()


def test_demo_command_leaves_contacts_begun_by_staff_alone(capsys):
    # The contact point's own page creates the agency's record, its address still empty.
    Agency.get_solo().contact_points.create(kind=ContactPoint.Kind.RECEPTION, label="Front desk")
    assert "agency contacts: left alone: staff changed it" in loaddemo(capsys)
    assert list(ContactPoint.objects.values_list("label", flat=True)) == ["Front desk"]
    assert Agency.get_solo().street == ""


# The topics as the demo named them before the site had three languages.
PREVIOUS_TOPICS = [
    ("innovation", "Innovation", "The state innovation programme, technoparks and new production."),
    ("international-cooperation", "International cooperation", "Joint projects and agreements."),
    ("science-policy", "Science policy", "Laws, strategies and the funding of research."),
]


def load_previous_demo(topics_in="ru"):
    """What loaddemo left before the site had three languages: the English release stored as
    Russian, the site's language; its topics named in English, in the Russian columns (as that
    demo wrote them under manage.py's Russian) or in the English ones (as the migration to
    languages kept older ones); the contacts in English only (as that migration kept them)."""
    with translation.override(topics_in):
        topics = [
            Topic.objects.create(slug=slug, name=name, description=description)
            for slug, name, description in PREVIOUS_TOPICS
        ]
    article = Article.objects.create(language="ru", **news_demo.SEED_ARTICLE)
    article.topics.add(topics[0])
    contacts_demo.load()
    Agency.objects.update(city_ru=None, city_be=None, street_ru=None, street_be=None)
    ContactPoint.objects.update(label_ru=None, label_be=None)
    return article


@pytest.mark.parametrize("topics_in", ["ru", "en"])
def test_demo_command_upgrades_the_previous_demo(capsys, client, topics_in):
    previous = load_previous_demo(topics_in)
    assert basic_information_gaps(Agency.get_solo())
    output = loaddemo(capsys)
    assert "seed article: upgraded: in English with its Russian and Belarusian" in output
    assert "agency contacts: translated into Russian and Belarusian" in output
    versions = seed_versions()
    assert sorted(versions) == ["be", "en", "ru"]
    assert versions["en"].pk == previous.pk
    assert {version.translation_key for version in versions.values()} == {previous.translation_key}
    assert versions["ru"].source == versions["be"].source == previous
    assert versions["en"].history.first().history_change_reason == "Language changed to “English”"
    # An address of the release as it was (in Russian) still leads to it.
    # Its Russian address of before now leads to its Russian version.
    assert client.get(previous.get_absolute_url()).url == versions["ru"].get_absolute_url()
    assert html.escape(TITLES["ru"]) in client.get("/ru/news/").text
    for language, names in TOPIC_NAMES.items():
        topics = Topic.objects.order_by("pk")
        assert [getattr(topic, f"name_{language}") for topic in topics] == names
    assert basic_information_gaps(Agency.get_solo()) == []
    before = snapshot()
    output = loaddemo(capsys)
    assert snapshot() == before
    assert "seed article: already present" in output
    assert "agency contacts: already present" in output


def edit_text(article, editor):
    Article.objects.filter(pk=article.pk).update(lead="Corrected by an editor.")


def save_as_staff(article, editor):
    article._history_user = editor
    article.save()


def translate_then_delete(article, editor):
    translate(article, "be", editor).delete()


@pytest.mark.parametrize("edit", [edit_text, save_as_staff, translate_then_delete])
def test_demo_upgrade_leaves_a_seed_article_staff_touched_alone(capsys, editor, edit):
    previous = load_previous_demo()
    edit(previous, editor)
    before = snapshot()
    assert "seed article: left alone: staff changed it" in loaddemo(capsys)
    assert snapshot()[:4] == before[:4]  # the articles, their history, topics and filing
    assert Article.objects.get().language == "ru"


def test_demo_upgrade_keeps_the_texts_editors_wrote(capsys):
    load_previous_demo()
    Topic.objects.filter(slug="innovation").update(name_ru="Инновационное развитие")
    ContactPoint.objects.filter(kind=ContactPoint.Kind.RECEPTION).update(label_ru="Приёмная")
    loaddemo(capsys)
    innovation = Topic.objects.get(slug="innovation")
    assert (innovation.name_ru, innovation.name_be, innovation.name_en) == (
        "Инновационное развитие",
        None,
        None,
    )
    assert (
        innovation.description_be
        == "Дзяржаўная праграма інавацыйнага развіцця, тэхнапаркі і новыя вытворчасці."
    )
    reception, hotline = ContactPoint.objects.order_by("position")
    assert (reception.label_ru, reception.label_be) == ("Приёмная", None)
    assert (hotline.label_ru, hotline.label_be) == ("Горячая линия", "Гарачая лінія")
