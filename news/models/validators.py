import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

# Outside these a date is a slip of the keyboard, and year 1 in Minsk time is before year 1 in UTC,
# which PostgreSQL then cannot show (every admin list of articles failed).
PLAUSIBLE_TIMES = [
    MinValueValidator(
        datetime.datetime(1990, 1, 1, tzinfo=datetime.UTC),
        message=_("Choose a date from 1990 on."),
    ),
    MaxValueValidator(
        datetime.datetime(2999, 12, 31, tzinfo=datetime.UTC),
        message=_("Choose a date before the year 3000."),
    ),
]
