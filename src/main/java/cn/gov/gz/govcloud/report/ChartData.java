package cn.gov.gz.govcloud.report;

import com.deepoove.poi.data.ChartMultiSeriesRenderData;
import com.deepoove.poi.data.ChartSingleSeriesRenderData;
import com.deepoove.poi.data.Charts;
import com.deepoove.poi.data.RenderData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one native Word chart of a template: a title and, per category, one value per series. The chart's type,
 * colours and axis titles are the template's (process owners restyle them in Word); the data replaces the template's
 * sample series and its embedded workbook, so "编辑数据" in Word or WPS shows these figures.
 *
 * <p>A chart with nothing to show (no category, or a bar or pie chart whose values are all zero) gets the title
 * "…（本期无数据）" and one empty category "本期无数据", so the reader sees that there was nothing, never a dummy series.
 */
public final class ChartData {

  public static final String NO_DATA = "本期无数据";

  private final String title;
  private final List<String> categories;
  private final Map<String, List<? extends Number>> series;
  private final boolean zeroIsData;

  private ChartData(String title, List<String> categories, Map<String, List<? extends Number>> series,
      boolean zeroIsData) {
    for (var e : series.entrySet()) {
      if (e.getValue().size() != categories.size()) {
        throw new IllegalArgumentException("series " + e.getKey() + " has " + e.getValue().size() + " values for "
            + categories.size() + " categories");
      }
    }
    this.title = title;
    this.categories = List.copyOf(categories);
    this.series = series;
    this.zeroIsData = zeroIsData;
  }

  /** A bar or column chart: one or more series over the categories; all zero counts as no data. */
  public static ChartData bars(String title, List<String> categories, Map<String, List<? extends Number>> series) {
    return new ChartData(title, categories, new LinkedHashMap<>(series), false);
  }

  /** A bar chart of one series. */
  public static ChartData bars(String title, List<String> categories, String seriesName,
      List<? extends Number> values) {
    return bars(title, categories, Map.of(seriesName, values));
  }

  /** A line chart over time: a zero is a value (a week without emergencies), only no category is no data. */
  public static ChartData line(String title, List<String> categories, String seriesName,
      List<? extends Number> values) {
    return new ChartData(title, categories, new LinkedHashMap<>(Map.of(seriesName, values)), true);
  }

  /** A pie chart of one series; all zero is no data. */
  public static ChartData pie(String title, List<String> categories, String seriesName, List<? extends Number> values) {
    return new ChartData(title, categories, new LinkedHashMap<>(Map.of(seriesName, values)), false);
  }

  public boolean empty() {
    if (categories.isEmpty()) {
      return true;
    }
    return !zeroIsData && series.values().stream().flatMap(List::stream)
        .allMatch(v -> v == null || v.doubleValue() == 0);
  }

  /** The chart title as printed. */
  public String title() {
    return empty() ? title + "（" + NO_DATA + "）" : title;
  }

  public List<String> categories() {
    return empty() ? List.of(NO_DATA) : categories;
  }

  /** Series name → values as printed (no value at all for an empty chart). */
  public Map<String, List<Number>> series() {
    Map<String, List<Number>> out = new LinkedHashMap<>();
    series.forEach((name, values) -> out.put(name, empty() ? java.util.Collections.singletonList(null)
        : values.stream().map(v -> (Number) v).toList()));
    return out;
  }

  /** poi-tl's data for a chart with several series (bar, column, line). */
  RenderData multi() {
    var builder = Charts.ofMultiSeries(title(), categories().toArray(String[]::new));
    series().forEach((name, values) -> builder.addSeries(name, values.toArray(Number[]::new)));
    ChartMultiSeriesRenderData data = builder.create();
    return data;
  }

  /** poi-tl's data for a pie chart. */
  RenderData single() {
    var e = series().entrySet().iterator().next();
    ChartSingleSeriesRenderData data = Charts.ofSingleSeries(title(), categories().toArray(String[]::new))
        .series(e.getKey(), e.getValue().toArray(Number[]::new)).create();
    return data;
  }
}
