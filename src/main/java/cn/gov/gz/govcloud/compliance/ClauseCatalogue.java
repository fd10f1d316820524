package cn.gov.gz.govcloud.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clause catalogue, {@code compliance/clauses.tsv}: every numbered clause of the chapters the project implements
 * (see {@link Standard#chapters()}) and the few others the project cites, each with its title, how it is met and, for
 * organisational and out-of-scope clauses, the record or the reason. The file was built from the standards' texts;
 * its order is the standards' order.
 */
final class ClauseCatalogue {

  public static final String RESOURCE = "compliance/clauses.tsv";

  private final Map<String, StandardClause> byKey;

  ClauseCatalogue(List<StandardClause> clauses) {
    Map<String, StandardClause> m = new LinkedHashMap<>();
    for (StandardClause c : clauses) {
      if (m.put(c.key(), c) != null) {
        throw new IllegalArgumentException(RESOURCE + ": " + c.key() + " twice");
      }
    }
    this.byKey = Collections.unmodifiableMap(m);
  }

  /** The catalogue packaged with the application. */
  public static ClauseCatalogue load() {
    try (InputStream in = ClauseCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClauseCatalogue parse(InputStream in) throws IOException {
    List<StandardClause> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = r.readLine(); // header
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        throw new IllegalArgumentException(RESOURCE + " line " + n + ": standard, clause, title, kind[, covers]");
      }
      ClauseKind kind = ClauseKind.of(f[3].strip());
      String covers = f.length > 4 ? f[4].strip() : "";
      if ((kind == ClauseKind.ORGANISATIONAL || kind == ClauseKind.OUT_OF_SCOPE) && covers.isEmpty()) {
        throw new IllegalArgumentException(RESOURCE + " line " + n + ": an " + kind.id()
            + " clause names its record or reason");
      }
      out.add(new StandardClause(Standard.ofCode(f[0].strip()), f[1].strip(), f[2].strip(), kind, covers));
    }
    return new ClauseCatalogue(out);
  }

  public List<StandardClause> all() {
    return List.copyOf(byKey.values());
  }

  public Optional<StandardClause> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public Optional<StandardClause> find(Standard standard, String number) {
    return find(StandardClause.key(standard, number));
  }
}
