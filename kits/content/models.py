from django.db import models


class LoadedFromSource(models.Model):
    """An object a content loader may create and refresh from a source file.

    ``source_key`` names the source (for a course, its ``course/module/lesson``
    slugs) so the loader finds its object even after an editor renames or moves
    it; ``source_hash`` is the hash of the file last loaded, so an unchanged
    file is skipped. Neither is shown to editors, and neither is copied with a
    page.
    """

    source_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    exclude_fields_in_copy = ["source_key", "source_hash"]

    class Meta:
        abstract = True
