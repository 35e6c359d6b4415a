from django.db import models
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup

from core import uploads


@cleanup.select
class Attachment(models.Model):
    """A document published with an article: a decree, a report, a table."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("article"),
    )
    title = models.CharField(_("title"), max_length=250, help_text=_("For example: Decree No. 12"))
    file = models.FileField(
        _("file"),
        upload_to=uploads.UploadFolder("news/attachments"),
        max_length=255,
        validators=[uploads.validate_document],
        help_text=_("PDF, DOCX, XLSX, ODT or ODS."),
    )
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.file._committed:
            self.content_type = uploads.document_type(self.file) or ""
            self.size = self.file.size
            uploads.name_by_content(self.file, self.kind.lower())
        with uploads.all_or_nothing(), uploads.recording(self.file):
            super().save(*args, **kwargs)

    @property
    def kind(self):
        return uploads.DOCUMENT_EXTENSIONS.get(self.content_type, uploads.UNKNOWN_EXTENSION).upper()
