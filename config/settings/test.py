"""Test settings: fast hashing, in-memory e-mail; the database comes from DATABASE_URL."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Files go to a real folder so that a Celery worker started by a test can share them.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=Path(tempfile.gettempdir()) / "tdkt-test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
