import type {
  AlertEvaluationResponse,
  AlertRule,
  AlertRulesResponse,
  AlertRuleValue,
  NotificationsResponse,
  UnreadNotificationsResponse,
  Annotation,
  AnnotationList,
  AnnotationValue,
  Benchmark,
  BenchmarksResponse,
  BenchmarkValue,
  ProgramTarget,
  ProgramTargetsResponse,
  ProgramTargetValue,
  AdminUser,
  AdminUserList,
  AttendanceHeatmapResponse,
  AuditEventPage,
  BreakdownResponse,
  ComparatorSetting,
  ComparatorSettingsResponse,
  ComparatorSettingValue,
  ComplianceResponse,
  CostSummaryResponse,
  CreateReportRequest,
  CreateReportScheduleRequest,
  CreateUserRequest,
  DataQualityReport,
  DataStatus,
  DischargeReasonsResponse,
  EarlyWarningResponse,
  EvidenceClaimDetail,
  EvidenceResponse,
  FilterOptionsResponse,
  FlowResponse,
  FunnelResponse,
  HealthResponse,
  HoursHistogramResponse,
  ImportJob,
  ImportList,
  LoginRequest,
  NoShowsResponse,
  QualityMeasureDetailResponse,
  QualityMeasuresResponse,
  QualityPatientsResponse,
  ReportJob,
  ReportList,
  ReportSchedule,
  ReportScheduleList,
  RetentionResponse,
  SessionResponse,
  SessionStatus,
  SessionUser,
  SummaryResponse,
  TrendResponse,
  UpdateUserRequest,
} from '@iop/contracts';

/**
 * The JSON success body of every operation that answers JSON, as @iop/contracts types it: what the API
 * returns and the dashboard reads. Keys are `METHOD path` as the OpenAPI document spells them.
 */
export interface ContractResponses {
  'GET /api/health': HealthResponse;
  'POST /api/v1/auth/login': SessionResponse;
  'POST /api/v1/auth/refresh': SessionResponse;
  'GET /api/v1/auth/session': SessionStatus;
  'GET /api/v1/auth/me': SessionUser;
  'GET /api/v1/metrics/summary': SummaryResponse;
  'GET /api/v1/metrics/trend': TrendResponse;
  'GET /api/v1/metrics/breakdown': BreakdownResponse;
  'GET /api/v1/metrics/flow': FlowResponse;
  'GET /api/v1/metrics/discharge-reasons': DischargeReasonsResponse;
  'GET /api/v1/metrics/funnel': FunnelResponse;
  'GET /api/v1/attendance/heatmap': AttendanceHeatmapResponse;
  'GET /api/v1/attendance/compliance': ComplianceResponse;
  'GET /api/v1/attendance/hours': HoursHistogramResponse;
  'GET /api/v1/attendance/no-shows': NoShowsResponse;
  'GET /api/v1/retention': RetentionResponse;
  'GET /api/v1/costs/summary': CostSummaryResponse;
  'GET /api/v1/costs/comparators': ComparatorSettingsResponse;
  'PUT /api/v1/costs/comparators/{kind}': ComparatorSetting;
  'GET /api/v1/benchmarks': BenchmarksResponse;
  'POST /api/v1/benchmarks': Benchmark;
  'PUT /api/v1/benchmarks/{id}': Benchmark;
  'GET /api/v1/benchmarks/targets/{programId}': ProgramTargetsResponse;
  'PUT /api/v1/benchmarks/targets/{programId}/{metric}': ProgramTarget;
  'GET /api/v1/evidence': EvidenceResponse;
  'GET /api/v1/evidence/{id}': EvidenceClaimDetail;
  'GET /api/v1/quality/measures': QualityMeasuresResponse;
  'GET /api/v1/quality/measures/{id}': QualityMeasureDetailResponse;
  'GET /api/v1/quality/measures/{id}/patients': QualityPatientsResponse;
  'GET /api/v1/filters/options': FilterOptionsResponse;
  'GET /api/v1/admin/users': AdminUserList;
  'POST /api/v1/admin/users': AdminUser;
  'PATCH /api/v1/admin/users/{id}': AdminUser;
  'GET /api/v1/admin/audit-events': AuditEventPage;
  'GET /api/v1/reports': ReportList;
  'POST /api/v1/reports': ReportJob;
  'GET /api/v1/reports/{id}': ReportJob;
  'GET /api/v1/reports/schedules': ReportScheduleList;
  'POST /api/v1/reports/schedules': ReportSchedule;
  'GET /api/v1/imports': ImportList;
  'POST /api/v1/imports': ImportJob;
  'GET /api/v1/imports/{id}': ImportJob;
  'POST /api/v1/imports/{id}/confirm': ImportJob;
  'GET /api/v1/data/status': DataStatus;
  'GET /api/v1/data/quality': DataQualityReport;
  'GET /api/v1/annotations': AnnotationList;
  'POST /api/v1/annotations': Annotation;
  'PUT /api/v1/annotations/{id}': Annotation;
  'GET /api/v1/alerts/rules': AlertRulesResponse;
  'POST /api/v1/alerts/rules': AlertRule;
  'PUT /api/v1/alerts/rules/{id}': AlertRule;
  'POST /api/v1/alerts/evaluate': AlertEvaluationResponse;
  'GET /api/v1/notifications': NotificationsResponse;
  'GET /api/v1/notifications/unread-count': UnreadNotificationsResponse;
  'GET /api/v1/early-warning': EarlyWarningResponse;
}

/** The JSON request body of every operation that takes one, as @iop/contracts types it. */
export interface ContractRequests {
  'POST /api/v1/auth/login': LoginRequest;
  'POST /api/v1/admin/users': CreateUserRequest;
  'PATCH /api/v1/admin/users/{id}': UpdateUserRequest;
  'PUT /api/v1/costs/comparators/{kind}': ComparatorSettingValue;
  'POST /api/v1/benchmarks': BenchmarkValue;
  'PUT /api/v1/benchmarks/{id}': BenchmarkValue;
  'PUT /api/v1/benchmarks/targets/{programId}/{metric}': ProgramTargetValue;
  'POST /api/v1/reports': CreateReportRequest;
  'POST /api/v1/reports/schedules': CreateReportScheduleRequest;
  'POST /api/v1/annotations': AnnotationValue;
  'PUT /api/v1/annotations/{id}': AnnotationValue;
  'POST /api/v1/alerts/rules': AlertRuleValue;
  'PUT /api/v1/alerts/rules/{id}': AlertRuleValue;
}

/**
 * The same operations as values, so that a test can find an operation of the document that no contract
 * covers (`satisfies` keeps them equal to the interfaces' keys).
 */
export const CONTRACT_OPERATIONS = {
  responses: {
    'GET /api/health': true,
    'POST /api/v1/auth/login': true,
    'POST /api/v1/auth/refresh': true,
    'GET /api/v1/auth/session': true,
    'GET /api/v1/auth/me': true,
    'GET /api/v1/metrics/summary': true,
    'GET /api/v1/metrics/trend': true,
    'GET /api/v1/metrics/breakdown': true,
    'GET /api/v1/metrics/flow': true,
    'GET /api/v1/metrics/discharge-reasons': true,
    'GET /api/v1/metrics/funnel': true,
    'GET /api/v1/attendance/heatmap': true,
    'GET /api/v1/attendance/compliance': true,
    'GET /api/v1/attendance/hours': true,
    'GET /api/v1/attendance/no-shows': true,
    'GET /api/v1/retention': true,
    'GET /api/v1/costs/summary': true,
    'GET /api/v1/costs/comparators': true,
    'PUT /api/v1/costs/comparators/{kind}': true,
    'GET /api/v1/benchmarks': true,
    'POST /api/v1/benchmarks': true,
    'PUT /api/v1/benchmarks/{id}': true,
    'GET /api/v1/benchmarks/targets/{programId}': true,
    'PUT /api/v1/benchmarks/targets/{programId}/{metric}': true,
    'GET /api/v1/evidence': true,
    'GET /api/v1/evidence/{id}': true,
    'GET /api/v1/quality/measures': true,
    'GET /api/v1/quality/measures/{id}': true,
    'GET /api/v1/quality/measures/{id}/patients': true,
    'GET /api/v1/filters/options': true,
    'GET /api/v1/admin/users': true,
    'POST /api/v1/admin/users': true,
    'PATCH /api/v1/admin/users/{id}': true,
    'GET /api/v1/admin/audit-events': true,
    'GET /api/v1/reports': true,
    'POST /api/v1/reports': true,
    'GET /api/v1/reports/{id}': true,
    'GET /api/v1/reports/schedules': true,
    'POST /api/v1/reports/schedules': true,
    'GET /api/v1/imports': true,
    'POST /api/v1/imports': true,
    'GET /api/v1/imports/{id}': true,
    'POST /api/v1/imports/{id}/confirm': true,
    'GET /api/v1/data/status': true,
    'GET /api/v1/data/quality': true,
    'GET /api/v1/annotations': true,
    'POST /api/v1/annotations': true,
    'PUT /api/v1/annotations/{id}': true,
    'GET /api/v1/alerts/rules': true,
    'POST /api/v1/alerts/rules': true,
    'PUT /api/v1/alerts/rules/{id}': true,
    'POST /api/v1/alerts/evaluate': true,
    'GET /api/v1/notifications': true,
    'GET /api/v1/notifications/unread-count': true,
    'GET /api/v1/early-warning': true,
  } satisfies Record<keyof ContractResponses, true>,
  requests: {
    'POST /api/v1/auth/login': true,
    'POST /api/v1/admin/users': true,
    'PATCH /api/v1/admin/users/{id}': true,
    'PUT /api/v1/costs/comparators/{kind}': true,
    'POST /api/v1/benchmarks': true,
    'PUT /api/v1/benchmarks/{id}': true,
    'PUT /api/v1/benchmarks/targets/{programId}/{metric}': true,
    'POST /api/v1/reports': true,
    'POST /api/v1/reports/schedules': true,
    'POST /api/v1/annotations': true,
    'PUT /api/v1/annotations/{id}': true,
    'POST /api/v1/alerts/rules': true,
    'PUT /api/v1/alerts/rules/{id}': true,
  } satisfies Record<keyof ContractRequests, true>,
};

type IsAny<T> = 0 extends 1 & T ? true : false;

/** An operation of openapi-typescript's `paths` by its `METHOD path` key; never when there is none. */
type OperationOf<Paths, Key extends string> = Key extends `${infer Method} ${infer Path}`
  ? Paths extends Record<Path, Record<Lowercase<Method>, infer Operation>>
    ? Operation
    : never
  : never;

type JsonContent<Message> = Message extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the operation's success response (200, 201 or 202). */
type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? Responses extends Record<200, infer Success>
    ? JsonContent<Success>
    : Responses extends Record<201, infer Created>
      ? JsonContent<Created>
      : Responses extends Record<202, infer Accepted>
        ? JsonContent<Accepted>
        : never
  : never;

type RequestBody<Operation> = Operation extends { requestBody: infer Body } ? JsonContent<Body> : never;

/**
 * `any` would pass both assignments unseen, so it becomes a message that fails them; `never` (no such
 * operation, or no JSON body) fails the contract-to-client assignment by itself.
 */
type NotAny<T, Key extends string> = IsAny<T> extends true ? `the generated client types ${Key} as any` : T;

/** The response bodies as a client generated from the document types them (`Paths`: its `paths`). */
export type GeneratedResponses<Paths> = {
  [Key in keyof ContractResponses]: NotAny<SuccessBody<OperationOf<Paths, Key>>, Key>;
};

/** The request bodies as a client generated from the document types them. */
export type GeneratedRequests<Paths> = {
  [Key in keyof ContractRequests]: NotAny<RequestBody<OperationOf<Paths, Key>>, Key>;
};
