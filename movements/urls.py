"""URLs of the movements app; each area keeps its patterns in its own module."""

from .urls_documents import urlpatterns as documents
from .urls_pledges import urlpatterns as pledges

app_name = "movements"

urlpatterns = [*documents, *pledges]
