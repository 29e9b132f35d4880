"""The filters of the "Xét điều kiện" screen: title, year, who (people or collectives),
unit, bloc, result and a name search. Choices are limited to what the user can see."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.access import current_year, visible_blocs, visible_units
from blocs.models import MAX_YEAR, MIN_YEAR
from blocs.text import nfc

from .eligibility import FAIL, PASS, UNKNOWN, WARN
from .models import Beneficiary, Title

PEOPLE, COLLECTIVES = "ca_nhan", "tap_the"
RESULTS = [
    ("", _("Tất cả")),
    (PASS, _("Đủ điều kiện")),
    (WARN, _("Đủ, có lưu ý")),
    (UNKNOWN, _("Chưa đủ dữ liệu")),
    (FAIL, _("Không đủ điều kiện")),
]


class EligibilityFilterForm(forms.Form):
    danh_hieu = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"),
        queryset=Title.objects.none(),
        to_field_name="code",
        empty_label=None,
    )
    nam = forms.IntegerField(label=_("Năm xét"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    doi_tuong = forms.ChoiceField(
        label=_("Đối tượng"),
        choices=[(PEOPLE, _("Cá nhân")), (COLLECTIVES, _("Tập thể"))],
        required=False,
    )
    don_vi = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False)
    khoi = forms.ModelChoiceField(label=_("Khối, cụm"), queryset=None, required=False)
    ket_qua = forms.ChoiceField(label=_("Kết quả"), choices=RESULTS, required=False)
    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100)

    def __init__(self, data, *, user, **kwargs):
        data = data.copy() if data else {}
        data.setdefault("nam", str(current_year()))
        data.setdefault("danh_hieu", "LDTT")
        super().__init__(data, **kwargs)
        year = self._year(data.get("nam"))
        self.fields["danh_hieu"].queryset = Title.objects.filter(is_active=True).exclude(
            beneficiary=Beneficiary.HOUSEHOLD
        )
        self.fields["don_vi"].queryset = visible_units(user, year).order_by("name")
        self.fields["khoi"].queryset = visible_blocs(user, year).order_by("name")

    @staticmethod
    def _year(value) -> int:
        try:
            return min(max(int(value), MIN_YEAR), MAX_YEAR)
        except (TypeError, ValueError):
            return current_year()

    def clean_q(self) -> str:
        return nfc(self.cleaned_data["q"])

    def clean(self):
        cleaned = super().clean()
        title = cleaned.get("danh_hieu")
        if title is not None:
            if not title.for_individual:
                cleaned["doi_tuong"] = COLLECTIVES
            elif not title.for_collective:
                cleaned["doi_tuong"] = PEOPLE
            else:
                cleaned["doi_tuong"] = cleaned.get("doi_tuong") or PEOPLE
        return cleaned
