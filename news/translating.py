"""Starting a translation: a draft in another language, filled in from the original for the
translator to rewrite, and linked to it by the translation key."""

import logging
import posixpath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core import uploads

from .models import READER_FIELDS, Article, ArticlePhoto, Status
from .models.translations import ALREADY_TRANSLATED

# Said in the history of the translation (in the language of whoever started it; the history
# tells it in its reader's).
STARTED_FROM = _("Translation started from “%(title)s”")
logger = logging.getLogger(__name__)
ADDRESS_TAKEN = _(
    "Another article took this translation's address at the same moment. Please try again."
)


def may_translate(user):
    return user.has_perm("news.add_article")


def translate(original, language, user):
    """The new draft, in `language`; refused for a language the article already exists in."""
    if not may_translate(user):
        raise PermissionDenied
    # The draft's rows and the copies of its photos are kept together or not at all.
    with uploads.all_or_nothing(), transaction.atomic():
        # Two translators at once: the second waits here, then finds the first one's draft.
        list(Article.objects.select_for_update().filter(translation_key=original.translation_key))
        if language not in dict(original.missing_languages()):
            raise ValidationError(ALREADY_TRANSLATED, code="translated")
        draft = Article(
            language=language,
            translation_key=original.translation_key,
            source=original,
            status=Status.DRAFT,
            slug=free_slug(f"{original.slug}-{language}"),
            **{name: getattr(original, name) for name in READER_FIELDS if name != "image"},
        )
        if photo := copy_of(original.image):
            draft.image = photo
        else:
            draft.image_alt = ""
        draft._history_user = user
        draft._change_reason = str(STARTED_FROM) % {"title": original.title}
        try:
            with transaction.atomic():
                draft.save()
        except IntegrityError as error:
            # Another article took the address found free a moment ago: nothing is kept.
            raise ValidationError(ADDRESS_TAKEN, code="address-taken") from error
        draft.topics.set(original.topics.all())
        copy_gallery(original, draft)
    return draft


def copy_gallery(original, draft):
    """The original's gallery, each photo with its texts for the translator to rewrite."""
    for photo in original.photos.all():
        if image := copy_of(photo.image):
            ArticlePhoto.objects.create(
                article=draft,
                image=image,
                **{name: getattr(photo, name) for name in ("alt", "caption", "credit", "position")},
            )


def copy_of(photo):
    """A copy of its own of a photo, published (and named) as an upload would be: replacing or
    deleting either must not remove the other's. None when there is no photo or its file cannot
    be read (then the translator adds one)."""
    if not photo:
        return None
    try:
        with photo.storage.open(photo.name, "rb") as file:
            return ContentFile(file.read(), name=posixpath.basename(photo.name))
    except OSError:
        logger.warning("photo %s unreadable; translation started without it", photo.name)
        return None


def free_slug(wanted):
    slug = base = slugify(wanted)[:190]
    number = 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
