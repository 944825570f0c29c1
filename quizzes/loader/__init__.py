"""Turns the knowledge checks in ``quizzes/content/<course>/`` (see
docs/content-format.md, "Knowledge checks") into published snippets."""
