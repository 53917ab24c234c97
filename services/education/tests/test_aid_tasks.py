"""The single window: the education department's EDUCATION_AID task answered by the service."""

from __future__ import annotations

from datetime import date

DEPARTMENT = "education.district"
BORN = date(2010, 3, 1)
SENIOR = {
    "schoolCode": "2111090003",
    "stage": "SENIOR_SECONDARY",
    "grade": 1,
    "since": "2025-09-01",
}


def test_a_hardship_pupil_s_task_is_done_with_the_aid_granted(education, harness, ev, as_user):
    child_id = harness.child(birth=BORN)
    harness.deliver(ev.classified(child_id, ["MINIMUM_SUBSISTENCE_FAMILY"], birth=BORN))
    education.post(f"/children/{child_id}/enrolments", json=SENIOR, headers=as_user(DEPARTMENT))
    task = ev.task_created(child_id)
    harness.deliver(task, task)  # redelivered: answered once
    (answer,) = harness.events("education.task.updated")
    assert (answer["taskId"], answer["status"], answer["actor"]) == (
        task.data["taskId"],
        "DONE",
        "education",
    )
    assert answer["outcome"].startswith(
        "普通高中国家助学金：核准，每年2,000.00元（符合条件：困境儿童"
    )
    assert "普通高中免学费：核准" in answer["outcome"]


def test_a_task_with_nothing_to_grant_is_declined_with_the_reason(education, harness, ev):
    child_id = harness.child(birth=BORN)
    harness.deliver(ev.classified(child_id, ["ORPHAN"], birth=BORN), ev.task_created(child_id))
    (answer,) = harness.events("education.task.updated")
    assert answer["status"] == "DECLINED"
    assert "该儿童没有在读学籍" in answer["outcome"]
    assert "普通高中" in answer["outcome"]


def test_a_classified_pupil_not_in_hardship_is_declined_per_programme(
    education, harness, ev, as_user
):
    child_id = harness.child(birth=BORN)
    harness.deliver(ev.classified(child_id, ["BOTH_PARENTS_AWAY"], birth=BORN, left_behind=True))
    education.post(f"/children/{child_id}/enrolments", json=SENIOR, headers=as_user(DEPARTMENT))
    harness.deliver(ev.task_created(child_id))
    (answer,) = harness.events("education.task.updated")
    assert answer["status"] == "DECLINED"
    assert answer["outcome"].startswith("普通高中国家助学金：不予核准（不符合条件：须为困境儿童")


def test_another_department_s_or_need_s_task_is_left_to_people(education, harness, ev):
    child_id = harness.child(birth=BORN)
    harness.deliver(
        ev.task_created(child_id, department="CIVIL_AFFAIRS", need="LIVING_ALLOWANCE"),
        ev.task_created(child_id, need="LEGAL_AID"),
    )
    assert harness.events("education.task.updated") == []
