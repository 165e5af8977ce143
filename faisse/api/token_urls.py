from django.urls import path

from faisse.api import token_views

urlpatterns = [
    path("compte/jetons/", token_views.token_list, name="api_tokens"),
    path("compte/jetons/creer/", token_views.token_create, name="api_token_create"),
    path("compte/jetons/<int:pk>/revoquer/", token_views.token_revoke, name="api_token_revoke"),
]
