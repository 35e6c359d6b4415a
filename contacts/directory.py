"""The agency's contacts as one cached object: the header of every page reads it without a query.

Any save or delete of a contacts model invalidates the "contacts" scope it is kept in (see
apps.py); the cache is shared by all worker processes, so the next request everywhere reads the
new data.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from pagecache.generation import SERVER_MAX_AGE, get_or_set, invalidate

from .models import Agency, ContactPoint, SpecialDay

CONTACTS = "contacts"


@dataclass
class Directory:
    agency: Agency
    contact_points: list = field(default_factory=list)

    def first_of_kind(self, kind):
        return next((point for point in self.contact_points if point.kind == kind), None)

    @property
    def reception(self):
        return self.first_of_kind(ContactPoint.Kind.RECEPTION)

    @property
    def hotline(self):
        return self.first_of_kind(ContactPoint.Kind.HOTLINE)


def load_directory():
    # Past exceptions no longer matter; yesterday is kept for a copy cached around midnight.
    today = timezone.localdate(timezone=timezone.get_default_timezone())
    since = today - datetime.timedelta(days=1)
    points = ContactPoint.objects.prefetch_related(
        "phones",
        "weekly_hours",
        Prefetch(
            "special_days",
            # A working Saturday before its day off still closes that day (2025: 26 April
            # for 28 April).
            queryset=SpecialDay.objects.filter(
                Q(date__gte=since) | Q(works_for__gte=since)
            ).prefetch_related("hours"),
        ),
    )
    return Directory(agency=agency(), contact_points=list(points))


def load_agency():
    # Not get_solo(): that would write a record during a reader's request. Until an editor saves
    # one, the site shows an unsaved record with the model's defaults.
    return Agency.objects.filter(pk=Agency.singleton_instance_id).first() or Agency()


def get_directory(request=None):
    # An hour at most: a copy that outlived a lost invalidation (a cache restored from its own
    # backup, a worker restarted during a fault) is not served for ever.
    return get_or_set("directory", load_directory, SERVER_MAX_AGE, scope=CONTACTS, request=request)


def agency(request=None):
    """The agency's record: the one source of its name for every app.

    Kept on its own, beside the directory: every page names the agency, and reading this small
    record costs far less than the whole directory. Before an editor saves the record it is an
    unsaved one with the model's defaults (the names of the agency, no address).
    """
    return get_or_set("agency", load_agency, SERVER_MAX_AGE, scope=CONTACTS, request=request)


def invalidate_contacts(**signal_arguments):
    invalidate(CONTACTS)
