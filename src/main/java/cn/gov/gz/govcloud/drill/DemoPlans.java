package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a few contingency plans of the demo business systems, one of each type, one of them overdue for its
 * data-level DR drill, so the drill reminder and {@code /api/plans?overdue=true} have something to show. Plans are
 * created only while none with the same title exists, so restarts are safe.
 */
@Component
@ConditionalOnProperty(name = "govcloud.demo.enabled", havingValue = "true")
class DemoPlans {

  private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
  private static final List<StageTarget> TARGETS = List.of(new StageTarget("响应", 5),
      new StageTarget("处置至恢复", 120), new StageTarget("恢复验证", 30), new StageTarget("切换至灾备", 30),
      new StageTarget("数据恢复", 60), new StageTarget("业务验证", 30));

  private final PlanService plans;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoPlans(PlanService plans, JdbcClient jdbc, Clock clock) {
    this.plans = plans;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** When ready, so the demo users and systems (seeded when started) exist. */
  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    create("交通运行监测调度平台应用级容灾预案", "APPLICATION_DR", "JTJ-TOCC", Duration.ofDays(120),
        "交通运行监测调度平台（JTJ-TOCC）全部应用服务", "机房断电、主数据中心故障导致平台中断，影响全市交通调度");
    create("全民健康信息平台数据级容灾预案", "DATA_DR", "WJW-HIS", Duration.ofDays(240),
        "全民健康信息平台（WJW-HIS）核心数据库", "存储故障、误删除或勒索软件导致数据丢失，影响诊疗业务");
    create("政务云平台网络安全应急预案", "SECURITY", null, Duration.ofDays(200),
        "政务云平台全部租户与管理网络", "网络攻击、病毒传播、数据泄露等安全事件");
  }

  private void create(String title, String type, String system, Duration drilledAgo, String scope, String risk) {
    if (jdbc.sql("SELECT COUNT(*) FROM contingency_plan WHERE title = ?").param(title).query(Long.class).single() > 0) {
      return;
    }
    plans.create(new PlanInput(title, type, system, "manager1", clock.instant().minus(drilledAgo), scope, risk,
        "应急领导小组：运维经理任组长；技术组：值班工程师；保障组：操作员；使用单位联络人",
        "值班工程师 → 运维经理 → 管理方；使用单位联络人见通讯录", "灾备资源池、备份存储、现场值守人员各 1 组",
        "1. 接报与研判；2. 启动预案并通知相关方；3. 切换或恢复；4. 业务验证；5. 总结与报告",
        "按备份策略恢复数据，核对完整性后恢复业务", TARGETS, "预案编制发布（演示数据）", null, null), "manager1");
    log.info("Demo mode: contingency plan '{}'", title);
  }
}
