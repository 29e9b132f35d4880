"""Forms of the council, decision and history screens: text in NFC, dates as dd/mm/yyyy."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm

from .models import Nominee, SignerPrefix
from .services.decisions import CENTRAL_ISSUERS, PROVINCE_ISSUER, Signing
from .services.dossier import MAX_MB


class NoticeForm(NFCForm):
    starts_on = forms.DateField(label=_("Công khai từ ngày"))
    channel = forms.CharField(label=_("Hình thức công khai"), max_length=200, required=False,
                              help_text=_("Ví dụ: Cổng thông tin điện tử tỉnh, Báo Lai Châu."))


class ObjectionForm(NFCForm):
    nominee = forms.ModelChoiceField(label=_("Về"), queryset=Nominee.objects.none(), required=False,
                                     empty_label=_("(chung cho đề nghị)"))
    sender_name = forms.CharField(label=_("Họ tên người gửi"), max_length=120)
    sender_contact = forms.CharField(label=_("Địa chỉ liên hệ"), max_length=200)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = nominees


class ResolveForm(NFCForm):
    resolution = forms.CharField(label=_("Kết quả giải quyết"), widget=forms.Textarea(attrs={"rows": 3}))


class CouncilForm(NFCForm):
    """The session (date, members, presence, written opinions) and a tally per nominee whose
    title needs a vote."""

    held_on = forms.DateField(label=_("Ngày họp"))
    members_total = forms.IntegerField(label=_("Tổng số thành viên Hội đồng"), min_value=1)
    members_present = forms.IntegerField(label=_("Số thành viên có mặt"), min_value=0)
    written_opinions = forms.IntegerField(label=_("Số vắng có ý kiến bằng văn bản"), min_value=0, initial=0)
    chair = forms.CharField(label=_("Chủ trì"), max_length=160)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, voted: list[Nominee], **kwargs):
        super().__init__(*args, **kwargs)
        self.voted = voted
        for nominee in voted:
            self.fields[f"for_{nominee.pk}"] = forms.IntegerField(label=_("Đồng ý"), min_value=0)
            self.fields[f"against_{nominee.pk}"] = forms.IntegerField(label=_("Không đồng ý"), min_value=0, initial=0)

    def rows(self):
        return [(n, self[f"for_{n.pk}"], self[f"against_{n.pk}"]) for n in self.voted]

    def session_fields(self) -> dict:
        keys = ("held_on", "members_total", "members_present", "written_opinions", "chair", "note")
        return {k: self.cleaned_data[k] for k in keys}

    def tallies(self) -> dict[int, tuple[int, int]]:
        data = self.cleaned_data
        return {n.pk: (data[f"for_{n.pk}"], data.get(f"against_{n.pk}") or 0) for n in self.voted}


class SigningForm(NFCForm):
    issuer = forms.CharField(label=_("Cơ quan, người có thẩm quyền ban hành"), max_length=200, initial=PROVINCE_ISSUER)
    number = forms.IntegerField(label=_("Số"), min_value=1, required=False,
                                help_text=_("Để trống để lấy số tiếp theo của năm."))
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=40, initial="QĐ-UBND")
    signed_on = forms.DateField(label=_("Ngày ký"))
    signer_prefix = forms.ChoiceField(label=_("Thẩm quyền ký"), choices=SignerPrefix.choices, required=False)
    signer_post = forms.CharField(label=_("Chức vụ người ký"), max_length=120, initial="Chủ tịch")
    signer_name = forms.CharField(label=_("Người ký"), max_length=120)
    subject = forms.CharField(label=_("Trích yếu"), max_length=400)

    def signing(self) -> Signing:
        d = self.cleaned_data
        return Signing(issuer=d["issuer"], signed_on=d["signed_on"], signer_post=d["signer_post"],
                       signer_name=d["signer_name"], subject=d["subject"], symbol=d["symbol"],
                       signer_prefix=d["signer_prefix"] or "", number=d["number"])


class DecisionForm(SigningForm):
    """The province's decision; a reason typed against a nominee defers it."""

    def __init__(self, *args, nominees: list[Nominee], **kwargs):
        super().__init__(*args, **kwargs)
        self.nominees = nominees
        for nominee in nominees:
            self.fields[f"defer_{nominee.pk}"] = forms.CharField(label=_("Lý do hoãn"), required=False, max_length=300)

    def rows(self):
        return [(n, self[f"defer_{n.pk}"]) for n in self.nominees]

    def deferred(self) -> dict[int, str]:
        return {n.pk: self.cleaned_data[f"defer_{n.pk}"] for n in self.nominees if self.cleaned_data[f"defer_{n.pk}"]}


class CentralDecisionForm(SigningForm):
    issuer = forms.ChoiceField(label=_("Người ban hành"), choices=[(i, i) for i in CENTRAL_ISSUERS])

    def __init__(self, *args, nominees: list[Nominee], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["symbol"].initial = "QĐ-TTg"
        self.fields["signer_post"].initial = ""
        self.fields["awarded"] = forms.ModelMultipleChoiceField(
            label=_("Được khen thưởng"), queryset=Nominee.objects.filter(pk__in=[n.pk for n in nominees]),
            widget=forms.CheckboxSelectMultiple, initial=[n.pk for n in nominees],
        )


class ForwardForm(NFCForm):
    document_number = forms.CharField(label=_("Số tờ trình"), max_length=60, required=False)


class RevokeForm(SigningForm):
    reason = forms.CharField(label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(NFCForm):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith(".xlsx") or file.read(4) != b"PK\x03\x04":
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        file.seek(0)
        return file


class SignedPdfForm(NFCForm):
    """The scan of a signed paper (the council's minutes, a decision); its content is checked
    by the service (``council.signed_pdf``)."""

    file = forms.FileField(label=_("Tệp PDF"), help_text=_("Bản đã ký, quét hoặc xuất ra PDF, tối đa %(n)s MB.")
                           % {"n": MAX_MB})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"
