"""Errors and notifications on pages are said in the reader's language (zh-Hans, en)."""

from __future__ import annotations

import html

import pytest
from django.core import mail
from django.test import Client

from exportctl.licensing import services
from exportctl.licensing.models import Notification

pytestmark = pytest.mark.django_db

LANGUAGE_COOKIE = "exportctl_language"


def _as(user, language: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    client.cookies[LANGUAGE_COOKIE] = language
    return client


def _page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.content.decode())


@pytest.fixture
def draft(orgs, make_user):  # type: ignore[no-untyped-def]
    exporter = make_user("exporter", "a")
    return services.create_application(orgs["a"], exporter, "single", "DE"), exporter


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("zh-hans", "仅当申请处于“已提交”状态时方可“受理”；当前状态为“草稿”", "possible only"),
        ("en", "'Accept' is possible only when the application is Submitted; it is Draft", "仅当"),
    ],
)
def test_an_illegal_step_is_refused_in_the_pages_language(draft, language, expected, absent):
    app, exporter = draft
    response = _as(exporter, language).post(
        f"/licensing/{app.pk}/act/", {"action": "accept", "version": app.version}, follow=True
    )
    page = _page(response)
    assert expected in page
    assert absent not in page
    app.refresh_from_db()
    assert app.status == "draft"


def test_a_service_refusal_is_translated_too(draft):
    app, exporter = draft
    page = _page(
        _as(exporter, "zh-hans").post(
            f"/licensing/{app.pk}/act/", {"action": "submit", "version": app.version}, follow=True
        )
    )
    assert "申请材料不齐全，尚缺：至少一项物项" in page
    assert "最终用户（条例第十六条、第二十四条）、合同号" in page  # the list, joined with 、


def test_a_notification_reads_in_each_readers_language(
    draft, make_user, django_capture_on_commit_callbacks
):
    app, exporter = draft
    exporter.email = "compliance@example.cn"
    exporter.save()
    app.status = "submitted"  # as after submission; submitting itself is tested elsewhere
    app.save()
    officer = make_user("case_officer")
    with django_capture_on_commit_callbacks(execute=True):
        _as(officer, "en").post(
            f"/licensing/{app.pk}/act/",
            {"action": "request_supplement", "note": "the test report", "version": app.version},
        )
    zh = _page(_as(exporter, "zh-hans").get("/licensing/notifications/"))
    en = _page(_as(exporter, "en").get("/licensing/notifications/"))
    assert f"{app.reference}：要求补正材料" in zh and "supplement requested" not in zh
    assert f"{app.reference}: supplement requested" in en
    # The e-mail has no reader's language: it says it in both, Chinese first.
    (email,) = mail.outbox
    assert email.body.index("要求补正材料") < email.body.index("supplement requested")


def test_a_notification_stored_before_msgids_still_displays(draft):
    _app, exporter = draft
    Notification.objects.create(user=exporter, text="EC2025-000007: accepted", url="/x/")
    page = _page(_as(exporter, "zh-hans").get("/licensing/notifications/"))
    assert "EC2025-000007: accepted" in page


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", "未知的名单“nope”"), ("en", "unknown list 'nope'")]
)
def test_a_party_search_refusal_is_in_the_pages_language(make_user, language, expected):
    page = _page(_as(make_user("case_officer"), language).get("/parties/?q=huawei&list=nope"))
    assert expected in page


def _accepted(app, accepted_on, monkeypatch, today):  # type: ignore[no-untyped-def]
    from exportctl.licensing.models import Application

    Application.objects.filter(pk=app.pk).update(
        status="accepted", accepted_on=accepted_on, time_limit_days=45
    )
    monkeypatch.setenv("EXPORTCTL_TODAY", today)


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("zh-hans", "尚未载入 2027 年的节假日安排", "no 2027 arrangement is loaded"),
        ("en", "no 2027 arrangement is loaded", "尚未载入"),
    ],
)
def test_a_deadline_past_the_calendar_data_says_why_in_the_pages_language(
    draft, monkeypatch, language, expected, absent
):
    from datetime import date

    app, exporter = draft
    _accepted(app, date(2026, 12, 1), monkeypatch, "2026-12-02")
    page = _page(_as(exporter, language).get(f"/licensing/{app.pk}/"))
    assert 'class="clock unknown"' in page
    assert expected in page
    assert absent not in page


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        (
            "zh-hans",
            "自 2026-03-02 起 45 个工作日（Dual-Use Regulations Art. 17 ¶1）：期限届满日 2026-05-08"
            "；2026-03-02 当日不计入；扣除工作日内的法定节假日",
            "working days from",
        ),
        (
            "en",
            "45 working days from 2026-03-02 (Dual-Use Regulations Art. 17 ¶1): due 2026-05-08"
            "; the day of 2026-03-02 is not counted; ",
            "工作日",
        ),
    ],
)
def test_the_deadline_tooltip_is_in_the_pages_language(
    draft, monkeypatch, language, expected, absent
):
    from datetime import date

    app, exporter = draft
    _accepted(app, date(2026, 3, 2), monkeypatch, "2026-03-10")
    page = _page(_as(exporter, language).get(f"/licensing/{app.pk}/"))
    title = page.split('<span class="clock" title="', 1)[1].split('"', 1)[0]
    assert expected in title
    assert absent not in title


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("zh-hans", "destination的值'ZZ'不是ISO 3166-1二位字母代码", "is not an ISO"),
        ("en", "destination 'ZZ' is not an ISO 3166-1 alpha-2 code", "二位字母代码"),
    ],
)
def test_a_determination_form_refusal_is_in_the_pages_language(
    make_user, language, expected, absent
):
    exporter = make_user("exporter", "a")
    form = {
        "date": "2026-03-02",
        "movement": "export",
        "destination": "ZZ",
        "end_use_category": "civil",
        "item0_description": "samarium metal",
    }
    page = _page(_as(exporter, language).post("/determine/", form))
    assert expected in page
    assert absent not in page


def test_the_api_refusal_stays_english(make_user):  # type: ignore[no-untyped-def]
    from exportctl.determination.services import determine

    result = determine({"date": "2026-03-02", "destination": "ZZ", "items": [{}]})
    assert result == {
        "error": {
            "code": "unknown_country",
            "message": "destination 'ZZ' is not an ISO 3166-1 alpha-2 code",
            "field": "destination",
        }
    }


BAD_2027 = """\
format: exportctl-calendar/1
year: 2027
source:
  authority_zh: "测试"
  authority_en: "test"
  extracted_from: "test fixture"
holidays:
  - {date: 2027-01-01, name_zh: "元旦", name_en: "New Year's Day"}
working_days:
  - {date: 2027-02-03, for_zh: "春节", for_en: "Spring Festival"}
"""


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("zh-hans", "2027-02-03为星期三：只有星期六或星期日才能作为调休上班日", "Wednesday"),
        ("en", "2027-02-03 is a Wednesday: only a Saturday or Sunday", "星期三"),
    ],
)
def test_a_calendar_file_refusal_is_in_the_pages_language(
    make_user, monkeypatch, tmp_path, language, expected, absent
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    monkeypatch.setenv("EXPORTCTL_DATA_DIR", str(tmp_path))
    admin = make_user("list_admin")
    upload = SimpleUploadedFile("2027.yaml", BAD_2027.encode())
    page = _page(_as(admin, language).post("/licensing/calendar/", {"file": upload}, follow=True))
    assert "2027.yaml: working_days[0] (2027-02-03): " in page
    assert expected in page
    assert absent not in page
    assert not (tmp_path / "calendar" / "2027.yaml").exists()
