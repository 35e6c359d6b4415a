import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import strip_tags

from news.models import Article

pytestmark = pytest.mark.django_db


def test_generatenews_creates_realistic_published_articles(client, capsys):
    call_command("generatenews", "--count", "40")
    assert "Created 40 published articles." in capsys.readouterr().out
    articles = list(Article.objects.published())
    assert len(articles) == 40
    words = [len(strip_tags(article.body).split()) for article in articles]
    assert min(words) >= 450 and max(words) <= 800
    years = {article.pub_date.year for article in articles}
    assert len(years) >= 3
    article = articles[0]
    assert client.get(article.get_absolute_url()).status_code == 200
    found = client.get(reverse("news:search"), {"q": article.title.split()[-1]})
    assert (
        article in [result for result, _ in found.context["results"]]
        or found.context["paginator"].count > 10
    )


def test_generatenews_can_run_again(capsys):
    call_command("generatenews", "--count", "5")
    call_command("generatenews", "--count", "5")
    assert Article.objects.count() == 10
