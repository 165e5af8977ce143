"""Django admin for people, their roles, invitations and API tokens.

Roles are normally managed on each territory's member page; the admin is for the
operators of the instance. Invitations and tokens are created on the site only (their
secret is shown or sent once), so the admin lists them without creating any.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from faisse.accounts.models import ApiToken, Invitation, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["territory"]
    raw_id_fields = ["commune"]


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()  # as the login form writes it


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name")}),
        (
            _("Droits"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []  # roles once the person exists


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "territory", "role", "commune", "created_at"]
    list_filter = ["role", "territory"]
    search_fields = ["user__email", "user__last_name", "territory__name"]
    raw_id_fields = ["user", "commune"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "territory", "role", "invited_by", "expires_at", "accepted_at"]
    list_filter = ["role", "territory"]
    search_fields = ["email"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request):
        return False  # invitations are sent from the member page, which e-mails the link


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "user",
        "territory",
        "scope",
        "hint",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["scope", "territory"]
    search_fields = ["name", "user__email"]
    readonly_fields = [f.name for f in ApiToken._meta.fields]

    def has_add_permission(self, request):
        return False  # created by their owner, who sees the secret once
