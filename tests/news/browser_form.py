"""Submit admin forms as a browser would: every field of the rendered form, as rendered."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.values = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values[attrs["name"]] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
            # A multiple select sends every selected option, or nothing at all.
            self.values.setdefault(self._select, [] if "multiple" in attrs else "")
        elif tag == "option" and self._select and "selected" in attrs:
            if isinstance(self.values[self._select], list):
                self.values[self._select].append(attrs.get("value", ""))
            else:
                self.values[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_values(html, form_id):
    parser = _FormParser(form_id)
    parser.feed(html)
    # A browser drops the newline that follows <textarea>.
    return {
        name: value.removeprefix("\n") if isinstance(value, str) else value
        for name, value in parser.values.items()
    }


def article_form(client, url, form_id="article_form"):
    """GET an article's admin form and return what the browser would submit unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response.text, form_id)
