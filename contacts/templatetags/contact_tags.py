from django import template

from contacts.phones import national_display

register = template.Library()


@register.filter
def phone_display(number):
    return national_display(number)
