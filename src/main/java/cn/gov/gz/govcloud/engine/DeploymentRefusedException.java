package cn.gov.gz.govcloud.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment that did not pass the checks. A {@link BadUserRequestException}, so the engine REST API answers 400
 * with the message, which Camunda Modeler shows in its deployment error; the message names every problem and how to
 * fix it, in Chinese and in English.
 */
class DeploymentRefusedException extends BadUserRequestException {

  /** A model broken everywhere is refused with the first problems, not with a message no one reads to the end. */
  static final int MAX_SHOWN = 40;

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
    int shown = Math.min(problems.size(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      m.append('\n').append(problems.get(i).render(i + 1));
    }
    if (shown < problems.size()) {
      m.append("\n…另有 ").append(problems.size() - shown).append(" 个问题未列出，请先修改以上问题。 / ")
          .append(problems.size() - shown).append(" more problems not listed; fix the ones above first.");
    }
    return m.toString();
  }
}
