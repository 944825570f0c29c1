"""Request limits counted in the shared cache, so every web process sees the same
count (design.md: nothing may assume one process).

A limit counts per client address unless given a ``key`` (an account, a code
tried). Addresses are shared by whole workplaces behind one gateway, so limits
per address should be generous ceilings, and tight limits should count the
thing being guessed. The address is read as allauth reads it, honouring the
trusted-proxy settings (``TRUSTED_PROXY_COUNT``, ``TRUSTED_CLIENT_IP_HEADER``).
"""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_address(request) -> str:
    """The client's address as allauth sees it (trusted proxies included), so
    sign-in limits and these limits agree on who is asking."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        # No address, or fewer X-Forwarded-For hops than the trusted proxies
        # add: such requests share one bucket rather than fail.
        return "unknown"


def _cache_key(request, scope: str, window: int, key: str | None) -> str:
    source = client_address(request) if key is None else f"key:{key}"
    digest = hashlib.sha256(source.encode()).hexdigest()[:32]
    return f"throttle:{scope}:{digest}:{int(time.time() // window)}"


def throttle_allows(
    request, *, scope: str, limit: int, window: int = 60, key: str | None = None
) -> bool:
    """Count this request; False once more than ``limit`` have been counted for
    the address (or ``key``) in the current ``window`` seconds.

    If the cache is unreachable nothing is counted and this allows (kits/cache.py).
    """
    cache_key = _cache_key(request, scope, window, key)
    cache.add(cache_key, 0, timeout=window * 2)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the counter expired between add() and incr()
        cache.set(cache_key, 1, timeout=window * 2)
        count = 1
    return count is None or count <= limit


def throttle_exhausted(
    request, *, scope: str, limit: int, window: int = 60, key: str | None = None
) -> bool:
    """Whether the limit is already used up, without counting this request."""
    return (cache.get(_cache_key(request, scope, window, key)) or 0) >= limit
