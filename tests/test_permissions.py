"""The permission matrix: every URL of the project, every persona, the answer each one gets.

The URL patterns are read from the resolver, so a new view cannot escape: the first test
fails, naming it, until it has a row in ``TABLE``. The admin under /quan-tri/ is checked
as one group (its index, one changelist, its login page).

Answers: 200; LOGIN (302 to /accounts/login/?next=<the url>); DONE (302 after the action);
403 (visible, not writable); 404 (outside the user's sight); 405 (wrong method). Whatever
is not DONE must leave the data exactly as it was.
"""

from __future__ import annotations

import datetime
import importlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from blocs import jobs, services
from blocs.models import (
    AuditLog,
    Bloc,
    BlocYear,
    Job,
    JobStatus,
    Membership,
    Person,
    Role,
    TransferRequest,
    Unit,
)
from blocs.text import fold
from tests.conftest import PERSONAS, make_unit, make_user
from tests.permission_kit import (  # noqa: F401  (the vocabulary of the table)
    ANON,
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    LOGIN,
    NOBODY,
    OK,
    POST_ONLY,
    PROVINCE_STAFF,
    WRONG_METHOD,
    Case,
    answers,
    bloc_year,
    get,
    missing,
    no_args,
    pk,
    post,
)

ADMIN_PREFIX = "quan-tri/"


# In the world below: Bộ CHQS (truongkhoi) leads Khối Nội chính, whose members are Công an
# (donvi's unit), Tòa án and Sở Tài chính; Văn phòng Tỉnh ủy leads Khối Đảng (Báo, Sở Y tế).
_OWN_UNIT_WRITE = answers(OK, OK, FORBIDDEN, OK, FORBIDDEN)  # Công an: donvi's own
_FAR_WRITE = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)  # outside both officers' sight
_FAR_MANAGE = answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)
_NEAR_MANAGE = answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)
_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_LEAD_ONLY_READ = answers(OK, OK, OK, HIDDEN, OK)  # Tòa án: seen by the lead, not by donvi
_DONVI_JOB = answers(OK, HIDDEN, HIDDEN, OK, HIDDEN)  # a job is its author's (and admin's)
# The lead sees Công an's people but not its transfer requests (from/to its own unit only).
_NEAR_TRANSFER = answers(OK, OK, HIDDEN, FORBIDDEN, FORBIDDEN)
ANYONE_LOGGED_IN = answers(DONE, DONE, DONE, DONE, DONE)

TABLE: dict[str, list[Case]] = {
    "dashboard": [get("the dashboard", no_args, EVERYONE)],
    "login": [get("the login page", no_args, answers(OK, OK, OK, OK, OK, anonymous=OK))],
    "logout": [
        get("logging out by link", no_args, POST_ONLY),
        post("logging out", no_args, ANYONE_LOGGED_IN),
    ],
    "blocs:unit_list": [get("the unit list", no_args, EVERYONE)],
    "blocs:unit_create": [
        get("the new unit form", no_args, PROVINCE_STAFF),
        post("an empty new unit", no_args, PROVINCE_STAFF),
    ],
    "blocs:unit_detail": [
        get("Công an, donvi's own unit in the lead's bloc", pk("ca"), EVERYONE),
        get("Tòa án, another member of the lead's bloc", pk("toa"), _LEAD_ONLY_READ),
        get("Bộ CHQS, the lead unit", pk("chqs"), _LEAD_ONLY_READ),
        get("Văn phòng Tỉnh ủy, in another bloc", pk("vptu"), _FAR_READ),
        get("a unit that does not exist", missing, NOBODY),
    ],
    "blocs:unit_update": [
        get("Công an's form", pk("ca"), _OWN_UNIT_WRITE),
        get("Bộ CHQS's form", pk("chqs"), answers(OK, OK, OK, HIDDEN, FORBIDDEN)),
        get("Văn phòng Tỉnh ủy's form", pk("vptu"), _FAR_WRITE),
        post("Công an emptied", pk("ca"), _OWN_UNIT_WRITE),
        post("Văn phòng Tỉnh ủy emptied", pk("vptu"), _FAR_WRITE),
    ],
    "blocs:unit_dissolve": [
        get("dissolving Công an", pk("ca"), PROVINCE_STAFF),
        get("dissolving Văn phòng Tỉnh ủy", pk("vptu"), _FAR_WRITE),
        post("dissolving Công an with no date", pk("ca"), PROVINCE_STAFF),
        post("dissolving Văn phòng Tỉnh ủy with no date", pk("vptu"), _FAR_WRITE),
    ],
    "blocs:units_export": [
        get("exporting units by link", no_args, POST_ONLY),
        post("exporting the units one sees", no_args, ANYONE_LOGGED_IN),
    ],
    "blocs:bloc_list": [get("the bloc list", no_args, EVERYONE)],
    "blocs:bloc_create": [
        get("the new bloc form", no_args, PROVINCE_STAFF),
        post("an empty new bloc", no_args, PROVINCE_STAFF),
    ],
    "blocs:bloc_detail": [
        get("Khối Nội chính, led by Bộ CHQS", pk("noi_chinh"), EVERYONE),
        get("Khối Đảng, another bloc", pk("dang"), _FAR_READ),
        get("a bloc that does not exist", missing, NOBODY),
    ],
    "blocs:bloc_update": [
        get("Khối Nội chính's form", pk("noi_chinh"), PROVINCE_STAFF),
        get("Khối Đảng's form", pk("dang"), _FAR_WRITE),
        post("Khối Nội chính emptied", pk("noi_chinh"), PROVINCE_STAFF),
        post("Khối Đảng emptied", pk("dang"), _FAR_WRITE),
    ],
    "blocs:membership_add": [
        get("adding a member by link", bloc_year("noi_chinh"), POST_ONLY),
        post("adding nothing to Khối Nội chính", bloc_year("noi_chinh"), PROVINCE_STAFF),
        post("adding nothing to Khối Đảng", bloc_year("dang"), _FAR_WRITE),
    ],
    "blocs:bloc_copy": [
        get("copying last year by link", bloc_year("noi_chinh"), POST_ONLY),
        post("copying last year into Khối Nội chính", bloc_year("noi_chinh"), _NEAR_MANAGE),
        post("copying last year into Khối Đảng", bloc_year("dang"), _FAR_MANAGE),
    ],
    "blocs:bloc_confirm": [
        get("confirming by link", bloc_year("noi_chinh"), POST_ONLY),
        post("confirming Khối Nội chính", bloc_year("noi_chinh"), _NEAR_MANAGE),
        post("confirming Khối Đảng", bloc_year("dang"), _FAR_MANAGE),
    ],
    "blocs:membership_role": [
        get("Sở Tài chính's role in Khối Nội chính", pk("member_near"), PROVINCE_STAFF),
        get("Sở Y tế's role in Khối Đảng", pk("member_far"), _FAR_WRITE),
        post("Sở Tài chính's role emptied", pk("member_near"), PROVINCE_STAFF),
        post("Sở Y tế's role emptied", pk("member_far"), _FAR_WRITE),
    ],
    "blocs:membership_remove": [
        get("removing a member by link", pk("member_near"), POST_ONLY),
        post("removing Sở Tài chính from Khối Nội chính", pk("member_near"), _NEAR_MANAGE),
        post("removing Sở Y tế from Khối Đảng", pk("member_far"), _FAR_MANAGE),
    ],
    "blocs:person_list": [get("the people list", no_args, EVERYONE)],
    "blocs:person_create": [
        get("the new person form", no_args, answers(OK, OK, OK, OK, FORBIDDEN)),
        post("an empty new person", no_args, answers(OK, OK, OK, OK, FORBIDDEN)),
    ],
    "blocs:person_detail": [
        get("a person of Công an", pk("person_ca"), EVERYONE),
        get("a person of Tòa án", pk("person_toa"), _LEAD_ONLY_READ),
        get("a person of Văn phòng Tỉnh ủy", pk("person_vptu"), _FAR_READ),
        get("a person who does not exist", missing, NOBODY),
    ],
    "blocs:person_update": [
        get("a Công an person's form", pk("person_ca"), _OWN_UNIT_WRITE),
        get("a Văn phòng Tỉnh ủy person's form", pk("person_vptu"), _FAR_WRITE),
        post("a Công an person emptied", pk("person_ca"), _OWN_UNIT_WRITE),
        post("a Văn phòng Tỉnh ủy person emptied", pk("person_vptu"), _FAR_WRITE),
    ],
    "blocs:transfer_create": [
        get("moving a Công an person", pk("person_ca"), _OWN_UNIT_WRITE),
        get("moving a Văn phòng Tỉnh ủy person", pk("person_vptu"), _FAR_WRITE),
        post("moving a Công an person nowhere", pk("person_ca"), _OWN_UNIT_WRITE),
        post("moving a Văn phòng Tỉnh ủy person nowhere", pk("person_vptu"), _FAR_WRITE),
    ],
    "blocs:people_export": [
        get("exporting people by link", no_args, POST_ONLY),
        post("exporting the people one sees", no_args, ANYONE_LOGGED_IN),
    ],
    "blocs:transfer_list": [get("the transfer list", no_args, EVERYONE)],
    "blocs:transfer_decide": [
        get("Công an → Tòa án", pk("transfer_near"), _NEAR_TRANSFER),
        get("Văn phòng Tỉnh ủy → Báo", pk("transfer_far"), _FAR_WRITE),
        post("Công an → Tòa án, neither approved nor reasoned", pk("transfer_near"), _NEAR_TRANSFER),
        post("Văn phòng Tỉnh ủy → Báo, neither approved nor reasoned", pk("transfer_far"), _FAR_WRITE),
    ],
    "blocs:job_detail": [
        get("donvi's export", pk("job_donvi"), _DONVI_JOB),
        get("noivu's export", pk("job_noivu"), answers(OK, OK, HIDDEN, HIDDEN, HIDDEN)),
        get("a job that does not exist", missing, NOBODY),
    ],
    "blocs:job_download": [
        get("donvi's finished export", pk("job_donvi_done"), _DONVI_JOB),
        get("donvi's export still queued", pk("job_donvi"), NOBODY),
    ],
    "blocs:job_retry": [
        get("retrying by link", pk("job_donvi_failed"), POST_ONLY),
        post("retrying donvi's failed export", pk("job_donvi_failed"), _DONVI_JOB | {"admin": DONE, "donvi": DONE}),
    ],
}


def _area_modules() -> list:
    """Each area's own table: tests/<app>/permission_table*.py, with TABLE and extend_world."""
    root = Path(__file__).parent
    names = sorted(f"tests.{p.parent.name}.{p.stem}" for p in root.glob("*/permission_table*.py"))
    return [importlib.import_module(name) for name in names]


AREAS = _area_modules()
for _area in AREAS:
    _overlap = set(TABLE) & set(_area.TABLE)
    assert not _overlap, f"{_area.__name__} repeats rows of another table: {_overlap}"
    TABLE.update(_area.TABLE)


def project_patterns(patterns=None, prefix="", namespace="") -> dict[str, str]:
    """``{name: route}`` of every pattern outside the admin; the admin is one entry."""
    found: dict[str, str] = {}
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                found["admin"] = route
                continue
            ns = ":".join(filter(None, [namespace, p.namespace]))
            found.update(project_patterns(p.url_patterns, route, ns))
        else:
            name = p.name or route
            found[f"{namespace}:{name}" if namespace else name] = route
    return found


@pytest.fixture
def world(org, settings, tmp_path):
    """``org`` plus one member unit in each bloc, two transfer requests and four jobs."""
    settings.MEDIA_ROOT = tmp_path
    w, day = org, datetime.date(org.year, 12, 1)
    w.stc = make_unit("so-tai-chinh", "Sở Tài chính")
    w.syt = make_unit("so-y-te", "Sở Y tế")
    w.member_near = services.membership_add(actor=None, bloc=w.noi_chinh, year=w.year, unit=w.stc)
    w.member_far = services.membership_add(actor=None, bloc=w.dang, year=w.year, unit=w.syt)
    w.person_ca, w.person_toa = w.people["cong-an"][0], w.people["tand"][0]
    w.person_vptu = w.people["vp-tinh-uy"][0]
    w.transfer_near = services.transfer_request(
        actor=w.donvi, person=w.people["cong-an"][1], to_unit=w.toa, effective_on=day
    )
    vptu_officer = make_user("vptu", Role.UNIT_OFFICER, w.vptu)
    w.transfer_far = services.transfer_request(
        actor=vptu_officer, person=w.people["vp-tinh-uy"][1], to_unit=w.bao, effective_on=day
    )
    params = {"year": w.year}
    w.job_donvi = jobs.job_start(actor=w.donvi, kind="units_export", params=params)
    w.job_noivu = jobs.job_start(actor=w.noivu, kind="units_export", params=params)
    w.job_donvi_done = jobs.job_start(actor=w.donvi, kind="people_export", params=params)
    w.job_donvi_done.file.save("ca-nhan.xlsx", ContentFile(b"PK\x03\x04 test"), save=False)
    w.job_donvi_done.status = JobStatus.DONE
    w.job_donvi_done.save()
    w.job_donvi_failed = jobs.job_start(actor=w.donvi, kind="people_export", params=params)
    Job.objects.filter(pk=w.job_donvi_failed.pk).update(status=JobStatus.FAILED, error="hỏng")
    for area in AREAS:
        area.extend_world(w)
    return w


def data_state() -> dict:
    """Everything a forbidden request could change, in one comparable value."""
    return {
        "units": list(Unit.objects.values_list("pk", "name", "active_to").order_by("pk")),
        "blocs": list(Bloc.objects.values_list("pk", "name").order_by("pk")),
        "bloc_years": list(BlocYear.objects.values_list("pk", "confirmed_at").order_by("pk")),
        "memberships": list(Membership.objects.values_list("pk", "unit_id", "role").order_by("pk")),
        "people": list(Person.objects.values_list("pk", "full_name", "unit_id").order_by("pk")),
        "transfers": list(TransferRequest.objects.values_list("pk", "status").order_by("pk")),
        "jobs": list(Job.objects.values_list("pk", "status").order_by("pk")),
        "audit_rows": AuditLog.objects.count(),
        **{area.__name__: area.state() for area in AREAS if hasattr(area, "state")},
    }


def login_problem(response, url: str, login_urls=("/accounts/login/",)) -> str | None:
    if response.status_code != 302:
        return f"got {response.status_code}, expected a login redirect"
    target = urlsplit(response["Location"])
    if target.path not in login_urls or parse_qs(target.query) != {"next": [url]}:
        return f"redirected to {response['Location']}, expected a login page with next={url}"
    return None


def answer_problem(response, expected, url: str) -> str | None:
    if expected == LOGIN:
        return login_problem(response, url)
    if expected == DONE:
        if response.status_code != 302:
            return f"got {response.status_code}, expected a redirect after the action"
        if "?next=" in response["Location"]:
            return f"sent to log in ({response['Location']}), expected the action to be done"
        return None
    if response.status_code != expected:
        return f"got {response.status_code}, expected {expected}"
    if expected == OK and response.streaming:
        if not response.body or "attachment" not in response.get("Content-Disposition", ""):
            return "answered 200 with no file to download"
    elif expected == OK and b'<html lang="vi">' not in response.content:
        return "answered 200 with no Vietnamese page"
    return None


def ask(url: str, method: str, persona: str, world) -> tuple:
    """Request *url* as *persona*; return the response and whether the data changed.

    Everything happens in a savepoint rolled back afterwards, so that an allowed action
    (confirming a roster, removing a member) does not change what the next persona sees."""
    with transaction.atomic():
        client = Client()
        if persona != ANON:
            client.force_login(getattr(world, persona))
        before = data_state()
        response = client.get(url) if method == "GET" else client.post(url)
        changed = data_state() != before
        if response.streaming:  # read to the end: the client's wrapper then closes it
            response.body = b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response, changed


CASES = [
    pytest.param(name, case, id=f"{name} | {case.method} {fold(case.what)}")
    for name, cases in TABLE.items()
    for case in cases
]


def test_every_url_pattern_of_the_project_has_a_row_in_the_table():
    patterns = project_patterns()
    assert patterns.pop("admin") == ADMIN_PREFIX, "the admin moved: update ADMIN_INDEX and co."
    missing_rows = sorted(set(patterns) - set(TABLE))
    stale_rows = sorted(set(TABLE) - set(patterns))
    assert not missing_rows, f"URL patterns with no expectation in TABLE: {missing_rows}"
    assert not stale_rows, f"TABLE rows for URL patterns that no longer exist: {stale_rows}"


@pytest.mark.parametrize(("name", "case"), CASES)
def test_each_persona_gets_the_answer_the_table_promises(world, name, case):
    url = reverse(name, kwargs=case.kwargs(world))
    wrong = []
    for persona in [ANON, *PERSONAS]:
        expected = case.expect[persona]
        response, changed = ask(url, case.method, persona, world)
        problem = answer_problem(response, expected, url)
        if changed and expected != DONE:
            problem = f"{problem or response.status_code}, and the data changed"
        if problem:
            wrong.append(f"  {persona}: {problem}")
    assert not wrong, f"{case.method} {url} ({case.what}):\n" + "\n".join(wrong)


def test_anonymous_is_sent_to_log_in_from_every_page_but_the_login_page(client, world):
    wrong = []
    for name in project_patterns():
        if name in ("admin", "login"):
            continue
        url = reverse(name, kwargs=TABLE[name][0].kwargs(world))
        problem = login_problem(client.get(url), url)
        if problem:
            wrong.append(f"{url}: {problem}")
    assert not wrong, wrong
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b'name="username"' in response.content and b'name="password"' in response.content


def test_a_forbidden_post_leaves_the_roster_as_it_was(login, world):
    memberships = Membership.objects.count()
    client = login(world.truongkhoi)
    response = client.post(
        reverse("blocs:membership_add", args=[world.noi_chinh.pk, world.year]),
        {"unit": world.snv.pk, "role": "thanh_vien"},
    )
    assert response.status_code == 403
    assert client.post(reverse("blocs:membership_remove", args=[world.member_near.pk])).status_code == 403
    assert client.post(reverse("blocs:bloc_confirm", args=[world.noi_chinh.pk, world.year])).status_code == 403
    assert Membership.objects.count() == memberships
    assert not BlocYear.objects.filter(confirmed_at__isnull=False).exists()


# --- The admin, as a group -----------------------------------------------------------------

ADMIN_INDEX, ADMIN_CHANGELIST, ADMIN_LOGIN = "/quan-tri/", "/quan-tri/blocs/unit/", "/quan-tri/login/"
LOGIN_PAGES = (ADMIN_LOGIN, "/accounts/login/")
PROVINCE_ADMINS = {"admin", "noivu"}


@pytest.mark.parametrize("persona", [ANON, *PERSONAS])
@pytest.mark.parametrize("url", [ADMIN_INDEX, ADMIN_CHANGELIST])
def test_the_admin_is_open_only_to_admins_and_interior_staff(client, world, persona, url):
    if persona != ANON:
        client.force_login(getattr(world, persona))
    response = client.get(url)
    if persona in PROVINCE_ADMINS:
        assert response.status_code == 200
        assert "Quản trị dữ liệu" in response.content.decode() or "đơn vị" in response.content.decode()
        return
    # Everyone else is sent to a login page (the admin's, or the site's for anonymous
    # users stopped by LoginRequiredMiddleware) which must then show its form.
    assert login_problem(response, url, LOGIN_PAGES) is None, response["Location"]
    if persona != ANON:
        assert urlsplit(response["Location"]).path == ADMIN_LOGIN
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200, f"{response['Location']} answered {login_page.status_code}"
    assert b'name="password"' in login_page.content


@pytest.mark.parametrize("persona", [ANON, *PERSONAS])
def test_the_admin_login_page_lets_province_admins_through_and_shows_others_the_form(client, world, persona):
    if persona != ANON:
        client.force_login(getattr(world, persona))
    response = client.get(ADMIN_LOGIN)
    if persona in PROVINCE_ADMINS:
        assert (response.status_code, response["Location"]) == (302, ADMIN_INDEX)
    else:
        assert response.status_code == 200
        assert b'name="password"' in response.content
        assert ADMIN_CHANGELIST.encode() not in response.content


def test_an_officer_marked_staff_still_cannot_open_the_admin(client, world):
    client.force_login(make_user("staffofficer", Role.UNIT_OFFICER, world.ca, is_staff=True))
    response = client.get(ADMIN_CHANGELIST)
    assert login_problem(response, ADMIN_CHANGELIST, (ADMIN_LOGIN,)) is None


@pytest.mark.parametrize(("persona", "allowed"), [("noivu", True), ("donvi", False)])
def test_the_admin_login_form_admits_only_province_admins(org, client, persona, allowed):
    from tests.conftest import PASSWORD

    response = client.post(
        "/quan-tri/login/?next=/quan-tri/",
        {"username": getattr(org, persona).username, "password": PASSWORD},
    )
    if allowed:
        assert response.status_code == 302 and response["Location"] == "/quan-tri/"
    else:
        assert response.status_code == 200
        assert "Trang quản trị chỉ dành cho quản trị viên và cán bộ Sở Nội vụ." in response.content.decode()
