"""The admin site: without the side navigation, with a second factor at sign-in (django-otp), in
one submission for most staff, and every list's selection checked before its action."""

from django.contrib.admin import AdminSite
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from .admin_actions import checks_selection


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    def clean_otp(self, user):
        # django-otp 1.7.5 no longer tries a code against each device (a miss would throttle the
        # others): it asks to choose one first, which cost every member of staff a second
        # submission. With one device there is nothing to choose; with several the list stays.
        if user is not None and not self.cleaned_data.get("otp_device"):
            devices = list(devices_for_user(user))
            if len(devices) == 1:
                self.cleaned_data["otp_device"] = devices[0].persistent_id
        super().clean_otp(user)


class AgencyAdminSite(AdminSite):
    # The breadcrumbs lead back; the lists need the width (the articles' fits 1280 px).
    enable_nav_sidebar = False

    def admin_view(self, view, cacheable=False):
        return super().admin_view(checks_selection(view), cacheable)


class TwoFactorAdminSite(AgencyAdminSite, OTPAdminSite):
    login_form = TwoFactorLoginForm
