package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the statistics report ({@link StatisticsReport}) and the efficiency report ({@link EfficiencyReport}) count
 * the same way: allocation, use and cost of a group of resources, and the formats of their cells.
 */
final class ReportFigures {

  static final int TABLE_ROWS = 100;

  private ReportFigures() {}

  /** Allocation, use (allocation × average utilisation) and cost of a group of resources. */
  static final class Agg {
    int resources;
    long vcpu;
    double usedVcpu;
    long vcpuMeasured;
    long memory;
    double usedMemory;
    long memoryMeasured;
    double disk;
    double usedDisk;
    double diskMeasured;
    BigDecimal cost = BigDecimal.ZERO;
    int idle;
    BigDecimal idleCost = BigDecimal.ZERO;

    void add(Usage u) {
      resources++;
      int v = u.vcpu() == null ? 0 : u.vcpu();
      int m = u.memoryGb() == null ? 0 : u.memoryGb();
      double d = u.diskTb() == null ? 0 : u.diskTb().doubleValue();
      vcpu += v;
      memory += m;
      disk += d;
      if (u.cpuAvg() != null) {
        usedVcpu += v * u.cpuAvg().doubleValue() / 100;
        vcpuMeasured += v;
      }
      if (u.memoryAvg() != null) {
        usedMemory += m * u.memoryAvg().doubleValue() / 100;
        memoryMeasured += m;
      }
      if (u.storageAvg() != null) {
        usedDisk += d * u.storageAvg().doubleValue() / 100;
        diskMeasured += d;
      }
      cost = cost.add(u.cost());
      if ("SCALE_DOWN".equals(u.action()) || "REVOKE".equals(u.action())) {
        idle++;
        idleCost = idleCost.add(u.cost());
      }
    }

    Double cpu() {
      return vcpuMeasured == 0 ? null : 100 * usedVcpu / vcpuMeasured;
    }

    Double mem() {
      return memoryMeasured == 0 ? null : 100 * usedMemory / memoryMeasured;
    }

    Double sto() {
      return diskMeasured == 0 ? null : 100 * usedDisk / diskMeasured;
    }
  }

  static String pct(Double v) {
    return v == null ? "—" : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String num(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static <K> Map<K, Agg> group(List<Usage> usage, Function<Usage, K> key) {
    Map<K, Agg> m = new TreeMap<>();
    for (Usage u : usage) {
      m.computeIfAbsent(key.apply(u), k -> new Agg()).add(u);
    }
    return m;
  }

  /** Renders a review's report at its next version and files it, titled and named alike. */
  static ReportDocument archive(ReportArchive archive, String kind, Review r, String title, String processInstanceId,
      String by, java.util.function.IntFunction<byte[]> render) {
    int version = archive.nextVersion(kind, r.reviewNo());
    return archive.archive(kind, r.reviewNo(), title, processInstanceId, null, title.replace(' ', '-') + ".docx",
        ReportArchive.DOCX, render.apply(version), by);
  }

  static Map<String, Object> header(Review r, String title, int version) {
    Map<String, Object> data = new HashMap<>();
    data.put("title", title);
    data.put("period", r.periodFrom() + " 至 " + r.periodTo());
    data.put("reviewNo", r.reviewNo());
    data.put("version", String.valueOf(version));
    data.put("status", "随资源优化评审提交管理方审核");
    return data;
  }

  static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value);
  }

  static String followUpText(FollowUp f) {
    return "上期评审 " + f.reviewNo() + "（" + f.periodFrom() + " 至 " + f.periodTo() + "）：提出优化建议 " + f.candidates()
        + " 项，管理方接受 " + f.accepted() + " 项、拒绝 " + f.rejected() + " 项；已执行 " + f.executed() + " 项，因单位异议撤回 "
        + f.withdrawn() + " 项。接受建议预计每月节约 " + f.estimatedSaving() + " 元，已执行部分实际每月节约 "
        + f.realisedSaving() + " 元（按执行后规格与现行价目计算）。";
  }

  /**
   * The estimated monthly saving of recommendations without counting a resource twice: a revocation saves the
   * resource's whole monthly cost and supersedes the resource's other recommendations; otherwise the recommendations
   * of one resource add up, each priced on its own target (vCPU and memory, storage) only.
   */
  static BigDecimal saving(List<Candidate> candidates) {
    Set<String> revoked = candidates.stream().filter(c -> "REVOKE".equals(c.action())).map(Candidate::resourceId)
        .collect(Collectors.toSet());
    return candidates.stream().filter(c -> "REVOKE".equals(c.action()) || !revoked.contains(c.resourceId()))
        .map(Candidate::estimatedSaving).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The spec after execution, as far as this recommendation changed it. */
  static String spec(Candidate c) {
    if ("REVOKE".equals(c.action())) {
      return "已释放";
    }
    List<String> parts = new ArrayList<>();
    if (c.executedVcpu() != null) {
      parts.add("vCPU " + c.executedVcpu());
    }
    if (c.executedMemoryGb() != null) {
      parts.add("内存 " + c.executedMemoryGb() + " GB");
    }
    if (c.executedDiskTb() != null) {
      parts.add("存储 " + c.executedDiskTb().stripTrailingZeros().toPlainString() + " TB");
    }
    return parts.isEmpty() ? (c.executionNote() == null ? "规格不变" : c.executionNote()) : String.join("，", parts);
  }

  static int bucket(BigDecimal v) {
    if (v == null) {
      return 5;
    }
    double d = v.doubleValue();
    return d < 8 ? 0 : d < 30 ? 1 : d < 60 ? 2 : d <= 90 ? 3 : 4;
  }

  static double round(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
