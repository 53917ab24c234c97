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

/** A member of the public whose call the hotline took (代为报告) */
export type OnBehalfOfInput = {
  name: string;
  /** An 11-digit mobile, or a landline with its area code (010-69841234) */
  phone: string;
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

export type FileReportMutationVariables = Exact<{
  input: ReportInput;
}>;


export type FileReportMutation = { fileReport: { id: string, caseNumber: string, status: ReportStatus, reportedAt: string } };

export type MyReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyReportsQuery = { reports: { edges: Array<{ node: { id: string, caseNumber: string, status: ReportStatus, kind: ReportKind | null, urgent: boolean | null, reportedAt: string } }> } };

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
export const FileReportDocument = new TypedDocumentString(`
    mutation FileReport($input: ReportInput!) {
  fileReport(input: $input) {
    id
    caseNumber
    status
    reportedAt
  }
}
    `) as unknown as TypedDocumentString<FileReportMutation, FileReportMutationVariables>;
export const MyReportsDocument = new TypedDocumentString(`
    query MyReports {
  reports(first: 50) {
    edges {
      node {
        id
        caseNumber
        status
        kind
        urgent
        reportedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyReportsQuery, MyReportsQueryVariables>;
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