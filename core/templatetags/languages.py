from django import template

from ..languages import PageLanguages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The page in the site's languages (core.languages.PageLanguages), from what the view said
    of its versions (`language_versions`); nothing on a page rendered without a request."""
    request = context.get("request")
    return request and PageLanguages(request, context.get("language_versions"))
