package cn.gov.gz.govcloud.evaluation;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
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
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(CityTime.ZONE).toLocalDate();
    }
    String s = v.toString().strip();
    try {
      return LocalDate.parse(s.substring(0, Math.min(10, s.length())));
    } catch (DateTimeParseException e) {
      throw ValidationException.of(name, "日期格式应为 YYYY-MM-DD");
    }
  }

  static long id(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "请填写编号（数字）");
    }
  }
}
