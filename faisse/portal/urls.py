from django.urls import path

from faisse.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.territory_list, name="home"),
    path("<slug:slug>/", views.territory_home, name="territory"),
    path("<slug:slug>/plan/", views.plan_detail, name="plan"),
    path("<slug:slug>/plan/<str:segment>/<int:pk>/", views.node_detail, name="node"),
]
