"""Member management of a territory, under /<slug>/gestion/ (administrators only)."""

from django.urls import path

from faisse.accounts import commissions, members

app_name = "members"

urlpatterns = [
    path("membres/", members.member_list, name="list"),
    path("membres/commissions/", commissions.commission_list, name="commissions"),
    path("membres/commissions/<int:pk>/", commissions.commission_edit, name="commission_edit"),
    path(
        "membres/commissions/<int:pk>/supprimer/",
        commissions.commission_delete,
        name="commission_delete",
    ),
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
