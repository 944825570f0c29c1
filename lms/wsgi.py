import os

from django.core.wsgi import get_wsgi_application

# A deployment that names no settings gets production, which refuses to start
# without its secrets, never the development defaults.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

application = get_wsgi_application()
