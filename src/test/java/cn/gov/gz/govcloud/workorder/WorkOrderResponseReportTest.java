package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.Docx;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The response service report through the real model and delegates: generated when a fault or complaint is closed
 * (confirmed, or deemed confirmed when the period ends), with the security incident report for an order the desk
 * marked as a security incident, and none for the other types.
 */
class WorkOrderResponseReportTest extends WorkOrderTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  ReportArchive archive;

  Long reportId(ProcessInstance pi) {
    var v = processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(WorkOrderVariables.RESPONSE_REPORT_ID).singleResult();
    return v == null ? null : ((Number) v.getValue()).longValue();
  }

  void at(String chinaTime) {
    now = LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant();
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @Clause("GB 5.3.7 c")
  @Clause("GB 5.3.3 e")
  @Test
  void aConfirmedFaultGetsItsResponseReportLinkedFromTheSurvey() throws Exception {
    at("2026-12-01T10:00:00");
    ProcessInstance pi = start(intake("FAULT", "MEDIUM", "WJW", "WJW-HIS", "挂号接口变慢"));
    moveClock(Duration.ofMinutes(10));
    classifyAndDispatch(pi);
    moveClock(Duration.ofMinutes(50));
    complete(pi, "Task_HandleWorkOrder", "progressNote", "扩容数据库连接池后恢复正常", "handlingOutcome", "RESOLVED");
    moveClock(Duration.ofHours(1));
    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");

    assertThat(pi).hasPassed("ServiceTask_ResponseReport").isWaitingAt("Task_AnswerSurvey");
    Long id = reportId(pi);
    assertThat(id).isNotNull();
    ReportDocument d = archive.get(id);
    WorkOrder order = order(pi);
    assertThat(d.kind()).isEqualTo(WorkOrderResponseReport.KIND);
    assertThat(d.subjectRef()).isEqualTo(order.orderNo());
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.unitCode()).isEqualTo("WJW");

    Docx doc = new Docx(archive.content(id));
    assertThat(doc.leftTags()).isEmpty();
    assertThat(doc.text()).contains("响应服务报告", order.orderNo(), "故障", "已分派给 ops-engineer", "扩容数据库连接池后恢复正常",
        "不晚于 2026-12-02 24:00", "使用单位于 2026-12-01 12:00 确认问题已解决", "北京时间")
        .doesNotContain("安全事件报告", "WJW-HIS");
    assertThat(doc.table("指标").get(1)).containsExactly("分派", "受理后 30 分钟内，即不晚于 2026-12-01 10:30",
        "2026-12-01 10:10", "按时");

    String summary = (String) processEngine.getTaskService().getVariableLocal(task(pi, "Task_AnswerSurvey").getId(),
        "caseSummary");
    assertThat(summary).contains("响应服务报告", "/camunda/api/govcloud/documents/" + id + "/content");
    assertThat(noticesFor("wjw1", order)).extracting(n -> n.subject()).anyMatch(s -> s.endsWith("】响应服务报告"));
  }

  @Clause("GB 5.3.7 c")
  @Clause("GB 5.3.2 e")
  @Test
  void aComplaintClosedWhenTheConfirmationPeriodEndsGetsItsReportToo() throws Exception {
    ProcessInstance pi = start(intake("COMPLAINT", "MEDIUM", "JTJ", null, "热线多次无人接听"));
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-manager", "dispatchNote", "经理处理");
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已调整热线排班并向单位致歉", "handlingOutcome", "RESOLVED");
    fire(pi, "Timer_ConfirmTimeout");

    assertThat(pi).isEnded().hasPassed("ServiceTask_ResponseReportUnconfirmed", "EndEvent_ClosedUnconfirmed");
    Docx doc = new Docx(archive.content(reportId(pi)));
    assertThat(doc.leftTags()).isEmpty();
    assertThat(doc.text()).contains("投诉", "已调整热线排班并向单位致歉", "按确认关闭工单", "视为确认");
  }

  @Clause("P6 7.4.1.5")
  @Test
  void anOrderMarkedAsASecurityIncidentGetsTheSecurityIncidentReport() throws Exception {
    ProcessInstance pi = start(intake("SERVICE_REQUEST", "MEDIUM", "JTJ", "JTJ-TOCC", "发现异常外联流量"));
    complete(pi, "Task_ClassifyWorkOrder", "securityCategory", "DATA");
    complete(pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-engineer", "dispatchNote", "安全组处理");
    complete(pi, "Task_HandleWorkOrder", "progressNote", "封禁异常 IP，排查确认无数据外泄", "handlingOutcome", "RESOLVED");
    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");

    Docx doc = new Docx(archive.content(reportId(pi)));
    assertThat(doc.leftTags()).isEmpty();
    assertThat(doc.text()).contains("响应服务报告（安全事件报告）", "数据安全事件", "事件描述：发现异常外联流量",
        "处理过程：", "封禁异常 IP，排查确认无数据外泄", "处理结果：");
    WorkOrder order = order(pi);
    assertThat(noticesFor("mgmt1", order)).extracting(n -> n.subject())
        .anyMatch(s -> s.endsWith("】响应服务报告（安全事件报告）"));
    assertThat(workOrders.notes(order.id())).extracting(WorkOrderNote::text).contains("标记为数据安全事件");
  }

  @Test
  void aServiceRequestGetsNoResponseReport() {
    ProcessInstance pi = start(intake("SERVICE_REQUEST", "LOW", "JTJ", null, "开通 VPN 账号"));
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已开通", "handlingOutcome", "RESOLVED");
    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    assertThat(pi).hasPassed("ServiceTask_ResponseReport").isWaitingAt("Task_AnswerSurvey");
    assertThat(reportId(pi)).isNull();
  }
}
