import pytest
from django.core.management import call_command

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


def test_demo_command_keeps_editors_changes():
    call_command("loaddemo")
    Article.objects.update(title="Corrected by an editor")
    call_command("loaddemo")
    assert Article.objects.get().title == "Corrected by an editor"
