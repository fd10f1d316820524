package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.optimization.AppendixCRules.Classification;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Figures;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision appendix-c-candidates (DB4401/T 294.3 Appendix C): every rule row hit, each boundary on both sides,
 * including the storage tiers at exactly 1 TB and exactly 10 TB and the 15-consecutive-days power-off rule, and the
 * COLLECT hit policy: a resource matching several rows gets every recommendation (an idle VM with idle disk-array
 * space two scale-downs), except where the rows exclude each other (plugin problems, revocation). Evaluated both the
 * way a review does (parsed once, in memory) and through the engine's DecisionService, with the same answers.
 */
class OptimizationDecisionTest extends WebTest {

  @Autowired
  AppendixCRules rules;

  static BigDecimal d(String s) {
    return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
  }

  @Clause("P3 附录 C.1 第 1–9 项")
  @Clause("P3 附录 C.1 第 19 项")
  @Clause("P3 5.4.4.1")
  @ParameterizedTest(name = "{9}")
  @CsvSource(nullValues = "-", value = {
      // type, days, monitored, offRun, cpu, mem, diskTb, storage, expected action/target (+ more), case
      "VM,       30, 0,  0,  -,     -,     -,      -,     PLUGIN_ABNORMAL/PLUGIN, plugin not installed (no data at all)",
      "VM,       30, 27, 0,  50,    50,    -,      -,     PLUGIN_ABNORMAL/PLUGIN, plugin abnormal: 3 days missing",
      "VM,       30, 28, 0,  50,    50,    -,      -,     KEEP/NONE,              2 days missing is tolerated",
      "VM,       30, 30, 15, 0,     0,     -,      -,     REVOKE/ALL,             powered off 15 consecutive days",
      "PHYSICAL, 30, 30, 14, 50,    50,    -,      -,     KEEP/NONE,              powered off 14 consecutive days only",
      "STORAGE,  30, 30, 20, -,     -,     2,      50,    REVOKE/ALL,             any type powered off 20 days",
      "VM,       30, 30, 0,  90.01, 50,    -,      -,     SCALE_UP/CPU,           CPU above 90 % sustained",
      "VM,       30, 30, 0,  90,    50,    -,      -,     KEEP/NONE,              CPU exactly 90 % is not above",
      "PHYSICAL, 30, 30, 0,  50,    95,    -,      -,     SCALE_UP/MEMORY,        memory above 90 % sustained",
      "STORAGE,  30, 30, 0,  -,     -,     5,      92,    SCALE_UP/STORAGE,       storage above 90 % sustained",
      "VM,       30, 30, 0,  7.99,  9.99,  -,      -,     SCALE_DOWN/CPU_MEMORY,  idle VM: vCPU < 8 % and memory < 10 %",
      "VM,       30, 30, 0,  8,     5,     -,      -,     KEEP/NONE,              VM CPU exactly 8 % is not idle",
      "VM,       30, 30, 0,  5,     10,    -,      -,     KEEP/NONE,              VM memory exactly 10 % is not idle",
      "DATABASE, 30, 30, 0,  1,     1,     -,      -,     KEEP/NONE,              the VM rule is for VMs only",
      "PHYSICAL, 30, 30, 0,  4.99,  9.99,  -,      -,     REVOKE/ALL,             idle physical: CPU < 5 % and memory < 10 %",
      "PHYSICAL, 30, 30, 0,  5,     5,     -,      -,     KEEP/NONE,              physical CPU exactly 5 % is not idle",
      "VM,       30, 30, 0,  50,    50,    0.5,    19.99, SCALE_DOWN/STORAGE,     < 1 TB and < 20 %",
      "VM,       30, 30, 0,  50,    50,    0.999,  20,    KEEP/NONE,              < 1 TB at exactly 20 %",
      "PHYSICAL, 30, 30, 0,  50,    50,    1,      25,    SCALE_DOWN/STORAGE,     exactly 1 TB is the 1-10 TB tier (< 30 %)",
      "STORAGE,  30, 30, 0,  -,     -,     1,      30,    KEEP/NONE,              exactly 1 TB at exactly 30 %",
      "STORAGE,  30, 30, 0,  -,     -,     10,     29.99, SCALE_DOWN/STORAGE,     exactly 10 TB is the 1-10 TB tier (< 30 %)",
      "STORAGE,  30, 30, 0,  -,     -,     10,     35,    KEEP/NONE,              exactly 10 TB at 35 % (the > 10 TB tier would flag it)",
      "STORAGE,  30, 30, 0,  -,     -,     10.001, 39.99, SCALE_DOWN/STORAGE,     > 10 TB and < 40 %",
      "VM,       30, 30, 0,  50,    50,    12,     40,    KEEP/NONE,              > 10 TB at exactly 40 %",
      "DATABASE, 30, 30, 0,  50,    50,    0.5,    5,     KEEP/NONE,              the disk-array rule is for VM, physical and storage",
      "VM,       30, 30, 0,  45,    60,    2,      70,    KEEP/NONE,              a well used VM is kept",
      // several rows of one resource: every one is a recommendation of its own
      "VM,       30, 30, 0,  3,  5,  0.5, 10,    SCALE_DOWN/CPU_MEMORY+SCALE_DOWN/STORAGE, idle VM, idle array",
      "VM,       30, 30, 0,  3,  5,  12,  39.99, SCALE_DOWN/CPU_MEMORY+SCALE_DOWN/STORAGE, idle VM, idle > 10 TB",
      "VM,       30, 30, 0,  95, 50, 2,   10,    SCALE_UP/CPU+SCALE_DOWN/STORAGE,          busy CPU, idle storage",
      "VM,       30, 30, 0,  95, 95, 2,   95,    SCALE_UP/CPU+SCALE_UP/MEMORY+SCALE_UP/STORAGE, all saturated",
      "VM,       30, 30, 0,  3,  5,  2,   95,    SCALE_UP/STORAGE+SCALE_DOWN/CPU_MEMORY,   idle VM, full disk",
      "PHYSICAL, 30, 30, 0,  30, 40, 0.5, 10,    SCALE_DOWN/STORAGE, busy server (CPU >= 5 %), idle array",
      "PHYSICAL, 30, 30, 0,  3,  40, 5,   10,    SCALE_DOWN/STORAGE, CPU < 5 % but memory >= 10 %, idle array",
      "PHYSICAL, 30, 30, 0,  5,  5,  20,  10,    SCALE_DOWN/STORAGE, CPU exactly 5 % is not idle, idle array",
      "PHYSICAL, 30, 30, 0,  -,  40, 0.5, 10,    SCALE_DOWN/STORAGE, CPU not measured: not idle, idle array",
      "PHYSICAL, 30, 30, 0,  3,  -,  0.5, 10,    SCALE_DOWN/STORAGE, memory not measured: not idle, idle array",
      "PHYSICAL, 30, 30, 0,  30, 40, 2,   95,    SCALE_UP/STORAGE,   busy server, full array",
      "PHYSICAL, 30, 30, 0,  3,  40, 2,   95,    SCALE_UP/STORAGE,   CPU < 5 % but memory >= 10 %, full array",
      "PHYSICAL, 30, 30, 0,  95, 95, 2,   10,    SCALE_UP/CPU+SCALE_UP/MEMORY+SCALE_DOWN/STORAGE, busy, idle array",
      // rows that exclude the others
      "PHYSICAL, 30, 30, 0,  3,  5,  0.5, 10,    REVOKE/ALL, revoking an idle server supersedes its array",
      "PHYSICAL, 30, 30, 0,  3,  5,  2,   95,    REVOKE/ALL, revoking an idle server supersedes a scale-up",
      "VM,       30, 30, 20, 0,  0,  0.5, 10,    REVOKE/ALL, powered off 20 days supersedes the scale-downs",
      "VM,       30, 30, 15, 95, 95, 2,   95,    REVOKE/ALL, powered off 15 days supersedes the scale-ups",
      "VM,       30, 27, 0,  3,  5,  0.5, 10,    PLUGIN_ABNORMAL/PLUGIN, 3 days missing: nothing else",
      "VM,       30, 27, 20, 0,  0,  0.5, 10,    PLUGIN_ABNORMAL/PLUGIN, data gaps go before the power-off run",
      "VM,        2, 0,  0,  -,  -,  -,   -,     PLUGIN_ABNORMAL/PLUGIN, no data in 2 days: one plugin row",
      "VM,       30, 0,  0,  -,  -,  -,   -,     PLUGIN_ABNORMAL/PLUGIN, no data in 30 days: one plugin row"})
  void everyAppendixCRow(String type, int days, int monitored, int offRun, String cpu, String mem, String disk,
      String storage, String expected, String name) {
    Figures f = new Figures(type, days, monitored, offRun, d(cpu), d(mem), d(disk), d(storage));
    List<Classification> c = rules.classify(List.of(f)).get(0);
    String got = c.stream().map(x -> x.action() + "/" + x.target()).collect(Collectors.joining("+"));
    assertThat(got.isEmpty() ? "KEEP/NONE" : got).as(name).isEqualTo(expected);
    assertThat(c).allMatch(x -> !x.ruleLabel().isBlank());
    assertThat(AppendixCRules.principalAction(c)).isEqualTo(expected.contains("REVOKE") ? "REVOKE"
        : expected.contains("SCALE_DOWN") ? "SCALE_DOWN" : expected.split("/")[0]);
    List<Classification> viaEngine = rules.classifyThroughDecisionService(List.of(f)).get(0);
    assertThat(viaEngine).as("DecisionService gives the same answer").isEqualTo(c);
  }
}
