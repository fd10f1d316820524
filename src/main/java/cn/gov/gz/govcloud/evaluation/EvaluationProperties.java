package cn.gov.gz.govcloud.evaluation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the evaluation process owners may change ({@code govcloud.evaluation.*}, or the environment variables
 * {@code EVALUATION_SCHEDULE} …).
 *
 * @param schedule cron of the periodic survey and evaluation (six fields, Beijing time); it covers the previous
 *     half-year when the period is not given (GB/T 34077.3 5.3.7 e: 评估服务报告每半年一次)
 * @param answerWithin time a unit has to answer the survey (due date of its task; 未答复 after it)
 * @param remindBefore a unit that has not answered is reminded this long before the due date
 * @param opinionWithin time the supervisor or management has to write the evaluation opinion
 * @param lowScore a dimension whose average is below this asks for an improvement measure in the report
 * @param feedbackAnswerWithin time the provider has to answer feedback on a report
 */
@ConfigurationProperties("govcloud.evaluation")
record EvaluationProperties(String schedule, Duration answerWithin, Duration remindBefore, Duration opinionWithin,
    Double lowScore, Duration feedbackAnswerWithin) {

  public EvaluationProperties {
    schedule = schedule == null ? "0 0 9 1 1,7 ?" : schedule;
    answerWithin = answerWithin == null ? Duration.ofDays(15) : answerWithin;
    remindBefore = remindBefore == null ? Duration.ofDays(3) : remindBefore;
    opinionWithin = opinionWithin == null ? Duration.ofDays(10) : opinionWithin;
    lowScore = lowScore == null ? 4.0 : lowScore;
    feedbackAnswerWithin = feedbackAnswerWithin == null ? Duration.ofDays(5) : feedbackAnswerWithin;
  }
}
