package cn.gov.gz.govcloud.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a clause a test proves: put it on a test method only when the test really checks that clause's behaviour
 * (the clock, the rule, the record the clause asks for), not merely passes through it. Written like any citation
 * ({@code cn.gov.gz.govcloud.compliance.CitationParser}): {@code @Clause("P6 7.4.2.3.2")}, {@code @Clause("GB 5.3.2
 * e 4")}, {@code @Clause("P3 附录 C.1 第 1–9 项")}. {@code ComplianceMatrixTest} collects these into the compliance
 * matrix; a citation of a clause that does not exist fails it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Clause.List.class)
public @interface Clause {

  /** The clause, e.g. {@code P3 5.3.2.7}. */
  String value();

  /** The container of repeated annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    Clause[] value();
  }
}
