"""Where files that are not for everyone live.

``STORAGES["private"]`` is a folder no web server serves (``PRIVATE_MEDIA_ROOT``,
never under ``MEDIA_ROOT``) and has no public address: its files reach people
only through views that check who is asking.
"""

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
