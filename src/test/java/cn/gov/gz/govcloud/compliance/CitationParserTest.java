package cn.gov.gz.govcloud.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.compliance.CitationParser.Citation;
import cn.gov.gz.govcloud.compliance.CitationParser.Result;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every spelling of a citation the project uses reads as the same clauses. */
@Tag("unit")
class CitationParserTest {

  static List<String> keys(String text) {
    Result r = CitationParser.parse(text);
    assertThat(r.problems()).as(text).isEmpty();
    return r.citations().stream().map(c -> c.key() + (c.item().isEmpty() ? "" : " " + c.item())).toList();
  }

  @Test
  void aStandardByItsShortCodeItsNumberOrItsPartOfTheSeries() {
    assertThat(keys("P6 7.4.2.3.2 值班工程师认领")).containsExactly("P6 7.4.2.3.2");
    assertThat(keys("DB4401/T 294.3—2024 5.1.3.2 每季度至少开展 1 次全面巡检")).containsExactly("P3 5.1.3.2");
    assertThat(keys("DB4401/T 294.3-2024 5.1.3.2")).containsExactly("P3 5.1.3.2");
    assertThat(keys("DB4401/T 294.6 7.5.3 效能分析")).containsExactly("P6 7.5.3");
    assertThat(keys("（DB4401/T 294 第6部分 7.4.2.2）")).containsExactly("P6 7.4.2.2");
    assertThat(keys("GB/T 34077.3—2021 5.3.6 运行服务分级")).containsExactly("GB 5.3.6");
    assertThat(keys("（GB 5.3.3 c；P3 5.3.2.7）")).containsExactly("GB 5.3.3 c)", "P3 5.3.2.7");
    assertThat(keys("T/DGAG 038—2025 7.4.2.1")).containsExactly("P5 7.4.2.1");
  }

  @Test
  void laterNumbersBelongToTheStandardLastNamed() {
    assertThat(keys("（DB4401/T 294 第6部分 7.4.2.3；第3部分 5.3.2.4–5.3.2.8；GB/T 34077.3 5.3.7 c）")).containsExactly(
        "P6 7.4.2.3", "P3 5.3.2.4", "P3 5.3.2.5", "P3 5.3.2.6", "P3 5.3.2.7", "P3 5.3.2.8", "GB 5.3.7 c)");
    assertThat(keys("P6 7.2.3.1 政务云资源巡检、7.2.3.2 政务云机房巡检；DB4401/T 294.3—2024 5.1.3 与附录 A。"))
        .containsExactly("P6 7.2.3.1", "P6 7.2.3.2", "P3 5.1.3", "P3 A");
    assertThat(keys("按 govcloud.inspection.schedule（默认 1、4、7、10 月 1 日 09:00）P3 5.1.3.2")).containsExactly(
        "P3 5.1.3.2");
  }

  @Test
  void severalClausesSlashesAndRanges() {
    assertThat(keys("DB4401/T 294.3 5.3.2.7/5.3.2.8 恢复前")).containsExactly("P3 5.3.2.7", "P3 5.3.2.8");
    assertThat(keys("P3 5.3.2.7/8")).containsExactly("P3 5.3.2.7", "P3 5.3.2.8");
    assertThat(keys("P6 7.4.2.3.3–5")).containsExactly("P6 7.4.2.3.3", "P6 7.4.2.3.4", "P6 7.4.2.3.5");
    assertThat(keys("P6 7.2.3.1.4–7.2.3.1.5、7.2.3.2.5–7.2.3.2.6 记录")).containsExactly("P6 7.2.3.1.4",
        "P6 7.2.3.1.5", "P6 7.2.3.2.5", "P6 7.2.3.2.6");
  }

  @Test
  void letteredItemsBelongToTheirClause() {
    assertThat(keys("GB/T 34077.3 5.3.2 e 4 升级机制")).containsExactly("GB 5.3.2 e) 4)");
    assertThat(keys("GB/T 34077.3 5.3.2 e) 4)")).containsExactly("GB 5.3.2 e) 4)");
    assertThat(keys("投诉 15 分钟内分派（GB/T 34077.3 5.3.2 e 2、4）")).containsExactly("GB 5.3.2 e) 2)",
        "GB 5.3.2 e) 4)");
    assertThat(keys("（GB 5.3.2 e 2–4）")).containsExactly("GB 5.3.2 e) 2)", "GB 5.3.2 e) 3)", "GB 5.3.2 e) 4)");
    assertThat(keys("GB/T 34077.3 5.1 b、5.3.2、5.3.3、5.3.6")).containsExactly("GB 5.1 b)", "GB 5.3.2", "GB 5.3.3",
        "GB 5.3.6");
    assertThat(keys("GB/T 34077.3 8.2.7 b、8.2.8 b 5 每日检查")).containsExactly("GB 8.2.7 b)", "GB 8.2.8 b) 5)");
    assertThat(keys("计费规则 P6 5.1.2 b)。")).containsExactly("P6 5.1.2 b)");
    assertThat(keys("GB/T 34077.3 5.3.3 c），投诉 15 分钟内分派（5.3.2 e 2、4）")).containsExactly("GB 5.3.3 c)",
        "GB 5.3.2 e) 2)", "GB 5.3.2 e) 4)");
  }

  @Test
  void appendicesTheirTablesAndItems() {
    assertThat(keys("DB4401/T 294.3—2024 附录 A.1 第 3、8 项：核对订单")).containsExactly("P3 A.1#3", "P3 A.1#8");
    assertThat(keys("P3 附录 C.1 第 1–4 项")).containsExactly("P3 C.1#1", "P3 C.1#2", "P3 C.1#3", "P3 C.1#4");
    assertThat(keys("P3 表 D.1 第 13 项")).containsExactly("P3 D.1#13");
    assertThat(keys("P3 D.1#13")).containsExactly("P3 D.1#13");
    assertThat(keys("P3 附录 C")).containsExactly("P3 C");
    assertThat(keys("DB4401/T 294.3 巡检清单（附录 A.1 或 A.2）")).containsExactly("P3 A.1", "P3 A.2");
  }

  @Test
  void whatCannotBeResolvedIsAProblem() {
    assertThat(CitationParser.parse("附录 C 其他：监控插件未安装").problems()).singleElement().asString()
        .contains("没有写明标准");
    assertThat(CitationParser.parse("按 5.3.2.7 响应").problems()).singleElement().asString().contains("没有写明标准");
    assertThat(CitationParser.parse("DB4401/T 294 7.2.2").problems()).singleElement().asString().contains("第几部分");
    assertThat(CitationParser.parse("P6 7.4.2.3.5–7.4.2.3.2").problems()).singleElement().asString()
        .contains("从小到大");
  }

  @Test
  void otherStandardsAndOrdinaryNumbersAreNotTakenForOurs() {
    assertThat(keys("符合 GB/T 22239—2019 第三级；GB/T 28827.2—2012 7")).isEmpty();
    assertThat(keys("DB4401/T 294.1—2024 9.1.3")).isEmpty();
    assertThat(keys("可用性 99.95%，内存 512 GB，CPU 8%–90%，7×24，1–5 分")).isEmpty();
    Citation c = CitationParser.parse("见 P3 5.3.2.7").citations().get(0);
    assertThat(c.standard()).isEqualTo(Standard.P3);
    assertThat(c.text()).isEqualTo("5.3.2.7");
  }
}
