"""A web address shown in full, to be read and copied: on a phone it wraps after a slash of its
path, not inside a word ("feed/r" / "ss/")."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def breakable_address(address):
    scheme, separator, rest = str(address).rpartition("://")
    path = "/<wbr>".join(escape(piece) for piece in rest.split("/"))
    return mark_safe(f"{escape(scheme + separator)}{path}")  # noqa: S308 (each piece escaped)
