import pytest
from django.urls import reverse

from core.low_vision import COOKIE, SETTINGS_ANCHOR, Preferences

pytestmark = pytest.mark.django_db


def switch(client, **query):
    return client.get(reverse("low-vision"), query)


def test_switching_on_sets_a_cookie_and_returns_to_the_page(client):
    response = switch(client, enabled="on", next="/en/news/?page=2")
    assert response.status_code == 302
    assert response["Location"] == f"/en/news/?page=2#{SETTINGS_ANCHOR}"  # settings open
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]
    page = client.get("/en/")
    assert '<html lang="en" class="lv lv-size-large lv-contrast-high' in page.text
    assert "Standard version of the site" in page.text


def test_each_setting_is_remembered_and_switching_off_forgets_them(client):
    switch(client, size="larger", next="/en/")
    switch(client, images="hidden", next="/en/")
    classes = Preferences.from_cookie(client.cookies[COOKIE].value).html_class
    assert "lv-size-larger" in classes and "lv-images-hidden" in classes
    response = switch(client, enabled="off", next="/en/")
    assert response["Location"] == "/en/"
    assert response.cookies[COOKIE].value == ""
    assert '<html lang="en">' in client.get("/en/").text


def test_settings_are_folded_away_and_open_on_the_page_a_choice_leads_back_to(client):
    """Closed on every page (the page comes first on a phone); a choice leads back to the page
    at the settings, whose <details> the browser opens for the fragment, so that the reader
    can go on choosing."""
    switch(client, enabled="on", next="/en/")
    page = client.get("/en/news/").text
    assert '<details class="lv-panel__settings">' in page  # not open
    assert f'<div id="{SETTINGS_ANCHOR}" class="lv-panel__settings-body">' in page
    back = switch(client, size="larger", next="/en/news/")["Location"]
    assert back == f"/en/news/#{SETTINGS_ANCHOR}"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_return_address_must_be_on_this_site(client, target):
    assert switch(client, enabled="on", next=target)["Location"] == f"/#{SETTINGS_ANCHOR}"


@pytest.mark.parametrize("value", ["", "garbage", "size=huge.contrast=neon", "a=b=c...."])
def test_a_tampered_cookie_falls_back_to_defaults(client, value):
    client.cookies[COOKIE] = value
    assert client.get("/en/").status_code == 200
    preferences = Preferences.from_cookie(value)
    assert preferences.size in ("large",) and preferences.contrast == "high"
