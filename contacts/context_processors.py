from django.utils.functional import SimpleLazyObject

from .directory import agency, get_directory


def contact_block(request):
    """The agency's contacts for the header of every page, read only by pages that show them."""
    return {
        "contacts": SimpleLazyObject(lambda: get_directory(request)),
        "agency": SimpleLazyObject(lambda: agency(request)),
    }
