"""Small shared kits that every app may import: mail, throttling, PDF rendering,
content loading, protected records in the admin, GOV.UK template tags.

A kit imports Django, Wagtail and libraries only, never one of the project's
apps, so it sits below ``accounts`` in the dependency line (docs/decisions.md).
"""
