package cn.gov.gz.govcloud.compliance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that implements a clause the models cannot show (a rule kept in code, a service behind a REST API:
 * monitoring, KPIs, the audit trail). The models' documentation cites the clauses of process steps; this annotation
 * is for the rest. Written like any citation ({@link CitationParser}), e.g. {@code @Implements("GB 8.4.3 f 4")}; the
 * compliance matrix lists the class as where the clause is implemented.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Implements.List.class)
public @interface Implements {

  /** The clause, in any spelling the parser reads: {@code P6 7.3.2.3}, {@code GB/T 34077.3 8.4.2 g 6}. */
  String value();

  /** What the class does for the clause, in Chinese, shown in the matrix. */
  String what();

  /** The container of repeated annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Implements[] value();
  }
}
