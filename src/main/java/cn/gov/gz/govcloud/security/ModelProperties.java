package cn.gov.gz.govcloud.security;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** Reads a Camunda extension property ({@code <camunda:property name=".." value=".."/>}) of a BPMN element. */
final class ModelProperties {

  private ModelProperties() {}

  static String read(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    for (Element properties : extensions.elements()) {
      if (!"properties".equals(properties.getTagName())) {
        continue;
      }
      for (Element property : properties.elements()) {
        if ("property".equals(property.getTagName()) && name.equals(property.attribute("name"))) {
          String value = property.attribute("value");
          return value == null || value.isBlank() ? null : value.strip();
        }
      }
    }
    return null;
  }
}
