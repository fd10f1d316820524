package cn.gov.gz.govcloud.engine;

import java.util.List;

/**
 * A rule of another room that every new deployment must keep, such as the security room's "no scripts" rule. The
 * deployment check runs every rule bean on every resource of a new deployment, whoever deploys it (Camunda Modeler,
 * engine REST, the application at start), and refuses the deployment with all problems found, the engine's own and
 * the rules', in one answer.
 */
public interface DeploymentRule {

  /** The problems of one resource of the deployment; empty when it keeps the rule or the rule does not apply. */
  List<ModelProblem> check(String resourceName, byte[] content);
}
