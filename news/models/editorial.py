"""What the newsroom keeps around an article: change notes, earlier addresses, preview links."""

import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .validators import PLAUSIBLE_TIMES


class ChangeNote(models.Model):
    """A significant change to a live article, told to its readers."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="change_notes",
        verbose_name=_("article"),
    )
    note = models.CharField(_("change note"), max_length=500)
    created = models.DateTimeField(_("time"), default=timezone.now, validators=PLAUSIBLE_TIMES)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        ordering = ["-created", "-id"]

    def __str__(self):
        return self.note


class ArticleAlias(models.Model):
    """An earlier address of a published article, answered with a permanent redirect."""

    path = models.CharField(_("old address"), max_length=300, unique=True)
    article = models.ForeignKey(
        "news.Article", on_delete=models.CASCADE, related_name="aliases", verbose_name=_("article")
    )

    class Meta:
        verbose_name = _("earlier address")
        verbose_name_plural = _("earlier addresses")

    def __str__(self):
        return self.path


def default_preview_expiry():
    return timezone.now() + PreviewLink.DEFAULT_LIFETIME


class PreviewLink(models.Model):
    """A signed, expiring link that shows an unpublished article to someone without an account."""

    SALT = "news.preview-link"
    DEFAULT_LIFETIME = datetime.timedelta(days=7)

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="preview_links",
        verbose_name=_("article"),
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    expires_at = models.DateTimeField(
        _("expires at"),
        default=default_preview_expiry,
        validators=PLAUSIBLE_TIMES,
        help_text=_("The link stops working at this time (Minsk time)."),
    )
    revoked = models.BooleanField(_("revoked"), default=False, help_text=_("Stops the link now."))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created"]

    def __str__(self):
        return str(_("Preview of “%(title)s”")) % {"title": self.article.title}

    def get_absolute_url(self):
        # Not timestamped: the same link every time it is shown; the expiry is on the record.
        token = signing.Signer(salt=self.SALT).sign(str(self.key))
        # The page as it will be published: in the article's language.
        with translation.override(self.article.language):
            return reverse("news:preview", kwargs={"token": token})

    @classmethod
    def from_token(cls, token):
        """The link a token was signed for, or None if the token was forged or altered."""
        try:
            key = uuid.UUID(signing.Signer(salt=cls.SALT).unsign(token))
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.select_related("article").filter(key=key).first()

    @property
    def is_active(self):
        # A withdrawn article is gone for everyone, reviewers included.
        return (
            not self.revoked
            and self.expires_at > timezone.now()
            and self.article.status != self.article.Status.WITHDRAWN
        )

    def clean(self):
        if self.expires_at and self._state.adding and self.expires_at <= timezone.now():
            raise ValidationError({"expires_at": _("Choose a time in the future.")})
