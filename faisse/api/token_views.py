"""A person's API tokens: create one for a territory where they hold a role, revoke it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.models import ApiToken, Membership
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id


@login_required
def token_list(request):
    memberships = Membership.objects.filter(user=request.user).select_related("territory")
    tokens = ApiToken.objects.filter(user=request.user).select_related("territory")
    context = {
        "memberships": memberships,
        "tokens": tokens,
        "scopes": ApiToken.Scope.choices,
        "secret": request.session.pop("faisse_new_token", None),
    }
    return render(request, "api/tokens.html", context)


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
    try:
        _token, secret = ApiToken.create(
            request.user,
            membership.territory if membership else None,
            request.POST.get("name", ""),
            request.POST.get("scope", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        # Shown once, on the next page, then forgotten: only its hash is kept.
        request.session["faisse_new_token"] = secret
        messages.success(request, _("Jeton créé : copiez-le maintenant, il ne sera plus affiché."))
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
