package cn.gov.gz.govcloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rooms' boundaries (ARCHITECTURE "Rooms" and "Data"), checked on every build: shared rooms never import a
 * feature, no cycles between rooms, every table has one owning room that alone names it in SQL (other rooms read
 * the owner's {@code rv_*} reporting views), and a model's element ids are spelled only in the room that owns it.
 * The SQL check reads the string literals of the sources, so a statement spread over several concatenated literals
 * is seen whole.
 */
@Tag("unit")
class ArchitectureTest {

  private static final String BASE = "cn.gov.gz.govcloud";
  private static final Path SOURCES = Path.of("src/main/java/cn/gov/gz/govcloud");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path MODELS = Path.of("processes");

  /** Rooms every feature may use; they never import a feature. */
  private static final List<String> SHARED = List.of("web", "access", "engine", "compliance", "sla", "report",
      "notification", "audit", "organization", "security");

  /** Who owns each table: only that room's SQL names it. */
  static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
      owner("organization", "org_unit", "business_system"),
      owner("notification", "notification", "notification_contact"),
      owner("workorder", "work_order", "work_order_note", "work_order_pause", "work_order_attachment",
          "knowledge_article"),
      owner("sla", "calendar_year", "calendar_day"),
      owner("resourceapplication", "resource_application", "application_line", "application_event",
          "application_delivery"),
      owner("ledger", "ledger_resource", "ledger_history", "inventory_import", "inventory_item", "reconciliation_run",
          "ledger_discrepancy"),
      owner("report", "report_document"),
      owner("emergency", "emergency", "emergency_event", "emergency_plan"),
      owner("monitoring", "monitoring_sample", "monitoring_daily", "monitoring_alert", "monitoring_lock"),
      owner("inspection", "machine_room", "inspection_checklist_item", "inspection", "inspection_area",
          "inspection_result", "inspection_finding", "inspection_checklist_change"),
      owner("drill", "contingency_plan", "contingency_plan_version", "drill", "drill_participant", "drill_stage",
          "drill_improvement", "contingency_plan_review"),
      owner("optimization", "optimization_price", "optimization_review", "optimization_usage",
          "optimization_candidate", "optimization_event"),
      owner("evaluation", "satisfaction_survey", "satisfaction_answer", "report_feedback"),
      owner("audit", "audit_event"),
      owner("integration", "integration_alert", "integration_client"),
      owner("assurance", "assurance", "assurance_scope", "assurance_shift"),
      // Camunda's own table and PostgreSQL's catalogue, named only by the engine room (planner statistics)
      owner("engine", "act_ru_authorization", "pg_statistic_ext"),
      owner("research", "demand_research", "demand_research_answer", "demand_research_demand",
          "demand_research_recommendation"),
      owner("governance", "training", "training_feedback", "ops_staff", "staff_pledge", "security_assessment",
          "security_assessment_result", "management_norm", "management_norm_version", "norm_review",
          "norm_review_opinion"),
      owner("deliverable", "deliverable_document"))
      .entrySet().stream().flatMap(e -> e.getValue().stream().map(t -> Map.entry(t, e.getKey())))
      .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  /** Which room owns each model (by process id or decision id prefix = file name). */
  private static final Map<String, String> MODEL_OWNERS = Map.ofEntries(
      Map.entry("emergency-response", "emergency"), Map.entry("emergency-classification", "emergency"),
      Map.entry("emergency-drill", "drill"), Map.entry("emergency-drill-reminder", "drill"),
      Map.entry("contingency-plan-revision", "drill"), Map.entry("contingency-plan-review", "drill"),
      Map.entry("contingency-plan-review-schedule", "drill"),
      Map.entry("contingency-plan-applicability", "emergency"),
      Map.entry("inspection", "inspection"), Map.entry("inspection-schedule", "inspection"),
      Map.entry("inspection-level-schedule", "inspection"),
      Map.entry("monitoring-thresholds", "monitoring"),
      Map.entry("optimization-review", "optimization"), Map.entry("optimization-review-schedule", "optimization"),
      Map.entry("appendix-c-candidates", "optimization"),
      Map.entry("resource-application-review", "resourceapplication"),
      Map.entry("resource-line-check", "resourceapplication"),
      Map.entry("service-report", "kpi"), Map.entry("service-report-schedule", "kpi"),
      Map.entry("work-order", "workorder"), Map.entry("work-order-dispatch-rules", "workorder"),
      Map.entry("service-level-targets", "workorder"), Map.entry("assurance", "assurance"),
      Map.entry("satisfaction-survey", "evaluation"), Map.entry("satisfaction-survey-schedule", "evaluation"),
      Map.entry("report-feedback", "evaluation"), Map.entry("demand-research", "research"),
      Map.entry("training", "governance"),
      Map.entry("staff-pledge", "governance"), Map.entry("security-assessment", "governance"),
      Map.entry("security-assessment-schedule", "governance"), Map.entry("norm-review", "governance"),
      Map.entry("norm-review-schedule", "governance"), Map.entry("deliverable-approval", "deliverable"),
      Map.entry("service-summary-report", "deliverable"));

  private static final Pattern SQL_NAME = Pattern.compile(
      "\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern WRITE = Pattern.compile(
      "\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ELEMENT_ID = Pattern.compile(" id=\"([A-Za-z]+_[A-Za-z0-9_]+)\"");
  /** Words after FROM/INTO/... that are SQL, not tables. */
  private static final List<String> SQL_WORDS = List.of("SELECT", "VALUES", "LATERAL", "DUAL", "SET");

  /** The feature rooms. */
  private static final List<String> FEATURES = List.of("workorder", "emergency", "resourceapplication", "ledger",
      "inspection", "monitoring", "drill", "optimization", "kpi", "dashboard", "integration", "assurance",
      "evaluation", "research", "governance", "deliverable");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(BASE);
  }

  @Test
  void sharedRoomsNeverImportAFeature() {
    noClasses().that().resideInAnyPackage(packages(SHARED))
        .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
        .because("shared rooms stay small and never import a feature (processes hand work over through the engine)")
        .check(classes);
  }

  @Test
  void roomsAreFreeOfCycles() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyTableHasAnOwner() throws IOException {
    List<String> unowned = new ArrayList<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        Matcher m = CREATE_TABLE.matcher(Files.readString(f));
        while (m.find()) {
          if (!TABLE_OWNERS.containsKey(m.group(1).toLowerCase())) {
            unowned.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(unowned).as("tables created by a migration but missing from TABLE_OWNERS").isEmpty();
  }

  @Test
  void sqlNamesOnlyTheRoomsOwnTablesAndReportingViews() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaSources()) {
      String room = room(file);
      for (String sql : SourceStrings.of(Files.readString(file))) {
        Matcher m = SQL_NAME.matcher(sql);
        while (m.find()) {
          String name = m.group(2).toLowerCase();
          if (SQL_WORDS.contains(m.group(2).toUpperCase()) || name.startsWith("rv_")
              || room.equals(TABLE_OWNERS.get(name))) {
            continue;
          }
          violations.add(where(file, room) + " names " + name
              + (TABLE_OWNERS.containsKey(name) ? " (owned by " + TABLE_OWNERS.get(name) + ")" : " (unknown table)"));
        }
        Matcher w = WRITE.matcher(sql);
        while (w.find()) {
          if (w.group(2).toLowerCase().startsWith("rv_")) {
            violations.add(where(file, room) + " writes to the view " + w.group(2));
          }
        }
      }
    }
    assertThat(new TreeSet<>(violations))
        .as("SQL must name only the room's own tables; other rooms' data is read through their rv_* views")
        .isEmpty();
  }

  @Test
  void modelElementIdsAreSpelledOnlyInTheOwningRoom() throws IOException {
    Map<String, String> idOwner = new java.util.HashMap<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn)$")).toList()) {
        String model = f.getFileName().toString().replaceFirst("\\.(bpmn|dmn)$", "");
        assertThat(MODEL_OWNERS).as("owner of model " + model).containsKey(model);
        Matcher m = ELEMENT_ID.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).startsWith("Flow_") && !m.group(1).contains("_di")) {
            idOwner.merge(m.group(1), MODEL_OWNERS.get(model), (a, b) -> a.equals(b) ? a : a + "," + b);
          }
        }
      }
    }
    List<String> violations = new ArrayList<>();
    for (Path file : javaSources()) {
      String room = room(file);
      for (String literal : SourceStrings.of(Files.readString(file))) {
        String owners = idOwner.get(literal);
        if (owners != null && !List.of(owners.split(",")).contains(room)) {
          violations.add(where(file, room) + " spells " + literal + " of room " + owners);
        }
      }
    }
    assertThat(violations).as("a model's element ids belong to the room that owns the model").isEmpty();
  }

  /**
   * The engine's expression language reaches a bean's methods and properties only through a public class: a bean a
   * model names in {@code ${bean.property}} or {@code ${bean.method(...)}} must stay public.
   */
  @Test
  void beansTheModelsExpressionsNameArePublic() throws IOException {
    Pattern beanRef = Pattern.compile("[$#]\\{\\s*([a-z][A-Za-z0-9]*)\\.");
    java.util.Set<String> beans = new TreeSet<>();
    for (Path dir : List.of(MODELS, Path.of("forms"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          beanRef.matcher(Files.readString(f)).results().map(r -> r.group(1)).forEach(beans::add);
        }
      }
    }
    beans.remove("execution");
    beans.remove("task");
    List<String> problems = new ArrayList<>();
    for (String bean : beans) {
      String simple = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
      var match = classes.stream().filter(c -> c.getSimpleName().equals(simple) || c.tryGetAnnotationOfType(
          org.springframework.stereotype.Component.class).map(a -> a.value().equals(bean)).orElse(false)).toList();
      if (match.isEmpty()) {
        problems.add(bean + ": no class");
      }
      match.stream().filter(c -> !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
          .forEach(c -> problems.add(bean + ": " + c.getName() + " is not public"));
    }
    assertThat(beans).as("beans named in expressions").contains("optimizationSettings", "inspectionPlan");
    assertThat(problems).isEmpty();
  }

  @Test
  void theScanSeesStatementsSpreadOverLiteralsAndTextBlocks() {
    String textBlock = "\"\"\"";
    String source = "class X {\n"
        + "  // FROM comment_table is not SQL\n"
        + "  String a = \"SELECT id FROM \" + // the table follows\n"
        + "      \"work_order WHERE id = ?\";\n"
        + "  String b = " + textBlock + "\n      UPDATE emergency SET status = 'x'\n      " + textBlock + ";\n"
        + "  char c = '\"';\n"
        + "  String d = \"no SQL here\";\n"
        + "}\n";
    List<String> names = SourceStrings.of(source).stream().flatMap(s -> SQL_NAME.matcher(s).results())
        .map(r -> r.group(2)).toList();
    assertThat(names).containsExactly("work_order", "emergency");
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String room(Path file) {
    Path rel = SOURCES.relativize(file);
    return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
  }

  private static String where(Path file, String room) {
    return room + "/" + file.getFileName();
  }

  private static Map.Entry<String, List<String>> owner(String room, String... tables) {
    return Map.entry(room, List.of(tables));
  }

  private static String[] packages(List<String> rooms) {
    return rooms.stream().map(r -> BASE + "." + r + "..").toArray(String[]::new);
  }
}
