class TwoDigitConverter:
    """Months and days in article addresses are always two digits: /2023/01/19/."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
