"""Groups of an article's fields that more than one rule shares."""

# What a reader sees of an article: changing any of it on a live article needs a change note
# (forms.py), the comparison of revisions shows it (revisions.py), and the search finds its text
# (search.py).
READER_FIELDS = (
    "title",
    "lead",
    "body",
    "author",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
)
# The text among it, typed by an editor.
TYPED_TEXT = tuple(name for name in READER_FIELDS if name != "image")
# Whether and when the public sees it (see Article.prepare_restore).
PUBLICATION_FIELDS = (
    "status",
    "review_comment",
    "pub_date",
    "expires_at",
    "withdrawal_reason",
    "withdrawn_at",
    "revised_at",
)
