package cn.gov.gz.govcloud.compliance;

/** How a clause is met: by the software, by a record people keep, not here (with the reason), or a heading only. */
public enum ClauseKind {

  SOFTWARE("software", "系统实现"),
  ORGANISATIONAL("organisational", "管理措施"),
  OUT_OF_SCOPE("out-of-scope", "不适用"),
  HEADING("heading", "标题");

  private final String id;
  private final String label;

  ClauseKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** As written in the catalogue. */
  public String id() {
    return id;
  }

  /** In Chinese, for the matrix. */
  public String label() {
    return label;
  }

  static ClauseKind of(String id) {
    for (ClauseKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kind " + id + " (software, organisational, out-of-scope, heading)");
  }
}
