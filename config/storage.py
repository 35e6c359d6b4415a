"""Uploaded files on this machine's disk."""

import contextlib
import uuid

from django.core.files.move import file_move_safe
from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    """Django's file system storage, but each file is written under a name of its own first.

    Django's leaves the part already written when a write fails (disk full, quota). Here a failed
    upload leaves nothing behind, and the file is moved to its real name only once complete, so no
    reader is ever served half of it.
    """

    def _save(self, name, content):
        staging = f"{name}.{uuid.uuid4().hex}.part"
        try:
            super()._save(staging, content)
        except OSError:
            with contextlib.suppress(OSError):
                self.delete(staging)
            raise
        try:
            while True:
                try:
                    file_move_safe(self.path(staging), self.path(name))  # refuses a name in use
                    return name
                except FileExistsError:  # taken meanwhile by another upload
                    name = self.get_available_name(name)
        finally:
            self.delete(staging)
