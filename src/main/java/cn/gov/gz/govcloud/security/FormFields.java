package cn.gov.gz.govcloud.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The fields of a task's or a start event's Camunda Form (form-js JSON), as the variables Tasklist submits: a keyed
 * field is a variable of its key's first segment, a dynamic list or a group with a path one variable of the path's
 * first segment. Read-only (and disabled) fields are shown to the user from process variables and may only come back
 * unchanged. Forms are immutable once deployed, so each is read once per form definition.
 */
final class FormFields {

  /** The variable names a form submits, and those of them that are shown read-only. */
  record Fields(Set<String> names, Set<String> readOnly) {
    static final Fields NONE = new Fields(Set.of(), Set.of());
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Fields> byDefinition = new ConcurrentHashMap<>();

  Fields ofTask(CommandContext ctx, TaskEntity task) {
    if (task.getTaskDefinition() == null || task.getProcessDefinitionId() == null) {
      return Fields.NONE;
    }
    return of(ctx, task.getTaskDefinition().getFormDefinition(), task,
        task.getProcessDefinition().getDeploymentId());
  }

  Fields ofStart(CommandContext ctx, ProcessDefinitionEntity definition) {
    return of(ctx, definition.getStartFormDefinition(), null, definition.getDeploymentId());
  }

  private Fields of(CommandContext ctx, FormDefinition form, VariableScope scope, String deploymentId) {
    if (form == null || form.getCamundaFormDefinitionKey() == null) {
      return Fields.NONE;
    }
    Expression keyExpression = form.getCamundaFormDefinitionKey();
    String key = scope == null ? keyExpression.getExpressionText()
        : String.valueOf(keyExpression.getValue(scope));
    CamundaFormRefImpl ref = new CamundaFormRefImpl(key, form.getCamundaFormDefinitionBinding());
    Expression version = form.getCamundaFormDefinitionVersion();
    if (version != null) {
      ref.setVersion(Integer.valueOf(scope == null ? version.getExpressionText()
          : String.valueOf(version.getValue(scope))));
    }
    CamundaFormDefinition definition = ctx.runWithoutAuthorization(() -> find(ctx, ref, deploymentId));
    if (definition == null) {
      return Fields.NONE;
    }
    return byDefinition.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource = ctx.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return resource == null ? Fields.NONE : parse(resource.getBytes());
    });
  }

  private static CamundaFormDefinition find(CommandContext ctx, CamundaFormRef ref, String deploymentId) {
    return new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(ctx);
  }

  Fields parse(byte[] form) {
    try {
      Set<String> names = new HashSet<>();
      Set<String> readOnly = new HashSet<>();
      collect(json.readTree(form).path("components"), names, readOnly);
      return new Fields(Set.copyOf(names), Set.copyOf(readOnly));
    } catch (IOException e) {
      throw new IllegalStateException("Camunda Form is not valid JSON", e);
    }
  }

  private static void collect(JsonNode components, Set<String> names, Set<String> readOnly) {
    for (JsonNode c : components) {
      String path = c.path("path").asText("");
      if (!path.isEmpty()) {
        names.add(firstSegment(path)); // a dynamic list or a group bound to a path: one variable
        continue;
      }
      String key = c.path("key").asText("");
      if (!key.isEmpty()) {
        String name = firstSegment(key);
        names.add(name);
        if (c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
          readOnly.add(name);
        }
      }
      if (c.has("components")) {
        collect(c.path("components"), names, readOnly);
      }
    }
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
