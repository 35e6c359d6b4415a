"""Search in published articles.

On PostgreSQL: full-text search over a weighted vector (title A, lead B, body C), kept in a
GIN-indexed column. Elsewhere: every word must appear in the case-folded text, titles first.
Any query, however strange, is reduced to at most a dozen words before it reaches the database.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
EXCERPT_LENGTH = 240
# PostgreSQL has stemmers for English and Russian; Belarusian falls back to plain words.
TEXT_SEARCH_CONFIGS = {"en": "english", "ru": "russian", "be": "simple"}


def text_search_config():
    return TEXT_SEARCH_CONFIGS.get(settings.LANGUAGE_CODE[:2], "simple")


def fold(text):
    return text.casefold()


def words(query):
    return re.findall(r"\w+", fold(query[:MAX_QUERY_LENGTH]))[:MAX_WORDS]


def weighted_vector():
    config = text_search_config()
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def search(queryset, query):
    terms = words(query)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(" ".join(terms), search_type="plain", config=text_search_config())
        return (
            queryset.filter(search_vector=ts_query)
            .annotate(rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-rank", "-pub_date")
        )
    matches = Q()
    for term in terms:
        matches &= Q(search_text__contains=term)
    in_title = Q()
    for term in terms:
        in_title &= Q(title__icontains=term)
    return (
        queryset.filter(matches)
        .annotate(
            rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("-rank", "-pub_date")
    )


def highlight(text, terms):
    """Escaped text with each word that starts with a search term marked."""
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b((?:" + "|".join(map(re.escape, terms)) + r")\w*)", re.IGNORECASE)
    # Split before escaping: odd pieces are the matches; a term never lands inside an entity.
    pieces = pattern.split(text)
    marked = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece)
        for index, piece in enumerate(pieces)
    )
    return mark_safe(marked)  # noqa: S308 (every piece is escaped above)


def excerpt(article, terms):
    """The lead if it mentions a term, else the passage of the body around the first mention."""
    lead_words = set(re.findall(r"\w+", fold(article.lead)))
    if not terms or any(word.startswith(term) for word in lead_words for term in terms):
        return highlight(article.lead, terms)
    body = strip_tags(article.body)
    position = min((fold(body).find(term) for term in terms if term in fold(body)), default=0)
    start = max(0, position - EXCERPT_LENGTH // 3)
    passage = body[start : start + EXCERPT_LENGTH]
    return highlight(("…" if start else "") + passage + "…", terms)
