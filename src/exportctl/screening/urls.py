from django.urls import path

from exportctl.screening import views

app_name = "screening"
urlpatterns = [
    path("", views.index, name="index"),
    path("parties/<int:pk>/", views.subject, name="subject"),
    path("hits/<int:pk>/decide/", views.decide_hit, name="decide"),
    path("file/", views.file, name="file"),
    path("file/<int:pk>/", views.file_run, name="file_run"),
    path("rescreens/", views.rescreens, name="rescreens"),
]
