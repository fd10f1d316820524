package cn.gov.gz.govcloud.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The choices a start form offers for one field, for the person who opens it (Tasklist gives start forms no process
 * variables, so their option lists come from here): a unit user picks one of their own unit's systems by name, staff
 * any system. A feature implements it as a Spring bean; {@link StartFormOptions} fills the field.
 */
public interface FormOptions {

  /** The form field key this source fills, e.g. {@code businessSystemCode}. */
  String field();

  /** The options for this caller; an empty list hides the field (nothing to choose). */
  List<Option> options(Authentication caller);

  /** One option: what people read, what the process receives. */
  record Option(String label, String value) {}
}
