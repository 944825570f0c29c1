"""Lesson-plan documents move out of the public media folder.

From here on the default storage keeps ``documents/`` in the private storage
(kits.storage.MediaStorage), so each document row keeps its name and finds its
file there. This moves every file already under ``MEDIA_ROOT/documents``,
whether a row names it or not. Safe to run again: a file already moved is not
there to move, and a copy is renamed into place only once complete.
"""

import filecmp
import logging
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations

import kits.storage

logger = logging.getLogger(__name__)


def move_documents_into_private_storage(apps=None, schema_editor=None) -> int:
    """Move each file under ``MEDIA_ROOT/documents`` to the same name in the
    private storage; returns how many were moved."""
    public = Path(settings.MEDIA_ROOT)
    private = kits.storage.private_storage()
    moved = 0
    for source in sorted((public / "documents").rglob("*")):
        if not source.is_file() or source.name.endswith(".moving"):
            continue
        target = Path(private.path(source.relative_to(public).as_posix()))
        if target.exists():
            # A run stopped after its copy: drop the public copy only if it is
            # the same file, otherwise keep both for a person to look at.
            if filecmp.cmp(source, target, shallow=False):
                source.unlink()
            else:
                logger.warning("Not moved (a different file has its name): %s", source)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.moving")
        shutil.copy2(source, partial)
        os.replace(partial, target)
        source.unlink()
        moved += 1
    folders = [*(public / "documents").rglob("*"), public / "documents"]
    for folder in sorted(folders, reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return moved


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_related_modules_are_pages"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(move_documents_into_private_storage, migrations.RunPython.noop),
    ]
