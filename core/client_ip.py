from django.conf import settings


def client_ip(request):
    """The reader's address: from X-Forwarded-For only when the request came from our own proxy.

    nginx appends the address it saw, so the last entry is the one a client cannot forge.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote in settings.TRUSTED_PROXIES and forwarded:
        return forwarded.split(",")[-1].strip()
    return remote
