from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import uploads
from .models import READER_FIELDS, Article, State


class ArticleAdminForm(forms.ModelForm):
    # The version the editor started from (the model's own field is not editable).
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
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

    class Meta:
        model = Article
        # The admin's fieldsets choose the fields (and which of them each role may edit).
        fields = "__all__"  # noqa: DJ007

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on_version"].initial = self.instance.version
        # Read now: the form's values are applied to the instance during validation.
        stored_state = None if self.instance._state.adding else self.instance.state
        self.was_live = stored_state == State.LIVE
        self.was_seen = stored_state in (State.LIVE, State.EXPIRED, State.WITHDRAWN)

    # Set by the admin when storing this form's uploads failed (see ArticleAdmin.changeform_view).
    storage_error = None

    def clean_image(self):
        image = self.cleaned_data.get("image")
        # Django reads a photo's size from its file at every save: a file gone from the storage
        # (a database restored without its media) would make every save of the article fail.
        if image and uploads.already_stored(image) and not image.storage.exists(image.name):
            raise ValidationError(
                _("The photo’s file is missing from the storage: upload it again, or clear it."),
                code="missing_file",
            )
        return image

    def clean_status(self):
        status = self.cleaned_data.get("status")
        # Withdrawing tells readers why a page they saw is gone; a page nobody saw is not
        # announced (its title and the reason would be public at its address).
        if status == Article.Status.WITHDRAWN and not self.was_seen:
            raise ValidationError(
                _("Only an article readers have seen can be withdrawn: return it to draft."),
                code="withdraw_unseen",
            )
        return status

    def clean(self):
        cleaned_data = super().clean()
        if self.storage_error:
            raise ValidationError(
                _(
                    "The uploaded files could not be stored (%(reason)s), so nothing was saved. "
                    "Try again later, or tell the site administrator."
                ),
                params={"reason": self.storage_error.strerror or self.storage_error},
                code="storage",
            )
        self._refuse_stale_version(cleaned_data.get("based_on_version"))
        if cleaned_data.get("minor_edit") and cleaned_data.get("change_note"):
            self.add_error("change_note", _("A minor edit has no change note: remove one of them."))
        elif self.needs_change_note() and not cleaned_data.get("change_note"):
            self.add_error(
                "change_note",
                _(
                    "This article is live: describe the change for readers, "
                    "or mark it as a minor edit."
                ),
            )
        return cleaned_data

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

    def needs_change_note(self, documents_changed=False):
        if not self.was_live or self.cleaned_data.get("minor_edit"):
            return False
        # A restored revision differs from the article as it is, though not from its own form.
        changed = {*self.changed_data, *getattr(self.instance, "restored_changes", ())}
        return documents_changed or any(field in changed for field in READER_FIELDS)

    def lacks_change_note_for_documents(self):
        return self.needs_change_note(documents_changed=True) and not self.cleaned_data.get(
            "change_note"
        )

    def public_change_note(self):
        """The note to publish with this save, if it changes a live article."""
        return self.cleaned_data.get("change_note") if self.was_live else ""


class AttachmentFormSet(forms.BaseInlineFormSet):
    """A live article's documents are part of what readers were told: adding, replacing or
    removing one needs a change note (or a minor edit), as a change to its text does."""

    def __init__(self, *args, article_form=lambda: None, **kwargs):
        super().__init__(*args, **kwargs)
        # Called when this formset is checked: the admin validates the article's form after
        # making its formsets, and offers it only once it is valid.
        self.article_form = article_form

    def clean(self):
        super().clean()
        form = self.article_form()
        if form is not None and self.has_changed() and form.lacks_change_note_for_documents():
            raise ValidationError(
                _(
                    "This article is live: describe the change to its documents in the change "
                    "note, or mark it as a minor edit."
                ),
                code="change_note",
            )
