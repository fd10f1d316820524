package cn.gov.gz.govcloud.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.audit.RequestClassifier.Classification;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Plain unit tests: the client address behind proxies, and how requests are named. */
@Tag("unit")
class AuditClientAddressTest {

  final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.5", "172.16.0.0/12", "fd00::/8"));
  final RequestClassifier classifier = new RequestClassifier(AuditProperties.DEFAULT_READS);

  @Test
  void forwardedForIsBelievedOnlyFromTrustedProxies() {
    assertThat(new ClientAddress(List.of()).resolve("10.0.0.5", "198.51.100.7")).isEqualTo("10.0.0.5");
    assertThat(behindProxy.resolve("203.0.113.1", "198.51.100.7")).isEqualTo("203.0.113.1");
    assertThat(behindProxy.resolve("10.0.0.5", "198.51.100.7")).isEqualTo("198.51.100.7");
    // a client that sends its own header: only the hop the proxy added counts
    assertThat(behindProxy.resolve("10.0.0.5", "1.2.3.4, 198.51.100.7")).isEqualTo("198.51.100.7");
    // two trusted proxies in a row
    assertThat(behindProxy.resolve("10.0.0.5", "198.51.100.7, 172.20.1.1")).isEqualTo("198.51.100.7");
    assertThat(behindProxy.resolve("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    // garbage is never resolved (no DNS lookups from header values)
    assertThat(behindProxy.resolve("10.0.0.5", "evil.example.com")).isEqualTo("10.0.0.5");
    assertThat(behindProxy.resolve("10.0.0.5", null)).isEqualTo("10.0.0.5");
    assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example.com")))
        .hasMessageContaining("trusted-proxies");
  }

  @Test
  void requestsAreNamedFromTheirPathAndQueriesAreNotRecorded() {
    assertThat(classifier.classify("POST", "/engine-rest/task/abc-1/claim"))
        .isEqualTo(new Classification("engine-rest", "task.claim", "task", "abc-1", "认领任务"));
    assertThat(classifier.classify("PUT", "/camunda/api/engine/engine/default/task/t1/variables/amount"))
        .isEqualTo(new Classification("webapp", "task.variables", "task", "t1", "修改任务变量 amount"));
    assertThat(classifier.classify("DELETE", "/engine-rest/process-instance/p1").action())
        .isEqualTo("process-instance.delete");
    assertThat(classifier.classify("POST", "/engine-rest/process-definition/key/work-order/start"))
        .isEqualTo(new Classification("engine-rest", "process-definition.start", "process-definition",
            "key:work-order", "发起流程"));
    assertThat(classifier.classify("PUT", "/engine-rest/group/g1/members/u1").action()).isEqualTo("group.members");
    assertThat(classifier.classify("POST", "/engine-rest/deployment/create").action()).isEqualTo("deployment.create");
    assertThat(classifier.classify("POST", "/engine-rest/message").action()).isEqualTo("message");
    assertThat(classifier.classify("POST", "/api/ledger/inventory").action()).isEqualTo("ledger.inventory");
    assertThat(classifier.classify("PUT", "/api/units/GAJ"))
        .isEqualTo(new Classification("api", "units.update", "units", "GAJ", "业务操作"));
    assertThat(classifier.classify("GET", "/api/reports/42/content").objectId()).isEqualTo("42");
    assertThat(classifier.classify("GET", "/api/ledger/export").action()).isEqualTo("ledger.export");
    assertThat(classifier.classify("POST", "/camunda/api/admin/auth/user/default/login/cockpit").action())
        .isEqualTo("login");
    for (String query : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/filter/f1/list",
        "/engine-rest/history/process-instance", "/engine-rest/process-instance",
        "/camunda/api/cockpit/plugin/base/default/process-instance")) {
      assertThat(classifier.classify("POST", query).recorded()).as(query).isFalse();
    }
    assertThat(classifier.classify("GET", "/engine-rest/task/t1").recorded()).isFalse();
    assertThat(classifier.classify("GET", "/api/reports/42").recorded()).isFalse();
    assertThat(classifier.classify("POST", "/engine-rest/history/cleanup").recorded()).isTrue();
  }
}
