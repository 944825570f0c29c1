from csp.middleware import CSPMiddleware

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
