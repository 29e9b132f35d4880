from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from blocs.admin_site import restrict_admin_site
from blocs.views.dashboard import dashboard

restrict_admin_site(admin.site)

urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("", include("blocs.urls")),
    path("", include("movements.urls")),
    path("", include("awards.urls")),
    path("", include("meetings.urls")),
]
