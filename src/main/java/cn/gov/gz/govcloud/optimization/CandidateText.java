package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.ledger.ResourceType;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** How a recommendation reads in the unit's confirmation and the operators' execution form. */
final class CandidateText {

  private CandidateText() {}

  static String itemsText(List<Candidate> items) {
    return items.stream().map(c -> "· " + c.resourceId() + "（" + ResourceType.valueOf(c.type()).label() + "）"
        + c.actionText() + "：" + c.ruleLabel() + "\n  " + c.evidence() + "\n  建议规格："
        + proposal(c) + "；预计每月节约 " + c.estimatedSaving() + " 元").collect(Collectors.joining("\n"));
  }

  /** The change this recommendation proposes: only what it targets (the resource's other figures stay). */
  static String proposal(Candidate c) {
    return switch (c.action()) {
      case "REVOKE" -> "释放资源";
      case "PLUGIN_ABNORMAL" -> "安装或修复监控插件，规格不变";
      default -> switch (c.target() == null ? "" : c.target()) {
        case "CPU_MEMORY" -> "vCPU " + c.vcpu() + "→" + c.proposedVcpu() + "，内存 " + c.memoryGb() + "→"
            + c.proposedMemoryGb() + " GB";
        case "CPU" -> "vCPU " + c.vcpu() + "→" + c.proposedVcpu();
        case "MEMORY" -> "内存 " + c.memoryGb() + "→" + c.proposedMemoryGb() + " GB";
        case "STORAGE" -> "存储 " + plain(c.diskTb()) + "→" + plain(c.proposedDiskTb()) + " TB";
        default -> "vCPU " + c.vcpu() + "→" + c.proposedVcpu() + "，内存 " + c.memoryGb() + "→" + c.proposedMemoryGb()
            + " GB，存储 " + plain(c.diskTb()) + "→" + plain(c.proposedDiskTb()) + " TB";
      };
    };
  }

  static String plain(BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }
}
