"""URL map: pages, the API under /api/, the admin under /admin/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from exportctl.api import api
from exportctl.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("organisation/", views.organisation, name="organisation"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("control-list/", include("exportctl.catalogue.urls")),
    path("parties/", include("exportctl.parties.urls")),
    path("audit/", include("exportctl.audit.urls")),
    path("screening/", include("exportctl.screening.urls")),
    path("licensing/", include("exportctl.licensing.urls")),
    path("determine/", include("exportctl.determination.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
