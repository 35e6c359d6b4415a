from .article import READER_FIELDS, Article, ArticleQuerySet, State, Status, state_conditions
from .attachments import Attachment
from .editorial import ArticleAlias, ChangeNote, PreviewLink, default_preview_expiry
from .topics import Topic

__all__ = [
    "READER_FIELDS",
    "Article",
    "ArticleAlias",
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
