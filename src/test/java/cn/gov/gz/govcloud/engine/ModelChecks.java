package cn.gov.gz.govcloud.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The repository's own convention for processes/, beyond what every deployment is checked for (DeploymentCheck):
 * a BPMN file is named after the executable process it holds, so the process key can be found from the file name.
 */
final class ModelChecks {

  private ModelChecks() {}

  static List<String> check(String fileName, byte[] bpmn) throws Exception {
    List<String> problems = new ArrayList<>();
    String baseName = fileName.replaceAll("\\.bpmn$", "");
    boolean keyMatchesFile = Xml.descendants(Xml.parse(bpmn).getDocumentElement(), "process").stream()
        .anyMatch(p -> "true".equals(Xml.attr(p, "isExecutable")) && baseName.equals(Xml.attr(p, "id")));
    if (!keyMatchesFile) {
      problems.add(fileName + ": no executable process with the key '" + baseName + "'");
    }
    return problems;
  }
}
