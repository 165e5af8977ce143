"""What the accounts app tells the apps built on it, which react without being imported.

`role_changed`: a person's role in a territory was given, changed or ended. Sent with
`user`, `territory`, `role` (the new one, None when the membership ended) and `by` (who
made the change). The plans app takes someone whose role lost follow-up off the actions
they piloted there.
"""

from django.dispatch import Signal

role_changed = Signal()
