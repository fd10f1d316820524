package cn.gov.gz.govcloud.benchmark;

/**
 * One line per measured figure in a form {@code benchmarks/run} collects into BENCHMARKS.md: the benchmark, our figure,
 * the ceiling measured in the same run, their ratio and the target it is held against.
 */
public final class BenchmarkReport {

  static final String PREFIX = "BENCHMARK-ROW";

  private BenchmarkReport() {}

  public static void row(String benchmark, String ours, String ceiling, String ratio, String target) {
    System.out.println(String.join(" | ", PREFIX, clean(benchmark), clean(ours), clean(ceiling), clean(ratio),
        clean(target)));
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? "—" : s.replace('|', '/').replace('\n', ' ');
  }
}
