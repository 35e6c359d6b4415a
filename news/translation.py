"""Topics are translated in place (django-modeltranslation): one topic, one address, its name and
description in each language; a missing one is read in Russian (settings), then English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("ru",)
    # Only an empty text is a missing one (as for the contacts).
    fallback_undefined = ""
