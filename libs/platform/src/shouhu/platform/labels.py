"""The Chinese names of the single window's and the cases' enums (API.md), keyed by their value
strings: one place for the registry, the gateway and the notifications' texts."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

# Keyed by the value strings, not by enum members, so that the gateway, the registry and the
# printed receipt all read the same table; a `StrEnum` member looks up as its value string.

# The roles (`shouhu.platform.auth.Role`) as the console names them to their holders.
ROLE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "civil_affairs": "区民政局",
        "women_children_committee": "区妇儿工委办",
        "intake_clerk": "窗口受理员",
        "town_social_worker": "儿童社会工作者",
        "village_supervisor": "儿童福利督导员",
        "police": "公安",
        "education": "教育部门",
        "health": "卫生健康部门",
        "human_resources": "人力社保部门",
        "judicial": "司法部门",
        "housing": "住建部门",
        "mandated_reporter": "强制报告责任单位",
        "school_staff": "学校",
        "youth_league": "团区委",
        "trade_union": "工会",
        "womens_federation": "妇联",
        "disabled_persons_federation": "残联",
        "auditor": "第三方评估",
        "volunteer": "志愿者",
    }
)

NEED_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "LIVING_ALLOWANCE": "基本生活保障",
        "MEDICAL_ASSISTANCE": "医疗救助",
        "REHABILITATION": "康复救助",
        "EDUCATION_AID": "教育资助",
        "GUARDIANSHIP_SUPPORT": "监护支持",
        "PSYCHOLOGICAL_SUPPORT": "心理支持",
        "LEGAL_AID": "法律援助",
        "HOUSING": "住房保障",
        "PARENT_EMPLOYMENT": "父母就业帮扶",
        "HUKOU_REGISTRATION": "户籍登记",
        "VOLUNTEER_PAIRING": "志愿结对",
    }
)

DEPARTMENT_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "CIVIL_AFFAIRS": "区民政局",
        "EDUCATION": "区教委",
        "HEALTH": "区卫生健康委",
        "HUMAN_RESOURCES": "区人力社保局",
        "JUDICIAL": "区司法局",
        "HOUSING": "区住房城乡建设委",
        "POLICE": "公安分局",
        "YOUTH_LEAGUE": "团区委",
        "WOMENS_FEDERATION": "区妇联",
        "DISABLED_PERSONS_FEDERATION": "区残联",
        "TRADE_UNION": "区总工会",
    }
)

RELATION_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "SELF": "本人",
        "PARENT": "父母",
        "GUARDIAN": "监护人",
        "RELATIVE": "亲属",
        "VILLAGE_COMMITTEE": "村（居）委会",
        "SCHOOL": "学校",
        "OTHER": "其他",
    }
)

# Protection cases (强制报告): what was found, and the police's measures.
REPORT_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ABUSE": "遭受侵害",
        "NEGLECT": "监护缺失（疏于照料）",
        "ABANDONMENT": "遭遗弃",
        "MISSING": "失踪",
        "WANDERING": "流浪乞讨",
        "GUARDIAN_UNABLE": "监护人无力履责",
        "SELF_HARM_RISK": "有自伤风险",
        "OTHER": "其他",
    }
)

RESPONSE_MEASURE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "SENT_TO_HOSPITAL": "送医救治",
        "PLACED_WITH_RELATIVES": "交由亲属照料",
        "RESCUE_CENTRE": "送救助保护机构",
        "TEMPORARY_CARE": "民政部门临时照料",
        "MISSING_SEARCH_OPENED": "启动失踪儿童查找",
        "OTHER": "其他处置",
    }
)

# The steps of a protection case whose time is accounted for (追责).
STEP_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "FOUND_TO_REPORTED": "发现至报告",
        "REPORTED_TO_ACCEPTED": "报告至受理",
        "ACCEPTED_TO_NOTIFIED": "受理至通报",
        "NOTIFIED_TO_ASSESSED": "通报至评估",
    }
)

# Education (教育): schools, enrolments, the dropout watch and aid by stage (the console's names).
SCHOOL_STAGE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "PRESCHOOL": "学前教育",
        "PRIMARY": "小学",
        "JUNIOR_SECONDARY": "初中",
        "SENIOR_SECONDARY": "普通高中",
        "VOCATIONAL_SECONDARY": "中等职业教育",
        "SPECIAL_EDUCATION": "特殊教育",
        "HOME_TEACHING": "送教上门",
    }
)

SCHOOL_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"PUBLIC": "公办", "PRIVATE": "民办", "SPECIAL_EDUCATION": "特殊教育学校"}
)

ENROLMENT_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"ACTIVE": "在读", "SUSPENDED": "休学", "ENDED": "已终止"}
)

ENROLMENT_END_REASON_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "GRADUATED": "毕业",
        "TRANSFERRED": "区内转学",
        "MOVED_OUT_OF_DISTRICT": "转出本区",
        "DROPPED_OUT": "辍学",
        "DIED": "死亡",
        "OVER_AGE": "超龄",
    }
)

DROPOUT_RISK_REASON_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "NOT_ENROLLED": "适龄未入学",
        "ENROLMENT_ENDED": "学籍终止后未入学",
        "LONG_ABSENCE": "连续缺课",
    }
)

DROPOUT_RISK_OUTCOME_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ENROLLED": "已入学",
        "RETURNED": "已返校",
        "EXEMPTED": "免予入学",
        "AGE_LEFT": "超出义务教育年龄",
        "CHILD_EXITED": "退出关爱保护范围",
    }
)

EXEMPTION_REASON_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"MEDICAL": "因病（医疗原因）", "MOVED_AWAY": "已迁往外地就学", "OTHER": "其他原因"}
)

AID_PROGRAMME_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "PRESCHOOL_AID": "学前教育资助",
        "BOARDING_LIVING_SUBSIDY": "义务教育寄宿生生活补助",
        "SENIOR_NATIONAL_GRANT": "普通高中国家助学金",
        "SENIOR_FEE_WAIVER": "普通高中免学费",
        "VOCATIONAL_FEE_WAIVER": "中等职业教育免学费",
        "VOCATIONAL_NATIONAL_GRANT": "中等职业教育国家助学金",
    }
)

# Inclusive schooling (融合教育): where a disabled child is schooled (安置方式).
PLACEMENT_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "REGULAR_CLASS": "随班就读",
        "SPECIAL_CLASS": "特教班就读",
        "SPECIAL_SCHOOL": "特殊教育学校就读",
        "HOME_TEACHING": "送教上门",
    }
)

# Volunteers' activities (志愿服务活动) by what they are.
ACTIVITY_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "STUDY_HELP": "学业辅导",
        "HOLIDAY_CAMP": "假期营地",
        "FAMILY_REUNION": "亲情团聚",  # the trade union brings parents working away home
        "HEALTH_CHECK": "健康体检",
        "PSYCHOLOGICAL_COUNSELLING": "心理疏导",
        "SAFETY_EDUCATION": "安全教育",
        "CULTURE_AND_SPORTS": "文体活动",
        "OTHER": "其他",
    }
)

# Service hours (志愿服务时长) from recorded to approved by the organisation.
SERVICE_HOURS_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"RECORDED": "待审核", "APPROVED": "已审核", "REJECTED": "未通过"}
)

# Caring families (爱心家庭): how a family cares for a child, and civil affairs' assessment.
CARING_FAMILY_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"FOSTER": "家庭寄养", "ENTRUSTED_CARE": "委托代养", "SPONSORSHIP": "爱心助养"}
)
CARING_FAMILY_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"PENDING": "待评估", "APPROVED": "评估通过", "REJECTED": "评估未通过"}
)

# Donations (捐赠): who gave, what, and what for (定向); a child's is never named in public.
DONOR_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"PERSON": "个人", "ORGANISATION": "单位"}
)
DONATION_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType({"MONEY": "资金", "GOODS": "物资"})
DONATION_DESIGNATION_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "CHILD": "定向帮扶儿童",
        "ACTIVITY": "定向活动",
        "ORGANISATION": "定向组织",
        "GENERAL": "非定向",
    }
)

# Needs and offers (需求与资源): what is needed or offered, and where each stands.
RESOURCE_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "TUTORING": "学业辅导",
        "GOODS": "物资",
        "CAMP_PLACE": "营地名额",
        "PSYCHOLOGY": "心理疏导",
        "MEDICAL": "医疗健康",
        "OTHER": "其他",
    }
)
NEED_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"OPEN": "待匹配", "MATCHED": "已匹配", "CLOSED": "已关闭"}
)
OFFER_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"OPEN": "可匹配", "FULL": "已满额"}
)

# What a volunteer can offer (志愿服务技能), and what a child needs of one.
VOLUNTEER_SKILL_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "TUTORING": "学业辅导",
        "PSYCHOLOGY": "心理疏导",
        "MEDICAL": "医疗健康",
        "LEGAL": "法律服务",
        "ARTS": "文艺",
        "SPORTS": "体育",
        "COMPANIONSHIP": "陪伴",
    }
)

# One-to-one pairing (一对一帮扶): where it stands, and how a visit of it was made.
PAIRING_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"ACTIVE": "帮扶中", "SUSPENDED": "已暂停", "ENDED": "已结束"}
)
PAIRING_VISIT_MODE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"HOME": "入户", "SCHOOL": "到校", "PHONE": "电话", "VIDEO": "视频", "OTHER": "其他"}
)

# When a volunteer can serve (可服务时间), the roster's words.
VOLUNTEER_AVAILABILITY_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "WEEKDAY_DAYTIME": "工作日白天",
        "WEEKDAY_EVENING": "工作日晚间",
        "WEEKEND_DAYTIME": "周末白天",
        "WEEKEND_EVENING": "周末晚间",
        "SCHOOL_HOLIDAYS": "寒暑假",
    }
)

# A volunteer's checks before serving children (审核).
VETTING_KIND_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "MINOR_PROTECTION_RECORD_CHECK": "侵害未成年人违法犯罪信息查询",
        "TRAINING": "岗前培训",
    }
)

# A volunteer's account (账号) from its making to its disabling.
VOLUNTEER_ACCOUNT_STATUS_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"PENDING": "开通中", "ACTIVE": "已开通", "DISABLED": "已停用"}
)
