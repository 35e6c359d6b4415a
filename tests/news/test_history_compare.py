"""Two revisions compared as a press officer reads them: the body's visible text paragraph by
paragraph (no markup, entities decoded, no cut marks), changed words marked for the eye and for
screen readers, unchanged paragraphs folded away, and the other fields as before → after."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from news.models import Article
from news.text_diff import visible_blocks, word_diff
from tests.news.uploads_support import image_bytes, post_image

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """What a compare page shows: its changed words (with what they say to a screen reader), the
    text of its folded paragraphs, and each field's before and after."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.folded, self.sides = [], [], {}
        self._mark = self._hidden = self._side = None
        self._folded = self._heading = False
        self._field = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("del", "ins"):
            self._mark = [tag, "", ""]
        elif "visually-hidden" in classes and self._mark:
            self._hidden = ""
        elif "revision-side__value" in classes:
            self._side = ""
        self._folded = self._folded or tag == "details"
        self._heading = self._heading or tag == "h3"

    def handle_endtag(self, tag):
        if tag in ("del", "ins"):
            self.marks.append(tuple(self._mark))
            self._mark = None
        elif tag == "span" and self._hidden is not None:
            self._mark[2] = self._hidden.strip()
            self._hidden = None
        elif tag == "span" and self._side is not None and self._mark is None:
            self.sides.setdefault(self._field, []).append(" ".join(self._side.split()))
            self._side = None
        self._folded = self._folded and tag != "details"
        self._heading = self._heading and tag != "h3"

    def handle_data(self, data):
        if self._hidden is not None:
            self._hidden += data
            return
        if self._heading:
            self._field = data.strip()
        if self._mark:
            self._mark[1] += data
        if self._side is not None:
            self._side += data
        if self._folded and data.strip():
            self.folded.append(data.strip())


def read(html):
    page = _Page()
    page.feed(html)
    return page


def compare_url(article, old=None, new=None):
    query = {"old": old.history_id, "new": new.history_id} if old else {}
    url = reverse("admin:news_article_compare", args=[article.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def saved_as(article, **changes):
    for name, value in changes.items():
        setattr(article, name, value)
    article.save()
    return article.history.first()


BODY = (
    "<h2>Forum programme</h2>"
    "<p>The forum opens in Minsk on 12&nbsp;May. More than 300 companies take part.</p>"
    "<p>The plenary session starts at 10.00 in the National Library.</p>"
    "<ul><li><p>Energy and materials</p></li><li><p>Information technology</p></li></ul>"
    "<p>Accreditation closes on 8&nbsp;May.</p>"
)


def test_body_is_compared_paragraph_by_paragraph_in_visible_text(publisher_client, make_article):
    article = make_article(body=BODY, status=Article.Status.DRAFT)
    old = article.history.first()
    new = saved_as(article, body=BODY.replace("More than 300", "More than 320"))
    response = publisher_client.get(compare_url(article, old, new))
    assert response.status_code == 200
    page = read(response.text)
    assert page.marks == [("del", "300", "removed:"), ("ins", "320", "added:")]
    # The paragraphs around the change are folded away, one by one, as readers see them.
    assert page.folded == [
        "1 unchanged paragraph",
        "Forum programme",
        "4 unchanged paragraphs",
        "The plenary session starts at 10.00 in the National Library.",
        "Energy and materials",
        "Information technology",
        "Accreditation closes on 8 May.",
    ]
    for markup in ("&amp;nbsp;", "&lt;p&gt;", "&lt;h2&gt;", "chars]"):
        assert markup not in response.text


def test_an_edited_paragraph_is_paired_with_its_old_version_not_with_a_new_one(
    publisher_client, make_article
):
    article = make_article(body="<p>Alpha beta gamma delta.</p>", status=Article.Status.DRAFT)
    old = article.history.first()
    new = saved_as(
        article, body="<p>A new paragraph about something else.</p><p>Alpha beta gamma epsilon.</p>"
    )
    page = read(publisher_client.get(compare_url(article, old, new)).text)
    assert page.marks == [
        ("ins", "A new paragraph about something else.", "added:"),
        ("del", "delta", "removed:"),
        ("ins", "epsilon", "added:"),
    ]


def test_a_change_of_formatting_alone_is_said_in_words(publisher_client, make_article):
    article = make_article(body="<p>The forum opens on 12&nbsp;May.</p>", status="draft")
    old = article.history.first()
    new = saved_as(article, body="<p>The <strong>forum</strong> opens on 12 May.</p>")
    response = publisher_client.get(compare_url(article, old, new))
    assert "Only the formatting changed: the text reads the same." in response.text
    assert read(response.text).marks == []


def test_short_fields_show_before_and_after_in_the_editors_words(publisher_client, make_article):
    minsk_noon = datetime.datetime(2026, 5, 12, 9, 0, tzinfo=datetime.UTC)  # 12.00 in Minsk
    article = make_article(
        title="Forum opens", status=Article.Status.DRAFT, pub_date=minsk_noon, author=""
    )
    old = article.history.first()
    article.status = Article.Status.PUBLISHED
    new = saved_as(
        article,
        title="Innovation forum opens",
        author="Press office",
        pub_date=minsk_noon + datetime.timedelta(days=365),
    )
    response = publisher_client.get(compare_url(article, old, new))
    sides = read(response.text).sides
    assert sides["Title"] == ["Forum opens", "Innovation forum opens"]
    assert read(response.text).marks[:2] == [
        ("del", "Forum", "removed:"),
        ("ins", "Innovation forum", "added:"),
    ]
    assert sides["Written by"] == ["empty", "Press office"]
    assert sides["Publication time"] == ["12 May 2026, 12:00:00", "12 May 2027, 12:00:00"]
    # The state the article was in at each revision, not the stored status.
    assert sides["Status"] == ["Draft", "Scheduled"]


def test_comparing_a_revision_with_itself_says_so(publisher_client, make_article):
    article = make_article(title="One", status=Article.Status.DRAFT)
    record = article.history.first()
    saved_as(article, title="Two")
    response = publisher_client.get(compare_url(article, record, record))
    assert "Choose two different revisions to compare them." in response.text


def test_the_older_revision_comes_first_whichever_way_they_are_chosen(
    publisher_client, make_article
):
    article = make_article(title="One", status=Article.Status.DRAFT)
    old = article.history.first()
    new = saved_as(article, title="Two")
    page = read(publisher_client.get(compare_url(article, new, old)).text)
    assert page.sides["Title"] == ["One", "Two"]


def test_visible_text_has_a_block_per_paragraph_heading_item_and_row():
    html = (
        "<h3>Results</h3><p>Ten&nbsp;000 visitors<br>in two days</p>"
        "<ol><li><p>First</p></li></ol><blockquote><p>Quoted</p></blockquote>"
        "<table><tr><th>Region</th><th>Projects</th></tr><tr><td>Minsk</td><td>42</td></tr></table>"
        "<p> </p><p>&lt;b&gt; is shown, &amp; decoded</p>"
    )
    assert visible_blocks(html) == [
        ("heading", "Results"),
        ("paragraph", "Ten 000 visitors\nin two days"),
        ("item", "First"),
        ("quote", "Quoted"),
        ("row", "Region | Projects"),
        ("row", "Minsk | 42"),
        ("paragraph", "<b> is shown, & decoded"),
    ]


@pytest.mark.parametrize(
    "old,new,pieces",
    [
        (
            "The old title of the forum",
            "The new heading of the forum",
            [("same", "The "), ("removed", "old title"), ("added", "new heading"),
             ("same", " of the forum")],
        ),
        ("Starts at 10.00.", "Starts at 10.30.",
         [("same", "Starts at "), ("removed", "10.00"), ("added", "10.30"), ("same", ".")]),
        ("Opens in Minsk.", "Opens in Minsk on 12 May.",
         [("same", "Opens in Minsk"), ("added", " on 12 May"), ("same", ".")]),
        ("At  noon", "At noon",
         [("same", "At"), ("removed", "  "), ("added", " "), ("same", "noon")]),
    ],
)  # fmt: skip
def test_words_are_compared_whole_and_a_change_reads_as_one(old, new, pieces):
    assert word_diff(old, new) == pieces


def test_a_new_photo_is_shown_in_words_and_as_a_thumbnail(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    old = article.history.first()
    assert post_image(publisher_client, article, image_bytes(1200, 800)).status_code == 302
    new = article.history.first()
    response = publisher_client.get(compare_url(article, old, new))
    assert read(response.text).sides["Lead image"] == ["no photo", "a photo of 1200 × 800 px"]
    article.refresh_from_db()
    assert f'<img src="{article.image_sources[0][0]}" alt="" class="revision-photo">' in (
        response.text
    )


def test_times_are_shown_in_minsk_time(publisher_client, make_article, settings):
    assert settings.TIME_ZONE == "Europe/Minsk"
    article = make_article(status=Article.Status.DRAFT, expires_at=None)
    old = article.history.first()
    new = saved_as(article, expires_at=datetime.datetime(2036, 2, 27, 22, 30, tzinfo=datetime.UTC))
    sides = read(publisher_client.get(compare_url(article, old, new)).text).sides
    assert sides["Expiry time"] == ["not set", "28 February 2036, 1:30:00"]


def test_an_article_with_one_revision_has_nothing_to_compare_yet(publisher_client, make_article):
    article = make_article()
    response = publisher_client.get(compare_url(article))
    assert "This article has one revision so far" in response.text
