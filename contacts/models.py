from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from solo.models import SingletonModel

from .schedule import Interval, Schedule, find_overlap

# The header shows the reception and the hotline: an agency has one of each at most.
ONE_OF_EACH_KIND = ["reception", "hotline"]
ONE_OF_EACH_MESSAGE = _("The agency has only one reception and one hotline.")


class Agency(SingletonModel):
    # The defaults are what a site not yet filled in (a fresh database) shows as the agency.
    name = models.CharField(
        _("name"),
        max_length=200,
        default="State Committee for Science and Technology of the Republic of Belarus",
        help_text=_("The full official name: on the home page, in the footer and the contacts."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        default="State Committee for Science and Technology",
        help_text=_(
            "In the header, the titles of the pages, the news feeds and the authenticator app "
            "with which staff sign in."
        ),
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("A Belarusian postcode has six digits."))],
    )
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(
        _("street address"), max_length=200, help_text=_("For example: Svobody square, 2")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional: with the longitude, places the map link exactly."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agency")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="contacts_agency_coordinates_together",
                violation_error_message=_("Give both the latitude and the longitude, or neither."),
            ),
            # On the Russian texts, which every record has (translation.py adds the columns).
            models.CheckConstraint(
                condition=models.Q(
                    GreaterThan(Length(Trim("name_ru")), 0),
                    GreaterThan(Length(Trim("short_name_ru")), 0),
                    name_ru__isnull=False,
                    short_name_ru__isnull=False,
                ),
                name="contacts_agency_named",
                violation_error_message=_("Give both the full name and the short name."),
            ),
        ]

    def __str__(self):
        return self.name or str(_("Agency"))

    @property
    def address(self):
        return f"{self.postcode}, {self.city}, {self.street}"

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        if self.has_coordinates:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})


class ContactPoint(models.Model):
    class Kind(models.TextChoices):
        RECEPTION = "reception", _("Reception")
        HOTLINE = "hotline", _("Hotline")
        PRESS = "press", _("Press office")
        OTHER = "other", _("Other")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="contact_points", verbose_name=_("agency")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        default=Kind.OTHER,
        help_text=_("The reception and the hotline are shown in the header of every page."),
    )
    label = models.CharField(_("label"), max_length=100, help_text=_("For example: Reception"))
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind"],
                condition=models.Q(kind__in=ONE_OF_EACH_KIND),
                name="contacts_one_reception_and_one_hotline",
                violation_error_message=ONE_OF_EACH_MESSAGE,
            ),
        ]

    def __str__(self):
        return self.label

    def schedule(self):
        """This contact point's hours; the one place that answers "is it open at T"."""
        weekly = {}
        for hours in self.weekly_hours.all():
            weekly.setdefault(hours.weekday, []).append(hours.interval)
        special = {
            day.date: [hours.interval for hours in day.hours.all()]
            for day in self.special_days.all()
        }
        return Schedule(weekly, special)


class Phone(models.Model):
    contact_point = models.ForeignKey(
        ContactPoint,
        on_delete=models.CASCADE,
        related_name="phones",
        verbose_name=_("contact point"),
    )
    number = PhoneNumberField(
        _("number"), help_text=_("With the area code, e.g. +375 17 222-22-22 or 8 017 222-22-22.")
    )
    note = models.CharField(
        _("note"), max_length=100, blank=True, help_text=_("Optional, e.g. fax.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")
        ordering = ["position", "id"]

    def __str__(self):
        return str(self.number)


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

    class Meta:
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact_point", "date"], name="contacts_specialday_unique_date"
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"


class SpecialDayHours(IntervalModel):
    special_day = models.ForeignKey(
        SpecialDay, on_delete=models.CASCADE, related_name="hours", verbose_name=_("special day")
    )

    class Meta(IntervalModel.Meta):
        verbose_name = _("opening hours on that day")
        verbose_name_plural = _("opening hours on that day")

    def siblings(self):
        return SpecialDayHours.objects.filter(special_day_id=self.special_day_id)
