package cn.gov.gz.govcloud.engine;

/**
 * Adds a line to a running case's timeline from outside the room that owns the case (issue 27: an external alert that
 * recovered is recorded on its emergency or work order, which the people handling it then judge). A feature implements
 * it for the processes it owns (a Spring bean), as it does {@link CaseView}; the caller finds the case through the
 * engine (process key and case number) and never touches the feature's tables. A note changes nothing else: it never
 * closes or advances a case.
 */
public interface CaseNotes {

  /** True for the process definition keys whose cases this bean keeps. */
  boolean handles(String processDefinitionKey);

  /**
   * Records {@code text} on the case numbered {@code caseNo} as an external alert's news (kind {@code ALERT}).
   *
   * @return false when no such case exists
   */
  boolean alertNote(String caseNo, String author, String text);
}
