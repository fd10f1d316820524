package cn.gov.gz.govcloud.security;

import java.lang.reflect.Field;

/**
 * Reads a field of one of Camunda's command objects (the task id of a claim, the variables of a completion, the query
 * that extends a stored filter). The fields are looked up when the guards are created, so an engine upgrade that
 * renames one stops the application at start instead of silently switching a check off.
 */
final class CommandFields {

  private final Field field;

  private CommandFields(Field field) {
    this.field = field;
  }

  static CommandFields of(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return new CommandFields(f);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("Camunda command " + type.getName() + " has no field '" + name
        + "': the engine guards must be updated for this engine version");
  }

  @SuppressWarnings("unchecked")
  <T> T read(Object command) {
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
