from django.urls import path

from exportctl.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.index, name="index"),
    path("hs/<str:code>/", views.hs_code, name="hs_code"),
    path("<str:code>/", views.entry, name="entry"),
]
