package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the code of this application relies on in the models it ships (processes/): per process key, the id and type
 * of every flow node (Java code looks tasks, timers and events up by id; Cockpit's migration maps instances by id);
 * per decision, its output names (the delegates read them). A version deployed later from Camunda Modeler must keep
 * them; it may add anything.
 */
record PackagedModels(Map<String, Map<String, FlowNode>> flowNodes, Map<String, Set<String>> decisionsByFile,
    Map<String, Set<String>> decisionOutputs) {

  /** A flow node of a packaged model: its BPMN type (local name) and its name in the diagram. */
  record FlowNode(String type, String name) {}

  static final Set<String> FLOW_NODE_TYPES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction",
      "adHocSubProcess", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
      "complexGateway");

  static PackagedModels of(List<Model> bpmn, List<Model> dmn) {
    Map<String, Map<String, FlowNode>> flowNodes = new LinkedHashMap<>();
    for (Model m : bpmn) {
      Document doc = parse(m);
      for (Element process : Xml.descendants(doc.getDocumentElement(), "process")) {
        if (!"true".equals(Xml.attr(process, "isExecutable"))) {
          continue;
        }
        Map<String, FlowNode> nodes = new LinkedHashMap<>();
        collectFlowNodes(process, nodes);
        flowNodes.put(Xml.attr(process, "id"), Map.copyOf(nodes));
      }
    }
    Map<String, Set<String>> decisionsByFile = new LinkedHashMap<>();
    Map<String, Set<String>> outputs = new LinkedHashMap<>();
    for (Model m : dmn) {
      Document doc = parse(m);
      Set<String> ids = new LinkedHashSet<>();
      for (Element decision : Xml.descendants(doc.getDocumentElement(), "decision")) {
        String id = Xml.attr(decision, "id");
        ids.add(id);
        Set<String> names = new LinkedHashSet<>();
        for (Element output : Xml.descendants(decision, "output")) {
          if (Xml.attr(output, "name") != null) {
            names.add(Xml.attr(output, "name"));
          }
        }
        outputs.put(id, Set.copyOf(names));
      }
      decisionsByFile.put(m.name(), Set.copyOf(ids));
    }
    return new PackagedModels(Map.copyOf(flowNodes), Map.copyOf(decisionsByFile), Map.copyOf(outputs));
  }

  Set<String> processKeys() {
    return flowNodes.keySet();
  }

  Set<String> decisionKeys() {
    return decisionOutputs.keySet();
  }

  static void collectFlowNodes(Element scope, Map<String, FlowNode> into) {
    for (Element child : Xml.children(scope)) {
      if (Xml.BPMN.equals(child.getNamespaceURI()) && FLOW_NODE_TYPES.contains(child.getLocalName())
          && Xml.attr(child, "id") != null) {
        into.put(Xml.attr(child, "id"), new FlowNode(child.getLocalName(), Xml.attr(child, "name")));
      }
      collectFlowNodes(child, into);
    }
  }

  private static Document parse(Model m) {
    try {
      return Xml.parse(m.bytes());
    } catch (Exception e) {
      throw new IllegalStateException("packaged model " + m.name() + " is not valid XML: " + e.getMessage(), e);
    }
  }
}
