package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.dashboard.DashboardFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.drill.PlanService;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the dashboard's Spring Boot tests: a known operation ({@link DashboardFixture}) seeded before each test at a
 * fixed engine time, and readers of the dashboard's answers as a browser session gets them.
 */
abstract class DashboardTestSupport extends WebTest {

  static DashboardFixture fixture;
  static String reported;

  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired DashboardService dashboard;
  @Autowired KpiService kpis;
  @Autowired PlanService plans;
  @Autowired DrillSchedule drillSchedule;

  @BeforeEach
  void operation() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    dashboard.forget();
    fixture = DashboardFixture.seeded(jdbc, processEngine.getIdentityService(), this::postCreated);
    reported = fixture.reported;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  JsonNode postCreated(String user, String path, Object body) {
    var answer = post(user, path, body);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getBody()).isTrue();
    try {
      return json.readTree(answer.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode read(WebappSession session, String path) throws Exception {
    HttpResponse<byte[]> answer = session.getBytes(path, "application/json");
    assertThat(answer.statusCode()).as(path + ": " + new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return json.readTree(answer.body());
  }

  JsonNode snapshot(WebappSession session) throws Exception {
    return read(session, DashboardController.API);
  }

  JsonNode list(WebappSession session, JsonNode ref) throws Exception {
    StringBuilder q = new StringBuilder(DashboardController.API + "/lists/" + ref.get("kind").asText() + "?size=200");
    Iterator<Map.Entry<String, JsonNode>> f = ref.get("filter").fields();
    while (f.hasNext()) {
      Map.Entry<String, JsonNode> e = f.next();
      q.append('&').append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8));
    }
    return read(session, q.toString());
  }

  static List<String> column(JsonNode list, String key) {
    List<String> out = new ArrayList<>();
    list.get("rows").forEach(r -> out.add(r.get("cells").get(key).asText()));
    return out;
  }

  static long figure(JsonNode snapshot, String section, String figure) {
    return snapshot.get("sections").get(section).get("data").get(figure).get("value").asLong();
  }

  JsonNode find(JsonNode figures, String key) {
    for (JsonNode f : figures) {
      if (f.get("key").asText().equals(key)) {
        return f;
      }
    }
    throw new AssertionError("no figure " + key);
  }

  long count(String sql, Object... params) {
    List<Object> p = new ArrayList<>();
    for (Object o : params) {
      p.add(o instanceof java.time.Instant i ? java.sql.Timestamp.from(i) : o);
    }
    return jdbc.sql(sql).params(p).query(Long.class).single();
  }
}
