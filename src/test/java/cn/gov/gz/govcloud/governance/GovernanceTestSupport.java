package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the governance room's Spring tests share: completing a task as a user of a group, reading JSON, counts. */
abstract class GovernanceTestSupport extends ProcessTest {

  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  JsonNode read(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  Task task(String processInstanceId, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  void completeAs(String user, String group, String processInstanceId, String key, Object... kv) {
    Task t = task(processInstanceId, key);
    if (t == null) {
      throw new AssertionError("no task " + key);
    }
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      vars.put((String) kv[i], kv[i + 1]);
    }
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      processEngine.getTaskService().complete(t.getId(), vars);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  void fireFor(String processInstanceId, String activityId) {
    var j = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).singleResult();
    if (j == null) {
      throw new AssertionError("no job " + activityId);
    }
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    processEngine.getManagementService().executeJob(j.getId());
  }
}
