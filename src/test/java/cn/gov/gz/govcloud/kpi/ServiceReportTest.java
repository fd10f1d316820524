package cn.gov.gz.govcloud.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/service-report.bpmn: on demand and monthly, draft, review with commentary, published final version. */
class ServiceReportTest extends WebTest {

  @Autowired
  ReportArchive archive;

  @Autowired
  NotificationService notifications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static String text(byte[] docx) throws Exception {
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  @Clause("P6 7.6.2.3")
  @Clause("P6 7.6.2.4")
  @Clause("P6 7.6.2.5")
  @Clause("P6 7.6.2.7")
  @Clause("P3 5.5.2.1")
  @Clause("P3 5.5.2.2")
  @Clause("P3 5.5.2.3")
  @Clause("P3 6.3.2")
  @Clause("P3 附录 D.1 第 22、23 项")
  @Clause("GB 8.4.3 g 3")
  @Test
  void aReportOnDemandIsDraftedReviewedAndPublishedAsANewVersion() throws Exception {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("service-report",
        Map.of("periodFrom", "2031-05-01", "periodTo", "2031-05-31"));
    assertThat(pi).isWaitingAt("Task_ReviewReport");
    var runtime = processEngine.getRuntimeService();
    long draftId = ((Number) runtime.getVariable(pi.getId(), "reportId")).longValue();
    byte[] draft = archive.content(draftId);
    try (var doc = new XWPFDocument(new ByteArrayInputStream(draft))) {
      assertThat(doc.getCharts()).as("bar, pie and line charts, native in Word").hasSize(3);
    }
    assertThat(text(draft)).contains("政务云运维服务报告", "2031-05-01 至 2031-05-31", "应急事件按时响应率",
        "交通运行监测调度平台", "本节由服务方管理人员审阅时填写").doesNotContain("{{");

    processEngine.getTaskService().complete(processEngine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).singleResult().getId(), Map.of("commentary", "本月运行平稳，应急响应全部按时。"));
    assertThat(pi).isEnded();
    long finalId = ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("reportId").singleResult().getValue()).longValue();
    assertThat(archive.get(finalId).version()).isEqualTo(archive.get(draftId).version() + 1);
    assertThat(text(archive.content(finalId))).contains("本月运行平稳，应急响应全部按时。");
    assertThat(text(archive.content(draftId))).as("the draft is kept").doesNotContain("本月运行平稳");
    assertThat(notifications.search("supervisor1", null, ServiceReport.subject(
        java.time.LocalDate.parse("2031-05-01"), java.time.LocalDate.parse("2031-05-31")), 10)).isNotEmpty();
  }

  @Clause("GB 5.3.7 b")
  @Clause("P3 5.5.2.3")
  @Test
  void theMonthlyTimerReportsOnThePreviousMonth() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2031-07-01T08:00:01").atZone(KpiService.CHINA)
        .toInstant()));
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("service-report-schedule").latestVersion().singleResult().getId();
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionId(definitionId).timers()
        .singleResult();
    assertThat(timer).as("one monthly timer start").isNotNull();
    long before = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("service-report").count();
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance started = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("service-report").processInstanceBusinessKey("SR-2031-06-01_2031-06-30").singleResult();
    assertThat(started).isNotNull();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("service-report")
        .count()).isEqualTo(before + 1);
  }

  @Test
  void theReportOpensInLibreOfficeWhereItIsInstalled() throws Exception {
    Path soffice = Path.of("/usr/bin/libreoffice");
    Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed: conversion check skipped");
    var report = applicationContext.getBean(ServiceReport.class);
    byte[] docx = report.render(java.time.LocalDate.parse("2031-05-01"), java.time.LocalDate.parse("2031-05-31"),
        "LibreOffice 打开测试", 1);
    Path dir = Files.createTempDirectory("report");
    Path file = dir.resolve("service-report.docx");
    Files.write(file, docx);
    Process p = new ProcessBuilder(soffice.toString(), "--headless", "--convert-to", "pdf", "--outdir", dir.toString(),
        file.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve("service-report.pdf")).exists();
    assertThat(Files.size(dir.resolve("service-report.pdf"))).isPositive();
  }

  @Autowired
  org.springframework.context.ApplicationContext applicationContext;
}
