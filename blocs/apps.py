from django.apps import AppConfig


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = "Tổ chức: đơn vị, khối thi đua, cá nhân"
