"""What the plans app tells the domains built on it, which react without being imported.

`actions_merging`: two actions are being merged, inside the merge's transaction, before
the removed one is deleted. Sent with `kept`, `removed` and `editor`: each domain moves
what it hangs on the removed action (commune links, places; later sheets, indicators)
to the kept one, or lets the deletion take it.
"""

from django.dispatch import Signal

actions_merging = Signal()
