"""Turns the course source in ``courses/content/<course>/`` (see
docs/content-format.md) into published Wagtail pages."""
