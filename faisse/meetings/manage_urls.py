"""Management pages of meetings, under /<slug>/gestion/ (editors)."""

from django.urls import path

from faisse.meetings import manage_views as views

app_name = "meetings_manage"

urlpatterns = [
    path("reunions/", views.meeting_list, name="list"),
    path("reunions/nouvelle/", views.meeting_create, name="create"),
    path("reunions/<int:pk>/", views.meeting_edit, name="edit"),
    path("reunions/<int:pk>/supprimer/", views.meeting_delete, name="delete"),
    path("reunions/<int:pk>/inscriptions/", views.registrations, name="registrations"),
    path("reunions/<int:pk>/participation/", views.attendance, name="attendance"),
    path("reunions/<int:pk>/compte-rendu/", views.minutes, name="minutes"),
    path("reunions/<int:pk>/sujets/", views.nodes, name="nodes"),
]
