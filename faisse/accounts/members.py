"""Member management of a territory, for its administrators: the members and their roles,
invitations by e-mail (sent, resent, cancelled)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts import emails
from faisse.accounts.decorators import ability_required
from faisse.accounts.forms import InviteForm, MemberForm
from faisse.accounts.journal import member_journal
from faisse.accounts.models import Invitation, Membership, Role
from faisse.accounts.roles import change_role, end_membership
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.french import elide

manage_members = ability_required("manage_members")


def _page(request, territory, invite_form=None, status=200):
    members = (
        Membership.objects.filter(territory=territory)
        .select_related("user", "commune")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    invitations = (
        Invitation.objects.filter(territory=territory, accepted_at__isnull=True)
        .select_related("commune", "invited_by")
        .order_by("email")
    )
    context = {
        "territory": territory,
        "members": members,
        "invitations": invitations,
        "now": timezone.now(),
        "form": invite_form or InviteForm(territory=territory),
        "journal": member_journal(territory),
        "nav_current": "members",
    }
    return render(request, "accounts/members.html", context, status=status)


@manage_members
def member_list(request, territory):
    return _page(request, territory)


@require_POST
@manage_members
def invite(request, territory):
    form = InviteForm(request.POST, territory=territory)
    if not form.is_valid():
        return _page(request, territory, form, status=400)
    data = form.cleaned_data
    with transaction.atomic():
        # A new invitation to the same address replaces the pending one.
        Invitation.objects.filter(
            territory=territory, email=data["email"], accepted_at__isnull=True
        ).delete()
        invitation, token = Invitation.create(
            territory, data["email"], data["role"], invited_by=request.user, commune=data["commune"]
        )
    _tell_sent(request, invitation, token, _("Invitation envoyée à %s."))
    return redirect("members:list", territory.slug)


def _tell_sent(request, invitation, token: str, success: str) -> None:
    if emails.send_invitation(request, invitation, token):
        messages.success(request, success % invitation.email)
        return
    messages.error(
        request,
        _(
            "L’invitation à %(email)s est enregistrée, mais l’e-mail n’a pas pu partir (serveur "
            "d’e-mail injoignable). Transmettez-lui ce lien vous-même, ou « Renvoyer » plus "
            "tard : %(link)s"
        )
        % {"email": invitation.email, "link": emails.invitation_link(request, token)},
    )


@manage_members
def member_edit(request, territory, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, territory=territory
    )
    initial = {
        "role": membership.role,
        "commune": membership.commune_id,
        "commissions": list(membership.commissions.values_list("pk", flat=True)),
    }
    form = MemberForm(request.POST or None, initial=initial, territory=territory)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["role"] != Role.ADMIN and membership.is_last_admin():
            form.add_error(
                "role",
                _(
                    "C’est le ou la seule administrateur·rice du territoire : nommez-en un·e autre "
                    "avant de changer son rôle."
                ),
            )
        else:
            change_role(
                membership,
                request.user,
                role=data["role"],
                commune=data["commune"],
                commissions=data.get("commissions"),
            )
            messages.success(request, _("Rôle %s mis à jour.") % elide("de", membership.user))
            return redirect("members:list", territory.slug)
    context = {
        "territory": territory,
        "membership": membership,
        "form": form,
        "nav_current": "members",
    }
    return render(request, "accounts/member_edit.html", context, status=400 if form.errors else 200)


@require_POST
@manage_members
def member_remove(request, territory, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, territory=territory
    )
    if not membership.is_last_admin() and not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Retirer %s du territoire ?") % membership.user,
                question=_(
                    "%(person)s perdra son rôle « %(role)s » dans %(territory)s et les actions "
                    "qu’il ou elle pilote ; son compte et ses rôles ailleurs restent."
                )
                % {
                    "person": membership.user,
                    "role": membership.get_role_display(),
                    "territory": territory.name,
                },
                button=_("Retirer du territoire"),
                action=request.path,
                cancel=reverse("members:list", args=[territory.slug]),
            ),
            territory,
        )
    if membership.is_last_admin():
        messages.error(
            request,
            _(
                "%s est le ou la seule administrateur·rice du territoire : nommez-en un·e autre "
                "avant de le ou la retirer."
            )
            % membership.user,
        )
    else:
        end_membership(membership, request.user)
        messages.success(request, _("%s ne fait plus partie du territoire.") % membership.user)
    return redirect("members:list", territory.slug)


@require_POST
@manage_members
def invitation_resend(request, territory, pk):
    invitation = get_object_or_404(Invitation, pk=pk, territory=territory, accepted_at__isnull=True)
    token = invitation.renew(request.user)  # the old link stops working
    _tell_sent(request, invitation, token, _("Invitation renvoyée à %s."))
    return redirect("members:list", territory.slug)


@require_POST
@manage_members
def invitation_cancel(request, territory, pk):
    invitation = get_object_or_404(Invitation, pk=pk, territory=territory, accepted_at__isnull=True)
    invitation.delete()
    messages.success(request, _("Invitation à %s annulée.") % invitation.email)
    return redirect("members:list", territory.slug)
