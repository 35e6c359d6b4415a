"""What attack2 found on the reception of citizens in Russian and Belarusian: the new interface
strings (header navigation, the reception and appeals pages, the rules' wording) are in English,
while README says the interface is translated into Russian and Belarusian."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.contacts.test_reception import make_official, page_text

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Reception of citizens",
    "Appeals",
    "Next sessions",
    "Receives",
    "To book",
    "of the month",
    "Electronic appeals",
    "Other ways to make an appeal",
]


@pytest.mark.parametrize("language", ["ru", "be"])
def test_the_reception_and_appeals_pages_are_not_in_english(client, demo_contacts, language):
    make_official()
    with translation.override(language):
        pages = [reverse("contacts:reception"), reverse("contacts:appeals"), reverse("home")]
    for url in pages:
        text = page_text(client.get(url, headers={"Accept-Language": language}))
        left_in_english = [phrase for phrase in ENGLISH if phrase in text]
        assert not left_in_english, f"{url}: {left_in_english}"
