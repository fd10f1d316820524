package cn.gov.gz.govcloud.compliance;

/** How a clause is met: by the software, by a record people keep, not here (with the reason), or a heading only. */
enum ClauseKind {

  SOFTWARE("software"),
  ORGANISATIONAL("organisational"),
  OUT_OF_SCOPE("out-of-scope"),
  HEADING("heading");

  private final String id;

  ClauseKind(String id) {
    this.id = id;
  }

  /** As written in the catalogue. */
  public String id() {
    return id;
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
