"""Every text response compressed for a client that accepts it, whether or not the page cache
keeps it (the page cache compresses its copies once itself; those arrive here encoded already).

Django's GZipMiddleware, which hides the length of secrets from BREACH with random bytes, told
to leave alone what is not text: images, PDFs and archives are compressed already, and a file sent
whole (FileResponse) is the web server's to send as it is stored. WhiteNoise answers above this
with its own pre-compressed copies.
"""

import re

from django.http import FileResponse
from django.middleware.gzip import GZipMiddleware

# text/*, and JSON, XML and JavaScript under application/, with a suffix (rss+xml, feed+json).
TEXT = re.compile(r"(text/|application/([\w.-]+\+)?(json|xml|javascript)\b)", re.IGNORECASE)


def is_text(response):
    return not isinstance(response, FileResponse) and bool(
        TEXT.match(response.get("Content-Type", ""))
    )


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not is_text(response):
            return response
        return super().process_response(request, response)
