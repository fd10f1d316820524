package cn.gov.gz.govcloud.audit;

/** Lets the benchmark in another package write rows the way the filter does. Test code only. */
public final class AuditBenchmarkAccess {

  public static final String INSERT = AuditLog.INSERT;

  private AuditBenchmarkAccess() {}

  public static Object[] insertParams(AuditEvent e) {
    return AuditLog.insertParams(e);
  }
}
