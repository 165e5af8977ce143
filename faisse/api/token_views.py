"""A person's API tokens: create one for a territory where they hold a role, for 30 days,
90 days or a year, revoke it."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from faisse.accounts.models import ApiToken, Membership
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id


def lifetime_label(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s an", "%(count)s ans", years) % {"count": years}
    return ngettext("%(count)s jour", "%(count)s jours", days) % {"count": days}


@login_required
def token_list(request):
    memberships = Membership.objects.filter(user=request.user).select_related("territory")
    tokens = ApiToken.objects.filter(user=request.user).select_related("territory")
    now = timezone.now()
    lifetimes = [
        {
            "days": days,
            "label": lifetime_label(days),
            "until": now + timedelta(days=days),
            "default": days == ApiToken.DEFAULT_DAYS,
        }
        for days in ApiToken.LIFETIMES
    ]
    new_token = request.session.pop("faisse_new_token", None)
    context = {
        "memberships": memberships,
        "tokens": tokens,
        "scopes": ApiToken.Scope.choices,
        "lifetimes": lifetimes,
        "now": now,
        # Older sessions kept the secret alone.
        "secret": new_token["secret"] if isinstance(new_token, dict) else new_token,
        "new_name": new_token.get("name", "") if isinstance(new_token, dict) else "",
    }
    return render(request, "api/tokens.html", context)


def _posted_days(value) -> int | None:
    """One of the lifetimes the page offers (the default when none was sent), or None."""
    if value is None:  # a page from before token lifetimes, still open in a tab
        return ApiToken.DEFAULT_DAYS
    days = posted_id(value)
    return days if days in ApiToken.LIFETIMES else None


@require_POST
@login_required
def token_create(request):
    territory_id = posted_id(request.POST.get("territory"))
    membership = (
        Membership.objects.filter(user=request.user, territory_id=territory_id)
        .select_related("territory")
        .first()
        if territory_id
        else None
    )
    days = _posted_days(request.POST.get("days"))
    if days is None:
        messages.error(request, _("Choisissez la durée de validité du jeton."))
        return redirect("api_tokens")
    try:
        token, secret = ApiToken.create(
            request.user,
            membership.territory if membership else None,
            request.POST.get("name", ""),
            request.POST.get("scope", ""),
            days=days,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        # Shown once, on the next page, then forgotten: only its hash is kept.
        request.session["faisse_new_token"] = {"secret": secret, "name": token.name}
        messages.success(
            request,
            _(
                "Jeton créé, valable jusqu’au %(date)s : copiez-le maintenant, il ne sera plus "
                "affiché."
            )
            % {"date": token.expiry_text()},
        )
    return redirect("api_tokens")


@require_POST
@login_required
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Révoquer le jeton « %s » ?") % token.name,
                question=_(
                    "Les programmes qui s’en servent seront refusés dès maintenant. Un jeton "
                    "révoqué ne se rétablit pas : il faudra en créer un autre."
                ),
                button=_("Révoquer le jeton"),
                action=request.path,
                cancel=reverse("api_tokens"),
            ),
        )
    token.revoke()
    messages.success(request, _("Jeton « %s » révoqué.") % token.name)
    return redirect("api_tokens")
