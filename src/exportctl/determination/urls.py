from django.urls import path

from exportctl.determination import views

app_name = "determination"
urlpatterns = [
    path("", views.form, name="form"),
    path("<int:pk>/", views.result, name="result"),
]
