from django import template

from contacts.models import Agency
from contacts.phones import national_display

register = template.Library()


@register.filter
def phone_display(number):
    return national_display(number)


@register.simple_tag
def agency_as_shipped():
    """The agency with the model's defaults, for the pages shown when the database may be down
    (500, 503): they ask neither it nor the cache, either of which may be what failed."""
    return Agency()
