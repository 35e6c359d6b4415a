"""The passage of an article's body shown in the search results: whole words, with an ellipsis
exactly where text was left out, on every database and in every language."""

import html

import pytest
from django.utils.html import strip_tags

from news.search import EXCERPT_LENGTH, plain_text

pytestmark = pytest.mark.django_db


def excerpt_of(client, language, query):
    response = client.get(f"/{language}/news/search/", {"q": query})
    assert response.status_code == 200
    [(_, excerpt)] = response.context["results"]
    return html.unescape(strip_tags(str(excerpt)))


def assert_cut_at_words(excerpt, body):
    """The excerpt is a passage of the body's text that begins and ends at the edge of a word,
    with an ellipsis before it or after it exactly where the body goes on."""
    text = " ".join(plain_text(body).split())
    passage = excerpt.removeprefix("…").removesuffix("…")
    start = text.find(passage)
    assert start != -1, excerpt
    end = start + len(passage)
    assert start == 0 or text[start - 1] == " ", excerpt
    assert end == len(text) or text[end] == " ", excerpt
    assert excerpt.startswith("…") == (start > 0), excerpt
    assert excerpt.endswith("…") == (end < len(text)), excerpt


# Before the match, words that are not one token to PostgreSQL ("Sergei's", "high-tech",
# "научно-технической", "37,5%"), so many words ahead of it that its own fragment (MaxWords 40,
# MinWords 25) would begin inside one of them: at "tech", at "технической".
TRICKY = {
    "en": (
        "Opening words of the text. Sergei's high-tech 37,5%",
        "word",
        20,
        "the exports grew.",
        "exports",
    ),
    "ru": (
        "Вступительные слова текста. Доля научно-технической продукции 37,5%",
        "слово",
        17,
        "и рост экспорта продолжился.",
        "экспорта",
    ),
}


@pytest.mark.parametrize("language", TRICKY)
def test_body_excerpt_begins_at_a_whole_word(client, make_article, language):
    opening, filler, count, ending, query = TRICKY[language]
    fillers = " ".join(f"{filler}{number}" for number in range(count))
    body = f"<p>{opening} {fillers} {ending}</p>"
    make_article(title="Report", lead="News.", body=body, language=language)
    excerpt = excerpt_of(client, language, query)
    assert_cut_at_words(excerpt, body)
    assert excerpt.endswith(ending)  # the end of the body: no ellipsis


@pytest.mark.parametrize("language", ["en", "be"])
def test_body_excerpt_ends_at_a_whole_word_where_the_body_goes_on(client, make_article, language):
    words = {"en": ("exports", "long"), "be": ("экспарт", "доўгі")}
    match, filler = words[language]
    # Words of every length, so that no cut lands on a space by chance.
    body = f"<p>{match} " + " ".join(filler + "x" * (n % 7) for n in range(200)) + ".</p>"
    make_article(title="Report", lead="News.", body=body, language=language)
    excerpt = excerpt_of(client, language, match)
    assert excerpt.startswith(match) and excerpt.endswith("…")
    assert len(excerpt) <= EXCERPT_LENGTH + 1
    assert_cut_at_words(excerpt, body)


def test_excerpt_of_a_short_body_is_the_whole_body(client, make_article):
    body = "<p>The new telescope was built in Minsk.</p>"
    make_article(title="Instrument", lead="News.", body=body)
    assert excerpt_of(client, "en", "telescope") == "The new telescope was built in Minsk."


def test_a_matched_word_longer_than_the_rest_of_the_excerpt_is_shown_whole(client, make_article):
    word = "pneumono" + "ultramicroscopic" * 11  # shorter than a query, longer than the reach
    body = f"<p>{'Filler words here. ' * 20}{word} and more words after it.</p>"
    make_article(title="Word", lead="News.", body=body)
    excerpt = excerpt_of(client, "en", word)
    assert word in excerpt
    assert_cut_at_words(excerpt, body)


@pytest.mark.parametrize("separator", ["</p><p>", "</p>\n<h2>", "<br>", "</li><li>"])
def test_paragraphs_do_not_run_together_in_the_excerpt_or_the_search(
    client, make_article, separator
):
    body = f"<p>Work on the telescope began.{separator}Then Minsk joined.</p>"
    make_article(title="Instrument", lead="News.", body=body)
    text = "Work on the telescope began. Then Minsk joined."
    assert excerpt_of(client, "en", "telescope") == text
    # The last word of one paragraph and the first of the next are two words.
    assert excerpt_of(client, "en", "then minsk") == text
