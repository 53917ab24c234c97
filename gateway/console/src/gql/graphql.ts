/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type Gender =
  | 'FEMALE'
  | 'MALE';

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

/** Where a measure stands; DONE and CANCELLED are final */
export type MeasureStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** A member of the public whose call the hotline took (代为报告) */
export type OnBehalfOfInput = {
  name: string;
  /** An 11-digit mobile, or a landline with its area code (010-69841234) */
  phone: string;
};

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

export type WindowDivisionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type WindowDivisionsQuery = { divisions: Array<{ code: string, name: string, level: DivisionLevel }> };

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

export type ReportDivisionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type ReportDivisionsQuery = { divisions: Array<{ code: string, name: string, level: DivisionLevel }> };

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

export type BoardTaskFragment = { id: string, intakeId: string, receiptNumber: string, department: TaskDepartment, need: IntakeNeed, status: TaskStatus, workingDays: number, dueAt: string | null, overdue: boolean, outcome: string | null, note: string | null, missingMaterials: Array<string>, applicantName: string, applicantPhone: string, createdAt: string, version: number, child: { id: string, name: string } | null, division: { code: string, name: string } };

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
export const WindowDivisionsDocument = new TypedDocumentString(`
    query WindowDivisions($parentCode: String) {
  divisions(parentCode: $parentCode) {
    code
    name
    level
  }
}
    `) as unknown as TypedDocumentString<WindowDivisionsQuery, WindowDivisionsQueryVariables>;
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
export const ReportDivisionsDocument = new TypedDocumentString(`
    query ReportDivisions($parentCode: String) {
  divisions(parentCode: $parentCode) {
    code
    name
    level
  }
}
    `) as unknown as TypedDocumentString<ReportDivisionsQuery, ReportDivisionsQueryVariables>;
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