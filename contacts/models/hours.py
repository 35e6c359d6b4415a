"""When a contact point is open: weekly hours and special days."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..schedule import Interval, find_overlap
from .agency import ContactPoint


class IntervalModel(models.Model):
    """A span of opening time within one day."""

    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        abstract = True
        ordering = ["opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")),
                name="%(app_label)s_%(class)s_opens_before_closes",
                violation_error_message=_("The opening time must be before the closing time."),
            ),
        ]

    def __str__(self):
        return str(self.interval)

    @property
    def interval(self):
        return Interval(self.opens, self.closes)

    def siblings(self):
        raise NotImplementedError

    def clean(self):
        if self.opens is None or self.closes is None or self.opens >= self.closes:
            return
        for other in self.siblings().exclude(pk=self.pk):
            if find_overlap([self.interval, other.interval]):
                raise ValidationError(
                    _("These hours overlap %(interval)s on the same day."),
                    params={"interval": other.interval},
                )


class WeeklyHours(IntervalModel):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    contact_point = models.ForeignKey(
        ContactPoint,
        on_delete=models.CASCADE,
        related_name="weekly_hours",
        verbose_name=_("contact point"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday)

    class Meta(IntervalModel.Meta):
        verbose_name = _("weekly opening hours")
        verbose_name_plural = _("weekly opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            *IntervalModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["contact_point", "weekday", "opens"],
                name="contacts_weeklyhours_unique_start",
            ),
        ]

    def siblings(self):
        return WeeklyHours.objects.filter(
            contact_point_id=self.contact_point_id, weekday=self.weekday
        )


class SpecialDay(models.Model):
    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday (closed)")
        SHORTENED = "shortened", _("Shortened pre-holiday day")
        WORKING = "working", _("Transferred working day")
        OTHER = "other", _("Other change of hours")

    contact_point = models.ForeignKey(
        ContactPoint,
        on_delete=models.CASCADE,
        related_name="special_days",
        verbose_name=_("contact point"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For example: Independence Day")
    )
    works_for = models.DateField(
        _("worked for"),
        null=True,
        blank=True,
        help_text=_(
            "For a transferred working day: the day off it is worked for (e.g. Saturday 25 April "
            "for Monday 20 April). That day is closed, and reception sessions due on it are held "
            "on this day."
        ),
    )

    class Meta:
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact_point", "date"], name="contacts_specialday_unique_date"
            ),
            models.UniqueConstraint(
                fields=["contact_point", "works_for"],
                name="contacts_specialday_one_working_day_per_day_off",
                violation_error_message=_("Another working day is already worked for that day."),
            ),
            models.CheckConstraint(
                condition=models.Q(works_for__isnull=True)
                | models.Q(kind="working") & ~models.Q(works_for=models.F("date")),
                name="contacts_specialday_works_for_a_working_day",
                violation_error_message=_(
                    "Only a transferred working day is worked for another day, and not for itself."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    def clean(self):
        # What a resolution transfers is a working weekday, to a day that is otherwise off.
        if self.works_for is not None and self.works_for.weekday() >= 5:
            raise ValidationError(
                {"works_for": _("A weekday (Monday to Friday) is what is worked on another day.")}
            )


class SpecialDayHours(IntervalModel):
    special_day = models.ForeignKey(
        SpecialDay, on_delete=models.CASCADE, related_name="hours", verbose_name=_("special day")
    )

    class Meta(IntervalModel.Meta):
        verbose_name = _("opening hours on that day")
        verbose_name_plural = _("opening hours on that day")

    def siblings(self):
        return SpecialDayHours.objects.filter(special_day_id=self.special_day_id)
