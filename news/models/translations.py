"""Language versions of an article, as Wagtail models them: each translation is an article of its
own (its own slug, schedule, state, revisions and change notes), linked to the others by a shared
key, so that each can be published when it is ready.

A translation also knows the version it was started from, its original: when that one changes
significantly (a change note) after the translation last did, the translation is out of date. The
link is its own field, not "the oldest version of the group": once the original is deleted, the
translation simply has none, rather than being measured against another translation."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import search

ALREADY_TRANSLATED = _("This article already has a version in this language.")


def site_language():
    """New articles are written in the site's default language unless the editor says otherwise."""
    return settings.LANGUAGE_CODE


class Translatable(models.Model):
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=site_language,
        db_index=True,
        help_text=_("The language this article is written in."),
    )
    translation_key = models.UUIDField(
        _("translation key"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Shared by an article and its translations."),
    )
    source = models.ForeignKey(
        "self",
        verbose_name=_("original"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        help_text=_("The version this translation was started from."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"],
                name="%(app_label)s_%(class)s_one_version_per_language",
                violation_error_message=ALREADY_TRANSLATED,
            )
        ]

    def clean(self):
        # The constraint names the key, which no form shows, so forms would not check it.
        super().clean()
        group = type(self).objects.filter(translation_key=self.translation_key)
        if transaction.get_connection().in_atomic_block:
            # Two saves in one group (the admin saves in a transaction) are checked in turn: the
            # second waits for the first and sees its language, rather than failing on the
            # constraint at the end.
            group = group.select_for_update()
        languages = dict(group.values_list("pk", "language"))
        languages.pop(self.pk, None)
        if self.language in languages.values():
            raise ValidationError({"language": ALREADY_TRANSLATED}, code="translated")

    def translations(self):
        """The other language versions, whatever their state, in the site's language order
        (without their search columns: the public pages ask, for the language switcher)."""
        others = type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        versions = {version.language: version for version in others.defer(*search.COLUMNS)}
        return [versions[code] for code, _name in settings.LANGUAGES if code in versions]

    def missing_languages(self):
        """The site's languages this article has no version in yet."""
        present = {self.language, *(version.language for version in self.translations())}
        return [(code, name) for code, name in settings.LANGUAGES if code not in present]

    @cached_property
    def original(self):
        """The version this translation was started from, if it still exists (without its search
        columns, which no page shows)."""
        if self.source_id is None:
            return None
        return type(self).objects.defer(*search.COLUMNS).filter(pk=self.source_id).first()

    @property
    def is_out_of_date(self):
        """Whether the original has changed significantly (a change note) since this translation
        last did: since it was started from the original, published, or itself changed with a
        note. Minor edits, having no note, mark nothing on either side."""
        original = self.original
        if original is None or original.revised_at is None:
            return False
        return original.revised_at > max(self.created, self.last_public_update)
