package cn.gov.gz.govcloud.engine;

import java.util.Comparator;
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
import org.w3c.dom.Element;

/**
 * The checks on one BPMN element of a deployment (forms, delegates, calls, decisions, timers, expressions), for
 * {@link ModelRules}: each problem names the file and element and says in Chinese and English how to fix it in Modeler.
 */
final class ElementRules {

  private static final Pattern BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final Pattern FORM_KEY_IN_DEPLOYMENT = Pattern.compile("^camunda-forms:deployment:(.+)$");

  private final CheckContext context;
  private final Map<String, byte[]> resources;
  private final Map<String, String> formIds;
  private final Set<String> processKeys;
  private final Set<String> decisionKeys;
  private final Set<String> formsReferencedHere;
  private final List<ModelProblem> problems;

  ElementRules(CheckContext context, Map<String, byte[]> resources, Map<String, String> formIds,
      Set<String> processKeys, Set<String> decisionKeys, Set<String> formsReferencedHere, List<ModelProblem> problems) {
    this.context = context;
    this.resources = resources;
    this.formIds = formIds;
    this.processKeys = processKeys;
    this.decisionKeys = decisionKeys;
    this.formsReferencedHere = formsReferencedHere;
    this.problems = problems;
  }

  void checkForm(String file, Element element) {
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

  void checkDelegate(String file, Element element, String expression, String className, String kind) {
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

  void checkCall(String file, Element element) {
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

  void checkDecisionRef(String file, Element element) {
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

  void checkTimer(String file, Element definition) {
    Element event = ModelRules.owner(definition);
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
  void checkExpressions(String file, Element element) {
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
          : ModelRules.owner(element);
      problem(file, Xml.describe(shown), "表达式 " + text + " 写法有误（" + firstLine(e.getMessage()) + "）：表达式写成 ${变量名} 或"
              + " ${条件}，如 ${handlingOutcome == 'RECOVERED'}；字符串用单引号。",
          "the expression " + text + " cannot be parsed (" + firstLine(e.getMessage()) + "): write ${variable} or "
              + "${condition}, e.g. ${handlingOutcome == 'RECOVERED'}, strings in single quotes.");
    }
  }

  private void problem(String file, String element, String zh, String en) {
    problems.add(new ModelProblem(file, element, zh, en));
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
