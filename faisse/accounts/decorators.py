"""Guard a view of a territory's pages by an ability of `faisse.accounts.abilities`."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from faisse.accounts.abilities import can
from faisse.territories.models import Territory


def ability_required(*abilities: str):
    """The view receives the territory of the URL's `slug`; anonymous people are sent to
    the login page, people without the ability (or any of the abilities) get a 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            territory = get_object_or_404(Territory, slug=slug)
            if not any(can(request.user, ability, territory) for ability in abilities):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, territory, *args, **kwargs)

        return wrapper

    return decorator


editor_required = ability_required("edit_plan")
