package cn.gov.gz.govcloud.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small helpers to read model XML (BPMN, DMN) without the engine: namespace-aware, no DTDs, no entities. */
final class Xml {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  private Xml() {}

  /** The document, or an exception whose message says what is wrong with it. */
  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  /** Every element below {@code root} (not root itself) with this local name, in document order. */
  static List<Element> descendants(Element root, String localName) {
    NodeList all = root.getElementsByTagNameNS("*", localName);
    List<Element> out = new ArrayList<>(all.getLength());
    for (int i = 0; i < all.getLength(); i++) {
      out.add((Element) all.item(i));
    }
    return out;
  }

  /** The attribute's value, or null when it is absent or blank. */
  static String attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static String camunda(Element e, String name) {
    String v = e.getAttributeNS(CAMUNDA, name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The text of an element without child elements, stripped; null when blank. */
  static String text(Element e) {
    String t = e.getTextContent();
    return t == null || t.isBlank() ? null : t.strip();
  }

  /** How the owner recognizes an element: its name in the diagram and its id, e.g. 「响应应急事件」(Task_RespondEmergency). */
  static String describe(Element e) {
    String id = attr(e, "id");
    String name = attr(e, "name");
    if (name == null) {
      return id == null ? e.getLocalName() : id;
    }
    return "「" + name.replaceAll("\\s+", " ") + "」(" + (id == null ? e.getLocalName() : id) + ")";
  }
}
