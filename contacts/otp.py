"""The issuer that staff's authenticator apps show beside their code (django-otp's
OTP_TOTP_ISSUER, which it calls with the device when it builds the setup address)."""


def totp_issuer(device):
    # Imported here: the settings import this module, before the models can be.
    from .directory import agency

    return agency().short_name
