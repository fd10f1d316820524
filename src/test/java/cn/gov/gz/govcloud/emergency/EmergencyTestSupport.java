package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.ProcessTest;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** What the tests of processes/emergency-response.bpmn with real delegates share: a report, its case, its tasks. */
abstract class EmergencyTestSupport extends ProcessTest {

  @Autowired
  EmergencyService emergencies;

  /** Reports an emergency of a system as the monitoring system would, detected at the given time. */
  ProcessInstance report(String system, String category, Instant detected) {
    Map<String, Object> v = new HashMap<>();
    v.put("businessSystemCode", system);
    v.put("category", category);
    v.put("description", "系统首页无法打开");
    v.put("source", "MONITORING");
    v.put("detectedAt", Date.from(detected));
    return processEngine.getRuntimeService().startProcessInstanceByKey("emergency-response", v);
  }

  Emergency emergency(ProcessInstance pi) {
    return emergencies.findByProcessInstance(pi.getId()).orElseThrow();
  }

  Task task(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  void complete(ProcessInstance pi, String key, Object... kv) {
    Task t = task(pi, key);
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }
}
