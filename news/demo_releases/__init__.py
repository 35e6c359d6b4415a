"""The demo's press releases, as the press office would have put them on the site.

Each release is a file in texts/ (TOML): when it is published, in relation to the day the demo is
loaded, or on a date of its own; its state, topics, picture, documents, gallery and correction;
then the text of each language version, the original's first. `news/demo.py` decides whether to
load them; this module writes them: the original, then each translation started from it, the
pictures and documents stored through their fields (checked, published and copied for phones as
any upload), a correction saved with its change note, each revision at the time it was made.

A text may say {year}, {next_year}, {last_year} and {plan_end} (four years on) of its publication
year, and {deadline} for the date `deadline` days after its publication, in its language: the
demo stays current whenever it is loaded.
"""

import datetime
import functools
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from ..models import Article, ArticlePhoto, Attachment, ChangeNote
from ..translating import free_slug
from . import documents, pictures

TEXTS = Path(__file__).with_name("texts")
TOPICS = Path(__file__).with_name("topics.toml")
# "Written by" and the pictures' credit, unless a release says otherwise.
PRESS_OFFICE = {"ru": "Пресс-служба ГКНТ", "be": "Прэс-служба ДКНТ", "en": "SCST press office"}
# How each language is named inside a Word document.
DOCUMENT_LANGUAGES = {"ru": "ru-RU", "be": "be-BY", "en": "en-GB"}
# Drafting before publication: the first revision is this long before the release goes out.
WRITING_TIME = datetime.timedelta(hours=3)
# A translation is started an hour after its original, and published with it.
TRANSLATION_TIME = datetime.timedelta(hours=1)
# A correction is made the day after: a reader wrote in, or the partner called.
CORRECTED_AFTER = datetime.timedelta(hours=26)


@functools.cache
def releases():
    """Every release, the seed first, then in the order of the files' names."""
    return tuple(
        {"name": path.stem} | tomllib.loads(path.read_text())
        for path in sorted(TEXTS.glob("*.toml"))
    )


@functools.cache
def topics():
    return tuple(tomllib.loads(TOPICS.read_text())["topic"])


def languages(release):
    """Its versions' languages, the original first."""
    return [name for name in release if name in dict(settings.LANGUAGES)]


def file_name(release, suffix=""):
    """A picture's name: its release's without the number (inventor-of-the-year.jpg)."""
    return f"{release['name'].split('-', 1)[1]}{suffix}.jpg"


def slugs(release):
    return [release[language]["slug"] for language in languages(release)]


def html(text):
    """Blocks apart by a blank line, a line break within one being a space: "## " begins a
    heading, "- " each item of a list, anything else is a paragraph. Texts are written as HTML
    (the sanitiser sees them, as it sees what an editor saves)."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines()]
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += f" {line}"
            blocks.append("<ul>" + "".join(f"<li><p>{item}</p></li>" for item in items) + "</ul>")
        elif lines[0].startswith("## "):
            blocks.append(f"<h2>{' '.join(lines)[3:]}</h2>")
        else:
            blocks.append(f"<p>{' '.join(lines)}</p>")
    return "".join(blocks)


def paragraphs(text):
    """Plain text, in the same blocks as html() reads."""
    return [" ".join(block.split()) for block in text.strip().split("\n\n")]


def publication_time(release, now):
    if "date" in release:
        return release["date"]
    day = timezone.localdate(now) + datetime.timedelta(days=release["days"])
    return timezone.make_aware(datetime.datetime.combine(day, release["time"]))


def placeholders(release, language, moment):
    year = timezone.localtime(moment).year
    values = {"year": year, "next_year": year + 1, "last_year": year - 1, "plan_end": year + 4}
    if "deadline" in release:
        deadline = timezone.localdate(moment) + datetime.timedelta(days=release["deadline"])
        with translation.override(language):
            values["deadline"] = date_format(deadline, "SHORT_DATE_FORMAT")
    return values


def filled_in(texts, values):
    """Short texts (a title, a lead, a caption) joined into one line, the body left to html()."""
    return {
        name: fill(text, values, keep_lines=name in ("body", "text"))
        for name, text in texts.items()
    }


def fill(text, values, keep_lines):
    if not isinstance(text, str):
        return text
    text = text.format_map(values)
    return text if keep_lines else " ".join(text.split())


def texts(release, language, moment):
    """The version's texts with their dates filled in."""
    return filled_in(release[language], placeholders(release, language, moment))


def article_fields(release, language, moment):
    """The version's article as the release has it now (after any correction)."""
    version = texts(release, language, moment)
    return {
        "slug": version["slug"],
        "title": version["title"],
        "lead": version["lead"],
        "body": html(version["body"]),
        "author": version.get("author", PRESS_OFFICE[language]),
        "pub_date": moment,
        "status": release.get("status", Article.Status.PUBLISHED),
    }


def add(release, topics_by_slug, now):
    """The release on the site: its original, filed under its topics, then its translations."""
    original_language = languages(release)[0]
    original = add_version(release, original_language, publication_time(release, now), now)
    original.topics.set(topics_by_slug[slug] for slug in release["topics"])
    add_translations(release, original, now)


def add_translations(release, original, now):
    """Each started from the original as translating.translate() starts one (its key, a free
    slug, its topics, a first revision that says where it came from), and published with it."""
    for language in languages(release)[1:]:
        add_version(release, language, original.pub_date, now, original)


def add_version(release, language, moment, now, original=None):
    """One language version with its picture, documents and correction."""
    written = min(moment, now) - WRITING_TIME
    fields = article_fields(release, language, moment)
    article = Article(language=language, **fields)
    if original is not None:
        article.translation_key, article.source = original.translation_key, original
        article.slug = free_slug(article.slug)
        article._change_reason = gettext("Translation started from “%(title)s”") % {
            "title": original.title
        }
        written += TRANSLATION_TIME
    version = texts(release, language, moment)
    if "picture" in release:
        illustrate(article, release, version)
    correction = version.get("correction")
    if correction:
        article.lead, article.body = (
            text.replace(correction["right"], correction["wrong"])
            for text in (article.lead, article.body)
        )
    article.review_comment = " ".join(release.get("review_comment", "").split())
    save(article, written)
    if original is not None:
        article.topics.set(original.topics.all())
    attach(article, release, language, moment)
    add_gallery(article, release, language)
    if correction:
        correct(article, fields, correction["note"], moment + CORRECTED_AFTER)
    # The record's own times, as the revisions': written before it went out.
    Article.objects.filter(pk=article.pk).update(
        created=written, updated=article.revised_at or written
    )
    return article


def save(article, moment):
    """Save as the admin would (the same checks of its fields and uploads), the revision dated."""
    # The database holds the constraints: checking them first would ask it once more each.
    article.full_clean(validate_constraints=False)
    article._history_date = moment
    article.save()


def illustrate(article, release, version):
    picture = release["picture"]
    image = pictures.picture(
        picture["motif"], picture["colours"], version["label"], release["name"]
    )
    article.image = ContentFile(image, name=file_name(release))
    article.image_alt = version["alt"]
    article.image_caption = version.get("caption", "")
    article.image_credit = version.get("credit", PRESS_OFFICE[article.language])


def attach(article, release, language, moment):
    """The release's documents, in the language they were written in (Russian unless said),
    under a title in the version's."""
    for position, document in enumerate(release.get("documents", [])):
        written_in = document.get("language", "ru")
        text = filled_in(document, placeholders(release, written_in, moment))
        if document["kind"] == "pdf":
            content = documents.scanned_pdf(
                text["heading"], paragraphs(text["text"]), moment.utctimetuple()
            )
        else:
            content = documents.word_document(
                text["heading"], paragraphs(text["text"]), DOCUMENT_LANGUAGES[written_in]
            )
        attachment = Attachment(
            article=article,
            title=text["title"][language],
            file=ContentFile(content, name=f"{document['file']}.{document['kind']}"),
            position=position,
        )
        attachment.full_clean()
        attachment.save()


def add_gallery(article, release, language):
    """The photos under the text, each described in the version's language."""
    for position, photo in enumerate(release.get("gallery", [])):
        seed = f"{release['name']}-{position}"
        image = pictures.picture(photo["motif"], photo["colours"], None, seed)
        described = photo[language]
        gallery_photo = ArticlePhoto(
            article=article,
            image=ContentFile(image, name=file_name(release, f"-{position + 1}")),
            alt=described["alt"],
            caption=described.get("caption", ""),
            credit=described.get("credit", PRESS_OFFICE[language]),
            position=position,
        )
        gallery_photo.full_clean()
        gallery_photo.save()


def correct(article, fields, note, moment):
    """The correction of a live release, as the change form saves one: the text put right, the
    note told to readers, the revision saying why."""
    article.lead, article.body = fields["lead"], fields["body"]
    article.revised_at = moment
    article._change_reason = note
    save(article, moment)
    ChangeNote.objects.create(article=article, note=note, created=moment)
