"""A list's actions on what is selected: a forged selection is said, not a server error."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOTHING_SELECTED = _(
    "Items must be selected in order to perform actions on them. No items have been changed."
)


class ChecksSelectionMixin:
    """Django's admin filters the list by the ids a POST says are selected, unchecked: "abc" or a
    number past 64 bits raised a 500. Each must be an id the database can hold."""

    def response_action(self, request, queryset):
        key = self.model._meta.pk
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                key.run_validators(key.to_python(value))
        except ValidationError:
            self.message_user(request, NOTHING_SELECTED, messages.WARNING)
            return None  # the list again, as Django answers an empty selection
        return super().response_action(request, queryset)
