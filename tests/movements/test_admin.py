"""The movements admin's inlines follow their parent page's rule, so interior staff (who hold
no Django model permissions) see and edit a directive's items there."""

from __future__ import annotations

import datetime

from django.urls import reverse

from blocs.models import UnitKind
from movements.models import Document, DocumentItem, DocumentKind
from movements.services import documents as services
from tests.conftest import make_unit


def test_interior_staff_see_a_directive_s_items_inline_and_save_a_corrected_item(org, login):
    ubnd = make_unit("ubnd-tinh", "UBND tỉnh Lai Châu", UnitKind.OTHER)
    document = services.document_save(
        actor=None,
        document=Document(
            kind=DocumentKind.DIRECTIVE, number=9, symbol="CT-UBND", issuer=ubnd,
            issued_on=datetime.date(2024, 12, 31), title="Về việc phát động phong trào thi đua",
            year_from=2025, year_to=2025,
        ),
        items=["Đổi mới công tác thi đua", "Nâng cao chất lượng khen thưởng"],
    )
    url = reverse("admin:movements_document_change", args=[document.pk])
    client = login(org.noivu)
    page = client.get(url).content.decode()
    assert 'name="items-TOTAL_FORMS" value="2"' in page

    items = list(document.items.order_by("position"))
    data = {
        "kind": document.kind, "number": document.number, "symbol": document.symbol,
        "issuer": ubnd.pk, "issued_on": "31/12/2024", "title": document.title,
        "year_from": 2025, "year_to": 2025, "signer_name": "", "signer_title": "", "summary": "",
        "report_deadline": "",
        "items-TOTAL_FORMS": 2, "items-INITIAL_FORMS": 2, "items-MIN_NUM_FORMS": 0, "items-MAX_NUM_FORMS": 1000,
    }
    for i, item in enumerate(items):
        data.update({
            f"items-{i}-id": item.pk, f"items-{i}-document": document.pk,
            f"items-{i}-position": item.position, f"items-{i}-text": item.text,
        })
    data["items-1-text"] = "Nâng cao chất lượng công tác khen thưởng"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DocumentItem.objects.get(pk=items[1].pk).text == "Nâng cao chất lượng công tác khen thưởng"


def test_a_unit_officer_cannot_open_a_directive_in_the_admin(org, login):
    response = login(org.truongkhoi).get(reverse("admin:movements_document_changelist"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
