import mimetypes
import posixpath

from .. import renditions


class PhotoDisplay:
    """How pages and feeds show an article's lead photo, from what was stored with the row."""

    @property
    def image_sources(self):
        return renditions.sources(self.image, self.image_width) if self.image else []

    @property
    def image_srcset(self):
        return renditions.srcset(self.image_sources)

    @property
    def image_src(self):
        """For browsers that ignore srcset: the widest copy offered."""
        return renditions.widest(self.image, self.image_sources) if self.image else ""

    @property
    def image_kind(self):
        return posixpath.splitext(self.image.name)[1][1:].upper()

    @property
    def image_type(self):
        return mimetypes.guess_type(self.image.name)[0] or "application/octet-stream"
