package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The price list and the settlement bill (JSON and .xlsx) over REST, with unit isolation. */
class SettlementApiTest extends OptimizationFixture {

  @Clause("P6 5.1.2 b")
  @Clause("P3 5.4.3.1")
  @Clause("P3 附录 D.1 第 17 项")
  @Test
  void priceListSettlementAndUnitIsolationOverRest() throws Exception {
    var bad = post("mgmt1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU", "price", -1,
        "per", "MONTH"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"field\":\"price\"", "\"field\":\"validFrom\"");
    assertThat(post("jtj1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU", "price", 1,
        "per", "MONTH", "validFrom", "2040-01-01")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var overlap = post("mgmt1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU",
        "price", 55, "per", "MONTH", "validFrom", "2019-06-01", "validTo", "2020-06-30"));
    assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(overlap.getBody()).contains("\"field\":\"validFrom\"");

    assertThat(get("mgmt1", "/api/optimization/settlement?from=2031-02-01").getBody()).contains("\"field\":\"to\"");
    assertThat(get("jtj1", "/api/optimization/settlement?from=2031-02-01&to=2031-02-28&unitCode=WJW")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String unit = newUnit();
    clock("2034-01-01T00:00:00");
    vm(unit + "-BILL", unit, 2, 4, "1");
    clock("2034-03-05T09:00:00");
    var bill = json.readTree(get("mgmt1", "/api/optimization/settlement?from=2034-02-01&to=2034-02-28&unitCode="
        + unit).getBody());
    // February: a full month of 2 vCPU × 60 + 4 GB × 20 + 1 TB × 300
    assertThat(bill.get("total").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(json.readTree(get("jtj1", "/api/optimization/settlement?from=2034-02-01&to=2034-02-28").getBody())
        .get("groups")).allMatch(g -> "JTJ".equals(g.get("unitCode").asText()));

    var headers = basicAuth("mgmt1");
    var xlsx = rest.exchange("/api/optimization/settlement/export?from=2034-02-01&to=2034-02-28&unitCode=" + unit,
        HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var summary = book.getSheet("结算汇总");
      assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("政务云资源结算单（汇总）");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue())
          .contains("结算周期：2034-02-01 至 2034-02-28", "优化测试单位" + unit, "编制单位", "北京时间");
      assertThat(summary.getRow(3).getCell(7).getStringCellValue()).isEqualTo("费用（元）");
      assertThat(summary.getRow(4).getCell(0).getStringCellValue()).as("the unit's name").isEqualTo("优化测试单位" + unit);
      assertThat(summary.getRow(4).getCell(7).getNumericCellValue()).isEqualTo(500.0);
      assertThat(summary.getRow(4).getCell(7).getCellStyle().getDataFormatString()).as("元, two decimals")
          .isEqualTo("#,##0.00");
      assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(summary.getRow(5).getCell(7).getCellFormula()).isEqualTo("SUM(H5:H5)");
      assertThat(summary.getRow(5).getCell(7).getNumericCellValue()).as("and its result stored").isEqualTo(500.0);
      assertThat(summary.getPrintSetup().getLandscape()).isTrue();
      assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
      var detail = book.getSheet("资源明细");
      assertThat(detail.getRow(4).getCell(0).getStringCellValue()).isEqualTo(unit + "-BILL");
      assertThat(detail.getRow(4).getCell(3).getStringCellValue()).isEqualTo("云主机");
      assertThat(detail.getRow(4).getCell(7).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.parse("2034-02-01"));
      assertThat(detail.getRow(4).getCell(10).getNumericCellValue()).isEqualTo(500.0);
    }
  }
}
