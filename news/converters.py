class FourDigitConverter:
    """Years in article addresses are four digits: /2023/. Django's date views take them as
    strings, and no other length names a date they can handle."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigitConverter:
    """Months and days in article addresses are always two digits: /2023/01/19/."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
