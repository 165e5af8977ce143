app_name = "locations"

urlpatterns: list = []
