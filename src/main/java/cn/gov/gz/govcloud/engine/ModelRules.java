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
  private static final Pattern BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final Pattern FORM_KEY_IN_DEPLOYMENT = Pattern.compile("^camunda-forms:deployment:(.+)$");
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

  ModelRules(CheckContext context, Map<String, byte[]> resources) {
    this.context = context;
    this.resources = resources;
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
      checkForm(file, element);
      checkDelegate(file, element, Xml.camunda(element, "delegateExpression"), Xml.camunda(element, "class"),
          "activity");
      if ("callActivity".equals(local)) {
        checkCall(file, element);
      }
      if ("businessRuleTask".equals(local)) {
        checkDecisionRef(file, element);
      }
      if ("timerEventDefinition".equals(local)) {
        checkTimer(file, element);
      }
    }
    if (camundaElement && ("executionListener".equals(local) || "taskListener".equals(local))) {
      checkDelegate(file, owner(element), Xml.attr(element, "delegateExpression"), Xml.attr(element, "class"), local);
    }
    checkExpressions(file, element);
    for (Element child : Xml.children(element)) {
      walk(file, child);
    }
  }

  /** The BPMN element an extension element belongs to. */
  private static Element owner(Element extension) {
    for (org.w3c.dom.Node n = extension.getParentNode(); n != null; n = n.getParentNode()) {
      if (n instanceof Element e && Xml.BPMN.equals(e.getNamespaceURI()) && !"extensionElements".equals(
          e.getLocalName())) {
        return e;
      }
    }
    return extension;
  }

  private void checkForm(String file, Element element) {
    String ref = Xml.camunda(element, "formRef");
    String key = Xml.camunda(element, "formKey");
    if (ref != null && key != null) {
      problem(file, Xml.describe(element), "同时设置了表单引用（formRef）和表单键（formKey）：在属性面板「Form」中把类型选为"
              + "「Camunda Forms (linked)」，只保留表单引用。",
          "both a form reference (formRef) and a form key (formKey) are set: choose \"Camunda Forms (linked)\" as "
              + "the form type in the Form group, so only the reference remains.");
    }
    if (key != null && !Xml.isExpression(key)) {
      Matcher m = FORM_KEY_IN_DEPLOYMENT.matcher(key);
      if (m.matches() && !resources.containsKey(m.group(1))) {
        problem(file, Xml.describe(element), "表单文件 " + m.group(1) + " 不在本次部署中：在 Modeler 的部署对话框中附加该文件。",
            "the form file " + m.group(1) + " is not in this deployment: attach it in Modeler's deploy dialog.");
      }
    }
    if (ref == null || Xml.isExpression(ref)) {
      return;
    }
    formsReferencedHere.add(ref);
    String binding = Xml.camunda(element, "formRefBinding");
    if (binding == null) {
      problem(file, Xml.describe(element), "表单 " + ref + " 没有设置绑定方式：在属性面板「Form」→「Binding」选择「deployment」。",
          "form " + ref + " has no binding: choose \"deployment\" in Form → Binding in the properties panel.");
      return;
    }
    String file0 = "forms/" + ref + ".form";
    switch (binding) {
      case "deployment" -> {
        if (!formIds.containsKey(ref)) {
          problem(file, Xml.describe(element), "引用的表单 " + ref + " 不在本次部署中，系统中也从未部署过该表单：在 Modeler 的部署对话框中"
                  + "附加 " + file0 + "；如果是新表单，先用「File → New File → Form (Camunda 7)」创建，表单 ID 填 " + ref + "。",
              "form " + ref + " is not in this deployment and was never deployed: attach " + file0 + " in Modeler's "
                  + "deploy dialog; for a new form create it first (File → New File → Form (Camunda 7)) with the id "
                  + ref + ".");
        }
      }
      case "latest", "version" -> {
        String version = Xml.camunda(element, "formRefVersion");
        if (!formIds.containsKey(ref) && !context.formExists(ref, binding, version)) {
          problem(file, Xml.describe(element), "引用的表单 " + ref + ("version".equals(binding) ? " 第 " + version + " 版" : "")
                  + " 不存在：在 Modeler 的部署对话框中附加 " + file0 + "，并建议把「Binding」设为「deployment」，让表单随模型一起部署。",
              "form " + ref + ("version".equals(binding) ? " version " + version : "") + " does not exist: attach "
                  + file0 + " in the deploy dialog, and prefer Binding \"deployment\" so the form travels with its "
                  + "model.");
        }
      }
      default -> problem(file, Xml.describe(element), "表单绑定方式 " + binding + " 无效：「Binding」只能是 deployment、latest 或 version。",
          "form binding " + binding + " is not valid: Binding is deployment, latest or version.");
    }
  }

  private void checkDelegate(String file, Element element, String expression, String className, String kind) {
    if (className != null) {
      problem(file, Xml.describe(element), "不允许使用 Java 类（class=" + className + "）：请在属性面板「Template」中选择元素模板，"
              + "由模板设置 Java 委托。",
          "Java classes (class=" + className + ") are not allowed: pick an element template in the Template group "
              + "of the properties panel; it sets the delegate.");
    }
    if (expression == null) {
      return;
    }
    Matcher m = BEAN.matcher(expression.strip());
    if (!m.matches()) {
      problem(file, Xml.describe(element), "Java 委托必须写成 ${委托名称}，不能是 " + expression + "：请在属性面板「Template」中"
              + "选择元素模板，不要手工输入。",
          "a delegate expression must be ${delegateName}, not " + expression + ": pick an element template in the "
              + "Template group instead of typing it.");
      return;
    }
    String name = m.group(1);
    Optional<Class<?>> type = context.beanType(name);
    if (type.isEmpty()) {
      String suggestion = closest(name, context.delegateBeans());
      problem(file, Xml.describe(element), "系统中没有名为 " + name + " 的 Java 委托"
              + (suggestion == null ? "" : "（是否应为 ${" + suggestion + "}？）")
              + "：请在属性面板「Template」→「Select」中按中文名称选择元素模板（模板随项目放在 .camunda/element-templates/），"
              + "不要手工输入委托表达式。",
          "there is no delegate named " + name + (suggestion == null ? "" : " (did you mean ${" + suggestion + "}?)")
              + ": pick an element template in Template → Select (the project's .camunda/element-templates/) "
              + "instead of typing the expression.");
      return;
    }
    Class<?> t = type.get();
    boolean fits = switch (kind) {
      case "executionListener" -> ExecutionListener.class.isAssignableFrom(t) || JavaDelegate.class.isAssignableFrom(t);
      case "taskListener" -> TaskListener.class.isAssignableFrom(t);
      default -> JavaDelegate.class.isAssignableFrom(t) || ActivityBehavior.class.isAssignableFrom(t);
    };
    if (!fits) {
      problem(file, Xml.describe(element), name + " 不是可在此处使用的 Java 委托：请在属性面板「Template」中选择元素模板。",
          name + " is not a delegate that can be used here: pick an element template in the Template group.");
    }
  }

  private void checkCall(String file, Element element) {
    String called = Xml.attr(element, "calledElement");
    if (called == null) {
      problem(file, Xml.describe(element), "调用活动没有指定要调用的流程：请在属性面板「Template」中选择调用模板，或在「Called element」填写流程 ID。",
          "the call activity names no process: pick a call template, or fill in Called element.");
      return;
    }
    if (Xml.isExpression(called)) {
      return;
    }
    String binding = Optional.ofNullable(Xml.camunda(element, "calledElementBinding")).orElse("latest");
    boolean here = processKeys.contains(called);
    boolean exists = switch (binding) {
      case "deployment" -> here;
      case "latest" -> here || context.processExists(called, binding, null, null)
          || context.packaged().processKeys().contains(called);
      default -> context.processExists(called, binding, Xml.camunda(element, "calledElementVersion"),
          Xml.camunda(element, "calledElementVersionTag"));
    };
    if (!exists) {
      problem(file, Xml.describe(element), "调用的流程 " + called + " 不存在（绑定方式 " + binding + "）：请检查「Called element」中的流程 ID，"
              + "或先部署该流程。",
          "the called process " + called + " does not exist (binding " + binding + "): check the process id in "
              + "Called element, or deploy that process first.");
    }
  }

  private void checkDecisionRef(String file, Element element) {
    String ref = Xml.camunda(element, "decisionRef");
    if (ref == null || Xml.isExpression(ref)) {
      return;
    }
    String binding = Optional.ofNullable(Xml.camunda(element, "decisionRefBinding")).orElse("latest");
    boolean here = decisionKeys.contains(ref);
    boolean exists = switch (binding) {
      case "deployment" -> here;
      case "latest" -> here || context.decisionExists(ref, binding, null, null)
          || context.packaged().decisionKeys().contains(ref);
      default -> context.decisionExists(ref, binding, Xml.camunda(element, "decisionRefVersion"),
          Xml.camunda(element, "decisionRefVersionTag"));
    };
    if (!exists) {
      problem(file, Xml.describe(element), "引用的决策表 " + ref + " 不存在（绑定方式 " + binding + "）：请检查「Decision reference」，"
              + "或在部署对话框中附加定义该决策的 .dmn 文件。",
          "the decision " + ref + " does not exist (binding " + binding + "): check Decision reference, or attach "
              + "the .dmn file that defines it in the deploy dialog.");
    }
  }

  private void checkTimer(String file, Element definition) {
    Element event = owner(definition);
    List<Element> values = Xml.children(definition).stream()
        .filter(e -> Set.of("timeDate", "timeDuration", "timeCycle").contains(e.getLocalName())).toList();
    if (values.isEmpty() || values.stream().allMatch(v -> Xml.text(v) == null)) {
      problem(file, Xml.describe(event), "定时器没有设置时间：在属性面板「Timer」中选择类型（Date / Duration / Cycle）并填写值。",
          "the timer has no time: choose its type (Date, Duration or Cycle) in the Timer group and fill in a value.");
      return;
    }
    for (Element v : values) {
      String value = Xml.text(v);
      if (value == null || Xml.isExpression(value)) {
        continue;
      }
      try {
        context.resolveTimer(v.getLocalName(), value);
      } catch (RuntimeException e) {
        problem(file, Xml.describe(event), "定时器的时间 " + value + " 无法解析：日期写成 ISO 8601 并带时区，如 2026-11-25T09:00:00+08:00；"
                + "时长如 PT30M、P1D；循环如 R3/PT10M 或六段 cron（如 0 0 9 * * ?，按服务器时区）。",
            "the timer value " + value + " cannot be read: a date is ISO 8601 with an offset "
                + "(2026-11-25T09:00:00+08:00), a duration e.g. PT30M or P1D, a cycle R3/PT10M or a six-field cron "
                + "(0 0 9 * * ?, in the server's time zone).");
      }
    }
  }

  /** Every attribute and text in the process that holds an expression must parse. */
  private void checkExpressions(String file, Element element) {
    var attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      parse(file, element, attributes.item(i).getNodeValue());
    }
    if (Xml.children(element).isEmpty()) {
      boolean scripted = element.hasAttribute("language") || element.hasAttribute("scriptFormat");
      if (!scripted) {
        parse(file, element, Xml.text(element));
      }
    }
  }

  private void parse(String file, Element element, String text) {
    if (!Xml.isExpression(text)) {
      return;
    }
    try {
      context.parseExpression(text);
    } catch (RuntimeException e) {
      Element shown = Xml.BPMN.equals(element.getNamespaceURI()) && Xml.attr(element, "id") != null ? element
          : owner(element);
      problem(file, Xml.describe(shown), "表达式 " + text + " 写法有误（" + firstLine(e.getMessage()) + "）：表达式写成 ${变量名} 或"
              + " ${条件}，如 ${handlingOutcome == 'RECOVERED'}；字符串用单引号。",
          "the expression " + text + " cannot be parsed (" + firstLine(e.getMessage()) + "): write ${variable} or "
              + "${condition}, e.g. ${handlingOutcome == 'RECOVERED'}, strings in single quotes.");
    }
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

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }

  /** The bean name closest to a misspelt one, when it is close enough to be a likely typo. */
  static String closest(String name, Set<String> candidates) {
    return candidates.stream()
        .map(c -> Map.entry(c, distance(name.toLowerCase(), c.toLowerCase())))
        .filter(e -> e.getValue() <= Math.max(2, name.length() / 4))
        .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).orElse(null);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
