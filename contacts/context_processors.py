from django.utils.functional import SimpleLazyObject

from .directory import get_directory


def contact_block(request):
    """The agency's contacts for the header of every page, read only by pages that show them."""
    return {"contacts": SimpleLazyObject(lambda: get_directory(request))}
