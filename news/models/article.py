import mimetypes
import posixpath
import re
import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models, transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_cleanup import cache as cleanup_cache
from django_cleanup import cleanup
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from .. import renditions, search, uploads
from ..rich_text import BODY_EXTENSIONS, sanitize_body
from ..uploads import UploadFolder, published_image, validate_image
from .editorial import ArticleAlias
from .validators import PLAUSIBLE_TIMES


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class State(models.TextChoices):
    """Where an article stands for the public, derived from its status and times."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def state_conditions(now):
    published = Q(status=Status.PUBLISHED)
    not_expired = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    return {
        State.DRAFT: Q(status=Status.DRAFT),
        State.SCHEDULED: published & Q(pub_date__gt=now),
        State.LIVE: published & Q(pub_date__lte=now) & not_expired,
        State.EXPIRED: published & Q(pub_date__lte=now, expires_at__lte=now),
        State.WITHDRAWN: Q(status=Status.WITHDRAWN),
    }


# Invisible, never meant, and the search uses two of them to mark its matches.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Written for the search and searched in the database, never read: public pages leave them there
# (a vector weighs kilobytes).
SEARCH_COLUMNS = ("search_text", "search_vector")
# Whether and when the public sees an article (see prepare_restore).
PUBLICATION_FIELDS = (
    "status",
    "pub_date",
    "expires_at",
    "withdrawal_reason",
    "withdrawn_at",
    "revised_at",
)
# What a reader sees of an article: changing any of it on a live article needs a change note
# (forms.py), and the comparison of revisions shows it (revisions.py).
READER_FIELDS = (
    "title",
    "lead",
    "body",
    "author",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
)
# The text among it, typed by an editor.
TYPED_TEXT = tuple(name for name in READER_FIELDS if name != "image")


class ArticleQuerySet(models.QuerySet):
    def in_state(self, state):
        return self.filter(state_conditions(timezone.now())[state])

    def published(self):
        """The one definition of what the public may see."""
        return self.in_state(State.LIVE).defer(*SEARCH_COLUMNS)

    def on_record(self):
        """Published or withdrawn: the articles whose address answers the public (200 or 410)."""
        now = timezone.now()
        return self.filter(
            state_conditions(now)[State.LIVE] | Q(status=Status.WITHDRAWN, pub_date__lte=now)
        ).defer(*SEARCH_COLUMNS)

    def update_search_index(self):
        """Rebuild these articles' search columns: after a bulk load (which skips save()), or a
        change of the site's language, whose text-search configuration makes the vector."""
        articles = list(self.only("pk", "title", "lead", "body"))
        for article in articles:
            article.search_text = search.indexed_text(article.title, article.lead, article.body)
        self.model.objects.bulk_update(articles, ["search_text"], batch_size=500)
        self.update_search_vectors()
        return len(articles)

    def update_search_vectors(self):
        """PostgreSQL's weighted vectors, made in the database from the saved columns."""
        if connection.vendor == "postgresql":
            self.update(search_vector=search.weighted_vector())

    def next_change(self):
        """The next moment an article goes live or expires: nothing public may be cached past it."""
        now = timezone.now()
        upcoming = self.filter(status=Status.PUBLISHED).aggregate(
            go_live=Min("pub_date", filter=Q(pub_date__gt=now)),
            expiry=Min("expires_at", filter=Q(expires_at__gt=now)),
        )
        return min(filter(None, upcoming.values()), default=None)


@cleanup.select
class Article(models.Model):
    Status = Status
    State = State

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
        validators=PLAUSIBLE_TIMES,
        help_text=_(
            "A published article appears on the site at this time (Minsk time). "
            "A time in the future schedules it."
        ),
    )
    expires_at = models.DateTimeField(
        _("expiry time"),
        null=True,
        blank=True,
        validators=PLAUSIBLE_TIMES,
        help_text=_("Optional: the article leaves the public site at this time (Minsk time)."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_("Only published articles whose publication time has come are public."),
    )
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown to readers on the page of a withdrawn article."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        _("last significant update"), null=True, blank=True, editable=False
    )
    topics = models.ManyToManyField(
        "news.Topic", blank=True, related_name="articles", verbose_name=_("topics")
    )
    image = models.ImageField(
        _("lead image"),
        upload_to=UploadFolder("news/images"),
        max_length=255,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[validate_image],
        help_text=_(
            "Optional. JPEG, PNG or WebP; smaller copies for phones are made automatically."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Kept so that feeds and pages never ask the storage (a request each on object storage).
    image_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what it shows, for readers who cannot see it."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    uid = models.UUIDField(_("feed identifier"), default=uuid.uuid4, unique=True, editable=False)
    # Optimistic locking: a save based on an older version is refused (see forms.py).
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Search: case-folded plain text for every database, a weighted vector on PostgreSQL.
    search_text = models.TextField(default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version", "search_text", "search_vector"])

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-pub_date", "-id"]
        get_latest_by = "pub_date"
        # In the public order, with the expiry too: counting and paging the published articles
        # reads the index alone.
        indexes = [
            models.Index(
                fields=["status", "-pub_date", "-id", "expires_at"], name="news_article_listing_idx"
            )
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule, unpublish and withdraw articles"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="news_article_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=models.F("pub_date")),
                name="news_article_expires_after_publication",
                violation_error_message=_("The expiry time must be after the publication time."),
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="news_article_image_has_alt_text",
                violation_error_message=_("Describe the image for readers who cannot see it."),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.WITHDRAWN) | ~Q(withdrawal_reason=""),
                name="news_article_withdrawal_has_reason",
                violation_error_message=_("Give readers the reason for the withdrawal."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Every path into the database (admin, shell, demo data) is sanitised.
        for field in TYPED_TEXT:
            setattr(self, field, CONTROL_CHARACTERS.sub("", getattr(self, field)))
        self.body = sanitize_body(self.body)
        if self.status == Status.WITHDRAWN:
            self.withdrawn_at = self.withdrawn_at or timezone.now()
        else:
            self.withdrawn_at = None
        new_image = bool(self.image) and not self.image._committed
        if new_image:
            self.image = published_image(self.image)
            self.image_size = self.image.size
        elif self.image and self.image_size is None:  # stored before sizes were kept
            self.image_size = self.image.size
        if not self.image:
            self.image_size = None
        self.search_text = search.indexed_text(self.title, self.lead, self.body)
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "version",
                "withdrawn_at",
                "updated",
                "search_text",
            }
        previous = self._previous_address()
        # The row, the photo and its copies are kept together or not at all, from any caller.
        with uploads.all_or_nothing(), transaction.atomic():
            with uploads.recording(self.image):
                super().save(*args, **kwargs)
            if previous and previous != self.address_parts():
                ArticleAlias.objects.update_or_create(
                    path=self.path_for(*previous), defaults={"article": self}
                )
            Article.objects.filter(pk=self.pk).update_search_vectors()
            if new_image:
                renditions.make_renditions(self.image)

    def get_absolute_url(self):
        return self.path_for(*self.address_parts())

    def prepare_restore(self, current):
        """Make this earlier revision ready to be saved over `current`, the article as it is now.

        A restore brings back content, never publication: whether and when the public sees the
        article stays as it is (publishing is a decision of its own, which an editor may not make).
        Its photo may have been deleted since (when it was replaced): it is then left out rather
        than shown broken. The photo to delete, if the restore changes it, is the current one
        (django-cleanup would otherwise compare with the revision's).
        """
        for name in PUBLICATION_FIELDS:
            setattr(self, name, getattr(current, name))
        cleanup_cache.make_cleanup_cache(self, source=current)
        if self.image and not self.image.storage.exists(self.image.name):
            self.image = None
            self.image_size = None
        # What the restore changes, though the form shows it as the revision's own values.
        self.restored_changes = {
            field.name
            for field in self._meta.concrete_fields
            if field.editable and getattr(self, field.attname) != getattr(current, field.attname)
        }

    def address_parts(self):
        local = timezone.localtime(self.pub_date)
        return local.date(), self.slug

    @staticmethod
    def path_for(day, slug):
        return reverse(
            "news:detail",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": slug},
        )

    def _previous_address(self):
        """The address readers may have bookmarked, if the article has been public."""
        if self.pk is None:
            return None
        saved = Article.objects.on_record().filter(pk=self.pk).first()
        return saved.address_parts() if saved else None

    @property
    def state(self):
        now = timezone.now()
        if self.status == Status.PUBLISHED:
            if self.pub_date > now:
                return State.SCHEDULED
            if self.expires_at and self.expires_at <= now:
                return State.EXPIRED
            return State.LIVE
        return State(self.status)

    @property
    def is_published(self):
        """Mirror of ArticleQuerySet.published() for a single article."""
        return self.state == State.LIVE

    @property
    def last_public_update(self):
        return self.revised_at or self.pub_date

    @property
    def image_sources(self):
        return renditions.sources(self.image, self.image_width) if self.image else []

    @property
    def image_srcset(self):
        return renditions.srcset(self.image_sources)

    @property
    def image_src(self):
        """For browsers that ignore srcset: the widest copy offered."""
        return self.image_sources[-1][0] if self.image else ""

    @property
    def image_kind(self):
        return posixpath.splitext(self.image.name)[1][1:].upper()

    @property
    def image_type(self):
        return mimetypes.guess_type(self.image.name)[0] or "application/octet-stream"
