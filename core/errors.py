"""What readers get when something is wrong: the database down, an unknown address, a request no
address could be."""

import functools
import logging

from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exception):
    logger.error("database unavailable: %s", exception)
    # Rendered without context processors: they would ask the database again.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """While the database is down (a restart, a failover), readers get a 503 page, not an error.

    Django reconnects by itself on a later request (CONN_HEALTH_CHECKS): nothing needs a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(exception)
        return None


def page_not_found(request, exception):
    """Django's 404 page, whose header reads the contacts: the 503 page while the database is down
    (an unknown address is no reason for a 500)."""
    try:
        return defaults.page_not_found(request, exception)
    except DATABASE_UNAVAILABLE as error:
        return database_unavailable(error)


def in_the_requests_language(view):
    """An error page in the language of its address (or the staff member's), also when the error
    came before LocaleMiddleware chose it: a host the site does not serve, a failing middleware."""

    @functools.wraps(view)
    def in_language(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request, check_path=True)):
            return view(request, *args, **kwargs)

    return in_language


bad_request = in_the_requests_language(defaults.bad_request)
server_error = in_the_requests_language(defaults.server_error)


@functools.cache
def admin_path():
    return reverse("admin:index")


def refuse_null_characters(get_response):
    """PostgreSQL refuses a NUL character in any text it is asked to compare, and the admin's
    filters and autocomplete pass the query string to it as it is (a 500): there such a request is
    answered 400. The public views read their parameters through forms and converters."""

    def middleware(request):
        query = request.META.get("QUERY_STRING", "")
        if ("%00" in query or "\x00" in query) and request.path.startswith(admin_path()):
            raise BadRequest(_("The address holds a character no address may hold."))
        return get_response(request)

    return middleware
