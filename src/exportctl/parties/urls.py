from django.urls import path

from exportctl.parties import views

app_name = "parties"
urlpatterns = [
    path("", views.search, name="search"),
    path("lists/", views.lists, name="lists"),
    path("imports/<int:run_id>/", views.import_run, name="import_run"),
    path("<int:entity_id>/", views.entity, name="entity"),
]
