"""Uploaded files on this machine's disk."""

import contextlib
import os
import posixpath
import uuid

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    """Django's file system storage, but a file that cannot be written whole leaves nothing behind.

    Django's keeps the part already written when a write fails (disk full, quota). Here each upload
    is written under a staging name of its own, and moved to its real name only once complete.
    """

    def _save(self, name, content):
        staging = posixpath.join(posixpath.dirname(name), f".{uuid.uuid4().hex}.part")
        try:
            super()._save(staging, content)
        except OSError:
            with contextlib.suppress(OSError):
                self.delete(staging)
            raise
        try:
            name = self._reserve(name)
            try:
                os.replace(self.path(staging), self.path(name))
            except OSError:
                self.delete(name)  # the empty file that held the name
                raise
        finally:
            self.delete(staging)
        return name

    def _reserve(self, name):
        """Claim a free name atomically, as Django's own save does (another upload may race us)."""
        while True:
            try:
                os.close(os.open(self.path(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                return name
            except FileExistsError:
                name = self.get_available_name(name)
