import base64

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Give a staff member a TOTP device for the admin's second factor and print the key "
        "to enter in an authenticator app."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app", help="A name for the device.")

    def handle(self, username, name, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff: only staff sign in to the admin.")
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        secret = base64.b32encode(device.bin_key).decode()
        self.stdout.write(f"TOTP device {device.persistent_id} created for {username}.")
        self.stdout.write(f"Key for manual entry: {secret}")
        self.stdout.write(f"Or open this address in the app (or as a QR code): {device.config_url}")
