package cn.gov.gz.govcloud.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.integration.IntegrationClients.Client;
import cn.gov.gz.govcloud.integration.IntegrationClients.Issued;
import cn.gov.gz.govcloud.web.Paging;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/integrations}: the administrator registers integrations and issues or revokes their tokens (a token is
 * shown once); the provider's staff and the bureau read the alerts the integrations reported and the cases they went
 * to.
 */
@Tag(name = "外部系统接入管理", description = "系统管理员登记外部系统并发放或吊销接入令牌；服务方、管理方和监理方查看收到的外部告警。")
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

  private final IntegrationClients clients;
  private final IntakeAlerts alerts;
  private final CurrentUser currentUser;

  IntegrationController(IntegrationClients clients, IntakeAlerts alerts, CurrentUser currentUser) {
    this.clients = clients;
    this.alerts = alerts;
    this.currentUser = currentUser;
  }

  /** A new integration: {@code id} (e.g. alertmanager-prod), {@code name}, {@code source} (ALERTMANAGER, ZABBIX). */
  record NewClient(String id, String name, String source) {}

  @Operation(summary = "查询外部系统接入", description = "仅系统管理员；不返回令牌。")
  @GetMapping("/clients")
  List<Client> clients() {
    admin();
    return clients.list();
  }

  @Operation(summary = "登记外部系统接入", description = "创建接入及其技术账号并发放令牌；令牌只在此时显示一次，库中只存其 SHA-256 摘要。")
  @PostMapping("/clients")
  ResponseEntity<Issued> register(@RequestBody NewClient in) {
    Caller caller = admin();
    if (in == null) {
      throw ValidationException.of("id", "请填写接入标识、名称和来源");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(clients.register(in.id(), in.name(), in.source(),
        caller.userId()));
  }

  /** A new token for the integration; the old one stops working at once. */
  @Operation(summary = "重新发放接入令牌", description = "旧令牌立即失效。")
  @PostMapping("/clients/{id}/token")
  Issued reissue(@PathVariable String id) {
    admin();
    return clients.reissue(id);
  }

  /** Ends the integration's token (a new one may be issued later). */
  @Operation(summary = "吊销外部系统接入", description = "令牌立即失效；可再次发放。")
  @DeleteMapping("/clients/{id}")
  Client revoke(@PathVariable String id) {
    admin();
    return clients.revoke(id);
  }

  static final Set<String> STATUSES = Set.of("FIRING", "RESOLVED");

  /** Alerts received, newest first: by integration, state and case number. */
  @Operation(summary = "查询收到的外部告警", description = "每条告警的状态、映射到的业务系统与类别，以及开立或并入的事件、工单编号。")
  @GetMapping("/alerts")
  List<IntakeAlerts.Row> alerts(@RequestParam(required = false) String clientId,
      @RequestParam(required = false) String status, @RequestParam(required = false) String caseNo,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Caller caller = currentUser.require();
    if (!caller.seesAllUnits()) {
      throw new AccessDeniedException("外部告警记录仅向服务方、管理方和监理方开放");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw ValidationException.of("status", "取值 FIRING、RESOLVED");
    }
    return alerts.search(clientId, status, caseNo, Paging.of(page, size));
  }

  private Caller admin() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin()) {
      throw new AccessDeniedException("只有系统管理员可以管理外部系统接入");
    }
    return caller;
  }
}
