import datetime
import html
from collections import Counter

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from contacts import demo as contacts_demo
from contacts.models import Agency, ContactPoint, Phone, WeeklyHours
from contacts.models.agency import validate_emblem
from contacts.translation import basic_information_gaps
from core import uploads
from news import demo as news_demo
from news import demo_releases, renditions
from news.models import Article, ArticlePhoto, Attachment, ChangeNote, State, Topic
from news.translating import translate

pytestmark = pytest.mark.django_db

SEED_TITLE = "High-tech products account for over third of Belarus' export"
TITLES = {
    "en": SEED_TITLE,
    "ru": "Высокотехнологичная продукция составляет более трети экспорта Беларуси",
    "be": "Высокатэхналагічная прадукцыя складае больш за траціну экспарту Беларусі",
}
TOPIC_NAMES = {
    "ru": [
        "Инновации",
        "Международное сотрудничество",
        "Научная политика",
        "Гранты и конкурсы",
        "Технопарки",
        "Изобретения и патенты",
    ],
    "be": [
        "Інавацыі",
        "Міжнароднае супрацоўніцтва",
        "Навуковая палітыка",
        "Гранты і конкурсы",
        "Тэхнапаркі",
        "Вынаходніцтвы і патэнты",
    ],
    "en": [
        "Innovation",
        "International cooperation",
        "Science policy",
        "Grants and competitions",
        "Technology parks",
        "Inventions and patents",
    ],
}
CORRECTED = "nazvany-pobediteli-konkursa-izobretatel-goda"


@pytest.fixture
def only_releases(monkeypatch):
    """The demo with only the releases named, besides the seed: what load() does with each does
    not depend on the others, and each costs pictures to draw and copies to make."""

    def keep(*names):
        kept = [release for release in news_demo.RELEASES if release["name"] in names]
        assert len(kept) == len(names)
        monkeypatch.setattr(news_demo, "RELEASES", kept)

    return keep


@pytest.fixture
def few_releases(only_releases):
    only_releases("01-young-scientists-grants")


def loaddemo(capsys):
    call_command("loaddemo")
    return capsys.readouterr().out


def seed_versions():
    """The seed release's versions by language."""
    seed = Article.objects.get(slug=news_demo.SEED_ARTICLE["slug"])
    group = Article.objects.filter(translation_key=seed.translation_key)
    return {article.language: article for article in group}


def originals():
    """The releases as the press office wrote them, the seed aside."""
    return list(Article.objects.filter(source=None).exclude(slug=news_demo.SEED_ARTICLE["slug"]))


def test_demo_has_a_dozen_releases_of_the_past_months_in_every_state():
    now = timezone.now()
    call_command("loaddemo", stdout=None)
    releases = originals()
    assert len(releases) >= 12
    assert {release.language for release in releases} == {"ru"}
    states = Counter(release.state for release in releases)
    assert states[State.LIVE] >= 8
    assert (states[State.SCHEDULED], states[State.DRAFT], states[State.REVIEW]) == (2, 1, 1)
    live = [release.pub_date for release in releases if release.state == State.LIVE]
    assert now - datetime.timedelta(days=183) < min(live)
    assert max(live) - min(live) > datetime.timedelta(days=120)
    scheduled = [release.pub_date for release in releases if release.state == State.SCHEDULED]
    assert all(now < moment < now + datetime.timedelta(days=14) for moment in scheduled)
    # Office hours in Minsk, whatever the server's zone.
    assert all(9 <= timezone.localtime(release.pub_date).hour < 18 for release in releases)
    for release in releases:
        assert release.author == "Пресс-служба ГКНТ"
        assert release.body.count("<p>") >= 3
        assert release.topics.exists()
    # A quotation, in the Russian manner, in all but the draft sent back for one.
    assert sum("», — " in release.body for release in releases) == len(releases) - 1
    assert Topic.objects.in_use("ru").count() == len(TOPIC_NAMES["ru"])
    photos = ArticlePhoto.objects.filter(article__source=None)
    galleries = Counter(photo.article_id for photo in photos)
    assert len(galleries) == 3 and set(galleries.values()) <= {2, 3}


def test_demo_releases_are_translated_as_the_newsroom_translates(client):
    call_command("loaddemo", stdout=None)
    releases = originals()
    translated = 0
    for release in releases:
        versions = release.translations()
        translated += {version.language for version in versions} == {"be", "en"}
        for version in versions:
            assert (version.translation_key, version.source) == (release.translation_key, release)
            assert (version.pub_date, version.status) == (release.pub_date, release.status)
            assert set(version.topics.all()) == set(release.topics.all())
            assert version.history.earliest().history_change_reason == (
                f"Translation started from “{release.title}”"
            )
    assert translated >= len(releases) * 2 // 3
    for language in ("ru", "be", "en"):
        latest = Article.objects.published().written_in(language).first()
        assert html.escape(latest.title) in client.get(f"/{language}/news/").text
        assert client.get(latest.get_absolute_url()).status_code == 200


def test_demo_pictures_and_documents_are_stored_as_uploads(client, only_releases):
    only_releases("01-young-scientists-grants", "03-memorandum-kazakhstan")
    call_command("loaddemo", stdout=None)
    illustrated = Article.objects.exclude(image="")
    assert illustrated.count() == 6
    for article in illustrated:
        assert (article.image_width, article.image_height) == (1200, 800)
        assert article.image.name.startswith("news/images/") and article.image.name.endswith(".jpg")
        assert article.image_size == default_storage.size(article.image.name)
        assert article.image_alt
        for width in renditions.widths_for(article.image_width):
            assert default_storage.exists(renditions.rendition_name(article.image.name, width))
        with Image.open(default_storage.open(article.image.name)) as image:
            assert image.format == "JPEG"
    attachments = Attachment.objects.all()
    assert {attachment.kind for attachment in attachments} == {"PDF", "DOCX"}
    for attachment in attachments:
        with default_storage.open(attachment.file.name) as file:
            assert uploads.document_type(file) == attachment.content_type
        assert attachment.file.name.endswith(f".{attachment.kind.lower()}")
        if attachment.article.language != "ru":
            assert "in Russian" in attachment.title or "на рускай мове" in attachment.title
    memorandum = Article.objects.get(slug="gknt-i-minnauki-kazakhstana-podpisali-memorandum")
    for version in [memorandum, *memorandum.translations()]:
        photos = version.photos.all()
        assert [photo.position for photo in photos] == [0, 1]
        assert all(photo.alt and photo.image_size for photo in photos)
    page = client.get(attachments.filter(article__language="en").first().article.get_absolute_url())
    assert "Documents" in page.text and "Written by: SCST press office" in page.text


def test_demo_correction_is_told_to_readers_and_kept_in_the_history(client, only_releases):
    only_releases("09-inventor-of-the-year")
    call_command("loaddemo", stdout=None)
    original = Article.objects.get(slug=CORRECTED)
    for version in [original, *original.translations()]:
        note = ChangeNote.objects.get(article=version)
        assert version.revised_at == note.created > version.pub_date
        earlier, later = version.history.order_by("history_date")
        assert later.history_change_reason == note.note
        assert earlier.body != later.body and earlier.history_date < later.history_date
        assert not version.is_out_of_date  # each version was corrected with its own note
    assert "Гомельского государственного технического университета" in original.body
    assert "имени Франциска Скорины" in original.history.earliest().body
    page = client.get(original.get_absolute_url())
    assert "Исправлено название университета" in page.text


def test_demo_draft_and_submitted_release_wait_for_a_publisher(client, only_releases):
    only_releases("13-young-scientists-results", "14-lida-technology-park")
    call_command("loaddemo", stdout=None)
    draft = Article.objects.get(status=Article.Status.DRAFT)
    submitted = Article.objects.get(status=Article.Status.REVIEW)
    assert "сверьте число поддержанных проектов" in draft.review_comment
    assert not draft.translations() and not submitted.translations()
    for article in (draft, submitted):
        assert client.get(article.get_absolute_url()).status_code == 404


def test_demo_command_loads_seed_article_in_english(client, few_releases):
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


def test_demo_seed_release_has_russian_and_belarusian_translations(few_releases):
    call_command("loaddemo", stdout=None)
    versions = seed_versions()
    assert sorted(versions) == ["be", "en", "ru"]
    original = versions["en"]
    assert {version.title: language for language, version in versions.items()} == {
        title: language for language, title in TITLES.items()
    }
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
def test_demo_seed_release_is_in_each_language_archive(client, few_releases, language):
    call_command("loaddemo", stdout=None)
    archive = client.get(f"/{language}/news/2023/")
    assert archive.status_code == 200
    assert [html.escape(title) in archive.text for title in TITLES.values()] == [
        lang == language for lang in TITLES
    ]
    version = seed_versions()[language]
    assert version.get_absolute_url().startswith(f"/{language}/news/2023/01/19/")
    assert client.get(version.get_absolute_url()).status_code == 200


def test_demo_topics_are_named_in_three_languages(client, few_releases):
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


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Article,
            Article.history.model,
            Topic,
            Article.topics.through,
            Attachment,
            ChangeNote,
            Agency,
            ContactPoint,
            Phone,
            WeeklyHours,
        )
    ]


def test_demo_command_twice_changes_nothing_and_asks_little(capsys, few_releases):
    assert "press releases: created" in loaddemo(capsys)
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        output = loaddemo(capsys)
    assert snapshot() == before
    # It runs with every `make run`: a few reads, besides the savepoints of its transactions.
    reads = [query for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(reads) <= 7  # one more since the reception of citizens: is it there?
    assert "press releases: already present" in output
    assert "agency contacts: already present" in output


def test_demo_command_a_month_later_adds_nothing(capsys, few_releases):
    loaddemo(capsys)
    count = Article.objects.count()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=30)):
        assert "press releases: already present" in loaddemo(capsys)
    assert Article.objects.count() == count


def test_demo_command_loads_seed_contacts_and_the_press_office():
    call_command("loaddemo")
    agency = Agency.get_solo()
    assert agency.name == "State Committee for Science and Technology of the Republic of Belarus"
    assert agency.short_name == "State Committee for Science and Technology"
    assert agency.address == "222357, Minsk, Svobody square, 2"
    assert agency.email == "gknt@gknt.gov.by"
    reception = agency.contact_points.get(kind=ContactPoint.Kind.RECEPTION)
    hotline = agency.contact_points.get(kind=ContactPoint.Kind.HOTLINE)
    press = agency.contact_points.get(kind=ContactPoint.Kind.PRESS)
    assert [str(p.number) for p in reception.phones.all()] == ["+375177255572"]
    assert [str(p.number) for p in hotline.phones.all()] == ["+375177255572"]
    assert reception.schedule().summary() == "Mon–Fri 8.00–13.00, 14.00–17.00"
    assert (press.label, press.email) == ("Press office", "press@gknt.gov.by")
    assert press.schedule().summary() == "Mon–Fri 9.00–13.00, 14.00–18.00"
    assert basic_information_gaps(agency) == []
    with translation.override("ru"):
        assert agency.name == "Государственный комитет по науке и технологиям Республики Беларусь"
        assert agency.address == "222357, г. Минск, пл. Свободы, 2"
        assert (reception.label, hotline.label) == ("Приёмная", "Горячая линия")
        assert agency.contact_points.get(pk=press.pk).label == "Пресс-служба"
    with translation.override("be"):
        assert agency.short_name == "Дзяржаўны камітэт па навуцы і тэхналогіях"
        assert agency.address == "222357, г. Мінск, пл. Свабоды, 2"
        assert (reception.label, hotline.label) == ("Прыёмная", "Гарачая лінія")


def test_demo_agency_has_an_emblem_that_passes_the_admins_checks(client):
    call_command("loaddemo")
    agency = Agency.get_solo()
    with agency.emblem.open() as emblem:
        validate_emblem(SimpleUploadedFile("emblem.png", emblem.read()))
    # Stored, so that no page reads the file for its size.
    assert Agency.objects.values_list("emblem_width", "emblem_height").get() == (192, 192)
    assert f'src="{agency.emblem.url}"' in client.get("/en/").text


def test_demo_command_keeps_editors_changes(few_releases):
    call_command("loaddemo")
    Article.objects.update(title="Corrected by an editor")
    call_command("loaddemo")
    assert set(Article.objects.values_list("title", flat=True)) == {"Corrected by an editor"}


def test_demo_command_never_brings_back_deleted_articles(capsys, few_releases, make_article):
    loaddemo(capsys)
    Article.objects.all().delete()
    assert "press releases: left alone: staff changed it" in loaddemo(capsys)
    assert not Article.objects.exists()
    make_article(title="The first real press release", language="en")
    loaddemo(capsys)
    assert list(Article.objects.values_list("title", flat=True)) == ["The first real press release"]


def test_demo_command_never_brings_back_a_deleted_translation(capsys, few_releases):
    loaddemo(capsys)
    seed_versions()["be"].delete()
    Article.objects.filter(language="en", source__isnull=False).delete()
    assert "press releases: already present" in loaddemo(capsys)
    assert sorted(seed_versions()) == ["en", "ru"]
    assert not Article.objects.filter(language="en", source__isnull=False).exists()


@pytest.mark.parametrize("deleted", [["innovation"], ["innovation", "science-policy"], None])
def test_demo_command_never_brings_back_deleted_topics(capsys, few_releases, deleted):
    loaddemo(capsys)
    topics = Topic.objects.filter(slug__in=deleted) if deleted else Topic.objects.all()
    kept = set(Topic.objects.exclude(pk__in=topics).values_list("slug", flat=True))
    topics.delete()
    loaddemo(capsys)
    assert set(Topic.objects.values_list("slug", flat=True)) == kept


def test_demo_content_goes_into_an_empty_site_only(capsys, make_article, make_topic):
    make_article(title="Written before the demo", language="en")
    make_topic("Economy")
    assert "press releases: left alone: staff changed it" in loaddemo(capsys)
    assert list(Article.objects.values_list("title", flat=True)) == ["Written before the demo"]
    assert list(Topic.objects.values_list("name", flat=True)) == ["Economy"]


def test_demo_command_never_brings_back_deleted_contact_points(capsys):
    contacts_demo.load()
    ContactPoint.objects.filter(kind=ContactPoint.Kind.HOTLINE).delete()
    ContactPoint.objects.filter(kind=ContactPoint.Kind.PRESS).delete()
    contacts_demo.load()
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


# The topics as the first demo named them, before the site had three languages.
PREVIOUS_TOPICS = [
    ("innovation", "Innovation", "The state innovation programme, technoparks and new production."),
    ("international-cooperation", "International cooperation", "Joint projects and agreements."),
    ("science-policy", "Science policy", "Laws, strategies and the funding of research."),
]


def load_earlier_contacts():
    """The contacts as the earlier demos loaded them: the reception and the hotline, no e-mail."""
    contacts_demo.load_seed()


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
    load_earlier_contacts()
    Agency.objects.update(city_ru=None, city_be=None, street_ru=None, street_be=None)
    ContactPoint.objects.update(label_ru=None, label_be=None)
    return article


def load_second_demo():
    """What loaddemo left before the releases of the past months: the seed release in three
    languages, the first three topics, the contacts without the press office."""
    topics = news_demo.create_topics(demo_releases.topics()[: news_demo.EARLIER_TOPICS])
    demo_releases.add(news_demo.SEED, topics, timezone.now())
    load_earlier_contacts()
    return seed_versions()


@pytest.mark.parametrize("topics_in", ["ru", "en"])
def test_demo_command_upgrades_the_first_demo(capsys, client, few_releases, topics_in):
    previous = load_previous_demo(topics_in)
    assert basic_information_gaps(Agency.get_solo())
    output = loaddemo(capsys)
    assert "press releases: upgraded: the seed release in English with its Russian and" in output
    assert "agency contacts: translated into Russian and Belarusian" in output
    versions = seed_versions()
    assert sorted(versions) == ["be", "en", "ru"]
    assert versions["en"].pk == previous.pk
    assert {version.translation_key for version in versions.values()} == {previous.translation_key}
    assert versions["ru"].source == versions["be"].source == previous
    assert versions["en"].history.first().history_change_reason == "Language changed to “English”"
    # Its Russian address of before now leads to its Russian version.
    assert client.get(previous.get_absolute_url()).url == versions["ru"].get_absolute_url()
    for language, names in TOPIC_NAMES.items():
        topics = Topic.objects.order_by("pk")
        assert [getattr(topic, f"name_{language}") for topic in topics] == names
    assert len(originals()) == len(news_demo.RELEASES)
    assert basic_information_gaps(Agency.get_solo()) == []
    before = snapshot()
    output = loaddemo(capsys)
    assert snapshot() == before
    assert "press releases: already present" in output
    assert "agency contacts: already present" in output


def test_demo_command_upgrades_the_second_demo(capsys, few_releases):
    seed = load_second_demo()
    output = loaddemo(capsys)
    assert "press releases: upgraded: 1 releases of the past months added" in output
    assert "agency contacts: press office and e-mail address added" in output
    assert seed_versions() == seed
    assert [topic.slug for topic in Topic.objects.order_by("pk")] == [
        topic["slug"] for topic in demo_releases.topics()
    ]
    assert len(originals()) == 1
    assert ContactPoint.objects.filter(kind=ContactPoint.Kind.PRESS).exists()
    before = snapshot()
    assert "press releases: already present" in loaddemo(capsys)
    assert snapshot() == before


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
    assert "press releases: left alone: staff changed it" in loaddemo(capsys)
    assert snapshot()[:6] == before[:6]  # the articles, their history, topics, filing, documents
    assert Article.objects.get().language == "ru"


def write_an_article(seed, editor, make_article, make_topic):
    make_article(title="The first real press release")


def add_a_topic(seed, editor, make_article, make_topic):
    make_topic("Economy")


def save_a_version_as_staff(seed, editor, make_article, make_topic):
    save_as_staff(seed["ru"], editor)


@pytest.mark.parametrize("work", [write_an_article, add_a_topic, save_a_version_as_staff])
def test_demo_adds_no_releases_to_a_site_staff_work_on(
    capsys, editor, make_article, make_topic, work
):
    work(load_second_demo(), editor, make_article, make_topic)
    before = snapshot()
    assert "press releases: left alone: staff changed it" in loaddemo(capsys)
    assert snapshot()[:6] == before[:6]


def test_demo_never_brings_back_a_deleted_press_office(capsys):
    contacts_demo.load()
    ContactPoint.objects.filter(kind=ContactPoint.Kind.PRESS).delete()
    assert "agency contacts: already present" in loaddemo(capsys)
    assert not ContactPoint.objects.filter(kind=ContactPoint.Kind.PRESS).exists()


def test_demo_upgrade_keeps_the_texts_editors_wrote(capsys, few_releases):
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
    reception = ContactPoint.objects.get(kind=ContactPoint.Kind.RECEPTION)
    hotline = ContactPoint.objects.get(kind=ContactPoint.Kind.HOTLINE)
    assert (reception.label_ru, reception.label_be) == ("Приёмная", None)
    assert (hotline.label_ru, hotline.label_be) == ("Горячая линия", "Гарачая лінія")
