"""Starting a translation: a draft in another language, filled in from the original for the
translator to rewrite, and linked to it by the translation key."""

import logging
import posixpath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import READER_FIELDS, Article, Status
from .models.translations import ALREADY_TRANSLATED

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
    with transaction.atomic():
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
        if photo := read_photo(original):
            # A copy of its own, published (and named) as an upload would be: replacing or
            # deleting either photo must not remove the other's.
            draft.image = ContentFile(photo, name=posixpath.basename(original.image.name))
        else:
            draft.image_alt = ""
        draft._history_user = user
        draft._change_reason = gettext("Translation started from “%(title)s”") % {
            "title": original.title
        }
        try:
            with transaction.atomic():
                draft.save()
        except IntegrityError as error:
            # Another article took the address found free a moment ago: nothing is kept.
            raise ValidationError(ADDRESS_TAKEN, code="address-taken") from error
        draft.topics.set(original.topics.all())
    return draft


def read_photo(article):
    """The original's photo, or None when it has none or its file cannot be read (then the
    translator adds one)."""
    if not article.image:
        return None
    try:
        with article.image.storage.open(article.image.name, "rb") as photo:
            return photo.read()
    except OSError:
        logger.warning("photo of article %s unreadable; translation started without it", article.pk)
        return None


def free_slug(wanted):
    slug = base = slugify(wanted)[:190]
    number = 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
