"""Public pages of indicators, at the site's root: /<slug>/indicateurs/…"""

from django.urls import path

from faisse.indicators import views

app_name = "indicators_public"

urlpatterns = [
    path("<slug:slug>/indicateurs/", views.indicator_list, name="list"),
    path("<slug:slug>/indicateurs/<int:pk>/", views.indicator_detail, name="detail"),
]
