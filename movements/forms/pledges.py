"""Forms of the pledge, work plan and budget screens.

Amounts of money are whole đồng typed as plain digits or grouped the Vietnamese way
("1.500.000"); points and quantities accept a decimal comma ("2,5") as well as a point.
Unit choices are the bloc's members in the year of the object being edited.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm, NFCModelForm
from blocs.uploads import PDFFileField

from ..models import (
    Activity,
    ActivityStatus,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Pledge,
    PledgeSignatory,
    TieRule,
)

_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")
FUNDING_SOURCES = [
    _("Quỹ thi đua, khen thưởng tỉnh"),
    _("Đóng góp của các đơn vị thành viên"),
    _("Kinh phí của đơn vị trưởng khối"),
]


class MoneyField(forms.IntegerField):
    """Whole đồng: "1500000", "1.500.000", "1 500 000" or "1.500.000 đ" all mean the same."""

    default_error_messages = {
        "invalid": _("Nhập số tiền bằng số nguyên đồng, ví dụ 1500000 hoặc 1.500.000."),
        "min_value": _("Số tiền không được nhỏ hơn %(limit_value)s đồng."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("đ").strip().replace(" ", "")
            if _GROUPED.fullmatch(value):
                value = value.replace(".", "")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value


class CommaDecimalField(forms.DecimalField):
    """A decimal typed with a comma or a point; shown without trailing zeros ("2,5", "10")."""

    default_error_messages = {
        "invalid": _("Nhập một số, ví dụ 10 hoặc 2,5."),
        "min_value": _("Không được nhỏ hơn %(limit_value)s."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            text = f"{value:f}"
            text = text.rstrip("0").rstrip(".") if "." in text else text
            return text.replace(".", ",")
        return value


def points_field(**kwargs) -> CommaDecimalField:
    return CommaDecimalField(
        label=_("Điểm tối đa"), min_value=0, max_digits=6, decimal_places=2, **kwargs
    )


def _members_only(field: forms.ModelChoiceField, members) -> None:
    field.queryset = members
    field.empty_label = _("— Chọn đơn vị thành viên —")


# --- Pledges and criteria ----------------------------------------------------------------


class PledgeForm(NFCModelForm):
    class Meta:
        model = Pledge
        fields = ["text", "tie_rule"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"text": _("Các mục tiêu, chỉ tiêu các đơn vị cam kết thực hiện trong năm.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tie_rule"].required = False  # left out: units with equal totals share a rank

    def clean_tie_rule(self) -> str:
        return self.cleaned_data.get("tie_rule") or TieRule.SHARED


class PledgeCopyForm(NFCForm):
    copy_text = forms.BooleanField(label=_("Sao chép cả nội dung giao ước"), required=False)


class PledgeSignForm(NFCForm):
    signed_on = forms.DateField(label=_("Ngày ký kết"))
    signing_meeting = forms.CharField(
        label=_("Hội nghị ký kết"),
        max_length=300,
        help_text=_("Ví dụ: Hội nghị triển khai nhiệm vụ năm 2024 và ký kết giao ước thi đua."),
    )
    signed_file = PDFFileField(label=_("Bản giao ước đã ký (PDF)"), required=False)


class PledgeAttachForm(NFCForm):
    signed_file = PDFFileField(label=_("Bản giao ước đã ký (PDF)"))


class ReopenForm(NFCForm):
    reason = forms.CharField(
        label=_("Lý do mở lại"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class CriterionGroupForm(NFCModelForm):
    class Meta:
        model = CriterionGroup
        fields = ["name", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            # New groups go last; the order is changed when editing one.
            del self.fields["position"]
        else:
            self.fields["position"].min_value = 1


class CriterionForm(NFCModelForm):
    max_points = points_field()

    class Meta:
        model = Criterion
        fields = ["text", "max_points", "kind", "measure", "position"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["position"]


class SignatoryForm(NFCModelForm):
    class Meta:
        model = PledgeSignatory
        fields = ["unit", "representative", "position"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        _members_only(self.fields["unit"], members)


# --- Work plan ---------------------------------------------------------------------------

QUARTER_CHOICES = [
    ("", "—"),
    (1, _("Quý I")),
    (2, _("Quý II")),
    (3, _("Quý III")),
    (4, _("Quý IV")),
]


class ActivityForm(NFCModelForm):
    quarter = forms.TypedChoiceField(
        label=_("Quý"),
        choices=QUARTER_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Để trống thì lấy theo ngày tổ chức."),
    )

    class Meta:
        model = Activity
        fields = ["title", "quarter", "planned_on", "host", "status"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        _members_only(self.fields["host"], members)
        self.fields["status"].choices = ActivityStatus.choices


# --- Budget ------------------------------------------------------------------------------


class BudgetForm(NFCModelForm):
    class Meta:
        model = Budget
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class BudgetLineForm(NFCModelForm):
    quantity = CommaDecimalField(label=_("Số lượng"), min_value=0, max_digits=10, decimal_places=2)
    unit_price = MoneyField(label=_("Đơn giá (đồng)"))

    class Meta:
        model = BudgetLine
        fields = ["item", "quantity", "unit_price", "funding_source"]
        widgets = {"funding_source": forms.TextInput(attrs={"list": "funding-sources"})}


class ContributionForm(NFCModelForm):
    amount = MoneyField(label=_("Số tiền (đồng)"), min_value=1)

    class Meta:
        model = BudgetContribution
        fields = ["unit", "amount"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        _members_only(self.fields["unit"], members)


class BudgetApproveForm(NFCForm):
    approved_on = forms.DateField(label=_("Thông qua ngày"))
    approved_at = forms.CharField(
        label=_("Thông qua tại"),
        max_length=300,
        help_text=_("Ví dụ: Hội nghị Khối Thi đua Nội chính triển khai nhiệm vụ năm 2024."),
    )

