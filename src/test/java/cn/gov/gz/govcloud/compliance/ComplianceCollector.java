package cn.gov.gz.govcloud.compliance;

import cn.gov.gz.govcloud.compliance.CitationParser.Citation;
import cn.gov.gz.govcloud.compliance.ClauseLink.LinkKind;
import cn.gov.gz.govcloud.support.Clause;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Collects every citation of a clause in the project: the documentation of BPMN elements (and text annotations), DMN
 * decisions and the descriptions of their rules (the rule annotations Modeler shows), the paragraphs of report
 * templates that name a clause (section headings and "依据" lines), {@code @Implements} on main classes and
 * {@code @Clause} on test methods. Each citation is read by {@link CitationParser} and looked up in the catalogue;
 * what cannot be read or does not exist is a problem.
 */
final class ComplianceCollector {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** The links found and the problems met, both in a stable order. */
  record Found(List<ClauseLink> links, List<String> problems) {}

  private static final Map<String, String> BPMN_TYPES = Map.ofEntries(Map.entry("process", "流程"),
      Map.entry("userTask", "用户任务"), Map.entry("serviceTask", "服务任务"), Map.entry("businessRuleTask", "规则任务"),
      Map.entry("sendTask", "发送任务"), Map.entry("receiveTask", "接收任务"), Map.entry("scriptTask", "脚本任务"),
      Map.entry("task", "任务"), Map.entry("callActivity", "调用活动"), Map.entry("subProcess", "子流程"),
      Map.entry("startEvent", "开始事件"), Map.entry("endEvent", "结束事件"), Map.entry("boundaryEvent", "边界事件"),
      Map.entry("intermediateCatchEvent", "中间事件"), Map.entry("intermediateThrowEvent", "中间事件"),
      Map.entry("exclusiveGateway", "排他网关"), Map.entry("parallelGateway", "并行网关"),
      Map.entry("inclusiveGateway", "包容网关"), Map.entry("eventBasedGateway", "事件网关"),
      Map.entry("sequenceFlow", "顺序流"), Map.entry("textAnnotation", "注释"));

  private final ClauseCatalogue catalogue;
  private final List<ClauseLink> links = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private ComplianceCollector(ClauseCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Everything under the project directory ({@code processes/}, the templates) and on the class path. */
  static Found collect(Path project, ClauseCatalogue catalogue) throws Exception {
    ComplianceCollector c = new ComplianceCollector(catalogue);
    for (Path f : files(project.resolve("processes"), ".bpmn")) {
      c.bpmn(f);
    }
    for (Path f : files(project.resolve("processes"), ".dmn")) {
      c.dmn(f);
    }
    for (Path f : files(project.resolve("src/main/resources/report-templates"), ".docx")) {
      c.template(f);
    }
    for (Class<?> type : classes(Implements.class)) {
      for (Implements i : type.getAnnotationsByType(Implements.class)) {
        c.cite(i.value(), LinkKind.CODE, codeName(type), type.getSimpleName(), "类", i.what());
      }
    }
    for (Class<?> type : classes(ComplianceCollector.class)) {
      for (Method method : type.getDeclaredMethods()) {
        Clause[] clauses = method.getAnnotationsByType(Clause.class);
        if (clauses.length == 0) {
          continue;
        }
        if (!method.isAnnotationPresent(Test.class) && !method.isAnnotationPresent(ParameterizedTest.class)) {
          c.problems.add(type.getSimpleName() + "." + method.getName() + ": @Clause on a method that is not a test");
        }
        for (Clause clause : clauses) {
          c.cite(clause.value(), LinkKind.TEST, type.getSimpleName(), method.getName(), "测试", method.getName());
        }
      }
    }
    Map<String, Integer> order = new HashMap<>();
    List<StandardClause> all = catalogue.all();
    for (int i = 0; i < all.size(); i++) {
      order.put(all.get(i).key(), i);
    }
    c.links.sort(Comparator.comparing((ClauseLink l) -> order.get(l.clauseKey())).thenComparing(ClauseLink::kind)
        .thenComparing(ClauseLink::source).thenComparing(ClauseLink::element).thenComparing(ClauseLink::item));
    return new Found(List.copyOf(c.links.stream().distinct().toList()), List.copyOf(c.problems));
  }

  /** The text of one element cites clauses: each must be read and exist. */
  private void cite(String text, LinkKind kind, String source, String element, String type, String label) {
    CitationParser.Result r = CitationParser.parse(text);
    String where = source + " " + element;
    for (String p : r.problems()) {
      problems.add(where + ": " + p + "（" + shorten(text) + "）");
    }
    if (kind == LinkKind.TEST || kind == LinkKind.CODE) {
      if (r.citations().isEmpty() && r.problems().isEmpty()) {
        problems.add(where + ": “" + text + "” names no clause");
      }
    }
    for (Citation c : r.citations()) {
      if (catalogue.find(c.key()).isEmpty()) {
        problems.add(where + ": cites " + c.key() + " (“" + c.text() + "”), which is not a clause of "
            + c.standard().number() + "（" + shorten(text) + "）");
        continue;
      }
      links.add(new ClauseLink(c.key(), c.item(), kind, source, element, type, label));
    }
  }

  private void bpmn(Path file) throws Exception {
    Document doc = parse(file);
    String source = file.getFileName().toString();
    NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String local = e.getLocalName();
      String text = null;
      if (local.equals("textAnnotation")) {
        text = childText(e, BPMN, "text");
      } else if (BPMN_TYPES.containsKey(local)) {
        text = childText(e, BPMN, "documentation");
      }
      if (text == null || text.isBlank()) {
        continue;
      }
      String id = e.getAttribute("id");
      String name = e.getAttribute("name").isBlank() ? id : e.getAttribute("name");
      cite(text, LinkKind.BPMN, source, id, BPMN_TYPES.get(local), name);
    }
  }

  private void dmn(Path file) throws Exception {
    Document doc = parse(file);
    String source = file.getFileName().toString();
    NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element d = (Element) decisions.item(i);
      String name = d.getAttribute("name");
      String description = childText(d, d.getNamespaceURI(), "description");
      cite(name + "\n" + (description == null ? "" : description), LinkKind.DMN, source, d.getAttribute("id"),
          "决策表", name);
      NodeList rules = d.getElementsByTagNameNS(d.getNamespaceURI(), "rule");
      for (int j = 0; j < rules.getLength(); j++) {
        Element rule = (Element) rules.item(j);
        String text = childText(rule, d.getNamespaceURI(), "description");
        if (text != null && !text.isBlank()) {
          cite(text, LinkKind.DMN, source, rule.getAttribute("id"), "决策规则", text);
        }
      }
    }
  }

  private void template(Path file) throws IOException {
    String source = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
      for (XWPFParagraph p : doc.getParagraphs()) {
        String text = p.getText().strip();
        CitationParser.Result r = CitationParser.parse(text);
        if (!r.citations().isEmpty() || !r.problems().isEmpty()) {
          cite(text, LinkKind.REPORT, source, text, "报告章节", text);
        }
      }
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /** The text of the first direct child of that name, or null. */
  private static String childText(Element parent, String namespace, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && localName.equals(c.getLocalName())
          && (namespace == null || namespace.equals(c.getNamespaceURI()))) {
        return c.getTextContent();
      }
    }
    return null;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Every class compiled into the same output directory as {@code anchor} (main or test classes). */
  private static List<Class<?>> classes(Class<?> anchor) throws IOException, URISyntaxException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info") || name.equals("module-info")) {
          continue;
        }
        try {
          out.add(Class.forName(name, false, anchor.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load " + name, e);
        }
      }
    }
    return out;
  }

  /** {@code emergency.EmergencyService} for {@code cn.gov.gz.govcloud.emergency.EmergencyService}. */
  private static String codeName(Class<?> type) {
    return type.getName().replaceFirst("^cn\\.gov\\.gz\\.govcloud\\.", "");
  }

  private static String shorten(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= 60 ? t : t.substring(0, 60) + "…";
  }
}
