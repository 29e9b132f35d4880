"""Forms of the awards screens: text in NFC, dates as dd/mm/yyyy, choice lists scoped."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm, NFCModelForm
from blocs.models import Person, Unit, User
from movements.access import visible_movements

from .models import MovementAward, Registration, RegistrationRound, Title, TitleKind


class RoundForm(NFCModelForm):
    class Meta:
        model = RegistrationRound
        fields = ["year", "opens_on", "deadline", "bloc_deadline", "movement", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = visible_movements(user).order_by("-year", "name")
        if self.instance.pk:
            self.fields["year"].disabled = True


@dataclass
class Cell:
    name: str
    value: int
    checked: bool
    label: str


class RegistrationForm(NFCForm):
    """The pledge, a tick for each title the unit itself aims for, and a table of the unit's
    people against the individual titles and forms, one tick per person and title."""

    pledge_text = forms.CharField(
        label=_("Nội dung đăng ký, chỉ tiêu phấn đấu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(
        self,
        *args,
        titles: list[Title],
        people: QuerySet[Person],
        registration: Registration | None = None,
        **kwargs,
    ):
        if registration is not None and "initial" not in kwargs:
            kwargs["initial"] = self._initial(registration)
        super().__init__(*args, **kwargs)
        self.titles, self.people = titles, list(people)
        for title in titles:
            if title.for_collective:
                self.fields[f"tt_{title.pk}"] = forms.BooleanField(label=title.name, required=False)
            if title.for_individual:
                self.fields[f"cn_{title.pk}"] = forms.ModelMultipleChoiceField(
                    label=title.name,
                    queryset=people,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={"invalid_choice": _("Chỉ chọn được cá nhân của đơn vị.")},
                )

    @staticmethod
    def _initial(registration: Registration) -> dict:
        initial: dict = {"pledge_text": registration.pledge_text}
        for title_id, person_id in registration.entries.values_list("title_id", "person_id"):
            if person_id is None:
                initial[f"tt_{title_id}"] = True
            else:
                initial.setdefault(f"cn_{title_id}", []).append(person_id)
        return initial

    def entries(self) -> list[tuple[Title, Person | None]]:
        chosen: list[tuple[Title, Person | None]] = []
        for title in self.titles:
            if self.cleaned_data.get(f"tt_{title.pk}"):
                chosen.append((title, None))
            for person in self.cleaned_data.get(f"cn_{title.pk}") or []:
                chosen.append((title, person))
        return chosen

    def collective(self, kind: str) -> list[forms.BoundField]:
        return [self[f"tt_{t.pk}"] for t in self.titles if t.for_collective and t.kind == kind]

    def collective_titles(self) -> list[forms.BoundField]:
        return self.collective(TitleKind.TITLE)

    def collective_forms(self) -> list[forms.BoundField]:
        return self.collective(TitleKind.FORM)

    def columns(self) -> list[Title]:
        return [t for t in self.titles if t.for_individual]

    def title_columns(self) -> list[Title]:
        return [t for t in self.columns() if t.kind == TitleKind.TITLE]

    def form_columns(self) -> list[Title]:
        return [t for t in self.columns() if t.kind == TitleKind.FORM]

    def matrix(self) -> list[tuple[Person, list[Cell]]]:
        """One row per person, one tick box per individual title, as typed or stored."""
        columns = self.columns()
        chosen = {
            t.pk: {str(v) for v in (self[f"cn_{t.pk}"].value() or [])} for t in columns
        }
        return [
            (
                person,
                [
                    Cell(f"cn_{t.pk}", person.pk, str(person.pk) in chosen[t.pk],
                         f"{t.name}: {person.full_name}")
                    for t in columns
                ],
            )
            for person in self.people
        ]

    def column_errors(self) -> list[str]:
        return [
            f"{t.name}: {message}"
            for t in self.columns()
            for message in self.errors.get(f"cn_{t.pk}", [])
        ]


class CommentForm(NFCForm):
    comment = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnForm(NFCForm):
    # Required by the service, whose message ("Hãy ghi lý do trả lại.") the user then sees.
    comment = forms.CharField(
        label=_("Lý do trả lại"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Đơn vị sẽ thấy lý do này và sửa bản đăng ký trước khi gửi lại."),
    )

    def __init__(self, *args, **kwargs):
        # Shown beside the accept form, whose "comment" box would otherwise have the same id
        # (and the label "Lý do trả lại" would point at the wrong box).
        kwargs.setdefault("auto_id", "id_return_%s")
        super().__init__(*args, **kwargs)


class BlocSubmitForm(NFCForm):
    missing_units = forms.ModelMultipleChoiceField(
        label=_("Xác nhận gửi khi các đơn vị sau chưa có bản đăng ký được tiếp nhận"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=_("Ghi chú gửi Sở Nội vụ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, missing: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing_units"].queryset = Unit.objects.filter(
            pk__in=[u.pk for u in missing]
        ).order_by("name")
        if not missing:
            self.fields["missing_units"].widget = forms.MultipleHiddenInput()


class MovementAwardForm(NFCModelForm):
    class Meta:
        model = MovementAward
        fields = ["title", "quantity", "budget", "criteria"]
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = Title.objects.filter(is_active=True)
        if self.instance.title_id:
            titles = titles | Title.objects.filter(pk=self.instance.title_id)
        self.fields["title"].queryset = titles.order_by("kind", "position")
