"""The site's own answer to a request Django refuses before any view (HTTP 400).

Django's default is a bare English "Bad Request (400)" without the site's frame. A form
too large for `DATA_UPLOAD_MAX_MEMORY_SIZE` (or with too many fields) gets 413 and says
so; anything else refused as malformed gets 400.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat


def bad_request(request, exception=None):
    too_big = isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent)
    context = {
        "too_big": too_big,
        "limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
        "back": request.path if request.method == "POST" else "",
    }
    return render(request, "400.html", context, status=413 if too_big else 400)
