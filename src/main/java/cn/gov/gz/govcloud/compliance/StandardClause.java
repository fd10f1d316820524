package cn.gov.gz.govcloud.compliance;

/**
 * One numbered clause of the catalogue ({@code compliance/clauses.tsv}). Numbers are written as in the standard
 * ({@code 7.4.2.3.2}, an appendix {@code C} or its table {@code C.1}); a row of an appendix table is the table and
 * its printed number ({@code C.1#19}).
 *
 * @param covers for an organisational clause the record that proves it; for an out-of-scope clause the reason
 */
record StandardClause(Standard standard, String number, String title, ClauseKind kind, String covers) {

  /** {@code P6 7.4.2.3.2}, {@code P3 C.1#19}: how links and known gaps name the clause. */
  public String key() {
    return key(standard, number);
  }

  public static String key(Standard standard, String number) {
    return standard.code() + " " + number;
  }

  /** The number as a reader expects it: {@code 7.4.2.3.2}, {@code 附录 C}, {@code 附录 C.1 第 19 项}. */
  public String label() {
    if (!isAppendix()) {
      return number;
    }
    int hash = number.indexOf('#');
    return hash < 0 ? "附录 " + number
        : "附录 " + number.substring(0, hash) + " 第 " + number.substring(hash + 1) + " 项";
  }

  public boolean isAppendix() {
    return Character.isLetter(number.charAt(0));
  }

  /** The chapter or appendix: {@code 7}, {@code C}. */
  public String chapter() {
    return number.split("[.#]")[0];
  }

  /** The second level, by which the matrix counts coverage: {@code 7.4}, {@code C.1}; the chapter itself if none. */
  public String section() {
    String[] parts = number.split("#")[0].split("\\.");
    return parts.length < 2 ? parts[0] : parts[0] + "." + parts[1];
  }

  /** True for a clause of the chapters the catalogue lists completely ({@link Standard#chapters()}). */
  public boolean inListedScope() {
    return standard.chapters().contains(chapter());
  }

  /** A clause the matrix counts: everything but headings. */
  public boolean counted() {
    return kind != ClauseKind.HEADING;
  }
}
