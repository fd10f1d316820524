package cn.gov.gz.govcloud.integration;

import cn.gov.gz.govcloud.engine.CaseNotes;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.integration.AlertMapping.CaseKind;
import cn.gov.gz.govcloud.integration.AlertMapping.Target;
import cn.gov.gz.govcloud.integration.IntakeAlerts.Row;
import cn.gov.gz.govcloud.integration.IntegrationClients.Client;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.web.Conflicts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a delivery of external alerts into our cases, in one transaction (retried when it loses a race with a
 * simultaneous delivery of the same alerts, e.g. from both members of an Alertmanager cluster):
 * <ol>
 *   <li>every alert is kept in {@code integration_alert}, one row per integration and alert id;</li>
 *   <li>firing alerts that are new (or fire again after they resolved) are grouped by business system and case kind
 *       ({@link AlertMapping}); each group starts {@code emergency-response} or {@code work-order} through the engine,
 *       as the integration's own technical user, with the group's case reference as {@code alertRef} /
 *       {@code sourceRef} and business key. The case reference is the one its alerts already carry, or else
 *       {@code <integration>:<first alert id>} (the Alertmanager fingerprint, the Zabbix event id). So the model's
 *       register step and the database's one-open-case-per-alert index decide, as for every other report: an open
 *       case is joined (an occurrence on its timeline), a closed one is followed by a new case;</li>
 *   <li>a repeat of alerts already firing and linked to a case is recorded on their rows only (Alertmanager re-sends a
 *       firing group every repeat interval);</li>
 *   <li>a resolved alert is closed on its row and its recovery is written on its case's timeline
 *       ({@link CaseNotes}); a case is never closed by an alert: people verify recovery;</li>
 *   <li>an alert that calls for a case but names no registered business system is kept as unmapped and the service
 *       desk is told, so someone looks at it.</li>
 * </ol>
 */
@Service
class AlertIntake {

  static final int MAX_ATTEMPTS = 5;
  // the start variables of the two processes: their public contract (the processes' start forms and intake)
  static final String EMERGENCY = "emergency-response";
  static final String WORK_ORDER = "work-order";

  /** What became of one alert of a delivery. */
  enum Result { OPENED, JOINED, REPEATED, RESOLVED, RECORDED, UNMAPPED }

  record Outcome(String externalId, String status, Result result, String caseKind, String caseNo, String note) {}

  record Answer(int received, int opened, int joined, int resolved, List<Outcome> alerts) {}

  private final IntakeAlerts rows;
  private final AlertMapping mapping;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final ObjectProvider<CaseNotes> notes;
  private final CaseNotifier notifier;
  private final IntegrationProperties properties;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;

  AlertIntake(IntakeAlerts rows, AlertMapping mapping, RuntimeService runtime, Privileged privileged,
      ObjectProvider<CaseNotes> notes, CaseNotifier notifier, IntegrationProperties properties,
      PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
    this.rows = rows;
    this.mapping = mapping;
    this.runtime = runtime;
    this.privileged = privileged;
    this.notes = notes;
    this.notifier = notifier;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactions);
    this.json = json;
    this.clock = clock;
  }

  /** Context of a delivery: who sent it, and how people should read its source (receiver, link). */
  record Delivery(Client client, String context) {}

  Answer take(Delivery delivery, List<ExternalAlert> alerts) {
    Answer answer = Conflicts.retrying(MAX_ATTEMPTS, () -> tx.execute(s -> takeOnce(delivery, alerts)));
    return Objects.requireNonNull(answer);
  }

  private Answer takeOnce(Delivery delivery, List<ExternalAlert> alerts) {
    Client client = delivery.client();
    Instant now = clock.instant();
    // the same alert twice in one delivery counts once (the last one)
    Map<String, ExternalAlert> byId = new LinkedHashMap<>();
    alerts.forEach(a -> byId.put(a.externalId(), a));
    Map<String, Row> known = rows.find(client.id(), byId.keySet());
    Map<String, Target> targets = new HashMap<>();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<ExternalAlert> newlyFiring = new ArrayList<>();
    List<ExternalAlert> stillFiring = new ArrayList<>();
    List<ExternalAlert> nowResolved = new ArrayList<>();
    for (ExternalAlert a : byId.values()) {
      Target t = mapping.map(a);
      targets.put(a.externalId(), t);
      Row row = known.get(a.externalId());
      boolean changed;
      if (row == null) {
        rows.insert(client.id(), client.source(), a, t, labels(a), now);
        changed = true;
      } else {
        changed = rows.update(row.id(), a, t, labels(a), now);
      }
      if (a.firing()) {
        (changed ? newlyFiring : stillFiring).add(a);
      } else if (changed && row != null) {
        nowResolved.add(a);
      }
      String status = a.firing() ? "FIRING" : "RESOLVED";
      Result r = t.unmapped() ? Result.UNMAPPED : a.firing() ? Result.RECORDED
          : changed && row != null ? Result.RESOLVED : Result.RECORDED;
      outcomes.put(a.externalId(), new Outcome(a.externalId(), status, r, t.kind().name(),
          row == null ? null : row.caseNo(), t.note()));
    }

    // firing alerts: one case per business system and case kind
    Map<List<String>, List<ExternalAlert>> groups = new LinkedHashMap<>();
    for (ExternalAlert a : byId.values()) {
      Target t = targets.get(a.externalId());
      if (a.firing() && t.kind() != CaseKind.NONE) {
        groups.computeIfAbsent(List.of(t.kind().name(), t.businessSystemCode()), k -> new ArrayList<>()).add(a);
      }
    }
    int opened = 0;
    int joined = 0;
    for (var group : groups.entrySet()) {
      CaseKind kind = CaseKind.valueOf(group.getKey().get(0));
      List<ExternalAlert> members = group.getValue();
      List<ExternalAlert> fresh = members.stream().filter(newlyFiring::contains).toList();
      Row linked = members.stream().map(a -> known.get(a.externalId()))
          .filter(r -> r != null && r.caseNo() != null && kind.name().equals(r.caseKind()))
          .findFirst().orElse(null);
      if (fresh.isEmpty() && linked != null) {
        members.forEach(a -> outcomes.put(a.externalId(), new Outcome(a.externalId(), "FIRING", Result.REPEATED,
            kind.name(), linked.caseNo(), null)));
        continue;
      }
      String caseRef = linked != null ? linked.caseRef() : client.id() + ":" + members.stream()
          .min(Comparator.comparing((ExternalAlert a) -> a.startsAt() == null ? Instant.MAX : a.startsAt())
              .thenComparing(ExternalAlert::externalId)).orElseThrow().externalId();
      Target target = targets.get(members.get(0).externalId());
      String[] result = kind == CaseKind.EMERGENCY ? emergency(delivery, caseRef, target, fresh.isEmpty() ? members
          : fresh, now) : workOrder(delivery, caseRef, target, fresh.isEmpty() ? members : fresh, now);
      boolean isJoin = "joined".equals(result[1]);
      String processKey = kind == CaseKind.EMERGENCY ? EMERGENCY : WORK_ORDER;
      rows.linkCase(client.id(), members.stream().map(ExternalAlert::externalId).toList(), kind.name(), caseRef,
          result[0]);
      if (isJoin) {
        joined++;
      } else {
        opened++;
      }
      for (ExternalAlert a : members) {
        Result r = !isJoin ? Result.OPENED : fresh.contains(a) ? Result.JOINED : Result.REPEATED;
        outcomes.put(a.externalId(), new Outcome(a.externalId(), "FIRING", r, kind.name(), result[0], null));
      }
      if (isJoin && kind == CaseKind.WORK_ORDER) {
        note(processKey, result[0], client, "同一告警再次发生：" + lines(fresh));
      }
    }

    // resolved alerts: their recovery on their cases' timelines, one line per case
    Map<String, List<ExternalAlert>> resolvedByCase = new LinkedHashMap<>();
    for (ExternalAlert a : nowResolved) {
      Row row = known.get(a.externalId());
      if (row.caseNo() != null && !"NONE".equals(row.caseKind())) {
        resolvedByCase.computeIfAbsent(row.caseKind() + "|" + row.caseNo(), k -> new ArrayList<>()).add(a);
      }
    }
    resolvedByCase.forEach((key, list) -> {
      String kind = key.substring(0, key.indexOf('|'));
      String caseNo = key.substring(key.indexOf('|') + 1);
      note("EMERGENCY".equals(kind) ? EMERGENCY : WORK_ORDER, caseNo, client, client.source().label()
          + " 报告告警已恢复：" + lines(list) + "。告警恢复不会自动关闭事件，请核实业务恢复情况后按流程处置。");
    });

    // unmapped alerts that would open a case: the service desk looks at them
    for (ExternalAlert a : newlyFiring) {
      Target t = targets.get(a.externalId());
      if (t.unmapped()) {
        notifier.toGroups(properties.unmappedNotify(), "unmapped-alert", client.id() + ":" + a.externalId(),
            "外部告警 " + client.name(), "告警未能对应业务系统",
            "收到一条需要立案的外部告警，但未能对应到已登记的业务系统，请人工核实并在需要时报告应急事件或开立工单。",
            lines(List.of(a)) + "\n标签：" + labels(a) + "\n来源：" + client.source().label() + "（" + client.id()
                + "）" + (delivery.context() == null ? "" : "，" + delivery.context()));
      }
    }
    List<Outcome> list = new ArrayList<>(outcomes.values());
    int resolved = (int) list.stream().filter(o -> o.result() == Result.RESOLVED).count();
    return new Answer(list.size(), opened, joined, resolved, list);
  }

  /** Starts (or, through the model's register step, joins) the emergency of a group. */
  private String[] emergency(Delivery delivery, String caseRef, Target target, List<ExternalAlert> alerts,
      Instant now) {
    Instant detected = alerts.stream().map(ExternalAlert::startsAt).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(now);
    if (detected.isAfter(now)) {
      detected = now;
    }
    Map<String, Object> v = new HashMap<>();
    v.put("businessSystemCode", target.businessSystemCode());
    v.put("category", target.category());
    v.put("description", cut(describe(delivery, alerts), 4000));
    v.put("source", "MONITORING");
    v.put("reporter", cut(delivery.client().name(), 64));
    v.put("detectedAt", Date.from(detected));
    v.put("scope", cut("外部告警：" + alerts.stream().map(ExternalAlert::name).distinct()
        .collect(Collectors.joining("、")), 1000));
    v.put("alertRef", caseRef);
    ProcessInstanceWithVariables p = runtime.createProcessInstanceByKey(EMERGENCY).businessKey(caseRef)
        .setVariables(v).executeWithVariablesInReturn();
    Object joinedNo = p.getVariables().get("joinedEmergencyNo");
    if (joinedNo != null) {
      return new String[] {joinedNo.toString(), "joined"};
    }
    return new String[] {String.valueOf(p.getVariables().get("emergencyNo")), "opened"};
  }

  /** Joins the running work order of the group's case reference, or starts one (a fault, channel monitoring). */
  private String[] workOrder(Delivery delivery, String caseRef, Target target, List<ExternalAlert> alerts,
      Instant now) {
    var running = privileged.run(() -> runtime.createProcessInstanceQuery().processDefinitionKey(WORK_ORDER)
        .processInstanceBusinessKey(caseRef).list());
    if (!running.isEmpty()) {
      Object no = privileged.run(() -> runtime.getVariable(running.get(0).getId(), "workOrderNo"));
      if (no != null) {
        return new String[] {no.toString(), "joined"};
      }
    }
    Map<String, Object> v = new HashMap<>();
    v.put("businessSystemCode", target.businessSystemCode());
    v.put("type", "FAULT");
    v.put("priority", "MEDIUM");
    v.put("channel", "MONITORING");
    v.put("sourceRef", caseRef);
    v.put("title", cut("监控告警：" + alerts.get(0).name() + (alerts.size() > 1 ? " 等 " + alerts.size() + " 条" : ""),
        200));
    v.put("description", cut(describe(delivery, alerts), 4000));
    ProcessInstanceWithVariables p = runtime.createProcessInstanceByKey(WORK_ORDER).businessKey(caseRef)
        .setVariables(v).executeWithVariablesInReturn();
    return new String[] {String.valueOf(p.getVariables().get("workOrderNo")), "opened"};
  }

  private void note(String processKey, String caseNo, Client client, String text) {
    notes.orderedStream().filter(n -> n.handles(processKey)).findFirst()
        .ifPresent(n -> n.alertNote(caseNo, client.userId(), cut(text, 4000)));
  }

  private String describe(Delivery delivery, List<ExternalAlert> alerts) {
    StringBuilder b = new StringBuilder(delivery.client().source().label() + " 告警（" + delivery.client().name()
        + (delivery.context() == null ? "" : "，" + delivery.context()) + "）：\n");
    for (ExternalAlert a : alerts) {
      b.append("- ").append(line(a)).append('\n');
      if (a.description() != null) {
        b.append("  ").append(a.description().replace("\n", "\n  ")).append('\n');
      }
    }
    ExternalAlert first = alerts.get(0);
    b.append("标签：").append(labels(first));
    if (first.url() != null) {
      b.append("\n查看：").append(first.url());
    }
    return b.toString();
  }

  private static String lines(List<ExternalAlert> alerts) {
    return alerts.stream().map(AlertIntake::line).collect(Collectors.joining("；"));
  }

  private static String line(ExternalAlert a) {
    String severity = a.labels().get("severity");
    return (severity == null ? "" : "[" + severity + "] ") + a.name()
        + (a.summary() != null && !a.summary().equals(a.name()) ? "：" + a.summary() : "")
        + "（告警标识 " + a.externalId() + (a.startsAt() == null ? "" : "，开始于 " + CityTime.second(a.startsAt()))
        + (a.endsAt() == null ? "" : "，恢复于 " + CityTime.second(a.endsAt())) + "）";
  }

  private String labels(ExternalAlert a) {
    try {
      return cut(json.writeValueAsString(a.labels()), 2000);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
