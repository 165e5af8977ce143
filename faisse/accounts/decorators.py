"""Guard a view of a territory's pages by an ability of `faisse.accounts.abilities`."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from faisse.accounts.abilities import (
    may_manage,
    object_abilities,
    remember_roles,
    territory_abilities,
)
from faisse.accounts.models import Membership
from faisse.territories.models import Territory


def ability_required(*abilities: str, of=None):
    """The view receives the territory of the URL's `slug`; anonymous people are sent to
    the login page, people without the ability (or any of the abilities) get a 403.

    With `of`, a function (territory, **the URL's other values) → object that raises
    Http404 when there is none, the abilities are those on that object (the rules apps
    register with `register_object_rule`, e.g. a pilot and their own actions) and the view
    receives the object after the territory.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            territory = get_object_or_404(Territory, slug=slug)
            if of is None:
                granted = territory_abilities(request.user, territory)
                call = (request, territory, *args)
            else:
                target = of(territory, **kwargs)
                granted = object_abilities(request.user, target)
                call, kwargs = (request, territory, target), {}
            if not any(granted[ability] for ability in abilities):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(*call, **kwargs)

        return wrapper

    return decorator


editor_required = ability_required("edit_plan")


def member_required(view):
    """For a person's space in a territory: the view receives the territory of the URL's
    `slug` and the person's membership there (None for an operator without a role);
    anonymous people are sent to the login page, people without a role there get a 403
    (`may_manage`, which also decides the menu's link)."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        territory = get_object_or_404(Territory, slug=slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = (
            Membership.objects.filter(user=request.user, territory=territory)
            .select_related("commune")
            .first()
        )
        remember_roles(request.user, [membership] if membership else [], territory)
        if not may_manage(request.user, territory):
            raise PermissionDenied
        return view(request, territory, membership, *args, **kwargs)

    return wrapper
