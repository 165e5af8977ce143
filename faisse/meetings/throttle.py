"""A limit on registration requests without an account, per IP address.

Each request sends an e-mail; the address limit (faisse.accounts.throttling.send_wait)
keeps one inbox from being flooded, this one keeps one machine from sending to many.
"""

import hashlib
import logging

from axes.helpers import get_client_ip_address
from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

REQUESTS_PER_HOUR = 10  # per IP address, all meetings together
WINDOW = 3600


def request_allowed(request) -> bool:
    """Count this request; False once the IP address made REQUESTS_PER_HOUR in the hour."""
    address = get_client_ip_address(request) or "unknown"
    key = "faisse:meetings:requests:" + hashlib.sha256(address.encode()).hexdigest()
    try:
        cache.add(key, 0, timeout=WINDOW)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW)
        count = 1
    except RedisError:  # the shared cache is down: allow rather than lock everyone out
        logger.exception("The cache could not be reached; registration request not counted")
        return True
    return count <= REQUESTS_PER_HOUR
