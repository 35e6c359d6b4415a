from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup

from core import uploads

from .. import renditions
from .photo import PhotoDisplay


@cleanup.select
class ArticlePhoto(PhotoDisplay, models.Model):
    """A photo of an article's gallery, shown under its text: checked, published and copied for
    phones as the lead image is (core/uploads.py, news/renditions.py)."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="photos",
        verbose_name=_("article"),
    )
    image = renditions.PhotoField(
        _("photo"),
        upload_to=uploads.UploadFolder("news/gallery"),
        max_length=255,
        width_field="image_width",
        height_field="image_height",
        validators=[uploads.validate_image],
        help_text=_("JPEG, PNG or WebP; smaller copies for phones are made automatically."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Kept so that pages never ask the storage, as the lead image's.
    image_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("image caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("image credit"), max_length=200, blank=True, help_text=_("Shown as “Photo: …”.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery photos")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt=""),
                name="news_articlephoto_has_alt_text",
                violation_error_message=_("Describe the image for readers who cannot see it."),
            ),
        ]

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        # The row, the photo and its copies are kept together or not at all, as an article's.
        with uploads.all_or_nothing(), transaction.atomic():
            new = renditions.is_new(self.image)
            if new:
                self.image = uploads.published_image(self.image)
                self.image_size, self.image_width, self.image_height = renditions.measured(
                    self.image
                )
            with uploads.recording(self.image):
                super().save(*args, **kwargs)
            if new:
                renditions.make_renditions(self.image)
