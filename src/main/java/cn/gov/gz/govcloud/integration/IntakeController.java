package cn.gov.gz.govcloud.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.integration.IntegrationClients.Client;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/intake/*}: alerts in the formats of other systems, opened only by an integration's bearer token
 * ({@link TokenAuthenticationFilter}), each token only for its own source's endpoint. A bad payload answers 400 naming
 * the fields and stores nothing; a good one answers 200 with what became of each alert.
 */
@Tag(name = "外部告警接入", description = "其他系统以自身格式推送告警：使用接入令牌（Authorization: Bearer），不接受个人账号密码。")
@RestController
@RequestMapping("/api/intake")
class IntakeController {

  /** Request attribute: the {@link Client} the token filter authenticated. */
  static final String CLIENT_ATTRIBUTE = "govcloud.integrationClient";

  static final String ALERTMANAGER_EXAMPLE = """
      {"version": "4", "groupKey": "{}:{alertname=\\"BusinessSystemDown\\"}", "status": "firing",
       "receiver": "govcloud-ops", "groupLabels": {"alertname": "BusinessSystemDown"},
       "commonLabels": {"alertname": "BusinessSystemDown", "business_system": "JTJ-TOCC", "severity": "critical"},
       "commonAnnotations": {"summary": "交通运行监测调度平台首页无法访问"},
       "externalURL": "http://alertmanager.example:9093",
       "alerts": [{"status": "firing", "fingerprint": "3c5a9c4e0b2f7d11",
         "labels": {"alertname": "BusinessSystemDown", "business_system": "JTJ-TOCC", "severity": "critical",
                    "instance": "10.12.3.41:443"},
         "annotations": {"summary": "交通运行监测调度平台首页无法访问"},
         "startsAt": "2026-11-25T08:40:12+08:00", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus.example:9090/graph"}]}""";
  static final String ZABBIX_EXAMPLE = """
      {"eventId": "884211", "eventValue": "1", "severity": "5", "host": "tocc-web-01",
       "triggerName": "交通运行监测调度平台 HTTPS 检查失败",
       "tags": [{"tag": "business_system", "value": "JTJ-TOCC"}, {"tag": "category", "value": "availability"}],
       "eventTime": "2026.11.25 08:40:00", "message": "Problem started at 08:40:00 on 2026.11.25",
       "url": "https://zabbix.example/tr_events.php?triggerid=31842&eventid=884211", "updateStatus": "0"}""";

  private final AlertIntake intake;

  IntakeController(AlertIntake intake) {
    this.intake = intake;
  }

  /** A Prometheus Alertmanager webhook notification (payload version 4): one group of alerts. */
  @Operation(summary = "接收 Alertmanager 告警", description = "Prometheus Alertmanager webhook（第 4 版载荷）：同一告警组的新告警按业务系统开立或并入一个应急事件或工单，重复推送并入原事件，恢复（resolved）写入事件时间线但不关闭事件。")
  @PostMapping(path = "/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE)
  AlertIntake.Answer alertmanager(@io.swagger.v3.oas.annotations.parameters.RequestBody(description =
      "Alertmanager webhook 载荷（version \"4\"）：groupKey、status、receiver、groupLabels、commonLabels、"
          + "commonAnnotations、externalURL、alerts[]（status、labels、annotations、startsAt、endsAt、generatorURL、"
          + "fingerprint）", content = @Content(examples = @ExampleObject(value = ALERTMANAGER_EXAMPLE)))
      @RequestBody JsonNode body, HttpServletRequest request) {
    Client client = client(request, Source.ALERTMANAGER);
    Payloads.AlertmanagerGroup group = Payloads.alertmanager(body);
    String context = "接收器 " + (group.receiver() == null ? "—" : group.receiver())
        + (group.externalUrl() == null ? "" : "，" + group.externalUrl());
    return intake.take(new AlertIntake.Delivery(client, context), group.alerts());
  }

  /** One event of a Zabbix webhook media type (problem or recovery), as the script in docs/integration.md sends it. */
  @Operation(summary = "接收 Zabbix 告警", description = "Zabbix webhook 媒体类型推送的一条事件：eventValue=1 为问题，0 为恢复；参数见 docs/integration.md。")
  @PostMapping(path = "/zabbix", consumes = MediaType.APPLICATION_JSON_VALUE)
  AlertIntake.Answer zabbix(@io.swagger.v3.oas.annotations.parameters.RequestBody(description =
      "Zabbix 媒体类型脚本发送的事件：eventId {EVENT.ID}、eventValue {EVENT.VALUE}（1 问题，0 恢复）、severity "
          + "{EVENT.NSEVERITY}、host、triggerName、tags {EVENT.TAGSJSON}、eventTime、recoveryTime、message、url、"
          + "updateStatus", content = @Content(examples = @ExampleObject(value = ZABBIX_EXAMPLE)))
      @RequestBody JsonNode body, HttpServletRequest request) {
    Client client = client(request, Source.ZABBIX);
    Payloads.ZabbixEvent event = Payloads.zabbix(body);
    if (event.update()) {
      // an update operation (acknowledgement, comment): the problem's state is unchanged
      return new AlertIntake.Answer(1, 0, 0, 0, List.of(new AlertIntake.Outcome(event.alert().externalId(),
          event.alert().firing() ? "FIRING" : "RESOLVED", AlertIntake.Result.RECORDED, null, null,
          "事件更新（如确认、备注）不改变告警状态")));
    }
    return intake.take(new AlertIntake.Delivery(client, null), List.of(event.alert()));
  }

  private static Client client(HttpServletRequest request, Source source) {
    if (!(request.getAttribute(CLIENT_ATTRIBUTE) instanceof Client client)) {
      throw new AccessDeniedException("需要外部系统接入令牌");
    }
    if (client.source() != source) {
      throw new AccessDeniedException("该接入令牌属于 " + client.source().label() + "，不能用于 "
          + source.label() + " 的接口");
    }
    return client;
  }
}
