"""`{% fragment "name" vary_on… %}…{% endfragment %}`: a piece of a page rendered once and reused.

Django's fragment cache, keyed also by the content generation and the language. Every save of an
article, a topic or the contacts starts a new generation (config/page_cache.py), so no fragment
outlives what it shows, in any worker or instance. What changes with time alone (an article going
live) is decided by the queries around the fragments, or passed in `vary_on`.

Whole cached pages are kept per address, cookie and encoding, and never for staff; fragments are
shared by all of them, so a page that misses the page cache is still cheap to render.
"""

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from config.page_cache import SERVER_MAX_AGE, generation

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        # Read once per request (see the context processor), however many fragments a page has.
        current = context.get("content_generation") or generation()
        if current is None:
            return self.nodelist.render(context)
        vary_on = [current, get_language(), *(var.resolve(context) for var in self.vary_on)]
        key = make_template_fragment_key(self.name, vary_on)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, SERVER_MAX_AGE)
        return html


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name: {{% fragment \"name\" %}}")
    name, *vary_on = bits[1:]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, name.strip("\"'"), [parser.compile_filter(var) for var in vary_on]
    )
