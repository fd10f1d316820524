package cn.gov.gz.govcloud.integration;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.integration.IntegrationClients.Client;
import com.fasterxml.jackson.databind.JsonNode;
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
@RestController
@RequestMapping("/api/intake")
class IntakeController {

  /** Request attribute: the {@link Client} the token filter authenticated. */
  static final String CLIENT_ATTRIBUTE = "govcloud.integrationClient";

  private final AlertIntake intake;

  IntakeController(AlertIntake intake) {
    this.intake = intake;
  }

  /** A Prometheus Alertmanager webhook notification (payload version 4): one group of alerts. */
  @PostMapping(path = "/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE)
  AlertIntake.Answer alertmanager(@RequestBody JsonNode body, HttpServletRequest request) {
    Client client = client(request, Source.ALERTMANAGER);
    Payloads.AlertmanagerGroup group = Payloads.alertmanager(body);
    String context = "接收器 " + (group.receiver() == null ? "—" : group.receiver())
        + (group.externalUrl() == null ? "" : "，" + group.externalUrl());
    return intake.take(new AlertIntake.Delivery(client, context), group.alerts());
  }

  /** One event of a Zabbix webhook media type (problem or recovery), as the script in docs/integration.md sends it. */
  @PostMapping(path = "/zabbix", consumes = MediaType.APPLICATION_JSON_VALUE)
  AlertIntake.Answer zabbix(@RequestBody JsonNode body, HttpServletRequest request) {
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
