from django import template

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("alerts/subscribe_form.html")
def subscription_form():
    """The e-mail alerts' form, on any page (the Subscribe page, the home page)."""
    return {"form": SubscribeForm()}
