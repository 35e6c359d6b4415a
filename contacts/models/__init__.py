from .agency import (
    ONE_OF_EACH_KIND,
    ONE_OF_EACH_MESSAGE,
    Agency,
    ContactPoint,
    Phone,
    validate_emblem,
)
from .hours import IntervalModel, SpecialDay, SpecialDayHours, WeeklyHours

__all__ = [
    "ONE_OF_EACH_KIND",
    "ONE_OF_EACH_MESSAGE",
    "Agency",
    "ContactPoint",
    "IntervalModel",
    "Phone",
    "SpecialDay",
    "SpecialDayHours",
    "WeeklyHours",
    "validate_emblem",
]
