"""Search in published articles.

An article is found by the text its readers read (READER_FIELDS), kept in two columns written with
its row. On PostgreSQL: full-text search over a weighted vector (see WEIGHTS), kept in a
GIN-indexed column and made with the text-search configuration of the article's language, as the
query is with the page's; the words it matched (any form of them: "innovative" for "innovation",
"навука" for "навукі") are marked by PostgreSQL's own headline function. Elsewhere: every word
must begin a word of the case-folded text, titles first, and the words that begin with a search
term are marked.
Either way the excerpt from the body is cut here, at spaces (passage()): PostgreSQL's fragments
(MaxWords, MinWords, ShortWord) end where its parser's tokens do, which are not always words: a
fragment may begin "s plan" (of "Sergei's plan"), "5%" (of "37,5%"), "tech" (of "high-tech").
Any query, however strange, is reduced to at most a dozen words before it reaches the database.
"""

import functools
import html
import operator
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import LessThan
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
TITLE_END = "|"
# An excerpt from the body: about this many characters, the first match after about a third.
EXCERPT_LENGTH = 240
LEAD_IN = EXCERPT_LENGTH // 3
# PostgreSQL's configuration for each language: its own stemmers for English and Russian, and for
# Belarusian the one that migrate makes (install_belarusian). Other text is kept word for word.
TEXT_SEARCH_CONFIGS = {"en": "english", "ru": "russian", "be": "belarusian"}
# Debian's hunspell-be as PostgreSQL reads it, tsearch_data/be_by.dict and be_by.affix: the names
# that Debian's pg_updatedicts gives the files (README, Search).
HUNSPELL_FILES = "be_by"
BELARUSIAN_DICTIONARY = "belarusian_hunspell"
# The words that are not all ASCII, which `russian` gives to its stemmer (`\dF+ russian`). A
# hyphenated one is found by its parts: the dictionary knows none whole, so it would be kept whole
# in one form ("навукова-тэхнічнай"), which a query in another form could not match.
WORD_TOKENS = "word, hword_part"
HYPHENATED_WORD = "hword"
# Where a match ranks on PostgreSQL: the title, the lead, the body, then the rest of what readers
# see (the author, the photo's description, caption and credit).
WEIGHTS = {"title": "A", "lead": "B", "body": "C"}
OTHER_WEIGHT = "D"
# Written for the search and searched in the database, never read: public pages leave them there
# (a vector weighs kilobytes).
COLUMNS = ("search_text", "search_vector")
# PostgreSQL marks matches with these; they cannot occur in text typed by an editor, and survive
# escaping, after which they become <mark> tags.
MATCH_START, MATCH_END = "\x02", "\x03"


def text_search_config(language=None):
    """The configuration of a language; `simple` for none (migrations 0004 and 0013 indexed
    articles before they had one, and migrate indexed them again once they had)."""
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


def fold(text):
    return text.casefold()


def words(query):
    return re.findall(r"\w+", fold(query[:MAX_QUERY_LENGTH]))[:MAX_WORDS]


# The end of a paragraph, heading, list item or cell, or a line break: a space, so that two
# paragraphs do not run together into one word ("development.The").
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|td|th)\s*>|<br\s*/?>", re.IGNORECASE)


def plain_text(html_text):
    return html.unescape(strip_tags(BLOCK_END.sub(" ", html_text)))


def indexed_text(texts):
    """What the fallback searches, from an article's texts by field (the body is HTML): each
    folded word after a space, so that a term is found at the start of a word ("art" is not in
    "start"), and the title's words before a bar, so that a title match can be told apart (SQLite
    folds only ASCII, so the title itself cannot be searched)."""

    def spaced(name):
        text = plain_text(texts[name]) if name == "body" else texts[name]
        return "".join(f" {word}" for word in re.findall(r"\w+", fold(text)))

    rest = "".join(spaced(name) for name in texts if name != "title")
    return f"{spaced('title')} {TITLE_END}{rest} "


def weighted_vector(texts, language):
    """PostgreSQL's vector of an article's texts by field, each weighted by where it is."""
    config = text_search_config(language)
    vectors = (
        SearchVector(Value(text), weight=WEIGHTS.get(name, OTHER_WEIGHT), config=config)
        for name, text in texts.items()
    )
    return functools.reduce(operator.add, vectors)


def columns(texts, language=None):
    """The search columns for an article's texts by field in its language, to be written with its
    row. The vector is made by the database in the same statement (a GeneratedField cannot be:
    SQLite has no tsvector, and the Belarusian configuration is made after the migrations)."""
    vector = weighted_vector(texts, language) if connection.vendor == "postgresql" else None
    return {"search_text": indexed_text(texts), "search_vector": vector}


def search(queryset, query):
    terms = words(query)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        config = text_search_config(translation.get_language())
        ts_query = SearchQuery(" ".join(terms), search_type="plain", config=config)
        marks = {"config": config, "start_sel": MATCH_START, "stop_sel": MATCH_END}
        return (
            queryset.filter(search_vector=ts_query)
            .defer("body")  # the excerpt is the body's headline
            .annotate(
                rank=SearchRank(F("search_vector"), ts_query),
                lead_headline=SearchHeadline("lead", ts_query, highlight_all=True, **marks),
                # The whole text with its matches marked; passage() cuts it.
                body_headline=SearchHeadline(
                    Func(
                        F("body"),
                        Value("<[^>]*>"),
                        Value(" "),
                        Value("g"),
                        function="regexp_replace",
                    ),
                    ts_query,
                    highlight_all=True,
                    **marks,
                ),
            )
            .order_by("-rank", "-pub_date")
        )
    matches, in_title = Q(), Q()
    title_end = StrIndex("search_text", Value(f" {TITLE_END}"))
    for term in terms:
        matches &= Q(search_text__contains=f" {term}")
        in_title &= LessThan(StrIndex("search_text", Value(f" {term}")), title_end)
    return (
        queryset.filter(matches)
        .annotate(
            rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("-rank", "-pub_date")
    )


def word_starts(terms):
    """Words that begin with a search term: what the fallback matches, so what is marked."""
    return re.compile(r"\b((?:" + "|".join(map(re.escape, terms)) + r")\w*)", re.IGNORECASE)


def highlight(text, terms):
    """Escaped text with each word that starts with a search term marked."""
    # Split before escaping: odd pieces are the matches; a term never lands inside an entity.
    pieces = word_starts(terms).split(text)
    marked = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece)
        for index, piece in enumerate(pieces)
    )
    return mark_safe(marked)  # noqa: S308 (every piece is escaped above)


def marked(headline):
    """Escaped text with the matches PostgreSQL delimited marked."""
    return mark_safe(  # noqa: S308 (escaped first; only the delimiters become tags)
        escape(headline).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
    )


def spaced(text):
    """Text with each run of white space made one space, as passage() reads it."""
    return " ".join(text.split())


def passage(text, position):
    """The words of a spaced text around a position: whole words, about EXCERPT_LENGTH
    characters, with an ellipsis where text was left out."""
    start = text.rfind(" ", 0, max(position - LEAD_IN, 0)) + 1  # the start of a word
    end = len(text)
    if start + EXCERPT_LENGTH < end:  # up to the last space in reach
        end = text.rfind(" ", position, start + EXCERPT_LENGTH + 1)
        if end == -1:  # the match is one word longer than that: up to its end
            end = f"{text} ".find(" ", position)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def excerpt(article, terms):
    """The lead if it has a match, else the passage of the body around one, else the lead."""
    if hasattr(article, "lead_headline"):
        if MATCH_START in article.lead_headline:
            return marked(article.lead_headline)
        body = spaced(html.unescape(article.body_headline))
        if (position := body.find(MATCH_START)) == -1:
            return article.lead
        return marked(passage(body, position))
    if word_starts(terms).search(article.lead):
        return highlight(article.lead, terms)
    body = spaced(plain_text(article.body))
    if (match := word_starts(terms).search(body)) is None:
        return article.lead
    return highlight(passage(body, match.start()), terms)


def install_belarusian(using):
    """Make PostgreSQL's Belarusian configuration: `russian`'s, with the Hunspell dictionary in
    place of the Russian stemmer where PostgreSQL reads its files, else words as written (as are
    the words the dictionary does not know). Safe to repeat, trying the files again each time.
    Whether the configuration changed: the vectors made with it before then miss its queries."""
    config = TEXT_SEARCH_CONFIGS["be"]
    with connections[using].cursor() as cursor, transaction.atomic(using=using):
        cursor.execute("SELECT EXISTS (SELECT FROM pg_ts_config WHERE cfgname = %s)", [config])
        created = not cursor.fetchone()[0]
        if created:
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = russian)")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {config} DROP MAPPING FOR {HYPHENATED_WORD}"
            )
            map_words(cursor, "simple")
        if stems_belarusian(using):
            return created
        try:
            with transaction.atomic(using=using):  # PostgreSQL reads the files now
                cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {BELARUSIAN_DICTIONARY}")
                cursor.execute(
                    f"CREATE TEXT SEARCH DICTIONARY {BELARUSIAN_DICTIONARY} (TEMPLATE = ispell,"
                    f" DictFile = {HUNSPELL_FILES}, AffFile = {HUNSPELL_FILES})"
                )
        except DatabaseError:  # it has no such files: words stay as written (news.W001 says so)
            return created
        map_words(cursor, f"{BELARUSIAN_DICTIONARY}, simple")
        return True


def map_words(cursor, dictionaries):
    cursor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {TEXT_SEARCH_CONFIGS['be']}"
        f" ALTER MAPPING FOR {WORD_TOKENS} WITH {dictionaries}"
    )


def stems_belarusian(using=DEFAULT_DB_ALIAS):
    """Whether PostgreSQL's Belarusian configuration finds any form of a word it knows."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT FROM pg_ts_config_map"
            " JOIN pg_ts_config ON pg_ts_config.oid = mapcfg"
            " JOIN pg_ts_dict ON pg_ts_dict.oid = mapdict"
            " WHERE cfgname = %s AND dictname = %s)",
            [TEXT_SEARCH_CONFIGS["be"], BELARUSIAN_DICTIONARY],
        )
        return cursor.fetchone()[0]


def prepare_languages(using, **kwargs):
    """After migrate (post_migrate): the Belarusian configuration, and every vector made again
    when it changed, which happens once when it is made (vectors were made with the site's
    language before) and once when PostgreSQL gets the dictionary."""
    from .models import Article  # not at the top: the models use this module

    if connections[using].vendor == "postgresql" and install_belarusian(using):
        Article.objects.using(using).update_search_index()
