package cn.gov.gz.govcloud.emergency;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** What the delegates of {@code emergency-response} share. */
final class EmergencyStepSupport {

  /** A decision's single result (output name → value), as the classification and service-level variables hold it. */
  static final TypeReference<Map<String, Object>> DECISION_RESULT = new TypeReference<>() {};

  private EmergencyStepSupport() {}

  static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }
}
