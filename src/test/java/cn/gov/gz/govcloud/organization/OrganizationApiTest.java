package cn.gov.gz.govcloud.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrganizationApiTest extends WebTest {

  @Autowired
  ObjectMapper json;

  @Autowired
  JdbcClient jdbc;

  private static String code() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  @Test
  void managementRegistersAUnitAndItsGroupExists() throws Exception {
    String code = code();
    ResponseEntity<String> created = post("mgmt1", "/api/units",
        map("code", code, "name", "测试单位" + code, "contactName", "联系人", "contactPhone", "020-1234",
            "email", "t@example.org"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(processEngine.getIdentityService().createGroupQuery().groupId("unit-" + code).count()).isEqualTo(1);

    JsonNode unit = json.readTree(get("desk1", "/api/units/" + code).getBody());
    assertThat(unit.get("name").asText()).isEqualTo("测试单位" + code);
  }

  @Test
  void badFieldsAnswer400NamingTheFieldAndStoreNothing() throws Exception {
    String code = code();
    ResponseEntity<String> bad = post("mgmt1", "/api/units", map("code", code, "name", "", "email", "not-mail"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(bad.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).contains("name", "email");
    assertThat(get("mgmt1", "/api/units/" + code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> notJson = post("mgmt1", "/api/units", "{not json");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void bulkImportIsAllOrNothingWithPerRowErrors() throws Exception {
    String good = code();
    String dup = code();
    ResponseEntity<String> result = post("mgmt1", "/api/units/import", List.of(
        map("code", good, "name", "批量单位" + good),
        map("code", dup, "name", "批量单位" + dup),
        map("code", dup, "name", "重复编码" + dup),
        map("code", "bad code!", "name", "坏编码")));
    assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(result.getBody()).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("code");
    assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code IN (?, ?)").params(good, dup)
        .query(Long.class).single()).isZero();

    ResponseEntity<String> ok = post("mgmt1", "/api/units/import", List.of(
        map("code", good, "name", "批量单位" + good), map("code", dup, "name", "批量单位" + dup)));
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(ok.getBody()).get("imported").asInt()).isEqualTo(2);
  }

  @Clause("GB 5.3.6")
  @Test
  void businessSystemsAreValidatedAgainstUnitsAndLevels() throws Exception {
    String sys = code();
    ResponseEntity<String> bad = post("mgmt1", "/api/business-systems/import", List.of(
        map("code", sys, "name", "系统", "unitCode", "JTJ", "importance", "CORE", "serviceLevel", 1),
        map("code", code(), "name", "系统2", "unitCode", "NOPE", "importance", "GENERAL", "serviceLevel", 5)));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("serviceLevel", "unitCode");
    assertThat(get("mgmt1", "/api/business-systems/" + sys).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> badEnum = post("mgmt1", "/api/business-systems",
        map("code", sys, "name", "系统", "unitCode", "JTJ", "importance", "VERY", "serviceLevel", 1));
    assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> ok = post("mgmt1", "/api/business-systems",
        map("code", sys, "name", "系统", "unitCode", "JTJ", "importance", "CORE", "serviceLevel", 1));
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void unitUsersSeeOnlyTheirOwnUnitAndCannotWrite() throws Exception {
    JsonNode units = json.readTree(get("jtj1", "/api/units").getBody());
    assertThat(units.findValuesAsText("code")).containsExactly("JTJ");
    assertThat(get("jtj1", "/api/units/WJW").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode systems = json.readTree(get("jtj1", "/api/business-systems").getBody());
    assertThat(systems.findValuesAsText("unitCode")).isNotEmpty().containsOnly("JTJ");
    assertThat(get("jtj1", "/api/business-systems/WJW-HIS").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> write = post("jtj1", "/api/units", map("code", code(), "name", "越权"));
    assertThat(write.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void unknownIdsAnswer404() {
    assertThat(get("desk1", "/api/units/NO_SUCH_UNIT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(put("mgmt1", "/api/units/NO_SUCH_UNIT", map("name", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
