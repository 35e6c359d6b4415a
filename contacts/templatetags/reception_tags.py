from django import template
from django.utils import timezone

from contacts import reception

register = template.Library()


@register.simple_tag(takes_context=True)
def direct_lines_today(context):
    """Today's direct lines not yet over, for the home page's announcement."""
    return reception.direct_lines_today(context.get("request"), timezone.now())
