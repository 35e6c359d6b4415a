import pytest
from django.core.management import call_command

from news.models import Article

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


def test_demo_command_twice_changes_nothing(capsys):
    call_command("loaddemo")
    before = list(Article.objects.values())
    call_command("loaddemo")
    assert list(Article.objects.values()) == before
    assert "already present" in capsys.readouterr().out


def test_demo_command_keeps_editors_changes():
    call_command("loaddemo")
    Article.objects.update(title="Corrected by an editor")
    call_command("loaddemo")
    assert Article.objects.get().title == "Corrected by an editor"
