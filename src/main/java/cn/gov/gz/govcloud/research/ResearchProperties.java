package cn.gov.gz.govcloud.research;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demand research process owners may change ({@code govcloud.research.*}, or the environment
 * variables {@code RESEARCH_ANSWER_WITHIN} …).
 *
 * @param answerWithin time a unit has to answer when the start gives no due date (未答复 after it)
 * @param remindBefore a unit that has not answered is reminded this long before the due date
 * @param longestAnswerTime the latest due date a start may give, counted from the start
 * @param analysisWithin time the provider has to analyse and write the recommendations
 * @param reviewWithin time management has to review the report
 */
@ConfigurationProperties("govcloud.research")
record ResearchProperties(Duration answerWithin, Duration remindBefore, Duration longestAnswerTime,
    Duration analysisWithin, Duration reviewWithin) {

  public ResearchProperties {
    answerWithin = answerWithin == null ? Duration.ofDays(15) : answerWithin;
    remindBefore = remindBefore == null ? Duration.ofDays(3) : remindBefore;
    longestAnswerTime = longestAnswerTime == null ? Duration.ofDays(92) : longestAnswerTime;
    analysisWithin = analysisWithin == null ? Duration.ofDays(10) : analysisWithin;
    reviewWithin = reviewWithin == null ? Duration.ofDays(7) : reviewWithin;
  }
}
