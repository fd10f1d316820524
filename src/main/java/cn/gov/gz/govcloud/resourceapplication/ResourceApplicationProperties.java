package cn.gov.gz.govcloud.resourceapplication;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.resource-application.*}: due dates (working days for normal applications, hours for expedited ones,
 * P6 7.3.3.3 b) and the Appendix C idle thresholds used to question new VM requests.
 */
@ConfigurationProperties(prefix = "govcloud.resource-application")
record ResourceApplicationProperties(Integer correctionWorkingDays, Integer correctionReminderWorkingDays,
    Integer reviewWorkingDays, Integer approvalWorkingDays, Integer deliveryWorkingDays, Duration expeditedReview,
    Duration expeditedApproval, Duration expeditedDelivery, BigDecimal idleVmCpuBelow, BigDecimal idleVmMemoryBelow) {

  public ResourceApplicationProperties {
    correctionWorkingDays = or(correctionWorkingDays, 5);
    correctionReminderWorkingDays = or(correctionReminderWorkingDays, 3);
    reviewWorkingDays = or(reviewWorkingDays, 3);
    approvalWorkingDays = or(approvalWorkingDays, 3);
    deliveryWorkingDays = or(deliveryWorkingDays, 5);
    expeditedReview = expeditedReview == null ? Duration.ofHours(4) : expeditedReview;
    expeditedApproval = expeditedApproval == null ? Duration.ofHours(4) : expeditedApproval;
    expeditedDelivery = expeditedDelivery == null ? Duration.ofHours(24) : expeditedDelivery;
    idleVmCpuBelow = idleVmCpuBelow == null ? BigDecimal.valueOf(8) : idleVmCpuBelow;
    idleVmMemoryBelow = idleVmMemoryBelow == null ? BigDecimal.TEN : idleVmMemoryBelow;
  }

  private static int or(Integer v, int fallback) {
    return v == null ? fallback : v;
  }
}
