package cn.gov.gz.govcloud.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the governance processes that process owners may change ({@code govcloud.governance.*}, or the
 * environment variables {@code GOVERNANCE_FEEDBACK_WITHIN} …).
 *
 * @param feedbackWithin attendees give their feedback on a training this long after the session is recorded
 *     (P6 7.6.3.4)
 * @param feedbackRemindBefore the organiser is reminded this long before the feedback closes
 * @param pledgeWithin the confidentiality pledge of a joining or leaving staff member is due this long after the day
 *     of joining or leaving (P6 7.4.1.3 c)
 * @param pledgeRemindEvery the ops managers are reminded this often while a pledge is not recorded
 * @param assessmentSchedule cron of the periodic security awareness and operation assessment (six fields, Beijing
 *     time; P6 7.4.1.3 b 定期开展安全意识、安全操作考核), by default half-yearly
 * @param assessmentWithin the results of an assessment are due this long after it opens
 * @param assessmentRemindBefore the ops managers are reminded this long before the results are due
 * @param passScore the lowest passing score (of 100)
 * @param attempts attempts a staff member has, the first included (a failure below this gets a retake)
 * @param normReviewSchedule cron of the periodic review of the management norms (six fields, Beijing time; P6
 *     7.4.1.2 定期评审安全管理规范, 7.6.1.6 定期评估), by default yearly
 * @param normReviewEvery a norm not reviewed (or published) within this period is reviewed by the schedule; the
 *     security rules are reviewed at every run
 * @param opinionWithin opinions on a norm under review are collected for this long (P6 7.6.1.2)
 */
@ConfigurationProperties("govcloud.governance")
record GovernanceProperties(Duration feedbackWithin, Duration feedbackRemindBefore, Duration pledgeWithin,
    Duration pledgeRemindEvery, String assessmentSchedule, Duration assessmentWithin, Duration assessmentRemindBefore,
    Integer passScore, Integer attempts, String normReviewSchedule, java.time.Period normReviewEvery,
    Duration opinionWithin) {

  public GovernanceProperties {
    feedbackWithin = feedbackWithin == null ? Duration.ofDays(7) : feedbackWithin;
    feedbackRemindBefore = feedbackRemindBefore == null ? Duration.ofDays(2) : feedbackRemindBefore;
    pledgeWithin = pledgeWithin == null ? Duration.ofDays(3) : pledgeWithin;
    pledgeRemindEvery = pledgeRemindEvery == null ? Duration.ofDays(1) : pledgeRemindEvery;
    assessmentSchedule = assessmentSchedule == null ? "0 0 9 1 3,9 ?" : assessmentSchedule;
    assessmentWithin = assessmentWithin == null ? Duration.ofDays(30) : assessmentWithin;
    assessmentRemindBefore = assessmentRemindBefore == null ? Duration.ofDays(5) : assessmentRemindBefore;
    passScore = passScore == null ? 80 : passScore;
    attempts = attempts == null ? 2 : attempts;
    normReviewSchedule = normReviewSchedule == null ? "0 0 9 15 1 ?" : normReviewSchedule;
    normReviewEvery = normReviewEvery == null ? java.time.Period.ofMonths(11) : normReviewEvery;
    opinionWithin = opinionWithin == null ? Duration.ofDays(10) : opinionWithin;
  }
}
