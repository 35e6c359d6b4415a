"""Where an article stands, in the admin's words: its state as the list and its filter name it,
and for a scheduled one the time it goes live, in Minsk time as the admin's language writes it."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..models.states import State, state_of

SCHEDULED_FOR = _("Scheduled for %(time)s")


def in_words(moment):
    """ "Saturday, 28 November 2026, 9.00" (Minsk time), in the active language's formats."""
    local = timezone.localtime(moment)
    return _("%(date)s, %(time)s") % {
        "date": formats.date_format(local),
        "time": formats.time_format(local),
    }


def state_in_words(article, now=None):
    """The article's state at `now` (by default the present): a revision's at its save."""
    state = article.state if now is None else state_of(article, now)
    if state == State.SCHEDULED:
        return SCHEDULED_FOR % {"time": in_words(article.pub_date)}
    return state.label
