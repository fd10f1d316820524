package cn.gov.gz.govcloud.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.organization.Unit;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The ledger over REST: data connection, reconciliation with planted differences, export. */
class LedgerApiTest extends WebTest {

  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  LedgerService ledger;

  @Autowired
  OrganizationService organization;

  @Autowired
  ObjectMapper json;

  @Autowired
  NotificationService notifications;

  String unit() {
    String code = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    organization.registerUnits(List.of(new Unit(code, "台账测试单位" + code, null, null, null)), ADMIN, false);
    organization.registerSystems(List.of(new BusinessSystem(code + "-SYS", "测试系统", code,
        BusinessSystem.Importance.GENERAL, 3)), ADMIN, false);
    return code;
  }

  static Map<String, Object> row(String id, String unit, int vcpu, String location, String power) {
    return Map.of("resourceId", id, "unitCode", unit, "type", "VM", "vcpu", vcpu, "memoryGb", 16,
        "location", location, "ip", "10.9.8.7", "powerState", power, "cpuUtil", 30, "memUtil", 40);
  }

  @Clause("P6 7.2.2.4")
  @Clause("P3 5.1.2.2")
  @Clause("P3 5.1.2.4")
  @Clause("P3 附录 A.1 第 3、8 项")
  @Clause("GB 8.2.9 e")
  @Clause("P6 7.2.1.5")
  @Clause("GB 8.2.3 a 3")
  @Test
  void anInventoryWithPlantedDifferencesYieldsExactlyThoseDiscrepancies() throws Exception {
    String unit = unit();
    String same = unit + "-same";
    String spec = unit + "-spec";
    String gone = unit + "-gone";
    String stray = unit + "-stray";
    String off = unit + "-off";
    // a member of the unit, to be told about the differences the unit must answer (P3 5.1.2.4)
    String member = unit.toLowerCase() + "user";
    var identity = processEngine.getIdentityService();
    var user = identity.newUser(member);
    user.setEmail(member + "@example.org");
    identity.saveUser(user);
    identity.createMembership(member, Groups.unitGroup(unit));
    ledger.add(List.of(
        new LedgerEntry(same, unit, unit + "-SYS", null, null, ResourceType.VM, 8, 16, null, "麒麟", null, null,
            "A01", "10.9.8.7"),
        new LedgerEntry(spec, unit, unit + "-SYS", null, null, ResourceType.VM, 8, 16, null, "麒麟", null, null,
            "A01", "10.9.8.7"),
        new LedgerEntry(gone, unit, unit + "-SYS", null, null, ResourceType.VM, 8, 16, null, "麒麟", null, null,
            "A01", "10.9.8.7"),
        new LedgerEntry(off, unit, unit + "-SYS", null, null, ResourceType.VM, 8, 16, null, "麒麟", null, null,
            "A01", "10.9.8.7")), "test");

    ResponseEntity<String> run = post("operator1", "/api/ledger/inventory", List.of(
        row(same, unit, 8, "A01", "RUNNING"),
        row(spec, unit, 16, "B07", "RUNNING"),
        row(stray, unit, 4, "A02", "RUNNING"),
        row(off, unit, 8, "A01", "STOPPED")));
    assertThat(run.getStatusCode()).as(run.getBody()).isEqualTo(HttpStatus.OK);
    long runId = json.readTree(run.getBody()).get("runId").asLong();

    JsonNode found = json.readTree(get("operator1", "/api/ledger/discrepancies?runId=" + runId + "&limit=10000")
        .getBody());
    Set<String> ours = new HashSet<>();
    for (JsonNode d : found) {
      if (unit.equals(d.path("unitCode").asText())) {
        ours.add(d.get("kind").asText() + " " + d.get("resourceId").asText() + " " + (d.path("field").isNull() ? "" : d.path("field").asText()));
      }
    }
    assertThat(ours).containsExactlyInAnyOrder(
        "SPEC_MISMATCH " + spec + " vcpu",
        "LOCATION_MISMATCH " + spec + " location",
        "NOT_IN_LEDGER " + stray + " ",
        "NOT_RUNNING " + gone + " ");
    JsonNode offNow = json.readTree(get("operator1", "/api/ledger?unitCode=" + unit + "&state=POWERED_OFF").getBody());
    assertThat(offNow.findValuesAsText("resourceId")).containsExactly(off);

    assertThat(notifications.search(member, null, null, 20)).extracting(n -> n.subject())
        .contains("【台账核对】请确认 1 项差异"); // the stray resource: running but not in the ledger
    JsonNode unitView = json.readTree(get("jtj1", "/api/ledger/discrepancies?runId=" + runId).getBody());
    assertThat(unitView.findValuesAsText("unitCode")).doesNotContain(unit);
  }

  /** A process owner's own model reconciles with the delegate the element template offers (ledger.json). */
  @Clause("P3 5.1.2.4")
  @Test
  void aModelledLedgerCheckLeavesTheRunAndTheCountForTheModel() {
    String unit = unit();
    post("operator1", "/api/ledger/inventory", List.of(row(unit + "-x", unit, 4, "A02", "RUNNING")));
    processEngine.getRepositoryService().createDeployment().name("special-ledger-check.bpmn")
        .enableDuplicateFiltering(true).addClasspathResource("fixtures/special-ledger-check.bpmn").deploy();

    String id = processEngine.getRuntimeService().startProcessInstanceByKey("special-ledger-check").getId();

    var history = processEngine.getHistoryService();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("EndEvent_Checked")
        .count()).isEqualTo(1);
    var count = history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("discrepancyCount")
        .singleResult();
    assertThat((Long) count.getValue()).isGreaterThanOrEqualTo(1); // at least the stray resource of this unit
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("reconciliationRunId").count()).isEqualTo(1);
  }

  @Clause("P6 7.2.1.4")
  @Test
  void badRowsAreNamedAndNothingIsImported() throws Exception {
    String unit = unit();
    ResponseEntity<String> bad = post("operator1", "/api/ledger/inventory", List.of(
        row(unit + "-1", unit, 8, "A01", "RUNNING"),
        Map.of("resourceId", unit + "-2", "type", "VM", "powerState", "MAYBE"),
        Map.of("resourceId", unit + "-1", "type", "TOASTER", "powerState", "RUNNING", "ip", "999.1.1.1",
            "cpuUtil", 120)));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(bad.getBody()).get("errors");
    Set<String> named = new HashSet<>();
    errors.forEach(e -> named.add(e.get("row").asInt() + ":" + e.get("field").asText()));
    assertThat(named).contains("1:powerState", "2:resourceId", "2:type", "2:ip", "2:cpuUtil");
    assertThat(post("jtj1", "/api/ledger/inventory", List.of(row(unit + "-9", unit, 1, "A", "RUNNING")))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Clause("P6 7.2.1.3")
  @Test
  void aCsvSnapshotIsImportedToo() throws Exception {
    String unit = unit();
    String csv = "resourceId,unitCode,type,vcpu,memoryGb,diskTb,brand,model,location,ip,powerState,cpuUtil,memUtil\n"
        + unit + "-csv1," + unit + ",VM,4,8,,,,A03,10.1.1.1,RUNNING,12.5,20\n"
        + unit + "-csv2," + unit + ",STORAGE,,,2.5,,,B01,,RUNNING,,\n";
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "inventory.csv";
      }
    });
    var headers = basicAuth("operator1");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> run = rest.exchange("/api/ledger/inventory", HttpMethod.POST,
        new HttpEntity<>(parts, headers), String.class);
    assertThat(run.getStatusCode()).as(run.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(run.getBody()).get("reportedResources").asInt()).isEqualTo(2);
    assertThat(json.readTree(run.getBody()).get("counts").get("NOT_IN_LEDGER").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Clause("P3 5.1.2.3")
  @Clause("P3 附录 D.1 第 16 项")
  @Test
  void theLedgerIsExportedAsAWorkbookWithTheUnitsOwnRowsOnly() throws Exception {
    String unit = unit();
    ledger.add(List.of(new LedgerEntry(unit + "-x1", unit, unit + "-SYS", null, null, ResourceType.STORAGE, null,
        null, new BigDecimal("2.5"), null, "华为", "OceanStor", "C02", null)), "test");
    var response = rest.exchange("/api/ledger/export?unitCode=" + unit, HttpMethod.GET,
        new HttpEntity<>(basicAuth("desk1")), byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("资源台账");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as("title row").isEqualTo("政务云资源台账（共 1 项）");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).as("scope, issuer and time")
          .contains("台账测试单位" + unit, "编制单位", "北京时间");
      var header = sheet.getRow(3);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("资源编号");
      assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).as("bold header").isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).as("header stays in view").isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
      var row = sheet.getRow(4);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(unit + "-x1");
      assertThat(row.getCell(1).getStringCellValue()).as("the unit's name, not its code").isEqualTo("台账测试单位" + unit);
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("测试系统");
      assertThat(row.getCell(5).getStringCellValue()).isEqualTo("存储");
      assertThat(row.getCell(8).getNumericCellValue()).as("a number, not text").isEqualTo(2.5);
      assertThat(row.getCell(14).getStringCellValue()).isEqualTo("在用");
      assertThat(sheet.getColumnWidth(1)).as("wide enough for the unit's name")
          .isGreaterThanOrEqualTo(("台账测试单位" + unit).length() * 256);
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("合计（1 项）");
      assertThat(sheet.getRow(5).getCell(8).getCellFormula()).isEqualTo("SUM(I5:I5)");
      assertThat(sheet.getRow(5).getCell(8).getNumericCellValue()).isEqualTo(2.5);
      assertThat(sheet.getLastRowNum()).isEqualTo(5);
    }
    assertThat(get("jtj1", "/api/ledger?unitCode=" + unit).getBody()).isEqualTo("[]");
  }
}
