"""The admin of the reception of citizens: officials with their sessions, direct lines, the
appeals page; imported (and so registered) by admin.py. Every refusal is a form error; the rules
themselves are the schedule's (contacts/schedule.py)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from solo.admin import SingletonModelAdmin

from core.csp import allow_import_map

from .admin_mixins import KeptFormSet, MissingTranslationsColumn
from .models import AppealsPage, DirectLine, Official, ReceptionSession
from .models.reception import WEEK_FIELDS
from .reception import whole_agency_calendar
from .schedule import Interval, Recurring, Session, find_session_clash


class IfHoliday:
    REFUSE = "refuse"
    MOVE = "move"
    CHOICES = [(REFUSE, _("refuse it")), (MOVE, _("move it to the next working day"))]


class ReceptionSessionForm(forms.ModelForm):
    if_holiday = forms.ChoiceField(
        label=_("if the date is a holiday"),
        choices=IfHoliday.CHOICES,
        initial=IfHoliday.REFUSE,
        help_text=_("A session is not held on a public holiday or a transferred day off."),
    )

    def __init__(self, *args, calendar=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.calendar = calendar

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if day is None and cleaned.get("if_holiday") == IfHoliday.MOVE:
            # A rule skips the days off by itself: "move" would be a promise not kept.
            self.add_error(
                "if_holiday",
                _("Only a dated session is moved; a rule's sessions on days off are not held."),
            )
        if day is None or "date" not in self.changed_data or not self.calendar.is_day_off(day):
            return cleaned
        params = {"date": formats.date_format(day)}
        if cleaned.get("if_holiday") != IfHoliday.MOVE:
            self.add_error(
                "date",
                ValidationError(
                    _(
                        "%(date)s is a day off: choose another date, or choose to move the "
                        "session to the next working day."
                    ),
                    params=params,
                    code="holiday",
                ),
            )
        elif (working_day := self.calendar.next_working_day(day)) is None:
            self.add_error(
                "date",
                ValidationError(
                    _("No working day follows %(date)s soon: choose another date."),
                    params=params,
                    code="holiday",
                ),
            )
        else:
            cleaned["date"] = working_day
        return cleaned


def weeks_of(data):
    return frozenset(week for name, week in WEEK_FIELDS.items() if data.get(name))


class ReceptionSessionFormSet(KeptFormSet):
    """An official's sessions, checked together: no two may overlap."""

    @cached_property
    def calendar(self):
        return whole_agency_calendar()

    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | {"calendar": self.calendar}

    def clean(self):
        super().clean()
        recurring, dated = [], []
        for form in self.kept_forms():
            data = form.cleaned_data
            interval = Interval(data["starts"], data["ends"])
            if data.get("date"):
                dated.append(Session(data["date"], interval))
            elif data.get("weekday") is not None:
                recurring.append(Recurring(data["weekday"], weeks_of(data), interval))
        if clash := find_session_clash(recurring, dated, timezone.localdate()):
            day, first, second = clash
            raise ValidationError(
                _("Two sessions overlap on %(date)s: %(first)s and %(second)s."),
                params={"date": formats.date_format(day), "first": first, "second": second},
                code="overlap",
            )


class ReceptionSessionInline(TranslationStackedInline):
    model = ReceptionSession
    form = ReceptionSessionForm
    formset = ReceptionSessionFormSet
    fields = [
        ("date", "if_holiday"),
        "weekday",
        tuple(WEEK_FIELDS),
        ("starts", "ends"),
        "place",
    ]
    extra = 0


@admin.register(Official)
class OfficialAdmin(MissingTranslationsColumn, TranslationAdmin):
    list_display = ["name", "position", "order", "missing"]
    list_editable = ["order"]
    fieldsets = [
        (None, {"fields": ["name", "position", "order", "place"]}),
        (_("Pre-registration"), {"fields": ["phone", "phone_hours"]}),
    ]
    inlines = [ReceptionSessionInline]


@admin.register(DirectLine)
class DirectLineAdmin(MissingTranslationsColumn, TranslationAdmin):
    list_display = ["date", "starts", "ends", "who", "phone", "missing"]
    list_select_related = ["official"]
    date_hierarchy = "date"
    fields = ["official", "person", "date", "starts", "ends", "phone", "topic"]


@admin.register(AppealsPage)
class AppealsPageAdmin(SingletonModelAdmin, TranslationAdmin):
    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        return allow_import_map(response, context.get("media", ""))
