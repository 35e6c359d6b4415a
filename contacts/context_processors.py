from django.utils.functional import SimpleLazyObject

from .directory import agency, get_directory
from .models import ContactPoint


def public_email(request):
    """The address the footer gives readers: the agency's own, or else its press office's."""
    if email := agency(request).email:
        return email
    points = get_directory(request).contact_points
    return next(
        (point.email for point in points if point.kind == ContactPoint.Kind.PRESS and point.email),
        "",
    )


def contact_block(request):
    """The agency's contacts for the header of every page, read only by pages that show them."""
    return {
        "contacts": SimpleLazyObject(lambda: get_directory(request)),
        "agency": SimpleLazyObject(lambda: agency(request)),
        "contact_email": SimpleLazyObject(lambda: public_email(request)),
    }
