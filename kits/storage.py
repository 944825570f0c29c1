"""Where files that are not for everyone live.

``STORAGES["private"]`` is a folder no web server serves (``PRIVATE_MEDIA_ROOT``,
never under ``MEDIA_ROOT``) and has no public address: its files reach people
only through views that check who is asking.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property

NO_ADDRESS = "/private-files-have-no-address/"


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.PRIVATE_MEDIA_ROOT``, read when used (as
    ``FileSystemStorage`` reads ``MEDIA_ROOT``), with no usable URL."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, base_url=NO_ADDRESS, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def private_storage():
    """The private storage (a callable ``storage=`` keeps its settings out of
    migrations)."""
    return storages["private"]


# Wagtail stores every document under this folder of the default storage.
PRIVATE_FOLDERS = ("documents/",)


def is_private_name(name: str) -> bool:
    """True for a stored name under one of ``PRIVATE_FOLDERS``."""
    name = posixpath.normpath(str(name).replace("\\", "/")).lstrip("/")
    return name.startswith(PRIVATE_FOLDERS)


class MediaStorage(FileSystemStorage):
    """The default storage: ``MEDIA_ROOT``, except that names under
    ``PRIVATE_FOLDERS`` live in the private storage.

    Lesson-plan documents belong to Wagtail's own document model, whose file
    field uses the default storage; routing their folder here keeps them out of
    the public media folder without swapping Wagtail's model. Every file
    operation of ``FileSystemStorage`` goes through ``path()``, except saving
    (which names the file relative to its own root) and ``url()``.
    """

    def path(self, name):
        if is_private_name(name):
            return private_storage().path(name)
        return super().path(name)

    def _save(self, name, content):
        if is_private_name(name):
            return private_storage()._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if is_private_name(name):
            return private_storage().url(name)
        return super().url(name)
