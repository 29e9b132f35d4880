"""Every field of our own models has a Vietnamese name: forms, admin columns and Django's
own messages ("… có … đã tồn tại") show it to users."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import AbstractUser

# Django's own user fields carry Django's (translated) names.
DJANGO_USER_FIELDS = {f.name for f in AbstractUser._meta.get_fields()}


@pytest.mark.parametrize("app_label", ["blocs", "movements", "meetings"])
def test_every_field_has_a_vietnamese_verbose_name(app_label):
    unnamed = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config(app_label).get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and not field.auto_created
        and not (model.__name__ == "User" and field.name in DJANGO_USER_FIELDS)
        # Without verbose_name Django derives it from the attribute name.
        and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert unnamed == []
