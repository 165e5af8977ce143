from django.urls import path

from faisse.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.territory_list, name="home"),
    path("<slug:slug>/", views.territory_home, name="territory"),
    path("<slug:slug>/plan/", views.plan_detail, name="plan"),
    path("<slug:slug>/plan/<str:segment>/<int:pk>/", views.node_detail, name="node"),
    path("<slug:slug>/communes/", views.commune_index, name="communes"),
    path("<slug:slug>/communes/<str:insee>/", views.commune_detail, name="commune"),
    path("<slug:slug>/carte/", views.map_detail, name="map"),
]
