package cn.gov.gz.govcloud.compliance;

/**
 * One place that cites a clause: a model element, a decision rule, a report section, a class, or a test.
 *
 * @param clauseKey the clause, {@code P6 7.4.2.3.2}
 * @param item the lettered item cited, {@code e) 4)}, or empty
 * @param source the file or class: {@code emergency-response.bpmn}, {@code EmergencyProcessTest}
 * @param element the element id, rule id, section or method: {@code Task_RespondEmergency}
 * @param type what the element is, in Chinese: {@code 用户任务}, {@code 决策规则}, {@code 报告章节}
 * @param label its name as people see it: {@code 响应应急事件}
 */
record ClauseLink(String clauseKey, String item, LinkKind kind, String source, String element, String type,
    String label) {

  /** Where a link comes from. */
  public enum LinkKind {
    BPMN("bpmn"),
    DMN("dmn"),
    REPORT("report"),
    CODE("code"),
    TEST("test");

    private final String id;

    LinkKind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static LinkKind of(String id) {
      for (LinkKind k : values()) {
        if (k.id.equals(id)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown link kind " + id);
    }
  }

  public boolean isTest() {
    return kind == LinkKind.TEST;
  }

  /** One line of {@code compliance/links.tsv}. */
  public String toTsv() {
    return String.join("\t", clauseKey, item, kind.id(), source, element, type, clean(label));
  }

  static ClauseLink ofTsv(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("links.tsv: 7 fields expected: " + line);
    }
    return new ClauseLink(f[0], f[1], LinkKind.of(f[2]), f[3], f[4], f[5], f[6]);
  }

  private static String clean(String s) {
    return s.replaceAll("[\\t\\r\\n]+", " ").strip();
  }
}
