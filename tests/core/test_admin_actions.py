"""A list's action posted with a forged selection ("abc", "1e3", an empty id, a number past 64
bits) leads back to the list with a warning, changes nothing, and is no server error."""

import pytest
from django.test import Client

from news.models import Article

pytestmark = pytest.mark.django_db

JUNK = ["abc", "1e3", "", "1.5", "0x1", "²", "99999999999999999999999"]


def post_action(user, path, action, selected):
    client = Client(headers={"Accept-Language": "en"}, raise_request_exception=False)
    client.force_login(user)
    data = {"action": action, "_selected_action": selected, "index": "0"}
    return client.post(path, data, follow=True)


@pytest.mark.parametrize("action", ["publish", "make_draft", "delete_selected"])
@pytest.mark.parametrize("junk", JUNK)
def test_a_forged_selection_of_articles_changes_nothing(publisher, make_article, action, junk):
    article = make_article(status=Article.Status.DRAFT)
    response = post_action(publisher, "/admin/news/article/", action, [str(article.pk), junk])
    assert response.status_code == 200
    assert "Items must be selected" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


@pytest.mark.parametrize(
    "path",
    [
        "/admin/news/topic/",
        "/admin/alerts/subscriber/",
        "/admin/contacts/contactpoint/",
        "/admin/contacts/specialday/",
        "/admin/contacts/official/",
        "/admin/contacts/directline/",
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/otp_totp/totpdevice/",
        "/admin/axes/accessattempt/",
    ],
)
def test_every_list_of_the_site_says_a_forged_selection(admin_user, path):
    response = post_action(admin_user, path, "delete_selected", ["abc"])
    assert response.status_code == 200
    assert "Items must be selected" in response.text
