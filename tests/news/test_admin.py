import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_logged(client, admin_user):
    client.force_login(admin_user)
    return client


def no_inlines():
    return {
        f"{prefix}-{field}": "0"
        for prefix in ("photos", "attachments", "change_notes", "preview_links")
        for field in ("TOTAL_FORMS", "INITIAL_FORMS")
    }


def add_form_data(**overrides):
    now = timezone.localtime()
    return (
        no_inlines()
        | {
            "language": "en",
            "title": "Innovation programme approved",
            "slug": "innovation-programme-approved",
            "lead": "The Council of Ministers approved the programme.",
            "body": "<p>“A milestone,” said the chairman.</p><script>alert(1)</script>",
            "author": "Press office",
            "action": "publish",
            "pub_date_0": now.strftime("%Y-%m-%d"),
            "pub_date_1": (now - datetime.timedelta(minutes=1)).strftime("%H:%M:%S"),
        }
        | overrides
    )


def test_article_published_through_admin_form_is_on_site_and_in_feeds(admin_client_logged, client):
    response = admin_client_logged.post(reverse("admin:news_article_add"), add_form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert "<script" not in article.body
    assert article.is_published

    client.logout()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "“A milestone,” said the chairman." in page.text
    assert article.title in client.get(reverse("news:list")).text
    for feed in ("news:feed-rss", "news:feed-atom"):
        entries = feedparser.parse(client.get(reverse(feed)).content).entries
        assert [e.title for e in entries] == [article.title]


def test_admin_add_form_with_errors_saves_nothing(admin_client_logged):
    response = admin_client_logged.post(
        reverse("admin:news_article_add"), add_form_data(title="", pub_date_0="not a date")
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title" in errors and "pub_date" in errors
    assert not Article.objects.exists()


def test_admin_refuses_duplicate_slug(admin_client_logged, make_article):
    make_article(slug="innovation-programme-approved")
    response = admin_client_logged.post(reverse("admin:news_article_add"), add_form_data())
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def test_admin_changelist_shows_each_article_s_state(admin_client_logged, make_article):
    make_article(title="Live one")
    make_article(title="Draft one", status=Article.Status.DRAFT)
    response = admin_client_logged.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 200
    assert "Live one" in response.text and "Draft one" in response.text
    assert '<td class="field-state">Live</td>' in response.text
    assert '<td class="field-state">Draft</td>' in response.text
    filtered = admin_client_logged.get(reverse("admin:news_article_changelist"), {"state": "draft"})
    assert "Draft one" in filtered.text and "Live one" not in filtered.text
    found = admin_client_logged.get(reverse("admin:news_article_changelist"), {"q": "Live"})
    assert "Live one" in found.text and "Draft one" not in found.text


def test_admin_changelist_filters_by_topic(admin_client_logged, make_article, make_topic):
    topic = make_topic("Innovation")
    make_article(title="Tagged one").topics.add(topic)
    make_article(title="Untagged one")
    response = admin_client_logged.get(
        reverse("admin:news_article_changelist"), {"topics__id__exact": topic.pk}
    )
    assert "Tagged one" in response.text and "Untagged one" not in response.text


@pytest.mark.parametrize(
    "action,before,after",
    [
        ("publish", Article.Status.DRAFT, Article.Status.PUBLISHED),
        ("make_draft", Article.Status.PUBLISHED, Article.Status.DRAFT),
    ],
)
def test_admin_status_actions(admin_client_logged, make_article, action, before, after):
    article = make_article(status=before)
    response = admin_client_logged.post(
        reverse("admin:news_article_changelist"),
        {"action": action, "_selected_action": [article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == after
    assert "1 selected article is now" in response.text


def test_admin_change_form_links_to_the_article_on_site(admin_client_logged, make_article):
    article = make_article()
    response = admin_client_logged.get(reverse("admin:news_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "View on site" in response.text
    assert 'id="id_body"' in response.text
