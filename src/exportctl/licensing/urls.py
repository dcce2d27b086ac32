from django.urls import path

from exportctl.licensing import calendar_admin, questions, stats, views

app_name = "licensing"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", views.new, name="new"),
    path("queue/", views.queue, name="queue"),
    path("statistics/", stats.statistics, name="statistics"),
    path("calendar/", calendar_admin.calendar_page, name="calendar"),
    path("notifications/", views.notifications, name="notifications"),
    path("questions/", questions.questions, name="questions"),
    path("questions/<int:pk>/", questions.question, name="question"),
    path("licences/<int:pk>/", views.licence, name="licence"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("<int:pk>/", views.case, name="case"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/upload/", views.upload, name="upload"),
    path("<int:pk>/act/", views.act, name="act"),
]
