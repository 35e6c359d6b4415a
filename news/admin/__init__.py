"""The newsroom's admin: articles (with their parts and revisions) and topics."""

from . import articles, topics

__all__ = ["articles", "topics"]
