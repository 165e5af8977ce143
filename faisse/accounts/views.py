"""Signing in and out, sign-in links, password reset and change, the account page,
accepting an invitation, and the lockout page of login throttling."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from sesame.tokens import parse_token

from faisse.accounts import emails
from faisse.accounts.forms import EmailForm, LoginForm, NewAccountForm, PasswordResetForm
from faisse.accounts.models import (
    ROLES_WITH_COMMUNE,
    Invitation,
    Membership,
    Role,
    User,
    hash_token,
)
from faisse.accounts.roles import change_role
from faisse.accounts.throttling import send_wait


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = getattr(settings, "OIDC_ENABLED", False)
        context["oidc_provider"] = getattr(settings, "OIDC_PROVIDER_NAME", "")
        context["oidc_failed"] = self.request.GET.get("oidc") == "echec"
        return context


class LogoutView(auth_views.LogoutView):
    """POST only (Django refuses GET): a link cannot sign anybody out."""


def lockout(request, original_response=None, credentials=None):
    """The page shown while login attempts are blocked (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "accounts/lockout.html", context, status=429)


def signin_link_request(request):
    """Ask for a sign-in link. The answer is the same whether the address is known or not.

    A second request for the same address within ACCOUNT_EMAIL_INTERVAL sends nothing, and
    says so: "a link was already asked for this address a moment ago; if an account
    exists, it was sent; wait N seconds". To keep that honest answer from telling who has
    an account (account enumeration), the limit counts every address asked for, known or
    not, and is checked before any account is looked for: a stranger asking twice for an
    address is told to wait whether or not it has an account. What the answer does reveal
    (someone asked for this address in the last minute) is no secret to whoever asked.
    """
    next_url = emails.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = EmailForm(request.POST or None)
    context = {"form": form, "next": next_url, "minutes": settings.SIGNIN_LINK_MINUTES}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        wait = send_wait("signin_link", email)
        if wait:
            context.update(wait=wait, email=email)
            return render(request, "accounts/signin_link_request.html", context, status=429)
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            emails.send_signin_link(request, user, next_url)
        context.update(sent=True, email=email)
    return render(request, "accounts/signin_link_request.html", context)


def _active_user(pk):
    return User.objects.filter(pk=pk, is_active=True).first()


def signin_link_open(request, token):
    """The page a sign-in link leads to. Opening it (GET) changes nothing, so that mail
    filters that follow links do not use it up; the button (POST) signs in."""
    next_url = emails.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST":
        user = authenticate(request, sesame=token)
        if user is not None:
            login(request, user)  # updates the last login date: the link is used up
            messages.success(request, _("Vous êtes connecté·e."))
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
        link_user = None
    else:
        link_user = parse_token(token, _active_user)
    context = {"link_user": link_user, "next": next_url, "minutes": settings.SIGNIN_LINK_MINUTES}
    return render(request, "accounts/signin_link_open.html", context)


@login_required
def account(request):
    """The person's roles, each with its territory's space (every member has one) and,
    for élus, a link to their commune's page."""
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("territory", "commune")
        .order_by("territory__name")
    )
    return render(request, "accounts/account.html", {"memberships": memberships})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password; people without one yet (ProConnect) just choose one."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_class(self):
        if not self.request.user.has_usable_password():
            return SetPasswordForm
        return super().get_form_class()


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # As for sign-in links: every address asked for counts, known or not, so that the
        # request to wait says nothing about an account.
        wait = send_wait("password_reset", form.cleaned_data["email"])
        if wait:
            context = {"wait": wait, "email": form.cleaned_data["email"]}
            return render(self.request, "accounts/password_reset_done.html", context, status=429)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def invitation_problem(invitation) -> str:
    """Why an invitation cannot be used, or an empty string. An élu·e's invitation without
    a commune (made before the forms required one) gives no role: the rule of the forms
    holds when accepting too (models.commune_error)."""
    if invitation is None:
        return "unknown"
    if invitation.accepted_at is not None:
        return "used"
    if invitation.expires_at <= timezone.now():
        return "expired"
    if invitation.role in ROLES_WITH_COMMUNE and invitation.commune_id is None:
        return "no_commune"
    return ""


@transaction.atomic
def accept_invitation(invitation_pk: int, user=None, new_account: dict | None = None):
    """Give the role of the invitation to `user` (or to a new account) and use the
    invitation up. None if it cannot be used (used meanwhile: one use only).

    The role and the commune follow the rule of the member forms: an élu·e has a commune,
    nobody else has one (a commune an invitation carries for another role is dropped)."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("territory", "commune")
        .filter(pk=invitation_pk)
        .first()
    )
    if invitation_problem(invitation):
        return None
    if user is None:
        user = User.objects.create_user(invitation.email, **new_account)
    membership = Membership.objects.filter(user=user, territory=invitation.territory).first()
    if membership is None:
        role, commune = invitation.role, invitation.commune
    else:
        # The last administrator stays one; the rest is a role change like any other.
        keeps_admin = invitation.role != Role.ADMIN and membership.is_last_admin()
        role = membership.role if keeps_admin else invitation.role
        commune = invitation.commune or membership.commune
    if role not in ROLES_WITH_COMMUNE:
        commune = None  # an élu·e's role needs the commune invitation_problem checked
    if membership is None:
        Membership.objects.create(
            user=user, territory=invitation.territory, role=role, commune=commune
        )
    else:
        change_role(membership, user, role=role, commune=commune)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


def invitation(request, token):
    """Accept an invitation: a new person creates their account, a signed-in person with
    the invited address just accepts. The link works once."""
    found = (
        Invitation.objects.select_related("territory", "commune", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    context = {"invitation": found, "problem": invitation_problem(found)}
    if context["problem"]:
        return render(request, "accounts/invitation.html", context)
    if request.user.is_authenticated:
        same = request.user.email.lower() == found.email.lower()
        mode = "accept" if same else "other_account"
    elif User.objects.filter(email__iexact=found.email).exists():
        mode = "login"
    else:
        mode = "new"
    form = NewAccountForm(request.POST or None, email=found.email) if mode == "new" else None
    if request.method == "POST" and (mode == "accept" or (form and form.is_valid())):
        if mode == "accept":
            user = accept_invitation(found.pk, user=request.user)
        else:
            data = form.cleaned_data
            new_account = {
                "password": data["password1"],
                "first_name": data["first_name"].strip(),
                "last_name": data["last_name"].strip(),
            }
            try:
                user = accept_invitation(found.pk, new_account=new_account)
            except IntegrityError:  # the address got an account meanwhile: sign in instead
                return redirect(request.path)
        if user is None:
            found = Invitation.objects.filter(pk=found.pk).first()
            context["problem"] = invitation_problem(found) or "used"
            return render(request, "accounts/invitation.html", context)
        if mode == "new":
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        role = Membership.objects.get(user=user, territory=found.territory).get_role_display()
        messages.success(
            request,
            _(
                "Bienvenue : vous êtes maintenant %(role)s dans le territoire %(territory)s. "
                "Voici votre espace : ce que votre rôle permet, et ce qui arrive bientôt."
            )
            % {"role": role.lower(), "territory": found.territory.name},
        )
        return redirect("manage:home", found.territory.slug)
    context.update(mode=mode, form=form, login_next=request.path)
    return render(request, "accounts/invitation.html", context)
