"""OpenID Connect login (ProConnect), used only when OIDC_RP_CLIENT_ID is set.

A person signing in is matched by e-mail address (case-insensitive). An unknown address
is refused unless OIDC_CREATE_USER is on, and even then the new account has no role:
roles come from invitations and administrators only, never from the identity provider.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class OIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email)

    def create_user(self, claims):
        return self.UserModel.objects.create_user(
            claims["email"].strip().lower(),
            None,  # no password: this person signs in with the identity provider
            first_name=(claims.get("given_name") or "")[:150],
            last_name=(claims.get("usual_name") or claims.get("family_name") or "")[:150],
        )

    def update_user(self, user, claims):
        """Fill in the name when it is missing; never change roles."""
        changed = []
        if not user.first_name and claims.get("given_name"):
            user.first_name = claims["given_name"][:150]
            changed.append("first_name")
        last_name = claims.get("usual_name") or claims.get("family_name")
        if not user.last_name and last_name:
            user.last_name = last_name[:150]
            changed.append("last_name")
        if changed:
            user.save(update_fields=changed)
        return user
