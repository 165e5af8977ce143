"""Member management of a territory, under /<slug>/gestion/ (administrators only)."""

from django.urls import path

from faisse.accounts import members

app_name = "members"

urlpatterns = [
    path("membres/", members.member_list, name="list"),
    path("membres/inviter/", members.invite, name="invite"),
    path("membres/<int:pk>/", members.member_edit, name="edit"),
    path("membres/<int:pk>/retirer/", members.member_remove, name="remove"),
    path(
        "membres/invitations/<int:pk>/renvoyer/",
        members.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "membres/invitations/<int:pk>/annuler/",
        members.invitation_cancel,
        name="invitation_cancel",
    ),
]
