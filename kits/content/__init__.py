"""The content-loading kit: every loader (courses, knowledge checks, lesson plans)
reads its source files, converts Markdown and decides what to write the same way.

- ``source``: front matter and YAML files, content hashes, ``ContentError``;
- ``markdown``: Markdown to Wagtail rich text with a block's features;
- ``models``: ``LoadedFromSource``, the source key and hash a loaded object keeps;
- ``sync``: ``load_outcome`` (the one "edited since it was loaded" rule) and
  ``LoadReport``.
"""
