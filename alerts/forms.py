from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from news.models import Topic


class TopicsField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        # An id past 64 bits is no topic: SQLite raises OverflowError for it, not "not found".
        for pk in value:
            if not str(pk).isdigit() or int(pk) >= 2**63:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class ChoicesForm(forms.Form):
    """What a subscriber gets: all the news or some topics, and whether updates too."""

    all_news = forms.TypedChoiceField(
        label=_("What to send"),
        choices=[(True, _("All the news")), (False, _("Only the topics I choose"))],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        initial=True,
    )
    topics = TopicsField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    updates = forms.BooleanField(
        label=_("Also tell me when a release I was sent is significantly corrected"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("all_news") is False and not data.get("topics"):
            self.add_error("topics", _("Choose at least one topic, or all the news."))
        return data


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    field_order = ["email", "all_news", "topics", "updates"]
