"""Public pages of meetings, at the site's root: /<slug>/reunions/…"""

from django.urls import path

from faisse.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<slug:slug>/reunions/", views.meeting_list, name="list"),
    path("<slug:slug>/reunions.ics", views.territory_feed, name="feed"),
    path("<slug:slug>/reunions/<int:pk>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/reunions/<int:pk>.ics", views.meeting_ics, name="ics"),
    path("<slug:slug>/reunions/<int:pk>/inscription/", views.register_view, name="register"),
    path("<slug:slug>/reunions/<int:pk>/desinscription/", views.cancel_view, name="cancel"),
    path(
        "<slug:slug>/reunions/<int:pk>/confirmer/<str:token>/",
        views.confirm_view,
        name="confirm",
    ),
    path(
        "<slug:slug>/reunions/<int:pk>/annuler/<str:token>/",
        views.cancel_link_view,
        name="cancel_link",
    ),
]
