"""Who edits the reception of citizens, and the appeals page of an empty site, as the attack
found them."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_readme_documents_the_reception_of_citizens_and_appeals():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert "обращения.бел" in readme
    assert "/contacts/reception/" in readme
    assert "direct line" in readme.lower()


def test_publishers_may_keep_the_reception_schedule_and_appeals_page():
    # Neither group has any contacts permission: only a superuser can update a session, a direct
    # line or the appeals text. README is silent on who may; the roles say publishers "manage".
    publishers = Group.objects.get(name="Publishers")
    codenames = set(publishers.permissions.values_list("codename", flat=True))
    assert {"change_official", "add_directline", "change_appealspage"} <= codenames


def test_the_appeals_page_of_an_empty_site_gives_no_bare_commas(client):
    page = client.get(reverse("contacts:appeals")).text
    assert "<br>, , </address>" not in page
