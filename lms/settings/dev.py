"""Local development on the embedded default."""

from .base import *  # noqa: F403

DEBUG = True
