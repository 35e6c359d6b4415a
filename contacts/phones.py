import phonenumbers


def national_display(number):
    """The agency's own style: "+375 (17) 222-22-22", "+375 (1772) 5-55-72".

    phonenumbers finds the area code; the subscriber number is grouped in pairs from the
    right, as Belarusian state bodies write it.
    """
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    country, area, *rest = international.split(" ")
    subscriber = "".join(rest).replace("-", "")
    if not rest or not subscriber.isdigit() or len(subscriber) < 5:
        return international
    head, pairs = subscriber[:-4], [subscriber[-4:-2], subscriber[-2:]]
    return f"{country} ({area}) {'-'.join([head, *pairs])}"
