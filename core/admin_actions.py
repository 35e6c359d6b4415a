"""A list's actions on what is selected: a forged selection is said, not a server error."""

import functools
import re

from django.contrib import messages
from django.contrib.admin import helpers
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

NOTHING_SELECTED = _(
    "Items must be selected in order to perform actions on them. No items have been changed."
)
# Every model of this admin, the site's and Django's and its apps' (users, groups, TOTP devices,
# login attempts), has an integer id, which a 64-bit column holds.
AN_ID = re.compile(r"[0-9]{1,18}")


def checks_selection(view):
    """Django's admin filters a list by the ids a POST says are selected, unchecked: "abc" or a
    number past 64 bits raised a 500. Such a POST leads back to the list, as an empty selection."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if request.method == "POST" and not all(AN_ID.fullmatch(id_) for id_ in selected):
            messages.warning(request, NOTHING_SELECTED)
            return HttpResponseRedirect(request.get_full_path())
        return view(request, *args, **kwargs)

    return checked
