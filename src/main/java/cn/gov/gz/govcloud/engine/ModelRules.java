package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.engine.PackagedModels.FlowNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The checks every deployment passes before it goes live, written for the process owner who edits the models in
 * Camunda Modeler: each problem names the file and element and says, in Chinese and English, how to fix it in
 * Modeler. One instance checks one deployment (all its resources together, so a model may reference a form or a
 * decision deployed with it).
 */
final class ModelRules {

  /** Camunda Modeler's generated ids: a type, "_" and seven base-36 characters, e.g. Activity_0x1y2z3. */
  static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[01][0-9a-z]{6}$");
  private static final Set<String> SKIPPED_TEXT = Set.of("documentation", "textAnnotation", "script");

  private final CheckContext context;
  private final Map<String, byte[]> resources;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ModelProblem> problems = new ArrayList<>();
  private final Map<String, String> formIds = new LinkedHashMap<>();
  private final Set<String> processKeys = new LinkedHashSet<>();
  private final Set<String> decisionKeys = new LinkedHashSet<>();
  private final Map<String, Document> bpmn = new LinkedHashMap<>();
  private final Map<String, Document> dmn = new LinkedHashMap<>();
  private final Set<String> formsReferencedHere = new LinkedHashSet<>();

  private final ElementRules elements;

  ModelRules(CheckContext context, Map<String, byte[]> resources) {
    this.context = context;
    this.resources = resources;
    this.elements = new ElementRules(context, resources, formIds, processKeys, decisionKeys, formsReferencedHere,
        problems);
  }

  static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  static boolean isDmn(String name) {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  static boolean isForm(String name) {
    return name.endsWith(".form");
  }

  /** The form id of a Camunda Form (its JSON "id"), or null when the file is not a form with an id. */
  static String formId(byte[] content) {
    try {
      JsonNode id = JSON.readTree(content).get("id");
      return id == null || !id.isTextual() || id.asText().isBlank() ? null : id.asText();
    } catch (Exception e) {
      return null;
    }
  }

  List<ModelProblem> check() {
    readAll();
    bpmn.forEach(this::checkBpmn);
    dmn.forEach(this::checkDmn);
    if (context.isNew()) {
      checkOrphanForms();
    }
    return problems;
  }

  private void readAll() {
    resources.forEach((name, content) -> {
      if (isForm(name)) {
        String id = formId(content);
        if (id == null) {
          problem(name, null, "表单文件无法读取或没有表单 ID：请在 Camunda Modeler 中打开该表单，在右侧属性面板填写「ID」后保存。",
              "the form cannot be read or has no form id: open it in Camunda Modeler, fill in its ID in the "
                  + "properties panel and save it.");
        } else {
          formIds.put(id, name);
        }
      } else if (isBpmn(name) || isDmn(name)) {
        try {
          Document doc = Xml.parse(content);
          if (isBpmn(name)) {
            bpmn.put(name, doc);
            for (Element p : Xml.descendants(doc.getDocumentElement(), "process")) {
              if ("true".equals(Xml.attr(p, "isExecutable")) && Xml.attr(p, "id") != null) {
                processKeys.add(Xml.attr(p, "id"));
              }
            }
          } else {
            dmn.put(name, doc);
            for (Element d : Xml.descendants(doc.getDocumentElement(), "decision")) {
              if (Xml.attr(d, "id") != null) {
                decisionKeys.add(Xml.attr(d, "id"));
              }
            }
          }
        } catch (Exception e) {
          problem(name, null, "文件无法读取（" + e.getMessage() + "）：请用 Camunda Modeler 打开并重新保存后再部署。",
              "the file cannot be read (" + e.getMessage() + "): open it in Camunda Modeler, save it and deploy "
                  + "again.");
        }
      }
    });
  }

  // BPMN ////////////////////////////////////////////////////////////////////////////////////////////////////////////

  private void checkBpmn(String file, Document doc) {
    List<Element> executable = Xml.descendants(doc.getDocumentElement(), "process").stream()
        .filter(p -> "true".equals(Xml.attr(p, "isExecutable"))).toList();
    if (executable.isEmpty()) {
      problem(file, null, "文件中没有可执行的流程：在 Modeler 中点击画布空白处，在属性面板「General」中勾选「Executable」。",
          "the file has no executable process: click the empty canvas in Modeler and tick \"Executable\" in the "
              + "properties panel (General).");
      return;
    }
    for (Element process : executable) {
      String key = Xml.attr(process, "id");
      if (Xml.camunda(process, "historyTimeToLive") == null) {
        problem(file, Xml.describe(process), "流程 " + key + " 未设置历史保留期限：点击画布空白处，在属性面板"
                + "「History cleanup → Time to live」填写天数（本系统的流程为 730）。",
            "process " + key + " has no history time to live: click the empty canvas and fill in History cleanup → "
                + "Time to live in the properties panel (our processes keep 730 days).");
      }
      if (context.isNew()) {
        checkKeyKept(file, process, key);
        checkPackagedIdsKept(file, process, key);
      }
      walk(file, process);
    }
  }

  /** A model file deployed before keeps its process id: renaming it would start a different process. */
  private void checkKeyKept(String file, Element process, String key) {
    Set<String> before = context.processKeysDeployedFrom(file);
    if (!before.isEmpty() && !before.contains(key) && processKeys.stream().noneMatch(before::contains)) {
      String old = String.join("、", before);
      problem(file, Xml.describe(process), "流程 ID 由 " + old + " 改成了 " + key + "：外部系统发起流程、调用活动和系统代码都按流程 ID"
              + "使用流程，不能修改。请点击画布空白处，在属性面板「General → ID」改回 " + old + "（流程名称 Name 可以改）。",
          "the process id was changed from " + old + " to " + key + ": external systems, call activities and the "
              + "code use the process id, so it must stay. Click the empty canvas and set General → ID back to " + old
              + " (the Name may change).");
    }
  }

  /** Elements the shipped model has stay, with their ids and types; the owner may add anything. */
  private void checkPackagedIdsKept(String file, Element process, String key) {
    Map<String, FlowNode> packaged = context.packaged().flowNodes().get(key);
    if (packaged == null) {
      return;
    }
    Map<String, FlowNode> now = new HashMap<>();
    PackagedModels.collectFlowNodes(process, now);
    packaged.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      FlowNode here = now.get(e.getKey());
      String what = e.getKey() + (e.getValue().name() == null ? "" : "「" + e.getValue().name() + "」");
      if (here == null) {
        problem(file, null, "缺少元素 " + what + "（" + e.getValue().type() + "）：系统代码、计时器和运行中的流程实例依赖这个 ID。"
                + "请恢复该元素并保持原 ID（属性面板「General → ID」）；确需删除时请联系开发人员在 processes/ 中修改并随版本发布。",
            "element " + e.getKey() + " (" + e.getValue().type() + ") is missing: the code, timers and running "
                + "instances rely on this id. Restore it with its id (General → ID); to remove it, ask the developers "
                + "to change processes/ in a release.");
      } else if (!here.type().equals(e.getValue().type())) {
        problem(file, null, "元素 " + what + " 的类型由 " + e.getValue().type() + " 改成了 " + here.type()
                + "：请改回原类型（右键元素 →「Change element」/ 扳手图标），系统代码按类型使用它。",
            "element " + e.getKey() + " changed its type from " + e.getValue().type() + " to " + here.type()
                + ": change it back (wrench icon, Change element); the code relies on its type.");
      }
    });
  }

  private void walk(String file, Element element) {
    String local = element.getLocalName();
    boolean bpmnElement = Xml.BPMN.equals(element.getNamespaceURI());
    boolean camundaElement = Xml.CAMUNDA.equals(element.getNamespaceURI());
    if (bpmnElement && SKIPPED_TEXT.contains(local)) {
      return;
    }
    if (camundaElement && "script".equals(local)) {
      return; // refused by the no-scripts rule, nothing more to say
    }
    if (bpmnElement && PackagedModels.FLOW_NODE_TYPES.contains(local) && context.isNew()) {
      String id = Xml.attr(element, "id");
      if (id != null && GENERATED_ID.matcher(id).matches()) {
        problem(file, Xml.describe(element), "ID " + id + " 是 Modeler 自动生成的：请在属性面板「General → ID」改为有含义的 ID，"
                + "格式为 类型_动词宾语，如 Task_CheckBackup、ServiceTask_NotifyUnit（Cockpit、历史记录和流程迁移都按 ID 对应元素）。",
            "the id " + id + " was generated by Modeler: give it a meaningful id in General → ID, Type_VerbObject, "
                + "e.g. Task_CheckBackup (Cockpit, history and migration match elements by id).");
      }
    }
    if (bpmnElement) {
      elements.checkForm(file, element);
      elements.checkDelegate(file, element, Xml.camunda(element, "delegateExpression"), Xml.camunda(element, "class"),
          "activity");
      if ("callActivity".equals(local)) {
        elements.checkCall(file, element);
      }
      if ("businessRuleTask".equals(local)) {
        elements.checkDecisionRef(file, element);
      }
      if ("timerEventDefinition".equals(local)) {
        elements.checkTimer(file, element);
      }
    }
    if (camundaElement && ("executionListener".equals(local) || "taskListener".equals(local))) {
      elements.checkDelegate(file, owner(element), Xml.attr(element, "delegateExpression"), Xml.attr(element, "class"), local);
    }
    elements.checkExpressions(file, element);
    for (Element child : Xml.children(element)) {
      walk(file, child);
    }
  }

  /** The BPMN element an extension element belongs to. */
  static Element owner(Element extension) {
    for (org.w3c.dom.Node n = extension.getParentNode(); n != null; n = n.getParentNode()) {
      if (n instanceof Element e && Xml.BPMN.equals(e.getNamespaceURI()) && !"extensionElements".equals(
          e.getLocalName())) {
        return e;
      }
    }
    return extension;
  }

  // DMN /////////////////////////////////////////////////////////////////////////////////////////////////////////////

  private void checkDmn(String file, Document doc) {
    List<Element> decisions = Xml.descendants(doc.getDocumentElement(), "decision");
    Set<String> ids = new LinkedHashSet<>();
    for (Element decision : decisions) {
      String id = Xml.attr(decision, "id");
      ids.add(id);
      String ttl = decision.getAttributeNS(Xml.CAMUNDA_DMN, "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        problem(file, Xml.describe(decision), "决策 " + id + " 未设置历史保留期限：在 Modeler 中选中该决策，在属性面板"
                + "「History cleanup → Time to live」填写天数（本系统为 730）。",
            "decision " + id + " has no history time to live: select it in Modeler and fill in History cleanup → "
                + "Time to live (our decisions keep 730 days).");
      }
      Set<String> outputs = context.packaged().decisionOutputs().get(id);
      if (context.isNew() && outputs != null) {
        Set<String> now = new LinkedHashSet<>();
        for (Element output : Xml.descendants(decision, "output")) {
          if (Xml.attr(output, "name") != null) {
            now.add(Xml.attr(output, "name"));
          }
        }
        outputs.stream().sorted().filter(o -> !now.contains(o)).forEach(o -> problem(file, Xml.describe(decision),
            "决策表缺少输出列 " + o + "：系统代码按输出名称读取决策结果，请保留该输出列的「Output name」" + o + "（列标题 Label 可以改）。",
            "the decision table lacks the output " + o + ": the code reads the result by output name, keep Output "
                + "name " + o + " (the column label may change)."));
      }
    }
    Set<String> packagedIds = context.packaged().decisionsByFile().get(baseName(file));
    if (context.isNew() && packagedIds != null) {
      packagedIds.stream().sorted().filter(id -> !ids.contains(id)).forEach(id -> problem(file, null,
          "缺少决策 " + id + "：系统代码和流程按决策 ID 调用它，请不要删除或修改决策的 ID。",
          "decision " + id + " is missing: the code and the processes call it by id; do not remove it or change its "
              + "id."));
    }
  }

  // Forms ///////////////////////////////////////////////////////////////////////////////////////////////////////////

  /**
   * A form deployed without the model whose tasks bind it by deployment changes nothing: the tasks keep the form of
   * their own deployment. Refused, so the owner does not believe it went live.
   */
  private void checkOrphanForms() {
    formIds.forEach((id, file) -> {
      if (formsReferencedHere.contains(id)) {
        return;
      }
      Map<String, String> binding = context.latestProcessesBindingFormByDeployment(id);
      if (binding.isEmpty()) {
        return;
      }
      String processes = String.join("、", binding.keySet());
      String models = String.join("、", new LinkedHashSet<>(binding.values()));
      problem(file, null, "单独部署表单 " + id + " 不会生效：流程 " + processes + " 的任务使用与模型一起部署的表单。"
              + "请在 Modeler 中打开 " + models + "，部署时在对话框中附加此表单，把模型和表单一起部署。",
          "deploying form " + id + " alone changes nothing: the tasks of " + processes + " use the form deployed "
              + "with their model. Open " + models + " in Modeler and deploy it with this form attached.");
    });
  }

  // helpers /////////////////////////////////////////////////////////////////////////////////////////////////////////

  private void problem(String file, String element, String zh, String en) {
    problems.add(new ModelProblem(file, element, zh, en));
  }

  static String baseName(String resourceName) {
    int slash = Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\'));
    return resourceName.substring(slash + 1);
  }

}
