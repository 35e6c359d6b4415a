import datetime
import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _


# The years as staff type them, in the site's time zone (Minsk): 1 January 1990, 00.30 there is
# still 1989 in UTC.
def first_plausible_time():
    return datetime.datetime(1990, 1, 1, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def last_plausible_time():
    year_3000 = datetime.datetime(3000, 1, 1, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return year_3000 - datetime.timedelta(microseconds=1)


# Outside these a date is a slip of the keyboard, and year 1 in Minsk time is before year 1 in UTC,
# which PostgreSQL then cannot show (every admin list of articles failed).
PLAUSIBLE_TIMES = [
    MinValueValidator(first_plausible_time, message=_("Choose a date from 1990 on.")),
    MaxValueValidator(last_plausible_time, message=_("Choose a date before the year 3000.")),
]
