from .agency import (
    ONE_OF_EACH_KIND,
    ONE_OF_EACH_MESSAGE,
    Agency,
    ContactPoint,
    Phone,
    validate_emblem,
)
from .hours import IntervalModel, SpecialDay, SpecialDayHours, WeeklyHours
from .reception import (
    APPEALS_PORTAL,
    APPEALS_PORTAL_NAME,
    AppealsPage,
    DirectLine,
    Official,
    ReceptionSession,
)

__all__ = [
    "APPEALS_PORTAL",
    "APPEALS_PORTAL_NAME",
    "ONE_OF_EACH_KIND",
    "ONE_OF_EACH_MESSAGE",
    "Agency",
    "AppealsPage",
    "ContactPoint",
    "DirectLine",
    "IntervalModel",
    "Official",
    "Phone",
    "ReceptionSession",
    "SpecialDay",
    "SpecialDayHours",
    "WeeklyHours",
    "validate_emblem",
]
