from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from solo.admin import SingletonModelAdmin

from . import reception_admin  # noqa: F401 (registers the reception's models)
from .admin_mixins import KeptFormSet, MissingTranslationsColumn
from .models import (
    ONE_OF_EACH_KIND,
    ONE_OF_EACH_MESSAGE,
    Agency,
    ContactPoint,
    Phone,
    SpecialDay,
    SpecialDayHours,
    WeeklyHours,
)
from .schedule import Interval, find_overlap
from .translation import basic_information_gaps, missing_translations_message


class IntervalFormSet(KeptFormSet):
    """Refuses overlapping intervals entered together on one day (the model checks saved ones)."""

    day_field = None

    def clean(self):
        super().clean()
        by_day = {}
        for form in self.kept_forms():
            day = form.cleaned_data.get(self.day_field) if self.day_field else None
            by_day.setdefault(day, []).append(
                Interval(form.cleaned_data["opens"], form.cleaned_data["closes"])
            )
        for intervals in by_day.values():
            if clash := find_overlap(intervals):
                raise ValidationError(
                    _("The hours %(first)s and %(second)s overlap on the same day."),
                    params={"first": clash[0], "second": clash[1]},
                )


class WeeklyHoursFormSet(IntervalFormSet):
    day_field = "weekday"


class SpecialDayHoursFormSet(IntervalFormSet):
    def clean(self):
        super().clean()
        has_hours = bool(self.kept_forms())
        if self.instance.kind == SpecialDay.Kind.HOLIDAY and has_hours:
            raise ValidationError(_("A public holiday is closed: remove its opening hours."))
        if self.instance.kind != SpecialDay.Kind.HOLIDAY and not has_hours:
            raise ValidationError(
                _("Give the opening hours of that day, or choose “Public holiday (closed)”.")
            )


class ContactPointFormSet(KeptFormSet):
    """The agency's contact points, edited together. The database's constraint can check only the
    rows already saved (their form leaves the agency out), so the rows are checked here as they
    will be; and saved so that a swap of the reception and the hotline passes."""

    def clean(self):
        super().clean()
        kinds = [form.cleaned_data.get("kind") for form in self.kept_forms()]
        if any(kinds.count(kind) > 1 for kind in ONE_OF_EACH_KIND):
            raise ValidationError(ONE_OF_EACH_MESSAGE, code="unique")

    def save_existing_objects(self, commit=True):
        if commit:
            # Written a row at a time, a swap (or a kind taken over from a row deleted after it)
            # would hold two of a kind in between: the rows that give up their kind give it up
            # first, in the admin's transaction. A partial unique index cannot be deferred.
            leaving = [
                form.instance.pk
                for form in self.initial_forms
                if "kind" in form.changed_data or self._should_delete_form(form)
            ]
            ContactPoint.objects.filter(pk__in=leaving).update(kind=ContactPoint.Kind.OTHER)
        return super().save_existing_objects(commit)


# The plain (not tabbed) translation admin: its tabs load jQuery UI from another site, which the
# Content-Security-Policy refuses. Each translated field shows once per language, "name [ru]".
class ContactPointInline(TranslationTabularInline):
    model = ContactPoint
    formset = ContactPointFormSet
    fields = ["kind", "label", "email", "position"]
    extra = 0
    show_change_link = True


EMBLEM_NOT_AN_IMAGE = _(
    "The emblem must be a PNG or WebP image, and this file is neither (an SVG drawing is not: "
    "export it as PNG)."
)


@admin.register(Agency)
class AgencyAdmin(SingletonModelAdmin, TranslationAdmin):
    inlines = [ContactPointInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "email"]}),
        (_("Emblem"), {"fields": ["emblem", "emblem_preview"]}),
        (_("Postal address"), {"fields": ["postcode", "city", "street"]}),
        (_("Map"), {"fields": ["latitude", "longitude"]}),
    ]

    readonly_fields = ["emblem_preview"]

    @admin.display(description=_("emblem as shown"))
    def emblem_preview(self, obj):
        if not obj.emblem:
            return _("No emblem: the header shows the name alone.")
        # About the header's size: what readers will see, not a file name.
        return format_html('<img src="{}" alt="" height="64">', obj.emblem.url)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("name", "short_name"):
            # The admin's wide input: the full name is read at a glance, not scrolled through.
            # translation.py's fields copy this widget from the original field.
            field.widget.attrs["class"] = "vLargeTextField"
        elif db_field.name == "emblem":
            # The file chooser offers what the model accepts (validate_emblem still checks).
            field.widget.attrs["accept"] = "image/png,image/webp"
            # Said before validate_emblem reads it, of a file Pillow cannot open: most often the
            # SVG an emblem is drawn in.
            field.error_messages["invalid_image"] = EMBLEM_NOT_AN_IMAGE
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if request.method == "GET" and obj and (gaps := basic_information_gaps(obj)):
            messages.warning(request, missing_translations_message(gaps))
        return super().render_change_form(request, context, add, change, form_url, obj)


class PhoneInline(TranslationTabularInline):
    model = Phone
    extra = 0


class WeeklyHoursInline(admin.TabularInline):
    model = WeeklyHours
    formset = WeeklyHoursFormSet
    extra = 0


class SpecialDayInline(TranslationTabularInline):
    model = SpecialDay
    fields = ["date", "kind", "name", "works_for"]
    extra = 0
    show_change_link = True
    verbose_name_plural = _("special days (open one to set its hours)")


@admin.register(ContactPoint)
class ContactPointAdmin(MissingTranslationsColumn, TranslationAdmin):
    list_display = ["label", "kind", "email", "position", "missing"]
    list_editable = ["position"]
    fields = ["agency", "kind", "label", "email", "position"]
    inlines = [PhoneInline, WeeklyHoursInline, SpecialDayInline]

    def get_changeform_initial_data(self, request):
        return {"agency": Agency.get_solo()} | super().get_changeform_initial_data(request)


class SpecialDayHoursInline(admin.TabularInline):
    model = SpecialDayHours
    formset = SpecialDayHoursFormSet
    extra = 0


@admin.register(SpecialDay)
class SpecialDayAdmin(MissingTranslationsColumn, TranslationAdmin):
    list_display = ["date", "kind", "name", "contact_point", "hours_summary", "missing"]
    list_filter = ["kind", "contact_point"]
    list_select_related = ["contact_point"]
    date_hierarchy = "date"
    inlines = [SpecialDayHoursInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("hours")

    @admin.display(description=_("hours"))
    def hours_summary(self, obj):
        return ", ".join(str(hours) for hours in obj.hours.all()) or _("closed")
