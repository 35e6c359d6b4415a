import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_cleanup import cache as cleanup_cache
from django_cleanup import cleanup
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from core import uploads
from core.languages import without_language

from .. import renditions, rich_text, search
from ..rich_text import BODY_EXTENSIONS, sanitize_body
from .editorial import ArticleAlias
from .field_groups import PUBLICATION_FIELDS, TYPED_TEXT
from .photo import PhotoDisplay
from .queryset import ArticleQuerySet
from .states import State, Status, state_of
from .translations import Translatable
from .validators import PLAUSIBLE_TIMES


def public_path(pub_date, slug, language):
    """An article's address: its language, publication date (in the site's time zone) and slug."""
    day = timezone.localtime(pub_date).date()
    with translation.override(language):
        return reverse(
            "news:detail",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": slug},
        )


@cleanup.select
class Article(PhotoDisplay, Translatable):
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
        help_text=_("“Schedule” puts the article on the site at this time (Minsk time)."),
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
        help_text=_("Changed by the steps under the form: submit, publish, schedule, withdraw."),
    )
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown to readers on the page of a withdrawn article."),
    )
    review_comment = models.TextField(
        _("comment for the editor"),
        blank=True,
        help_text=_("Required to send the article back: what should the editor change?"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        _("last significant update"), null=True, blank=True, editable=False
    )
    topics = models.ManyToManyField(
        "news.Topic", blank=True, related_name="articles", verbose_name=_("topics")
    )
    image = renditions.PhotoField(
        _("lead image"),
        upload_to=uploads.UploadFolder("news/images"),
        max_length=255,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[uploads.validate_image],
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
    # Change notes and comments kept whole, not cut at 100 characters (PostgreSQL would refuse).
    history = HistoricalRecords(
        excluded_fields=["version", "search_text", "search_vector"],
        history_change_reason_field=models.TextField(null=True),
    )

    class Meta(Translatable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-pub_date", "-id"]
        get_latest_by = "pub_date"
        # In the public order, with the expiry too: counting and paging the published articles
        # reads the index alone, in one language (the pages) or in all (the sitemap, the next
        # go-live).
        indexes = [
            models.Index(
                fields=["language", "status", "-pub_date", "-id", "expires_at"],
                name="news_article_language_idx",
            ),
            models.Index(
                fields=["status", "-pub_date", "-id", "expires_at"], name="news_article_listing_idx"
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule, unpublish and withdraw articles"))
        ]
        constraints = [
            *Translatable.Meta.constraints,
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

    def save(self, *, update_fields=None, **kwargs):
        self._clean_typed_text()
        # The row, the photo and its copies are kept together or not at all, from any caller.
        with uploads.all_or_nothing(), transaction.atomic():
            new_image = renditions.is_new(self.image)
            # Each step names the fields it sets, and a save of some fields writes them too.
            derived = {
                *self._stamp_withdrawal(),
                *self._publish_image(new_image),
                *self.index_for_search(),
                *self._count_save(),
            }
            if update_fields is not None:
                update_fields = {*update_fields, *derived}
            self._redirect_stored_address()
            with uploads.recording(self.image):
                super().save(update_fields=update_fields, **kwargs)
            if new_image:
                renditions.make_renditions(self.image)

    def get_absolute_url(self):
        return public_path(self.pub_date, self.slug, self.language)

    def _typed_text(self):
        return {name: getattr(self, name) for name in TYPED_TEXT}

    def index_for_search(self):
        """Set the search columns from the text readers read, in its language (search.py); their
        names."""
        return self._assign(search.columns(self._typed_text(), self.language))

    def _assign(self, values):
        for name, value in values.items():
            setattr(self, name, value)
        return values.keys()

    def _clean_typed_text(self):
        """On every path into the database (admin, shell, demo data). Which of these fields are
        written stays the caller's choice: cleaning adds none."""
        self._assign(rich_text.cleaned(self._typed_text()))

    def _stamp_withdrawal(self):
        if self.status == Status.WITHDRAWN:
            self.withdrawn_at = self.withdrawn_at or timezone.now()
        else:
            self.withdrawn_at = None
        return {"withdrawn_at"}

    def _publish_image(self, new):
        """A new photo is published as uploads.published_image() writes it. Its size and
        dimensions are kept so that pages and feeds never ask the storage, and learnt for one
        stored before they were."""
        if new:
            self.image = uploads.published_image(self.image)
        if not self.image:
            self.image_size = None
        elif new or None in (self.image_size, self.image_width, self.image_height):
            self.image_size, self.image_width, self.image_height = renditions.measured(self.image)
        return {"image", "image_width", "image_height", "image_size"}

    def _count_save(self):
        """Each save is a new version (the optimistic lock, see forms.py), at a new time."""
        self.version += 1
        return {"version", "updated"}

    def _redirect_stored_address(self):
        """The address readers may have bookmarked, if the article as stored has been public,
        answers with a redirect once the article moves to another date or slug. The address is
        kept without its language, which the article's page corrects by itself."""
        if self.pk is None:
            return
        stored = (
            Article.objects.on_record()
            .filter(pk=self.pk)
            .values_list("pub_date", "slug", "language")
            .first()
        )
        path = stored and without_language(public_path(*stored))
        if path and path != without_language(self.get_absolute_url()):
            ArticleAlias.objects.update_or_create(path=path, defaults={"article": self})

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

    @property
    def state(self):
        return state_of(self, timezone.now())

    @property
    def is_published(self):
        """Mirror of ArticleQuerySet.published() for a single article."""
        return self.state == State.LIVE

    @property
    def last_public_update(self):
        return self.revised_at or self.pub_date
