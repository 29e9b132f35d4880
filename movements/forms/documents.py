"""Forms of the documents area. Numbered contents (a directive's items, a plan's solutions)
are typed one per line, as staff copy them from the signed text; a plan's tasks are rows of
a table (a formset)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm, NFCModelForm
from blocs.models import Bloc, Unit
from blocs.text import nfc
from blocs.uploads import PDFFileField

from ..models import Document, ImplementationPlan, Movement, PlanTask
from ..services.documents import LAUNCHING_KINDS, resolve_schedule

# "09/CT-UBND", "477 / CT-UBND": the number, a slash, the symbol.
CODE_RE = re.compile(r"^\s*(\d{1,6})\s*/\s*(\S+)\s*$")
# The numbering staff paste with each line: "1.", "2)", "a)", "-", "•".
NUMBERING_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[a-zđ]\)|[-–•+*])\s*", re.IGNORECASE)


def split_lines(text: str) -> list[str]:
    """The non-empty lines of *text* without their leading numbering."""
    return [line for raw in text.splitlines() if (line := nfc(NUMBERING_RE.sub("", raw, count=1)))]


def numbered(texts) -> str:
    """Lines "1. …", "2. …" to edit; ``split_lines`` drops the numbers again."""
    return "\n".join(f"{i}. {text}" for i, text in enumerate(texts, 1))


def lines_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs={"rows": 10})
    )


class DocumentForm(NFCModelForm):
    code = forms.CharField(
        label=_("Số, ký hiệu"), max_length=50, help_text=_("Như in trên văn bản, ví dụ 09/CT-UBND.")
    )
    items = lines_field(
        _("Các nội dung"),
        _("Mỗi dòng một nội dung, theo thứ tự trong văn bản; số thứ tự đầu dòng (1., 2)…) được bỏ đi."),
    )
    signed_file = PDFFileField(label=_("Bản ký (PDF)"), required=False)
    field_order = ["code", "kind", "issued_on", "issuer", "signer_title", "signer_name", "title"]

    class Meta:
        model = Document
        fields = [
            "kind", "issued_on", "issuer", "signer_title", "signer_name", "title", "summary",
            "year_from", "year_to", "report_deadline", "signed_file",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Unit.objects.order_by("name")
        self.fields["year_to"].required = False
        self.fields["year_to"].help_text = _("Để trống nếu chỉ áp dụng một năm.")
        if self.instance.pk:
            self.initial.setdefault("code", self.instance.code)
            self.initial.setdefault("items", numbered(i.text for i in self.instance.items.all()))

    def clean_code(self) -> str:
        match = CODE_RE.match(self.cleaned_data["code"])
        if not match:
            raise ValidationError(_("Hãy ghi số và ký hiệu như trên văn bản, ví dụ 09/CT-UBND."))
        self.instance.number, self.instance.symbol = int(match[1]), match[2]
        return self.cleaned_data["code"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("year_from") and not cleaned.get("year_to"):
            cleaned["year_to"] = cleaned["year_from"]
        cleaned["items"] = split_lines(cleaned.get("items") or "")
        return cleaned


class MovementForm(NFCModelForm):
    class Meta:
        model = Movement
        fields = [
            "name", "kind", "directive", "theme", "targets", "year", "starts_on", "ends_on",
            "join_from", "join_until", "blocs", "units",
        ]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 3}),
            "targets": forms.Textarea(attrs={"rows": 4}),
            "blocs": forms.CheckboxSelectMultiple,
            "units": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directive"].queryset = Document.objects.filter(kind__in=LAUNCHING_KINDS)
        self.fields["blocs"].queryset = Bloc.objects.order_by("level", "name")
        chosen = self.instance.units.all() if self.instance.pk else Unit.objects.none()
        self.fields["units"].queryset = Unit.objects.filter(
            pk__in=(Unit.objects.filter(active_to__isnull=True) | chosen).values("pk")
        ).order_by("name")
        self.fields["units"].help_text = _("Đơn vị tham gia ngoài các khối, cụm đã chọn (giữ Ctrl để chọn nhiều).")
        self.fields["year"].help_text = _("Bắt buộc với phong trào thường xuyên.")


class MovementStatusForm(NFCForm):
    CLOSE, REOPEN = "dong", "mo_lai"
    action = forms.ChoiceField(
        label=_("Thao tác"), choices=[(CLOSE, _("Đóng phong trào")), (REOPEN, _("Mở lại phong trào"))]
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class PlanForm(NFCModelForm):
    solutions = lines_field(_("Các giải pháp chủ yếu"), _("Mỗi dòng một giải pháp."))

    class Meta:
        model = ImplementationPlan
        fields = ["bloc", "directive", "title", "adopted_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, blocs, **kwargs):
        super().__init__(*args, **kwargs)
        year = self.instance.year
        self.fields["bloc"].queryset = blocs
        self.fields["bloc"].label = _("Khối, cụm thi đua")
        if not self.instance.pk and "bloc" not in self.initial and len(blocs) == 1:
            self.initial["bloc"] = blocs[0].pk  # a bloc lead usually leads one bloc
        self.fields["directive"].queryset = Document.objects.filter(
            kind__in=LAUNCHING_KINDS, year_from__lte=year, year_to__gte=year
        )
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Để trống: “Kế hoạch thực hiện” và số của chỉ thị.")
        if self.instance.pk:
            self.fields["bloc"].disabled = self.fields["directive"].disabled = True
            self.initial.setdefault("solutions", numbered(s.text for s in self.instance.solutions.all()))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and cleaned.get("directive"):
            cleaned["title"] = _("Kế hoạch thực hiện %(d)s") % {"d": cleaned["directive"]}
        cleaned["solutions"] = split_lines(cleaned.get("solutions") or "")
        return cleaned


class MemberChoiceField(forms.ModelChoiceField):
    """A member unit chosen from a list read once for the whole table, not once per row."""

    def __init__(self, units: list[Unit], **kwargs):
        super().__init__(queryset=Unit.objects.none(), **kwargs)
        self.units = {str(u.pk): u for u in units}
        self.choices = [("", self.empty_label), *((str(u.pk), u.name) for u in units)]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.units[str(value)]
        except KeyError:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class PlanTaskForm(NFCModelForm):
    class Meta:
        model = PlanTask
        fields = ["text", "quarter", "due_on", "responsible"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, members: list[Unit], year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        self.fields["responsible"] = MemberChoiceField(
            members, label=_("Đơn vị thực hiện"), required=False, empty_label=_("Mọi đơn vị trong khối")
        )
        self.fields["quarter"].widget = forms.Select(choices=[("", "—"), *((q, q) for q in range(1, 5))])
        # The table is laid out by hand (no crispy): give each widget its Bootstrap class.
        for name, css in (("text", "form-control"), ("quarter", "form-select"),
                          ("due_on", "form-control"), ("responsible", "form-select")):
            self.fields[name].widget.attrs["class"] = css

    def clean(self):
        cleaned = super().clean()
        try:
            resolve_schedule(cleaned.get("quarter"), cleaned.get("due_on"), self.year)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


PlanTaskFormSet = forms.inlineformset_factory(
    ImplementationPlan, PlanTask, form=PlanTaskForm, extra=3, can_delete=True
)


class TaskReportForm(NFCForm):
    report = forms.CharField(
        label=_("Kết quả thực hiện"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Hãy ghi ngắn gọn kết quả thực hiện.")},
    )


class TaskReopenForm(NFCForm):
    reason = forms.CharField(
        label=_("Lý do mở lại"),
        max_length=500,
        error_messages={"required": _("Hãy ghi lý do mở lại nhiệm vụ.")},
    )

