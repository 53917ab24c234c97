"""Templates as data: every shipped one renders; a broken one stops the service naming its file."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shouhu.notifications.app import create_app
from shouhu.notifications.settings import NotificationsSettings
from shouhu.notifications.templating import (
    CHANNELS,
    SHIPPED,
    BrokenTemplate,
    Templates,
    mask_name,
    sms_max_chars,
    templates_from,
)

KINDS = {
    "CHILD_REGISTERED",
    "VISIT_HIGH_RISK",
    "ENTITLEMENT_STARTED",
    "ENTITLEMENT_ENDED",
    "BENEFITS_DECIDED",
    "ESCALATED",
    "VISITS_OVERDUE_DIGEST",
    "DEADLINE_SOON",
    "DEADLINE_REACHED",
    "INTAKE_RECEIVED",
    "TASK_ASSIGNED",
    "MATERIALS_REQUESTED",
    "INTAKE_COMPLETED",
    "APPLICANT_BENEFIT",
    "REPORT_FILED",
    "REPORT_STATUS",
    "MISSING_CHILD_ALERT",
    "MISSING_CHILD_FOUND",
    "CASE_REFERRED",
    "PETITION_DUE",
    "DROPOUT_RISK_OPENED",
    "DROPOUT_RISK_OVERDUE",
    "DROPOUT_RISK_CLOSED",
    "HOME_TEACHING_MISSED",
    "VETTING_EXPIRING",
    "VETTING_EXPIRED",
    "PAIRING_RESUMED",
}
SHIPPED_TEMPLATES = Templates.load()


def samples(kind: str, root: Path = SHIPPED) -> dict[str, object]:
    return tomllib.loads((root / kind / "samples.toml").read_text(encoding="utf-8"))


def test_every_kind_has_a_template_for_every_channel() -> None:
    assert SHIPPED_TEMPLATES.kinds == KINDS
    assert CHANNELS == ("inapp", "sms", "email")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_shipped_template_renders_with_its_samples(kind: str, channel: str) -> None:
    rendered = SHIPPED_TEMPLATES.render(kind, channel, samples(kind))
    assert rendered.version >= 1
    assert rendered.body and "{" not in rendered.body and "None" not in rendered.body
    assert bool(rendered.subject) is (channel != "sms")
    if channel == "sms":
        # One SMS, a Chinese character counting as one, with a sign name of eight in 【】.
        assert "\n" not in rendered.body
        assert len(rendered.body) <= 70 - len("【守护儿童关爱】")
    assert rendered.params == {
        name: str(samples(kind)[name]) for name in SHIPPED_TEMPLATES.variables(kind, channel)
    }


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_child_name_leaves_by_sms_and_only_the_surname_by_email(kind: str) -> None:
    values = samples(kind)
    name = str(values.get("childName", "欧阳晓明"))
    sms = SHIPPED_TEMPLATES.render(kind, "sms", values)
    email = SHIPPED_TEMPLATES.render(kind, "email", values)
    assert name not in sms.body and name[1:] not in sms.body
    assert name not in email.subject + email.body
    assert "childName" not in SHIPPED_TEMPLATES.variables(kind, "sms")


def test_the_in_app_text_of_a_new_file_is_todays() -> None:
    rendered = SHIPPED_TEMPLATES.render(
        "CHILD_REGISTERED",
        "inapp",
        {"childName": "张小明", "birthDate": "2015-03-02", "unused": "ignored"},
    )
    assert rendered.subject == "新登记儿童"
    assert rendered.body == "本村（社区）新登记儿童张小明（2015-03-02出生），请及时走访建档。"
    assert rendered.params == {"childName": "张小明", "birthDate": "2015-03-02"}


def test_an_email_keeps_its_paragraphs_and_masks_the_name() -> None:
    rendered = SHIPPED_TEMPLATES.render(
        "CHILD_REGISTERED",
        "email",
        {"childName": "张小明", "birthDate": "2015-03-02", "divisionName": "东风村"},
    )
    assert rendered.body.startswith("您好：\n\n东风村新登记儿童张**（2015-03-02出生）")
    assert rendered.body.endswith("请勿直接回复。")


def test_mask_name() -> None:
    assert [mask_name(n) for n in ["张小明", "李四", "欧阳晓明", "王", ""]] == [
        "张**",
        "李*",
        "欧***",
        "王",
        "",
    ]


def test_a_missing_variable_at_render_names_the_file() -> None:
    with pytest.raises(BrokenTemplate, match=r"CHILD_REGISTERED/sms\.j2: variables missing"):
        SHIPPED_TEMPLATES.render("CHILD_REGISTERED", "sms", {"divisionName": None})


def test_an_unknown_kind_or_channel() -> None:
    with pytest.raises(BrokenTemplate, match="no template for kind NOPE, channel sms"):
        SHIPPED_TEMPLATES.render("NOPE", "sms", {})
    with pytest.raises(BrokenTemplate, match="channel wechat"):
        SHIPPED_TEMPLATES.render("CHILD_REGISTERED", "wechat", {})


# Broken directories: a copy of the shipped one with one thing wrong.


def edit(kind: str, name: str, change: Callable[[str], str]) -> Callable[[Path], Path]:
    def apply(root: Path) -> Path:
        path = root / kind / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    return apply


def remove(kind: str, name: str) -> Callable[[Path], Path]:
    def apply(root: Path) -> Path:
        (root / kind / name).unlink()
        return root / kind

    return apply


def add(kind: str, name: str) -> Callable[[Path], Path]:
    def apply(root: Path) -> Path:
        (root / kind / name).write_text("{# version: 1\nvariables:\n#}\n", encoding="utf-8")
        return root / kind

    return apply


BROKEN = {
    "syntax error": (
        edit("ESCALATED", "email.j2", lambda s: s.replace("{{ hoursOpen }}", "{{ hoursOpen }")),
        r"ESCALATED/email\.j2:\d+: ",
    ),
    "unknown filter": (
        edit("ESCALATED", "inapp.j2", lambda s: s.replace("{{ childName }}", "{{ childName|x }}")),
        r"ESCALATED/inapp\.j2:\d+: .*filter",
    ),
    "undeclared variable": (
        edit("CHILD_REGISTERED", "sms.j2", lambda s: s.replace("请登录", "{{ childName }}请登录")),
        r"CHILD_REGISTERED/sms\.j2: the header's variables \(divisionName\) differ from those "
        r"the template uses \(childName, divisionName\)",
    ),
    "declared, unused": (
        edit(
            "CHILD_REGISTERED", "sms.j2", lambda s: s.replace("divisionName\n", "x, divisionName\n")
        ),
        r"CHILD_REGISTERED/sms\.j2: the header's variables \(divisionName, x\) differ",
    ),
    "no sample": (
        edit("ESCALATED", "samples.toml", lambda s: s.replace("hoursOpen = 48", "")),
        r"ESCALATED/(inapp|sms|email)\.j2: no sample in samples\.toml for hoursOpen",
    ),
    "bad samples file": (
        edit("ESCALATED", "samples.toml", lambda s: s + "\nthis is not toml\n"),
        r"ESCALATED/samples\.toml: ",
    ),
    "SMS too long": (
        edit(
            "VISITS_OVERDUE_DIGEST",
            "sms.j2",
            lambda s: s.replace("请尽快安排。", "请尽快安排。" * 10),
        ),
        r"VISITS_OVERDUE_DIGEST/sms\.j2: the SMS is \d+ characters with the samples, more than 70",
    ),
    "no header": (
        edit("ENTITLEMENT_ENDED", "inapp.j2", lambda s: s.split("-#}", 1)[1]),
        r"ENTITLEMENT_ENDED/inapp\.j2: no header comment",
    ),
    "no version": (
        edit("ENTITLEMENT_ENDED", "inapp.j2", lambda s: s.replace("version: 1", "version: one")),
        r"ENTITLEMENT_ENDED/inapp\.j2: the header's version should be a whole number",
    ),
    "SMS with a subject": (
        edit(
            "BENEFITS_DECIDED",
            "sms.j2",
            lambda s: s + "{% block subject %}认定{% endblock %}\n",
        ),
        r"BENEFITS_DECIDED/sms\.j2: blocks should be \['body'\], not \['body', 'subject'\]",
    ),
    "email without a subject": (
        edit("BENEFITS_DECIDED", "email.j2", lambda s: s.replace("block subject", "block title")),
        r"BENEFITS_DECIDED/email\.j2: blocks should be \['body', 'subject'\]",
    ),
    "fails when rendered": (
        edit(
            "VISIT_HIGH_RISK",
            "inapp.j2",
            lambda s: s.replace("{{ visitDate }}", "{{ visitDate.year }}"),
        ),
        r"VISIT_HIGH_RISK/inapp\.j2: cannot render with the samples: .*year",
    ),
    "escapes the sandbox": (
        edit(
            "VISIT_HIGH_RISK",
            "inapp.j2",
            lambda s: s.replace("{{ visitDate }}", "{{ visitDate.__class__.__mro__ }}"),
        ),
        r"VISIT_HIGH_RISK/inapp\.j2: cannot render with the samples: .*unsafe",
    ),
    "missing channel": (remove("ESCALATED", "email.j2"), r"ESCALATED: missing \['email\.j2'\]"),
    "unknown file": (
        add("ESCALATED", "wechat.j2"),
        r"ESCALATED: unexpected files \['wechat\.j2'\]",
    ),
}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "templates"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_copy_loads_as_shipped(copy: Path) -> None:
    assert Templates.load(copy).kinds == KINDS


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_template_is_refused_naming_its_file(copy: Path, case: str) -> None:
    change, expected = BROKEN[case]
    change(copy)
    with pytest.raises(BrokenTemplate, match=expected) as raised:
        Templates.load(copy)
    assert str(copy) in str(raised.value)


def aliyun(sign_name: str, **changes: object) -> NotificationsSettings:
    settings: dict[str, object] = {
        "sms_provider": "aliyun",
        "aliyun_access_key_id": "id",
        "aliyun_access_key_secret": "secret",
        "aliyun_sign_name": sign_name,
        "sms_template_codes": {kind: "SMS_1" for kind in KINDS},
    }
    return NotificationsSettings(**{**settings, **changes})


def test_the_sign_name_counts_toward_the_sms_length() -> None:
    lengths = {k: len(SHIPPED_TEMPLATES.render(k, "sms", samples(k)).body) for k in KINDS}
    longest = max(lengths.values())
    fits = "长" * (70 - len("【】") - longest)
    assert sms_max_chars(aliyun(fits)) == longest
    assert templates_from(aliyun(fits)).kinds == KINDS
    with pytest.raises(
        BrokenTemplate, match=f"sms\\.j2: the SMS is {longest} .* than {longest - 1}"
    ):
        templates_from(aliyun(fits + "长"))
    # Without Aliyun the sign name is the gateway's business: 70 for the body.
    assert sms_max_chars(NotificationsSettings(aliyun_sign_name=fits + "长")) == 70


def test_aliyun_needs_a_template_code_for_every_kind() -> None:
    settings = aliyun("守护", sms_template_codes={"CHILD_REGISTERED": "SMS_1"})
    missing = "no Aliyun template code for: APPLICANT_BENEFIT, BENEFITS_DECIDED, "
    with pytest.raises(BrokenTemplate, match=missing):
        templates_from(settings)


def test_template_codes_name_known_kinds_only() -> None:
    settings = NotificationsSettings(sms_template_codes={"CHILD_REGISTRED": "SMS_1"})
    with pytest.raises(BrokenTemplate, match="kinds without templates: CHILD_REGISTRED"):
        templates_from(settings)


# The app.


def test_the_app_refuses_to_start_with_a_broken_template(
    copy: Path, tmp_path: Path, verifier
) -> None:
    BROKEN["syntax error"][0](copy)
    settings = NotificationsSettings(
        database_url=f"sqlite:///{tmp_path / 'n.db'}", run_worker=False, templates_dir=copy
    )
    with pytest.raises(BrokenTemplate, match=r"ESCALATED/email\.j2:\d+: "):
        create_app(settings, verifier=verifier)
    assert not (tmp_path / "n.db").exists()


def test_the_app_holds_its_templates_and_channels(notifications: TestClient) -> None:
    state = notifications.app.state
    assert state.templates.kinds == KINDS
    assert set(state.channels) == {"sms", "email"}
