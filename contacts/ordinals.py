"""The words of a monthly reception rule ("first and third Tuesday"), which agree with the
weekday in Russian and Belarusian (первая среда, первый четверг; нядзеля is feminine in
Belarusian and воскресенье neuter in Russian): one entry per weekday, each written out so that
makemessages finds it."""

from django.utils.translation import pgettext_lazy

from .schedule import LAST_WEEK

# (weekday, week of the month) -> the ordinal; weekday 0 is Monday.
ORDINALS = {
    (0, 1): pgettext_lazy("before MONDAY", "first"),
    (0, 2): pgettext_lazy("before MONDAY", "second"),
    (0, 3): pgettext_lazy("before MONDAY", "third"),
    (0, 4): pgettext_lazy("before MONDAY", "fourth"),
    (0, LAST_WEEK): pgettext_lazy("before MONDAY", "last"),
    (1, 1): pgettext_lazy("before TUESDAY", "first"),
    (1, 2): pgettext_lazy("before TUESDAY", "second"),
    (1, 3): pgettext_lazy("before TUESDAY", "third"),
    (1, 4): pgettext_lazy("before TUESDAY", "fourth"),
    (1, LAST_WEEK): pgettext_lazy("before TUESDAY", "last"),
    (2, 1): pgettext_lazy("before WEDNESDAY", "first"),
    (2, 2): pgettext_lazy("before WEDNESDAY", "second"),
    (2, 3): pgettext_lazy("before WEDNESDAY", "third"),
    (2, 4): pgettext_lazy("before WEDNESDAY", "fourth"),
    (2, LAST_WEEK): pgettext_lazy("before WEDNESDAY", "last"),
    (3, 1): pgettext_lazy("before THURSDAY", "first"),
    (3, 2): pgettext_lazy("before THURSDAY", "second"),
    (3, 3): pgettext_lazy("before THURSDAY", "third"),
    (3, 4): pgettext_lazy("before THURSDAY", "fourth"),
    (3, LAST_WEEK): pgettext_lazy("before THURSDAY", "last"),
    (4, 1): pgettext_lazy("before FRIDAY", "first"),
    (4, 2): pgettext_lazy("before FRIDAY", "second"),
    (4, 3): pgettext_lazy("before FRIDAY", "third"),
    (4, 4): pgettext_lazy("before FRIDAY", "fourth"),
    (4, LAST_WEEK): pgettext_lazy("before FRIDAY", "last"),
    (5, 1): pgettext_lazy("before SATURDAY", "first"),
    (5, 2): pgettext_lazy("before SATURDAY", "second"),
    (5, 3): pgettext_lazy("before SATURDAY", "third"),
    (5, 4): pgettext_lazy("before SATURDAY", "fourth"),
    (5, LAST_WEEK): pgettext_lazy("before SATURDAY", "last"),
    (6, 1): pgettext_lazy("before SUNDAY", "first"),
    (6, 2): pgettext_lazy("before SUNDAY", "second"),
    (6, 3): pgettext_lazy("before SUNDAY", "third"),
    (6, 4): pgettext_lazy("before SUNDAY", "fourth"),
    (6, LAST_WEEK): pgettext_lazy("before SUNDAY", "last"),
}
# weekday -> "every", as in "every Tuesday".
EVERY = {
    0: pgettext_lazy("before MONDAY", "every"),
    1: pgettext_lazy("before TUESDAY", "every"),
    2: pgettext_lazy("before WEDNESDAY", "every"),
    3: pgettext_lazy("before THURSDAY", "every"),
    4: pgettext_lazy("before FRIDAY", "every"),
    5: pgettext_lazy("before SATURDAY", "every"),
    6: pgettext_lazy("before SUNDAY", "every"),
}
