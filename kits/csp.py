from csp.middleware import CSPMiddleware
from django.conf import settings

# The Wagtail admin still relies on inline styles and scripts, so it gets a
# looser policy than the public site, which allows only its own files.
ADMIN_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            response._csp_replace = ADMIN_POLICY
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Send ``settings.PERMISSIONS_POLICY`` with every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
