from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import slugify
from django.views.generic import TemplateView

from pagecache.generation import SERVER_MAX_AGE, seconds_until

from .directory import get_directory
from .schedule import Schedule, Status
from .structured_data import organization
from .vcard import contact_point_vcard


@dataclass
class ContactPointView:
    point: object
    schedule: Schedule
    status: Status

    def weekly_table(self):
        return [(WEEKDAYS[day], self.schedule.weekly.get(day, [])) for day in range(7)]

    def upcoming_special_days(self):
        today = self.status.now.date()
        return [special for special in self.point.special_days.all() if special.date >= today]


def seconds_until_status_changes(request):
    """The contacts page shows "Open now": it may be kept until the first status changes."""
    now = timezone.now()
    changes = [
        status.changes_at
        for point in get_directory(request).contact_points
        if (status := point.schedule().status_at(now)).changes_at
    ]
    if not changes:
        return SERVER_MAX_AGE
    return seconds_until(min(changes))


class ContactsView(TemplateView):
    template_name = "contacts/contacts.html"

    def get_context_data(self, **kwargs):
        directory = get_directory(self.request)
        now = timezone.now()
        points = []
        for point in directory.contact_points:
            schedule = point.schedule()
            points.append(ContactPointView(point, schedule, schedule.status_at(now)))
        return super().get_context_data(
            points=points, structured_data=organization(directory, self.request), **kwargs
        )


def vcard(request, pk):
    directory = get_directory(request)
    point = next((p for p in directory.contact_points if p.pk == pk), None)
    if point is None:
        raise Http404
    url = request.build_absolute_uri("/")
    response = HttpResponse(
        contact_point_vcard(directory.agency, point, url), content_type="text/vcard; charset=utf-8"
    )
    filename = slugify(point.label) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
