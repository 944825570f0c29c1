"""Request limits per client address, counted in the shared cache so that every
web process sees the same count (design.md: nothing may assume one process)."""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def client_address(request) -> str:
    """The client's address as allauth sees it (trusted proxies included), so
    sign-in limits and these limits agree on who is asking."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def throttle_allows(request, *, scope: str, limit: int, window: int = 60) -> bool:
    """Count this request; False once the address has made more than ``limit``
    requests in the current ``window`` seconds."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{address}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between add() and incr()
        cache.set(key, 1, timeout=window * 2)
        count = 1
    return count <= limit
