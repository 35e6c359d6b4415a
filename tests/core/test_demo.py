import pytest
from django.core.management import call_command
from django.utils import translation

from contacts.models import Agency, ContactPoint, Phone, WeeklyHours
from news.models import Article, Topic

pytestmark = pytest.mark.django_db

SEED_TITLE = "High-tech products account for over third of Belarus' export"


def test_demo_command_loads_seed_article(client):
    call_command("loaddemo", stdout=None)
    article = Article.objects.get()
    assert article.title == SEED_TITLE
    assert article.is_published
    page = client.get(article.get_absolute_url())
    assert article.get_absolute_url().startswith("/news/2023/01/19/")
    assert "Thursday, 19 January 2023" in page.text
    assert "told BelTA." in article.lead
    assert article.body.count("<p>") == 3
    assert "“The share of knowledge-intensive" in article.body
    assert "cheese with white mold,” Sergei Shlychkov said.</p>" in article.body
    assert "Written by" not in page.text
    assert [topic.name for topic in article.topics.all()] == ["Innovation"]
    assert '<a href="/news/topics/innovation/">Innovation</a>' in page.text


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Article,
            Topic,
            Article.topics.through,
            Agency,
            ContactPoint,
            Phone,
            WeeklyHours,
        )
    ]


def test_demo_command_twice_changes_nothing(capsys):
    call_command("loaddemo")
    before = snapshot()
    call_command("loaddemo")
    assert snapshot() == before
    output = capsys.readouterr().out
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
    assert Article.objects.get().title == "Corrected by an editor"


def loaddemo(capsys):
    call_command("loaddemo")
    return capsys.readouterr().out


def test_demo_command_never_brings_back_a_deleted_seed_article(capsys, make_article):
    loaddemo(capsys)
    Article.objects.get().delete()
    assert "seed article: left alone: staff changed it" in loaddemo(capsys)
    assert not Article.objects.exists()
    make_article(title="The first real press release")
    loaddemo(capsys)
    assert list(Article.objects.values_list("title", flat=True)) == ["The first real press release"]


@pytest.mark.parametrize("deleted", [["innovation"], ["innovation", "science-policy"], None])
def test_demo_command_never_brings_back_deleted_topics(capsys, deleted):
    loaddemo(capsys)
    topics = Topic.objects.filter(slug__in=deleted) if deleted else Topic.objects.all()
    kept = set(Topic.objects.exclude(pk__in=topics).values_list("slug", flat=True))
    topics.delete()
    loaddemo(capsys)
    assert set(Topic.objects.values_list("slug", flat=True)) == kept


def test_demo_content_goes_into_an_empty_site_only(capsys, make_article, make_topic):
    make_article(title="Written before the demo")
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
