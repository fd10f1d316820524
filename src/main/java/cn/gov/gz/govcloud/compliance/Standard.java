package cn.gov.gz.govcloud.compliance;

import java.util.List;

/**
 * The four standards of the catalogue (DOMAIN.md: "P3", "P6", "P5", "GB"), with the chapters the compliance matrix
 * covers clause by clause. A clause outside these chapters is in the catalogue only because the project cites it.
 */
enum Standard {

  P6("P6", "DB4401/T 294 第6部分", "数字政府统一基础运维规范 第6部分：政务云运营实施要求（征求意见稿）", List.of("7")),
  P3("P3", "DB4401/T 294.3—2024", "数字政府统一基础运维规范 第3部分：政务云服务要求",
      List.of("5", "6", "7", "A", "B", "C", "D")),
  P5("P5", "T/DGAG 038—2025", "数字政府统一基础运维规范 第5部分：信息基础设施服务实施", List.of("7")),
  GB("GB", "GB/T 34077.3—2021", "基于云计算的电子政务公共平台管理规范 第3部分：运行保障管理", List.of("5", "8"));

  private final String code;
  private final String number;
  private final String title;
  private final List<String> chapters;

  Standard(String code, String number, String title, List<String> chapters) {
    this.code = code;
    this.number = number;
    this.title = title;
    this.chapters = chapters;
  }

  /** The short code used in the catalogue and in citations: P6, P3, P5, GB. */
  public String code() {
    return code;
  }

  /** The document number, e.g. {@code GB/T 34077.3—2021}. */
  public String number() {
    return number;
  }

  public String title() {
    return title;
  }

  /** The chapters and appendices whose every clause the catalogue lists (the scope). */
  public List<String> chapters() {
    return chapters;
  }

  public static Standard ofCode(String code) {
    for (Standard s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown standard " + code);
  }
}
