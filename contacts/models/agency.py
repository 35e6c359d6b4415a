"""The agency, its contact points and their phones."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from phonenumber_field.modelfields import PhoneNumberField
from PIL import Image
from solo.models import SingletonModel

from core import uploads

from ..schedule import Schedule

# The header shows the reception (or the hotline), the footer both: one of each at most.
ONE_OF_EACH_KIND = ["reception", "hotline"]
ONE_OF_EACH_MESSAGE = _("The agency has only one reception and one hotline.")
# An emblem is drawn, not photographed: formats that keep its sharp edges and its transparency.
EMBLEM_FORMATS = {"PNG", "WEBP"}
EMBLEM_MAX_SIDE = 1000


def emblem_type_error(image_format):
    return ValidationError(
        _("The emblem must be a PNG or WebP image; this one is %(format)s."),
        params={"format": image_format},
        code="emblem_type",
    )


def validate_emblem(file):
    """Checked as every uploaded image is (core/uploads.py), then held to the emblem's formats."""
    try:
        uploads.validate_image(file)
    except ValidationError as error:
        if error.code == "image_type":  # a format no image may have: named as the emblem's
            raise emblem_type_error(error.params["format"]) from error
        raise
    if uploads.already_stored(file):
        return
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
    finally:
        file.seek(0)
    if image_format not in EMBLEM_FORMATS:
        raise emblem_type_error(image_format)
    # Shown at its size beside the name on every page: neither a poster nor a bar.
    if max(width, height) > EMBLEM_MAX_SIDE:
        raise ValidationError(
            _("Upload an emblem of at most %(side)d × %(side)d pixels."),
            params={"side": EMBLEM_MAX_SIDE},
            code="emblem_size",
        )
    if max(width, height) > 4 * min(width, height):
        raise ValidationError(
            _(
                "Upload an emblem at most four times as long as it is wide; this one is "
                "%(width)d × %(height)d pixels."
            ),
            params={"width": width, "height": height},
            code="emblem_shape",
        )


@cleanup.select  # a replaced or removed emblem's file is deleted with it
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
    emblem = models.ImageField(
        _("emblem"),
        upload_to=uploads.UploadFolder("contacts/emblem"),
        max_length=255,
        blank=True,
        width_field="emblem_width",
        height_field="emblem_height",
        validators=[validate_emblem],
        help_text=_(
            "Optional. A PNG or WebP image, shown in the header beside the agency's name; "
            "a square one about 200 pixels wide is best."
        ),
    )
    emblem_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    emblem_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

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

    def save(self, *args, **kwargs):
        # As an article's photo: a new emblem is published without its metadata, under the
        # extension of what it is, and the row and the file are kept together or not at all.
        with uploads.all_or_nothing(), transaction.atomic():
            if self.emblem and not uploads.already_stored(self.emblem):
                self.emblem = uploads.published_image(self.emblem)
            with uploads.recording(self.emblem):
                super().save(*args, **kwargs)

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
        transfers = {day.date: day.works_for for day in self.special_days.all() if day.works_for}
        return Schedule(weekly, special, transfers=transfers)


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
