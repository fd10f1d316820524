package cn.gov.gz.govcloud.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Quiet hours in Beijing time, whatever the server's zone (the suite runs in UTC). */
@Tag("unit")
class QuietHoursTest {

  static Instant bj(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  @Test
  void aWindowAcrossMidnightHoldsUntilItsEndInBeijingTime() {
    QuietHours q = QuietHours.parse("22:00-08:00");
    assertThat(q.release(bj("2026-11-25T23:10:00"))).isEqualTo(bj("2026-11-26T08:00:00"));
    assertThat(q.release(bj("2026-11-26T03:00:00"))).isEqualTo(bj("2026-11-26T08:00:00"));
    assertThat(q.release(bj("2026-11-26T22:00:00"))).isEqualTo(bj("2026-11-27T08:00:00"));
    assertThat(q.release(bj("2026-11-26T08:00:00"))).isEqualTo(bj("2026-11-26T08:00:00"));
    assertThat(q.release(bj("2026-11-26T21:59:59"))).isEqualTo(bj("2026-11-26T21:59:59"));
  }

  @Test
  void aWindowWithinADayAndNoWindow() {
    QuietHours lunch = QuietHours.parse("12:00-14:00");
    assertThat(lunch.release(bj("2026-11-26T12:30:00"))).isEqualTo(bj("2026-11-26T14:00:00"));
    assertThat(lunch.release(bj("2026-11-26T14:00:00"))).isEqualTo(bj("2026-11-26T14:00:00"));
    assertThat(QuietHours.parse("").release(bj("2026-11-26T03:00:00"))).isEqualTo(bj("2026-11-26T03:00:00"));
    assertThatThrownBy(() -> QuietHours.parse("22-8")).hasMessageContaining("22:00-08:00");
  }
}
