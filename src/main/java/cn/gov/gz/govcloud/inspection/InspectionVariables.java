package cn.gov.gz.govcloud.inspection;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the {@code inspection} process variables, declared once, and typed readers of the ids. */
public final class InspectionVariables {

  public static final String PROCESS_KEY = "inspection";
  /** Error code: a quarterly inspection finds no active machine room nor resource checklist item. */
  public static final String NOTHING_TO_INSPECT = "NOTHING_TO_INSPECT";

  // start (special inspection): scope and reason
  public static final String INSPECTION_KIND = "inspectionKind";
  public static final String SCOPE_ROOMS = "scopeRooms";
  public static final String SCOPE_UNITS = "scopeUnits";
  public static final String SCOPE_CATEGORIES = "scopeCategories";
  public static final String REASON = "reason";
  /** Whether a service level's inspection cycle falls due this week (the level schedule's gateway). */
  public static final String LEVEL_INSPECTION_DUE = "levelInspectionDue";

  public static final String INSPECTION_ID = "inspectionId";
  public static final String INSPECTION_NO = "inspectionNo";
  public static final String ALREADY_PLANNED = "alreadyPlanned";
  public static final String PLAN_AT = "planAt";
  public static final String WAIT_FOR_WORKING_DAY = "waitForWorkingDay";
  public static final String PLAN_SUMMARY = "planSummary";
  public static final String ROOM_OPTIONS = "roomOptions";

  // plan task
  public static final String DUE_DATE = "dueDate";
  public static final String ROOM_INSPECTOR = "roomInspector";
  public static final String RESOURCE_INSPECTOR = "resourceInspector";
  public static final String INSPECTION_DUE = "inspectionDue";
  public static final String AREA_IDS = "areaIds";

  // management's confirmation of the requirements (P6 7.2.3.1.1, 7.2.3.2.1)
  public static final String REQUIREMENTS_SUMMARY = "requirementsSummary";
  /** The checklist changes pending when the task opened, comma-separated ids: confirmed with the requirements. */
  public static final String CHECKLIST_CHANGE_IDS = "checklistChangeIds";
  public static final String REQUIREMENTS_DECISION = "requirementsDecision";
  public static final String REQUIREMENTS_COMMENT = "requirementsComment";
  /** Values of {@link #REQUIREMENTS_DECISION}. */
  public static final String CONFIRM = "CONFIRM";
  public static final String RETURN = "RETURN";

  // per area (local to the multi-instance body)
  public static final String AREA_ID = "areaId";
  public static final String AREA_KIND = "areaKind";
  public static final String AREA_NAME = "areaName";
  public static final String INSPECTOR = "inspector";
  public static final String CHECKLIST = "checklist";
  public static final String ACCESS_AT = "accessAt";
  public static final String ACCESS_NOTE = "accessNote";
  public static final String ACCESS_DECISION = "accessDecision";
  public static final String ACCESS_COMMENT = "accessComment";

  // follow-up of findings (the multi-instance call of work-order: one finding per instance)
  public static final String OPEN_FINDINGS = "openFindings";
  public static final String FINDING_ID = "findingId";
  /** Whether the inspection found anything: without findings there is nothing to follow up nor an addendum. */
  public static final String HAD_FINDINGS = "hadFindings";
  /** Whether the addendum (补充报告) was written: on carrying over, before the carried-over orders end. */
  public static final String ADDENDUM_WRITTEN = "addendumWritten";
  public static final String ADDENDUM_ID = "addendumId";
  public static final String FINDINGS_SUMMARY = "findingsSummary";
  public static final String OVERDUE_DECISION = "overdueDecision";
  public static final String NEW_DUE_DATE = "newDueDate";
  public static final String OVERDUE_COMMENT = "overdueComment";
  public static final String REPORT_ID = "reportId";

  /** Values of {@link #OVERDUE_DECISION}. */
  public static final String CARRY_OVER = "CARRY_OVER";
  public static final String EXTEND = "EXTEND";

  private InspectionVariables() {}

  public static long inspectionId(VariableScope scope) {
    return ((Number) scope.getVariable(INSPECTION_ID)).longValue();
  }

  public static long areaId(VariableScope scope) {
    return ((Number) scope.getVariable(AREA_ID)).longValue();
  }

  public static long findingId(VariableScope scope) {
    return ((Number) scope.getVariable(FINDING_ID)).longValue();
  }
}
