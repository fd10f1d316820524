package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.ts;

import cn.gov.gz.govcloud.compliance.Implements;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Important assurance (P6 7.3.3.3 c; P3 5.2.3): while an approved assurance period covers a business system, its
 * emergencies respond and report progress faster, by the factor the assurance plan sets (read from the assurance
 * room's view {@code rv_assurance_active}; the strictest plan wins when two overlap).
 */
@Implements(value = "P6 7.3.3.3", what = "重要保障期内，范围内业务系统的应急事件按保障方案的系数缩短响应时限和反馈间隔")
@Service
class AssurancePeriods {

  /** The assurance covering a system at a moment: its number, name and the factor of the response clocks. */
  record Assurance(String assuranceNo, String eventName, BigDecimal responseFactor) {
    Duration shorten(Duration d) {
      return Duration.ofSeconds(Math.max(60, Math.round(d.toSeconds() * responseFactor.doubleValue())));
    }
  }

  private final JdbcClient jdbc;

  AssurancePeriods(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Assurance> covering(String businessSystemCode, Instant at) {
    return jdbc.sql("SELECT assurance_no, event_name, response_factor FROM rv_assurance_active "
            + "WHERE business_system_code = ? AND period_from <= ? AND period_to > ? AND response_factor IS NOT NULL "
            + "ORDER BY response_factor, assurance_no")
        .params(businessSystemCode, ts(at), ts(at))
        .query((rs, n) -> new Assurance(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list().stream()
        .findFirst()
        .filter(a -> a.responseFactor().compareTo(BigDecimal.ONE) < 0 && a.responseFactor().signum() > 0);
  }
}
