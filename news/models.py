import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from .rich_text import BODY_EXTENSIONS, sanitize_body


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of what the public may see."""
        return self.filter(status=Status.PUBLISHED, pub_date__lte=timezone.now())


class Article(models.Model):
    Status = Status

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the article's address; filled in from the title."),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_(
            "One paragraph that sums up the news. It is shown in lists, feeds and link previews."
        ),
    )
    body = ProseEditorField(_("body"), extensions=BODY_EXTENSIONS, sanitize=sanitize_body)
    author = models.CharField(
        _("written by"),
        max_length=200,
        blank=True,
        help_text=_("Shown as “Written by”. Leave empty to omit the line."),
    )
    pub_date = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "A published article appears on the site at this time (Minsk time). "
            "A time in the future schedules it."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_("Only published articles whose publication time has come are public."),
    )
    uid = models.UUIDField(_("feed identifier"), default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-pub_date", "-id"]
        get_latest_by = "pub_date"
        indexes = [models.Index(fields=["status", "-pub_date"], name="news_article_public_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="news_article_status_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Every path into the database (admin, shell, demo data) is sanitised.
        self.body = sanitize_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        local = timezone.localtime(self.pub_date)
        return reverse(
            "news:detail",
            kwargs={"year": local.year, "month": local.month, "day": local.day, "slug": self.slug},
        )

    @property
    def is_published(self):
        """Mirror of ArticleQuerySet.published() for a single article."""
        return self.status == Status.PUBLISHED and self.pub_date <= timezone.now()
