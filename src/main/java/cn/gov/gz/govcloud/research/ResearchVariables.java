package cn.gov.gz.govcloud.research;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables and element ids of {@code demand-research}, declared once. */
final class ResearchVariables {

  static final String PROCESS_KEY = "demand-research";

  // start form
  static final String TOPIC = "researchTopic";
  static final String PERIOD_FROM = "periodFrom";
  static final String PERIOD_TO = "periodTo";
  /** Optional: the day the units answer by (Beijing time, end of that day); the setting when empty. */
  static final String ANSWER_BY = "answerBy";
  /** ALL (every registered unit) or LIST ({@link #UNIT_CODES}). */
  static final String UNIT_SCOPE = "unitScope";
  static final String UNIT_CODES = "unitCodes";
  static final String METHOD = "researchMethod";

  static final String RESEARCH_ID = "researchId";
  static final String RESEARCH_NO = "researchNo";
  static final String RESEARCH_DUE = "researchDue";
  static final String RESEARCH_REMIND_AT = "researchRemindAt";
  /** The multi-instance element variable: the unit of one branch. */
  static final String RESEARCH_UNIT = "researchUnit";

  // questionnaire and interview (local to the unit's branch)
  static final String RESOURCE_ADEQUACY = "resourceAdequacy";
  static final String SATISFACTION = "satisfaction";
  static final String PROBLEMS = "researchProblems";
  static final String SUGGESTIONS = "researchSuggestions";
  static final String DEMANDS = "demands";
  static final String INTERVIEWEE = "interviewee";

  // analysis
  static final String RESEARCH_SUMMARY = "researchSummary";
  static final String ANALYSIS_DUE = "analysisDue";
  static final String MANAGEMENT_STATE = "managementState";
  static final String ANALYSIS_PROBLEMS = "analysisProblems";
  static final String DIRECTION = "direction";
  static final String RECOMMENDATIONS = "recommendations";

  // report and review
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";
  static final String REPORT_SUMMARY = "reportSummary";
  static final String REVIEW_DUE = "reviewDue";
  static final String REVIEW_DECISION = "reviewDecision";
  static final String REVIEW_COMMENT = "reviewComment";
  static final String RETURN_REASON = "returnReason";
  /** Set by the review step: true when management returned the report (the gateway reads it). */
  static final String REVIEW_RETURNED = "reviewReturned";
  static final String RESOURCE_RECOMMENDATION_COUNT = "resourceRecommendationCount";

  static final String QUESTIONNAIRE_TASK = "Task_AnswerQuestionnaire";

  private ResearchVariables() {}

  static LocalDate day(DelegateExecution execution, String name) {
    return cn.gov.gz.govcloud.engine.Variables.day(execution, name);
  }

  static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(RESEARCH_ID)).longValue();
  }
}
