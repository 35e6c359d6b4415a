import contextlib
import contextvars

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from core import uploads

from . import rich_text, workflow
from .models import READER_FIELDS, Article, ArticlePhoto, Attachment, State
from .widgets import BodyEditorWidget, ThumbnailImageWidget

# The article's check constraints name no field (Django ties only a one-field unique constraint's
# error to its field): each is said of the field the editor corrects, which the error summary
# then links to and the form marks.
CONSTRAINT_FIELDS = {
    "news_article_image_has_alt_text": "image_alt",
    "news_article_expires_after_publication": "expires_at",
}

PUBLICATION_TIMES = ("pub_date", "expires_at")

# Django's admin cannot show an error raised while saving: the form is shown again by a second
# pass of its view, during which this holds the reason (see ArticleAdmin.changeform_view).
_storage_error = contextvars.ContextVar("news_storage_error", default=None)


@contextlib.contextmanager
def refusing_to_save(storage_error):
    """Article forms validated inside refuse to be saved, giving the storage's reason."""
    token = _storage_error.set(storage_error)
    try:
        yield
    finally:
        _storage_error.reset(token)


def refuse_a_lost_photo(image):
    """Django reads a photo's size from its file at every save: a file gone from the storage (a
    database restored without its media) would make every save of the article fail."""
    if image and uploads.already_stored(image) and not image.storage.exists(image.name):
        raise ValidationError(
            _("The photo’s file is missing from the storage: upload it again, or remove it."),
            code="missing_file",
        )
    return image


class TypedTextField(forms.CharField):
    """Text as it is stored (news/rich_text.py), before it is checked: a description typed as
    nothing but invisible characters is missing, not saved as nothing."""

    def to_python(self, value):
        return rich_text.typed(super().to_python(value))


class OneLineField(forms.CharField):
    """A text typed on one line (a title, a caption): a forged line break is a space."""

    def to_python(self, value):
        return rich_text.one_line(super().to_python(value))


class GalleryPhotoForm(forms.ModelForm):
    class Meta:
        model = ArticlePhoto
        fields = ["image", "alt", "caption", "credit", "position"]
        field_classes = dict.fromkeys(["alt", "caption", "credit"], OneLineField)

    def clean_image(self):
        return refuse_a_lost_photo(self.cleaned_data.get("image"))


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file", "position"]
        field_classes = {"title": OneLineField}


class ChangeNoteForm(forms.Form):
    """What a save of a live article tells its readers: what changed, or nothing for a minor edit.

    The article's form has these fields; its documents' formset reads them from the same
    submission."""

    change_note = forms.CharField(
        label=_("change note"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required for a significant change to a live article: tell readers what changed. "
            "It is shown on the article as “Updated …”."
        ),
    )
    minor_edit = forms.BooleanField(
        label=_("minor edit"),
        required=False,
        help_text=_("A typo or formatting fix: readers are not told and the feeds' date stays."),
    )

    def lacks_change_note(self):
        """Neither a note for readers nor marked minor: a significant change left untold."""
        return not (self.cleaned_data.get("change_note") or self.cleaned_data.get("minor_edit"))


class ArticleAdminForm(ChangeNoteForm, forms.ModelForm):
    # The version the editor started from (the model's own field is not editable).
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The step the form's buttons send (news/workflow.py); none: the first the article offers.
    action = forms.CharField(required=False)  # checked against the article's steps (_post_clean)
    # Who is editing, set by the admin for each request (ArticleAdmin.get_form).
    user = None

    class Meta:
        model = Article
        # The admin's fieldsets choose the fields (and which of them each role may edit).
        fields = "__all__"  # noqa: DJ007
        widgets = {"body": BodyEditorWidget, "image": ThumbnailImageWidget}
        field_classes = {"lead": TypedTextField} | dict.fromkeys(
            ["title", "author", "image_alt", "image_caption", "image_credit"], OneLineField
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on_version"].initial = self.instance.version
        # Read now: the form's values are applied to the instance during validation.
        self.was_live = self.instance.state == State.LIVE
        self.actions = workflow.actions(self.user, self.instance)

    def clean_image(self):
        return refuse_a_lost_photo(self.cleaned_data.get("image"))

    def clean(self):
        cleaned_data = super().clean()
        if storage_error := _storage_error.get():
            raise ValidationError(
                _(
                    "The uploaded files could not be stored (%(reason)s), so nothing was saved. "
                    "Try again later, or tell the site administrator."
                ),
                params={"reason": storage_error.strerror or storage_error},
                code="storage",
            )
        self._refuse_stale_version(cleaned_data.get("based_on_version"))
        if cleaned_data.get("minor_edit") and cleaned_data.get("change_note"):
            self.add_error("change_note", _("A minor edit has no change note: remove one of them."))
        elif self.was_live and self._changes_what_readers_see() and self.lacks_change_note():
            self.add_error(
                "change_note",
                _(
                    "This article is live: describe the change for readers, "
                    "or mark it as a minor edit."
                ),
            )
        return cleaned_data

    def _update_errors(self, errors):
        super()._update_errors(self._said_of_fields(errors))

    def _said_of_fields(self, error):
        """`error` with each constraint's message moved from the form to its field."""
        fields = {
            str(constraint.get_violation_error_message()): CONSTRAINT_FIELDS[constraint.name]
            for constraint in Article._meta.constraints
            if CONSTRAINT_FIELDS.get(constraint.name) in self.fields
        }
        said = {}
        for field, errors in error.update_error_dict({}).items():
            for each in errors:
                [message] = each
                key = fields.get(message, field) if field == NON_FIELD_ERRORS else field
                said.setdefault(key, []).append(each)
        return ValidationError(said)

    def chosen_action(self):
        return self.cleaned_data.get("action") or next(iter(self.actions), None)

    def _post_clean(self):
        """The chosen step, applied to the article with the form's values: what it refuses is
        an error of the form, so that nothing is saved."""
        super()._post_clean()
        action = self.chosen_action()
        if action not in self.actions:
            self.add_error(
                None,
                ValidationError(
                    _("This step is not open to you for this article now: reload the page."),
                    code="action",
                ),
            )
            return
        if any(self.has_error(name) for name in PUBLICATION_TIMES):
            # Refused already; the step's checks would compare the time refused (year 1, say) in
            # UTC, and overflow.
            return
        try:
            workflow.apply(action, self.instance)
        except ValidationError as error:
            for field, messages in self._said_of_fields(error).error_dict.items():
                field = field if field in self.fields else None
                # The form's own validation may have said it already (an expiry gone by).
                said = self.errors.get(field or NON_FIELD_ERRORS, [])
                new = [message for message in ValidationError(messages) if message not in said]
                if new:
                    self.add_error(field, new)

    def _refuse_stale_version(self, version):
        if self.instance._state.adding:
            return
        # Locked until the admin's transaction ends, so two saves cannot both pass this check.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if version != current:
            raise ValidationError(
                _(
                    "Someone else saved this article while you were editing it, so your changes "
                    "were not saved. They are still in the form below: copy them, open the article "
                    "again to see the other changes, and apply yours to it."
                ),
                code="edit_conflict",
            )

    def _changes_what_readers_see(self):
        # A restored revision differs from the article as it is, though not from its own form.
        changed = {*self.changed_data, *getattr(self.instance, "restored_changes", ())}
        return any(field in changed for field in READER_FIELDS)

    def public_change_note(self):
        """The note to publish with this save, if it changes a live article."""
        return self.cleaned_data.get("change_note") if self.was_live else ""


class AttachmentFormSet(forms.BaseInlineFormSet):
    """A live article's documents are part of what readers were told: adding, replacing or
    removing one needs a change note (or a minor edit), as a change to its text does."""

    untold_change = _(
        "This article is live: describe the change to its documents in the change note, "
        "or mark it as a minor edit."
    )

    def clean(self):
        super().clean()
        if not self.has_changed() or not self._article_is_live():
            return
        # The note is the article form's, sent with these documents.
        note = ChangeNoteForm(self.data)
        if note.is_valid() and note.lacks_change_note():
            raise ValidationError(self.untold_change, code="change_note")

    def _article_is_live(self):
        # As stored: the article's form has applied its own values to the instance by now.
        return Article.objects.in_state(State.LIVE).filter(pk=self.instance.pk).exists()
