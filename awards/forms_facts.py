"""Forms of the facts screens: the unit-year ratings table, a bloc's year-end ranking,
initiatives, discipline, holds, the list filters and the ratings upload. Text in NFC, dates
as dd/mm/yyyy, numbers with a decimal comma, choices scoped."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.access import editable_units
from blocs.forms import NFCForm, NFCModelForm
from blocs.models import MAX_YEAR, MIN_YEAR, Membership, Person, Unit, User

from . import access_facts
from .models import BlocRanking, Discipline, Hold, Initiative, PerformanceRating, Rating
from .services.facts import RatingLine

RATING_CHOICES = [("", "—"), *Rating.choices]


@dataclass
class RatingRow:
    person: Person
    rating: forms.BoundField
    source: forms.BoundField
    # Set when another unit rated the person that year (they moved): saving replaces it.
    other_unit: Unit | None


class RatingsForm(NFCForm):
    """One row per person employed in the unit that year: the rating and its document."""

    unit_rating = forms.ChoiceField(label=_("Xếp loại tập thể"), choices=RATING_CHOICES, required=False,
                                    widget=forms.Select(attrs={"class": "form-select"}))
    unit_source = forms.CharField(label=_("Văn bản"), max_length=200, required=False,
                                  widget=forms.TextInput(attrs={"class": "form-control"}))

    def __init__(self, *args, people: list[Person], stored: dict[int, PerformanceRating],
                 unit_rating: PerformanceRating | None, **kwargs):
        initial = {"unit_rating": unit_rating.rating if unit_rating else "",
                   "unit_source": unit_rating.source if unit_rating else ""}
        for person_id, row in stored.items():
            initial[f"r_{person_id}"], initial[f"s_{person_id}"] = row.rating, row.source
        super().__init__(*args, initial=initial, **kwargs)
        self.people, self.stored = people, stored
        for person in people:
            self.fields[f"r_{person.pk}"] = forms.ChoiceField(
                label=person.full_name, choices=RATING_CHOICES, required=False
            )
            self.fields[f"s_{person.pk}"] = forms.CharField(
                label=_("Văn bản/ghi chú"), max_length=200, required=False
            )

    def rows(self) -> list[RatingRow]:
        rows = []
        for person in self.people:
            stored = self.stored.get(person.pk)
            other = stored.rated_by_unit if stored and stored.rated_by_unit_id != person.unit_id else None
            rows.append(RatingRow(person, self[f"r_{person.pk}"], self[f"s_{person.pk}"], other))
        return rows

    def lines(self) -> list[RatingLine]:
        data = self.cleaned_data
        return [RatingLine(p.pk, data[f"r_{p.pk}"], data[f"s_{p.pk}"]) for p in self.people]


@dataclass
class RankingRow:
    membership: Membership
    rank: forms.BoundField
    score: forms.BoundField


class BlocRankingForm(NFCForm):
    """One row per member unit of the bloc that year: its place (empty: not ranked) and
    score, and the document the whole ranking comes from."""

    source = forms.CharField(
        label=_("Văn bản ghi nhận kết quả"), max_length=300, required=False,
        help_text=_("Ví dụ: Biên bản hội nghị tổng kết công tác thi đua, khen thưởng năm … ngày …"),
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, members: list[Membership], stored: dict[int, BlocRanking], **kwargs):
        initial = {"source": next((r.source for r in stored.values()), "")}
        for unit_id, row in stored.items():
            initial[f"rank_{unit_id}"], initial[f"score_{unit_id}"] = row.rank, row.score
        super().__init__(*args, initial=initial, **kwargs)
        self.members = members
        for m in members:
            self.fields[f"rank_{m.unit_id}"] = forms.IntegerField(
                label=_("Thứ hạng"), min_value=1, max_value=max(len(members), 1), required=False
            )
            self.fields[f"score_{m.unit_id}"] = forms.DecimalField(
                label=_("Tổng điểm"), max_digits=7, decimal_places=2, min_value=Decimal("0"),
                required=False, localize=True,
            )

    def rows(self) -> list[RankingRow]:
        return [RankingRow(m, self[f"rank_{m.unit_id}"], self[f"score_{m.unit_id}"]) for m in self.members]

    def clean(self):
        cleaned = super().clean()
        ranked = 0
        for m in self.members:
            rank, score = cleaned.get(f"rank_{m.unit_id}"), cleaned.get(f"score_{m.unit_id}")
            if rank:
                ranked += 1
            elif score is not None:
                self.add_error(f"rank_{m.unit_id}", _("Có điểm thì phải có thứ hạng."))
        if not ranked and not self.errors:
            raise forms.ValidationError(_("Chưa nhập thứ hạng của đơn vị nào."))
        if ranked and not cleaned.get("source"):
            self.add_error("source", _("Hãy ghi văn bản ghi nhận kết quả xếp hạng."))
        return cleaned

    def ranking_rows(self) -> list[tuple[Unit, int, Decimal | None]]:
        data = self.cleaned_data
        return [
            (m.unit, data[f"rank_{m.unit_id}"], data[f"score_{m.unit_id}"])
            for m in self.members
            if data.get(f"rank_{m.unit_id}")
        ]


class RatingsUploadForm(NFCForm):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) đã điền"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = (
            ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )


class FactFilterForm(NFCForm):
    nam = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False)
    don_vi = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = units.order_by("name")


class InitiativeForm(NFCModelForm):
    class Meta:
        model = Initiative
        fields = ["title", "kind", "level", "recognised_on", "recognised_by", "unit", "authors"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = editable_units(user).order_by("name")
        people = Person.objects.all()
        if not user.manages_province:
            people = access_facts.own_people(user)
        self.fields["authors"].queryset = people.select_related("unit").order_by("search_text", "pk")
        self.fields["authors"].widget = forms.SelectMultiple(attrs={"size": 8})
        self.fields["authors"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"

    def clean(self):
        cleaned = super().clean()
        unit, day, authors = cleaned.get("unit"), cleaned.get("recognised_on"), cleaned.get("authors")
        if self.user.manages_province or not (unit and day and authors):
            return cleaned
        # A unit records only its own people's initiatives, for the year they worked there.
        employed = set(access_facts.employed_in(unit.pk, day.year).values_list("person_id", flat=True))
        strangers = [p.full_name for p in authors if p.pk not in employed]
        if strangers:
            self.add_error("authors", _("Không công tác tại %(u)s năm %(y)s: %(p)s.")
                           % {"u": unit.name, "y": day.year, "p": ", ".join(strangers)})
        return cleaned


class DisciplineForm(NFCModelForm):
    class Meta:
        model = Discipline
        fields = ["person", "form", "decided_on", "effective_from", "effective_to", "unit_at_time", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.select_related("unit").order_by("search_text", "pk")
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"
        self.fields["unit_at_time"].queryset = Unit.objects.order_by("name")
        self.fields["unit_at_time"].help_text = _("Để trống: đơn vị hiện tại của cá nhân.")


class HoldForm(NFCModelForm):
    class Meta:
        model = Hold
        fields = ["person", "unit", "kind", "opened_on", "source", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.select_related("unit").order_by("search_text", "pk")
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"
        self.fields["unit"].queryset = Unit.objects.order_by("name")
        self.fields["person"].help_text = _("Chọn một cá nhân hoặc một tập thể.")


class HoldCloseForm(NFCForm):
    closed_on = forms.DateField(label=_("Kết thúc ngày"))
    note = forms.CharField(label=_("Kết quả, văn bản kết luận"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
