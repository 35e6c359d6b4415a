from .article import Article
from .attachments import Attachment
from .editorial import ArticleAlias, ChangeNote, PreviewLink, default_preview_expiry
from .field_groups import PUBLICATION_FIELDS, READER_FIELDS, TYPED_TEXT
from .gallery import ArticlePhoto
from .queryset import ArticleQuerySet
from .states import State, Status, state_conditions
from .topics import Topic

__all__ = [
    "PUBLICATION_FIELDS",
    "READER_FIELDS",
    "TYPED_TEXT",
    "Article",
    "ArticleAlias",
    "ArticlePhoto",
    "ArticleQuerySet",
    "Attachment",
    "ChangeNote",
    "PreviewLink",
    "State",
    "Status",
    "Topic",
    "default_preview_expiry",
    "state_conditions",
]
