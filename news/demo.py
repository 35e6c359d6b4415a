"""The demo content: the agency's topics in the three languages, the press release of the page
this site replaces (in English as the seed gives it, with its Russian and Belarusian
translations), and a dozen releases of the past months and the days to come, with their
pictures, documents and translations (news/demo_releases).

It goes into an empty site, and brings an earlier demo that no one has touched up to date: the
first (the seed release alone, stored as Russian, its topics in English) and the second (the
seed in three languages, without the other releases)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import demo_releases
from .models import Article, Topic

# Named by `manage.py loaddemo`, which calls load().
CONTENT = "press releases"

SEED, *RELEASES = demo_releases.releases()
SEED_LANGUAGE = demo_releases.languages(SEED)[0]
# The seed release as every earlier demo stored it.
SEED_ARTICLE = demo_releases.article_fields(
    SEED, SEED_LANGUAGE, demo_releases.publication_time(SEED, None)
)
# What the demo never gave the seed article, and an editor may have since.
NOTHING_ADDED = {
    "image": "",
    "image_alt": "",
    "image_caption": "",
    "image_credit": "",
    "expires_at": None,
    "withdrawal_reason": "",
    "revised_at": None,
}
TOPIC_TEXTS = ("name", "description")
# The earlier demos' topics come first.
EARLIER_TOPICS = 3


@transaction.atomic
def load():
    """Fill an empty site, one that never had an article (a deleted one leaves its history) nor
    has a topic. Says what it did, for `loaddemo`: it runs with every `make run` and `make
    serve`, and what staff changed or deleted (a translation too) must not come back."""
    slugs = [slug for release in RELEASES for slug in demo_releases.slugs(release)]
    if Article.history.filter(slug__in=slugs).exists():
        if Article.objects.filter(slug__in=slugs).exists():
            return "already present"
        return "left alone: staff changed it"
    if not (Article.objects.exists() or Article.history.exists() or Topic.objects.exists()):
        topics = create_topics(demo_releases.topics())
        now = timezone.now()
        for release in (SEED, *RELEASES):
            demo_releases.add(release, topics, now)
        return "created"
    return upgrade()


@transaction.atomic
def load_seed():
    """The topics and the seed release alone, in its three languages: what the browser tests
    read, without the time the other releases' pictures take."""
    demo_releases.add(SEED, create_topics(demo_releases.topics()), timezone.now())


def upgrade():
    """An earlier demo made the current one, as far as no one has touched it."""
    seed = Article.objects.filter(slug=SEED_ARTICLE["slug"]).first()
    done = []
    if seed and not ever_translated(seed) and loaded_before_languages(seed):
        translate_seed(seed)
        done.append("the seed release in English with its Russian and Belarusian translations")
    if seed and holds_the_earlier_demo_alone(seed):
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        topics |= create_topics(demo_releases.topics()[EARLIER_TOPICS:])
        now = timezone.now()
        for release in RELEASES:
            demo_releases.add(release, topics, now)
        done.append(f"{len(RELEASES)} releases of the past months added")
    if not done:
        return "left alone: staff changed it"
    return "upgraded: " + "; ".join(done)


def create_topics(topics):
    return {
        topic["slug"]: Topic.objects.create(slug=topic["slug"], **localized(topic))
        for topic in topics
    }


def localized(topic):
    """A topic's texts as its translation fields: name_ru, name_be, name_en, description_ru…"""
    return {f"{name}_{lang}": text for name in TOPIC_TEXTS for lang, text in topic[name].items()}


def ever_translated(seed):
    """Whether it has, or has had, another language version; a deleted one stays deleted."""
    versions = Article.history.filter(translation_key=seed.translation_key)
    return versions.exclude(id=seed.pk).exists()


def loaded_before_languages(seed):
    """Whether the seed article is exactly as the demo loaded it before the site had languages
    (then in the site's language, "ru", though its text is English): its text, photo and
    publication as loaded, never saved by a member of staff. Only then is correcting its
    language no one's edit undone; a shell edit leaves no revision, but the comparison sees it."""
    as_loaded = Article.objects.filter(pk=seed.pk, **SEED_ARTICLE, **NOTHING_ADDED).exists()
    saved_by_staff = Article.history.filter(id=seed.pk, history_user__isnull=False).exists()
    return as_loaded and not saved_by_staff


def holds_the_earlier_demo_alone(seed):
    """Whether the site holds nothing but an earlier demo, as loaded: the seed's versions, no
    other article ever, no revision saved by staff, the earlier demo's topics and no other. The
    releases are then no one's work mixed with the demo's."""
    earlier_topics = {topic["slug"] for topic in demo_releases.topics()[:EARLIER_TOPICS]}
    return (
        seed_as_loaded(seed)
        and not Article.history.exclude(translation_key=seed.translation_key).exists()
        and not Article.history.filter(history_user__isnull=False).exists()
        and set(Topic.objects.values_list("slug", flat=True)) == earlier_topics
    )


def seed_as_loaded(seed):
    """Whether the seed release is in its three languages, each as the demo wrote it (a shell
    edit leaves no revision, but the comparison sees it)."""
    versions = Article.objects.filter(translation_key=seed.translation_key)
    languages = sorted(versions.values_list("language", flat=True))
    if languages != sorted(demo_releases.languages(SEED)):
        return False
    return all(
        versions.filter(language=language, **seed_texts(language), **NOTHING_ADDED).exists()
        for language in languages
    )


def seed_texts(language):
    """The seed's version in `language` as loaded, but for its slug (a translation's is the first
    one free)."""
    fields = demo_releases.article_fields(SEED, language, SEED_ARTICLE["pub_date"])
    del fields["slug"]
    return fields


def translate_seed(seed):
    """The demo loaded before the site had languages, made what the second demo was."""
    if seed.language != SEED_LANGUAGE:
        seed.language = SEED_LANGUAGE
        seed._change_reason = gettext("Language changed to “%(language)s”") % {
            "language": seed.get_language_display()
        }
        seed.save(update_fields=["language"])
    translate_topics()
    demo_releases.add_translations(SEED, seed, timezone.now())


def translate_topics():
    """Give the demo's topics, named in English then, their three languages; a text an editor
    wrote, in any language, stays."""
    for topic in demo_releases.topics()[:EARLIER_TOPICS]:
        record = Topic.objects.filter(slug=topic["slug"]).first()
        untranslated = [
            name for name in TOPIC_TEXTS if record and only_english(record, name, topic[name]["en"])
        ]
        for name in untranslated:
            for lang, text in topic[name].items():
                setattr(record, f"{name}_{lang}", text)
        if untranslated:
            record.save()


def only_english(record, name, english):
    """Whether the record's text `name` is the demo's English one and nothing else, in whichever
    language's column the demo or the migration to languages left it."""
    written = {getattr(record, f"{name}_{lang}") or "" for lang, _label in settings.LANGUAGES}
    return written - {""} == {english}
