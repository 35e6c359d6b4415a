"""Pieces the contacts' admin modules share."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .translation import missing_translations


class KeptFormSet(BaseInlineFormSet):
    def kept_forms(self):
        """The rows as they will be once saved: not the deleted ones, nor the blank extra ones."""
        return [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and not form.errors
        ]


class MissingTranslationsColumn:
    """A list column: the required texts a record has not yet in Russian or Belarusian."""

    @admin.display(description=_("missing translations"))
    def missing(self, obj):
        return ", ".join(missing_translations(obj))
