"""Account pages, at the root of the site (French addresses)."""

from django.urls import path

from faisse.accounts import privacy_views, views

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", views.LogoutView.as_view(), name="logout"),
    path("connexion/lien/", views.signin_link_request, name="signin_link"),
    path("connexion/lien/<str:token>/", views.signin_link_open, name="signin_link_open"),
    path("mot-de-passe/oublie/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mot-de-passe/oublie/envoye/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("compte/", views.account, name="account"),
    path("compte/mot-de-passe/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "compte/mot-de-passe/modifie/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("compte/donnees/", privacy_views.my_data, name="my_data"),
    path("compte/donnees/telecharger/", privacy_views.my_data_download, name="my_data_download"),
    path("compte/supprimer/", privacy_views.erase, name="erase"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
