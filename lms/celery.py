import os

from celery import Celery

# A deployment that names no settings gets production, which refuses to start
# without its secrets, never the development defaults.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
