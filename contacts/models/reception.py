"""Reception of citizens: the officials who receive them, when, where and how to book, the direct
phone lines, and the appeals procedure (Resolution No. 645 of the Council of Ministers)."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from phonenumber_field.modelfields import PhoneNumberField
from solo.models import SingletonModel

from ..ordinals import EVERY, ORDINALS
from ..rich_text import EXTENSIONS, sanitize
from ..schedule import LAST_WEEK, Interval, Recurring, Session
from .hours import WeeklyHours

# The national portal through which electronic appeals are made since 2023 (Law No. 300-З, as
# amended): the site has no appeal form of its own.
APPEALS_PORTAL = "https://обращения.бел/"
APPEALS_PORTAL_NAME = "обращения.бел"

OPENS_BEFORE_CLOSES = _("The session must start before it ends.")
# A slip of the keyboard (year 1, year 9999) is a form error, not a date no one will reach.
PLAUSIBLE_DATES = [
    MinValueValidator(datetime.date(2000, 1, 1)),
    MaxValueValidator(datetime.date(2999, 12, 31)),
]
# The weeks of the month a rule may name, as model fields and as LAST_WEEK-style numbers.
WEEK_FIELDS = {"week_1": 1, "week_2": 2, "week_3": 3, "week_4": 4, "week_last": LAST_WEEK}
NO_WEEKS = models.Q(**dict.fromkeys(WEEK_FIELDS, False))
# Ordinals agree with the weekday in Russian and Belarusian: translated in its context.


def starts_before_ends(name):
    return models.CheckConstraint(
        condition=models.Q(starts__lt=models.F("ends")),
        name=name,
        violation_error_message=OPENS_BEFORE_CLOSES,
    )


class Official(models.Model):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("In full, e.g. Ivan Ivanovich Ivanov.")
    )
    position = models.CharField(
        _("position"), max_length=300, help_text=_("E.g. Chairman of the State Committee.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    phone = PhoneNumberField(
        _("pre-registration phone"),
        blank=True,
        help_text=_("Where citizens book a place. Empty: the reception's phone."),
    )
    phone_hours = models.CharField(
        _("pre-registration hours"),
        max_length=200,
        blank=True,
        help_text=_("When that phone takes bookings, e.g. on weekdays 8.00–17.00."),
    )
    place = models.CharField(
        _("place of reception"),
        max_length=300,
        blank=True,
        help_text=_("E.g. room 305. Empty: the agency's address."),
    )

    class Meta:
        verbose_name = _("official receiving citizens")
        verbose_name_plural = _("officials receiving citizens")
        ordering = ["order", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('contacts:reception')}#official-{self.pk}"

    def rules_and_sessions(self):
        """(recurring rules, dated sessions) for the schedule (contacts/schedule.py)."""
        recurring, dated = [], []
        for row in self.sessions.all():
            if row.date is None:
                recurring.append(Recurring(row.weekday, row.weeks, row.interval, row))
            else:
                dated.append(Session(row.date, row.interval, row))
        return recurring, dated


class ReceptionSession(models.Model):
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("official")
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        validators=PLAUSIBLE_DATES,
        help_text=_("For a single session; or a rule below."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("every month on"), choices=WeeklyHours.Weekday, null=True, blank=True
    )
    week_1 = models.BooleanField(_("1st"), default=False)
    week_2 = models.BooleanField(_("2nd"), default=False)
    week_3 = models.BooleanField(_("3rd"), default=False)
    week_4 = models.BooleanField(_("4th"), default=False)
    week_last = models.BooleanField(_("last"), default=False)
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Empty: the official's usual place.")
    )

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions (a rule or a date)")
        # The rules first, then the dated sessions, on every database.
        ordering = [models.F("date").asc(nulls_first=True), "weekday", "starts"]
        constraints = [
            starts_before_ends("contacts_receptionsession_starts_before_ends"),
            models.CheckConstraint(
                condition=models.Q(date__isnull=False, weekday__isnull=True) & NO_WEEKS
                | models.Q(date__isnull=True, weekday__isnull=False) & ~NO_WEEKS,
                name="contacts_receptionsession_date_or_rule",
                violation_error_message=_(
                    "Give either a date, or a weekday with the weeks of the month, not both."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.when_in_words()}, {self.interval}"

    @property
    def interval(self):
        return Interval(self.starts, self.ends)

    @property
    def weeks(self):
        return frozenset(week for name, week in WEEK_FIELDS.items() if getattr(self, name))

    def when_in_words(self):
        """ "first and third Tuesday of the month", "every Tuesday" or the date."""
        if self.date is not None:
            return str(self.date)
        weekday = WEEKDAYS[self.weekday]
        if len(self.weeks) == len(WEEK_FIELDS):
            return gettext("%(every)s %(weekday)s") % {
                "every": EVERY[self.weekday],
                "weekday": weekday,
            }
        ordinals = [str(ORDINALS[self.weekday, week]) for week in sorted(self.weeks)]
        return gettext("%(ordinals)s %(weekday)s of the month") % {
            "ordinals": get_text_list(ordinals, gettext("and")),
            "weekday": weekday,
        }


class DirectLine(models.Model):
    """A "direct line": an official answers citizens' calls at a set time."""

    official = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_lines",
        verbose_name=_("official"),
    )
    person = models.CharField(
        _("or another person"),
        max_length=300,
        blank=True,
        help_text=_("Name and position, when the official is not in the list."),
    )
    date = models.DateField(_("date"), validators=PLAUSIBLE_DATES)
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))
    phone = PhoneNumberField(_("phone number"))
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("direct phone line")
        verbose_name_plural = _("direct phone lines")
        ordering = ["date", "starts"]
        constraints = [
            starts_before_ends("contacts_directline_starts_before_ends"),
            models.CheckConstraint(
                condition=models.Q(official__isnull=False)
                | models.Q(GreaterThan(Length(Trim("person_ru")), 0), person_ru__isnull=False),
                name="contacts_directline_has_someone",
                violation_error_message=_("Choose the official, or name who answers the calls."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.interval}, {self.who}"

    def get_absolute_url(self):
        return f"{reverse('contacts:reception')}#direct-lines"

    @property
    def interval(self):
        return Interval(self.starts, self.ends)

    @property
    def who(self):
        if self.official_id:
            return f"{self.official.name}, {self.official.position}"
        return self.person


class AppealsPage(SingletonModel):
    body = ProseEditorField(
        _("text"),
        extensions=EXTENSIONS,
        sanitize=sanitize,
        blank=True,
        help_text=_(
            "How appeals are made and handled. The page adds the hotline, the address for "
            "written appeals and the link to the national e-appeals portal itself."
        ),
    )

    class Meta:
        verbose_name = _("appeals procedure")
        verbose_name_plural = _("appeals procedure")

    def __str__(self):
        return str(_("Appeals procedure"))

    def save(self, *args, **kwargs):
        # Shown as HTML: sanitised on every save, whichever way it came (the admin, the demo).
        for name in (field.name for field in self._meta.fields if field.name.startswith("body")):
            setattr(self, name, sanitize(getattr(self, name)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contacts:appeals")
