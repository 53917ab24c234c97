/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A school's absence report (缺课): from a day, for consecutive school days or a list of days (one of the two) */
export type AbsenceInput = {
  consecutiveDays?: number | null | undefined;
  days?: Array<string> | null | undefined;
  from: string;
};

/** The federation's role that acts for an organisation's records */
export type ActingRole =
  | 'DISABLED_PERSONS_FEDERATION'
  | 'TRADE_UNION'
  | 'WOMENS_FEDERATION'
  | 'YOUTH_LEAGUE';

/** createActivity */
export type ActivityInput = {
  /** Places for children */
  capacity: number;
  /** A division within the organisation's, or the district */
  divisionCode: string;
  kind: ActivityKind;
  on: string;
  /** By default the caller's federation's own */
  organisationId?: string | number | null | undefined;
  title: string;
  volunteerCapacity?: number | null | undefined;
};

/** What an activity is (活动类型): study help, holiday camp, parents' visit organised by the union (亲情团聚), health check, ... */
export type ActivityKind =
  | 'CULTURE_AND_SPORTS'
  | 'FAMILY_REUNION'
  | 'HEALTH_CHECK'
  | 'HOLIDAY_CAMP'
  | 'OTHER'
  | 'PSYCHOLOGICAL_COUNSELLING'
  | 'SAFETY_EDUCATION'
  | 'STUDY_HELP';

/** signUpForActivity: vetted volunteers by id, a number of children */
export type ActivitySignUpInput = {
  children?: number | null | undefined;
  volunteerIds?: Array<string | number> | null | undefined;
};

/** An aid programme of education (资助项目) */
export type AidProgrammeCode =
  | 'BOARDING_LIVING_SUBSIDY'
  | 'PRESCHOOL_AID'
  | 'SENIOR_FEE_WAIVER'
  | 'SENIOR_NATIONAL_GRANT'
  | 'VOCATIONAL_FEE_WAIVER'
  | 'VOCATIONAL_NATIONAL_GRANT';

/** A programme's annual standard in fen, from a day on */
export type AidStandardInput = {
  /** Fen a year; negative refused */
  annualAmountFen: number;
  /** Today when not given */
  effectiveFrom?: string | null | undefined;
  programme: AidProgrammeCode;
};

/** Who applies, as the child's what (申请人与儿童关系) */
export type ApplicantRelation =
  | 'GUARDIAN'
  | 'OTHER'
  | 'PARENT'
  | 'RELATIVE'
  | 'SCHOOL'
  | 'SELF'
  | 'VILLAGE_COMMITTEE';

/** The town's assessment: risk and notes per domain, a summary, the needs that become measures of the child's plan; a new child registered (child) or a file linked (childId) when the case has none */
export type AssessmentInput = {
  child?: RegisterChildInput | null | undefined;
  childId?: string | number | null | undefined;
  education?: RiskLevel | null | undefined;
  educationNote?: string | null | undefined;
  guardianship: RiskLevel;
  guardianshipNote?: string | null | undefined;
  health: RiskLevel;
  healthNote?: string | null | undefined;
  needs?: Array<PlanMeasureInput> | null | undefined;
  psychology?: RiskLevel | null | undefined;
  psychologyNote?: string | null | undefined;
  safety: RiskLevel;
  safetyNote?: string | null | undefined;
  summary: string;
  /** What the village supervisor is asked to do */
  supervisorRequest?: string | null | undefined;
};

/** recordAttendance: the volunteers who came, the children who came */
export type AttendanceInput = {
  childrenAttended?: number | null | undefined;
  volunteerIds: Array<string | number>;
};

/** assessCaringFamily: civil affairs' assessment and decision */
export type CaringFamilyAssessmentInput = {
  approved: boolean;
  assessedOn: string;
  note?: string | null | undefined;
};

/** registerCaringFamily: a household offering care */
export type CaringFamilyInput = {
  address: string;
  divisionCode: string;
  headName: string;
  /** The head's, 18 characters, GB 11643 */
  idNumber: string;
  kind: CaringFamilyKind;
  mobile: string;
};

/** How a family cares for a child: 家庭寄养, 委托代养, 爱心助养 */
export type CaringFamilyKind =
  | 'ENTRUSTED_CARE'
  | 'FOSTER'
  | 'SPONSORSHIP';

/** linkCaringFamily: the family cares for a child from a day */
export type CaringFamilyLinkInput = {
  childId: string | number;
  startsOn: string;
  until?: string | null | undefined;
};

/** Where civil affairs' assessment (评估) stands */
export type CaringFamilyStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** unlinkCaringFamily: the care ended */
export type CaringFamilyUnlinkInput = {
  endedOn: string;
  reason: string;
};

/** A step of a case's timeline (办理环节) */
export type CaseAction =
  | 'ACCEPTED'
  | 'ASSESSED'
  | 'ATTACHMENT_ADDED'
  | 'CHILD_LINKED'
  | 'CLOSED'
  | 'ESCALATED'
  | 'INTERVENTION_CLOSED'
  | 'INTERVENTION_OPENED'
  | 'MISSING_ALERT_CLOSED'
  | 'MISSING_ALERT_OPENED'
  | 'PETITION_DECIDED'
  | 'PETITION_DUE'
  | 'PETITION_FILED'
  | 'REPORTED'
  | 'RESPONDED'
  | 'TOWN_NOTIFIED';

/** A step of a case whose time is accounted for (追责时限) */
export type CaseClockStep =
  | 'ACCEPTED_TO_NOTIFIED'
  | 'FOUND_TO_REPORTED'
  | 'NOTIFIED_TO_ASSESSED'
  | 'REPORTED_TO_ACCEPTED';

/** Search criteria; all given must hold */
export type ChildFilter = {
  divisionCode?: string | null | undefined;
  group?: ClassificationGroup | null | undefined;
  idNumber?: string | null | undefined;
  leftBehind?: boolean | null | undefined;
  maxAge?: number | null | undefined;
  minAge?: number | null | undefined;
  /** Part of the name, or its pinyin initials */
  name?: string | null | undefined;
  primaryCategory?: PrimaryCategory | null | undefined;
  status?: ChildStatus | null | undefined;
  subtype?: ClassificationSubtype | null | undefined;
};

/** In scope, or exited (退出) */
export type ChildStatus =
  | 'ACTIVE'
  | 'EXITED';

/** The four hardship groups and left-behind (policy 二) */
export type ClassificationGroup =
  | 'GUARDIANSHIP_LACK'
  | 'ILLNESS_DISABILITY'
  | 'LEFT_BEHIND'
  | 'POVERTY'
  | 'TEMPORARY';

export type ClassificationInput = {
  group: ClassificationGroup;
  note?: string | null | undefined;
  since: string;
  subtype: ClassificationSubtype;
  until?: string | null | undefined;
};

/** The named subtypes of each group */
export type ClassificationSubtype =
  | 'ABANDONED_INFANT'
  | 'BOTH_PARENTS_AWAY'
  | 'DE_FACTO_UNSUPPORTED'
  | 'DISABLED'
  | 'HIV_AFFECTED'
  | 'LOW_INCOME_FAMILY'
  | 'MINIMUM_SUBSISTENCE_FAMILY'
  | 'ONE_AWAY_OTHER_INCAPABLE'
  | 'ORPHAN'
  | 'SERIOUSLY_ILL'
  | 'STREET_CHILD'
  | 'TEMPORARILY_WITHOUT_FAMILY_SUPPORT'
  | 'TRAFFICKING_RESCUED';

/** The complete active set after this call */
export type ClassifyChildInput = {
  classifications: Array<ClassificationInput>;
  reason?: string | null | undefined;
};

/** What was decided for one programme (认定结果) */
export type DecisionOutcome =
  | 'GRANTED'
  | 'NOT_COMBINABLE'
  | 'NOT_ELIGIBLE'
  | 'PILOT_NOT_ENABLED'
  | 'SUPERSEDED';

/** The department a measure belongs to (责任部门) */
export type Department =
  | 'CIVIL_AFFAIRS'
  | 'EDUCATION'
  | 'HEALTH'
  | 'HOUSING'
  | 'HUMAN_RESOURCES'
  | 'JUDICIAL'
  | 'MASS_ORGANISATION'
  | 'POLICE';

/** District, town (镇街) or village (社区/村) */
export type DivisionLevel =
  | 'DISTRICT'
  | 'TOWN'
  | 'VILLAGE';

/** What a donation is for (定向): a child is never named in public */
export type DonationDesignation =
  | 'ACTIVITY'
  | 'CHILD'
  | 'GENERAL'
  | 'ORGANISATION';

/** recordDonation: a gift received by an organisation the caller acts for */
export type DonationInput = {
  /** MONEY: in fen */
  amountFen?: number | string | null | undefined;
  anonymous?: boolean | null | undefined;
  /** The child, activity or organisation designated */
  designatedId?: string | number | null | undefined;
  /** GENERAL when not given */
  designation?: DonationDesignation | null | undefined;
  donorKind: DonorKind;
  /** Required unless anonymous (then not kept) */
  donorName?: string | null | undefined;
  goodsDescription?: string | null | undefined;
  kind: DonationKind;
  note?: string | null | undefined;
  organisationId: string | number;
  /** GOODS: how many units */
  quantity?: number | string | null | undefined;
  receivedOn: string;
  unit?: string | null | undefined;
};

/** Money (in fen) or goods (by quantity) */
export type DonationKind =
  | 'GOODS'
  | 'MONEY';

/** recordDonationUse: refused beyond what is left */
export type DonationUseInput = {
  /** For money, in fen */
  amountFen?: number | string | null | undefined;
  purpose: string;
  /** For goods, in units */
  quantity?: number | string | null | undefined;
  usedOn: string;
};

/** Who gave (捐赠人类型) */
export type DonorKind =
  | 'ORGANISATION'
  | 'PERSON';

/** Why a child is at risk of dropping out (辍学风险原因) */
export type DropoutRiskReason =
  | 'ENROLMENT_ENDED'
  | 'LONG_ABSENCE'
  | 'NOT_ENROLLED';

/** OPEN; RESOLVED (enrolled, back at school); EXEMPTED (免予入学); CLOSED (out of compulsory-school age, or out of the registry) */
export type DropoutRiskStatus =
  | 'CLOSED'
  | 'EXEMPTED'
  | 'OPEN'
  | 'RESOLVED';

/** A check of a non-Beijing child's enrolment documents: the codes provided (the complete set; one left out is not provided), the day checked */
export type EnrolmentDocumentsInput = {
  /** Today when not given */
  checkedOn?: string | null | undefined;
  /** Codes of the district's documents file */
  documents: Array<string>;
};

/** Why an enrolment ended (学籍终止原因) */
export type EnrolmentEndReason =
  | 'DIED'
  | 'DROPPED_OUT'
  | 'GRADUATED'
  | 'MOVED_OUT_OF_DISTRICT'
  | 'OVER_AGE'
  | 'TRANSFERRED';

/** An enrolment: a school of the reference, stage, grade, first day */
export type EnrolmentInput = {
  /** 寄宿生 (the boarding living subsidy needs it) */
  boarding?: boolean;
  grade: number;
  /** 学校标识码, from `schools` */
  schoolCode: string;
  /** As the caller knows it; refused when the reference differs */
  schoolName?: string | null | undefined;
  /** Not before birth, not in the future */
  since: string;
  stage: SchoolStage;
};

/** ACTIVE, SUSPENDED (休学) or ENDED (学籍状态) */
export type EnrolmentStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'SUSPENDED';

/** SCHEDULED (starts later), ACTIVE or ENDED (待遇状态) */
export type EntitlementStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'SCHEDULED';

/** An exemption (免予入学): the reason, a note (required for OTHER) */
export type ExemptionInput = {
  note?: string | null | undefined;
  reason: ExemptionReason;
  /** Until when it holds; none: until the child is enrolled again */
  until?: string | null | undefined;
};

/** Why a child need not be at school (免予入学): medical, moved away, other */
export type ExemptionReason =
  | 'MEDICAL'
  | 'MOVED_AWAY'
  | 'OTHER';

/** Why a child left the scope (退出原因) */
export type ExitReason =
  | 'ADOPTED'
  | 'AGED_OUT'
  | 'CONDITIONS_ENDED'
  | 'DECEASED'
  | 'MOVED_OUT'
  | 'OTHER';

/** A file for the finance office */
export type ExportFormat =
  | 'CSV'
  | 'XLSX';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type GuardianInput = {
  awayLocation?: string | null | undefined;
  awaySince?: string | null | undefined;
  capacity?: GuardianshipCapacity;
  /** Set on the entrusted guardian (委托监护人) only */
  entrustedSince?: string | null | undefined;
  entrustmentAgreedOn?: string | null | undefined;
  isGuardian?: boolean;
  name: string;
  phone?: string | null | undefined;
  relation: Relation;
  workingAway?: boolean;
};

/** Guardianship capacity (监护能力) */
export type GuardianshipCapacity =
  | 'FULL'
  | 'LIMITED'
  | 'NONE';

/** A home teaching plan: the teacher, the sending school, the schedule (the district's defaults if not given, else within its bounds) */
export type HomeTeachingPlanInput = {
  minHours?: number | null | undefined;
  /** The sending school; the placement's if not given */
  schoolCode?: string | null | undefined;
  sessionsPerMonth?: number | null | undefined;
  /** Today if not given */
  since?: string | null | undefined;
  teacherName: string;
  /** A school staff account of the sending school */
  teacherUsername?: string | null | undefined;
};

/** A session held: the day, the hours, what was taught */
export type HomeTeachingSessionInput = {
  content: string;
  hours: number;
  /** Not in the future, not before the plan */
  on: string;
};

/** Refuse the whole file on any bad row, or take the good rows */
export type ImportMode =
  | 'ALL_OR_NOTHING'
  | 'VALID_ROWS';

/** What a family asks for at the window (申请事项) */
export type IntakeNeed =
  | 'EDUCATION_AID'
  | 'GUARDIANSHIP_SUPPORT'
  | 'HOUSING'
  | 'HUKOU_REGISTRATION'
  | 'LEGAL_AID'
  | 'LIVING_ALLOWANCE'
  | 'MEDICAL_ASSISTANCE'
  | 'PARENT_EMPLOYMENT'
  | 'PSYCHOLOGICAL_SUPPORT'
  | 'REHABILITATION'
  | 'VOLUNTEER_PAIRING';

/** Where an application stands (申请状态) */
export type IntakeStatus =
  | 'COMPLETED'
  | 'OPEN'
  | 'WITHDRAWN';

/** Why guardianship is intervened in (监护干预事由) */
export type InterventionReason =
  | 'ADMONITION_FAILED'
  | 'DUTY_REFUSED_SIX_MONTHS'
  | 'GUARDIAN_UNABLE'
  | 'SERIOUS_HARM';

export type InterventionStatus =
  | 'CLOSED'
  | 'OPEN';

/** Where a measure stands; DONE and CANCELLED are final */
export type MeasureStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** raiseNeed: a need of a child, or of a division's children */
export type NeedInput = {
  childId?: string | number | null | undefined;
  description: string;
  divisionCode: string;
  kind: ResourceKind;
};

/** Where a need came from: by hand, an intake's VOLUNTEER_PAIRING task, a support plan measure */
export type NeedSource =
  | 'INTAKE'
  | 'MANUAL'
  | 'PLAN';

/** Where a need stands */
export type NeedStatus =
  | 'CLOSED'
  | 'MATCHED'
  | 'OPEN';

/** createOffer: what an organisation the caller acts for offers */
export type OfferInput = {
  description: string;
  /** Where it is offered; the district for all */
  divisionCode: string;
  kind: ResourceKind;
  organisationId: string | number;
  quantity: number;
};

/** Whether an offer has units left */
export type OfferStatus =
  | 'FULL'
  | 'OPEN';

/** A member of the public whose call the hotline took (代为报告) */
export type OnBehalfOfInput = {
  name: string;
  /** An 11-digit mobile, or a landline with its area code (010-69841234) */
  phone: string;
};

/** What an organisation is (组织类型) */
export type OrganisationKind =
  | 'CHARITY'
  | 'CHILDRENS_HOME'
  | 'DISABLED_PERSONS_FEDERATION'
  | 'ENTERPRISE'
  | 'SOCIAL_WORK_AGENCY'
  | 'TRADE_UNION'
  | 'WOMENS_FEDERATION'
  | 'YOUTH_LEAGUE';

/** Where a pairing stands (结对状态) */
export type PairingStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'SUSPENDED';

/** recordPairingVisit: one visit */
export type PairingVisitInput = {
  minutes: number;
  mode?: PairingVisitMode | null | undefined;
  note?: string | null | undefined;
  /** Not in the future */
  visitedOn: string;
};

/** How a pairing visit was made */
export type PairingVisitMode =
  | 'HOME'
  | 'OTHER'
  | 'PHONE'
  | 'SCHOOL'
  | 'VIDEO';

/** The assessment that decided a placement (残疾儿童入学评估) */
export type PlacementAssessmentInput = {
  /** Who assessed, e.g. 区残疾儿童入学评估委员会 */
  by: string;
  /** Not after the placement's first day */
  on: string;
  summary: string;
};

/** A placement decision: the kind, the school, the assessment */
export type PlacementInput = {
  assessment: PlacementAssessmentInput;
  kind: PlacementKind;
  /** 学校标识码; a SPECIAL_SCHOOL placement needs a special education school */
  schoolCode: string;
  /** Today if not given */
  since?: string | null | undefined;
};

/** Where a disabled child is schooled (安置方式) */
export type PlacementKind =
  | 'HOME_TEACHING'
  | 'REGULAR_CLASS'
  | 'SPECIAL_CLASS'
  | 'SPECIAL_SCHOOL';

/** A new measure of a child's plan */
export type PlanMeasureInput = {
  department: Department;
  description: string;
  dueDate?: string | null | undefined;
  /** Free short text, at most 50 characters */
  kind: string;
  owner?: string | null | undefined;
  status?: MeasureStatus;
};

/** Hardship (困境), left-behind (留守), or neither */
export type PrimaryCategory =
  | 'HARDSHIP'
  | 'LEFT_BEHIND'
  | 'NONE';

/** What a programme secures (保障类别) */
export type ProgrammeCategory =
  | 'BASIC_LIVING'
  | 'GUARDIANSHIP'
  | 'INSURANCE'
  | 'MEDICAL'
  | 'TEMPORARY_SUPPORT';

/** The programmes of the district (保障项目) */
export type ProgrammeCode =
  | 'DESTITUTE_SUPPORT'
  | 'DISABILITY_TWO_SUBSIDIES'
  | 'GUARDIANSHIP_ALLOWANCE'
  | 'HARDSHIP_LIVING_ALLOWANCE'
  | 'INSURANCE_PREMIUM_SUBSIDY'
  | 'MEDICAL_REHABILITATION'
  | 'MINIMUM_SUBSISTENCE'
  | 'TEMPORARY_LIVING_SUPPORT';

/** How a programme is given (发放方式) */
export type ProgrammeKind =
  | 'ANNUAL_SUBSIDY'
  | 'MONTHLY_CASH'
  | 'ONE_OFF'
  | 'SERVICE';

/** What opens a child's file */
export type RegisterChildInput = {
  birthDate: string;
  gender: Gender;
  /** May be outside Beijing */
  hukouDivisionCode?: string | null | undefined;
  /** 18 characters, GB 11643 checksum */
  idNumber?: string | null | undefined;
  name: string;
  notes?: string | null | undefined;
  /** A village code */
  residenceDivisionCode: string;
  school?: string | null | undefined;
};

/** A household member's relation to the child */
export type Relation =
  | 'FATHER'
  | 'GRANDFATHER'
  | 'GRANDMOTHER'
  | 'MOTHER'
  | 'OTHER'
  | 'OTHER_RELATIVE'
  | 'SIBLING';

/** Which cases; all given must hold */
export type ReportFilter = {
  childId?: string | number | null | undefined;
  /** Where it happened, within this division */
  divisionCode?: string | null | undefined;
  kind?: ReportKind | null | undefined;
  status?: ReportStatus | null | undefined;
  /** Reported as urgent (true), or not (false) */
  urgent?: boolean | null | undefined;
};

/** A mandatory report: a known child (childId, if the reporter may read the file) or one described (childName if known, childAge); where and when, what, how urgent */
export type ReportInput = {
  /** Estimated if unknown */
  childAge?: number | null | undefined;
  childId?: string | number | null | undefined;
  childName?: string | null | undefined;
  description: string;
  /** Where it happened: a town or village of the district */
  divisionCode?: string | null | undefined;
  /** When it was found; now when left out */
  foundAt?: string | null | undefined;
  /** The reporting institution; required of mandated reporters */
  institution?: string | null | undefined;
  kind: ReportKind;
  occurredOn?: string | null | undefined;
  /** The hotline's caller (window clerks only) */
  onBehalfOf?: OnBehalfOfInput | null | undefined;
  urgent?: boolean | null | undefined;
};

/** What the reporter found (报告情形) */
export type ReportKind =
  | 'ABANDONMENT'
  | 'ABUSE'
  | 'GUARDIAN_UNABLE'
  | 'MISSING'
  | 'NEGLECT'
  | 'OTHER'
  | 'SELF_HARM_RISK'
  | 'WANDERING';

/** Where a case stands (案件状态) */
export type ReportStatus =
  | 'ACCEPTED'
  | 'ASSESSED'
  | 'CLOSED'
  | 'REFERRED_TO_TOWN'
  | 'REPORTED';

/** How much of a case the caller sees: all of it, the village supervisor's part, or the reporter's receipt and status */
export type ReportView =
  | 'DETAIL'
  | 'RECEIPT'
  | 'SUPERVISOR';

/** What is needed or offered */
export type ResourceKind =
  | 'CAMP_PLACE'
  | 'GOODS'
  | 'MEDICAL'
  | 'OTHER'
  | 'PSYCHOLOGY'
  | 'TUTORING';

/** A police response or emergency measure */
export type ResponseInput = {
  /** Now when left out */
  at?: string | null | undefined;
  measure: ResponseMeasure;
  note?: string | null | undefined;
};

/** A police response or emergency measure (出警、应急处置措施) */
export type ResponseMeasure =
  | 'MISSING_SEARCH_OPENED'
  | 'OTHER'
  | 'PLACED_WITH_RELATIVES'
  | 'RESCUE_CENTRE'
  | 'SENT_TO_HOSPITAL'
  | 'TEMPORARY_CARE';

/** The risk the visitor saw (风险等级) */
export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** A school's name, stages, town and kind */
export type SchoolFieldsInput = {
  kind: SchoolKind;
  name: string;
  stages: Array<SchoolStage>;
  townCode: string;
};

/** A new school under its national identifier */
export type SchoolInput = {
  code: string;
  kind: SchoolKind;
  name: string;
  stages: Array<SchoolStage>;
  townCode: string;
};

/** Who runs a school (办学类型) */
export type SchoolKind =
  | 'PRIVATE'
  | 'PUBLIC'
  | 'SPECIAL_EDUCATION';

/** A stage of schooling (学段) */
export type SchoolStage =
  | 'HOME_TEACHING'
  | 'JUNIOR_SECONDARY'
  | 'PRESCHOOL'
  | 'PRIMARY'
  | 'SENIOR_SECONDARY'
  | 'SPECIAL_EDUCATION'
  | 'VOCATIONAL_SECONDARY';

/** Where a record of hours stands: recorded, approved, rejected */
export type ServiceHoursStatus =
  | 'APPROVED'
  | 'RECORDED'
  | 'REJECTED';

/** The whole household after this change */
export type SetGuardiansInput = {
  guardians: Array<GuardianInput>;
  reason?: string | null | undefined;
};

/** How pressing a notification is (INFO, WARNING, URGENT) */
export type Severity =
  | 'INFO'
  | 'URGENT'
  | 'WARNING';

/** An application: an existing file (childId) or a new child */
export type SubmitIntakeInput = {
  applicantName: string;
  /** An 11-digit mainland mobile number */
  applicantPhone: string;
  applicantRelation: ApplicantRelation;
  /** A new child, registered in the same step */
  child?: RegisterChildInput | null | undefined;
  /** An existing file */
  childId?: string | number | null | undefined;
  /** Documents received at the window */
  materials?: Array<string> | null | undefined;
  /** At least one, each once */
  needs: Array<IntakeNeed>;
  note?: string | null | undefined;
};

/** A department that takes its part of an application (协同办理部门); the plan's `Department` groups the mass organisations, this one names each */
export type TaskDepartment =
  | 'CIVIL_AFFAIRS'
  | 'DISABLED_PERSONS_FEDERATION'
  | 'EDUCATION'
  | 'HEALTH'
  | 'HOUSING'
  | 'HUMAN_RESOURCES'
  | 'JUDICIAL'
  | 'POLICE'
  | 'TRADE_UNION'
  | 'WOMENS_FEDERATION'
  | 'YOUTH_LEAGUE';

/** Which tasks of the caller's department(s); all given must hold */
export type TaskFilter = {
  department?: TaskDepartment | null | undefined;
  overdue?: boolean | null | undefined;
  status?: TaskStatus | null | undefined;
  /** One town's tasks (9 digits); a town's users see only theirs */
  townCode?: string | null | undefined;
};

/** Where a department's task stands; DONE and DECLINED are final */
export type TaskStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'DONE'
  | 'NEEDS_MATERIALS'
  | 'PENDING';

/** A step of an application's timeline (办理环节) */
export type TimelineAction =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'ESCALATED'
  | 'INTAKE_COMPLETED'
  | 'MATERIALS_RECEIVED'
  | 'MATERIALS_REQUESTED'
  | 'ROUTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** The identity fields to change; those left out stay */
export type UpdateChildInput = {
  birthDate?: string | null | undefined;
  gender?: Gender | null | undefined;
  hukouDivisionCode?: string | null | undefined;
  idNumber?: string | null | undefined;
  name?: string | null | undefined;
  notes?: string | null | undefined;
  reason?: string | null | undefined;
  residenceDivisionCode?: string | null | undefined;
  school?: string | null | undefined;
};

/** recordVetting: one check, passed or not */
export type VettingInput = {
  /** Not in the future */
  checkedOn: string;
  kind: VettingKind;
  note?: string | null | undefined;
  passed: boolean;
};

/** A check of a volunteer: the record of offences against minors (侵害未成年人违法犯罪信息查询) or training (岗前培训) */
export type VettingKind =
  | 'MINOR_PROTECTION_RECORD_CHECK'
  | 'TRAINING';

/** A visit; without nextDue, the category's interval gives it */
export type VisitInput = {
  findings: string;
  /** Not before visitedOn; default: visitedOn + the interval */
  nextDue?: string | null | undefined;
  riskLevel: RiskLevel;
  /** Who was seen */
  seen: string;
  /** Not in the future */
  visitedOn: string;
};

/** Where a volunteer's account stands (账号状态) */
export type VolunteerAccountStatus =
  | 'ACTIVE'
  | 'DISABLED'
  | 'PENDING';

/** When a volunteer can serve (可服务时间) */
export type VolunteerAvailability =
  | 'SCHOOL_HOLIDAYS'
  | 'WEEKDAY_DAYTIME'
  | 'WEEKDAY_EVENING'
  | 'WEEKEND_DAYTIME'
  | 'WEEKEND_EVENING';

/** registerVolunteer (志愿者注册) */
export type VolunteerInput = {
  availability?: Array<VolunteerAvailability> | null | undefined;
  divisionCode: string;
  /** 18 characters, GB 11643 (checked) */
  idNumber: string;
  name: string;
  /** By default the caller's federation's own */
  organisationId?: string | number | null | undefined;
  phone: string;
  /** Division codes; by default the volunteer's own */
  serviceArea?: Array<string> | null | undefined;
  skills: Array<VolunteerSkill>;
};

/** What a volunteer can offer (志愿服务技能) */
export type VolunteerSkill =
  | 'ARTS'
  | 'COMPANIONSHIP'
  | 'LEGAL'
  | 'MEDICAL'
  | 'PSYCHOLOGY'
  | 'SPORTS'
  | 'TUTORING';

export type OrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationsQuery = { organisations: Array<{ id: string, kind: OrganisationKind, name: string, divisionCode: string, actingRole: ActingRole, demo: boolean }> };

export type ShellQueryVariables = Exact<{
  division: string;
}>;


export type ShellQuery = { me: { username: string, roles: Array<string>, divisionCode: string }, division: { code: string, name: string, level: DivisionLevel, parent: { name: string } | null } | null };

export type NotificationFieldsFragment = { id: string, cursor: string, kind: string, title: string, body: string, severity: Severity, urgent: boolean, requiresAck: boolean, acknowledgedAt: string | null, read: boolean, createdAt: string, childId: string | null, subjectRef: string | null };

export type NotificationsQueryVariables = Exact<{
  first: number;
}>;


export type NotificationsQuery = { notifications: { unreadCount: number, totalCount: number, edges: Array<{ node: { id: string, cursor: string, kind: string, title: string, body: string, severity: Severity, urgent: boolean, requiresAck: boolean, acknowledgedAt: string | null, read: boolean, createdAt: string, childId: string | null, subjectRef: string | null } }> } };

export type NotificationReceivedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationReceivedSubscription = { notificationReceived: { id: string, cursor: string, kind: string, title: string, body: string, severity: Severity, urgent: boolean, requiresAck: boolean, acknowledgedAt: string | null, read: boolean, createdAt: string, childId: string | null, subjectRef: string | null } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, read: boolean } };

export type AcknowledgeNotificationMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeNotificationMutation = { acknowledgeNotification: { id: string, read: boolean, acknowledgedAt: string | null } };

export type DivisionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type DivisionsQuery = { divisions: Array<{ code: string, name: string, level: DivisionLevel }> };

export type CarLinkFragment = { id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean };

export type CarFamilyFragment = { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> };

export type CarFamiliesQueryVariables = Exact<{
  divisionCode: string;
  status?: CaringFamilyStatus | null | undefined;
}>;


export type CarFamiliesQuery = { caringFamilies: Array<{ id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> }> };

export type CarFamilyQueryVariables = Exact<{
  id: string | number;
}>;


export type CarFamilyQuery = { caringFamily: { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> } | null };

export type CarRegisterFamilyMutationVariables = Exact<{
  input: CaringFamilyInput;
}>;


export type CarRegisterFamilyMutation = { registerCaringFamily: { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> } };

export type CarAssessFamilyMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: CaringFamilyAssessmentInput;
}>;


export type CarAssessFamilyMutation = { assessCaringFamily: { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> } };

export type CarLinkFamilyMutationVariables = Exact<{
  familyId: string | number;
  input: CaringFamilyLinkInput;
}>;


export type CarLinkFamilyMutation = { linkCaringFamily: { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> } };

export type CarUnlinkFamilyMutationVariables = Exact<{
  linkId: string | number;
  input: CaringFamilyUnlinkInput;
}>;


export type CarUnlinkFamilyMutation = { unlinkCaringFamily: { id: string, kind: CaringFamilyKind, kindName: string, headName: string, idNumber: string, mobile: string, divisionCode: string, divisionName: string, address: string, status: CaringFamilyStatus, assessedOn: string | null, assessmentNote: string | null, approvedBy: string | null, version: number, registeredAt: string, links: Array<{ id: string, familyId: string, childId: string, startsOn: string, until: string | null, endedOn: string | null, endReason: string | null, active: boolean }> } };

export type CarDonationFragment = { id: string, organisationId: string, organisationName: string, donorKind: DonorKind, donorName: string, anonymous: boolean, kind: DonationKind, amountFen: number | string | null, goodsDescription: string | null, quantity: number | string | null, unit: string | null, used: number | string, remaining: number | string, designation: DonationDesignation, designationName: string, designatedId: string | null, receivedOn: string, note: string | null, version: number, recordedBy: string, uses: Array<{ id: string, amountFen: number | string | null, quantity: number | string | null, usedOn: string, purpose: string, recordedBy: string }> };

export type CarDonationsQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
}>;


export type CarDonationsQuery = { donations: Array<{ id: string, organisationId: string, organisationName: string, donorKind: DonorKind, donorName: string, anonymous: boolean, kind: DonationKind, amountFen: number | string | null, goodsDescription: string | null, quantity: number | string | null, unit: string | null, used: number | string, remaining: number | string, designation: DonationDesignation, designationName: string, designatedId: string | null, receivedOn: string, note: string | null, version: number, recordedBy: string, uses: Array<{ id: string, amountFen: number | string | null, quantity: number | string | null, usedOn: string, purpose: string, recordedBy: string }> }> };

export type CarRecordDonationMutationVariables = Exact<{
  input: DonationInput;
}>;


export type CarRecordDonationMutation = { recordDonation: { id: string, organisationId: string, organisationName: string, donorKind: DonorKind, donorName: string, anonymous: boolean, kind: DonationKind, amountFen: number | string | null, goodsDescription: string | null, quantity: number | string | null, unit: string | null, used: number | string, remaining: number | string, designation: DonationDesignation, designationName: string, designatedId: string | null, receivedOn: string, note: string | null, version: number, recordedBy: string, uses: Array<{ id: string, amountFen: number | string | null, quantity: number | string | null, usedOn: string, purpose: string, recordedBy: string }> } };

export type CarRecordDonationUseMutationVariables = Exact<{
  donationId: string | number;
  input: DonationUseInput;
}>;


export type CarRecordDonationUseMutation = { recordDonationUse: { id: string, organisationId: string, organisationName: string, donorKind: DonorKind, donorName: string, anonymous: boolean, kind: DonationKind, amountFen: number | string | null, goodsDescription: string | null, quantity: number | string | null, unit: string | null, used: number | string, remaining: number | string, designation: DonationDesignation, designationName: string, designatedId: string | null, receivedOn: string, note: string | null, version: number, recordedBy: string, uses: Array<{ id: string, amountFen: number | string | null, quantity: number | string | null, usedOn: string, purpose: string, recordedBy: string }> } };

export type CarDonationSummaryQueryVariables = Exact<{
  year: number;
}>;


export type CarDonationSummaryQuery = { donationSummary: { year: number, byDesignation: Array<{ designation: DonationDesignation, designationName: string, donationCount: number, moneyFen: number | string, moneyUsedFen: number | string, goodsQuantity: number | string, goodsUsedQuantity: number | string }>, byMonth: Array<{ month: string, receivedFen: number | string, usedFen: number | string, donationCount: number }>, donations: Array<{ receivedOn: string, organisationName: string, donorName: string, kind: DonationKind, amountFen: number | string | null, goodsDescription: string | null, quantity: number | string | null, unit: string | null, designation: DonationDesignation, designationName: string }>, uses: Array<{ usedOn: string, organisationName: string, designation: DonationDesignation, designationName: string, kind: DonationKind, amountFen: number | string | null, quantity: number | string | null, unit: string | null, purpose: string }> } };

export type CarDonationsExportQueryVariables = Exact<{
  year: number;
  format: ExportFormat;
}>;


export type CarDonationsExportQuery = { donationsExport: { filename: string, mediaType: string, contentBase64: string } };

export type CarOfferFragment = { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus };

export type CarNeedFragment = { id: string, divisionCode: string, divisionName: string, childId: string | null, forChild: boolean, kind: ResourceKind, description: string, source: NeedSource, status: NeedStatus, matchedAt: string | null, closedAt: string | null, closeNote: string | null, version: number, raisedBy: string, raisedAt: string, offer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } | null };

export type CarNeedsQueryVariables = Exact<{
  divisionCode: string;
  status?: NeedStatus | null | undefined;
}>;


export type CarNeedsQuery = { needs: Array<{ id: string, divisionCode: string, divisionName: string, childId: string | null, forChild: boolean, kind: ResourceKind, description: string, source: NeedSource, status: NeedStatus, matchedAt: string | null, closedAt: string | null, closeNote: string | null, version: number, raisedBy: string, raisedAt: string, offer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } | null }> };

export type CarOffersQueryVariables = Exact<{
  divisionCode?: string | null | undefined;
  openOnly: boolean;
}>;


export type CarOffersQuery = { offers: Array<{ id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus }> };

export type CarRaiseNeedMutationVariables = Exact<{
  input: NeedInput;
}>;


export type CarRaiseNeedMutation = { raiseNeed: { id: string, divisionCode: string, divisionName: string, childId: string | null, forChild: boolean, kind: ResourceKind, description: string, source: NeedSource, status: NeedStatus, matchedAt: string | null, closedAt: string | null, closeNote: string | null, version: number, raisedBy: string, raisedAt: string, offer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } | null } };

export type CarCreateOfferMutationVariables = Exact<{
  input: OfferInput;
}>;


export type CarCreateOfferMutation = { createOffer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } };

export type CarMatchNeedMutationVariables = Exact<{
  needId: string | number;
  offerId: string | number;
}>;


export type CarMatchNeedMutation = { matchNeed: { id: string, divisionCode: string, divisionName: string, childId: string | null, forChild: boolean, kind: ResourceKind, description: string, source: NeedSource, status: NeedStatus, matchedAt: string | null, closedAt: string | null, closeNote: string | null, version: number, raisedBy: string, raisedAt: string, offer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } | null } };

export type CarCloseNeedMutationVariables = Exact<{
  needId: string | number;
  note: string;
}>;


export type CarCloseNeedMutation = { closeNeed: { id: string, divisionCode: string, divisionName: string, childId: string | null, forChild: boolean, kind: ResourceKind, description: string, source: NeedSource, status: NeedStatus, matchedAt: string | null, closedAt: string | null, closeNote: string | null, version: number, raisedBy: string, raisedAt: string, offer: { id: string, organisationId: string, organisationName: string, kind: ResourceKind, description: string, divisionCode: string, divisionName: string, quantity: number, matched: number, remaining: number, status: OfferStatus } | null } };

export type CarActivitiesQueryVariables = Exact<{
  divisionCode: string;
}>;


export type CarActivitiesQuery = { activities: Array<{ id: string, title: string, on: string, organisationName: string }> };

export type CarChildNameQueryVariables = Exact<{
  id: string | number;
}>;


export type CarChildNameQuery = { child: { id: string, name: string } | null };

export type ChildRowFragment = { id: string, version: number, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null, status: ChildStatus, primaryCategory: PrimaryCategory, leftBehind: boolean, withheld: Array<string>, residenceDivision: { code: string, name: string } };

export type ChildrenSearchQueryVariables = Exact<{
  filter?: ChildFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ChildrenSearchQuery = { children: { totalCount: number | null, edges: Array<{ node: { id: string, version: number, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null, status: ChildStatus, primaryCategory: PrimaryCategory, leftBehind: boolean, withheld: Array<string>, residenceDivision: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ChildVisitFragment = { id: string, childId: string, visitedOn: string, visitor: string, visitorRole: string, seen: string, findings: string, riskLevel: RiskLevel, nextDue: string, createdAt: string };

export type ChildFactsFragment = { hukouDivisionCode: string | null, school: string | null, notes: string | null, registeredOn: string | null, exitedOn: string | null, exitReason: ExitReason | null, id: string, version: number, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null, status: ChildStatus, primaryCategory: PrimaryCategory, leftBehind: boolean, withheld: Array<string>, residenceDivision: { code: string, name: string, parent: { code: string, name: string } | null } };

export type ChildFileQueryVariables = Exact<{
  id: string | number;
}>;


export type ChildFileQuery = { child: { hukouDivisionCode: string | null, school: string | null, notes: string | null, registeredOn: string | null, exitedOn: string | null, exitReason: ExitReason | null, id: string, version: number, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null, status: ChildStatus, primaryCategory: PrimaryCategory, leftBehind: boolean, withheld: Array<string>, guardians: Array<{ id: string, name: string, relation: Relation, isGuardian: boolean, capacity: GuardianshipCapacity, workingAway: boolean, awayLocation: string | null, awaySince: string | null, phone: string | null, entrusted: boolean, entrustedSince: string | null, entrustmentAgreedOn: string | null }> | null, classifications: Array<{ group: ClassificationGroup, subtype: ClassificationSubtype, since: string, until: string | null, note: string | null, recordedBy: string, recordedAt: string }> | null, history: Array<{ seq: number, at: string, actor: string, operation: string, reason: string | null, before: unknown, after: unknown }> | null, visits: Array<{ id: string, childId: string, visitedOn: string, visitor: string, visitorRole: string, seen: string, findings: string, riskLevel: RiskLevel, nextDue: string, createdAt: string }> | null, supportPlan: { measures: Array<{ id: string, department: Department, kind: string, description: string, status: MeasureStatus, dueDate: string | null, owner: string | null, createdBy: string, updatedAt: string }> } | null, benefits: { decidedOn: string | null, ruleVersion: string | null, withheldProgrammes: Array<ProgrammeCode>, decisions: Array<{ eligible: boolean | null, granted: boolean | null, outcome: DecisionOutcome | null, reasons: Array<string> | null, monthlyAmountFen: number | null, sharePercent: number | null, supersededBy: ProgrammeCode | null, decidedOn: string, withheld: Array<string>, programme: { code: ProgrammeCode, name: string } }>, entitlements: Array<{ id: string, status: EntitlementStatus, monthlyAmountFen: number | null, startsOn: string, endsOn: string | null, endReason: string | null, withheld: Array<string>, programme: { code: ProgrammeCode, name: string } }> } | null, residenceDivision: { code: string, name: string, parent: { code: string, name: string } | null } } | null, visitPolicy: Array<{ primaryCategory: PrimaryCategory, intervalDays: number }> };

export type ChildCasesQueryVariables = Exact<{
  childId: string | number;
}>;


export type ChildCasesQuery = { reports: { edges: Array<{ node: { id: string, caseNumber: string, status: ReportStatus, kind: ReportKind | null, urgent: boolean | null, reportedAt: string, occurredOn: string | null, description: string | null, outcome: string | null, closedAt: string | null } }> } };

export type ChildInterventionsQueryVariables = Exact<{
  childId: string | number;
}>;


export type ChildInterventionsQuery = { interventions: Array<{ id: string, reason: InterventionReason, status: InterventionStatus, openedOn: string, openedBy: string, closedOn: string | null, outcome: string | null, note: string | null }> };

export type ChildUpdateMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: UpdateChildInput;
}>;


export type ChildUpdateMutation = { updateChild: { hukouDivisionCode: string | null, school: string | null, notes: string | null, registeredOn: string | null, exitedOn: string | null, exitReason: ExitReason | null, id: string, version: number, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null, status: ChildStatus, primaryCategory: PrimaryCategory, leftBehind: boolean, withheld: Array<string>, residenceDivision: { code: string, name: string, parent: { code: string, name: string } | null } } };

export type ChildClassifyMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: ClassifyChildInput;
}>;


export type ChildClassifyMutation = { classifyChild: { id: string, version: number } };

export type ChildGuardiansMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: SetGuardiansInput;
}>;


export type ChildGuardiansMutation = { setGuardians: { id: string, version: number } };

export type ChildExitMutationVariables = Exact<{
  id: string | number;
  version: number;
  reason: ExitReason;
  note?: string | null | undefined;
}>;


export type ChildExitMutation = { exitChild: { id: string, version: number, status: ChildStatus } };

export type EduSchoolFragment = { code: string, name: string, stages: Array<SchoolStage>, townCode: string, townName: string, kind: SchoolKind, demo: boolean, version: number };

export type EduEnrolmentFragment = { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null };

export type EduRiskFragment = { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null };

export type EduPlacementFragment = { id: string, kind: PlacementKind, since: string, endedOn: string | null, decidedBy: string, school: { code: string, name: string }, assessment: { on: string, by: string, summary: string } };

export type EduHomeTeachingFragment = { id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, missedMonths: Array<{ month: string, expected: number, held: number }> };

export type EduNonBeijingFragment = { hukouDivisionCode: string, stage: SchoolStage, complete: boolean, checkedOn: string | null, checkedBy: string | null, documents: Array<{ code: string, name: string, required: boolean, provided: boolean }> };

export type EduInclusionFragment = { placement: { id: string, kind: PlacementKind, since: string, endedOn: string | null, decidedBy: string, school: { code: string, name: string }, assessment: { on: string, by: string, summary: string } } | null, homeTeaching: { id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, sessions: Array<{ id: string, on: string, hours: number, content: string, counted: boolean, recordedBy: string }>, missedMonths: Array<{ month: string, expected: number, held: number }> } | null, nonBeijing: { hukouDivisionCode: string, stage: SchoolStage, complete: boolean, checkedOn: string | null, checkedBy: string | null, documents: Array<{ code: string, name: string, required: boolean, provided: boolean }> } | null };

export type EduSchoolsQueryVariables = Exact<{
  townCode?: string | null | undefined;
}>;


export type EduSchoolsQuery = { schools: Array<{ code: string, name: string, stages: Array<SchoolStage>, townCode: string, townName: string, kind: SchoolKind, demo: boolean, version: number }> };

export type EduCreateSchoolMutationVariables = Exact<{
  input: SchoolInput;
}>;


export type EduCreateSchoolMutation = { createSchool: { code: string, name: string, stages: Array<SchoolStage>, townCode: string, townName: string, kind: SchoolKind, demo: boolean, version: number } };

export type EduUpdateSchoolMutationVariables = Exact<{
  code: string;
  version: number;
  input: SchoolFieldsInput;
}>;


export type EduUpdateSchoolMutation = { updateSchool: { code: string, name: string, stages: Array<SchoolStage>, townCode: string, townName: string, kind: SchoolKind, demo: boolean, version: number } };

export type EduRisksQueryVariables = Exact<{
  divisionCode: string;
  after?: string | null | undefined;
}>;


export type EduRisksQuery = { dropoutRisks: { edges: Array<{ node: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null, child: { id: string, name: string, age: number | null, birthDate: string | null, residenceDivision: { code: string, name: string } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EduExemptMutationVariables = Exact<{
  id: string | number;
  input: ExemptionInput;
}>;


export type EduExemptMutation = { exemptDropoutRisk: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null } };

export type EduChildEducationQueryVariables = Exact<{
  id: string | number;
}>;


export type EduChildEducationQuery = { child: { id: string, name: string, birthDate: string | null, status: ChildStatus, education: { enrolments: Array<{ id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null }>, aid: Array<{ programme: AidProgrammeCode, programmeName: string, eligible: boolean, reasons: Array<string>, annualAmountFen: number, decidedOn: string | null, ruleVersion: string }>, dropoutRisk: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null } | null, placement: { id: string, kind: PlacementKind, since: string, endedOn: string | null, decidedBy: string, school: { code: string, name: string }, assessment: { on: string, by: string, summary: string } } | null, homeTeaching: { id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, sessions: Array<{ id: string, on: string, hours: number, content: string, counted: boolean, recordedBy: string }>, missedMonths: Array<{ month: string, expected: number, held: number }> } | null, nonBeijing: { hukouDivisionCode: string, stage: SchoolStage, complete: boolean, checkedOn: string | null, checkedBy: string | null, documents: Array<{ code: string, name: string, required: boolean, provided: boolean }> } | null } | null } | null };

export type EduRecordEnrolmentMutationVariables = Exact<{
  childId: string | number;
  input: EnrolmentInput;
}>;


export type EduRecordEnrolmentMutation = { recordEnrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null } };

export type EduTransferEnrolmentMutationVariables = Exact<{
  id: string | number;
  input: EnrolmentInput;
}>;


export type EduTransferEnrolmentMutation = { transferEnrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null } };

export type EduSuspendEnrolmentMutationVariables = Exact<{
  id: string | number;
  on?: string | null | undefined;
}>;


export type EduSuspendEnrolmentMutation = { suspendEnrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null } };

export type EduResumeEnrolmentMutationVariables = Exact<{
  id: string | number;
  on?: string | null | undefined;
}>;


export type EduResumeEnrolmentMutation = { resumeEnrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null } };

export type EduEndEnrolmentMutationVariables = Exact<{
  id: string | number;
  reason: EnrolmentEndReason;
  endedOn?: string | null | undefined;
}>;


export type EduEndEnrolmentMutation = { endEnrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null } };

export type EduProgrammeFragment = { code: AidProgrammeCode, name: string, stages: Array<SchoolStage>, boardingRequired: boolean, leftBehindEligible: boolean, basis: string, annualAmountFen: number, placeholder: boolean, effectiveFrom: string | null, semesters: Array<{ code: string, name: string, percent: number }>, standards: Array<{ annualAmountFen: number, effectiveFrom: string, setBy: string, setAt: string }> };

export type EduSemesterFragment = { id: string, semester: string, startsOn: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: AidProgrammeCode, lineCount: number, totalFen: number | string }> };

export type EduAidStandardsQueryVariables = Exact<{ [key: string]: never; }>;


export type EduAidStandardsQuery = { aidStandards: Array<{ code: AidProgrammeCode, name: string, stages: Array<SchoolStage>, boardingRequired: boolean, leftBehindEligible: boolean, basis: string, annualAmountFen: number, placeholder: boolean, effectiveFrom: string | null, semesters: Array<{ code: string, name: string, percent: number }>, standards: Array<{ annualAmountFen: number, effectiveFrom: string, setBy: string, setAt: string }> }> };

export type EduSetAidStandardMutationVariables = Exact<{
  input: AidStandardInput;
}>;


export type EduSetAidStandardMutation = { setAidStandard: { code: AidProgrammeCode, name: string, stages: Array<SchoolStage>, boardingRequired: boolean, leftBehindEligible: boolean, basis: string, annualAmountFen: number, placeholder: boolean, effectiveFrom: string | null, semesters: Array<{ code: string, name: string, percent: number }>, standards: Array<{ annualAmountFen: number, effectiveFrom: string, setBy: string, setAt: string }> } };

export type EduAidSemestersQueryVariables = Exact<{ [key: string]: never; }>;


export type EduAidSemestersQuery = { aidSemesters: Array<{ id: string, semester: string, startsOn: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: AidProgrammeCode, lineCount: number, totalFen: number | string }> }> };

export type EduAidSemesterQueryVariables = Exact<{
  semester: string;
}>;


export type EduAidSemesterQuery = { aidSemester: { id: string, semester: string, startsOn: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: AidProgrammeCode, lineCount: number, totalFen: number | string }> } | null };

export type EduRunAidSemesterMutationVariables = Exact<{
  semester: string;
}>;


export type EduRunAidSemesterMutation = { runAidSemester: { id: string, semester: string, startsOn: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: AidProgrammeCode, lineCount: number, totalFen: number | string }> } };

export type EduAidLinesQueryVariables = Exact<{
  semester: string;
  after?: string | null | undefined;
}>;


export type EduAidLinesQuery = { aidSemester: { id: string, lines: { totalCount: number | null, edges: Array<{ node: { id: string, childId: string, childName: string, programme: AidProgrammeCode, stage: SchoolStage, amountFen: number, townCode: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type EduAidExportQueryVariables = Exact<{
  semester: string;
  format: ExportFormat;
}>;


export type EduAidExportQuery = { aidSemester: { export: { filename: string, mediaType: string, contentBase64: string } } | null };

export type EduMySchoolQueryVariables = Exact<{ [key: string]: never; }>;


export type EduMySchoolQuery = { mySchool: { code: string, name: string, stages: Array<SchoolStage>, townCode: string, townName: string, kind: SchoolKind, demo: boolean, version: number } | null };

export type EduSchoolPupilsQueryVariables = Exact<{
  schoolCode: string;
  after?: string | null | undefined;
}>;


export type EduSchoolPupilsQuery = { schoolPupils: { edges: Array<{ node: { childId: string, childName: string, birthDate: string, enrolment: { id: string, childId: string, schoolCode: string, schoolName: string, stage: SchoolStage, grade: number, boarding: boolean, status: EnrolmentStatus, since: string, suspendedOn: string | null, endedOn: string | null, endReason: EnrolmentEndReason | null, transferredTo: string | null }, dropoutRisk: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null } | null, education: { placement: { id: string, kind: PlacementKind, since: string, endedOn: string | null, decidedBy: string, school: { code: string, name: string }, assessment: { on: string, by: string, summary: string } } | null, homeTeaching: { id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, sessions: Array<{ id: string, on: string, hours: number, content: string, counted: boolean, recordedBy: string }>, missedMonths: Array<{ month: string, expected: number, held: number }> } | null, nonBeijing: { hukouDivisionCode: string, stage: SchoolStage, complete: boolean, checkedOn: string | null, checkedBy: string | null, documents: Array<{ code: string, name: string, required: boolean, provided: boolean }> } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EduReportAbsenceMutationVariables = Exact<{
  childId: string | number;
  input: AbsenceInput;
}>;


export type EduReportAbsenceMutation = { reportAbsence: { childId: string, days: Array<string>, longestRun: number, threshold: number, dropoutRisk: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null } | null } };

export type EduReportReturnMutationVariables = Exact<{
  childId: string | number;
  on?: string | null | undefined;
}>;


export type EduReportReturnMutation = { reportReturn: { childId: string, days: Array<string>, longestRun: number, threshold: number, dropoutRisk: { id: string, childId: string, openedOn: string, reason: DropoutRiskReason, status: DropoutRiskStatus, dueOn: string, overdue: boolean, divisionCode: string, exemptionReason: ExemptionReason | null, exemptionNote: string | null } | null } };

export type EduImportRosterMutationVariables = Exact<{
  schoolCode: string;
  file: File;
  mode?: ImportMode | null | undefined;
}>;


export type EduImportRosterMutation = { importRoster: { importId: string | null, schoolCode: string, fileName: string, mode: ImportMode, totalRows: number, enrolledRows: number, transferredRows: number, unchangedRows: number, unmatchedRows: number, rejectedRows: number, errorCount: number, duplicateOfEarlierImport: boolean, errors: Array<{ row: number, column: string, message: string }> } };

export type EduDecidePlacementMutationVariables = Exact<{
  childId: string | number;
  input: PlacementInput;
}>;


export type EduDecidePlacementMutation = { decidePlacement: { id: string, kind: PlacementKind, since: string, endedOn: string | null, decidedBy: string, school: { code: string, name: string }, assessment: { on: string, by: string, summary: string } } };

export type EduPlanHomeTeachingMutationVariables = Exact<{
  childId: string | number;
  input: HomeTeachingPlanInput;
}>;


export type EduPlanHomeTeachingMutation = { planHomeTeaching: { id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, missedMonths: Array<{ month: string, expected: number, held: number }> } };

export type EduRecordSessionMutationVariables = Exact<{
  childId: string | number;
  input: HomeTeachingSessionInput;
}>;


export type EduRecordSessionMutation = { recordHomeTeachingSession: { id: string, on: string, hours: number, content: string, counted: boolean, recordedBy: string } };

export type EduHomeTeachingListQueryVariables = Exact<{
  divisionCode: string;
}>;


export type EduHomeTeachingListQuery = { homeTeaching: Array<{ id: string, childId: string, teacher: string, teacherUsername: string | null, schoolCode: string, schoolName: string, divisionCode: string, sessionsPerMonth: number, minHours: number, since: string, heldThisMonth: number, child: { id: string, name: string, age: number | null, residenceDivision: { code: string, name: string } }, missedMonths: Array<{ month: string, expected: number, held: number }> }> };

export type EduRecordDocumentsMutationVariables = Exact<{
  childId: string | number;
  input: EnrolmentDocumentsInput;
}>;


export type EduRecordDocumentsMutation = { recordEnrolmentDocuments: { hukouDivisionCode: string, stage: SchoolStage, complete: boolean, checkedOn: string | null, checkedBy: string | null, documents: Array<{ code: string, name: string, required: boolean, provided: boolean }> } };

export type EduFiguresFragment = { children: number, compulsoryAge: number, compulsoryAgeEnrolled: number, enrolled: number, openDropoutRisks: number, homeTeaching: number, byStage: Array<{ stage: SchoolStage, enrolled: number }> };

export type EduStatisticsQueryVariables = Exact<{
  divisionCode: string;
}>;


export type EduStatisticsQuery = { educationStatistics: { divisionCode: string, asOf: string, ruleVersion: string, allChildren: { children: number, compulsoryAge: number, compulsoryAgeEnrolled: number, enrolled: number, openDropoutRisks: number, homeTeaching: number, byStage: Array<{ stage: SchoolStage, enrolled: number }> }, nonBeijing: { children: number, compulsoryAge: number, compulsoryAgeEnrolled: number, enrolled: number, openDropoutRisks: number, homeTeaching: number, byStage: Array<{ stage: SchoolStage, enrolled: number }> }, byTown: Array<{ townCode: string, townName: string, allChildren: { children: number, compulsoryAge: number, compulsoryAgeEnrolled: number, enrolled: number, openDropoutRisks: number, homeTeaching: number, byStage: Array<{ stage: SchoolStage, enrolled: number }> }, nonBeijing: { children: number, compulsoryAge: number, compulsoryAgeEnrolled: number, enrolled: number, openDropoutRisks: number, homeTeaching: number, byStage: Array<{ stage: SchoolStage, enrolled: number }> } }> } };

export type HomeTasksQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeTasksQuery = { departmentTasks: { edges: Array<{ node: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, dueAt: string | null, overdue: boolean, applicantName: string } }> } };

export type HomeIntakesQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeIntakesQuery = { intakes: { edges: Array<{ node: { id: string, receiptNumber: string, status: IntakeStatus, needs: Array<IntakeNeed>, submittedAt: string, applicantName: string, tasks: Array<{ id: string, department: TaskDepartment, status: TaskStatus, dueAt: string | null, overdue: boolean }> } }> } };

export type HomeReportsQueryVariables = Exact<{
  status?: ReportStatus | null | undefined;
}>;


export type HomeReportsQuery = { reports: { edges: Array<{ node: { id: string, caseNumber: string, kind: ReportKind | null, status: ReportStatus, urgent: boolean | null, reportedAt: string, childName: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null } }> } };

export type HomeOverdueVisitsQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeOverdueVisitsQuery = { overdueVisits: { totalCount: number, edges: Array<{ node: { dueOn: string, daysOverdue: number, child: { id: string, name: string } } }> } };

export type HomeDropoutRisksQueryVariables = Exact<{
  divisionCode: string;
}>;


export type HomeDropoutRisksQuery = { dropoutRisks: { edges: Array<{ node: { id: string, reason: DropoutRiskReason, openedOn: string, dueOn: string, overdue: boolean, child: { id: string, name: string } } }> } };

export type HomeHomeTeachingQueryVariables = Exact<{
  divisionCode: string;
}>;


export type HomeHomeTeachingQuery = { homeTeaching: Array<{ id: string, sessionsPerMonth: number, missedMonths: Array<{ month: string, expected: number, held: number }>, child: { id: string, name: string } }> };

export type WindowGuideQueryVariables = Exact<{ [key: string]: never; }>;


export type WindowGuideQuery = { intakeGuide: { routingVersion: string, today: string, needs: Array<{ need: IntakeNeed, name: string, materials: Array<string>, routes: Array<{ department: TaskDepartment, departmentName: string, workingDays: number, dueOn: string }> }> } };

export type WindowChildByIdQueryVariables = Exact<{
  idNumber: string;
}>;


export type WindowChildByIdQuery = { childByIdNumber: { id: string, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null } | null };

export type WindowChildrenByNameQueryVariables = Exact<{
  name: string;
}>;


export type WindowChildrenByNameQuery = { children: { edges: Array<{ node: { id: string, name: string, gender: Gender | null, birthDate: string | null, age: number | null, idNumber: string | null } }> } };

export type WindowSubmitMutationVariables = Exact<{
  input: SubmitIntakeInput;
}>;


export type WindowSubmitMutation = { submitIntake: { id: string, receiptNumber: string } };

export type IntakeReceiptQueryVariables = Exact<{
  id: string | number;
}>;


export type IntakeReceiptQuery = { intake: { id: string, receiptNumber: string, status: IntakeStatus, needs: Array<IntakeNeed>, submittedAt: string, clerk: string, applicantName: string, applicantRelation: ApplicantRelation, applicantPhone: string, materials: Array<string>, child: { id: string, name: string } | null, tasks: Array<{ id: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean }> } | null };

export type IntakeReceiptPdfQueryVariables = Exact<{
  id: string | number;
}>;


export type IntakeReceiptPdfQuery = { intake: { id: string, receipt: { filename: string, mediaType: string, contentBase64: string } } | null };

export type IntakeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type IntakeDetailQuery = { intake: { id: string, receiptNumber: string, status: IntakeStatus, needs: Array<IntakeNeed>, submittedAt: string, clerk: string, applicantName: string, applicantRelation: ApplicantRelation, applicantPhone: string, materials: Array<string>, note: string | null, closedAt: string | null, withdrawReason: string | null, child: { id: string, name: string } | null, division: { code: string, name: string }, tasks: Array<{ id: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, finishedAt: string | null }>, timeline: Array<{ at: string, actor: string, action: TimelineAction, note: string | null, taskId: string | null, department: TaskDepartment | null }> } | null };

export type ImportLedgerMutationVariables = Exact<{
  file: File;
  mode: ImportMode;
}>;


export type ImportLedgerMutation = { importLedger: { batchId: string | null, fileName: string, mode: ImportMode, totalRows: number, importedRows: number, skippedRows: number, heldForReview: number, rejectedRows: number, errorCount: number, duplicateOfEarlierImport: boolean, errors: Array<{ row: number, column: string, message: string }> } };

export type PayProgrammeFragment = { code: ProgrammeCode, name: string, kind: ProgrammeKind, category: ProgrammeCategory, paidInBatches: boolean, administeredElsewhere: boolean, pilot: boolean, enabled: boolean, year: number, monthlyAmountFen: number, placeholder: boolean, standards: Array<{ year: number, monthlyAmountFen: number, placeholder: boolean, setBy: string | null, setAt: string | null }> };

export type PayBatchFragment = { id: string, month: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string };

export type PayProgrammesQueryVariables = Exact<{ [key: string]: never; }>;


export type PayProgrammesQuery = { programmes: Array<{ code: ProgrammeCode, name: string, kind: ProgrammeKind, category: ProgrammeCategory, paidInBatches: boolean, administeredElsewhere: boolean, pilot: boolean, enabled: boolean, year: number, monthlyAmountFen: number, placeholder: boolean, standards: Array<{ year: number, monthlyAmountFen: number, placeholder: boolean, setBy: string | null, setAt: string | null }> }> };

export type PayBatchesQueryVariables = Exact<{ [key: string]: never; }>;


export type PayBatchesQuery = { paymentBatches: Array<{ id: string, month: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string }> };

export type PayBatchQueryVariables = Exact<{
  month: string;
}>;


export type PayBatchQuery = { paymentBatch: { id: string, month: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: ProgrammeCode, lineCount: number, totalFen: number | string }> } | null };

export type PayRunBatchMutationVariables = Exact<{
  month: string;
}>;


export type PayRunBatchMutation = { runPaymentBatch: { id: string, month: string, lineCount: number, totalFen: number | string, ruleVersion: string, createdAt: string, createdBy: string, scopeDivisionCode: string, totals: Array<{ townCode: string, townName: string, programme: ProgrammeCode, lineCount: number, totalFen: number | string }> } };

export type PayBatchExportQueryVariables = Exact<{
  month: string;
  format: ExportFormat;
}>;


export type PayBatchExportQuery = { paymentBatch: { export: { filename: string, mediaType: string, contentBase64: string } } | null };

export type PaySetStandardMutationVariables = Exact<{
  programme: ProgrammeCode;
  year: number;
  monthlyAmountFen: number;
}>;


export type PaySetStandardMutation = { setBenefitStandard: { code: ProgrammeCode, name: string, kind: ProgrammeKind, category: ProgrammeCategory, paidInBatches: boolean, administeredElsewhere: boolean, pilot: boolean, enabled: boolean, year: number, monthlyAmountFen: number, placeholder: boolean, standards: Array<{ year: number, monthlyAmountFen: number, placeholder: boolean, setBy: string | null, setAt: string | null }> } };

export type ReportChildrenByNameQueryVariables = Exact<{
  name: string;
}>;


export type ReportChildrenByNameQuery = { children: { edges: Array<{ node: { id: string, name: string, gender: Gender | null, age: number | null, idNumber: string | null } }> } };

export type FileReportMutationVariables = Exact<{
  input: ReportInput;
}>;


export type FileReportMutation = { fileReport: { id: string, caseNumber: string, status: ReportStatus, reportedAt: string, urgent: boolean | null } };

export type AddReportAttachmentMutationVariables = Exact<{
  reportId: string | number;
  file: File;
}>;


export type AddReportAttachmentMutation = { addReportAttachment: { id: string, filename: string, mediaType: string, size: number } };

export type MyReportsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyReportsQuery = { reports: { edges: Array<{ node: { id: string, caseNumber: string, status: ReportStatus, reportedAt: string, acceptedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InboxReportFragment = { id: string, caseNumber: string, status: ReportStatus, view: ReportView, kind: ReportKind | null, urgent: boolean | null, reportedAt: string, acceptedAt: string | null, childName: string | null, childAge: number | null, townNotifiedAt: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, missingAlertOpen: boolean | null, reporter: string | null, institution: string | null, division: { code: string, name: string } | null, clocks: Array<{ step: CaseClockStep, late: boolean, running: boolean, limitHours: number, hours: number, startedAt: string }> | null };

export type InboxReportsQueryVariables = Exact<{
  filter?: ReportFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxReportsQuery = { reports: { edges: Array<{ node: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, kind: ReportKind | null, urgent: boolean | null, reportedAt: string, acceptedAt: string | null, childName: string | null, childAge: number | null, townNotifiedAt: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, missingAlertOpen: boolean | null, reporter: string | null, institution: string | null, division: { code: string, name: string } | null, clocks: Array<{ step: CaseClockStep, late: boolean, running: boolean, limitHours: number, hours: number, startedAt: string }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CaseDetailFragment = { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null };

export type CaseReportQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseReportQuery = { report: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } | null };

export type CaseAttachmentFileQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseAttachmentFileQuery = { report: { id: string, attachments: Array<{ id: string, content: { filename: string, mediaType: string, contentBase64: string } }> | null } | null };

export type CaseAcceptMutationVariables = Exact<{
  id: string | number;
}>;


export type CaseAcceptMutation = { acceptReport: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type CaseRespondMutationVariables = Exact<{
  reportId: string | number;
  input: ResponseInput;
}>;


export type CaseRespondMutation = { recordResponse: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type CaseCloseAlertMutationVariables = Exact<{
  reportId: string | number;
  note?: string | null | undefined;
}>;


export type CaseCloseAlertMutation = { closeMissingAlert: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type CaseNotifyTownMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type CaseNotifyTownMutation = { notifyTown: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type CaseAssessMutationVariables = Exact<{
  reportId: string | number;
  input: AssessmentInput;
}>;


export type CaseAssessMutation = { recordAssessment: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type CaseCloseMutationVariables = Exact<{
  id: string | number;
  outcome: string;
}>;


export type CaseCloseMutation = { closeReport: { id: string, caseNumber: string, status: ReportStatus, view: ReportView, withheld: Array<string>, reportedAt: string, acceptedAt: string | null, acceptedBy: string | null, kind: ReportKind | null, urgent: boolean | null, divisionCode: string | null, townDivisionCode: string | null, childId: string | null, childName: string | null, childAge: number | null, occurredOn: string | null, foundAt: string | null, description: string | null, reporter: string | null, reporterRole: string | null, institution: string | null, onBehalfOfName: string | null, onBehalfOfPhone: string | null, townNotifiedAt: string | null, townNote: string | null, assessmentDueAt: string | null, assessmentOverdue: boolean | null, supervisorRequest: string | null, missingAlertOpen: boolean | null, closedAt: string | null, outcome: string | null, version: number | null, division: { code: string, name: string } | null, assessment: { safety: RiskLevel, safetyNote: string | null, guardianship: RiskLevel, guardianshipNote: string | null, health: RiskLevel, healthNote: string | null, education: RiskLevel | null, educationNote: string | null, psychology: RiskLevel | null, psychologyNote: string | null, summary: string, highestRisk: RiskLevel, assessedAt: string, assessedBy: string } | null, responses: Array<{ id: string, measure: ResponseMeasure, at: string, note: string | null, actor: string }> | null, attachments: Array<{ id: string, filename: string, mediaType: string, size: number, uploadedBy: string, uploadedAt: string }> | null, timeline: Array<{ at: string, actor: string, action: CaseAction, note: string | null }> | null, clocks: Array<{ step: CaseClockStep, startedAt: string, endedAt: string | null, hours: number, limitHours: number, late: boolean, running: boolean }> | null } };

export type StatsDivisionCountsFragment = { divisionCode: string, divisionName: string, total: number | null, leftBehind: number | null, suppressed: Array<string>, byPrimaryCategory: Array<{ key: string, count: number | null, shown: string }> };

export type StatsChildrenQueryVariables = Exact<{
  divisionCode: string;
  asOf?: string | null | undefined;
}>;


export type StatsChildrenQuery = { childStatistics: { divisionCode: string, asOf: string, counts: { divisionCode: string, divisionName: string, total: number | null, leftBehind: number | null, suppressed: Array<string>, byPrimaryCategory: Array<{ key: string, count: number | null, shown: string }> }, children: Array<{ divisionCode: string, divisionName: string, total: number | null, leftBehind: number | null, suppressed: Array<string>, byPrimaryCategory: Array<{ key: string, count: number | null, shown: string }> }>, trend: Array<{ month: string, on: string, total: number | null, hardship: number | null, leftBehind: number | null, none: number | null, suppressed: Array<string> }> } };

export type StatsIntakeFiguresFragment = { code: string, name: string, applications: number, openTasks: number, overdueTasks: number, medianDays: number | null, p90Days: number | null };

export type StatsIntakeQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type StatsIntakeQuery = { intakeStatistics: { fromDate: string, toDate: string, asOf: string, byTown: Array<{ code: string, name: string, applications: number, openTasks: number, overdueTasks: number, medianDays: number | null, p90Days: number | null }>, byDepartment: Array<{ code: string, name: string, applications: number, openTasks: number, overdueTasks: number, medianDays: number | null, p90Days: number | null }> } };

export type StatsIntakeExportQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type StatsIntakeExportQuery = { intakeStatistics: { export: { filename: string, mediaType: string, contentBase64: string } } };

export type StatsCaseFiguresFragment = { code: string, name: string, reports: number, steps: Array<{ step: CaseClockStep, name: string, limitHours: number, urgentLimitHours: number, ended: number, medianHours: number | null, worstHours: number | null, late: number }> };

export type StatsCasesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type StatsCasesQuery = { caseStatistics: { fromDate: string, toDate: string, asOf: string, deadlinesVersion: string, total: { code: string, name: string, reports: number, steps: Array<{ step: CaseClockStep, name: string, limitHours: number, urgentLimitHours: number, ended: number, medianHours: number | null, worstHours: number | null, late: number }> }, byTown: Array<{ code: string, name: string, reports: number, steps: Array<{ step: CaseClockStep, name: string, limitHours: number, urgentLimitHours: number, ended: number, medianHours: number | null, worstHours: number | null, late: number }> }>, byReporter: Array<{ code: string, name: string, reports: number, steps: Array<{ step: CaseClockStep, name: string, limitHours: number, urgentLimitHours: number, ended: number, medianHours: number | null, worstHours: number | null, late: number }> }> } };

export type StatsCasesExportQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type StatsCasesExportQuery = { caseStatistics: { export: { filename: string, mediaType: string, contentBase64: string } } };

export type BoardTaskFragment = { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } };

export type BoardTownsQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardTownsQuery = { divisions: Array<{ code: string, name: string }> };

export type BoardTasksQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type BoardTasksQuery = { departmentTasks: { edges: Array<{ node: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BoardAcceptMutationVariables = Exact<{
  id: string | number;
}>;


export type BoardAcceptMutation = { acceptTask: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } } };

export type BoardRequestMaterialsMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type BoardRequestMaterialsMutation = { requestMaterials: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } } };

export type BoardCompleteMutationVariables = Exact<{
  id: string | number;
  outcome: string;
}>;


export type BoardCompleteMutation = { completeTask: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } } };

export type BoardDeclineMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type BoardDeclineMutation = { declineTask: { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } } };

export type OverdueVisitsQueryVariables = Exact<{
  divisionCode?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueVisitsQuery = { overdueVisits: { totalCount: number, edges: Array<{ node: { dueOn: string, daysOverdue: number, lastVisit: { visitedOn: string, visitor: string, riskLevel: RiskLevel } | null, child: { id: string, name: string, age: number | null, gender: Gender | null, birthDate: string | null, primaryCategory: PrimaryCategory, leftBehind: boolean, residenceDivision: { code: string, name: string } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, visitPolicy: Array<{ primaryCategory: PrimaryCategory, intervalDays: number }> };

export type RecordVisitMutationVariables = Exact<{
  childId: string | number;
  input: VisitInput;
}>;


export type RecordVisitMutation = { recordVisit: { id: string, childId: string, visitedOn: string, visitor: string, visitorRole: string, seen: string, findings: string, riskLevel: RiskLevel, nextDue: string, createdAt: string } };

export type MyVolunteerHoursFragment = { id: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null };

export type MyOwnPairingFragment = { id: string, childName: string, childAge: number, villageName: string, needs: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, byVolunteer: boolean }> };

export type MyVolunteerQueryVariables = Exact<{ [key: string]: never; }>;


export type MyVolunteerQuery = { myVolunteer: { id: string, name: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, nextStarHours: number | null, pairings: Array<{ id: string, childName: string, childAge: number, villageName: string, needs: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, byVolunteer: boolean }> }>, serviceHours: Array<{ id: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null }>, activities: Array<{ id: string, title: string, kind: ActivityKind, on: string, organisationName: string, divisionName: string, volunteers: Array<{ volunteerId: string, attended: boolean | null }> }> } | null };

export type MyVolunteerCertificateQueryVariables = Exact<{ [key: string]: never; }>;


export type MyVolunteerCertificateQuery = { myVolunteer: { id: string, certificate: { filename: string, mediaType: string, contentBase64: string } } | null };

export type MyVolunteerRecordHoursMutationVariables = Exact<{
  volunteerId: string | number;
  hours: number;
  on: string;
  note?: string | null | undefined;
}>;


export type MyVolunteerRecordHoursMutation = { recordServiceHours: { id: string, totalHours: number } };

export type MyVolunteerPairingVisitMutationVariables = Exact<{
  pairingId: string | number;
  input: PairingVisitInput;
}>;


export type MyVolunteerPairingVisitMutation = { recordOwnPairingVisit: { id: string, childName: string, childAge: number, villageName: string, needs: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, byVolunteer: boolean }> } };

export type HomeMyVolunteerQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeMyVolunteerQuery = { myVolunteer: { id: string, totalHours: number, starLevel: number, nextStarHours: number | null, pairings: Array<{ id: string, childName: string, villageName: string, status: PairingStatus }>, serviceHours: Array<{ id: string, status: ServiceHoursStatus }> } | null };

export type VolRowFragment = { id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, account: { status: VolunteerAccountStatus } | null };

export type VolHoursFragment = { id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null };

export type VolDetailFragment = { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> };

export type VolPairingFragment = { id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> };

export type VolSuggestionFragment = { score: number, reasons: Array<string>, volunteer: { id: string, name: string, divisionName: string, organisationName: string, skills: Array<VolunteerSkill> } };

export type VolActivityFragment = { id: string, organisationId: string, organisationName: string, kind: ActivityKind, title: string, divisionCode: string, divisionName: string, on: string, capacity: number, volunteerCapacity: number | null, childrenSignedUp: number, childrenAttended: number | null, attendanceTaken: boolean, version: number, volunteers: Array<{ volunteerId: string, name: string, attended: boolean | null }> };

export type VolVolunteersQueryVariables = Exact<{
  divisionCode: string;
  vetted?: boolean | null | undefined;
  after?: string | null | undefined;
}>;


export type VolVolunteersQuery = { volunteers: { edges: Array<{ node: { id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, account: { status: VolunteerAccountStatus } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VolVolunteerQueryVariables = Exact<{
  id: string | number;
}>;


export type VolVolunteerQuery = { volunteer: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } | null, pairings: Array<{ id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> }> };

export type VolCertificateQueryVariables = Exact<{
  id: string | number;
}>;


export type VolCertificateQuery = { volunteer: { id: string, certificate: { filename: string, mediaType: string, contentBase64: string } } | null };

export type VolRegisterMutationVariables = Exact<{
  input: VolunteerInput;
}>;


export type VolRegisterMutation = { registerVolunteer: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export type VolRecordVettingMutationVariables = Exact<{
  id: string | number;
  input: VettingInput;
}>;


export type VolRecordVettingMutation = { recordVetting: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export type VolDisableMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VolDisableMutation = { disableVolunteer: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export type VolImportMutationVariables = Exact<{
  file: File;
  mode?: ImportMode | null | undefined;
  organisationId?: string | number | null | undefined;
}>;


export type VolImportMutation = { importVolunteers: { fileName: string, mode: ImportMode, organisationId: string, imported: boolean, totalRows: number, registeredRows: number, rejectedRows: number, errorCount: number, errors: Array<{ row: number, column: string, message: string }>, accounts: Array<{ row: number, volunteerId: string, name: string, username: string, initialPassword: string }> } };

export type VolHoursToApproveQueryVariables = Exact<{ [key: string]: never; }>;


export type VolHoursToApproveQuery = { serviceHoursToApprove: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> };

export type VolApproveHoursMutationVariables = Exact<{
  id: string | number;
  approved: boolean;
  note?: string | null | undefined;
}>;


export type VolApproveHoursMutation = { approveServiceHours: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export type VolRecordHoursMutationVariables = Exact<{
  volunteerId: string | number;
  hours: number;
  on: string;
  activityId?: string | number | null | undefined;
  note?: string | null | undefined;
}>;


export type VolRecordHoursMutation = { recordServiceHours: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export type VolActivitiesQueryVariables = Exact<{
  divisionCode: string;
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type VolActivitiesQuery = { activities: Array<{ id: string, organisationId: string, organisationName: string, kind: ActivityKind, title: string, divisionCode: string, divisionName: string, on: string, capacity: number, volunteerCapacity: number | null, childrenSignedUp: number, childrenAttended: number | null, attendanceTaken: boolean, version: number, volunteers: Array<{ volunteerId: string, name: string, attended: boolean | null }> }> };

export type VolCreateActivityMutationVariables = Exact<{
  input: ActivityInput;
}>;


export type VolCreateActivityMutation = { createActivity: { id: string, organisationId: string, organisationName: string, kind: ActivityKind, title: string, divisionCode: string, divisionName: string, on: string, capacity: number, volunteerCapacity: number | null, childrenSignedUp: number, childrenAttended: number | null, attendanceTaken: boolean, version: number, volunteers: Array<{ volunteerId: string, name: string, attended: boolean | null }> } };

export type VolSignUpMutationVariables = Exact<{
  id: string | number;
  input: ActivitySignUpInput;
}>;


export type VolSignUpMutation = { signUpForActivity: { id: string, organisationId: string, organisationName: string, kind: ActivityKind, title: string, divisionCode: string, divisionName: string, on: string, capacity: number, volunteerCapacity: number | null, childrenSignedUp: number, childrenAttended: number | null, attendanceTaken: boolean, version: number, volunteers: Array<{ volunteerId: string, name: string, attended: boolean | null }> } };

export type VolAttendanceMutationVariables = Exact<{
  id: string | number;
  input: AttendanceInput;
}>;


export type VolAttendanceMutation = { recordAttendance: { id: string, organisationId: string, organisationName: string, kind: ActivityKind, title: string, divisionCode: string, divisionName: string, on: string, capacity: number, volunteerCapacity: number | null, childrenSignedUp: number, childrenAttended: number | null, attendanceTaken: boolean, version: number, volunteers: Array<{ volunteerId: string, name: string, attended: boolean | null }> } };

export type VolChildPairingsQueryVariables = Exact<{
  childId: string | number;
}>;


export type VolChildPairingsQuery = { pairings: Array<{ id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> }> };

export type VolSuggestQueryVariables = Exact<{
  childId: string | number;
}>;


export type VolSuggestQuery = { suggestVolunteers: Array<{ score: number, reasons: Array<string>, volunteer: { id: string, name: string, divisionName: string, organisationName: string, skills: Array<VolunteerSkill> } }> };

export type VolTaskSuggestionsQueryVariables = Exact<{
  intakeId: string | number;
}>;


export type VolTaskSuggestionsQuery = { intake: { id: string, tasks: Array<{ id: string, childId: string, volunteerSuggestions: Array<{ score: number, reasons: Array<string>, volunteer: { id: string, name: string, divisionName: string, organisationName: string, skills: Array<VolunteerSkill> } }> | null }> } | null };

export type VolPairMutationVariables = Exact<{
  volunteerId: string | number;
  childId: string | number;
}>;


export type VolPairMutation = { pairVolunteer: { id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> } };

export type VolPairingVisitMutationVariables = Exact<{
  id: string | number;
  input: PairingVisitInput;
}>;


export type VolPairingVisitMutation = { recordPairingVisit: { id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> } };

export type VolEndPairingMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VolEndPairingMutation = { endPairing: { id: string, volunteerId: string, volunteerName: string, childId: string, childName: string, childAge: number, childDivisionCode: string, childNeeds: Array<VolunteerSkill>, status: PairingStatus, startedOn: string, endedOn: string | null, endReason: string | null, visits: Array<{ id: string, visitedOn: string, minutes: number, mode: PairingVisitMode, note: string | null, recordedBy: string }> } };

export type VolVettedQueryVariables = Exact<{
  divisionCode: string;
}>;


export type VolVettedQuery = { volunteers: { edges: Array<{ node: { id: string, name: string, divisionName: string, organisationName: string } }> } };

export type VolEnableMutationVariables = Exact<{
  id: string | number;
}>;


export type VolEnableMutation = { enableVolunteer: { organisationId: string, availability: Array<VolunteerAvailability>, serviceArea: Array<string>, version: number, id: string, name: string, idNumber: string, phone: string, gender: Gender, age: number, adult: boolean, skills: Array<VolunteerSkill>, divisionCode: string, divisionName: string, organisationName: string, vetted: boolean, checkValidUntil: string | null, trained: boolean, totalHours: number, starLevel: number, username: string | null, registeredAt: string, vettings: Array<{ id: string, kind: VettingKind, passed: boolean, checkedOn: string, validUntil: string | null, current: boolean, note: string | null, recordedBy: string }>, account: { username: string, status: VolunteerAccountStatus, initialPassword: string | null, madeAt: string | null, disabledReason: string | null, disabledBy: string | null, disabledAt: string | null } | null, serviceHours: Array<{ id: string, volunteerId: string, volunteerName: string, activityId: string | null, activityTitle: string | null, hours: number, on: string, status: ServiceHoursStatus, note: string | null, recordedBy: string, decidedBy: string | null, decidedAt: string | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  cursor
  kind
  title
  body
  severity
  urgent
  requiresAck
  acknowledgedAt
  read
  createdAt
  childId
  subjectRef
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const CarLinkFragmentDoc = new TypedDocumentString(`
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
    `, {"fragmentName":"CarLink"}) as unknown as TypedDocumentString<CarLinkFragment, unknown>;
export const CarFamilyFragmentDoc = new TypedDocumentString(`
    fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}`, {"fragmentName":"CarFamily"}) as unknown as TypedDocumentString<CarFamilyFragment, unknown>;
export const CarDonationFragmentDoc = new TypedDocumentString(`
    fragment CarDonation on Donation {
  id
  organisationId
  organisationName
  donorKind
  donorName
  anonymous
  kind
  amountFen
  goodsDescription
  quantity
  unit
  used
  remaining
  designation
  designationName
  designatedId
  receivedOn
  note
  version
  recordedBy
  uses {
    id
    amountFen
    quantity
    usedOn
    purpose
    recordedBy
  }
}
    `, {"fragmentName":"CarDonation"}) as unknown as TypedDocumentString<CarDonationFragment, unknown>;
export const CarOfferFragmentDoc = new TypedDocumentString(`
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}
    `, {"fragmentName":"CarOffer"}) as unknown as TypedDocumentString<CarOfferFragment, unknown>;
export const CarNeedFragmentDoc = new TypedDocumentString(`
    fragment CarNeed on Need {
  id
  divisionCode
  divisionName
  childId
  forChild
  kind
  description
  source
  status
  matchedAt
  closedAt
  closeNote
  version
  raisedBy
  raisedAt
  offer {
    ...CarOffer
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}`, {"fragmentName":"CarNeed"}) as unknown as TypedDocumentString<CarNeedFragment, unknown>;
export const ChildVisitFragmentDoc = new TypedDocumentString(`
    fragment ChildVisit on Visit {
  id
  childId
  visitedOn
  visitor
  visitorRole
  seen
  findings
  riskLevel
  nextDue
  createdAt
}
    `, {"fragmentName":"ChildVisit"}) as unknown as TypedDocumentString<ChildVisitFragment, unknown>;
export const ChildRowFragmentDoc = new TypedDocumentString(`
    fragment ChildRow on Child {
  id
  version
  name
  gender
  birthDate
  age
  idNumber
  status
  primaryCategory
  leftBehind
  withheld
  residenceDivision {
    code
    name
  }
}
    `, {"fragmentName":"ChildRow"}) as unknown as TypedDocumentString<ChildRowFragment, unknown>;
export const ChildFactsFragmentDoc = new TypedDocumentString(`
    fragment ChildFacts on Child {
  ...ChildRow
  hukouDivisionCode
  school
  notes
  registeredOn
  exitedOn
  exitReason
  residenceDivision {
    code
    name
    parent {
      code
      name
    }
  }
}
    fragment ChildRow on Child {
  id
  version
  name
  gender
  birthDate
  age
  idNumber
  status
  primaryCategory
  leftBehind
  withheld
  residenceDivision {
    code
    name
  }
}`, {"fragmentName":"ChildFacts"}) as unknown as TypedDocumentString<ChildFactsFragment, unknown>;
export const EduSchoolFragmentDoc = new TypedDocumentString(`
    fragment EduSchool on School {
  code
  name
  stages
  townCode
  townName
  kind
  demo
  version
}
    `, {"fragmentName":"EduSchool"}) as unknown as TypedDocumentString<EduSchoolFragment, unknown>;
export const EduEnrolmentFragmentDoc = new TypedDocumentString(`
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}
    `, {"fragmentName":"EduEnrolment"}) as unknown as TypedDocumentString<EduEnrolmentFragment, unknown>;
export const EduRiskFragmentDoc = new TypedDocumentString(`
    fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}
    `, {"fragmentName":"EduRisk"}) as unknown as TypedDocumentString<EduRiskFragment, unknown>;
export const EduPlacementFragmentDoc = new TypedDocumentString(`
    fragment EduPlacement on Placement {
  id
  kind
  school {
    code
    name
  }
  assessment {
    on
    by
    summary
  }
  since
  endedOn
  decidedBy
}
    `, {"fragmentName":"EduPlacement"}) as unknown as TypedDocumentString<EduPlacementFragment, unknown>;
export const EduHomeTeachingFragmentDoc = new TypedDocumentString(`
    fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}
    `, {"fragmentName":"EduHomeTeaching"}) as unknown as TypedDocumentString<EduHomeTeachingFragment, unknown>;
export const EduNonBeijingFragmentDoc = new TypedDocumentString(`
    fragment EduNonBeijing on NonBeijing {
  hukouDivisionCode
  stage
  documents {
    code
    name
    required
    provided
  }
  complete
  checkedOn
  checkedBy
}
    `, {"fragmentName":"EduNonBeijing"}) as unknown as TypedDocumentString<EduNonBeijingFragment, unknown>;
export const EduInclusionFragmentDoc = new TypedDocumentString(`
    fragment EduInclusion on ChildEducation {
  placement {
    ...EduPlacement
  }
  homeTeaching {
    ...EduHomeTeaching
    sessions(last: 10) {
      id
      on
      hours
      content
      counted
      recordedBy
    }
  }
  nonBeijing {
    ...EduNonBeijing
  }
}
    fragment EduPlacement on Placement {
  id
  kind
  school {
    code
    name
  }
  assessment {
    on
    by
    summary
  }
  since
  endedOn
  decidedBy
}
fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}
fragment EduNonBeijing on NonBeijing {
  hukouDivisionCode
  stage
  documents {
    code
    name
    required
    provided
  }
  complete
  checkedOn
  checkedBy
}`, {"fragmentName":"EduInclusion"}) as unknown as TypedDocumentString<EduInclusionFragment, unknown>;
export const EduProgrammeFragmentDoc = new TypedDocumentString(`
    fragment EduProgramme on AidProgramme {
  code
  name
  stages
  boardingRequired
  leftBehindEligible
  basis
  annualAmountFen
  placeholder
  effectiveFrom
  semesters {
    code
    name
    percent
  }
  standards {
    annualAmountFen
    effectiveFrom
    setBy
    setAt
  }
}
    `, {"fragmentName":"EduProgramme"}) as unknown as TypedDocumentString<EduProgrammeFragment, unknown>;
export const EduSemesterFragmentDoc = new TypedDocumentString(`
    fragment EduSemester on AidSemester {
  id
  semester
  startsOn
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
  totals {
    townCode
    townName
    programme
    lineCount
    totalFen
  }
}
    `, {"fragmentName":"EduSemester"}) as unknown as TypedDocumentString<EduSemesterFragment, unknown>;
export const EduFiguresFragmentDoc = new TypedDocumentString(`
    fragment EduFigures on EducationFigures {
  children
  compulsoryAge
  compulsoryAgeEnrolled
  enrolled
  openDropoutRisks
  homeTeaching
  byStage {
    stage
    enrolled
  }
}
    `, {"fragmentName":"EduFigures"}) as unknown as TypedDocumentString<EduFiguresFragment, unknown>;
export const PayProgrammeFragmentDoc = new TypedDocumentString(`
    fragment PayProgramme on Programme {
  code
  name
  kind
  category
  paidInBatches
  administeredElsewhere
  pilot
  enabled
  year
  monthlyAmountFen
  placeholder
  standards {
    year
    monthlyAmountFen
    placeholder
    setBy
    setAt
  }
}
    `, {"fragmentName":"PayProgramme"}) as unknown as TypedDocumentString<PayProgrammeFragment, unknown>;
export const PayBatchFragmentDoc = new TypedDocumentString(`
    fragment PayBatch on PaymentBatch {
  id
  month
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
}
    `, {"fragmentName":"PayBatch"}) as unknown as TypedDocumentString<PayBatchFragment, unknown>;
export const InboxReportFragmentDoc = new TypedDocumentString(`
    fragment InboxReport on Report {
  id
  caseNumber
  status
  view
  kind
  urgent
  reportedAt
  acceptedAt
  childName
  childAge
  townNotifiedAt
  assessmentDueAt
  assessmentOverdue
  missingAlertOpen
  reporter
  institution
  division {
    code
    name
  }
  clocks {
    step
    late
    running
    limitHours
    hours
    startedAt
  }
}
    `, {"fragmentName":"InboxReport"}) as unknown as TypedDocumentString<InboxReportFragment, unknown>;
export const CaseDetailFragmentDoc = new TypedDocumentString(`
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}
    `, {"fragmentName":"CaseDetail"}) as unknown as TypedDocumentString<CaseDetailFragment, unknown>;
export const StatsDivisionCountsFragmentDoc = new TypedDocumentString(`
    fragment StatsDivisionCounts on DivisionCounts {
  divisionCode
  divisionName
  total
  leftBehind
  byPrimaryCategory {
    key
    count
    shown
  }
  suppressed
}
    `, {"fragmentName":"StatsDivisionCounts"}) as unknown as TypedDocumentString<StatsDivisionCountsFragment, unknown>;
export const StatsIntakeFiguresFragmentDoc = new TypedDocumentString(`
    fragment StatsIntakeFigures on IntakeFigures {
  code
  name
  applications
  openTasks
  overdueTasks
  medianDays
  p90Days
}
    `, {"fragmentName":"StatsIntakeFigures"}) as unknown as TypedDocumentString<StatsIntakeFiguresFragment, unknown>;
export const StatsCaseFiguresFragmentDoc = new TypedDocumentString(`
    fragment StatsCaseFigures on CaseFigures {
  code
  name
  reports
  steps {
    step
    name
    limitHours
    urgentLimitHours
    ended
    medianHours
    worstHours
    late
  }
}
    `, {"fragmentName":"StatsCaseFigures"}) as unknown as TypedDocumentString<StatsCaseFiguresFragment, unknown>;
export const BoardTaskFragmentDoc = new TypedDocumentString(`
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}
    `, {"fragmentName":"BoardTask"}) as unknown as TypedDocumentString<BoardTaskFragment, unknown>;
export const MyVolunteerHoursFragmentDoc = new TypedDocumentString(`
    fragment MyVolunteerHours on ServiceHours {
  id
  activityId
  activityTitle
  hours
  on
  status
  note
}
    `, {"fragmentName":"MyVolunteerHours"}) as unknown as TypedDocumentString<MyVolunteerHoursFragment, unknown>;
export const MyOwnPairingFragmentDoc = new TypedDocumentString(`
    fragment MyOwnPairing on OwnPairing {
  id
  childName
  childAge
  villageName
  needs
  status
  startedOn
  endedOn
  visits {
    id
    visitedOn
    minutes
    mode
    note
    byVolunteer
  }
}
    `, {"fragmentName":"MyOwnPairing"}) as unknown as TypedDocumentString<MyOwnPairingFragment, unknown>;
export const VolRowFragmentDoc = new TypedDocumentString(`
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
    `, {"fragmentName":"VolRow"}) as unknown as TypedDocumentString<VolRowFragment, unknown>;
export const VolHoursFragmentDoc = new TypedDocumentString(`
    fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
    `, {"fragmentName":"VolHours"}) as unknown as TypedDocumentString<VolHoursFragment, unknown>;
export const VolDetailFragmentDoc = new TypedDocumentString(`
    fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}`, {"fragmentName":"VolDetail"}) as unknown as TypedDocumentString<VolDetailFragment, unknown>;
export const VolPairingFragmentDoc = new TypedDocumentString(`
    fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}
    `, {"fragmentName":"VolPairing"}) as unknown as TypedDocumentString<VolPairingFragment, unknown>;
export const VolSuggestionFragmentDoc = new TypedDocumentString(`
    fragment VolSuggestion on VolunteerSuggestion {
  score
  reasons
  volunteer {
    id
    name
    divisionName
    organisationName
    skills
  }
}
    `, {"fragmentName":"VolSuggestion"}) as unknown as TypedDocumentString<VolSuggestionFragment, unknown>;
export const VolActivityFragmentDoc = new TypedDocumentString(`
    fragment VolActivity on Activity {
  id
  organisationId
  organisationName
  kind
  title
  divisionCode
  divisionName
  on
  capacity
  volunteerCapacity
  childrenSignedUp
  childrenAttended
  attendanceTaken
  version
  volunteers {
    volunteerId
    name
    attended
  }
}
    `, {"fragmentName":"VolActivity"}) as unknown as TypedDocumentString<VolActivityFragment, unknown>;
export const OrganisationsDocument = new TypedDocumentString(`
    query Organisations {
  organisations {
    id
    kind
    name
    divisionCode
    actingRole
    demo
  }
}
    `) as unknown as TypedDocumentString<OrganisationsQuery, OrganisationsQueryVariables>;
export const ShellDocument = new TypedDocumentString(`
    query Shell($division: String!) {
  me {
    username
    roles
    divisionCode
  }
  division(code: $division) {
    code
    name
    level
    parent {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ShellQuery, ShellQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int!) {
  notifications(first: $first) {
    unreadCount
    totalCount
    edges {
      node {
        ...NotificationFields
      }
    }
  }
}
    fragment NotificationFields on Notification {
  id
  cursor
  kind
  title
  body
  severity
  urgent
  requiresAck
  acknowledgedAt
  read
  createdAt
  childId
  subjectRef
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const NotificationReceivedDocument = new TypedDocumentString(`
    subscription NotificationReceived($after: String) {
  notificationReceived(after: $after) {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  cursor
  kind
  title
  body
  severity
  urgent
  requiresAck
  acknowledgedAt
  read
  createdAt
  childId
  subjectRef
}`) as unknown as TypedDocumentString<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
export const MarkNotificationReadDocument = new TypedDocumentString(`
    mutation MarkNotificationRead($id: ID!) {
  markNotificationRead(id: $id) {
    id
    read
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const AcknowledgeNotificationDocument = new TypedDocumentString(`
    mutation AcknowledgeNotification($id: ID!) {
  acknowledgeNotification(id: $id) {
    id
    read
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeNotificationMutation, AcknowledgeNotificationMutationVariables>;
export const DivisionsDocument = new TypedDocumentString(`
    query Divisions($parentCode: String) {
  divisions(parentCode: $parentCode) {
    code
    name
    level
  }
}
    `) as unknown as TypedDocumentString<DivisionsQuery, DivisionsQueryVariables>;
export const CarFamiliesDocument = new TypedDocumentString(`
    query CarFamilies($divisionCode: String!, $status: CaringFamilyStatus) {
  caringFamilies(divisionCode: $divisionCode, status: $status) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarFamiliesQuery, CarFamiliesQueryVariables>;
export const CarFamilyDocument = new TypedDocumentString(`
    query CarFamily($id: ID!) {
  caringFamily(id: $id) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarFamilyQuery, CarFamilyQueryVariables>;
export const CarRegisterFamilyDocument = new TypedDocumentString(`
    mutation CarRegisterFamily($input: CaringFamilyInput!) {
  registerCaringFamily(input: $input) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarRegisterFamilyMutation, CarRegisterFamilyMutationVariables>;
export const CarAssessFamilyDocument = new TypedDocumentString(`
    mutation CarAssessFamily($id: ID!, $version: Int!, $input: CaringFamilyAssessmentInput!) {
  assessCaringFamily(id: $id, version: $version, input: $input) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarAssessFamilyMutation, CarAssessFamilyMutationVariables>;
export const CarLinkFamilyDocument = new TypedDocumentString(`
    mutation CarLinkFamily($familyId: ID!, $input: CaringFamilyLinkInput!) {
  linkCaringFamily(familyId: $familyId, input: $input) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarLinkFamilyMutation, CarLinkFamilyMutationVariables>;
export const CarUnlinkFamilyDocument = new TypedDocumentString(`
    mutation CarUnlinkFamily($linkId: ID!, $input: CaringFamilyUnlinkInput!) {
  unlinkCaringFamily(linkId: $linkId, input: $input) {
    ...CarFamily
  }
}
    fragment CarLink on CaringFamilyLink {
  id
  familyId
  childId
  startsOn
  until
  endedOn
  endReason
  active
}
fragment CarFamily on CaringFamily {
  id
  kind
  kindName
  headName
  idNumber
  mobile
  divisionCode
  divisionName
  address
  status
  assessedOn
  assessmentNote
  approvedBy
  version
  registeredAt
  links {
    ...CarLink
  }
}`) as unknown as TypedDocumentString<CarUnlinkFamilyMutation, CarUnlinkFamilyMutationVariables>;
export const CarDonationsDocument = new TypedDocumentString(`
    query CarDonations($organisationId: ID) {
  donations(organisationId: $organisationId, first: 100) {
    ...CarDonation
  }
}
    fragment CarDonation on Donation {
  id
  organisationId
  organisationName
  donorKind
  donorName
  anonymous
  kind
  amountFen
  goodsDescription
  quantity
  unit
  used
  remaining
  designation
  designationName
  designatedId
  receivedOn
  note
  version
  recordedBy
  uses {
    id
    amountFen
    quantity
    usedOn
    purpose
    recordedBy
  }
}`) as unknown as TypedDocumentString<CarDonationsQuery, CarDonationsQueryVariables>;
export const CarRecordDonationDocument = new TypedDocumentString(`
    mutation CarRecordDonation($input: DonationInput!) {
  recordDonation(input: $input) {
    ...CarDonation
  }
}
    fragment CarDonation on Donation {
  id
  organisationId
  organisationName
  donorKind
  donorName
  anonymous
  kind
  amountFen
  goodsDescription
  quantity
  unit
  used
  remaining
  designation
  designationName
  designatedId
  receivedOn
  note
  version
  recordedBy
  uses {
    id
    amountFen
    quantity
    usedOn
    purpose
    recordedBy
  }
}`) as unknown as TypedDocumentString<CarRecordDonationMutation, CarRecordDonationMutationVariables>;
export const CarRecordDonationUseDocument = new TypedDocumentString(`
    mutation CarRecordDonationUse($donationId: ID!, $input: DonationUseInput!) {
  recordDonationUse(donationId: $donationId, input: $input) {
    ...CarDonation
  }
}
    fragment CarDonation on Donation {
  id
  organisationId
  organisationName
  donorKind
  donorName
  anonymous
  kind
  amountFen
  goodsDescription
  quantity
  unit
  used
  remaining
  designation
  designationName
  designatedId
  receivedOn
  note
  version
  recordedBy
  uses {
    id
    amountFen
    quantity
    usedOn
    purpose
    recordedBy
  }
}`) as unknown as TypedDocumentString<CarRecordDonationUseMutation, CarRecordDonationUseMutationVariables>;
export const CarDonationSummaryDocument = new TypedDocumentString(`
    query CarDonationSummary($year: Int!) {
  donationSummary(year: $year) {
    year
    byDesignation {
      designation
      designationName
      donationCount
      moneyFen
      moneyUsedFen
      goodsQuantity
      goodsUsedQuantity
    }
    byMonth {
      month
      receivedFen
      usedFen
      donationCount
    }
    donations {
      receivedOn
      organisationName
      donorName
      kind
      amountFen
      goodsDescription
      quantity
      unit
      designation
      designationName
    }
    uses {
      usedOn
      organisationName
      designation
      designationName
      kind
      amountFen
      quantity
      unit
      purpose
    }
  }
}
    `) as unknown as TypedDocumentString<CarDonationSummaryQuery, CarDonationSummaryQueryVariables>;
export const CarDonationsExportDocument = new TypedDocumentString(`
    query CarDonationsExport($year: Int!, $format: ExportFormat!) {
  donationsExport(year: $year, format: $format) {
    filename
    mediaType
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<CarDonationsExportQuery, CarDonationsExportQueryVariables>;
export const CarNeedsDocument = new TypedDocumentString(`
    query CarNeeds($divisionCode: String!, $status: NeedStatus) {
  needs(divisionCode: $divisionCode, status: $status) {
    ...CarNeed
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}
fragment CarNeed on Need {
  id
  divisionCode
  divisionName
  childId
  forChild
  kind
  description
  source
  status
  matchedAt
  closedAt
  closeNote
  version
  raisedBy
  raisedAt
  offer {
    ...CarOffer
  }
}`) as unknown as TypedDocumentString<CarNeedsQuery, CarNeedsQueryVariables>;
export const CarOffersDocument = new TypedDocumentString(`
    query CarOffers($divisionCode: String, $openOnly: Boolean!) {
  offers(divisionCode: $divisionCode, openOnly: $openOnly) {
    ...CarOffer
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}`) as unknown as TypedDocumentString<CarOffersQuery, CarOffersQueryVariables>;
export const CarRaiseNeedDocument = new TypedDocumentString(`
    mutation CarRaiseNeed($input: NeedInput!) {
  raiseNeed(input: $input) {
    ...CarNeed
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}
fragment CarNeed on Need {
  id
  divisionCode
  divisionName
  childId
  forChild
  kind
  description
  source
  status
  matchedAt
  closedAt
  closeNote
  version
  raisedBy
  raisedAt
  offer {
    ...CarOffer
  }
}`) as unknown as TypedDocumentString<CarRaiseNeedMutation, CarRaiseNeedMutationVariables>;
export const CarCreateOfferDocument = new TypedDocumentString(`
    mutation CarCreateOffer($input: OfferInput!) {
  createOffer(input: $input) {
    ...CarOffer
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}`) as unknown as TypedDocumentString<CarCreateOfferMutation, CarCreateOfferMutationVariables>;
export const CarMatchNeedDocument = new TypedDocumentString(`
    mutation CarMatchNeed($needId: ID!, $offerId: ID!) {
  matchNeed(needId: $needId, offerId: $offerId) {
    ...CarNeed
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}
fragment CarNeed on Need {
  id
  divisionCode
  divisionName
  childId
  forChild
  kind
  description
  source
  status
  matchedAt
  closedAt
  closeNote
  version
  raisedBy
  raisedAt
  offer {
    ...CarOffer
  }
}`) as unknown as TypedDocumentString<CarMatchNeedMutation, CarMatchNeedMutationVariables>;
export const CarCloseNeedDocument = new TypedDocumentString(`
    mutation CarCloseNeed($needId: ID!, $note: String!) {
  closeNeed(needId: $needId, note: $note) {
    ...CarNeed
  }
}
    fragment CarOffer on Offer {
  id
  organisationId
  organisationName
  kind
  description
  divisionCode
  divisionName
  quantity
  matched
  remaining
  status
}
fragment CarNeed on Need {
  id
  divisionCode
  divisionName
  childId
  forChild
  kind
  description
  source
  status
  matchedAt
  closedAt
  closeNote
  version
  raisedBy
  raisedAt
  offer {
    ...CarOffer
  }
}`) as unknown as TypedDocumentString<CarCloseNeedMutation, CarCloseNeedMutationVariables>;
export const CarActivitiesDocument = new TypedDocumentString(`
    query CarActivities($divisionCode: String!) {
  activities(divisionCode: $divisionCode) {
    id
    title
    on
    organisationName
  }
}
    `) as unknown as TypedDocumentString<CarActivitiesQuery, CarActivitiesQueryVariables>;
export const CarChildNameDocument = new TypedDocumentString(`
    query CarChildName($id: ID!) {
  child(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CarChildNameQuery, CarChildNameQueryVariables>;
export const ChildrenSearchDocument = new TypedDocumentString(`
    query ChildrenSearch($filter: ChildFilter, $after: String) {
  children(filter: $filter, first: 20, after: $after) {
    edges {
      node {
        ...ChildRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment ChildRow on Child {
  id
  version
  name
  gender
  birthDate
  age
  idNumber
  status
  primaryCategory
  leftBehind
  withheld
  residenceDivision {
    code
    name
  }
}`) as unknown as TypedDocumentString<ChildrenSearchQuery, ChildrenSearchQueryVariables>;
export const ChildFileDocument = new TypedDocumentString(`
    query ChildFile($id: ID!) {
  child(id: $id) {
    ...ChildFacts
    guardians {
      id
      name
      relation
      isGuardian
      capacity
      workingAway
      awayLocation
      awaySince
      phone
      entrusted
      entrustedSince
      entrustmentAgreedOn
    }
    classifications {
      group
      subtype
      since
      until
      note
      recordedBy
      recordedAt
    }
    history {
      seq
      at
      actor
      operation
      reason
      before
      after
    }
    visits {
      ...ChildVisit
    }
    supportPlan {
      measures {
        id
        department
        kind
        description
        status
        dueDate
        owner
        createdBy
        updatedAt
      }
    }
    benefits {
      decidedOn
      ruleVersion
      withheldProgrammes
      decisions {
        eligible
        granted
        outcome
        reasons
        monthlyAmountFen
        sharePercent
        supersededBy
        decidedOn
        withheld
        programme {
          code
          name
        }
      }
      entitlements {
        id
        status
        monthlyAmountFen
        startsOn
        endsOn
        endReason
        withheld
        programme {
          code
          name
        }
      }
    }
  }
  visitPolicy {
    primaryCategory
    intervalDays
  }
}
    fragment ChildRow on Child {
  id
  version
  name
  gender
  birthDate
  age
  idNumber
  status
  primaryCategory
  leftBehind
  withheld
  residenceDivision {
    code
    name
  }
}
fragment ChildVisit on Visit {
  id
  childId
  visitedOn
  visitor
  visitorRole
  seen
  findings
  riskLevel
  nextDue
  createdAt
}
fragment ChildFacts on Child {
  ...ChildRow
  hukouDivisionCode
  school
  notes
  registeredOn
  exitedOn
  exitReason
  residenceDivision {
    code
    name
    parent {
      code
      name
    }
  }
}`) as unknown as TypedDocumentString<ChildFileQuery, ChildFileQueryVariables>;
export const ChildCasesDocument = new TypedDocumentString(`
    query ChildCases($childId: ID!) {
  reports(filter: {childId: $childId}, first: 50) {
    edges {
      node {
        id
        caseNumber
        status
        kind
        urgent
        reportedAt
        occurredOn
        description
        outcome
        closedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ChildCasesQuery, ChildCasesQueryVariables>;
export const ChildInterventionsDocument = new TypedDocumentString(`
    query ChildInterventions($childId: ID!) {
  interventions(childId: $childId) {
    id
    reason
    status
    openedOn
    openedBy
    closedOn
    outcome
    note
  }
}
    `) as unknown as TypedDocumentString<ChildInterventionsQuery, ChildInterventionsQueryVariables>;
export const ChildUpdateDocument = new TypedDocumentString(`
    mutation ChildUpdate($id: ID!, $version: Int!, $input: UpdateChildInput!) {
  updateChild(id: $id, version: $version, input: $input) {
    ...ChildFacts
  }
}
    fragment ChildRow on Child {
  id
  version
  name
  gender
  birthDate
  age
  idNumber
  status
  primaryCategory
  leftBehind
  withheld
  residenceDivision {
    code
    name
  }
}
fragment ChildFacts on Child {
  ...ChildRow
  hukouDivisionCode
  school
  notes
  registeredOn
  exitedOn
  exitReason
  residenceDivision {
    code
    name
    parent {
      code
      name
    }
  }
}`) as unknown as TypedDocumentString<ChildUpdateMutation, ChildUpdateMutationVariables>;
export const ChildClassifyDocument = new TypedDocumentString(`
    mutation ChildClassify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<ChildClassifyMutation, ChildClassifyMutationVariables>;
export const ChildGuardiansDocument = new TypedDocumentString(`
    mutation ChildGuardians($id: ID!, $version: Int!, $input: SetGuardiansInput!) {
  setGuardians(childId: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<ChildGuardiansMutation, ChildGuardiansMutationVariables>;
export const ChildExitDocument = new TypedDocumentString(`
    mutation ChildExit($id: ID!, $version: Int!, $reason: ExitReason!, $note: String) {
  exitChild(id: $id, version: $version, reason: $reason, note: $note) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<ChildExitMutation, ChildExitMutationVariables>;
export const EduSchoolsDocument = new TypedDocumentString(`
    query EduSchools($townCode: String) {
  schools(townCode: $townCode) {
    ...EduSchool
  }
}
    fragment EduSchool on School {
  code
  name
  stages
  townCode
  townName
  kind
  demo
  version
}`) as unknown as TypedDocumentString<EduSchoolsQuery, EduSchoolsQueryVariables>;
export const EduCreateSchoolDocument = new TypedDocumentString(`
    mutation EduCreateSchool($input: SchoolInput!) {
  createSchool(input: $input) {
    ...EduSchool
  }
}
    fragment EduSchool on School {
  code
  name
  stages
  townCode
  townName
  kind
  demo
  version
}`) as unknown as TypedDocumentString<EduCreateSchoolMutation, EduCreateSchoolMutationVariables>;
export const EduUpdateSchoolDocument = new TypedDocumentString(`
    mutation EduUpdateSchool($code: String!, $version: Int!, $input: SchoolFieldsInput!) {
  updateSchool(code: $code, version: $version, input: $input) {
    ...EduSchool
  }
}
    fragment EduSchool on School {
  code
  name
  stages
  townCode
  townName
  kind
  demo
  version
}`) as unknown as TypedDocumentString<EduUpdateSchoolMutation, EduUpdateSchoolMutationVariables>;
export const EduRisksDocument = new TypedDocumentString(`
    query EduRisks($divisionCode: String!, $after: String) {
  dropoutRisks(divisionCode: $divisionCode, first: 20, after: $after) {
    edges {
      node {
        ...EduRisk
        child {
          id
          name
          age
          birthDate
          residenceDivision {
            code
            name
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}`) as unknown as TypedDocumentString<EduRisksQuery, EduRisksQueryVariables>;
export const EduExemptDocument = new TypedDocumentString(`
    mutation EduExempt($id: ID!, $input: ExemptionInput!) {
  exemptDropoutRisk(id: $id, input: $input) {
    ...EduRisk
  }
}
    fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}`) as unknown as TypedDocumentString<EduExemptMutation, EduExemptMutationVariables>;
export const EduChildEducationDocument = new TypedDocumentString(`
    query EduChildEducation($id: ID!) {
  child(id: $id) {
    id
    name
    birthDate
    status
    education {
      enrolments {
        ...EduEnrolment
      }
      aid {
        programme
        programmeName
        eligible
        reasons
        annualAmountFen
        decidedOn
        ruleVersion
      }
      dropoutRisk {
        ...EduRisk
      }
      ...EduInclusion
    }
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}
fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}
fragment EduPlacement on Placement {
  id
  kind
  school {
    code
    name
  }
  assessment {
    on
    by
    summary
  }
  since
  endedOn
  decidedBy
}
fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}
fragment EduNonBeijing on NonBeijing {
  hukouDivisionCode
  stage
  documents {
    code
    name
    required
    provided
  }
  complete
  checkedOn
  checkedBy
}
fragment EduInclusion on ChildEducation {
  placement {
    ...EduPlacement
  }
  homeTeaching {
    ...EduHomeTeaching
    sessions(last: 10) {
      id
      on
      hours
      content
      counted
      recordedBy
    }
  }
  nonBeijing {
    ...EduNonBeijing
  }
}`) as unknown as TypedDocumentString<EduChildEducationQuery, EduChildEducationQueryVariables>;
export const EduRecordEnrolmentDocument = new TypedDocumentString(`
    mutation EduRecordEnrolment($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) {
    ...EduEnrolment
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}`) as unknown as TypedDocumentString<EduRecordEnrolmentMutation, EduRecordEnrolmentMutationVariables>;
export const EduTransferEnrolmentDocument = new TypedDocumentString(`
    mutation EduTransferEnrolment($id: ID!, $input: EnrolmentInput!) {
  transferEnrolment(id: $id, input: $input) {
    ...EduEnrolment
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}`) as unknown as TypedDocumentString<EduTransferEnrolmentMutation, EduTransferEnrolmentMutationVariables>;
export const EduSuspendEnrolmentDocument = new TypedDocumentString(`
    mutation EduSuspendEnrolment($id: ID!, $on: Date) {
  suspendEnrolment(id: $id, on: $on) {
    ...EduEnrolment
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}`) as unknown as TypedDocumentString<EduSuspendEnrolmentMutation, EduSuspendEnrolmentMutationVariables>;
export const EduResumeEnrolmentDocument = new TypedDocumentString(`
    mutation EduResumeEnrolment($id: ID!, $on: Date) {
  resumeEnrolment(id: $id, on: $on) {
    ...EduEnrolment
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}`) as unknown as TypedDocumentString<EduResumeEnrolmentMutation, EduResumeEnrolmentMutationVariables>;
export const EduEndEnrolmentDocument = new TypedDocumentString(`
    mutation EduEndEnrolment($id: ID!, $reason: EnrolmentEndReason!, $endedOn: Date) {
  endEnrolment(id: $id, reason: $reason, endedOn: $endedOn) {
    ...EduEnrolment
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}`) as unknown as TypedDocumentString<EduEndEnrolmentMutation, EduEndEnrolmentMutationVariables>;
export const EduAidStandardsDocument = new TypedDocumentString(`
    query EduAidStandards {
  aidStandards {
    ...EduProgramme
  }
}
    fragment EduProgramme on AidProgramme {
  code
  name
  stages
  boardingRequired
  leftBehindEligible
  basis
  annualAmountFen
  placeholder
  effectiveFrom
  semesters {
    code
    name
    percent
  }
  standards {
    annualAmountFen
    effectiveFrom
    setBy
    setAt
  }
}`) as unknown as TypedDocumentString<EduAidStandardsQuery, EduAidStandardsQueryVariables>;
export const EduSetAidStandardDocument = new TypedDocumentString(`
    mutation EduSetAidStandard($input: AidStandardInput!) {
  setAidStandard(input: $input) {
    ...EduProgramme
  }
}
    fragment EduProgramme on AidProgramme {
  code
  name
  stages
  boardingRequired
  leftBehindEligible
  basis
  annualAmountFen
  placeholder
  effectiveFrom
  semesters {
    code
    name
    percent
  }
  standards {
    annualAmountFen
    effectiveFrom
    setBy
    setAt
  }
}`) as unknown as TypedDocumentString<EduSetAidStandardMutation, EduSetAidStandardMutationVariables>;
export const EduAidSemestersDocument = new TypedDocumentString(`
    query EduAidSemesters {
  aidSemesters(first: 10) {
    ...EduSemester
  }
}
    fragment EduSemester on AidSemester {
  id
  semester
  startsOn
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
  totals {
    townCode
    townName
    programme
    lineCount
    totalFen
  }
}`) as unknown as TypedDocumentString<EduAidSemestersQuery, EduAidSemestersQueryVariables>;
export const EduAidSemesterDocument = new TypedDocumentString(`
    query EduAidSemester($semester: String!) {
  aidSemester(semester: $semester) {
    ...EduSemester
  }
}
    fragment EduSemester on AidSemester {
  id
  semester
  startsOn
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
  totals {
    townCode
    townName
    programme
    lineCount
    totalFen
  }
}`) as unknown as TypedDocumentString<EduAidSemesterQuery, EduAidSemesterQueryVariables>;
export const EduRunAidSemesterDocument = new TypedDocumentString(`
    mutation EduRunAidSemester($semester: String!) {
  runAidSemester(semester: $semester) {
    ...EduSemester
  }
}
    fragment EduSemester on AidSemester {
  id
  semester
  startsOn
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
  totals {
    townCode
    townName
    programme
    lineCount
    totalFen
  }
}`) as unknown as TypedDocumentString<EduRunAidSemesterMutation, EduRunAidSemesterMutationVariables>;
export const EduAidLinesDocument = new TypedDocumentString(`
    query EduAidLines($semester: String!, $after: String) {
  aidSemester(semester: $semester) {
    id
    lines(first: 50, after: $after) {
      edges {
        node {
          id
          childId
          childName
          programme
          stage
          amountFen
          townCode
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<EduAidLinesQuery, EduAidLinesQueryVariables>;
export const EduAidExportDocument = new TypedDocumentString(`
    query EduAidExport($semester: String!, $format: ExportFormat!) {
  aidSemester(semester: $semester) {
    export(format: $format) {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<EduAidExportQuery, EduAidExportQueryVariables>;
export const EduMySchoolDocument = new TypedDocumentString(`
    query EduMySchool {
  mySchool {
    ...EduSchool
  }
}
    fragment EduSchool on School {
  code
  name
  stages
  townCode
  townName
  kind
  demo
  version
}`) as unknown as TypedDocumentString<EduMySchoolQuery, EduMySchoolQueryVariables>;
export const EduSchoolPupilsDocument = new TypedDocumentString(`
    query EduSchoolPupils($schoolCode: String!, $after: String) {
  schoolPupils(schoolCode: $schoolCode, first: 20, after: $after) {
    edges {
      node {
        childId
        childName
        birthDate
        enrolment {
          ...EduEnrolment
        }
        dropoutRisk {
          ...EduRisk
        }
        education {
          ...EduInclusion
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EduEnrolment on Enrolment {
  id
  childId
  schoolCode
  schoolName
  stage
  grade
  boarding
  status
  since
  suspendedOn
  endedOn
  endReason
  transferredTo
}
fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}
fragment EduPlacement on Placement {
  id
  kind
  school {
    code
    name
  }
  assessment {
    on
    by
    summary
  }
  since
  endedOn
  decidedBy
}
fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}
fragment EduNonBeijing on NonBeijing {
  hukouDivisionCode
  stage
  documents {
    code
    name
    required
    provided
  }
  complete
  checkedOn
  checkedBy
}
fragment EduInclusion on ChildEducation {
  placement {
    ...EduPlacement
  }
  homeTeaching {
    ...EduHomeTeaching
    sessions(last: 10) {
      id
      on
      hours
      content
      counted
      recordedBy
    }
  }
  nonBeijing {
    ...EduNonBeijing
  }
}`) as unknown as TypedDocumentString<EduSchoolPupilsQuery, EduSchoolPupilsQueryVariables>;
export const EduReportAbsenceDocument = new TypedDocumentString(`
    mutation EduReportAbsence($childId: ID!, $input: AbsenceInput!) {
  reportAbsence(childId: $childId, input: $input) {
    childId
    days
    longestRun
    threshold
    dropoutRisk {
      ...EduRisk
    }
  }
}
    fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}`) as unknown as TypedDocumentString<EduReportAbsenceMutation, EduReportAbsenceMutationVariables>;
export const EduReportReturnDocument = new TypedDocumentString(`
    mutation EduReportReturn($childId: ID!, $on: Date) {
  reportReturn(childId: $childId, on: $on) {
    childId
    days
    longestRun
    threshold
    dropoutRisk {
      ...EduRisk
    }
  }
}
    fragment EduRisk on DropoutRisk {
  id
  childId
  openedOn
  reason
  status
  dueOn
  overdue
  divisionCode
  exemptionReason
  exemptionNote
}`) as unknown as TypedDocumentString<EduReportReturnMutation, EduReportReturnMutationVariables>;
export const EduImportRosterDocument = new TypedDocumentString(`
    mutation EduImportRoster($schoolCode: String!, $file: Upload!, $mode: ImportMode) {
  importRoster(schoolCode: $schoolCode, file: $file, mode: $mode) {
    importId
    schoolCode
    fileName
    mode
    totalRows
    enrolledRows
    transferredRows
    unchangedRows
    unmatchedRows
    rejectedRows
    errorCount
    errors {
      row
      column
      message
    }
    duplicateOfEarlierImport
  }
}
    `) as unknown as TypedDocumentString<EduImportRosterMutation, EduImportRosterMutationVariables>;
export const EduDecidePlacementDocument = new TypedDocumentString(`
    mutation EduDecidePlacement($childId: ID!, $input: PlacementInput!) {
  decidePlacement(childId: $childId, input: $input) {
    ...EduPlacement
  }
}
    fragment EduPlacement on Placement {
  id
  kind
  school {
    code
    name
  }
  assessment {
    on
    by
    summary
  }
  since
  endedOn
  decidedBy
}`) as unknown as TypedDocumentString<EduDecidePlacementMutation, EduDecidePlacementMutationVariables>;
export const EduPlanHomeTeachingDocument = new TypedDocumentString(`
    mutation EduPlanHomeTeaching($childId: ID!, $input: HomeTeachingPlanInput!) {
  planHomeTeaching(childId: $childId, input: $input) {
    ...EduHomeTeaching
  }
}
    fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}`) as unknown as TypedDocumentString<EduPlanHomeTeachingMutation, EduPlanHomeTeachingMutationVariables>;
export const EduRecordSessionDocument = new TypedDocumentString(`
    mutation EduRecordSession($childId: ID!, $input: HomeTeachingSessionInput!) {
  recordHomeTeachingSession(childId: $childId, input: $input) {
    id
    on
    hours
    content
    counted
    recordedBy
  }
}
    `) as unknown as TypedDocumentString<EduRecordSessionMutation, EduRecordSessionMutationVariables>;
export const EduHomeTeachingListDocument = new TypedDocumentString(`
    query EduHomeTeachingList($divisionCode: String!) {
  homeTeaching(divisionCode: $divisionCode) {
    ...EduHomeTeaching
    child {
      id
      name
      age
      residenceDivision {
        code
        name
      }
    }
  }
}
    fragment EduHomeTeaching on HomeTeaching {
  id
  childId
  teacher
  teacherUsername
  schoolCode
  schoolName
  divisionCode
  sessionsPerMonth
  minHours
  since
  heldThisMonth
  missedMonths {
    month
    expected
    held
  }
}`) as unknown as TypedDocumentString<EduHomeTeachingListQuery, EduHomeTeachingListQueryVariables>;
export const EduRecordDocumentsDocument = new TypedDocumentString(`
    mutation EduRecordDocuments($childId: ID!, $input: EnrolmentDocumentsInput!) {
  recordEnrolmentDocuments(childId: $childId, input: $input) {
    ...EduNonBeijing
  }
}
    fragment EduNonBeijing on NonBeijing {
  hukouDivisionCode
  stage
  documents {
    code
    name
    required
    provided
  }
  complete
  checkedOn
  checkedBy
}`) as unknown as TypedDocumentString<EduRecordDocumentsMutation, EduRecordDocumentsMutationVariables>;
export const EduStatisticsDocument = new TypedDocumentString(`
    query EduStatistics($divisionCode: String!) {
  educationStatistics(divisionCode: $divisionCode) {
    divisionCode
    asOf
    allChildren {
      ...EduFigures
    }
    nonBeijing {
      ...EduFigures
    }
    byTown {
      townCode
      townName
      allChildren {
        ...EduFigures
      }
      nonBeijing {
        ...EduFigures
      }
    }
    ruleVersion
  }
}
    fragment EduFigures on EducationFigures {
  children
  compulsoryAge
  compulsoryAgeEnrolled
  enrolled
  openDropoutRisks
  homeTeaching
  byStage {
    stage
    enrolled
  }
}`) as unknown as TypedDocumentString<EduStatisticsQuery, EduStatisticsQueryVariables>;
export const HomeTasksDocument = new TypedDocumentString(`
    query HomeTasks {
  departmentTasks(first: 50) {
    edges {
      node {
        id
        intakeId
        receiptNumber
        department
        need
        status
        dueAt
        overdue
        applicantName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeTasksQuery, HomeTasksQueryVariables>;
export const HomeIntakesDocument = new TypedDocumentString(`
    query HomeIntakes {
  intakes(filter: {status: OPEN}, first: 20) {
    edges {
      node {
        id
        receiptNumber
        status
        needs
        submittedAt
        applicantName
        tasks {
          id
          department
          status
          dueAt
          overdue
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeIntakesQuery, HomeIntakesQueryVariables>;
export const HomeReportsDocument = new TypedDocumentString(`
    query HomeReports($status: ReportStatus) {
  reports(filter: {status: $status}, first: 20) {
    edges {
      node {
        id
        caseNumber
        kind
        status
        urgent
        reportedAt
        childName
        assessmentDueAt
        assessmentOverdue
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeReportsQuery, HomeReportsQueryVariables>;
export const HomeOverdueVisitsDocument = new TypedDocumentString(`
    query HomeOverdueVisits {
  overdueVisits(first: 20) {
    totalCount
    edges {
      node {
        dueOn
        daysOverdue
        child {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeOverdueVisitsQuery, HomeOverdueVisitsQueryVariables>;
export const HomeDropoutRisksDocument = new TypedDocumentString(`
    query HomeDropoutRisks($divisionCode: String!) {
  dropoutRisks(divisionCode: $divisionCode, first: 20) {
    edges {
      node {
        id
        reason
        openedOn
        dueOn
        overdue
        child {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeDropoutRisksQuery, HomeDropoutRisksQueryVariables>;
export const HomeHomeTeachingDocument = new TypedDocumentString(`
    query HomeHomeTeaching($divisionCode: String!) {
  homeTeaching(divisionCode: $divisionCode) {
    id
    sessionsPerMonth
    missedMonths {
      month
      expected
      held
    }
    child {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<HomeHomeTeachingQuery, HomeHomeTeachingQueryVariables>;
export const WindowGuideDocument = new TypedDocumentString(`
    query WindowGuide {
  intakeGuide {
    routingVersion
    today
    needs {
      need
      name
      routes {
        department
        departmentName
        workingDays
        dueOn
      }
      materials
    }
  }
}
    `) as unknown as TypedDocumentString<WindowGuideQuery, WindowGuideQueryVariables>;
export const WindowChildByIdDocument = new TypedDocumentString(`
    query WindowChildById($idNumber: String!) {
  childByIdNumber(idNumber: $idNumber) {
    id
    name
    gender
    birthDate
    age
    idNumber
  }
}
    `) as unknown as TypedDocumentString<WindowChildByIdQuery, WindowChildByIdQueryVariables>;
export const WindowChildrenByNameDocument = new TypedDocumentString(`
    query WindowChildrenByName($name: String!) {
  children(filter: {name: $name}, first: 10) {
    edges {
      node {
        id
        name
        gender
        birthDate
        age
        idNumber
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WindowChildrenByNameQuery, WindowChildrenByNameQueryVariables>;
export const WindowSubmitDocument = new TypedDocumentString(`
    mutation WindowSubmit($input: SubmitIntakeInput!) {
  submitIntake(input: $input) {
    id
    receiptNumber
  }
}
    `) as unknown as TypedDocumentString<WindowSubmitMutation, WindowSubmitMutationVariables>;
export const IntakeReceiptDocument = new TypedDocumentString(`
    query IntakeReceipt($id: ID!) {
  intake(id: $id) {
    id
    receiptNumber
    status
    needs
    submittedAt
    clerk
    applicantName
    applicantRelation
    applicantPhone
    materials
    child {
      id
      name
    }
    tasks {
      id
      department
      need
      status
      workingDays
      dueAt
      overdue
    }
  }
}
    `) as unknown as TypedDocumentString<IntakeReceiptQuery, IntakeReceiptQueryVariables>;
export const IntakeReceiptPdfDocument = new TypedDocumentString(`
    query IntakeReceiptPdf($id: ID!) {
  intake(id: $id) {
    id
    receipt {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<IntakeReceiptPdfQuery, IntakeReceiptPdfQueryVariables>;
export const IntakeDetailDocument = new TypedDocumentString(`
    query IntakeDetail($id: ID!) {
  intake(id: $id) {
    id
    receiptNumber
    status
    needs
    submittedAt
    clerk
    applicantName
    applicantRelation
    applicantPhone
    materials
    note
    closedAt
    withdrawReason
    child {
      id
      name
    }
    division {
      code
      name
    }
    tasks {
      id
      department
      need
      status
      workingDays
      dueAt
      overdue
      outcome
      note
      finishedAt
    }
    timeline {
      at
      actor
      action
      note
      taskId
      department
    }
  }
}
    `) as unknown as TypedDocumentString<IntakeDetailQuery, IntakeDetailQueryVariables>;
export const ImportLedgerDocument = new TypedDocumentString(`
    mutation ImportLedger($file: Upload!, $mode: ImportMode!) {
  importLedger(file: $file, mode: $mode) {
    batchId
    fileName
    mode
    totalRows
    importedRows
    skippedRows
    heldForReview
    rejectedRows
    errorCount
    duplicateOfEarlierImport
    errors {
      row
      column
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportLedgerMutation, ImportLedgerMutationVariables>;
export const PayProgrammesDocument = new TypedDocumentString(`
    query PayProgrammes {
  programmes {
    ...PayProgramme
  }
}
    fragment PayProgramme on Programme {
  code
  name
  kind
  category
  paidInBatches
  administeredElsewhere
  pilot
  enabled
  year
  monthlyAmountFen
  placeholder
  standards {
    year
    monthlyAmountFen
    placeholder
    setBy
    setAt
  }
}`) as unknown as TypedDocumentString<PayProgrammesQuery, PayProgrammesQueryVariables>;
export const PayBatchesDocument = new TypedDocumentString(`
    query PayBatches {
  paymentBatches(first: 24) {
    ...PayBatch
  }
}
    fragment PayBatch on PaymentBatch {
  id
  month
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
}`) as unknown as TypedDocumentString<PayBatchesQuery, PayBatchesQueryVariables>;
export const PayBatchDocument = new TypedDocumentString(`
    query PayBatch($month: String!) {
  paymentBatch(month: $month) {
    ...PayBatch
    totals {
      townCode
      townName
      programme
      lineCount
      totalFen
    }
  }
}
    fragment PayBatch on PaymentBatch {
  id
  month
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
}`) as unknown as TypedDocumentString<PayBatchQuery, PayBatchQueryVariables>;
export const PayRunBatchDocument = new TypedDocumentString(`
    mutation PayRunBatch($month: String!) {
  runPaymentBatch(month: $month) {
    ...PayBatch
    totals {
      townCode
      townName
      programme
      lineCount
      totalFen
    }
  }
}
    fragment PayBatch on PaymentBatch {
  id
  month
  lineCount
  totalFen
  ruleVersion
  createdAt
  createdBy
  scopeDivisionCode
}`) as unknown as TypedDocumentString<PayRunBatchMutation, PayRunBatchMutationVariables>;
export const PayBatchExportDocument = new TypedDocumentString(`
    query PayBatchExport($month: String!, $format: ExportFormat!) {
  paymentBatch(month: $month) {
    export(format: $format) {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<PayBatchExportQuery, PayBatchExportQueryVariables>;
export const PaySetStandardDocument = new TypedDocumentString(`
    mutation PaySetStandard($programme: ProgrammeCode!, $year: Int!, $monthlyAmountFen: Int!) {
  setBenefitStandard(
    programme: $programme
    year: $year
    monthlyAmountFen: $monthlyAmountFen
  ) {
    ...PayProgramme
  }
}
    fragment PayProgramme on Programme {
  code
  name
  kind
  category
  paidInBatches
  administeredElsewhere
  pilot
  enabled
  year
  monthlyAmountFen
  placeholder
  standards {
    year
    monthlyAmountFen
    placeholder
    setBy
    setAt
  }
}`) as unknown as TypedDocumentString<PaySetStandardMutation, PaySetStandardMutationVariables>;
export const ReportChildrenByNameDocument = new TypedDocumentString(`
    query ReportChildrenByName($name: String!) {
  children(filter: {name: $name}, first: 10) {
    edges {
      node {
        id
        name
        gender
        age
        idNumber
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReportChildrenByNameQuery, ReportChildrenByNameQueryVariables>;
export const FileReportDocument = new TypedDocumentString(`
    mutation FileReport($input: ReportInput!) {
  fileReport(input: $input) {
    id
    caseNumber
    status
    reportedAt
    urgent
  }
}
    `) as unknown as TypedDocumentString<FileReportMutation, FileReportMutationVariables>;
export const AddReportAttachmentDocument = new TypedDocumentString(`
    mutation AddReportAttachment($reportId: ID!, $file: Upload!) {
  addReportAttachment(reportId: $reportId, file: $file) {
    id
    filename
    mediaType
    size
  }
}
    `) as unknown as TypedDocumentString<AddReportAttachmentMutation, AddReportAttachmentMutationVariables>;
export const MyReportsDocument = new TypedDocumentString(`
    query MyReports($after: String) {
  reports(first: 20, after: $after) {
    edges {
      node {
        id
        caseNumber
        status
        reportedAt
        acceptedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyReportsQuery, MyReportsQueryVariables>;
export const InboxReportsDocument = new TypedDocumentString(`
    query InboxReports($filter: ReportFilter, $after: String) {
  reports(filter: $filter, first: 20, after: $after) {
    edges {
      node {
        ...InboxReport
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InboxReport on Report {
  id
  caseNumber
  status
  view
  kind
  urgent
  reportedAt
  acceptedAt
  childName
  childAge
  townNotifiedAt
  assessmentDueAt
  assessmentOverdue
  missingAlertOpen
  reporter
  institution
  division {
    code
    name
  }
  clocks {
    step
    late
    running
    limitHours
    hours
    startedAt
  }
}`) as unknown as TypedDocumentString<InboxReportsQuery, InboxReportsQueryVariables>;
export const CaseReportDocument = new TypedDocumentString(`
    query CaseReport($id: ID!) {
  report(id: $id) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseReportQuery, CaseReportQueryVariables>;
export const CaseAttachmentFileDocument = new TypedDocumentString(`
    query CaseAttachmentFile($id: ID!) {
  report(id: $id) {
    id
    attachments {
      id
      content {
        filename
        mediaType
        contentBase64
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseAttachmentFileQuery, CaseAttachmentFileQueryVariables>;
export const CaseAcceptDocument = new TypedDocumentString(`
    mutation CaseAccept($id: ID!) {
  acceptReport(id: $id) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseAcceptMutation, CaseAcceptMutationVariables>;
export const CaseRespondDocument = new TypedDocumentString(`
    mutation CaseRespond($reportId: ID!, $input: ResponseInput!) {
  recordResponse(reportId: $reportId, input: $input) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseRespondMutation, CaseRespondMutationVariables>;
export const CaseCloseAlertDocument = new TypedDocumentString(`
    mutation CaseCloseAlert($reportId: ID!, $note: String) {
  closeMissingAlert(reportId: $reportId, note: $note) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseCloseAlertMutation, CaseCloseAlertMutationVariables>;
export const CaseNotifyTownDocument = new TypedDocumentString(`
    mutation CaseNotifyTown($id: ID!, $note: String) {
  notifyTown(id: $id, note: $note) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseNotifyTownMutation, CaseNotifyTownMutationVariables>;
export const CaseAssessDocument = new TypedDocumentString(`
    mutation CaseAssess($reportId: ID!, $input: AssessmentInput!) {
  recordAssessment(reportId: $reportId, input: $input) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseAssessMutation, CaseAssessMutationVariables>;
export const CaseCloseDocument = new TypedDocumentString(`
    mutation CaseClose($id: ID!, $outcome: String!) {
  closeReport(id: $id, outcome: $outcome) {
    ...CaseDetail
  }
}
    fragment CaseDetail on Report {
  id
  caseNumber
  status
  view
  withheld
  reportedAt
  acceptedAt
  acceptedBy
  kind
  urgent
  divisionCode
  townDivisionCode
  childId
  childName
  childAge
  occurredOn
  foundAt
  description
  reporter
  reporterRole
  institution
  onBehalfOfName
  onBehalfOfPhone
  townNotifiedAt
  townNote
  assessmentDueAt
  assessmentOverdue
  supervisorRequest
  missingAlertOpen
  closedAt
  outcome
  version
  division {
    code
    name
  }
  assessment {
    safety
    safetyNote
    guardianship
    guardianshipNote
    health
    healthNote
    education
    educationNote
    psychology
    psychologyNote
    summary
    highestRisk
    assessedAt
    assessedBy
  }
  responses {
    id
    measure
    at
    note
    actor
  }
  attachments {
    id
    filename
    mediaType
    size
    uploadedBy
    uploadedAt
  }
  timeline {
    at
    actor
    action
    note
  }
  clocks {
    step
    startedAt
    endedAt
    hours
    limitHours
    late
    running
  }
}`) as unknown as TypedDocumentString<CaseCloseMutation, CaseCloseMutationVariables>;
export const StatsChildrenDocument = new TypedDocumentString(`
    query StatsChildren($divisionCode: String!, $asOf: Date) {
  childStatistics(divisionCode: $divisionCode, asOf: $asOf) {
    divisionCode
    asOf
    counts {
      ...StatsDivisionCounts
    }
    children {
      ...StatsDivisionCounts
    }
    trend {
      month
      on
      total
      hardship
      leftBehind
      none
      suppressed
    }
  }
}
    fragment StatsDivisionCounts on DivisionCounts {
  divisionCode
  divisionName
  total
  leftBehind
  byPrimaryCategory {
    key
    count
    shown
  }
  suppressed
}`) as unknown as TypedDocumentString<StatsChildrenQuery, StatsChildrenQueryVariables>;
export const StatsIntakeDocument = new TypedDocumentString(`
    query StatsIntake($from: Date!, $to: Date!) {
  intakeStatistics(from: $from, to: $to) {
    fromDate
    toDate
    asOf
    byTown {
      ...StatsIntakeFigures
    }
    byDepartment {
      ...StatsIntakeFigures
    }
  }
}
    fragment StatsIntakeFigures on IntakeFigures {
  code
  name
  applications
  openTasks
  overdueTasks
  medianDays
  p90Days
}`) as unknown as TypedDocumentString<StatsIntakeQuery, StatsIntakeQueryVariables>;
export const StatsIntakeExportDocument = new TypedDocumentString(`
    query StatsIntakeExport($from: Date!, $to: Date!) {
  intakeStatistics(from: $from, to: $to) {
    export {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<StatsIntakeExportQuery, StatsIntakeExportQueryVariables>;
export const StatsCasesDocument = new TypedDocumentString(`
    query StatsCases($from: Date!, $to: Date!) {
  caseStatistics(from: $from, to: $to) {
    fromDate
    toDate
    asOf
    deadlinesVersion
    total {
      ...StatsCaseFigures
    }
    byTown {
      ...StatsCaseFigures
    }
    byReporter {
      ...StatsCaseFigures
    }
  }
}
    fragment StatsCaseFigures on CaseFigures {
  code
  name
  reports
  steps {
    step
    name
    limitHours
    urgentLimitHours
    ended
    medianHours
    worstHours
    late
  }
}`) as unknown as TypedDocumentString<StatsCasesQuery, StatsCasesQueryVariables>;
export const StatsCasesExportDocument = new TypedDocumentString(`
    query StatsCasesExport($from: Date!, $to: Date!) {
  caseStatistics(from: $from, to: $to) {
    export {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<StatsCasesExportQuery, StatsCasesExportQueryVariables>;
export const BoardTownsDocument = new TypedDocumentString(`
    query BoardTowns {
  divisions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<BoardTownsQuery, BoardTownsQueryVariables>;
export const BoardTasksDocument = new TypedDocumentString(`
    query BoardTasks($filter: TaskFilter, $after: String) {
  departmentTasks(filter: $filter, first: 20, after: $after) {
    edges {
      node {
        ...BoardTask
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}`) as unknown as TypedDocumentString<BoardTasksQuery, BoardTasksQueryVariables>;
export const BoardAcceptDocument = new TypedDocumentString(`
    mutation BoardAccept($id: ID!) {
  acceptTask(id: $id) {
    ...BoardTask
  }
}
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}`) as unknown as TypedDocumentString<BoardAcceptMutation, BoardAcceptMutationVariables>;
export const BoardRequestMaterialsDocument = new TypedDocumentString(`
    mutation BoardRequestMaterials($id: ID!, $note: String!) {
  requestMaterials(id: $id, note: $note) {
    ...BoardTask
  }
}
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}`) as unknown as TypedDocumentString<BoardRequestMaterialsMutation, BoardRequestMaterialsMutationVariables>;
export const BoardCompleteDocument = new TypedDocumentString(`
    mutation BoardComplete($id: ID!, $outcome: String!) {
  completeTask(id: $id, outcome: $outcome) {
    ...BoardTask
  }
}
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}`) as unknown as TypedDocumentString<BoardCompleteMutation, BoardCompleteMutationVariables>;
export const BoardDeclineDocument = new TypedDocumentString(`
    mutation BoardDecline($id: ID!, $reason: String!) {
  declineTask(id: $id, reason: $reason) {
    ...BoardTask
  }
}
    fragment BoardTask on DepartmentTask {
  id
  intakeId
  receiptNumber
  department
  need
  status
  workingDays
  dueAt
  overdue
  outcome
  note
  missingMaterials
  applicantName
  applicantPhone
  createdAt
  version
  child {
    id
    name
  }
  division {
    code
    name
  }
}`) as unknown as TypedDocumentString<BoardDeclineMutation, BoardDeclineMutationVariables>;
export const OverdueVisitsDocument = new TypedDocumentString(`
    query OverdueVisits($divisionCode: String, $after: String) {
  overdueVisits(divisionCode: $divisionCode, first: 20, after: $after) {
    edges {
      node {
        dueOn
        daysOverdue
        lastVisit {
          visitedOn
          visitor
          riskLevel
        }
        child {
          id
          name
          age
          gender
          birthDate
          primaryCategory
          leftBehind
          residenceDivision {
            code
            name
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
  visitPolicy {
    primaryCategory
    intervalDays
  }
}
    `) as unknown as TypedDocumentString<OverdueVisitsQuery, OverdueVisitsQueryVariables>;
export const RecordVisitDocument = new TypedDocumentString(`
    mutation RecordVisit($childId: ID!, $input: VisitInput!) {
  recordVisit(childId: $childId, input: $input) {
    id
    childId
    visitedOn
    visitor
    visitorRole
    seen
    findings
    riskLevel
    nextDue
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RecordVisitMutation, RecordVisitMutationVariables>;
export const MyVolunteerDocument = new TypedDocumentString(`
    query MyVolunteer {
  myVolunteer {
    id
    name
    organisationName
    vetted
    checkValidUntil
    trained
    totalHours
    starLevel
    nextStarHours
    pairings {
      ...MyOwnPairing
    }
    serviceHours {
      ...MyVolunteerHours
    }
    activities {
      id
      title
      kind
      on
      organisationName
      divisionName
      volunteers {
        volunteerId
        attended
      }
    }
  }
}
    fragment MyVolunteerHours on ServiceHours {
  id
  activityId
  activityTitle
  hours
  on
  status
  note
}
fragment MyOwnPairing on OwnPairing {
  id
  childName
  childAge
  villageName
  needs
  status
  startedOn
  endedOn
  visits {
    id
    visitedOn
    minutes
    mode
    note
    byVolunteer
  }
}`) as unknown as TypedDocumentString<MyVolunteerQuery, MyVolunteerQueryVariables>;
export const MyVolunteerCertificateDocument = new TypedDocumentString(`
    query MyVolunteerCertificate {
  myVolunteer {
    id
    certificate {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<MyVolunteerCertificateQuery, MyVolunteerCertificateQueryVariables>;
export const MyVolunteerRecordHoursDocument = new TypedDocumentString(`
    mutation MyVolunteerRecordHours($volunteerId: ID!, $hours: Float!, $on: Date!, $note: String) {
  recordServiceHours(
    volunteerId: $volunteerId
    hours: $hours
    on: $on
    note: $note
  ) {
    id
    totalHours
  }
}
    `) as unknown as TypedDocumentString<MyVolunteerRecordHoursMutation, MyVolunteerRecordHoursMutationVariables>;
export const MyVolunteerPairingVisitDocument = new TypedDocumentString(`
    mutation MyVolunteerPairingVisit($pairingId: ID!, $input: PairingVisitInput!) {
  recordOwnPairingVisit(pairingId: $pairingId, input: $input) {
    ...MyOwnPairing
  }
}
    fragment MyOwnPairing on OwnPairing {
  id
  childName
  childAge
  villageName
  needs
  status
  startedOn
  endedOn
  visits {
    id
    visitedOn
    minutes
    mode
    note
    byVolunteer
  }
}`) as unknown as TypedDocumentString<MyVolunteerPairingVisitMutation, MyVolunteerPairingVisitMutationVariables>;
export const HomeMyVolunteerDocument = new TypedDocumentString(`
    query HomeMyVolunteer {
  myVolunteer {
    id
    totalHours
    starLevel
    nextStarHours
    pairings {
      id
      childName
      villageName
      status
    }
    serviceHours {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<HomeMyVolunteerQuery, HomeMyVolunteerQueryVariables>;
export const VolVolunteersDocument = new TypedDocumentString(`
    query VolVolunteers($divisionCode: String!, $vetted: Boolean, $after: String) {
  volunteers(
    divisionCode: $divisionCode
    first: 20
    after: $after
    vetted: $vetted
  ) {
    edges {
      node {
        ...VolRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}`) as unknown as TypedDocumentString<VolVolunteersQuery, VolVolunteersQueryVariables>;
export const VolVolunteerDocument = new TypedDocumentString(`
    query VolVolunteer($id: ID!) {
  volunteer(id: $id) {
    ...VolDetail
  }
  pairings(volunteerId: $id) {
    ...VolPairing
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}
fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}`) as unknown as TypedDocumentString<VolVolunteerQuery, VolVolunteerQueryVariables>;
export const VolCertificateDocument = new TypedDocumentString(`
    query VolCertificate($id: ID!) {
  volunteer(id: $id) {
    id
    certificate {
      filename
      mediaType
      contentBase64
    }
  }
}
    `) as unknown as TypedDocumentString<VolCertificateQuery, VolCertificateQueryVariables>;
export const VolRegisterDocument = new TypedDocumentString(`
    mutation VolRegister($input: VolunteerInput!) {
  registerVolunteer(input: $input) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolRegisterMutation, VolRegisterMutationVariables>;
export const VolRecordVettingDocument = new TypedDocumentString(`
    mutation VolRecordVetting($id: ID!, $input: VettingInput!) {
  recordVetting(volunteerId: $id, input: $input) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolRecordVettingMutation, VolRecordVettingMutationVariables>;
export const VolDisableDocument = new TypedDocumentString(`
    mutation VolDisable($id: ID!, $reason: String!) {
  disableVolunteer(id: $id, reason: $reason) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolDisableMutation, VolDisableMutationVariables>;
export const VolImportDocument = new TypedDocumentString(`
    mutation VolImport($file: Upload!, $mode: ImportMode, $organisationId: ID) {
  importVolunteers(file: $file, mode: $mode, organisationId: $organisationId) {
    fileName
    mode
    organisationId
    imported
    totalRows
    registeredRows
    rejectedRows
    errorCount
    errors {
      row
      column
      message
    }
    accounts {
      row
      volunteerId
      name
      username
      initialPassword
    }
  }
}
    `) as unknown as TypedDocumentString<VolImportMutation, VolImportMutationVariables>;
export const VolHoursToApproveDocument = new TypedDocumentString(`
    query VolHoursToApprove {
  serviceHoursToApprove {
    ...VolHours
  }
}
    fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}`) as unknown as TypedDocumentString<VolHoursToApproveQuery, VolHoursToApproveQueryVariables>;
export const VolApproveHoursDocument = new TypedDocumentString(`
    mutation VolApproveHours($id: ID!, $approved: Boolean!, $note: String) {
  approveServiceHours(hoursId: $id, approved: $approved, note: $note) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolApproveHoursMutation, VolApproveHoursMutationVariables>;
export const VolRecordHoursDocument = new TypedDocumentString(`
    mutation VolRecordHours($volunteerId: ID!, $hours: Float!, $on: Date!, $activityId: ID, $note: String) {
  recordServiceHours(
    volunteerId: $volunteerId
    hours: $hours
    on: $on
    activityId: $activityId
    note: $note
  ) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolRecordHoursMutation, VolRecordHoursMutationVariables>;
export const VolActivitiesDocument = new TypedDocumentString(`
    query VolActivities($divisionCode: String!, $since: Date, $until: Date) {
  activities(divisionCode: $divisionCode, since: $since, until: $until) {
    ...VolActivity
  }
}
    fragment VolActivity on Activity {
  id
  organisationId
  organisationName
  kind
  title
  divisionCode
  divisionName
  on
  capacity
  volunteerCapacity
  childrenSignedUp
  childrenAttended
  attendanceTaken
  version
  volunteers {
    volunteerId
    name
    attended
  }
}`) as unknown as TypedDocumentString<VolActivitiesQuery, VolActivitiesQueryVariables>;
export const VolCreateActivityDocument = new TypedDocumentString(`
    mutation VolCreateActivity($input: ActivityInput!) {
  createActivity(input: $input) {
    ...VolActivity
  }
}
    fragment VolActivity on Activity {
  id
  organisationId
  organisationName
  kind
  title
  divisionCode
  divisionName
  on
  capacity
  volunteerCapacity
  childrenSignedUp
  childrenAttended
  attendanceTaken
  version
  volunteers {
    volunteerId
    name
    attended
  }
}`) as unknown as TypedDocumentString<VolCreateActivityMutation, VolCreateActivityMutationVariables>;
export const VolSignUpDocument = new TypedDocumentString(`
    mutation VolSignUp($id: ID!, $input: ActivitySignUpInput!) {
  signUpForActivity(activityId: $id, input: $input) {
    ...VolActivity
  }
}
    fragment VolActivity on Activity {
  id
  organisationId
  organisationName
  kind
  title
  divisionCode
  divisionName
  on
  capacity
  volunteerCapacity
  childrenSignedUp
  childrenAttended
  attendanceTaken
  version
  volunteers {
    volunteerId
    name
    attended
  }
}`) as unknown as TypedDocumentString<VolSignUpMutation, VolSignUpMutationVariables>;
export const VolAttendanceDocument = new TypedDocumentString(`
    mutation VolAttendance($id: ID!, $input: AttendanceInput!) {
  recordAttendance(activityId: $id, input: $input) {
    ...VolActivity
  }
}
    fragment VolActivity on Activity {
  id
  organisationId
  organisationName
  kind
  title
  divisionCode
  divisionName
  on
  capacity
  volunteerCapacity
  childrenSignedUp
  childrenAttended
  attendanceTaken
  version
  volunteers {
    volunteerId
    name
    attended
  }
}`) as unknown as TypedDocumentString<VolAttendanceMutation, VolAttendanceMutationVariables>;
export const VolChildPairingsDocument = new TypedDocumentString(`
    query VolChildPairings($childId: ID!) {
  pairings(childId: $childId) {
    ...VolPairing
  }
}
    fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}`) as unknown as TypedDocumentString<VolChildPairingsQuery, VolChildPairingsQueryVariables>;
export const VolSuggestDocument = new TypedDocumentString(`
    query VolSuggest($childId: ID!) {
  suggestVolunteers(childId: $childId, first: 5) {
    ...VolSuggestion
  }
}
    fragment VolSuggestion on VolunteerSuggestion {
  score
  reasons
  volunteer {
    id
    name
    divisionName
    organisationName
    skills
  }
}`) as unknown as TypedDocumentString<VolSuggestQuery, VolSuggestQueryVariables>;
export const VolTaskSuggestionsDocument = new TypedDocumentString(`
    query VolTaskSuggestions($intakeId: ID!) {
  intake(id: $intakeId) {
    id
    tasks {
      id
      childId
      volunteerSuggestions(first: 5) {
        ...VolSuggestion
      }
    }
  }
}
    fragment VolSuggestion on VolunteerSuggestion {
  score
  reasons
  volunteer {
    id
    name
    divisionName
    organisationName
    skills
  }
}`) as unknown as TypedDocumentString<VolTaskSuggestionsQuery, VolTaskSuggestionsQueryVariables>;
export const VolPairDocument = new TypedDocumentString(`
    mutation VolPair($volunteerId: ID!, $childId: ID!) {
  pairVolunteer(volunteerId: $volunteerId, childId: $childId) {
    ...VolPairing
  }
}
    fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}`) as unknown as TypedDocumentString<VolPairMutation, VolPairMutationVariables>;
export const VolPairingVisitDocument = new TypedDocumentString(`
    mutation VolPairingVisit($id: ID!, $input: PairingVisitInput!) {
  recordPairingVisit(pairingId: $id, input: $input) {
    ...VolPairing
  }
}
    fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}`) as unknown as TypedDocumentString<VolPairingVisitMutation, VolPairingVisitMutationVariables>;
export const VolEndPairingDocument = new TypedDocumentString(`
    mutation VolEndPairing($id: ID!, $reason: String!) {
  endPairing(id: $id, reason: $reason) {
    ...VolPairing
  }
}
    fragment VolPairing on Pairing {
  id
  volunteerId
  volunteerName
  childId
  childName
  childAge
  childDivisionCode
  childNeeds
  status
  startedOn
  endedOn
  endReason
  visits {
    id
    visitedOn
    minutes
    mode
    note
    recordedBy
  }
}`) as unknown as TypedDocumentString<VolEndPairingMutation, VolEndPairingMutationVariables>;
export const VolVettedDocument = new TypedDocumentString(`
    query VolVetted($divisionCode: String!) {
  volunteers(divisionCode: $divisionCode, first: 100, vetted: true) {
    edges {
      node {
        id
        name
        divisionName
        organisationName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VolVettedQuery, VolVettedQueryVariables>;
export const VolEnableDocument = new TypedDocumentString(`
    mutation VolEnable($id: ID!) {
  enableVolunteer(id: $id) {
    ...VolDetail
  }
}
    fragment VolRow on Volunteer {
  id
  name
  idNumber
  phone
  gender
  age
  adult
  skills
  divisionCode
  divisionName
  organisationName
  vetted
  checkValidUntil
  trained
  totalHours
  starLevel
  username
  account {
    status
  }
  registeredAt
}
fragment VolHours on ServiceHours {
  id
  volunteerId
  volunteerName
  activityId
  activityTitle
  hours
  on
  status
  note
  recordedBy
  decidedBy
  decidedAt
}
fragment VolDetail on Volunteer {
  ...VolRow
  organisationId
  availability
  serviceArea
  version
  vettings {
    id
    kind
    passed
    checkedOn
    validUntil
    current
    note
    recordedBy
  }
  account {
    username
    status
    initialPassword
    madeAt
    disabledReason
    disabledBy
    disabledAt
  }
  serviceHours {
    ...VolHours
  }
}`) as unknown as TypedDocumentString<VolEnableMutation, VolEnableMutationVariables>;