"""The subscribe form and the manage page with values a script sends."""

import pytest
from django.urls import reverse

from alerts import links
from alerts.models import Subscriber

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # beyond a 64-bit integer


@pytest.fixture
def client500(client):
    client.raise_request_exception = False
    return client


def test_a_topic_id_beyond_64_bits_is_a_form_error_not_a_server_error(client500, make_topic):
    make_topic("Grants")
    response = client500.post(
        reverse("alerts:subscribe"),
        {"email": "reader@example.by", "all_news": "False", "topics": HUGE},
    )

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_the_manage_page_refuses_a_huge_topic_id_as_a_form_error(client500, subscribe, make_topic):
    make_topic("Grants")
    subscriber = subscribe("reader@example.by")
    url = reverse("alerts:manage", args=[links.token(subscriber, links.MANAGE)])
    response = client500.post(url, {"all_news": "False", "topics": HUGE})
    assert response.status_code == 200  # the form again, with its error
    assert "topics" in response.context["form"].errors
