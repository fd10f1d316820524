package cn.gov.gz.govcloud.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment that did not pass the checks. A {@link BadUserRequestException}, so the engine REST API answers 400
 * with the message, which Camunda Modeler shows in its deployment error; the message names every problem and how to
 * fix it, in Chinese and in English.
 */
public class DeploymentRefusedException extends BadUserRequestException {

  private final transient List<ModelProblem> problems;

  public DeploymentRefusedException(String deploymentName, String source, List<ModelProblem> problems) {
    super(message(deploymentName, source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  static String message(String deploymentName, String source, List<ModelProblem> problems) {
    String what = (deploymentName == null ? "" : deploymentName) + (source == null ? "" : "，来源 " + source);
    String whatEn = (deploymentName == null ? "" : deploymentName) + (source == null ? "" : ", source " + source);
    StringBuilder m = new StringBuilder()
        .append("部署未通过检查（").append(what).append("）：共 ").append(problems.size())
        .append(" 个问题，未部署任何内容。请在 Camunda Modeler 中按下列说明修改后重新部署。\n")
        .append("Deployment refused (").append(whatEn).append("): ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append(", nothing was deployed. Fix them in Camunda Modeler as described and deploy again.");
    for (int i = 0; i < problems.size(); i++) {
      m.append('\n').append(problems.get(i).render(i + 1));
    }
    return m.toString();
  }
}
