package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.drill.ContingencyPlan;
import cn.gov.gz.govcloud.drill.PlanInput;
import cn.gov.gz.govcloud.drill.PlanService;
import cn.gov.gz.govcloud.inspection.InspectionService;
import cn.gov.gz.govcloud.kpi.ServiceReport;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.monitoring.MonitoringReport;
import cn.gov.gz.govcloud.optimization.OptimizationService;
import cn.gov.gz.govcloud.optimization.Review;
import cn.gov.gz.govcloud.support.Docx;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The runs of the processes added with issues 22 and 23 whose documents DocumentsTest checks: a work order's
 * response service report and an important assurance's summary report.
 */
abstract class DocumentsTestRuns extends DocumentsTestSupport {

  /**
   * September 2038: a fault marked as a data security incident on a level-3 (5×8) system, reported on Friday
   * evening, dispatched, paused for the unit's answer over the weekend, resolved and confirmed on Monday: the
   * response service report with its security incident section.
   */
  synchronized void runWorkOrder() {
    if (MADE.containsKey("work-order-response-report")) {
      return;
    }
    setClock(china("2038-09-03T17:40:00"));
    var r = post("desk1", "/api/work-orders", map("unitCode", "JTJ", "businessSystemCode", "JTJ-OA",
        "contactName", "值班员", "contactPhone", "020-83330001", "type", "FAULT", "priority", "MEDIUM",
        "channel", "HOTLINE", "title", "公文系统出现异常登录", "description", "凌晨多次出现境外 IP 登录尝试，个别账号被锁定"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    String pi = read(r.getBody()).get("processInstanceId").asText();
    setClock(now.plus(Duration.ofMinutes(10)));
    completeAs("desk1", Groups.SERVICE_DESK, pi, "Task_ClassifyWorkOrder", "type", "FAULT", "priority", "MEDIUM",
        "securityCategory", "NETWORK");
    completeAs("desk1", Groups.SERVICE_DESK, pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-engineer",
        "dispatchNote", "请安全工程师处理");
    setClock(now.plus(Duration.ofMinutes(5)));
    completeAs("engineer1", Groups.OPS_ENGINEER, pi, "Task_HandleWorkOrder", "progressNote",
        "已封禁异常 IP 段，需单位确认被锁账号的使用人", "handlingOutcome", "NEED_USER_INFO", "waitReason", "请提供被锁账号的使用人");
    setClock(china("2038-09-06T09:10:00"));
    completeAs("jtj1", Groups.unitGroup("JTJ"), pi, "Task_ProvideInformation", "userReply", "账号为办公室张三所用");
    setClock(now.plus(Duration.ofMinutes(50)));
    completeAs("engineer1", Groups.OPS_ENGINEER, pi, "Task_HandleWorkOrder", "progressNote",
        "重置被锁账号口令并启用双因素认证，登录日志未见成功的异常登录", "handlingOutcome", "RESOLVED");
    setClock(now.plus(Duration.ofHours(1)));
    completeAs("jtj1", Groups.unitGroup("JTJ"), pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    MADE.put("work-order-response-report", archive.content(variable(pi, "responseReportId")));
  }

  /**
   * October 2038: a one-day holiday assurance of the traffic platform with two shifts (the second recorded after a
   * reminder) and one interruption of the platform during the period.
   */
  synchronized void runAssurance() {
    if (MADE.containsKey("assurance-report")) {
      return;
    }
    setClock(china("2038-09-20T09:00:00"));
    Instant from = china("2038-10-01T08:00:00");
    Instant middle = china("2038-10-01T20:00:00");
    Instant to = china("2038-10-02T08:00:00");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("assurance",
        map("eventName", "2038 年国庆假期", "kind", "HOLIDAY", "periodFrom", offset(from), "periodTo", offset(to),
            "systemCodes", "JTJ-TOCC", "targets", "交通调度平台不中断"));
    completeAs("mgmt1", Groups.MANAGEMENT, pi.getId(), "Task_ConfirmNeed", "needDecision", "CONFIRMED",
        "manner", "ONSITE", "targets", "交通调度平台不中断，重大事件 5 分钟内响应");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_WritePlan", "planText", "节前全面巡检，双人现场值守",
        "rota", SpinValues.jsonValue("[{\"startsAt\":\"" + offset(from) + "\",\"endsAt\":\"" + offset(middle)
            + "\",\"watchers\":\"engineer1\",\"contact\":\"13800000001\"},{\"startsAt\":\"" + offset(middle)
            + "\",\"endsAt\":\"" + offset(to) + "\",\"watchers\":\"operator1\"}]").create());
    completeAs("mgmt1", Groups.MANAGEMENT, pi.getId(), "Task_ApprovePlan", "planDecision", "APPROVED");
    fire(pi, "Timer_WaitForPeriodStart");
    fireFirst(pi, "Timer_ShiftStart");
    emergency("JTJ-TOCC", "INTERRUPTION", china("2038-10-01T10:00:00"));
    completeAs("engineer1", Groups.OPS_ENGINEER, pi.getId(), "Task_RecordStandby", "situation", "EVENTS",
        "standbyNote", "10:00 调度平台中断，已启动应急响应");
    fireFirst(pi, "Timer_ShiftStart");
    fire(pi, "Timer_StandbyMissing");
    completeAs("operator1", Groups.OPS_OPERATOR, pi.getId(), "Task_RecordStandby", "situation", "NORMAL",
        "standbyNote", "夜间运行平稳");
    fire(pi, "Timer_WaitForPeriodEnd");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_WriteSummary", "summary", "保障目标达成",
        "issues", "调度平台中断一次", "improvements", "节前增加负载均衡检查");
    MADE.put("assurance-report", archive.content(variable(pi.getId(), "reportId")));
  }

  void fireFirst(ProcessInstance pi, String activityId) {
    var j = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).orderByJobDuedate().asc().list().get(0);
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    processEngine.getManagementService().executeJob(j.getId());
  }

  static String offset(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(8)).toString();
  }
}
