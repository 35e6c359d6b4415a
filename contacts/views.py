import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import slugify
from django.views.generic import TemplateView

from pagecache.generation import SERVER_MAX_AGE, seconds_until

from . import reception
from .directory import agency, get_directory
from .models import APPEALS_PORTAL, APPEALS_PORTAL_NAME, AppealsPage
from .schedule import Schedule, Status
from .structured_data import organization, reception_events
from .vcard import contact_point_vcard

# The changes to the usual hours a reader is shown: the next two months' (a year's holidays would
# bury the table; the JSON-LD still lists them all).
CHANGES_SHOWN_AHEAD = datetime.timedelta(days=61)


@dataclass
class ContactPointView:
    point: object
    schedule: Schedule
    status: Status

    @classmethod
    def all_at(cls, directory, moment):
        views = []
        for point in directory.contact_points:
            schedule = point.schedule()
            views.append(cls(point, schedule, schedule.status_at(moment)))
        return views

    def weekly_table(self):
        return [(WEEKDAYS[day], self.schedule.weekly.get(day, [])) for day in range(7)]

    def upcoming_special_days(self):
        by_date = {special.date: special for special in self.point.special_days.all()}
        last = self.status.now.date() + CHANGES_SHOWN_AHEAD
        days = self.schedule.upcoming_special_days(self.status.now)
        return [by_date[day] for day in days if day <= last and self.changes_hours(day)]

    def changes_hours(self, day):
        """Whether a special day changes anything: a holiday on a Saturday does not."""
        return self.schedule.special[day] != self.schedule.weekly.get(day.weekday(), [])


def seconds_until_status_changes(request):
    """The contacts page shows "Open now": it may be kept until the first status changes."""
    views = ContactPointView.all_at(get_directory(request), timezone.now())
    changes = [view.status.changes_at for view in views if view.status.changes_at]
    if not changes:
        return SERVER_MAX_AGE
    return seconds_until(min(changes))


class ContactsView(TemplateView):
    template_name = "contacts/contacts.html"

    def get_context_data(self, **kwargs):
        directory = get_directory(self.request)
        return super().get_context_data(
            points=ContactPointView.all_at(directory, timezone.now()),
            structured_data=organization(directory, self.request),
            **kwargs,
        )


class ReceptionView(TemplateView):
    template_name = "contacts/reception.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        agendas = reception.agendas(self.request, now)
        direct_lines = reception.direct_lines_ahead(self.request, now)
        return super().get_context_data(
            agendas=agendas,
            direct_lines=direct_lines,
            reception_point=get_directory(self.request).reception,
            structured_data=reception_events(agendas, direct_lines, agency(self.request)),
            **kwargs,
        )


def load_appeals_page():
    # Not get_solo(): that would write a record during a reader's request.
    return AppealsPage.objects.filter(pk=AppealsPage.singleton_instance_id).first() or AppealsPage()


class AppealsView(TemplateView):
    template_name = "contacts/appeals.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=load_appeals_page(),
            portal_url=APPEALS_PORTAL,
            portal_name=APPEALS_PORTAL_NAME,
            **kwargs,
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
