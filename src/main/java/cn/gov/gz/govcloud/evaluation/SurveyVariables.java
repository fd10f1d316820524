package cn.gov.gz.govcloud.evaluation;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables and element ids of {@code satisfaction-survey} and {@code report-feedback}. */
final class SurveyVariables {

  static final String PERIOD_FROM = "periodFrom";
  static final String PERIOD_TO = "periodTo";
  /** Optional on start: the units to survey, comma-separated codes; every registered unit when empty. */
  static final String UNIT_CODES = "unitCodes";
  static final String SURVEY_ID = "surveyId";
  static final String SURVEY_NO = "surveyNo";
  static final String SURVEY_DUE = "surveyDue";
  static final String SURVEY_REMIND_AT = "surveyRemindAt";
  /** The multi-instance element variable: the unit of one branch. */
  static final String SURVEY_UNIT = "surveyUnit";
  static final String SURVEY_PROBLEMS = "surveyProblems";
  static final String SURVEY_SUGGESTIONS = "surveySuggestions";
  static final String SURVEY_SUMMARY = "surveySummary";
  static final String ANSWERED_COUNT = "answeredCount";
  static final String OPINION_DUE = "opinionDue";
  static final String EVALUATION_OPINION = "evaluationOpinion";
  static final String IMPROVEMENT_REQUIREMENTS = "improvementRequirements";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";

  static final String FEEDBACK_ID = "feedbackId";
  static final String FEEDBACK_CONTENT = "feedbackContent";
  static final String FEEDBACK_SUMMARY = "feedbackSummary";
  static final String FEEDBACK_ANSWER_DUE = "feedbackAnswerDue";
  static final String FEEDBACK_ACTION = "feedbackAction";
  static final String FEEDBACK_ANSWER = "feedbackAnswer";

  static final String ANSWER_TASK = "Task_AnswerSurvey";
  static final String FEEDBACK_PROCESS = "report-feedback";

  private SurveyVariables() {}

  static LocalDate day(DelegateExecution execution, String name) {
    return cn.gov.gz.govcloud.engine.Variables.day(execution, name);
  }

  static long id(DelegateExecution execution, String name) {
    return cn.gov.gz.govcloud.engine.Variables.id(execution, name);
  }
}
